"""A client-side call-rate governor (token bucket), shared by every thread that talks to one connection."""

import threading
import time


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


class Unlimited:
    def acquire(self) -> float:
        return 0.0


_buckets: dict[tuple[str, int], TokenBucket] = {}
_lock = threading.Lock()


def governor_for(key: str, per_minute: int) -> TokenBucket | Unlimited:
    """The process-wide bucket of a connection, so parallel clients of one job share its budget."""
    if per_minute <= 0:
        return Unlimited()
    with _lock:
        return _buckets.setdefault((key, per_minute), TokenBucket(per_minute))
