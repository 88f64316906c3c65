"""What every platform client sends its calls through: the outgoing-HTTP factory's session, the trusted
CA bundle, the connection's rate governor, statistics, and a write-ahead audit of every attempt.

A platform's client adds only what is its own: how it authenticates, which POSTs are safe to retry, and
how the platform's error bodies read. Each attempt reaches the audit callback before it goes out (when
the callback has a `sent` method) and again with its answer, so a worker killed mid-call still leaves
the call on record."""

import itertools
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import requests

from .calls import CallRecord, ClientStats
from .errors import CertificateUntrusted
from .failures import reason_of, unreachable
from .governor import governor_for, window_for
from .http import DEFAULT_TIMEOUT, Redactor, mount_retrying, outgoing_session
from .trust import CaFile, InvalidCaBundle, certificates

MAX_AUDIT_BODY = 20_000

Audit = Callable[[CallRecord], None]


class Transport:
    def __init__(
        self,
        base_url: str,
        *,
        secrets: Iterable[str] = (),
        ca_bundle: str = "",
        attempts: int = 5,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        calls_per_minute: int = 0,
        calls_per_window: tuple[int, float] | None = None,
        governor_key: str = "",
        audit: Audit | None = None,
        log: logging.Logger | None = None,
        any_method_statuses: Iterable[int] = (),
    ) -> None:
        """`calls_per_window` (calls, seconds) governs by a rolling window instead of `calls_per_minute`;
        `any_method_statuses` are retried for every method (statuses the target answers before acting)."""
        self.base_url = base_url.rstrip("/")
        self.audit = audit
        self.log = log or logging.getLogger("integrations")
        self.attempts = attempts
        self.timeout = timeout
        self.stats = ClientStats()
        self.ca_problem = ca_problem(ca_bundle)
        self.ca_file = CaFile(ca_bundle) if ca_bundle and not self.ca_problem else None
        self.verify: str | bool = self.ca_file.path if self.ca_file else True
        self.redact = Redactor(*secrets)
        self._sending = threading.local()  # the call this thread is sending, for its retried attempts
        self._numbers = itertools.count(1)
        self.any_method_statuses = tuple(any_method_statuses)
        self.session = outgoing_session(
            attempts=attempts,
            timeout=timeout,
            on_wait=self._waited,
            any_method_statuses=self.any_method_statuses,
        )
        key = governor_key or self.base_url
        self.governor = (
            window_for(key, *calls_per_window) if calls_per_window else governor_for(key, calls_per_minute)
        )

    def retry_posts(self, path_prefix: str) -> None:
        """POSTs under this path are safe to repeat (e.g. an identification that finds the first attempt's
        record); other POSTs are never retried."""
        mount_retrying(
            self.session,
            self.base_url + path_prefix,
            ("POST",),
            attempts=self.attempts,
            timeout=self.timeout,
            on_wait=self._waited,
            any_method_statuses=self.any_method_statuses,
        )

    def close(self) -> None:
        """Release the pooled connections and the CA bundle's temporary file (garbage collection does
        too, later)."""
        self.session.close()
        if self.ca_file:
            self.ca_file.close()

    def send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """One logical call (urllib3 may retry it), audited attempt by attempt; raises the base error tree's
        plain-worded errors when the target cannot be reached."""
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
        sending = _Sending(method, path, clip(self.redact(body)), next(self._numbers))
        outer, self._sending.call = getattr(self._sending, "call", None), sending
        try:
            self._announce(sending)
            response = self.session.request(method, self.base_url + path, verify=self.verify, **kwargs)
        except requests.RequestException as exc:
            failure = unreachable(exc, self.base_url, method, path)
            reason = clip(self.redact(f"{failure.message} ({failure.detail})"))
            for attempt in range(1, sending.attempts + 1):
                elapsed = _ms(started) if attempt == sending.attempts else 0
                self._answer(sending, attempt, 0, elapsed, error=reason)
            raise failure from None
        finally:
            self._sending.call = outer
        history = getattr(getattr(response.raw, "retries", None), "history", ()) or ()
        for attempt, previous in enumerate(history, start=1):
            error = reason_of(previous.error) if previous.error else ""
            self._answer(sending, attempt, previous.status or 0, 0, error=clip(self.redact(error)))
        self._answer(
            sending, len(history) + 1, response.status_code, _ms(started), clip(self.redact(response.text))
        )
        return response

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

    def _announce(self, sending: "_Sending") -> None:
        """An attempt about to go out: a write-ahead audit holds it before the target can act on it."""
        if hasattr(self.audit, "sent"):
            self.audit.sent(sending.ahead())

    def _answer(
        self, sending: "_Sending", attempt: int, status: int, ms: int, response: str = "", error: str = ""
    ) -> None:
        """An attempt's answer (or failure) for the audit, once."""
        if attempt in sending.answered:
            return
        sending.answered.add(attempt)
        record = CallRecord(
            sending.method, sending.path, status, ms, attempt, sending.body, response, error, sending.number
        )
        self.log.info(
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


def ca_problem(pem: str) -> str:
    """Why the stored CA bundle cannot be used ("" when it can, or when there is none)."""
    if not pem:
        return ""
    try:
        certificates(pem)
    except InvalidCaBundle as exc:
        return str(exc)
    return ""


def clip(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value) if value is not None else ""
    return text if len(text) <= MAX_AUDIT_BODY else text[:MAX_AUDIT_BODY] + "…"


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


class TransportClient:
    """What every platform client built on a `Transport` shares: closing it, and `with` support."""

    transport: Transport

    def close(self) -> None:
        self.transport.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
