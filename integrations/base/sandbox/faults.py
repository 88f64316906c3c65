"""Deterministic fault injection: the same seed gives the same faults in the same request order.

Spec: comma-separated `[PATH_PREFIX@]KIND:RATE`, e.g. `503:0.1,429:0.05,reset:0.05,slow:0.02` or
`/api/Asset@503:0.2`; without a prefix a rule applies under `/api/`. The core's kinds: 500, 502, 503
(the platform's error body), 429 (bare, without rate-limit headers), reset (dropped connection) and slow
(a delay before answering). A platform may add kinds of its own and render them itself.
"""

import contextlib
import random
import socket
import struct
import threading
from collections.abc import Iterable
from dataclasses import dataclass

KINDS = ("500", "502", "503", "429", "reset", "slow")
DEFAULT_PREFIX = "/api/"


@dataclass(frozen=True)
class Fault:
    kind: str
    rate: float
    prefix: str = DEFAULT_PREFIX


def parse_faults(spec: str, kinds: Iterable[str] = KINDS) -> list[Fault]:
    """The rules of a `--faults` spec; ValueError names the bad item."""
    allowed = tuple(kinds)
    faults = []
    for item in filter(None, (part.strip() for part in (spec or "").split(","))):
        prefix, _, rule = item.rpartition("@")
        kind, _, rate = rule.partition(":")
        if kind not in allowed:
            raise ValueError(f"unknown fault kind {kind!r} in {item!r}; use one of {', '.join(allowed)}")
        try:
            probability = float(rate)
        except ValueError:
            raise ValueError(f"fault rate must be a number between 0 and 1 in {item!r}") from None
        if not 0 <= probability <= 1:
            raise ValueError(f"fault rate must be between 0 and 1 in {item!r}")
        faults.append(Fault(kind, probability, prefix or DEFAULT_PREFIX))
    return faults


class FaultInjector:
    """Draws one random number per matching request; `enabled` and `faults` may be changed live."""

    def __init__(self, faults: list[Fault], seed: int = 0) -> None:
        self.faults = faults
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.enabled = True

    def draw(self, path: str) -> str | None:
        """The fault to inject into a request for `path`, if any."""
        candidates = [f for f in self.faults if path.startswith(f.prefix)]
        if not candidates or not self.enabled:
            return None
        with self.lock:
            roll = self.random.random()
        for fault in candidates:
            if roll < fault.rate:
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
