"""What every request passes through before the platform's WSGI app: the status page, the statistics
routes, fault injection and the request log."""

import html
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from werkzeug.wrappers import Request, Response
from werkzeug.wsgi import ClosingIterator

from .bookkeeping import Bookkeeping
from .faults import FaultInjector, drop_connection

FAULT = "sandbox.fault"  # environ key: a platform-specific fault kind the platform's app must render
USER = "sandbox.user"  # environ key the platform's app sets: whom the request log shows

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


@dataclass(frozen=True)
class StatusTable:
    """A table on the status page; int cells are right-aligned."""

    heading: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


class Platform:
    """The hooks a platform's sandbox gives the core. Subclass it and override what differs; `__call__`
    serves everything the core does not (the API, OAuth, the platform's own `/sandbox/...` pages)."""

    title = "Sandbox"
    fault_kinds: tuple[str, ...] = ()  # fault kinds the app renders itself, passed in environ[FAULT]
    links: tuple[tuple[str, str], ...] = ()  # (href, text) of the platform's own pages

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        return Response("Not Found", 404, content_type="text/plain")(environ, start_response)

    def api_of(self, path: str) -> str:
        """The API a request path belongs to, for `by_api` in the statistics."""
        return "other"

    def committing(self, method: str, path: str, api: str) -> bool:
        """Whether a successful request changes the target's data (`committing_calls`)."""
        return method in {"POST", "PUT", "PATCH", "DELETE"}

    def error_response(self, status: int, message: str, detail: str | None) -> Response:
        """An error in the platform's own error shape (injected 5xx faults, misused core routes)."""
        return Response(
            json.dumps({"message": message, "detail": detail}), status, content_type="application/json"
        )

    def status_tables(self) -> list[StatusTable]:
        """What the status page shows above the request log, e.g. record counts."""
        return []


class Gateway:
    """The WSGI app the server runs: `/` and `/sandbox/stats` are the core's, other `/sandbox/` paths the
    platform's own pages (neither faulted nor counted); everything else may draw a fault and is counted."""

    def __init__(
        self,
        platform: Platform,
        book: Bookkeeping,
        faults: FaultInjector,
        base_url: str,
        slow_seconds: float = 2.0,
    ) -> None:
        self.platform = platform
        self.book = book
        self.faults = faults
        self.base_url = base_url
        self.slow_seconds = slow_seconds

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        request = Request(environ)
        path, method = request.path, request.method
        if path in ("/", ""):
            return self.status_page()(environ, start_response)
        if path.startswith("/sandbox/stats"):
            return self.stats(request)(environ, start_response)
        if path.startswith("/sandbox/"):
            return self.platform(environ, start_response)
        api = self.platform.api_of(path)
        committing = self.platform.committing(method, path, api)
        fault = self.faults.draw(path, method)
        if fault == "lost":
            return self.lost(environ, start_response, api, committing)
        if fault == "reset":
            drop_connection(environ)
            self.book.record(method, path, 0, "-", api, False)
            start_response("500 Dropped", [("Content-Length", "0")])
            return [b""]
        if fault == "slow":
            time.sleep(self.slow_seconds)
        elif fault in self.platform.fault_kinds:
            environ[FAULT] = fault
        elif fault in ("500", "502", "503"):
            status = int(fault)
            response = self.platform.error_response(status, HTTPStatus(status).phrase, "Injected fault")
            self.book.record(method, path, status, "-", api, committing)
            return response(environ, start_response)
        elif fault == "429":
            self.book.record(method, path, 429, "-", api, committing)
            return Response("Too Many Requests", 429, content_type="text/plain")(environ, start_response)
        return self.counted(environ, start_response, api, committing)

    def lost(self, environ: dict, start_response: Callable, api: str, committing: bool) -> Iterable[bytes]:
        """Carry the request out, then drop the connection: the caller never learns that it was done."""
        seen: list[int] = []

        def capture(status: str, headers: list, exc_info: Any = None) -> Callable:
            seen.append(int(status.split(" ", 1)[0]))
            return lambda _data: None

        body = self.platform(environ, capture)
        try:
            for _chunk in body:
                pass
        finally:
            getattr(body, "close", lambda: None)()
        user = str(environ.get(USER) or "-")
        self.book.record(
            environ["REQUEST_METHOD"], Request(environ).path, seen[-1] if seen else 0, user, api, committing
        )
        drop_connection(environ)
        start_response("500 Dropped", [("Content-Length", "0")])
        return [b""]

    def counted(self, environ: dict, start_response: Callable, api: str, committing: bool) -> Iterable[bytes]:
        """The platform's answer, recorded once its status is known."""
        seen: list[int] = []

        def capture(status: str, headers: list, exc_info: Any = None) -> Callable:
            seen.append(int(status.split(" ", 1)[0]))
            return start_response(status, headers, exc_info)

        def record() -> None:
            status = seen[-1] if seen else 500
            user = str(environ.get(USER) or "-")
            self.book.record(environ["REQUEST_METHOD"], Request(environ).path, status, user, api, committing)

        body = self.platform(environ, capture)
        if seen:
            record()
            return body
        return ClosingIterator(body, [record])

    def stats(self, request: Request) -> Response:
        if request.path.rstrip("/") == "/sandbox/stats/reset":
            if request.method != "POST":
                return self.platform.error_response(405, "Method not Supported", "Use POST")
            self.book.reset()
        return Response(json.dumps(self.book.snapshot()), 200, content_type="application/json")

    def status_page(self) -> Response:
        links = (("/sandbox/stats", "request statistics (JSON)"), *self.platform.links)
        tables = [
            *self.platform.status_tables(),
            StatusTable(
                f"Last {len(self.book.recent)} requests",
                ("Time", "Method", "Path", "Status", "User"),
                self.book.last(),
            ),
        ]
        title = html.escape(self.platform.title)
        page = PAGE.format(
            title=title,
            base_url=html.escape(self.base_url),
            links="".join(f'\n· <a href="{html.escape(h)}">{html.escape(t)}</a>' for h, t in links),
            tables="\n".join(_table(table) for table in tables),
        )
        return Response(page, 200, content_type="text/html;charset=UTF-8")


def _cell(value: Any) -> str:
    if isinstance(value, int):
        return f"<td class=n>{value}</td>"
    return f"<td>{html.escape(str(value))}</td>"


def _table(table: StatusTable) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    rows = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in table.rows)
    return f"<h2>{html.escape(table.heading)}</h2><table><tr>{head}</tr>{rows}</table>"


PAGE = """<!doctype html><html><head><meta charset=utf-8><title>{title}</title><style>
body{{font-family:system-ui,sans-serif;margin:2rem;color:#1d2430}}
table{{border-collapse:collapse;margin-bottom:2rem}}
td,th{{padding:.25rem .7rem;border-bottom:1px solid #dde2ea;text-align:left}}.n{{text-align:right}}
</style></head><body><h1>{title}</h1>
<p>Base URL <code>{base_url}</code> {links}</p>
{tables}
</body></html>"""
