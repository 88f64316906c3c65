"""The sandbox's authorisation server and bearer tokens, as halo_glpi.md §1 describes Halo's."""

import pytest
from werkzeug.test import Client

from integrations.haloitsm.sandbox import HaloSandbox, SandboxSettings
from integrations.haloitsm.sandbox.auth import ApiApplication

from .conftest import TOKEN_FORM


def test_authinfo_names_the_auth_server_and_tenant_without_a_token(halo_client):
    response = halo_client.get("/api/authinfo", base_url="http://halo.test:8080")

    assert response.status_code == 200
    assert response.json == {"auth_url": "http://halo.test:8080/auth", "tenant_id": "demo"}


def test_client_credentials_give_a_bearer_token_with_its_lifetime(halo_client):
    response = halo_client.post("/auth/token?tenant=demo", data=TOKEN_FORM)

    assert response.status_code == 200
    body = response.json
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600 and body["scope"] == "all"
    assets = halo_client.get("/api/Asset", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert assets.status_code == 200


def test_the_tenant_may_come_in_the_form(halo_client):
    assert halo_client.post("/auth/token", data={**TOKEN_FORM, "tenant": "DEMO"}).status_code == 200


@pytest.mark.parametrize(
    ("form", "status", "error"),
    [
        ({**TOKEN_FORM, "client_secret": "wrong"}, 401, "invalid_client"),
        ({**TOKEN_FORM, "client_id": "nobody"}, 401, "invalid_client"),
        ({**TOKEN_FORM, "grant_type": "password"}, 400, "unsupported_grant_type"),
        ({k: v for k, v in TOKEN_FORM.items() if k != "grant_type"}, 400, "invalid_request"),
        ({**TOKEN_FORM, "scope": "all read:nothing"}, 400, "invalid_scope"),
        ({**TOKEN_FORM, "tenant": "someone-else"}, 400, "invalid_request"),
    ],
)
def test_token_errors_are_openiddict_json(halo_client, form, status, error):
    response = halo_client.post("/auth/token", data=form)

    assert response.status_code == status
    assert response.json["error"] == error
    assert response.json["error_description"]
    assert "wrong" not in response.get_data(as_text=True)


def test_the_token_endpoint_wants_a_form(halo_client):
    response = halo_client.post("/auth/token", json=TOKEN_FORM)

    assert response.status_code == 400
    assert response.json["error"] == "invalid_request"


def test_api_calls_without_a_token_get_401(halo_client):
    response = halo_client.get("/api/Asset")

    assert response.status_code == 401
    assert response.json["error"] == "invalid_request"
    assert response.headers["WWW-Authenticate"].startswith("Bearer ")


def test_an_expired_token_gets_401(halo_sandbox, halo_client):
    token = halo_client.post("/auth/token", data=TOKEN_FORM).json["access_token"]
    halo_sandbox.auth.expire_all()

    response = halo_client.get("/api/Asset", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 401
    assert response.json == {
        "error": "invalid_token",
        "error_description": "The specified token is no longer valid.",
    }


def test_an_unknown_token_gets_401(halo_client):
    assert halo_client.get("/api/Status", headers={"Authorization": "Bearer made-up"}).status_code == 401


def test_an_application_with_read_only_permissions_cannot_write():
    reader = ApiApplication("reader", "reader-secret", frozenset({"read:assets", "read:services"}))
    client = Client(HaloSandbox(SandboxSettings(applications=(reader,), rate_limit=None)))
    form = {**TOKEN_FORM, "client_id": "reader", "client_secret": "reader-secret"}
    body = client.post("/auth/token", data=form).json
    headers = {"Authorization": f"Bearer {body['access_token']}"}

    assert body["scope"] == "read:assets read:services"
    assert client.get("/api/Asset", headers=headers).status_code == 200
    assert client.get("/api/Service", headers=headers).status_code == 200
    refused = client.post("/api/Asset", json=[{"assettype_id": 1}], headers=headers)
    assert refused.status_code == 403
    assert refused.json == "The API application is not allowed to edit Asset records"
    assert client.get("/api/Supplier", headers=headers).status_code == 403
