"""One client per HaloITSM connection, on the shared audited transport: the authorisation server and
tenant discovered from `/api/authinfo` when not given, client-credentials tokens, paged lists in
constant memory, and Halo's one write verb — a POST of a JSON array that upserts by `id`.

Halo's paths are case-insensitive; the client writes them as the OpenAPI document does (`/api/Asset`)."""

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from integrations.base.calls import CallRecord
from integrations.base.credentials import OAuthCredentials
from integrations.base.errors import BadRequest, Redirected, UnexpectedResponse, error_for
from integrations.base.http import DEFAULT_TIMEOUT, MAX_WAIT
from integrations.base.transport import Transport, TransportClient

log = logging.getLogger("integrations.haloitsm")
FIVE_MINUTES = 300.0

# List envelopes name their rows per resource; AssetType and Status answer a bare array.
LIST_KEYS = {
    "Asset": "assets",
    "Tickets": "tickets",
    "Actions": "actions",
    "Users": "users",
    "Client": "clients",
    "Site": "sites",
    "Supplier": "suppliers",
    "ClientContract": "contracts",
    "Service": "services",
    "Webhook": "webhooks",
    "AssetGroup": "assetgroups",
}


@dataclass(frozen=True)
class HaloSettings:
    """Plain data describing how to reach one Halo instance (built from a Connection by the caller)."""

    resource_url: str  # e.g. https://acme.haloitsm.com (a trailing /api is accepted)
    client_id: str = field(default="", repr=False)
    client_secret: str = field(default="", repr=False)
    auth_url: str = ""  # empty: discovered
    tenant: str = ""  # empty: discovered
    ca_bundle: str = ""
    page_size: int = 100
    calls_per_five_minutes: int = 300  # Halo's own rule: calls in any rolling five minutes
    governor_key: str = ""
    attempts: int = 5
    timeout: tuple[float, float] = DEFAULT_TIMEOUT


def origin_of(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}"


def refusal(response: requests.Response, method: str, path: str) -> Exception:
    """Halo's error bodies have no fixed shape: its words are kept as they came, as the detail."""
    return error_for(response.status_code, "Halo refused the request", response.text[:500], method, path)


class HaloClient(TransportClient):
    def __init__(self, settings: HaloSettings, audit: Callable[[CallRecord], None] | None = None) -> None:
        self.settings = settings
        url = settings.resource_url.strip().rstrip("/")
        self.root = url[: -len("/api")] if url.lower().endswith("/api") else url
        self.transport = Transport(
            self.root,
            secrets=(settings.client_id, settings.client_secret),
            ca_bundle=settings.ca_bundle,
            attempts=settings.attempts,
            timeout=settings.timeout,
            calls_per_window=(settings.calls_per_five_minutes, FIVE_MINUTES),
            governor_key=settings.governor_key,
            audit=audit,
            log=log,
            any_method_statuses=(429,),  # Halo refuses before acting: a repeated POST cannot write twice
        )
        self.base_url = self.transport.base_url
        self.stats = self.transport.stats
        self._credentials: OAuthCredentials | None = None
        # whole lists read since this client's last write (a preview reads every asset once, not once
        # per step); any write forgets them
        self.listed: dict[Any, list[dict[str, Any]]] = {}

    # Authentication -----------------------------------------------------------------------------------

    def authinfo(self) -> tuple[str, str]:
        """(authorisation server URL, tenant) as the instance announces them."""
        body = self._json(self.transport.send("GET", "/api/authinfo"), "GET", "/api/authinfo")
        if not isinstance(body, dict):
            raise UnexpectedResponse("/api/authinfo did not answer an object", path="/api/authinfo")
        return str(body.get("auth_url") or ""), str(body.get("tenant_id") or body.get("tenant") or "")

    def token_path(self) -> str:
        """The token endpoint's path on this host: `<auth server>/token[?tenant=…]`."""
        auth_url, tenant = self.settings.auth_url, self.settings.tenant
        if not auth_url or not tenant:
            found_url, found_tenant = self.authinfo()
            auth_url, tenant = auth_url or found_url or f"{self.root}/auth", tenant or found_tenant
        if origin_of(auth_url) != origin_of(self.root):
            raise BadRequest(
                "The authorisation server is on another host than the resource server: Portfolio Bridge "
                "only sends the client secret to the instance's own host",
                detail=auth_url,
            )
        path = urlsplit(auth_url).path.rstrip("/") + "/token"
        return f"{path}?tenant={quote(tenant)}" if tenant else path

    @property
    def credentials(self) -> OAuthCredentials:
        if self._credentials is None:
            self._credentials = OAuthCredentials(
                self._token_request,
                "client_credentials",
                self.settings.client_id,
                self.settings.client_secret,
                path=self.token_path(),
                extra={"scope": "all"},
            )
        return self._credentials

    def _token_request(self, path: str, form: dict[str, str]) -> requests.Response:
        return self.transport.send(
            "POST", path, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )

    def authenticate(self) -> None:
        self.credentials.header()

    # Calls --------------------------------------------------------------------------------------------

    def request(
        self, method: str, path: str, *, params: dict | None = None, payload: Any = None
    ) -> requests.Response:
        """An authenticated call; renews the token and tries once more after a 401; raises typed errors
        that keep Halo's own words."""
        renewed, refused = False, 0
        while True:
            kwargs: dict[str, Any] = {
                "params": params,
                "headers": {"Authorization": self.credentials.header()},
            }
            if payload is not None:
                kwargs["json"] = payload
            response = self.transport.send(method, path, **kwargs)
            if response.status_code == 401 and not renewed:
                self.credentials.invalidate()
                renewed = True
                continue
            if response.status_code == 429 and method == "POST" and refused < self.settings.attempts - 1:
                refused += 1  # Halo refused it unseen: safe to send again once the window allows
                self.wait_for_window(response, refused)
                continue
            break
        if response.is_redirect:
            raise Redirected(
                "Halo sent the request to another address instead of answering: check the resource URL",
                status=response.status_code,
                detail=f"to {response.headers.get('Location', '')[:200]}",
                method=method,
                path=path,
            )
        if response.status_code >= 400:
            raise refusal(response, method, path)
        return response

    def wait_for_window(self, response: requests.Response, attempt: int) -> None:
        """Wait as long as a 429's Retry-After says (else back off); GETs are retried by the transport,
        a POST only here, because only a 429 tells for certain that Halo did not act on it."""
        after = response.headers.get("Retry-After", "")
        seconds = float(after) if after.strip().isdigit() else min(2.0**attempt, MAX_WAIT)
        seconds = min(seconds, MAX_WAIT)
        self.stats.retries += 1
        self.stats.rate_limit_waits += 1
        self.stats.waited_seconds += seconds
        time.sleep(seconds)

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._json(self.request(method, path, **kwargs), method, path)

    @staticmethod
    def _json(response: requests.Response, method: str, path: str) -> Any:
        if response.status_code >= 400:
            raise refusal(response, method, path)
        try:
            return response.json() if response.content else None
        except ValueError:
            raise UnexpectedResponse(
                "The answer is not JSON", status=response.status_code, detail=response.text[:200], path=path
            ) from None

    def records(self, resource: str, params: dict | None = None) -> Iterator[dict[str, Any]]:
        """Every matching record, page by page (`pageinate`, 1-based `page_no`), one page in memory."""
        size = self.settings.page_size
        page = 1
        seen = 0
        while True:
            query = {**(params or {}), "pageinate": "true", "page_size": size, "page_no": page}
            body = self.json("GET", f"/api/{resource}", params=query)
            if isinstance(body, list):  # AssetType, Status: a bare array, never paged
                yield from body
                return
            rows = body.get(LIST_KEYS.get(resource, resource.lower() + "s"), []) if body else []
            yield from rows
            seen += len(rows)
            if not rows or seen >= int(body.get("record_count") or 0):
                return
            page += 1

    def get(self, resource: str, record_id: int) -> dict[str, Any]:
        return self.json("GET", f"/api/{resource}/{int(record_id)}")

    def save(self, resource: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Create (no `id`) or update (with `id`, only the fields given) in one call; the saved records
        come back in the order sent."""
        self.listed.clear()
        body = self.json("POST", f"/api/{resource}", payload=records)
        saved = body if isinstance(body, list) else [body] if body else []
        if len(saved) != len(records):
            raise UnexpectedResponse(
                f"Halo saved {len(saved)} of {len(records)} {resource} records",
                detail=str(body)[:200],
                method="POST",
                path=f"/api/{resource}",
            )
        return saved

    def delete(self, resource: str, record_id: int) -> None:
        self.listed.clear()
        self.request("DELETE", f"/api/{resource}/{int(record_id)}")
