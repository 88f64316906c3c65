"""The GLPI client against the served sandbox: one session reused and opened again after it expired,
killed at close; collections paged by `range` and `Content-Range`; bulk writes with per-item results
(207); GLPI's error arrays kept in the shared errors; no secret in the audit rows."""

import pytest

from integrations.base.errors import AuthFailed, Forbidden, NotFound
from integrations.glpi.client import GlpiClient, GlpiSettings, content_range
from integrations.glpi.sandbox.seed import DEMO_APP_TOKEN, DEMO_LOGIN, DEMO_PASSWORD, DEMO_USER_TOKEN
from tests.integrations.glpi.conftest import add_computers


def make_client(server, audit=None, **overrides) -> GlpiClient:
    values = {
        "api_url": server.api,
        "app_token": DEMO_APP_TOKEN,
        "user_token": DEMO_USER_TOKEN,
        "entity_id": 1,
        "ca_bundle": server.ca_pem,
        **overrides,
    }
    return GlpiClient(GlpiSettings(**values), audit=audit)


def paths(records, status=None) -> list[str]:
    return [r.path for r in records if r.status and (status is None or r.status == status)]


def test_one_session_serves_every_call_in_the_chosen_entity(glpi_server):
    calls = []
    with make_client(glpi_server, audit=calls.append) as client:
        names = {c["name"] for c in client.items("Computer")}
        client.get("Computer", 1)
        client.get("Computer", 2)
    assert paths(calls).count("/initSession") == 1 and client.sessions_opened == 1
    assert "/changeActiveEntities" in paths(calls)
    assert "srv-0009" in names and "srv-0019" not in names  # srv-0019 is in the root entity


def test_an_expired_session_is_opened_again_once(glpi_server):
    calls = []
    with make_client(glpi_server, audit=calls.append) as client:
        client.get("Computer", 1)
        glpi_server.glpi.sessions.expire_all()  # as GLPI's session lifetime ending
        assert client.get("Computer", 1)["name"] == "srv-0009"
    assert client.sessions_opened == 2
    assert [r.status for r in calls if r.path == "/Computer/1"] == [200, 401, 200]


def test_a_session_refused_again_is_an_auth_error_not_a_loop(glpi_server):
    with make_client(glpi_server) as client:
        client.get("Computer", 1)
        glpi_server.glpi.sessions.expire_all()
        glpi_server.settings(login_token=False)
        with pytest.raises(AuthFailed, match="user token"):
            client.get("Computer", 1)


def test_close_kills_the_session(glpi_server):
    client = make_client(glpi_server)
    client.get("Computer", 1)
    token = client.session_token
    assert token in glpi_server.glpi.sessions.sessions
    client.close()
    assert token not in glpi_server.glpi.sessions.sessions and client.session_token == ""


def test_basic_login_works_too(glpi_server):
    with make_client(glpi_server, user_token="", login=DEMO_LOGIN, password=DEMO_PASSWORD) as client:
        assert client.get("Computer", 1)["serial"] == "DE54800838"


def test_items_pages_through_more_than_a_hundred_with_content_range(glpi_server):
    add_computers(glpi_server, 180)
    rows = glpi_server.rows("Computer")
    expected = {r["id"] for r in rows if r["entities_id"] == 1 and not r["is_deleted"]}  # trash: hidden
    calls = []
    with make_client(glpi_server, audit=calls.append, page_size=50) as client:
        rows = client.items("Computer")
        first = next(rows)
        assert paths(calls).count("/Computer") == 1  # a page at a time
        ids = {first["id"], *(r["id"] for r in rows)}
    assert ids == expected and len(ids) > 180
    assert paths(calls).count("/Computer") == -(-len(expected) // 50)


def test_an_empty_collection_is_one_call(glpi_server):
    calls = []
    with make_client(glpi_server, audit=calls.append) as client:
        assert list(client.items("Document")) == []
    assert paths(calls).count("/Document") == 1


def test_content_range_is_read_or_refused():
    assert content_range("0-99/250") == (0, 99, 250)
    assert content_range("") is None and content_range("bytes */1") is None


def test_search_by_search_option_pages_and_finds_nothing_without_data(glpi_server):
    add_computers(glpi_server, 120, prefix="find")
    with make_client(glpi_server, page_size=40) as client:
        found = list(
            client.search("Computer", [{"field": 1, "searchtype": "contains", "value": "find-"}], [5])
        )
        assert len(found) == 120 and all(row["5"].startswith("SNfind") for row in found)
        serial = [{"field": 5, "searchtype": "equals", "value": "DE54800838"}]
        assert [row["1"] for row in client.search("Computer", serial, [1])] == ["srv-0009"]
        assert list(client.search("Computer", [{"field": 1, "searchtype": "equals", "value": "nope"}])) == []


def test_bulk_add_keeps_each_items_result_on_a_partial_failure(glpi_server):
    with make_client(glpi_server) as client:
        results = client.add(
            "Computer",
            [
                {"name": "new-1", "entities_id": 1},
                {"name": "elsewhere", "entities_id": 99},
                {"name": "new-2"},
            ],
        )
        assert [r.ok for r in results] == [True, False, True]
        assert results[1].id is None and "permission" in results[1].message
        created = [r.id for r in results if r.ok]
        assert {r["name"] for r in glpi_server.rows("Computer") if r["id"] in created} == {"new-1", "new-2"}

        failed = client.add("Computer", [{"name": "a", "entities_id": 99}, {"name": "b", "entities_id": 99}])
        assert [r.ok for r in failed] == [False, False] and all(r.message for r in failed)
        assert client.add("Computer", []) == []


def test_bulk_update_and_delete(glpi_server):
    with make_client(glpi_server) as client:
        updated = client.update("Computer", [{"id": 1, "comment": "checked"}, {"id": 9999, "comment": "x"}])
        assert [(r.id, r.ok) for r in updated] == [(1, True), (9999, False)] and updated[1].message
        (ids := client.add("Computer", [{"name": "gone-1"}, {"name": "gone-2"}]))
        deleted = client.delete("Computer", [r.id for r in ids], force_purge=True)
        assert all(r.ok for r in deleted)
    remaining = {r["id"] for r in glpi_server.rows("Computer")}
    assert not {r.id for r in ids} & remaining
    assert next(r for r in glpi_server.rows("Computer") if r["id"] == 1)["comment"] == "checked"


def test_errors_keep_glpis_code_and_words(glpi_server):
    with make_client(glpi_server) as client, pytest.raises(NotFound) as missing:
        client.get("Computer", 9999)
    assert missing.value.code == "ERROR_ITEM_NOT_FOUND" and "Item not found" in str(missing.value)

    with make_client(glpi_server, app_token="wrong") as client, pytest.raises(AuthFailed) as refused:
        client.get("Computer", 1)
    assert "App-Token" in refused.value.message and "parameter app_token seems wrong" in refused.value.detail

    glpi_server.settings(enable_api=False)
    with make_client(glpi_server) as client, pytest.raises(Forbidden, match="API is disabled"):
        client.get("Computer", 1)


def test_the_audit_rows_hold_no_token_password_or_login(glpi_server):
    by_token, by_login = [], []
    with make_client(glpi_server, audit=by_token.append) as client:
        client.get("Computer", 1)
        sessions = [client.session_token]
        client.json("GET", "/getFullSession")
    with make_client(
        glpi_server, audit=by_login.append, user_token="", login=DEMO_LOGIN, password=DEMO_PASSWORD
    ) as client:
        client.json("GET", "/getFullSession")  # it names the user (glpiname)
        sessions.append(client.session_token)
        client.add("Computer", [{"name": "audited", "comment": DEMO_PASSWORD}])

    def text(calls) -> str:
        return " ".join(f"{r.path} {r.request_body} {r.response_body} {r.error}" for r in calls)

    assert "/getFullSession" in text(by_token) and "audited" in text(by_login)
    for secret in (DEMO_USER_TOKEN, DEMO_APP_TOKEN, DEMO_PASSWORD, *sessions):
        assert secret not in text(by_token) + text(by_login)
    assert DEMO_LOGIN not in text(by_login)
