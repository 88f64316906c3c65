"""The GLPI sandbox as a plain WSGI application: GLPI 10's legacy REST API under `…/apirest.php/`, with
its API clients (IP and App-Token), sessions, items, search and writes, every answer and error in
GLPI's shape. The shared sandbox core serves it (HTTPS, faults, request log, persistence)."""

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from werkzeug.wrappers import Request, Response

from . import documents, items, search, writes
from .errors import ERRORS, GlpiError, error
from .itemtypes import itemtype_named
from .seed import DEMO_APP_TOKEN, seed_demo
from .sessions import ApiClient, Session, Sessions, check_client, credentials
from .sessions_api import SessionEndpoints
from .store import GlpiStore
from .wire import php_params, sanitized

API_PATH = re.compile(r"^(?:/[^?]*?)?/apirest\.php(?:/(.*))?$")
VERSION = "10.0.16"
EXPIRE = "expire"  # the platform's own fault kind: the request's session has expired (401)
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def demo_clients(app_token: str = DEMO_APP_TOKEN) -> list[ApiClient]:
    """Setup > General > API as the demo has it: one active client for this machine (IPv4 and IPv6)
    with the App-Token (an empty token lets local callers in without one)."""
    return [ApiClient("Portfolio Bridge (local)", ("127.0.0.1/32", "::1/128"), app_token)]


@dataclass
class GlpiSettings:
    """What Setup > General > API and the config say; tests may change these live."""

    version: str = VERSION
    enable_api: bool = True
    login_credentials: bool = True  # "Enable login with credentials"
    login_token: bool = True  # "Enable login with external token"
    clients: list[ApiClient] = field(default_factory=demo_clients)
    list_limit: int = 15
    session_lifetime: float = 1440.0
    time_scale: float = 1.0
    max_body: int = 10 * 1024 * 1024
    seed: bool = True  # put the demo instance into an empty store


class GlpiSandbox:
    def __init__(self, settings: GlpiSettings | None = None, store: GlpiStore | None = None) -> None:
        self.settings = settings or GlpiSettings()
        self.store = store or GlpiStore(None)
        if self.settings.seed and self.store.is_empty():
            seed_demo(self.store)
        self.sessions = Sessions(self.settings.session_lifetime, self.settings.time_scale)
        self.endpoints = SessionEndpoints(self)

    def __call__(self, environ: dict, start_response: Callable, fault: str | None = None) -> Iterable[bytes]:
        request = Request(environ)
        match = API_PATH.match(request.path)
        if not match:
            return Response("Not Found", 404, content_type="text/plain")(environ, start_response)
        end = request.path.index("/apirest.php") + len("/apirest.php")
        api = request.host_url.rstrip("/") + request.path[:end]
        try:
            status, body, headers = self.route(request, (match[1] or "").strip("/"), api, fault)
            if 200 <= status < 300 and request.headers.get("X-GLPI-Sanitized-Content", "").lower() != "false":
                body = sanitized(body)
        except GlpiError as exc:
            status, body, headers = exc.status, exc.body(api), {}
        if isinstance(body, Response):
            return body(environ, start_response)
        response = self.json(status, body)
        response.headers.update(headers)
        if request.method in ("GET", "OPTIONS"):
            response.headers["Access-Control-Expose-Headers"] = "content-type, content-range, accept-range"
        return response(environ, start_response)

    @staticmethod
    def json(status: int, body: Any) -> Response:
        text = json.dumps(body, ensure_ascii=False)
        return Response(text, status, content_type="application/json; charset=UTF-8")

    def route(self, request: Request, resource: str, api: str, fault: str | None) -> items.Answer:
        if not self.settings.enable_api:
            raise GlpiError(400, "ERROR", "API disabled")  # GLPI adds no documentation pointer here
        if not resource:
            return 200, documentation(api), {}
        params = self.params(request)
        uploads = [
            (f.filename or "upload", f.read(), f.mimetype or "") for key, f in request.files.items(multi=True)
        ]
        check_client(
            self.settings.clients,
            request.remote_addr or "",
            request.headers.get("App-Token") or params.get("app_token"),
        )
        parts = resource.split("/")
        if parts[0] == "initSession":
            login, password, token = credentials(request.headers.get("Authorization", ""), params)
            return self.endpoints.init_session(login, password, token, params)
        token = request.headers.get("Session-Token") or params.get("session_token")
        if fault == EXPIRE and token:
            self.sessions.kill(token)
        session = self.sessions.get(token)
        if parts[0] in self.endpoints.names:
            return self.endpoints.call(parts[0], session, token, params)
        if parts[0] in ("search", "listSearchOptions"):
            if len(parts) < 2 or not parts[1]:
                raise error("ERROR_RESOURCE_MISSING")
            itemtype = itemtype_named(parts[1])
            if itemtype is None:
                raise error("ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM")
            if parts[0] == "listSearchOptions":
                return search.list_search_options(session, itemtype)
            return search.search(self.store, session, itemtype, params, self.settings.list_limit)
        if parts[0] == "getMultipleItems":
            return items.get_multiple_items(self.store, session, params, api)
        if parts[0] == "Document" and len(parts) <= 2:
            if len(parts) == 1 and request.method == "POST" and request.mimetype == "multipart/form-data":
                return documents.upload(self.store, session, params, uploads, api)
            wants_file = request.accept_mimetypes.best == "application/octet-stream"
            if len(parts) == 2 and request.method == "GET" and wants_file:
                return 200, documents.download(self.store, session, parts[1]), {}
        return self.itemtype_call(request.method, session, parts, params, api)

    def itemtype_call(
        self, method: str, session: Session, parts: list[str], params: dict, api: str
    ) -> items.Answer:
        itemtype = itemtype_named(parts[0])
        if itemtype is None or len(parts) > 3:
            raise error("ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM")
        item_id = parts[1] if len(parts) > 1 and parts[1] else None
        sub = parts[2] if len(parts) > 2 else None
        limit = self.settings.list_limit
        if method == "POST":
            if sub is not None:  # the parent is ignored, as GLPI does: the input must name it
                sub_type = itemtype_named(sub)
                if sub_type is None:
                    raise error("ERROR_ITEMTYPE_NOT_FOUND_NOR_COMMONDBTM")
                return writes.add(self.store, session, sub_type, params, api)
            if item_id is not None:
                raise error("ERROR_METHOD_NOT_ALLOWED")
            return writes.add(self.store, session, itemtype, params, api)
        if method in ("PUT", "PATCH", "DELETE"):
            if sub is not None:
                raise error("ERROR_METHOD_NOT_ALLOWED")
            if method == "DELETE":
                return writes.delete(self.store, session, itemtype, item_id, params)
            return writes.update(self.store, session, itemtype, item_id, params)
        if sub is not None:
            return items.get_sub_items(self.store, session, itemtype, item_id or "", sub, params, api, limit)
        if item_id is not None:
            return items.get_item(self.store, session, itemtype, item_id, params, api)
        return items.get_items(self.store, session, itemtype, params, api, limit)

    def params(self, request: Request) -> dict[str, Any]:
        """The query's parameters merged with the JSON body's (or a multipart upload's manifest)."""
        params = php_params(request.query_string.decode("latin-1"))
        limit = self.settings.max_body
        if (request.content_length or 0) > limit:
            raise error("ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE")
        if request.mimetype == "multipart/form-data":
            raw = (request.form.get("uploadManifest") or "").encode()
        else:
            raw = request.stream.read(limit + 1)
            if len(raw) > limit:  # a chunked body gives no Content-Length to check first
                raise error("ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE")
        if not raw.strip():
            return params
        if request.method not in WRITE_METHODS:
            raise error("ERROR_JSON_PAYLOAD_FORBIDDEN")
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise error("ERROR_JSON_PAYLOAD_INVALID") from None
        if isinstance(body, dict):
            params.update(body)
        return params


def documentation(api: str) -> Response:
    """What GLPI shows at the API's root (its documentation); here, the error codes with anchors."""
    rows = "".join(
        f'<tr id="{code}"><td>{code}</td><td>{status}</td><td>{html.escape(message)}</td></tr>'
        for code, (status, message, _) in ERRORS.items()
    )
    page = (
        "<!doctype html><title>GLPI sandbox REST API</title><h1>GLPI sandbox REST API</h1>"
        f"<p>Base URL <code>{html.escape(api)}</code></p><table>{rows}</table>"
    )
    return Response(page, 200, content_type="text/html; charset=UTF-8")
