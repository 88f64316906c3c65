"""Shared set-up of the GLPI publish tests: the demo portfolio and a record of every request the
product sends to the sandbox."""

from typing import Any

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document

SESSION_CALLS = ("/initSession", "/changeActiveEntities", "/killSession")
WRITES = ("POST", "PUT", "PATCH", "DELETE")


class Recorded:
    """Stands in front of the GLPI WSGI app and records every API request (method, path) and status."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[tuple[str, str]] = []
        self.statuses: list[tuple[str, str, int]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, environ: dict, start_response: Any, fault: Any = None) -> Any:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        path = path.split("/apirest.php", 1)[-1]
        self.calls.append((method, path))

        def answered(status: str, headers: list, exc_info: Any = None) -> Any:
            self.statuses.append((method, path, int(status.split()[0])))
            return start_response(status, headers, exc_info)

        return self.inner(environ, answered, fault)

    def data_calls(self) -> list[tuple[str, str]]:
        """The calls that read or write items (the session's own calls apart)."""
        return [c for c in self.calls if c[1] not in SESSION_CALLS]

    def writes(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p in self.calls if m in WRITES and p not in SESSION_CALLS]


def import_portfolio(namespace, apps: int = 6, services: int = 3) -> None:
    import_document(namespace, build_demo_document(DemoShape(apps=apps, services=services, seed=42)))
