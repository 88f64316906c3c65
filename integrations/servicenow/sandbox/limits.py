"""Inbound REST rate limits as `sys_rate_limit_rules` enforce them, with a time scale for tests."""

import math
import threading
import time
from collections import defaultdict

API_NAMES = {
    "table": "Table API",
    "ire": "Identify and Reconcile API",
    "attachment": "Attachment API",
    "batch": "Batch API",
}


class RateLimiter:
    """A fixed hourly window per user; `time_scale` 60 makes an "hour" last one minute."""

    def __init__(self, per_hour: int | None, time_scale: float = 1.0, rule_sys_id: str = "") -> None:
        self.per_hour = per_hour
        self.window = 3600.0 / time_scale
        self.rule_sys_id = rule_sys_id
        self.counts: dict[tuple[str, int], int] = defaultdict(int)
        self.lock = threading.Lock()

    def check(self, user: str, api: str) -> tuple[bool, dict[str, str]]:
        """Count a request; returns whether it may proceed and the headers to send either way."""
        if not self.per_hour:
            return True, {}
        now = time.time()
        window = int(now // self.window)
        reset = (window + 1) * self.window
        headers = {
            "X-RateLimit-Limit": str(self.per_hour),
            "X-RateLimit-Reset": str(math.ceil(reset)),
            "X-RateLimit-Rule": self.rule_sys_id,
        }
        with self.lock:
            if self.counts[(user, window)] >= self.per_hour:
                headers["Retry-After"] = str(max(math.ceil(reset - now), 1))
                return False, headers
            self.counts[(user, window)] += 1
            for key in [k for k in self.counts if k[1] < window]:
                del self.counts[key]
        return True, headers

    def detail(self, api: str) -> str:
        return (
            f"Rate limit of {self.per_hour} requests per hour for {API_NAMES.get(api, 'REST API')} exceeded"
        )
