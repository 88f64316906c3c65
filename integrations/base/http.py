"""The one outgoing-HTTP factory every platform client uses: pooled sessions, default timeouts, a
User-Agent naming the product, retries from urllib3 that honour Retry-After and X-RateLimit-Reset
(but never repeat a DNS failure, a refused connection or an untrusted certificate), and redaction of
secrets, user names and client ids in anything logged or audited."""

import json
import re
import time
from collections.abc import Callable, Collection
from typing import Any
from urllib.parse import quote_plus, urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError
from urllib3.util.retry import Retry

from .failures import fails_fast

USER_AGENT = "PortfolioBridge/0.1 (+https://github.com/portfolio-bridge)"
DEFAULT_TIMEOUT = (5.0, 60.0)  # connect, read
RETRY_STATUSES = (429, 500, 502, 503, 504)
DEFAULT_PORTS = {"https": 443, "http": 80}
MAX_WAIT = 300.0
SECRET_KEYS = re.compile(
    r"(pass(word)?|secret|(^|_)token$|authorization|api[_-]?key|credential|(^|_)user(_?name)?$|client_?id"
    r"|^login$)",
    re.I,
)
FORM_SECRET = re.compile(r"((?:^|[&?])[^=&?]*(?:pass|secret|token|user|client_?id|login)[^=&]*=)[^&]*", re.I)
REDACTED = "********"
SHORTEST_SCRUBBED = 3  # a shorter credential would mask ordinary words; field names still mask it


class PoliteRetry(Retry):
    """urllib3's Retry, also waiting for `X-RateLimit-Reset` when a 429 carries no Retry-After, and
    telling `on_wait(seconds, status)` about every wait (for progress and audit)."""

    def __init__(
        self,
        *args: Any,
        on_wait: Callable[[float, int | None], None] | None = None,
        any_method_statuses: Collection[int] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.on_wait = on_wait
        self.any_method_statuses = frozenset(any_method_statuses)

    def new(self, **kwargs: Any) -> "PoliteRetry":
        retry = super().new(**kwargs)
        retry.on_wait = self.on_wait
        retry.any_method_statuses = self.any_method_statuses
        return retry

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        """Also retries every method (a POST too) on the statuses a platform answers before acting on
        the request at all, e.g. Halo's 429: repeating it cannot write twice."""
        if status_code in self.any_method_statuses and self.total:
            return True
        return super().is_retry(method, status_code, has_retry_after)

    def get_retry_after(self, response) -> float | None:
        seconds = super().get_retry_after(response)
        if seconds is None and response.status == 429:
            reset = response.headers.get("X-RateLimit-Reset")
            if reset and reset.isdigit():
                seconds = max(int(reset) - time.time(), 0.0)
        return None if seconds is None else min(seconds, MAX_WAIT)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        if error is not None and fails_fast(error):
            raise MaxRetryError(_pool, url, error) from error
        return super().increment(method, url, response, error, _pool, _stacktrace)

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


class SameOriginSession(requests.Session):
    """Follows redirects only to the same scheme, host and port: an instance's API never moves, and a
    redirect must not carry the server's requests (or credentials) to another address."""

    def get_redirect_target(self, resp):
        target = super().get_redirect_target(resp)
        if target and _origin(urljoin(resp.url, target)) != _origin(resp.url):
            return None
        return target


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(parts.scheme)


class TimeoutAdapter(HTTPAdapter):
    def __init__(self, *args: Any, timeout: tuple[float, float] = DEFAULT_TIMEOUT, **kwargs: Any) -> None:
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def retry_policy(
    attempts: int,
    methods: Collection[str],
    on_wait: Callable[[float, int | None], None] | None = None,
    any_method_statuses: Collection[int] = (),
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
        any_method_statuses=any_method_statuses,
    )


def outgoing_session(
    *,
    attempts: int = 5,
    idempotent_methods: Collection[str] = ("GET", "HEAD", "PUT", "DELETE", "OPTIONS"),
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    pool_size: int = 10,
    on_wait: Callable[[float, int | None], None] | None = None,
    any_method_statuses: Collection[int] = (),
) -> requests.Session:
    """`any_method_statuses`: statuses retried for every method (see PoliteRetry.is_retry)."""
    session = SameOriginSession()
    session.headers["User-Agent"] = USER_AGENT
    session.headers["Accept"] = "application/json"
    adapter = TimeoutAdapter(
        max_retries=retry_policy(attempts, idempotent_methods, on_wait, any_method_statuses),
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
    any_method_statuses: Collection[int] = (),
) -> None:
    """Retry `methods` (e.g. an idempotent POST) for URLs under `prefix` only."""
    policy = retry_policy(attempts, methods, on_wait, any_method_statuses)
    session.mount(prefix, TimeoutAdapter(max_retries=policy, timeout=timeout))


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
        return FORM_SECRET.sub(rf"\g<1>{REDACTED}", value)
    return value


class Redactor:
    """Masks secret-looking fields by name (`redact`) and, by value, one connection's own credentials
    wherever they appear (e.g. a user name echoed in `sys_created_by`), as text for a log or audit row."""

    def __init__(self, *credentials: str) -> None:
        variants = {
            form
            for value in credentials
            if len(value) >= SHORTEST_SCRUBBED
            for form in (value, quote_plus(value), json.dumps(value)[1:-1])
        }
        alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w.@%+-])(?:{alternatives})(?![\w.@%+-])") if variants else None

    def __call__(self, value: Any) -> str:
        masked = redact(value)
        text = masked if isinstance(masked, str) else json.dumps(masked) if masked is not None else ""
        return self.pattern.sub(REDACTED, text) if self.pattern else text
