"""A client-side call-rate governor (token bucket), shared by every thread that talks to one connection."""

import threading
import time
from collections import deque


class TokenBucket:
    """Allows `per_minute` calls a minute on average, with a burst of at most `burst` calls."""

    def __init__(self, per_minute: int, burst: int | None = None) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(burst or max(1, per_minute // 60))
        self.tokens = self.capacity
        self.updated = time.monotonic()
        self.lock = threading.Lock()

    def acquire(self) -> float:
        """Wait for a token; returns the seconds waited."""
        waited = 0.0
        while True:
            with self.lock:
                now = time.monotonic()
                self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
                self.updated = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return waited
                pause = (1 - self.tokens) / self.rate
            time.sleep(pause)
            waited += pause


class RollingWindow:
    """At most `limit` calls in any rolling `seconds` (Halo's own rule: 300 in five minutes), bursts
    allowed: a publish of 40 calls goes at once, the 301st call waits for the oldest to age out."""

    def __init__(self, limit: int, seconds: float, clock=time.monotonic, sleep=time.sleep) -> None:
        self.limit = limit
        self.seconds = seconds
        self.clock = clock
        self.sleep = sleep
        self.sent: deque[float] = deque()
        self.lock = threading.Lock()

    def acquire(self) -> float:
        """Wait until a call fits in the window; returns the seconds waited."""
        waited = 0.0
        while True:
            with self.lock:
                now = self.clock()
                while self.sent and self.sent[0] <= now - self.seconds:
                    self.sent.popleft()
                if len(self.sent) < self.limit:
                    self.sent.append(now)
                    return waited
                pause = self.sent[0] + self.seconds - now
            self.sleep(pause)
            waited += pause


class Unlimited:
    def acquire(self) -> float:
        return 0.0


_buckets: dict[tuple[str, int], TokenBucket] = {}
_windows: dict[tuple[str, int, float], RollingWindow] = {}
_lock = threading.Lock()


def governor_for(key: str, per_minute: int) -> TokenBucket | Unlimited:
    """The process-wide bucket of a connection, so parallel clients of one job share its budget."""
    if per_minute <= 0:
        return Unlimited()
    with _lock:
        return _buckets.setdefault((key, per_minute), TokenBucket(per_minute))


def window_for(key: str, limit: int, seconds: float) -> RollingWindow | Unlimited:
    """The process-wide rolling window of a connection (shared like `governor_for`'s bucket)."""
    if limit <= 0:
        return Unlimited()
    with _lock:
        return _windows.setdefault((key, limit, seconds), RollingWindow(limit, seconds))
