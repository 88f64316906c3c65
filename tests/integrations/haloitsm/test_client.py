"""The product's HaloITSM client against the Halo sandbox, served over HTTP: discovery, token, paging,
upserts, deletes, token renewal, 429 and refused credentials; every /api request it sends is checked
against Halo's OpenAPI document, and no secret or client id reaches the audit."""

import io
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request

from integrations.base.errors import AuthFailed, BadRequest, NotFound
from integrations.haloitsm.client import HaloClient, HaloSettings
from integrations.haloitsm.sandbox import HaloSandbox, SandboxSettings
from integrations.haloitsm.sandbox.app import DEMO_APPLICATION

from .openapi_spec import check_request


class CheckedSandbox:
    """The sandbox behind a WSGI wrapper that checks every /api request against the OpenAPI document."""

    def __init__(self, sandbox: HaloSandbox) -> None:
        self.sandbox = sandbox
        self.problems: list[str] = []
        self.paths: list[str] = []

    def __call__(self, environ, start_response):
        body = Request(environ).get_data()
        environ["wsgi.input"] = io.BytesIO(body)  # the sandbox reads the body again
        environ["CONTENT_LENGTH"] = str(len(body))
        request = Request(environ)
        self.paths.append(f"{request.method} {request.full_path.rstrip('?')}")
        if request.path.lower().startswith("/api/") and request.path.lower() != "/api/authinfo":
            try:
                check_request(
                    request.method,
                    request.url,
                    body=body or None,
                    content_type=request.content_type,
                    headers={"Authorization": request.headers.get("Authorization", "")},
                )
            except AssertionError as exc:
                self.problems.append(str(exc))
        return self.sandbox(environ, start_response)


@pytest.fixture
def served() -> Iterator[tuple[str, CheckedSandbox]]:
    app = CheckedSandbox(HaloSandbox(SandboxSettings(rate_limit=None)))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app
    server.shutdown()


def halo(url: str, audit=None, **overrides) -> HaloClient:
    settings = {
        "resource_url": url + "/api",
        "client_id": DEMO_APPLICATION.client_id,
        "client_secret": DEMO_APPLICATION.client_secret,
        "page_size": 3,
        "calls_per_five_minutes": 0,
        "attempts": 2,
        "timeout": (2.0, 5.0),
        **overrides,
    }
    return HaloClient(HaloSettings(**settings), audit=audit)


def test_it_discovers_the_token_endpoint_and_signs_in(served):
    url, app = served
    client = halo(url)
    assert client.token_path() == "/auth/token?tenant=demo"
    client.authenticate()
    assert "POST /auth/token?tenant=demo" in app.paths
    assert client.credentials.header().startswith("Bearer ")


def test_lists_are_read_page_by_page_to_the_end(served):
    url, app = served
    client = halo(url)
    assets = list(client.records("Asset"))
    pages = [p for p in app.paths if p.startswith("GET /api/Asset?")]
    assert len(assets) > 3 and len({a["id"] for a in assets}) == len(assets)
    assert len(pages) == -(-len(assets) // 3)  # ceil: no extra empty page
    types = list(client.records("AssetType"))  # a bare array
    assert types and all("name" in t for t in types)
    assert app.problems == []


def test_save_creates_then_updates_by_id_and_delete_removes(served):
    url, app = served
    client = halo(url)
    type_id = next(iter(client.records("AssetType")))["id"]
    created = client.save("Asset", [{"inventory_number": "APP-T1", "assettype_id": type_id}])
    assert created[0]["id"] > 0 and created[0]["inventory_number"] == "APP-T1"
    updated = client.save("Asset", [{"id": created[0]["id"], "inventory_number": "APP-T2"}])
    assert updated[0]["id"] == created[0]["id"]
    assert client.get("Asset", created[0]["id"])["inventory_number"] == "APP-T2"
    client.delete("Asset", created[0]["id"])
    with pytest.raises(NotFound):
        client.get("Asset", created[0]["id"])
    assert app.problems == []


def test_an_expired_token_is_renewed_once(served):
    url, app = served
    client = halo(url)
    client.authenticate()
    client.credentials._token = "no-longer-valid"  # the sandbox answers 401, as for an expired token
    assert list(client.records("Status"))
    assert sum(p.startswith("POST /auth/token") for p in app.paths) == 2


def test_refused_credentials_say_what_to_check_and_keep_halos_words(served):
    url, _app = served
    with pytest.raises(AuthFailed) as refused:
        halo(url, client_secret="wrong").authenticate()
    assert "check the client ID and secret" in refused.value.message
    assert "invalid_client" in refused.value.detail


def test_an_authorisation_server_on_another_host_is_refused(served):
    url, _app = served
    with pytest.raises(BadRequest, match="another host"):
        halo(url, auth_url="https://login.example.org/auth", tenant="demo").authenticate()


def test_the_audit_holds_every_call_without_the_secret_or_client_id(served):
    url, _app = served
    records = []
    client = halo(url, audit=records.append)
    list(client.records("Status"))
    assert [r.path.split("?")[0] for r in records] == ["/api/authinfo", "/auth/token", "/api/Status"]
    text = " ".join(f"{r.path} {r.request_body} {r.response_body}" for r in records)
    assert DEMO_APPLICATION.client_secret not in text and DEMO_APPLICATION.client_id not in text
