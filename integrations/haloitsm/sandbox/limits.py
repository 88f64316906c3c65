"""Halo's rate limit: a number of requests per rolling window (hosted Halo: 300 per five minutes)."""

import math
import threading
import time
from collections import deque
from collections.abc import Callable


class RollingWindowLimiter:
    """Counts accepted requests in a rolling window; `time_scale` 60 makes five minutes last five
    seconds, so tests can watch the window roll without waiting."""

    def __init__(
        self,
        limit: int | None,
        window: float = 300.0,
        time_scale: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.nominal_window = window
        self.window = window / time_scale
        self.clock = clock
        self.accepted: deque[float] = deque()
        self.lock = threading.Lock()

    def acquire(self) -> int | None:
        """Count one request: None when it may proceed, else the seconds to wait (for Retry-After)."""
        if not self.limit:
            return None
        now = self.clock()
        with self.lock:
            while self.accepted and self.accepted[0] <= now - self.window:
                self.accepted.popleft()
            if len(self.accepted) >= self.limit:
                return max(math.ceil(self.accepted[0] + self.window - now), 1)
            self.accepted.append(now)
        return None

    def message(self) -> str:
        minutes = round(self.nominal_window / 60, 2)
        return f"Rate Limit Reached - {self.limit} Requests per rolling {minutes:g} minute window"
