"""The GLPI sandbox on the shared sandbox server: HTTPS with its CA, faults, the request log and status
page, and the instance kept in the data directory (the core's SQLite store) between runs."""

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from werkzeug.wrappers import Request, Response

from integrations.base.sandbox.config import ServerConfig
from integrations.base.sandbox.faults import DEFAULT_PREFIX, KINDS
from integrations.base.sandbox.gateway import FAULT, USER, Platform, StatusTable
from integrations.base.sandbox.server import SandboxServer
from integrations.base.sandbox.store import read_seed_file

from . import settings_page
from .app import EXPIRE, GlpiSandbox, GlpiSettings, demo_clients
from .itemtypes import ITEMTYPES, itemtype_named
from .seed import DEMO_APP_TOKEN
from .sessions import ApiClient
from .store import GlpiStore

API_PREFIX = "/apirest.php/"
SESSION_RESOURCES = {
    "initSession",
    "killSession",
    "getMyProfiles",
    "getActiveProfile",
    "changeActiveProfile",
    "getMyEntities",
    "getActiveEntities",
    "changeActiveEntities",
    "getFullSession",
    "getGlpiConfig",
}


@dataclass
class GlpiConfig(ServerConfig):
    port: int = 8445
    app_token: str = DEMO_APP_TOKEN  # "" lets local callers in without an App-Token
    clients: list[ApiClient] | None = None  # None: the demo client for this machine with app_token
    session_lifetime: float = 1440.0
    demo: bool = True  # put the demo instance into an empty store
    settings: dict = field(default_factory=dict)  # other GlpiSettings fields (enable_api=False…)


class GlpiGateway(Platform):
    """Serves the WSGI sandbox behind the core and names its calls for the statistics."""

    title = "GLPI sandbox"
    links = (("/sandbox/settings", "API settings (JSON; POST to change)"),)
    fault_kinds = (EXPIRE,)

    def __init__(self, sandbox: GlpiSandbox) -> None:
        self.sandbox = sandbox

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        request = Request(environ)
        if request.path.startswith("/sandbox/"):
            if request.path.rstrip("/") != "/sandbox/settings":
                return Response("Not Found", 404, content_type="text/plain")(environ, start_response)
            return settings_page.respond(self.sandbox, request)(environ, start_response)
        environ[USER] = self.user_of(environ.get("HTTP_SESSION_TOKEN", ""))
        return self.sandbox(environ, start_response, environ.get(FAULT))

    def user_of(self, token: str) -> str:
        """The login behind a session token, for the request log."""
        session = self.sandbox.sessions.sessions.get(token) if token else None
        user = self.sandbox.store.item("User", session.users_id) if session else None
        return user["name"] if user else "-"

    def api_of(self, path: str) -> str:
        """`session` for the session endpoints, `search` for search and listSearchOptions, otherwise
        the itemtype (`Computer`)."""
        _, _, rest = path.partition("/apirest.php")
        first = rest.strip("/").split("/")[0]
        if first in SESSION_RESOURCES:
            return "session"
        if first in ("search", "listSearchOptions"):
            return "search"
        itemtype = itemtype_named(first) if first else None
        return itemtype.name if itemtype else "other"

    def committing(self, method: str, path: str, api: str) -> bool:
        return method in ("POST", "PUT", "PATCH", "DELETE") and api in ITEMTYPES

    def error_response(self, status: int, message: str, detail: str | None) -> Response:
        """An injected 500 looks like GLPI's SQL failure; other 5xx carry the generic code."""
        if status == 500:
            return GlpiSandbox.json(status, ["ERROR_SQL", f"Unexpected SQL Error : {detail or message}"])
        return GlpiSandbox.json(status, ["ERROR", f"{message} ({detail})" if detail else message])

    def status_tables(self) -> list[StatusTable]:
        store = self.sandbox.store
        counts = [(name, len(store.rows(name))) for name in ITEMTYPES if store.rows(name)]
        return [StatusTable("Itemtypes", ("Itemtype", "Items"), counts)]


class GlpiServer(SandboxServer):
    """`glpi` is the WSGI app (its store, sessions and settings are what tests reach)."""

    name = "glpi-sandbox"
    store_class = GlpiStore
    fault_kinds = (*KINDS, EXPIRE)
    config: GlpiConfig
    store: GlpiStore

    def build_app(self) -> GlpiGateway:
        # a rule without a path prefix means the API, which GLPI serves under /apirest.php/
        self.faults.faults = [
            dataclasses.replace(f, prefix=API_PREFIX) if f.prefix == DEFAULT_PREFIX else f
            for f in self.faults.faults
        ]
        settings = GlpiSettings(
            clients=self.config.clients
            if self.config.clients is not None
            else demo_clients(self.config.app_token),
            session_lifetime=self.config.session_lifetime,
            time_scale=self.config.time_scale,
            seed=self.config.demo,
            **self.config.settings,
        )
        self.glpi = GlpiSandbox(settings, self.store)
        self.load_seeds()
        return GlpiGateway(self.glpi)

    def load_seeds(self) -> None:
        """`--seed` files: `{"Computer": [{...}], ...}`; rows without an id get the next one. Checked
        whole before anything is written."""
        batches = []
        for path in self.config.seed_files:
            for name, rows in read_seed_file(path).items():
                itemtype = itemtype_named(name)
                if itemtype is None:
                    raise ValueError(f"{path}: unknown itemtype “{name}”")
                for row in rows:
                    if "id" in row and not isinstance(row["id"], int):
                        raise ValueError(f"{path}: {name} ids must be integers")
                batches.append((itemtype, rows))
        with self.store.transaction():
            for itemtype, rows in batches:
                for row in rows:
                    known = {k: v for k, v in row.items() if k in itemtype.fields or k == "id"}
                    existing = self.store.item(itemtype, row["id"]) if "id" in row else None
                    if existing:
                        self.store.update(itemtype, existing, known)
                    else:
                        self.store.insert(itemtype, known)
