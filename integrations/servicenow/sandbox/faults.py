"""Deterministic fault injection: the same seed gives the same faults in the same request order.

Spec: comma-separated `[PATH_PREFIX@]KIND:RATE`, e.g. `503:0.1,429:0.05,reset:0.05,slow:0.02,hibernate:0.01`
or `/api/now/identifyreconcile@503:0.2`. Kinds: 500, 502, 503, 429 (bare, without rate-limit headers),
reset (dropped connection), slow (a delay before answering), hibernate (the instance's HTML page).
"""

import random
import threading
from dataclasses import dataclass

KINDS = ("500", "502", "503", "429", "reset", "slow", "hibernate")


@dataclass(frozen=True)
class Fault:
    kind: str
    rate: float
    prefix: str = "/api/"


def parse_faults(spec: str) -> list[Fault]:
    faults = []
    for item in filter(None, (part.strip() for part in (spec or "").split(","))):
        prefix, _, rule = item.rpartition("@")
        kind, _, rate = rule.partition(":")
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r} in {item!r}; use one of {', '.join(KINDS)}")
        try:
            probability = float(rate)
        except ValueError:
            raise ValueError(f"fault rate must be a number between 0 and 1 in {item!r}") from None
        if not 0 <= probability <= 1:
            raise ValueError(f"fault rate must be between 0 and 1 in {item!r}")
        faults.append(Fault(kind, probability, prefix or "/api/"))
    return faults


class FaultInjector:
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


HIBERNATION_PAGE = """<!DOCTYPE html>
<html><head><title>Instance Hibernating page</title></head>
<body><div class="instance-hibernating">
<h1>Your instance is hibernating</h1>
<p>Developer instances hibernate after a period of inactivity.
Sign in to the developer portal to wake it up.</p>
</div></body></html>
"""
