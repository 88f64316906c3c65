"""The sandbox's WSGI application: routing, authentication and rate limits around the API handlers. The
shared core (integrations.base.sandbox) serves the status page and statistics, injects faults and keeps
the request log."""

import base64
import json
import re
import time
from http import HTTPStatus
from urllib.parse import parse_qsl, urlsplit

from werkzeug.wrappers import Request, Response

from integrations.base.sandbox.bookkeeping import Bookkeeping
from integrations.base.sandbox.faults import FaultInjector
from integrations.base.sandbox.gateway import FAULT, USER, Platform, StatusTable

from . import tiny_url
from .attachments import AttachmentApi
from .auth import Authenticator
from .change import ChangeRules
from .cmdb_instance import PATH as CMDB_INSTANCE
from .cmdb_instance import CmdbInstanceApi
from .cmdb_page import cmdb_page
from .config import SandboxConfig
from .context import Call, Caller
from .errors import ApiError
from .faults import HIBERNATION_PAGE
from .front_end import refused
from .infrastructure import seed_demo_machines
from .ire import IdentifyReconcile
from .limits import RateLimiter
from .records import Records
from .rules import Rules
from .seed import load_seed_file, seed_instance, stable_id
from .store import Store
from .table_api import Response as ApiResponse
from .table_api import TableApi
from .update_set_upload import admin_of, upload_update_set

TABLE = re.compile(r"^/api/now(?:/(v1|v2))?/table/([^/]+)(?:/([^/]+))?/?$")
IRE = re.compile(r"^/api/now(?:/(v1|v2))?/identifyreconcile(?:/(query|enhanced|queryEnhanced))?/?$")
# any id segment names an attachment: one that is not a sys_id is a 404 "No Record found", as on an instance
ATTACHMENT = re.compile(r"^/api/now(?:/v1)?/attachment(?:/([^/]+))?(?:/(file))?/?$")
BATCH = re.compile(r"^/api/now(?:/v1)?/batch/?$")
WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def api_of(path: str) -> str:
    if path == "/oauth_token.do":
        return "oauth"
    if TABLE.match(path):
        return "table"
    if match := IRE.match(path):
        return "ire_query" if match[2] in ("query", "queryEnhanced") else "ire"
    if ATTACHMENT.match(path):
        return "attachment"
    if BATCH.match(path):
        return "batch"
    if CMDB_INSTANCE.match(path):
        return "cmdb_instance"
    return "other"


class SandboxApp(Platform):
    title = "ServiceNow sandbox"
    fault_kinds = ("500", "502", "503", "429", "hibernate")  # rendered here, seen by `respond`
    links = (
        ("/sandbox/update_set", "import an update set"),
        ("/sandbox/cmdb", "edit applications and add servers under service instances"),
    )

    def __init__(
        self, config: SandboxConfig, store: Store, base_url: str, book: Bookkeeping, faults: FaultInjector
    ) -> None:
        self.config = config
        self.store = store
        self.base_url = base_url
        self.records = Records(store, base_url)
        self.rules = Rules(
            self.records, ChangeRules(self.records, config.approval_delay, config.reject_matching)
        )
        self.tables = TableApi(self.records, self.rules, config.fold_case, config.invalid_query_no_rows)
        self.ire = IdentifyReconcile(
            self.records, config.skip_duplicates, config.duplicate_threshold, config.fold_case
        )
        self.attachments = AttachmentApi(self.records, self.tables)
        self.cmdb_instance = CmdbInstanceApi(self.records, self.rules, self.tables, base_url)
        self.auth = Authenticator(config.users, config.clients, config.token_lifetime)
        self.limiter = RateLimiter(
            config.rate_limit, config.time_scale, stable_id("sys_rate_limit_rules", "sandbox")
        )
        self.faults = faults
        self.book = book
        seed_instance(self.records, config.users)
        for path in config.seed_files:
            load_seed_file(self.records, path)
        if config.demo_machines:
            seed_demo_machines(self.records)
        if config.rate_limit:
            self.store.put("sys_rate_limit_rules", self.rate_rule(config.rate_limit))

    def rate_rule(self, limit: int) -> dict[str, str]:
        return self.records.create(
            "sys_rate_limit_rules",
            {"name": "Sandbox limit per user", "rest_api": "all", "limit": str(limit), "type": "all_users"},
            "system",
            sys_id=self.limiter.rule_sys_id,
        )

    # WSGI ---------------------------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        if (early := refused(environ)) is not None:
            environ[USER] = "-"
            return early(environ, start_response)
        request = Request(environ)
        try:
            response, user = self.respond(request, api_of(request.path), environ.get(FAULT))
        except ApiError as exc:
            response, user = self.envelope(exc), "-"
        environ[USER] = user
        return response(environ, start_response)

    def api_of(self, path: str) -> str:
        return api_of(path)

    def committing(self, method: str, path: str, api: str) -> bool:
        return method in WRITES and api in ("table", "attachment", "cmdb_instance") or api == "ire"

    def error_response(self, status: int, message: str, detail: str | None) -> Response:
        return self.envelope(ApiError(status, message, detail))

    def status_tables(self) -> list[StatusTable]:
        counts = sorted((name, len(rows)) for name, rows in self.store.tables.items() if rows)
        return [StatusTable("Tables", ("Table", "Records"), counts)]

    def respond(self, request: Request, api: str, fault: str | None) -> tuple[Response, str]:
        if fault == "hibernate":
            return Response(HIBERNATION_PAGE, 200, content_type="text/html;charset=UTF-8"), "-"
        if fault in ("500", "502", "503"):
            status = int(fault)
            raise ApiError(status, HTTPStatus(status).phrase, "Injected fault")
        if fault == "429":
            return Response("Too Many Requests", 429, content_type="text/plain"), "-"
        if request.path.rstrip("/") == "/sandbox/update_set":
            return self.update_set(request), "-"
        if request.path.rstrip("/") == "/sandbox/cmdb":
            caller = admin_of(self.auth, request, "Changing the CMDB from this page")
            return cmdb_page(request, self.records, caller.user_name), caller.user_name
        if api == "oauth":
            return self.oauth(request), "-"
        if not request.path.startswith("/api/"):
            raise ApiError(400, "Requested URI does not represent any resource", None)
        length = request.content_length or 0
        upload = api == "attachment" and request.method == "POST"
        if upload and length > self.config.max_attachment:
            raise self.too_large(length)
        if not upload and length > self.config.max_body:
            raise ApiError(
                400,
                "Exception while reading request",
                f"Rejected large REST payload with content-length = {length} bytes. "
                f"Max allowed: {self.config.max_body} bytes.",
            )
        caller = self.auth.authenticate(request.headers.get("Authorization", ""))
        allowed, limit_headers = self.limiter.check(caller.user_name, api)
        if not allowed:
            raise ApiError(429, "Rate limit exceeded", self.limiter.detail(api), limit_headers)
        body = None
        if upload and request.content_length is None:
            body = request.stream.read(self.config.max_attachment + 1)
            if len(body) > self.config.max_attachment:
                raise self.too_large(len(body))
        call = self.call_from(request, caller, body)
        response = self.dispatch(call, api)
        response.headers.update(limit_headers)
        return response, caller.user_name

    def too_large(self, length: int) -> ApiError:
        return ApiError(
            413,
            "Request Entity Too Large",
            f"The file is larger than the maximum attachment size: {length} bytes, "
            f"max allowed {self.config.max_attachment} bytes (com.glide.attachment.max_size).",
        )

    @staticmethod
    def call_from(request: Request, caller: Caller, body: bytes | None = None) -> Call:
        method = request.headers.get("X-HTTP-Method-Override", request.method).upper()
        return Call(
            caller=caller,
            method=method,
            path=request.path,
            params=list(request.args.items(multi=True)),
            body=request.get_data(cache=False) if body is None else body,
            content_type=request.headers.get("Content-Type", ""),
            headers={k.lower(): v for k, v in request.headers.items()},
        )

    # Routing ------------------------------------------------------------------------------------------

    def dispatch(self, call: Call, api: str) -> Response:
        method = "GET" if call.method == "HEAD" else call.method
        tiny_url.expand(self.records, call)
        if match := TABLE.match(call.path):
            call.version, table, sys_id = match[1] or "", match[2], match[3]
            routes = {
                ("GET", False): lambda: self.tables.list(call, table, self.base_url),
                ("POST", False): lambda: self.tables.create(call, table, self.base_url),
                ("GET", True): lambda: self.tables.get(call, table, sys_id),
                ("PUT", True): lambda: self.tables.update(call, table, sys_id),
                ("PATCH", True): lambda: self.tables.update(call, table, sys_id),
                ("DELETE", True): lambda: self.tables.delete(call, table, sys_id),
            }
            handler = routes.get((method, bool(sys_id)))
        elif match := IRE.match(call.path):
            handler = (lambda: self.identify(call, match[2] or "")) if method == "POST" else None
        elif match := ATTACHMENT.match(call.path):
            handler = self.attachment_route(call, method, match[1], match[2])
        elif BATCH.match(call.path):
            handler = (lambda: self.batch(call)) if method == "POST" else None
        elif match := CMDB_INSTANCE.match(call.path):
            handler = self.cmdb_instance.route(call, method, match)
        elif tiny_url.PATH.match(call.path):
            handler = (
                (lambda: tiny_url.create(self.records, call, self.base_url)) if method == "POST" else None
            )
        else:
            raise ApiError(400, "Requested URI does not represent any resource", None)
        if handler is None:
            raise ApiError(405, "Method not Supported", f"{call.method} is not supported by this resource")
        result = handler()
        if isinstance(result, Response):
            return result
        return self.json(result.status, result.body, result.headers, head=call.method == "HEAD")

    def attachment_route(self, call: Call, method: str, first: str | None, second: str | None):
        if first == "file" and not second:
            return (lambda: self.attachments.upload(call, self.base_url)) if method == "POST" else None
        if first is None:
            return (lambda: self.attachments.list(call, self.base_url)) if method == "GET" else None
        if second == "file":

            def download() -> Response:
                data, content_type = self.attachments.download(call, first)
                response = Response(data, 200, content_type=content_type)
                # an instance sends the attachment's record with its file (the Ansible collection reads
                # the size from it)
                metadata = self.attachments.get(call, first, self.base_url).body["result"]
                response.headers["X-Attachment-Metadata"] = json.dumps(metadata)
                return response

            return download if method == "GET" else None
        return {
            "GET": lambda: self.attachments.get(call, first, self.base_url),
            "DELETE": lambda: self.attachments.delete(call, first),
        }.get(method)

    def identify(self, call: Call, variant: str) -> ApiResponse:
        if not call.caller.has_any({"itil", "asset"}):
            raise ApiError(
                403, "User Not Authorized", "The itil or asset role is required to identify and reconcile CIs"
            )
        payload = call.json()
        body = self.ire.run(
            payload,
            call.param("sysparm_data_source"),
            commit=variant in ("", "enhanced"),
            enhanced=variant in ("enhanced", "queryEnhanced"),
            options=call.param("options"),
            user=call.caller.user_name,
        )
        return ApiResponse(200, body)

    def batch(self, call: Call) -> ApiResponse:
        data = call.json()
        if not isinstance(data, dict) or not isinstance(data.get("rest_requests"), list):
            raise ApiError(
                400, "Exception while reading request", "Expected batch_request_id and rest_requests"
            )
        serviced = []
        for sub in data["rest_requests"]:
            started = time.monotonic()
            url = urlsplit(str(sub.get("url", "")))
            headers = {
                h.get("name", "").lower(): h.get("value", "")
                for h in sub.get("headers", [])
                if isinstance(h, dict)
            }
            body = base64.b64decode(sub.get("body") or "")
            inner = Call(
                call.caller,
                str(sub.get("method", "GET")).upper(),
                url.path,
                parse_qsl(url.query, keep_blank_values=True),
                body,
                headers.get("content-type", "application/json"),
                headers,
            )
            try:
                response = self.dispatch(inner, api_of(url.path))
            except ApiError as exc:
                response = self.envelope(exc)
            self.book.record(
                inner.method,
                url.path,
                response.status_code,
                call.caller.user_name,
                "batch",
                inner.method in WRITES and response.status_code < 400,
            )
            entry = {
                "id": str(sub.get("id")),
                "status_code": response.status_code,
                "status_text": HTTPStatus(response.status_code).phrase,
                "body": base64.b64encode(response.get_data()).decode(),
                "execution_time": int((time.monotonic() - started) * 1000),
            }
            if not sub.get("exclude_response_headers"):
                entry["headers"] = [{"name": k, "value": v} for k, v in response.headers.items()]
            else:
                entry["headers"] = []
            serviced.append(entry)
        return ApiResponse(
            200,
            {
                "batch_request_id": str(data.get("batch_request_id")),
                "serviced_requests": serviced,
                "unserviced_requests": [],
            },
        )

    # Responses ----------------------------------------------------------------------------------------

    def json(self, status: int, body, headers: dict[str, str] | None = None, head: bool = False) -> Response:
        text = "" if body is None or head else Records.dumps(body)
        response = Response(text, status, content_type="application/json;charset=UTF-8")
        for key, value in (headers or {}).items():
            response.headers[key] = value
        return response

    def envelope(self, exc: ApiError) -> Response:
        return self.json(exc.status, exc.body(), exc.headers)

    def oauth(self, request: Request) -> Response:
        if request.method != "POST":
            raise ApiError(405, "Method not Supported", "Use POST")
        status, body = self.auth.token(
            request.get_data(),
            request.headers.get("Content-Type", ""),
            request.headers.get("Authorization", ""),
        )
        return Response(json.dumps(body), status, content_type="application/json;charset=UTF-8")

    def update_set(self, request: Request) -> Response:
        admin_of(self.auth, request)
        return upload_update_set(request, self.records, self.config.max_update_set)
