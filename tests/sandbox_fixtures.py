import dataclasses

import pytest
import requests

from integrations.servicenow.sandbox.config import SandboxConfig
from integrations.servicenow.sandbox.server import SandboxServer


class SandboxClient:
    """A thin `requests` wrapper for talking to a sandbox in tests: base URL, CA and a default user."""

    def __init__(self, server: SandboxServer, user: tuple[str, str] = ("admin", "admin")) -> None:
        self.server = server
        self.url = server.url
        self.session = requests.Session()
        self.session.auth = user

    def __getattr__(self, method: str):
        call = getattr(self.session, method)
        # verify per request: a session-level setting loses to REQUESTS_CA_BUNDLE in requests
        return lambda path, **kwargs: call(
            self.url + path, timeout=10, verify=str(self.server.ca_path), **kwargs
        )

    @property
    def ca_pem(self) -> str:
        """The sandbox's CA certificate as PEM text, what a connection's CA bundle holds."""
        return self.server.ca_path.read_text()

    def as_user(self, name: str, password: str) -> "SandboxClient":
        return SandboxClient(self.server, (name, password))

    def table(self, table: str, **params) -> list[dict]:
        response = self.get(f"/api/now/table/{table}", params=params)
        response.raise_for_status()
        return response.json()["result"]

    def ire(self, items, relations=(), source="ServiceNow", variant="", **extra) -> dict:
        path = "/api/now/identifyreconcile" + (f"/{variant}" if variant else "")
        body = {"items": items, "relations": list(relations)}
        response = self.post(path, params={"sysparm_data_source": source, **extra}, json=body)
        assert response.status_code == 200, response.text
        return response.json()["result"]


@pytest.fixture
def make_sandbox():
    servers = []

    def start(**overrides) -> SandboxClient:
        server = SandboxServer(dataclasses.replace(SandboxConfig(port=0), **overrides)).start()
        servers.append(server)
        return SandboxClient(server)

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def sandbox(make_sandbox) -> SandboxClient:
    return make_sandbox()
