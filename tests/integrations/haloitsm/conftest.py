import json
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from werkzeug.serving import make_server
from werkzeug.test import Client, TestResponse

from integrations.haloitsm.sandbox import HaloSandbox, SandboxSettings
from integrations.haloitsm.sandbox.app import DEMO_APPLICATION

from .openapi_spec import check_request

TOKEN_FORM = {
    "grant_type": "client_credentials",
    "client_id": DEMO_APPLICATION.client_id,
    "client_secret": DEMO_APPLICATION.client_secret,
    "scope": "all",
}


class HaloApi:
    """The sandbox through werkzeug's test client, as the product will call it: a bearer token, and
    every /api request checked against Halo's OpenAPI document before it is sent."""

    def __init__(self, sandbox: HaloSandbox) -> None:
        self.sandbox = sandbox
        self.client = Client(sandbox)
        self.token = self.client.post("/auth/token", data=TOKEN_FORM).json["access_token"]

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **params: Any) -> TestResponse:
        url = f"{path}?{urlencode(params)}" if params else path
        check_request("GET", f"http://localhost{url}", headers=self.headers())
        return self.client.get(url, headers=self.headers())

    def post(self, path: str, payload: Any) -> TestResponse:
        body = json.dumps(payload).encode()
        check_request(
            "POST",
            f"http://localhost{path}",
            body=body,
            content_type="application/json",
            headers=self.headers(),
        )
        return self.client.post(path, data=body, content_type="application/json", headers=self.headers())

    def delete(self, path: str) -> TestResponse:
        check_request("DELETE", f"http://localhost{path}", headers=self.headers())
        return self.client.delete(path, headers=self.headers())


@pytest.fixture
def halo_sandbox() -> HaloSandbox:
    return HaloSandbox(SandboxSettings(rate_limit=None))


@pytest.fixture
def halo_api(halo_sandbox) -> HaloApi:
    return HaloApi(halo_sandbox)


@pytest.fixture
def halo_client(halo_sandbox) -> Client:
    """Raw werkzeug client, for requests the product must never send (malformed, unauthenticated)."""
    return Client(halo_sandbox)


def serve(app) -> Iterator[str]:
    """`app` on 127.0.0.1 over plain http in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@pytest.fixture
def halo_url(halo_sandbox) -> Iterator[str]:
    yield from serve(halo_sandbox)
