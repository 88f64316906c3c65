"""The public `glpi-utils` client (PyPI glpi-utils, import `glpi_utils`; AGPL, a test-only dependency),
unpatched, against the served GLPI sandbox: it sends booleans as 0/1, reads the version from
getGlpiConfig, pages by `range` until the `Content-Range` total, and sends `force_purge` in the DELETE
body."""

import pytest
from glpi_utils import GlpiAPI
from glpi_utils.exceptions import GlpiAPIError, GlpiAuthError, GlpiNotFoundError, GlpiPermissionError

from integrations.glpi.sandbox.seed import (
    DEMO_APP_TOKEN,
    DEMO_LOGIN,
    DEMO_PASSWORD,
    DEMO_USER_TOKEN,
    OBSERVER_TOKEN,
)

from .conftest import add_computers


@pytest.fixture
def api(trusting_sandbox_ca):
    with GlpiAPI(url=trusting_sandbox_ca.url, app_token=DEMO_APP_TOKEN, timeout=10) as client:
        client.login(user_token=DEMO_USER_TOKEN)
        yield client


def test_sessions_and_version(trusting_sandbox_ca):
    client = GlpiAPI(url=trusting_sandbox_ca.url, app_token=DEMO_APP_TOKEN, timeout=10)
    client.login(username=DEMO_LOGIN, password=DEMO_PASSWORD)
    assert client.version.major == 10 and client.version.minor == 0
    assert client.get_active_profile()["name"] == "Super-Admin"
    client.set_active_entity(1, is_recursive=True)  # sent as 0/1
    assert client.get_active_entities()["id"] == 1
    assert [e["id"] for e in client.get_my_entities(is_recursive=True)] == [0, 1]
    client.logout()
    with pytest.raises(GlpiAuthError):
        client.login(user_token="not-a-token")


def test_get_all_pages_stops_at_the_content_range_total(api, trusting_sandbox_ca):
    add_computers(trusting_sandbox_ca, 130, prefix="utils")
    everything = api.computer.get_all_pages(page_size=50)
    assert len(everything) == 137
    pages = list(api.iter_pages("Computer", page_size=40, sort="name", order="DESC"))
    assert [len(p) for p in pages] == [40, 40, 40, 17]
    assert pages[0][0]["name"] == "ws-finance-07"
    only_bulk = api.computer.get_all(range="0-199", **{"searchText[name]": "^utils-"})
    assert len(only_bulk) == 130


def test_search_by_criteria(api):
    result = api.computer.search(
        criteria=[{"field": 5, "searchtype": "contains", "value": "^HP"}], forcedisplay=[23, 4]
    )
    assert result["totalcount"] == 1
    assert result["data"] == [
        {
            "1": "legacy-app-host",
            "80": "Root entity &#62; Portfolio Bridge",
            "23": "HPE",
            "4": "Server",
            "5": "HP79937264",
            "2": 2,
        }
    ]
    empty = api.computer.search(criteria=[{"field": 1, "searchtype": "equals", "value": "nothing"}])
    assert empty["totalcount"] == 0 and "data" not in empty


def test_create_update_delete_one_and_many(api, trusting_sandbox_ca):
    one = api.computer.create({"name": "utils-01", "entities_id": 1})
    assert one["message"] == "" and isinstance(one["id"], int)
    many = api.computer.create([{"name": "utils-02"}, {"name": "utils-03"}])
    assert [m["message"] for m in many] == ["", ""]
    assert api.computer.update({"id": one["id"], "serial": "U-1"}) == [{str(one["id"]): True, "message": ""}]
    assert api.computer.get(one["id"])["serial"] == "U-1"
    assert api.computer.delete([{"id": m["id"]} for m in many], force_purge=True) == [
        {str(m["id"]): True, "message": ""} for m in many
    ]
    assert api.computer.delete({"id": one["id"]}) == [{str(one["id"]): True, "message": ""}]
    assert api.computer.get(one["id"])["is_deleted"] == 1
    with pytest.raises(GlpiNotFoundError):
        api.computer.get(many[0]["id"])


def test_sub_items_with_the_parent_link(api):
    followup = api.ticket.add_sub_item(1, "ITILFollowup", {"content": "Checked again"})
    assert isinstance(followup["id"], int)
    contents = [f["content"] for f in api.ticket.get_sub_items(1, "ITILFollowup")]
    assert contents == ["&#60;p&#62;Cleaned the temp folder.&#60;/p&#62;", "Checked again"]


def test_partial_failures_and_errors(api, trusting_sandbox_ca):
    with pytest.raises(GlpiAPIError) as partial:
        api.computer.update([{"id": 1, "comment": "x"}, {"id": 9999, "comment": "y"}])
    assert partial.value.status_code == 207 and partial.value.error_code == "ERROR_GLPI_PARTIAL_UPDATE"
    with pytest.raises(GlpiAPIError) as bad_range:
        api.computer.get_all(range="10-5")
    assert bad_range.value.error_code == "ERROR" and "range must be in format" in str(bad_range.value)
    observer = GlpiAPI(url=trusting_sandbox_ca.url, app_token=DEMO_APP_TOKEN, timeout=10)
    observer.login(user_token=OBSERVER_TOKEN)
    with pytest.raises(GlpiAPIError) as refused:
        observer.computer.update({"id": 1, "comment": "x"})
    assert refused.value.status_code == 400 and refused.value.error_code == "ERROR_GLPI_UPDATE"
    assert str(refused.value) == "You don't have permission to perform this action."
    observer.set_active_entity(1, is_recursive=False)
    with pytest.raises(GlpiPermissionError):
        observer.computer.get(5)  # srv-0019 lives in the root entity, now out of reach
