"""One well-behaved client per connection: pooled session, OAuth or Basic, retries for reads and IRE
calls (never for plain creates), a shared rate governor, paged reads in constant memory, typed errors
and an audit callback for every call."""

import itertools
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import requests

from integrations.base.calls import CallRecord, ClientStats
from integrations.base.errors import CertificateUntrusted, Redirected
from integrations.base.failures import reason_of, unreachable
from integrations.base.governor import governor_for
from integrations.base.http import DEFAULT_TIMEOUT, Redactor, mount_retrying, outgoing_session
from integrations.base.trust import CaFile, InvalidCaBundle, certificates

from .auth import BasicCredentials, OAuthCredentials
from .exceptions import InstanceHibernating, UnexpectedResponse, error_for
from .ire import IreResult, parse_ire

log = logging.getLogger("integrations.servicenow")
MAX_AUDIT_BODY = 20_000


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


class ServiceNowClient:
    def __init__(self, settings: ClientSettings, audit: Callable[[CallRecord], None] | None = None) -> None:
        self.settings = settings
        self.base_url = settings.base_url.rstrip("/")
        self.audit = audit
        self.stats = ClientStats()
        self.ca_problem = _ca_problem(settings.ca_bundle)
        self.ca_file = CaFile(settings.ca_bundle) if settings.ca_bundle and not self.ca_problem else None
        self.verify: str | bool = self.ca_file.path if self.ca_file else True
        self.redact = Redactor(
            settings.username,
            settings.client_id,
            settings.password,
            settings.client_secret,
            settings.refresh_token,
        )
        self._sending = threading.local()  # the call this thread is sending, for its retried attempts
        self._numbers = itertools.count(1)
        self.session = outgoing_session(
            attempts=settings.attempts, timeout=settings.timeout, on_wait=self._waited
        )
        mount_retrying(  # a Batch API call sent to /v1/ carries only reads and PUTs: safe to repeat
            self.session,
            f"{self.base_url}/api/now/v1/batch",
            ("POST",),
            attempts=settings.attempts,
            timeout=settings.timeout,
            on_wait=self._waited,
        )
        mount_retrying(
            self.session,
            f"{self.base_url}/api/now/identifyreconcile",
            ("POST",),
            attempts=settings.attempts,
            timeout=settings.timeout,
            on_wait=self._waited,
        )
        self.governor = governor_for(settings.governor_key or self.base_url, settings.calls_per_minute)
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
            )

    def close(self) -> None:
        """Release the pooled connections and the CA bundle's temporary file (garbage collection does
        too, later)."""
        self.session.close()
        if self.ca_file:
            self.ca_file.close()

    def __enter__(self) -> "ServiceNowClient":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _waited(self, seconds: float, status: int | None) -> None:
        self.stats.retries += 1
        self.stats.waited_seconds += seconds
        if status == 429:
            self.stats.rate_limit_waits += 1
        sending = getattr(self._sending, "call", None)
        if sending is not None:  # urllib3 is about to send the call again
            if status is not None:
                self._answer(sending, sending.attempts, status, 0)
            sending.attempts += 1
            self._announce(sending)

    # Transport ----------------------------------------------------------------------------------------

    def _token_request(self, path: str, form: dict[str, str]) -> requests.Response:
        return self._send(
            "POST", path, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )

    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """One logical call (urllib3 may retry it); every attempt reaches the audit callback before it goes
        out, and again with its answer."""
        if self.ca_problem:
            raise CertificateUntrusted(
                "The connection's CA bundle is unusable: paste or upload its PEM certificates again",
                detail=self.ca_problem,
                method=method,
                path=path,
            )
        self.stats.waited_seconds += self.governor.acquire()
        self.stats.calls += 1
        started = time.monotonic()
        body = kwargs.get("data") if kwargs.get("data") is not None else kwargs.get("json")
        sending = _Sending(method, path, _clip(self.redact(body)), next(self._numbers))
        outer, self._sending.call = getattr(self._sending, "call", None), sending
        try:
            self._announce(sending)
            response = self.session.request(method, self.base_url + path, verify=self.verify, **kwargs)
        except requests.RequestException as exc:
            failure = unreachable(exc, self.base_url, method, path)
            reason = _clip(self.redact(f"{failure.message} ({failure.detail})"))
            for attempt in range(1, sending.attempts + 1):
                elapsed = _ms(started) if attempt == sending.attempts else 0
                self._answer(sending, attempt, 0, elapsed, error=reason)
            raise failure from None
        finally:
            self._sending.call = outer
        history = getattr(getattr(response.raw, "retries", None), "history", ()) or ()
        for attempt, previous in enumerate(history, start=1):
            error = reason_of(previous.error) if previous.error else ""
            self._answer(sending, attempt, previous.status or 0, 0, error=_clip(self.redact(error)))
        self._answer(
            sending, len(history) + 1, response.status_code, _ms(started), _clip(self.redact(response.text))
        )
        return response

    def _announce(self, sending: "_Sending") -> None:
        """An attempt about to go out: a write-ahead audit holds it before the target can act on it."""
        if hasattr(self.audit, "sent"):
            self.audit.sent(sending.ahead())

    def _answer(
        self, sending: "_Sending", attempt: int, status: int, ms: int, response: str = "", error: str = ""
    ) -> None:
        """An attempt's answer (or failure) for the audit, once."""
        if attempt not in sending.answered:
            sending.answered.add(attempt)
            self._record(
                CallRecord(
                    sending.method,
                    sending.path,
                    status,
                    ms,
                    attempt,
                    sending.body,
                    response,
                    error,
                    sending.number,
                )
            )

    def _record(self, record: CallRecord) -> None:
        log.info(
            "%s %s → %s in %d ms (attempt %d)%s",
            record.method,
            record.path,
            record.status or "no answer",
            record.duration_ms,
            record.attempt,
            f" {record.error}" if record.error else "",
        )
        if self.audit:
            self.audit(record)

    def request(
        self, method: str, path: str, *, params: dict | None = None, payload: Any = None
    ) -> requests.Response:
        """An authenticated API call; renews the token and tries once more after a 401; raises typed
        errors carrying the instance's message."""
        for renewal in (False, True):
            headers = {"Authorization": self.credentials.header()}
            kwargs: dict[str, Any] = {"params": params, "headers": headers}
            if payload is not None:
                kwargs["json"] = payload
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
        self, table: str, query: str = "", fields: list[str] | None = None, page_size: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every matching record, page by page (offset paging with X-Total-Count), one page in memory."""
        size = min(page_size or self.settings.page_size, 2000)
        offset = 0
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


@dataclass
class _Sending:
    """A logical call on its way: what its audit records share, and how many attempts went out."""

    method: str
    path: str
    body: str
    number: int
    attempts: int = 1
    answered: set[int] = field(default_factory=set)

    def ahead(self) -> CallRecord:
        return CallRecord(self.method, self.path, 0, 0, self.attempts, self.body, call=self.number)


def _envelope(response: requests.Response) -> tuple[str, str]:
    try:
        error = response.json().get("error") or {}
        return str(error.get("message") or response.reason), str(error.get("detail") or "")
    except (ValueError, AttributeError):
        return response.reason or "Error", response.text[:200]


def _ca_problem(pem: str) -> str:
    """Why the stored CA bundle cannot be used ("" when it can, or when there is none)."""
    if not pem:
        return ""
    try:
        certificates(pem)
    except InvalidCaBundle as exc:
        return str(exc)
    return ""


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _clip(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value) if value is not None else ""
    return text if len(text) <= MAX_AUDIT_BODY else text[:MAX_AUDIT_BODY] + "…"


def path_of(url: str) -> str:
    return urlsplit(url).path
