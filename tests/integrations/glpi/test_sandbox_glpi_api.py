"""The public `glpi-api` client (PyPI glpi-api, import `glpi_api`), unpatched, against the served GLPI
sandbox: sessions with a user token or login/password (headers or query parameters), paging past 100
computers with ranges, search by uid criteria, single and bulk add/update/delete, a partial failure
(207) and GLPI's error arrays as the client turns them into GLPIError."""

import glpi_api
import pytest

from integrations.glpi.sandbox.seed import (
    DEMO_APP_TOKEN,
    DEMO_LOGIN,
    DEMO_PASSWORD,
    DEMO_USER_TOKEN,
    OBSERVER_TOKEN,
)

from .conftest import add_computers


@pytest.fixture
def glpi(trusting_sandbox_ca):
    with glpi_api.connect(trusting_sandbox_ca.api, DEMO_APP_TOKEN, DEMO_USER_TOKEN) as client:
        yield client


@pytest.mark.parametrize("use_headers", [True, False])
def test_sessions_with_a_user_token_or_a_login(trusting_sandbox_ca, use_headers):
    api = trusting_sandbox_ca.api
    for auth in (DEMO_USER_TOKEN, (DEMO_LOGIN, DEMO_PASSWORD)):
        with glpi_api.connect(api, DEMO_APP_TOKEN, auth, use_headers=use_headers) as glpi:
            assert glpi.get_config()["cfg_glpi"]["version"].startswith("10.0.")
            assert [p["name"] for p in glpi.get_my_profiles()] == ["Super-Admin"]
            assert glpi.get_active_entities()["active_entities"] == [{"id": 0}, {"id": 1}]
            assert glpi.set_active_entities(1, is_recursive=False)
            assert glpi.get_active_entities() == {
                "id": 1,
                "active_entity_recursive": False,
                "active_entities": [{"id": 1}],
            }
            assert {e["name"] for e in glpi.get_my_entities()} == {
                "Root entity",
                "Root entity &#62; Portfolio Bridge",  # GLPI 10 returns text HTML-escaped
            }
            assert glpi.get_full_session()["glpiname"] == DEMO_LOGIN


def test_a_killed_session_is_refused(trusting_sandbox_ca):
    glpi = glpi_api.GLPI(trusting_sandbox_ca.api, DEMO_APP_TOKEN, DEMO_USER_TOKEN)
    glpi.kill_session()
    with pytest.raises(
        glpi_api.GLPIError, match=r"^\(ERROR_SESSION_TOKEN_INVALID\) session_token seems invalid$"
    ):
        glpi.get_my_profiles()


def test_login_errors_come_back_as_glpi_errors(trusting_sandbox_ca):
    api = trusting_sandbox_ca.api
    with pytest.raises(
        glpi_api.GLPIError, match=r"\(ERROR_GLPI_LOGIN_USER_TOKEN\) parameter user_token seems invalid"
    ):
        glpi_api.GLPI(api, DEMO_APP_TOKEN, "not-a-token")
    with pytest.raises(glpi_api.GLPIError, match=r"\(ERROR_GLPI_LOGIN\) Incorrect username or password"):
        glpi_api.GLPI(api, DEMO_APP_TOKEN, (DEMO_LOGIN, "wrong"))
    with pytest.raises(
        glpi_api.GLPIError, match=r"\(ERROR_WRONG_APP_TOKEN_PARAMETER\) parameter app_token seems wrong"
    ):
        glpi_api.GLPI(api, "wrong-app-token", DEMO_USER_TOKEN)


def test_paging_through_more_than_a_hundred_computers(glpi, trusting_sandbox_ca):
    add_computers(trusting_sandbox_ca, 120)
    total = len([c for c in trusting_sandbox_ca.rows("Computer") if not c["is_deleted"]])
    seen, start = [], 0
    while start < total:
        page = glpi.get_all_items("Computer", range=f"{start}-{start + 49}")
        seen += [c["name"] for c in page]
        start += 50
    assert total == 127
    assert len(seen) == total == len(set(seen))
    assert len(glpi.get_all_items("Computer", range="0-199")) == total


def test_search_by_uid_criteria_and_forcedisplay(glpi):
    criteria = [
        {"field": "Item_OperatingSystem.OperatingSystem.name", "searchtype": "contains", "value": "^Windows"}
    ]
    forcedisplay = ["name", "serial", "Item_OperatingSystem.licenseid", "Entity.completename"]
    found = glpi.search("Computer", criteria=criteria, forcedisplay=forcedisplay)
    assert found == [
        {
            "1": "srv-0009",
            "80": "Root entity &#62; Portfolio Bridge",
            "5": "DE54800838",
            "44": "00430-64269-15962-AA009",
            "45": "Windows Server",
            "2": 1,
        }
    ]
    assert glpi.field_id("Computer", "serial") == "5"
    assert glpi.field_uid("Computer", 23) == "Manufacturer.name"
    nothing = [{"field": "serial", "searchtype": "equals", "value": "NO-SUCH-SERIAL"}]
    assert glpi.search("Computer", criteria=nothing) == []


def test_single_and_bulk_add_update_delete(glpi, trusting_sandbox_ca):
    (one,) = glpi.add("Computer", {"name": "glpi-api-01", "serial": "GA0001", "entities_id": 1})
    two, three = glpi.add("Computer", {"name": "glpi-api-02", "entities_id": 1}, {"name": "glpi-api-03"})
    assert one["message"] == "" and two["id"] == one["id"] + 1 and three["id"] == one["id"] + 2
    assert glpi.get_item("Computer", three["id"])["entities_id"] == 0  # the active entity

    assert glpi.update("Computer", {"id": one["id"], "otherserial": "INV-1"}) == [
        {str(one["id"]): True, "message": ""}
    ]
    both = glpi.update("Computer", {"id": two["id"], "comment": "a"}, {"id": three["id"], "comment": "b"})
    assert both == [{str(two["id"]): True, "message": ""}, {str(three["id"]): True, "message": ""}]
    assert glpi.get_item("Computer", one["id"])["otherserial"] == "INV-1"

    assert glpi.delete("Computer", {"id": one["id"]}) == [{str(one["id"]): True, "message": ""}]
    assert glpi.get_item("Computer", one["id"])["is_deleted"] == 1  # in the trash
    purged = glpi.delete("Computer", {"id": two["id"]}, {"id": three["id"]}, force_purge=True)
    assert purged == [{str(two["id"]): True, "message": ""}, {str(three["id"]): True, "message": ""}]
    assert glpi.get_item("Computer", two["id"]) is None
    assert all(c["id"] not in (two["id"], three["id"]) for c in trusting_sandbox_ca.rows("Computer"))


def test_a_partial_failure_is_207_with_each_result(glpi):
    results = glpi.add(
        "Contract_Item",
        {"contracts_id": 1, "itemtype": "Computer", "items_id": 2},
        {"contracts_id": 1, "itemtype": "Computer", "items_id": 1},
    )
    assert results[0]["id"] and results[0]["message"] == ""
    assert results[1] == {
        "id": False,
        "message": "An item with the same contracts_id, itemtype, items_id already exists",
    }

    updated = glpi.update("Computer", {"id": 2, "comment": "ok"}, {"id": 9999, "comment": "no"})
    assert updated == [{"2": True, "message": ""}, {"9999": False, "message": "Item not found"}]
    deleted = glpi.delete("Computer", {"id": 3}, {"id": 9999}, force_purge=True)
    assert deleted == [{"3": True, "message": ""}, {"9999": False, "message": "Item not found"}]


def test_error_arrays_become_glpi_errors(glpi, trusting_sandbox_ca):
    with pytest.raises(
        glpi_api.GLPIError, match=r"^\(ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM\) resource not found"
    ):
        glpi.get_all_items("Spaceship")
    with pytest.raises(
        glpi_api.GLPIError,
        match=r"^\(ERROR_RANGE_EXCEED_TOTAL\) Provided range exceed total count of data: 7",
    ):
        glpi.get_all_items("Computer", range="500-549")
    with pytest.raises(glpi_api.GLPIError, match=r"^\(ERROR\) Bad field ID in search criteria"):
        glpi.search("Computer", criteria=[{"field": 9999, "searchtype": "contains", "value": "x"}])
    with pytest.raises(glpi_api.GLPIError, match=r"^\(ERROR_GLPI_ADD\)"):
        glpi.add("Contract_Item", {"contracts_id": 404, "itemtype": "Computer", "items_id": 1})
    assert glpi.get_item("Computer", 4040) is None  # 404 ERROR_ITEM_NOT_FOUND
    with glpi_api.connect(trusting_sandbox_ca.api, DEMO_APP_TOKEN, OBSERVER_TOKEN) as observer:
        assert observer.get_item("Computer", 1)["name"] == "srv-0009"
        with pytest.raises(glpi_api.GLPIError, match=r"^\(ERROR_GLPI_ADD\) .*You don't have permission"):
            observer.add("Computer", {"name": "nope"})
