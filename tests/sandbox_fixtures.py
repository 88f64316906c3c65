import dataclasses

import pytest
import requests

from integrations.haloitsm.sandbox.app import DEMO_APPLICATION
from integrations.haloitsm.sandbox.server import HaloConfig, HaloServer
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


class HaloSandboxClient:
    """Talks to a served HaloITSM sandbox in tests: base URL, CA, and a bearer token of the demo API
    application fetched on first use."""

    def __init__(self, server: HaloServer) -> None:
        self.server = server
        self.url = server.url
        self.session = requests.Session()
        self._token = ""

    @property
    def halo(self):
        """The WSGI sandbox behind the server: its store, limiter, auth and webhooks."""
        return self.server.halo

    @property
    def ca_pem(self) -> str:
        return self.server.ca_path.read_text()

    def token(self) -> str:
        if not self._token:
            form = {
                "grant_type": "client_credentials",
                "client_id": DEMO_APPLICATION.client_id,
                "client_secret": DEMO_APPLICATION.client_secret,
                "scope": "all",
                "tenant": self.server.config.tenant,
            }
            response = self.session.post(
                self.url + "/auth/token", data=form, timeout=10, verify=str(self.server.ca_path)
            )
            response.raise_for_status()
            self._token = response.json()["access_token"]
        return self._token

    def __getattr__(self, method: str):
        call = getattr(self.session, method)
        return lambda path, **kwargs: call(
            self.url + path,
            timeout=10,
            verify=str(self.server.ca_path),
            headers={"Authorization": f"Bearer {self.token()}", **kwargs.pop("headers", {})},
            **kwargs,
        )

    def rows(self, resource: str) -> list[dict]:
        """Every stored record of a resource, straight from the sandbox's store."""
        return self.server.halo.store.all(resource.lower())

    def connection(self, namespace, **overrides):
        """A Connection to this sandbox with the demo API application's credentials."""
        from tests.factories import ConnectionFactory

        values = {
            "namespace": namespace,
            "name": "halo",
            "platform": "haloitsm",
            "instance_url": self.url,
            "auth_method": "oauth_client_credentials",
            "client_id": DEMO_APPLICATION.client_id,
            "client_secret": DEMO_APPLICATION.client_secret,
            "username": "",
            "password": "",
            "ca_bundle": self.ca_pem,
            "options": {"tenant": ""},
        }
        return ConnectionFactory(**{**values, **overrides})


@pytest.fixture
def make_halo_server():
    servers = []

    def start(**overrides) -> HaloSandboxClient:
        config = dataclasses.replace(HaloConfig(port=0, rate_limit=None), **overrides)
        server = HaloServer(config).start()
        servers.append(server)
        return HaloSandboxClient(server)

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def halo_server(make_halo_server) -> HaloSandboxClient:
    """A served HaloITSM sandbox with the demo instance and no rate limit."""
    return make_halo_server()


# --- GLPI -------------------------------------------------------------------------------------------
from integrations.glpi.sandbox.seed import DEMO_APP_TOKEN, DEMO_USER_TOKEN  # noqa: E402
from integrations.glpi.sandbox.server import GlpiConfig, GlpiServer  # noqa: E402


class GlpiSandboxClient:
    """Talks to a served GLPI sandbox in tests: `api` is the `…/apirest.php` URL; `get/post/put/delete`
    send the App-Token and a session of the demo API user (opened on first use) unless the call gives
    its own headers."""

    def __init__(self, server: GlpiServer) -> None:
        self.server = server
        self.url = server.url
        self.api = server.url + "/apirest.php"
        self.http = requests.Session()
        self._session_token = ""

    @property
    def glpi(self):
        """The WSGI sandbox behind the server: its store, sessions and settings."""
        return self.server.glpi

    @property
    def ca(self) -> str:
        return str(self.server.ca_path)

    @property
    def ca_pem(self) -> str:
        return self.server.ca_path.read_text()

    def session_token(self) -> str:
        if not self._session_token:
            response = self.raw(
                "get",
                "/initSession",
                headers={"App-Token": DEMO_APP_TOKEN, "Authorization": f"user_token {DEMO_USER_TOKEN}"},
            )
            response.raise_for_status()
            self._session_token = response.json()["session_token"]
        return self._session_token

    def raw(self, method: str, path: str, **kwargs) -> requests.Response:
        """A call with exactly the headers given (no App-Token or session added)."""
        return self.http.request(method, self.api + path, timeout=10, verify=self.ca, **kwargs)

    def __getattr__(self, method: str):
        def call(path: str, **kwargs) -> requests.Response:
            headers = {"App-Token": DEMO_APP_TOKEN, "Session-Token": self.session_token()}
            headers.update(kwargs.pop("headers", {}))
            return self.raw(method, path, headers=headers, **kwargs)

        return call

    def rows(self, itemtype: str) -> list[dict]:
        """Every stored row of an itemtype, straight from the sandbox's store, by id."""
        return sorted(self.server.glpi.store.rows(itemtype), key=lambda r: r["id"])

    def connection(self, namespace, **overrides):
        """A Connection to this sandbox: the demo API user's token, the App-Token, the product's entity."""
        from tests.factories import ConnectionFactory

        values = {
            "namespace": namespace,
            "name": "glpi",
            "platform": "glpi",
            "instance_url": self.api,
            "auth_method": "user_token",
            "client_secret": DEMO_APP_TOKEN,
            "refresh_token": DEMO_USER_TOKEN,
            "username": "",
            "password": "",
            "ca_bundle": self.ca_pem,
            "options": {"entity_id": 1},
        }
        return ConnectionFactory(**{**values, **overrides})

    def settings(self, **changes) -> dict:
        """Change Setup > General > API live (`/sandbox/settings`), as an admin would."""
        response = self.http.post(self.url + "/sandbox/settings", json=changes, timeout=10, verify=self.ca)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def make_glpi_server():
    servers = []

    def start(**overrides) -> GlpiSandboxClient:
        server = GlpiServer(dataclasses.replace(GlpiConfig(port=0), **overrides)).start()
        servers.append(server)
        return GlpiSandboxClient(server)

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def glpi_server(make_glpi_server) -> GlpiSandboxClient:
    """A served GLPI sandbox with the demo instance, over HTTPS."""
    return make_glpi_server()
