"""A request-rate limiter with a time scale, so tests can run through a platform's hour or five minutes
in a second or two. The platform decides whom a request counts against and how a refusal looks."""

import math
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    reset: float  # epoch seconds: the end of the window, or when the oldest counted request leaves it
    retry_after: int  # whole seconds (at least 1) until a refused request may be retried; 0 if allowed


class RateLimiter:
    """`limit` requests per key per `window_seconds`, the window shortened by `time_scale`.

    Fixed windows are aligned to the clock (ServiceNow's hourly `sys_rate_limit_rules`); rolling windows
    count the requests of the last `window_seconds` (Halo's "300 requests per rolling 5 minutes").
    Memory stays bounded: at most `limit` timestamps per key, and stale keys are dropped."""

    def __init__(
        self,
        limit: int | None,
        window_seconds: float,
        time_scale: float = 1.0,
        *,
        rolling: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if time_scale <= 0 or window_seconds <= 0:
            raise ValueError("the window and the time scale must be positive")
        self.limit = limit
        self.window = window_seconds / time_scale
        self.rolling = rolling
        self.clock = clock
        self.counts: dict[tuple[str, int], int] = defaultdict(int)
        self.recent: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def check(self, key: str) -> Verdict | None:
        """Count a request of `key`; None when there is no limit."""
        if not self.limit:
            return None
        with self.lock:
            return self._rolling(key) if self.rolling else self._fixed(key)

    def _fixed(self, key: str) -> Verdict:
        now = self.clock()
        window = int(now // self.window)
        reset = (window + 1) * self.window
        if self.counts[(key, window)] >= self.limit:
            return Verdict(False, self.limit, reset, max(math.ceil(reset - now), 1))
        self.counts[(key, window)] += 1
        for stale in [k for k in self.counts if k[1] < window]:
            del self.counts[stale]
        return Verdict(True, self.limit, reset, 0)

    def _rolling(self, key: str) -> Verdict:
        now = self.clock()
        for name in list(self.recent):
            times = self.recent[name]
            while times and times[0] <= now - self.window:
                times.popleft()
            if not times and name != key:
                del self.recent[name]
        times = self.recent.setdefault(key, deque())
        if len(times) >= self.limit:
            reset = times[0] + self.window
            return Verdict(False, self.limit, reset, max(math.ceil(reset - now), 1))
        times.append(now)
        return Verdict(True, self.limit, times[0] + self.window, 0)
