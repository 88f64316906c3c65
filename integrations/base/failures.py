"""Requests that got no answer: which failures are never retried (a wrong host name, a closed port or an
untrusted certificate does not fix itself within seconds) and the plain message each one gets."""

import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import NameResolutionError, NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from .errors import (
    CertificateUntrusted,
    ConnectionFailed,
    ConnectionRefused,
    HostNotFound,
    TimedOut,
)

MAX_REASON = 300


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error and everything it wraps (requests → urllib3 → ssl/socket), each once."""
    pending, seen = [error], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = [current.__cause__, current.__context__, getattr(current, "reason", None), *current.args]
        pending.extend(e for e in linked if isinstance(e, BaseException))


def _certificate_problem(error: BaseException) -> ssl.SSLCertVerificationError | None:
    return next((e for e in causes(error) if isinstance(e, ssl.SSLCertVerificationError)), None)


def fails_fast(error: BaseException) -> bool:
    """True for a DNS failure, a refused connection or a certificate that does not verify."""
    return any(
        isinstance(e, (NameResolutionError, socket.gaierror, ConnectionRefusedError)) for e in causes(error)
    ) or (_certificate_problem(error) is not None)


def reason_of(error: BaseException) -> str:
    """The network library's own words, without the wrapper's repetition."""
    text = str(error)
    for marker in ("Caused by ", "reason: "):
        if marker in text:
            text = text.split(marker, 1)[1]
    return text.strip("()'\" ")[:MAX_REASON]


def unreachable(error: requests.RequestException, base_url: str, method: str, path: str) -> ConnectionFailed:
    """A typed error whose message says what is wrong and what to do; the detail keeps the reason."""
    parts = urlsplit(base_url)
    host = parts.hostname or base_url
    address = f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    where = {"detail": reason_of(error), "method": method, "path": path}
    found = list(causes(error))
    if any(isinstance(e, (NameResolutionError, socket.gaierror)) for e in found):
        return HostNotFound(f"Host name not found: {host} — check the instance URL", **where)
    if any(isinstance(e, ConnectionRefusedError) for e in found):
        return ConnectionRefused(
            f"The instance could not be reached: nothing answers at {address} — "
            "check the URL and that the instance is up",
            **where,
        )
    certificate = _certificate_problem(error)
    if certificate is not None and "hostname" in str(certificate).lower():
        return CertificateUntrusted(
            f"The server's certificate is not valid for {host} — check the instance URL", **where
        )
    if certificate is not None:
        return CertificateUntrusted(
            "The server's certificate is not trusted: upload its CA bundle on the connection", **where
        )
    if isinstance(error, requests.Timeout) or any(
        isinstance(e, (Urllib3Timeout, TimeoutError)) and not isinstance(e, NewConnectionError) for e in found
    ):
        return TimedOut(
            f"{address} did not answer in time — check the URL, the network (proxy, firewall) "
            "and that the instance is up",
            **where,
        )
    if isinstance(error, requests.exceptions.SSLError):
        return ConnectionFailed(
            f"The secure connection to {address} failed — check that the URL is the instance's https:// "
            "address",
            **where,
        )
    return ConnectionFailed(
        f"The instance could not be reached at {address} — check the URL, the network and that the "
        "instance is up",
        **where,
    )
