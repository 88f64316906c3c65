"""Deterministic fault injection: the same seed gives the same faults in the same request order.

Spec: comma-separated `[METHOD ][PATH_PREFIX@]KIND:RATE[:TIMES]`, e.g.
`503:0.1,429:0.05,reset:0.05,slow:0.02`, `/api/Asset@503:0.2` or `POST /api/Asset$@lost:1:1` (the first
POST to that path exactly: a prefix ending in `$` is the whole path); without a prefix a rule applies
under `/api/`, without a method to every method, without TIMES for ever.

The core's kinds: 500, 502, 503 (the platform's error body), 429 (bare, without rate-limit headers),
reset (dropped connection, nothing done), lost (the request is carried out, then the connection
dropped: the answer of a committed write never arrives) and slow (a delay before answering). A platform
may add kinds of its own and render them itself.
"""

import contextlib
import random
import socket
import struct
import threading
from collections.abc import Iterable
from dataclasses import dataclass

KINDS = ("500", "502", "503", "429", "reset", "lost", "slow")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
DEFAULT_PREFIX = "/api/"


@dataclass(frozen=True)
class Fault:
    kind: str
    rate: float
    prefix: str = DEFAULT_PREFIX
    method: str = ""  # every method when empty
    times: int = 0  # drawn at most this often (0: no limit)


def parse_faults(spec: str, kinds: Iterable[str] = KINDS) -> list[Fault]:
    """The rules of a `--faults` spec; ValueError names the bad item."""
    allowed = tuple(kinds)
    faults = []
    for item in filter(None, (part.strip() for part in (spec or "").split(","))):
        where, _, rule = item.rpartition("@")
        method, _, prefix = where.rpartition(" ") if " " in where else ("", "", where)
        if not where and rule.split(" ", 1)[0].upper() in METHODS:
            method, _, rule = rule.partition(" ")
        method = method.strip().upper()
        if method and method not in METHODS:
            raise ValueError(f"unknown method {method!r} in {item!r}; use one of {', '.join(METHODS)}")
        kind, _, rate = rule.strip().partition(":")
        rate, _, times = rate.partition(":")
        if kind not in allowed:
            raise ValueError(f"unknown fault kind {kind!r} in {item!r}; use one of {', '.join(allowed)}")
        try:
            probability = float(rate)
        except ValueError:
            raise ValueError(f"fault rate must be a number between 0 and 1 in {item!r}") from None
        if not 0 <= probability <= 1:
            raise ValueError(f"fault rate must be between 0 and 1 in {item!r}")
        if times and not (times.isascii() and times.isdigit() and int(times) > 0):
            raise ValueError(f"fault times must be a whole number above 0 in {item!r}")
        faults.append(Fault(kind, probability, prefix.strip() or DEFAULT_PREFIX, method, int(times or 0)))
    return faults


class FaultInjector:
    """Draws one random number per matching request; `enabled` and `faults` may be changed live."""

    def __init__(self, faults: list[Fault], seed: int = 0) -> None:
        self.faults = faults
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.enabled = True
        self.drawn: dict[Fault, int] = {}

    def draw(self, path: str, method: str = "") -> str | None:
        """The fault to inject into a `method` request for `path`, if any."""
        if not self.enabled:
            return None
        with self.lock:
            candidates = [
                f
                for f in self.faults
                if (path == f.prefix[:-1] if f.prefix.endswith("$") else path.startswith(f.prefix))
                and f.method in ("", method)
                and not (f.times and self.drawn.get(f, 0) >= f.times)
            ]
            if not candidates:
                return None
            roll = self.random.random()
            for fault in candidates:
                if roll < fault.rate:
                    self.drawn[fault] = self.drawn.get(fault, 0) + 1
                    return fault.kind
                roll -= fault.rate
        return None


def drop_connection(environ: dict) -> None:
    """Reset the client's TCP connection (RST, not FIN), as a crashed load balancer would."""
    sock = environ.get("werkzeug.socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
