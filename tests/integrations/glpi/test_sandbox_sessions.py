"""The GLPI sandbox's session layer on the wire (plain requests): initSession with a user token or Basic
credentials, in headers or query parameters, the API client checks (IP, App-Token), session tokens
(missing, invalid, killed, expired) and the profile/entity endpoints, each error as GLPI's array."""

import base64
import dataclasses

import pytest

from integrations.glpi.sandbox.seed import (
    DEMO_APP_TOKEN,
    DEMO_LOGIN,
    DEMO_PASSWORD,
    DEMO_USER_TOKEN,
)
from integrations.glpi.sandbox.sessions import ApiClient

TOKEN = {"Authorization": f"user_token {DEMO_USER_TOKEN}"}
BASIC = {"Authorization": "Basic " + base64.b64encode(f"{DEMO_LOGIN}:{DEMO_PASSWORD}".encode()).decode()}


def init(glpi_server, headers=None, params=None):
    return glpi_server.raw("get", "/initSession", headers=headers or {}, params=params or {})


def documented(glpi_server, code: str, message: str) -> list[str]:
    return [code, f"{message}; view documentation in your browser at {glpi_server.api}/#{code}"]


def test_init_session_with_a_token_or_credentials_in_headers_or_query(glpi_server):
    app = {"App-Token": DEMO_APP_TOKEN}
    answers = [
        init(glpi_server, {**app, **TOKEN}),
        init(glpi_server, {**app, **BASIC}),
        init(glpi_server, params={"app_token": DEMO_APP_TOKEN, "user_token": DEMO_USER_TOKEN}),
        init(
            glpi_server, params={"app_token": DEMO_APP_TOKEN, "login": DEMO_LOGIN, "password": DEMO_PASSWORD}
        ),
    ]
    tokens = [a.json()["session_token"] for a in answers]
    assert [a.status_code for a in answers] == [200] * 4
    assert answers[0].headers["Content-Type"] == "application/json; charset=UTF-8"
    assert len(set(tokens)) == 4 and all(len(t) == 26 for t in tokens)
    full = init(glpi_server, {**app, **TOKEN}, {"get_full_session": "true"}).json()
    assert (
        full["session"]["glpiname"] == DEMO_LOGIN
        and full["session"]["glpiactiveprofile"]["name"] == "Super-Admin"
    )


@pytest.mark.parametrize(
    ("headers", "params", "status", "code", "message", "doc"),
    [
        (
            {"App-Token": DEMO_APP_TOKEN},
            {},
            400,
            "ERROR_LOGIN_PARAMETERS_MISSING",
            "parameter(s) login, password or user_token are missing",
            True,
        ),
        (
            {"App-Token": DEMO_APP_TOKEN, "Authorization": "user_token nope"},
            {},
            401,
            "ERROR_GLPI_LOGIN_USER_TOKEN",
            "parameter user_token seems invalid",
            False,
        ),
        (
            {
                "App-Token": DEMO_APP_TOKEN,
                "Authorization": "Basic " + base64.b64encode(b"portfolio-bridge:bad").decode(),
            },
            {},
            401,
            "ERROR_GLPI_LOGIN",
            "Incorrect username or password",
            False,
        ),
        (TOKEN, {}, 400, "ERROR_APP_TOKEN_PARAMETERS_MISSING", "missing parameter app_token", True),
        (
            {**TOKEN, "App-Token": "wrong"},
            {},
            400,
            "ERROR_WRONG_APP_TOKEN_PARAMETER",
            "parameter app_token seems wrong",
            True,
        ),
        (
            TOKEN,
            {"app_token": "wrong"},
            400,
            "ERROR_WRONG_APP_TOKEN_PARAMETER",
            "parameter app_token seems wrong",
            True,
        ),
    ],
)
def test_init_session_errors(glpi_server, headers, params, status, code, message, doc):
    answer = init(glpi_server, headers, params)
    assert answer.status_code == status
    assert answer.json() == (documented(glpi_server, code, message) if doc else [code, message])


def test_login_settings_and_the_disabled_api(glpi_server):
    glpi_server.glpi.settings.login_credentials = False
    refused = init(glpi_server, {"App-Token": DEMO_APP_TOKEN, **BASIC})
    assert refused.status_code == 400
    assert refused.json() == [
        "ERROR_LOGIN_WITH_CREDENTIALS_DISABLED",
        "usage of initSession resource with credentials is disabled",
    ]
    assert init(glpi_server, {"App-Token": DEMO_APP_TOKEN, **TOKEN}).status_code == 200
    glpi_server.glpi.settings.login_token = False
    assert (
        init(glpi_server, {"App-Token": DEMO_APP_TOKEN, **TOKEN}).json()[0] == "ERROR_GLPI_LOGIN_USER_TOKEN"
    )
    glpi_server.glpi.settings.enable_api = False
    disabled = glpi_server.raw("get", "/getGlpiConfig")
    assert disabled.status_code == 400
    assert disabled.json() == ["ERROR", "API disabled"]


def test_a_caller_outside_every_api_clients_range_is_refused(glpi_server):
    settings = glpi_server.glpi.settings
    settings.clients = [ApiClient("office", ("10.1.0.0/16",), DEMO_APP_TOKEN)]
    refused = init(glpi_server, {"App-Token": DEMO_APP_TOKEN, **TOKEN})
    assert refused.status_code == 400
    assert refused.json() == [
        "ERROR_NOT_ALLOWED_IP",
        "There isn't an active API client matching your IP address in the configuration (127.0.0.1)",
    ]
    settings.clients = [dataclasses.replace(settings.clients[0], addresses=("127.0.0.0/8",), is_active=False)]
    assert init(glpi_server, {"App-Token": DEMO_APP_TOKEN, **TOKEN}).json()[0] == "ERROR_NOT_ALLOWED_IP"


def test_an_api_client_without_app_token_lets_callers_in_without_one(make_glpi_server):
    sandbox = make_glpi_server(app_token="")
    assert init(sandbox, TOKEN).status_code == 200
    assert init(sandbox, {**TOKEN, "App-Token": "anything"}).json()[0] == "ERROR_WRONG_APP_TOKEN_PARAMETER"


def test_session_tokens_missing_invalid_killed_and_expired(glpi_server):
    app = {"App-Token": DEMO_APP_TOKEN}
    missing = glpi_server.raw("get", "/getMyProfiles", headers=app)
    assert missing.status_code == 400
    assert missing.json() == documented(
        glpi_server, "ERROR_SESSION_TOKEN_MISSING", "parameter session_token is missing or empty"
    )
    invalid = glpi_server.raw("get", "/getMyProfiles", headers={**app, "Session-Token": "nope"})
    assert invalid.status_code == 401
    assert invalid.json() == ["ERROR_SESSION_TOKEN_INVALID", "session_token seems invalid"]

    token = init(glpi_server, {**app, **TOKEN}).json()["session_token"]
    by_query = glpi_server.raw(
        "get", "/getMyProfiles", params={"app_token": DEMO_APP_TOKEN, "session_token": token}
    )
    assert by_query.status_code == 200
    killed = glpi_server.raw("get", "/killSession", headers={**app, "Session-Token": token})
    assert killed.status_code == 200 and killed.json() is True
    assert (
        glpi_server.raw("get", "/getMyProfiles", headers={**app, "Session-Token": token}).status_code == 401
    )

    glpi_server.glpi.sessions.lifetime = 0
    token = init(glpi_server, {**app, **TOKEN}).json()["session_token"]
    expired = glpi_server.raw("get", "/getFullSession", headers={**app, "Session-Token": token})
    assert expired.status_code == 401 and expired.json()[0] == "ERROR_SESSION_TOKEN_INVALID"


def test_profiles_and_entities(glpi_server):
    profiles = glpi_server.get("/getMyProfiles").json()
    assert profiles == {
        "myprofiles": [
            {
                "id": 4,
                "name": "Super-Admin",
                "entities": [{"id": 0, "name": "Root entity", "is_recursive": 1}],
            }
        ]
    }
    active = glpi_server.get("/getActiveProfile").json()["active_profile"]
    assert active["id"] == 4 and active["computer"] == 255 and active["contract"] == 255
    assert glpi_server.post("/changeActiveProfile", json={"profiles_id": 2}).json() == [
        "ERROR_ITEM_NOT_FOUND",
        "Item not found",
    ]
    assert glpi_server.post("/changeActiveProfile", json={"profiles_id": 4}).json() is True

    assert (
        glpi_server.post("/changeActiveEntities", json={"entities_id": 1, "is_recursive": False}).json()
        is True
    )
    assert glpi_server.get("/getActiveEntities").json() == {
        "active_entity": {"id": 1, "active_entity_recursive": False, "active_entities": [{"id": 1}]}
    }
    assert glpi_server.post("/changeActiveEntities", json={"entities_id": 77}).json() is False
    not_bool = glpi_server.post("/changeActiveEntities", json={"entities_id": 1, "is_recursive": "maybe"})
    assert not_bool.status_code == 400 and not_bool.json()[0] == "ERROR"
    assert glpi_server.post("/changeActiveEntities", json={}).json() is True  # "all"
    assert glpi_server.get("/getActiveEntities").json()["active_entity"]["active_entities"] == [
        {"id": 0},
        {"id": 1},
    ]
    entities = glpi_server.get("/getMyEntities").json()["myentities"]
    assert entities == [
        {"id": 0, "name": "Root entity"},
        {"id": 1, "name": "Root entity &#62; Portfolio Bridge"},
    ]


def test_glpi_config_says_glpi_10(glpi_server):
    config = glpi_server.get("/getGlpiConfig").json()["cfg_glpi"]
    assert config["version"] == "10.0.16" and config["enable_api"] == 1 and config["list_limit"] == 15


def test_the_configured_api_clients_decide_who_gets_in(make_glpi_server):
    far = make_glpi_server(clients=[ApiClient("far", ("192.0.2.0/24",), "t")])
    assert init(far, {"App-Token": "t", **TOKEN}).json()[0] == "ERROR_NOT_ALLOWED_IP"
    near = make_glpi_server(
        clients=[ApiClient("near", ("127.0.0.0/8",), "t"), ApiClient("open", ("127.0.0.1/32",), "")]
    )
    assert init(near, TOKEN).status_code == 200  # one matching client needs no App-Token
    assert init(near, {"App-Token": "t", **TOKEN}).status_code == 200
