"""Reading items from the GLPI sandbox on the wire: one item with its options and Last-Modified,
collections with range, Content-Range, Accept-Range and 200/206 (including GLPI's header quirk without a
range), sort, order, searchText and the trash, sub-items, getMultipleItems, entity restriction,
HTML-escaped text unless `X-GLPI-Sanitized-Content: false`, and the request-level errors."""

import pytest

from .conftest import add_computers


def test_one_item_with_dropdowns_contracts_infocoms_and_links(glpi_server):
    plain = glpi_server.get("/Computer/1")
    assert plain.status_code == 200
    assert plain.headers["Last-Modified"].endswith(" GMT")
    computer = plain.json()
    assert computer["name"] == "srv-0009" and computer["serial"] == "DE54800838"
    assert computer["manufacturers_id"] == 1 and computer["users_id"] == 0 and computer["is_deleted"] == 0
    assert {"rel": "Entity", "href": f"{glpi_server.api}/Entity/1"} in computer["links"]
    assert {
        "rel": "Item_OperatingSystem",
        "href": f"{glpi_server.api}/Computer/1/Item_OperatingSystem",
    } in computer["links"]
    expanded = glpi_server.get(
        "/Computer/1",
        params={
            "expand_dropdowns": "true",
            "with_contracts": "true",
            "with_infocoms": "1",
            "get_hateoas": "false",
        },
    ).json()
    assert expanded["manufacturers_id"] == "Dell" and expanded["computertypes_id"] == "Server"
    assert expanded["entities_id"] == "Root entity &#62; Portfolio Bridge"
    assert expanded["users_id"] == 0  # empty foreign keys stay 0
    assert expanded["_contracts"] == [{"id": 1, "contracts_id": 1, "items_id": 1, "itemtype": "Computer"}]
    assert expanded["_infocoms"] == [] and "links" not in expanded
    root = glpi_server.get("/Entity/0").json()
    assert root["name"] == "Root entity"


def test_missing_and_unknown(glpi_server):
    missing = glpi_server.get("/Computer/999")
    assert missing.status_code == 404 and missing.json() == ["ERROR_ITEM_NOT_FOUND", "Item not found"]
    unknown = glpi_server.get("/Spaceship/1")
    assert unknown.status_code == 400 and unknown.json()[0] == "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM"
    assert glpi_server.get("/computer/1").json()["name"] == "srv-0009"  # PHP class names ignore case


def test_collections_page_with_range_and_content_range(glpi_server):
    add_computers(glpi_server, 193)  # 200 visible computers
    default = glpi_server.get("/Computer")
    assert default.status_code == 206 and len(default.json()) == 15
    assert default.headers["Content-Range"] == "0-15/200"  # GLPI's quirk without a range
    assert default.headers["Accept-Range"] == "Computer 1000"
    page = glpi_server.get("/Computer", params={"range": "100-149"})
    assert page.status_code == 206 and page.headers["Content-Range"] == "100-149/200"
    assert [c["id"] for c in page.json()] == sorted(c["id"] for c in page.json()) and len(page.json()) == 50
    last = glpi_server.get("/Computer", params={"range": "190-299"})
    assert (
        last.status_code == 206 and last.headers["Content-Range"] == "190-199/200" and len(last.json()) == 10
    )
    everything = glpi_server.get("/Computer", params={"range": "0-999"})
    assert everything.status_code == 200 and everything.headers["Content-Range"] == "0-199/200"
    at_end = glpi_server.get("/Computer", params={"range": "200-210"})
    assert at_end.status_code == 206 and at_end.json() == []
    beyond = glpi_server.get("/Computer", params={"range": "201-210"})
    assert beyond.status_code == 400 and beyond.json()[0] == "ERROR_RANGE_EXCEED_TOTAL"
    assert "Provided range exceed total count of data: 200" in beyond.json()[1]


@pytest.mark.parametrize("value", ["10", "a-b", "5-1"])
def test_a_malformed_range_is_refused(glpi_server, value):
    answer = glpi_server.get("/Computer", params={"range": value})
    assert answer.status_code == 400
    assert answer.json()[0] == "ERROR" and answer.json()[1].startswith(
        "range must be in format : [start-end] with integers"
    )


def test_sort_order_search_text_trash_and_only_id(glpi_server):
    by_name = glpi_server.get("/Computer", params={"sort": "name", "order": "DESC", "range": "0-2"}).json()
    assert [c["name"] for c in by_name] == ["ws-finance-07", "vm-0004", "srv-0019"]
    assert glpi_server.get("/Computer", params={"sort": "colour"}).json()[1] == (
        f"sort param is not a field of glpi_computers; view documentation in your browser at {glpi_server.api}/#ERROR"
    )
    assert (
        glpi_server.get("/Computer", params={"order": "UP"}).json()[1].startswith("order must be DESC or ASC")
    )
    srv = glpi_server.get("/Computer", params={"searchText[name]": "^srv-"}).json()
    assert [c["name"] for c in srv] == ["srv-0009", "srv-0019"]
    trash = glpi_server.get("/Computer", params={"is_deleted": "true"}).json()
    assert [c["name"] for c in trash] == ["old-file-server"]
    assert glpi_server.get("/Computer", params={"only_id": "true", "range": "0-1"}).json() == [
        {"id": 1},
        {"id": 2},
    ]
    none = glpi_server.get("/Computer", params={"searchText[serial]": "NO-SUCH"})
    assert none.status_code == 200 and none.json() == [] and "Content-Range" not in none.headers


def test_sub_items_by_foreign_key_and_by_itemtype(glpi_server):
    systems = glpi_server.get("/Computer/1/Item_OperatingSystem", params={"expand_dropdowns": "true"})
    assert systems.status_code == 200 and systems.headers["Content-Range"] == "0-0/1"
    (system,) = systems.json()
    assert (
        system["operatingsystems_id"] == "Windows Server" and system["licenseid"] == "00430-64269-15962-AA009"
    )
    assert [link["items_id"] for link in glpi_server.get("/Contract/1/Contract_Item").json()] == [1]
    assert [s["suppliers_id"] for s in glpi_server.get("/Contract/1/Contract_Supplier").json()] == [1]
    assert glpi_server.get("/Computer/2/Item_OperatingSystem").json() == []
    assert glpi_server.get("/Computer/404/Item_OperatingSystem").status_code == 404
    assert glpi_server.get("/Computer/1/Spaceship").json()[0] == "ERROR_ITEMTYPE_NOT_FOUND_NOR_COMMONDBTM"


def test_get_multiple_items(glpi_server):
    params = {
        "items[0][itemtype]": "User",
        "items[0][items_id]": "7",
        "items[1][itemtype]": "Computer",
        "items[1][items_id]": "1",
        "items[2][itemtype]": "Computer",
        "items[2][items_id]": "999",
    }
    user, computer, missing = glpi_server.get("/getMultipleItems", params=params).json()
    assert user["name"] == "portfolio-bridge" and "password" not in user
    assert computer["name"] == "srv-0009"
    assert missing == ["ERROR_ITEM_NOT_FOUND", "Item not found"]


def test_text_is_html_escaped_unless_asked_not_to(glpi_server):
    escaped = glpi_server.get("/Ticket/1").json()["content"]
    assert escaped == "&#60;p&#62;Disk usage on C: is above 90% &#38; rising&#60;/p&#62;"
    raw = glpi_server.get("/Ticket/1", headers={"X-GLPI-Sanitized-Content": "false"}).json()["content"]
    assert raw == "<p>Disk usage on C: is above 90% & rising</p>"


def test_the_active_entity_restricts_what_is_seen(glpi_server):
    assert (
        glpi_server.post("/changeActiveEntities", json={"entities_id": 1, "is_recursive": False}).json()
        is True
    )
    names = [c["name"] for c in glpi_server.get("/Computer", params={"range": "0-99"}).json()]
    assert "srv-0019" not in names and "ws-finance-07" not in names and "srv-0009" in names
    hidden = glpi_server.get("/Computer/5")
    assert hidden.status_code == 403
    assert hidden.json() == ["ERROR_RIGHT_MISSING", "You don't have permission to perform this action."]
    assert glpi_server.get("/Location/1").status_code == 200  # recursive from the root entity


def test_request_level_errors(glpi_server):
    body_on_get = glpi_server.get("/Computer", data='{"a": 1}', headers={"Content-Type": "application/json"})
    assert body_on_get.status_code == 400 and body_on_get.json()[0] == "ERROR_JSON_PAYLOAD_FORBIDDEN"
    bad_json = glpi_server.post("/Computer", data="{nope", headers={"Content-Type": "application/json"})
    assert bad_json.status_code == 400 and bad_json.json() == [
        "ERROR_JSON_PAYLOAD_INVALID",
        "JSON payload seems not valid",
    ]
    assert glpi_server.get("/search/").json()[0] == "ERROR_RESOURCE_MISSING"
    too_big = glpi_server.post(
        "/Computer", data=b"x" * (10 * 1024 * 1024 + 1), headers={"Content-Type": "application/json"}
    )
    assert too_big.status_code == 400 and too_big.json()[0] == "ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE"
    docs = glpi_server.raw("get", "/")
    assert docs.status_code == 200 and 'id="ERROR_SESSION_TOKEN_INVALID"' in docs.text
    outside = glpi_server.http.get(glpi_server.url + "/front/computer.php", verify=glpi_server.ca, timeout=10)
    assert outside.status_code == 404


def test_polymorphic_links_expand_and_keys_names(glpi_server):
    (link,) = glpi_server.get("/Contract_Item", params={"expand_dropdowns": "true"}).json()
    assert link["items_id"] == "srv-0009" and link["contracts_id"] == "Dell ProSupport srv-0009"
    assert {"rel": "Computer", "href": f"{glpi_server.api}/Computer/1"} in link["links"]
    computer = glpi_server.get(
        "/Computer/1", params={"add_keys_names[]": ["manufacturers_id", "computertypes_id"]}
    ).json()
    assert computer["_keys_names"] == {"manufacturers_id": "Dell", "computertypes_id": "Server"}
    assert computer["manufacturers_id"] == 1
    tickets = glpi_server.get("/Computer/1", params={"with_tickets": "true"}).json()["_tickets"]
    assert [(t["id"], t["assocID"]) for t in tickets] == [(1, 1)]
