"""The ServiceNow sandbox on the shared sandbox server (HTTPS with its CA, data directory, faults)."""

from integrations.base.sandbox.server import SandboxServer as CoreServer

from .app import SandboxApp
from .config import SandboxConfig
from .faults import KINDS
from .store import Store


class SandboxServer(CoreServer):
    """`app` is the ServiceNow app (its `faults`, `book`, `auth` and handlers are what tests reach)."""

    name = "servicenow-sandbox"
    store_class = Store
    fault_kinds = KINDS
    config: SandboxConfig
    store: Store
    app: SandboxApp

    def build_app(self) -> SandboxApp:
        return SandboxApp(self.config, self.store, self.url, self.book, self.faults)
