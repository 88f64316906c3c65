"""The one outgoing-HTTP factory every platform client uses: pooled sessions, default timeouts, a
User-Agent naming the product, retries from urllib3 that honour Retry-After and X-RateLimit-Reset,
and redaction of secrets in anything logged or audited."""

import json
import re
import time
from collections.abc import Callable, Collection
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

USER_AGENT = "PortfolioBridge/0.1 (+https://github.com/portfolio-bridge)"
DEFAULT_TIMEOUT = (5.0, 60.0)  # connect, read
RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_WAIT = 300.0
SECRET_KEYS = re.compile(r"(pass(word)?|secret|(^|_)token$|authorization|api[_-]?key|credential)", re.I)
REDACTED = "********"


class PoliteRetry(Retry):
    """urllib3's Retry, also waiting for `X-RateLimit-Reset` when a 429 carries no Retry-After, and
    telling `on_wait(seconds, status)` about every wait (for progress and audit)."""

    def __init__(
        self, *args: Any, on_wait: Callable[[float, int | None], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.on_wait = on_wait

    def new(self, **kwargs: Any) -> "PoliteRetry":
        retry = super().new(**kwargs)
        retry.on_wait = self.on_wait
        return retry

    def get_retry_after(self, response) -> float | None:
        seconds = super().get_retry_after(response)
        if seconds is None and response.status == 429:
            reset = response.headers.get("X-RateLimit-Reset")
            if reset and reset.isdigit():
                seconds = max(int(reset) - time.time(), 0.0)
        return None if seconds is None else min(seconds, MAX_WAIT)

    def sleep(self, response=None) -> None:
        status = response.status if response is not None else None
        wait = (
            self.get_retry_after(response)
            if response is not None and self.respect_retry_after_header
            else None
        )
        if wait is None:
            wait = self.get_backoff_time()
        if self.on_wait:  # every retry, even the first one that urllib3 sends without waiting
            self.on_wait(wait or 0.0, status)
        super().sleep(response)


class TimeoutAdapter(HTTPAdapter):
    def __init__(self, *args: Any, timeout: tuple[float, float] = DEFAULT_TIMEOUT, **kwargs: Any) -> None:
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def retry_policy(
    attempts: int, methods: Collection[str], on_wait: Callable[[float, int | None], None] | None = None
) -> PoliteRetry:
    """Exponential backoff with jitter on 429/5xx and connection errors for `methods` only."""
    return PoliteRetry(
        total=attempts - 1,
        connect=attempts - 1,
        read=attempts - 1,
        status=attempts - 1,
        backoff_factor=0.5,
        backoff_jitter=0.5,
        backoff_max=30,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset(methods),
        respect_retry_after_header=True,
        raise_on_status=False,
        on_wait=on_wait,
    )


def outgoing_session(
    *,
    attempts: int = 5,
    idempotent_methods: Collection[str] = ("GET", "HEAD", "PUT", "DELETE", "OPTIONS"),
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    pool_size: int = 10,
    on_wait: Callable[[float, int | None], None] | None = None,
) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.headers["Accept"] = "application/json"
    adapter = TimeoutAdapter(
        max_retries=retry_policy(attempts, idempotent_methods, on_wait),
        timeout=timeout,
        pool_maxsize=pool_size,
    )
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def mount_retrying(
    session: requests.Session,
    prefix: str,
    methods: Collection[str],
    *,
    attempts: int = 5,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    on_wait: Callable[[float, int | None], None] | None = None,
) -> None:
    """Retry `methods` (e.g. an idempotent POST) for URLs under `prefix` only."""
    session.mount(
        prefix, TimeoutAdapter(max_retries=retry_policy(attempts, methods, on_wait), timeout=timeout)
    )


def redact(value: Any) -> Any:
    """A copy of a JSON-like value, a form or a JSON string with every secret-looking field masked."""
    if isinstance(value, dict):
        return {k: REDACTED if SECRET_KEYS.search(str(k)) else redact(v) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v) for v in value]
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        text = value.strip()
        if text.startswith(("{", "[")):
            try:
                return json.dumps(redact(json.loads(text)))
            except ValueError:
                pass
        return re.sub(
            r"((?:^|&)[^=&]*(?:pass|secret|token)[^=&]*=)[^&]*", rf"\g<1>{REDACTED}", value, flags=re.I
        )
    return value
