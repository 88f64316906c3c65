"""Writing to the GLPI sandbox on the wire: POST/PUT/PATCH/DELETE with `{"input": …}` for one item or
many, 201 with Location or Link, 200, 207 ERROR_GLPI_PARTIAL_*, 400 ERROR_GLPI_*, ERROR_BAD_ARRAY,
DELETE with a JSON body, the trash and force_purge (with what a purge takes along), relations that must
name existing items, and the rights of a read-only profile."""

import pytest

from integrations.glpi.sandbox.seed import DEMO_APP_TOKEN, OBSERVER_TOKEN


def test_add_one_item(glpi_server):
    created = glpi_server.post(
        "/Computer", json={"input": {"name": "new-01", "serial": "N-1", "entities_id": 1, "unknown": "x"}}
    )
    assert created.status_code == 201
    body = created.json()
    assert body == {"id": 9, "message": ""}
    assert created.headers["Location"] == f"{glpi_server.api}/Computer/9"
    row = glpi_server.rows("Computer")[-1]
    assert row["name"] == "new-01" and row["entities_id"] == 1 and "unknown" not in row
    assert row["date_creation"] == row["date_mod"] and len(row["date_mod"]) == 19


def test_add_many_items(glpi_server):
    created = glpi_server.post("/Manufacturer", json={"input": [{"name": "Lenovo Group"}, {"name": "Cisco"}]})
    assert created.status_code == 201
    assert created.json() == [{"id": 5, "message": ""}, {"id": 6, "message": ""}]
    assert created.headers["Link"] == f"{glpi_server.api}/Manufacturer/5,{glpi_server.api}/Manufacturer/6"


def test_a_partly_failed_add_is_207_and_a_failed_one_400(glpi_server):
    link = {"contracts_id": 1, "itemtype": "Computer"}
    partial = glpi_server.post(
        "/Contract_Item", json={"input": [{**link, "items_id": 3}, {**link, "items_id": 1}]}
    )
    assert partial.status_code == 207
    assert partial.json() == [
        "ERROR_GLPI_PARTIAL_ADD",
        [
            {"id": 2, "message": ""},
            {"id": False, "message": "An item with the same contracts_id, itemtype, items_id already exists"},
        ],
    ]
    failed = glpi_server.post(
        "/Contract_Item",
        json={"input": [{**link, "items_id": 404}, {**link, "itemtype": "Spaceship", "items_id": 1}]},
    )
    assert failed.status_code == 400
    assert failed.json() == [
        "ERROR_GLPI_ADD",
        [
            {"id": False, "message": "The linked Computer 404 does not exist"},
            {"id": False, "message": "Unknown itemtype “Spaceship”"},
        ],
    ]
    single = glpi_server.post("/Contract_Item", json={"input": {**link, "items_id": 404}})
    assert single.status_code == 400 and single.json() == [
        "ERROR_GLPI_ADD",
        "The linked Computer 404 does not exist",
    ]
    wrong_type = glpi_server.post("/Contract", json={"input": {"name": "x", "duration": "three years"}})
    assert wrong_type.json() == ["ERROR_GLPI_ADD", "Invalid value “three years” for the field duration"]


@pytest.mark.parametrize(
    "body", [{}, {"input": "text"}, {"input": []}, {"input": [1, 2]}, {"inputs": {"name": "x"}}]
)
def test_input_must_be_an_object_or_a_list_of_objects(glpi_server, body):
    answer = glpi_server.post("/Computer", json=body)
    assert answer.status_code == 400
    assert answer.json() == [
        "ERROR_BAD_ARRAY",
        f"input parameter must be an array of objects; view documentation in your browser at {glpi_server.api}/#ERROR_BAD_ARRAY",
    ]


def test_update_by_url_or_by_ids_in_the_input(glpi_server):
    one = glpi_server.put("/Computer/2", json={"input": {"comment": "<b>moved</b>", "locations_id": "1"}})
    assert one.status_code == 200 and one.json() == [{"2": True, "message": ""}]
    row = glpi_server.rows("Computer")[1]
    assert row["comment"] == "<b>moved</b>" and row["locations_id"] == 1
    assert glpi_server.get("/Computer/2").json()["comment"] == "&#60;b&#62;moved&#60;/b&#62;"
    many = glpi_server.patch(
        "/Computer", json={"input": [{"id": 3, "otherserial": "A"}, {"id": 4, "otherserial": "B"}]}
    )
    assert many.status_code == 200 and many.json() == [{"3": True, "message": ""}, {"4": True, "message": ""}]
    partial = glpi_server.put(
        "/Computer", json={"input": [{"id": 3, "otherserial": "C"}, {"id": 999, "otherserial": "D"}]}
    )
    assert partial.status_code == 207
    assert partial.json() == [
        "ERROR_GLPI_PARTIAL_UPDATE",
        [{"3": True, "message": ""}, {"999": False, "message": "Item not found"}],
    ]
    missing = glpi_server.put("/Computer/999", json={"input": {"name": "x"}})
    assert missing.status_code == 400 and missing.json() == ["ERROR_GLPI_UPDATE", "Item not found"]
    assert glpi_server.put("/Computer/2", json={"name": "no input"}).json()[0] == "ERROR_BAD_ARRAY"


def test_a_new_entity_gets_its_complete_name_and_level(glpi_server):
    created = glpi_server.post("/Entity", json={"input": {"name": "Apps", "entities_id": 1}}).json()
    entity = glpi_server.get(f"/Entity/{created['id']}", headers={"X-GLPI-Sanitized-Content": "false"}).json()
    assert entity["completename"] == "Root entity > Portfolio Bridge > Apps" and entity["level"] == 3
    assert glpi_server.post("/Entity", json={"input": {"name": ""}}).json() == [
        "ERROR_GLPI_ADD",
        "The name is mandatory",
    ]


def test_delete_moves_to_the_trash_and_force_purge_removes(glpi_server):
    trashed = glpi_server.delete("/Computer/2")
    assert trashed.status_code == 200 and trashed.json() == [{"2": True, "message": ""}]
    assert glpi_server.rows("Computer")[1]["is_deleted"] == 1
    purged = glpi_server.delete("/Computer/1", params={"force_purge": "true"})
    assert purged.json() == [{"1": True, "message": ""}]
    assert glpi_server.get("/Computer/1").status_code == 404
    # what existed only through the computer went with it (GLPI's cleanDBonPurge)
    assert glpi_server.rows("Item_OperatingSystem") == [] and glpi_server.rows("Contract_Item") == []
    assert glpi_server.rows("Appliance_Item") == [] and glpi_server.rows("Item_Ticket") == []
    assert [c["id"] for c in glpi_server.rows("Contract")] == [1]


def test_delete_many_with_a_json_body(glpi_server):
    body = {"input": [{"id": 3}, {"id": 4}], "force_purge": True}
    deleted = glpi_server.delete("/Computer", json=body)
    assert deleted.status_code == 200 and deleted.json() == [
        {"3": True, "message": ""},
        {"4": True, "message": ""},
    ]
    assert {c["id"] for c in glpi_server.rows("Computer")}.isdisjoint({3, 4})
    partial = glpi_server.delete("/Computer", json={"input": [{"id": 6}, {"id": 404}], "force_purge": 1})
    assert partial.status_code == 207
    assert partial.json() == [
        "ERROR_GLPI_PARTIAL_DELETE",
        [{"6": True, "message": ""}, {"404": False, "message": "Item not found"}],
    ]
    none = glpi_server.delete("/Computer", json={"input": [{"id": 404}]})
    assert none.status_code == 400 and none.json() == [
        "ERROR_GLPI_DELETE",
        [{"404": False, "message": "Item not found"}],
    ]
    single = glpi_server.delete("/Computer/404")
    assert single.status_code == 400 and single.json() == ["ERROR_GLPI_DELETE", "Item not found"]
    assert glpi_server.delete("/Entity/0").json() == [
        "ERROR_GLPI_DELETE",
        "The root entity cannot be deleted",
    ]


def test_relations_without_trash_are_purged(glpi_server):
    assert glpi_server.delete("/Contract_Supplier/1").json() == [{"1": True, "message": ""}]
    assert glpi_server.rows("Contract_Supplier") == []


def test_sub_item_posts_create_the_sub_itemtype(glpi_server):
    created = glpi_server.post(
        "/Ticket/1/ITILFollowup", json={"input": {"itemtype": "Ticket", "items_id": 1, "content": "more"}}
    )
    assert created.status_code == 201
    followup = glpi_server.rows("ITILFollowup")[-1]
    assert followup["content"] == "more" and followup["users_id"] == 7 and followup["date"]


def test_methods_glpi_does_not_route(glpi_server):
    for method, path in (
        ("post", "/Computer/1"),
        ("put", "/Computer/1/Item_OperatingSystem"),
        ("delete", "/Computer/1/Item_OperatingSystem"),
    ):
        answer = getattr(glpi_server, method)(path, json={"input": {"name": "x"}})
        assert answer.status_code == 405 and answer.json()[0] == "ERROR_METHOD_NOT_ALLOWED"


def test_a_read_only_profile_cannot_write(glpi_server):
    token = glpi_server.raw(
        "get",
        "/initSession",
        headers={"App-Token": DEMO_APP_TOKEN, "Authorization": f"user_token {OBSERVER_TOKEN}"},
    ).json()["session_token"]
    observer = {"Session-Token": token}
    assert glpi_server.get("/Computer/1", headers=observer).status_code == 200
    for answer, code in (
        (glpi_server.post("/Computer", json={"input": {"name": "x"}}, headers=observer), "ERROR_GLPI_ADD"),
        (
            glpi_server.put("/Computer/1", json={"input": {"name": "x"}}, headers=observer),
            "ERROR_GLPI_UPDATE",
        ),
        (glpi_server.delete("/Computer/1", headers=observer), "ERROR_GLPI_DELETE"),
    ):
        assert answer.status_code == 400
        assert answer.json() == [code, "You don't have permission to perform this action."]
    assert glpi_server.rows("Computer")[0]["name"] == "srv-0009"


def test_writes_outside_the_active_entities_are_refused(glpi_server):
    glpi_server.post("/changeActiveEntities", json={"entities_id": 1, "is_recursive": False})
    answer = glpi_server.post(
        "/Computer", json={"input": [{"name": "here"}, {"name": "root", "entities_id": 0}]}
    )
    assert answer.status_code == 207
    assert answer.json()[1][1] == {
        "id": False,
        "message": "You don't have permission to perform this action.",
    }
    assert glpi_server.rows("Computer")[-1]["entities_id"] == 1  # the active entity by default
