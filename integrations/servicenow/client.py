"""One well-behaved client per connection: pooled session, OAuth or Basic, retries for reads and IRE
calls (never for plain creates), a shared rate governor, paged reads in constant memory, typed errors
and an audit callback for every call."""

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import requests

from integrations.base.calls import CallRecord
from integrations.base.credentials import BasicCredentials, OAuthCredentials
from integrations.base.errors import Redirected
from integrations.base.http import DEFAULT_TIMEOUT
from integrations.base.transport import Transport, TransportClient

from .exceptions import InstanceHibernating, UnexpectedResponse, error_for
from .ire import IreResult, parse_ire

log = logging.getLogger("integrations.servicenow")


@dataclass(frozen=True)
class ClientSettings:
    """Plain data describing how to reach one instance (built from a Connection by the caller)."""

    base_url: str
    auth_method: str  # basic | oauth_password | oauth_client_credentials
    client_id: str = field(default="", repr=False)
    client_secret: str = field(default="", repr=False)
    username: str = field(default="", repr=False)
    password: str = field(default="", repr=False)
    refresh_token: str = field(default="", repr=False)
    ca_bundle: str = ""  # PEM certificates to trust instead of the system store; empty: the system store
    page_size: int = 1000
    calls_per_minute: int = 0
    governor_key: str = ""
    attempts: int = 5
    timeout: tuple[float, float] = DEFAULT_TIMEOUT


class ServiceNowClient(TransportClient):
    def __init__(self, settings: ClientSettings, audit: Callable[[CallRecord], None] | None = None) -> None:
        self.settings = settings
        self.transport = Transport(
            settings.base_url,
            secrets=(
                settings.username,
                settings.client_id,
                settings.password,
                settings.client_secret,
                settings.refresh_token,
            ),
            ca_bundle=settings.ca_bundle,
            attempts=settings.attempts,
            timeout=settings.timeout,
            calls_per_minute=settings.calls_per_minute,
            governor_key=settings.governor_key,
            audit=audit,
            log=log,
        )
        self.transport.retry_posts("/api/now/v1/batch")  # a Batch API call to /v1/ carries reads and PUTs
        self.transport.retry_posts("/api/now/identifyreconcile")
        self.base_url = self.transport.base_url
        self.stats = self.transport.stats
        self.ca_file = self.transport.ca_file
        if settings.auth_method == "basic":
            self.credentials = BasicCredentials(settings.username, settings.password)
        else:
            grant = "password" if settings.auth_method == "oauth_password" else "client_credentials"
            self.credentials = OAuthCredentials(
                self._token_request,
                grant,
                settings.client_id,
                settings.client_secret,
                settings.username,
                settings.password,
                settings.refresh_token,
                origin=self.base_url,
            )

    def _token_request(self, path: str, form: dict[str, str]) -> requests.Response:
        return self._send(
            "POST", path, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )

    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.transport.send(method, path, **kwargs)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict | None = None,
        payload: Any = None,
        data: bytes | None = None,
        content_type: str = "",
    ) -> requests.Response:
        """An authenticated API call (a JSON `payload`, or raw `data` of `content_type`); renews the token
        and tries once more after a 401; raises typed errors carrying the instance's message."""
        for renewal in (False, True):
            headers = {"Authorization": self.credentials.header()}
            kwargs: dict[str, Any] = {"params": params, "headers": headers}
            if payload is not None:
                kwargs["json"] = payload
            if data is not None:
                kwargs["data"] = data
                headers["Content-Type"] = content_type or "application/octet-stream"
            response = self._send(method, path, **kwargs)
            if response.status_code == 401 and not renewal and self.credentials.can_renew:
                self.credentials.invalidate()
                continue
            break
        if response.is_redirect:
            raise Redirected(
                "The instance sent the request to another address instead of answering: check the "
                "instance URL (or wake the instance if it is hibernating)",
                status=response.status_code,
                detail=f"to {response.headers.get('Location', '')[:200]}",
                method=method,
                path=path,
            )
        content_type = response.headers.get("Content-Type", "")
        if content_type.startswith("text/html"):
            raise InstanceHibernating(
                "The instance answered a web page instead of the API: it is probably hibernating; wake it up",
                status=response.status_code,
                method=method,
                path=path,
            )
        if response.status_code >= 400:
            message, detail = _envelope(response)
            raise error_for(response.status_code, message, detail, method, path)
        return response

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.request(method, path, **kwargs)
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            raise UnexpectedResponse(
                "The answer is not JSON",
                status=response.status_code,
                detail=response.text[:200],
                method=method,
                path=path,
            ) from None

    # Table API ----------------------------------------------------------------------------------------

    def records(
        self,
        table: str,
        query: str = "",
        fields: list[str] | None = None,
        page_size: int | None = None,
        offset: int = 0,
    ) -> Iterator[dict[str, Any]]:
        """Every matching record from `offset` on, page by page (offset paging with X-Total-Count), one
        page in memory."""
        size = min(page_size or self.settings.page_size, 2000)
        while True:
            params = {
                "sysparm_query": query,
                "sysparm_limit": size,
                "sysparm_offset": offset,
                "sysparm_exclude_reference_link": "true",
                "sysparm_suppress_pagination_header": "true",
            }
            if fields:
                params["sysparm_fields"] = ",".join(fields)
            response = self.request("GET", f"/api/now/table/{table}", params=params)
            page = response.json().get("result", [])
            yield from page
            offset += len(page)
            total = int(response.headers.get("X-Total-Count", offset))
            if not page or offset >= total:
                return

    def count(self, table: str, query: str = "") -> int:
        response = self.request(
            "GET",
            f"/api/now/table/{table}",
            params={"sysparm_query": query, "sysparm_limit": 1, "sysparm_fields": "sys_id"},
        )
        return int(response.headers.get("X-Total-Count", "0"))

    def get(self, table: str, sys_id: str) -> dict[str, Any]:
        return self.json(
            "GET", f"/api/now/table/{table}/{sys_id}", params={"sysparm_exclude_reference_link": "true"}
        )["result"]

    def create(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        return self.json("POST", f"/api/now/table/{table}", payload=values)["result"]

    def update(self, table: str, sys_id: str, values: dict[str, Any]) -> dict[str, Any]:
        return self.json("PUT", f"/api/now/table/{table}/{sys_id}", payload=values)["result"]

    def delete(self, table: str, sys_id: str) -> None:
        self.request("DELETE", f"/api/now/table/{table}/{sys_id}")

    # Identification and Reconciliation ---------------------------------------------------------------

    def identify_reconcile(
        self,
        items: list[dict[str, Any]],
        relations: list[dict[str, Any]] | None = None,
        *,
        data_source: str,
        commit: bool,
    ) -> IreResult:
        """Identify (and with `commit`, create or update) CIs; safe to retry because identification makes a
        re-sent item update the CI the first attempt created."""
        path = "/api/now/identifyreconcile" if commit else "/api/now/identifyreconcile/query"
        body = self.json(
            "POST",
            path,
            params={"sysparm_data_source": data_source},
            payload={"items": items, "relations": relations or []},
        )
        return parse_ire(body)

    def authenticate(self) -> None:
        """Obtain a token now (OAuth) — or, for Basic, make the cheapest authenticated call."""
        if self.credentials.can_renew:
            self.credentials.header()
        else:
            self.request(
                "GET", "/api/now/table/sys_user", params={"sysparm_limit": 1, "sysparm_fields": "sys_id"}
            )


def _envelope(response: requests.Response) -> tuple[str, str]:
    try:
        error = response.json().get("error") or {}
        return str(error.get("message") or response.reason), str(error.get("detail") or "")
    except (ValueError, AttributeError):
        return response.reason or "Error", response.text[:200]
