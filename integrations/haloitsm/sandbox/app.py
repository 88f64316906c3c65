"""The HaloITSM sandbox as a plain WSGI application: `/api/authinfo`, `/auth/token`, and the REST
resources under `/api/` with Halo's paths, envelopes, upserts, errors and rate limit. The shared
sandbox core serves it (HTTPS, faults, request log, persistence); tests call it directly."""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from werkzeug.wrappers import Request, Response

from . import listing
from .auth import ApiApplication, Authorisation, permits
from .errors import HaloError, model_state, not_found
from .limits import RollingWindowLimiter
from .resources import MASK, Resource, resource_named
from .seed import seed_demo
from .store import HaloStore
from .webhooks import WebhookDispatcher
from .writes import Writer

RESOURCE_PATH = re.compile(r"^/api/([A-Za-z]+)(?:/([^/]+))?/?$")
JSON_TYPES = ("application/json", "text/json", "application/json-patch+json")
DEMO_APPLICATION = ApiApplication("portfolio-bridge", "sandbox-secret")


@dataclass
class SandboxSettings:
    tenant: str = "demo"
    applications: tuple[ApiApplication, ...] = (DEMO_APPLICATION,)
    token_lifetime: int = 3600
    rate_limit: int | None = 300  # requests per rolling window; None or 0: unlimited
    rate_window: float = 300.0
    time_scale: float = 1.0
    max_body: int = 10 * 1024 * 1024
    post_status: int = 201
    webhook_timeout: float = 5.0
    seed: bool = True  # put the demo instance into an empty store


class HaloSandbox:
    def __init__(
        self,
        settings: SandboxSettings | None = None,
        store: HaloStore | None = None,
        limiter: RollingWindowLimiter | None = None,
    ) -> None:
        self.settings = settings or SandboxSettings()
        self.store = store or HaloStore()
        if self.settings.seed and not any(self.store.counts().values()):
            seed_demo(self.store)
        self.auth = Authorisation(
            self.settings.tenant, self.settings.applications, self.settings.token_lifetime
        )
        self.limiter = limiter or RollingWindowLimiter(
            self.settings.rate_limit, self.settings.rate_window, self.settings.time_scale
        )
        self.webhooks = WebhookDispatcher(self.store, self.settings.webhook_timeout)
        self.writer = Writer(self.store, self.webhooks.asset_changed)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        request = Request(environ)
        try:
            status, body = self.route(request)
            response = self.json(status, body)
        except HaloError as exc:
            response = self.json(exc.status, exc.body)
            response.headers.update(exc.headers)
        return response(environ, start_response)

    @staticmethod
    def json(status: int, body: Any) -> Response:
        return Response(json.dumps(body), status, content_type="application/json; charset=utf-8")

    def route(self, request: Request) -> tuple[int, Any]:
        path = request.path.lower().rstrip("/")
        if path not in ("/auth/token", "/api/authinfo") and not path.startswith("/api/"):
            raise HaloError(404, "The requested resource does not exist")
        if (wait := self.limiter.acquire()) is not None:
            raise HaloError(429, self.limiter.message(), {"Retry-After": str(wait)})
        if path == "/auth/token":
            self.allow(request, "POST")
            body = self.read_body(request)
            return 200, self.auth.token(body, request.content_type or "", request.args.get("tenant"))
        if path == "/api/authinfo":
            self.allow(request, "GET")
            auth_url = request.host_url.rstrip("/") + "/auth"
            return 200, {"auth_url": auth_url, "tenant_id": self.settings.tenant}
        token = self.auth.authenticate(request.headers.get("Authorization", ""))
        match = RESOURCE_PATH.match(request.path)
        resource = resource_named(match[1]) if match else None
        if resource is None:
            raise HaloError(404, "The requested resource does not exist")
        record_id = match[2]
        write = request.method in ("POST", "DELETE")
        if resource.area and not permits(token, resource.area, write):
            verb = "edit" if write else "read"
            raise HaloError(403, f"The API application is not allowed to {verb} {resource.label} records")
        status, body = self.dispatch(request, resource, record_id)
        return status, masked(resource, body)

    @staticmethod
    def allow(request: Request, *methods: str) -> None:
        if request.method not in methods:
            raise HaloError(405, f"The {request.method} method is not supported here")

    def dispatch(self, request: Request, resource: Resource, record_id: str | None) -> tuple[int, Any]:
        if record_id is None:
            self.allow(request, "GET", "POST")
            if request.method == "GET":
                return 200, listing.respond(resource, self.store, request.args)
            return self.post(request, resource, None)
        record_id = self.parse_id(resource, record_id)
        self.allow(request, "GET", "POST", "DELETE")
        if request.method == "POST":
            return self.post(request, resource, record_id)
        if request.method == "DELETE":
            return 200, self.writer.delete(resource, record_id)
        record = self.store.get(resource.name.lower(), record_id)
        if record is None:
            raise not_found(resource.label)
        return 200, record

    @staticmethod
    def parse_id(resource: Resource, raw: str) -> str:
        if resource.guid_ids:
            return raw
        if not raw.lstrip("-").isdigit() or len(raw) > 10:
            raise not_found(resource.label)
        return str(int(raw))

    def post(self, request: Request, resource: Resource, record_id: str | None) -> tuple[int, Any]:
        """A JSON array upserts every element; a bare object (and `POST /X/{id}`, which
        haloitsm-python sends) upserts one. One record saved is answered with the object (as n8n
        expects of Halo), several with an array."""
        content_type = (request.mimetype or "").lower()
        if not (
            content_type in JSON_TYPES
            or (content_type.startswith("application/") and content_type.endswith("+json"))
        ):
            raise HaloError(415, "Unsupported Media Type: send application/json")
        data = self.parse_json(self.read_body(request))
        items = [data] if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise model_state({"$": [f"The JSON value could not be converted to {resource.name}[]."]})
        if not items:
            raise HaloError(400, "The request body is an empty array")
        if record_id is not None:
            if len(items) != 1 or not isinstance(items[0], dict):
                raise model_state({"$": [f"The JSON value could not be converted to {resource.name}."]})
            items[0].setdefault("id", int(record_id) if not resource.guid_ids else record_id)
        saved = self.writer.upsert(resource, items)
        return self.settings.post_status, saved[0] if len(saved) == 1 else saved

    def read_body(self, request: Request) -> bytes:
        """The body, refused before reading when it is larger than the instance accepts."""
        limit = self.settings.max_body
        if (request.content_length or 0) > limit:
            raise HaloError(413, f"The request body is larger than {limit} bytes")
        data = request.stream.read(limit + 1)
        if len(data) > limit:
            raise HaloError(413, f"The request body is larger than {limit} bytes")
        return data

    @staticmethod
    def parse_json(data: bytes) -> Any:
        try:
            return json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise model_state({"$": ["The request body is not valid JSON."]}) from None


def masked(resource: Resource, body: Any) -> Any:
    """The answer with secret fields (a webhook's Basic password) shown as MASK."""
    if not resource.secrets:
        return body
    if isinstance(body, list):
        return [masked(resource, row) for row in body]
    if isinstance(body, dict) and resource.list_key in body:
        return {**body, resource.list_key: masked(resource, body[resource.list_key])}
    if isinstance(body, dict):
        return {k: (MASK if k in resource.secrets and v else v) for k, v in body.items()}
    return body
