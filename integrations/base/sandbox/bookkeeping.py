"""Request counts for `/sandbox/stats` and the last requests for the status page."""

import threading
import time
from collections import Counter, deque


class Bookkeeping:
    """Tests and benchmarks read the counts to prove how many calls (and committing calls) a job made."""

    def __init__(self, recent: int = 200) -> None:
        self.lock = threading.Lock()
        self.recent: deque[tuple[str, str, str, int, str]] = deque(maxlen=recent)
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.since = time.time()
            self.by_api: Counter = Counter()
            self.by_method: Counter = Counter()
            self.by_status: Counter = Counter()
            self.by_api_method: Counter = Counter()
            self.writes = 0

    def record(self, method: str, path: str, status: int, user: str, api: str, committing: bool) -> None:
        """Count one request; a committing call counts only if it succeeded (status below 400)."""
        with self.lock:
            self.recent.appendleft((time.strftime("%H:%M:%S"), method, path, status, user))
            self.by_api[api] += 1
            self.by_method[method] += 1
            self.by_status[str(status)] += 1
            self.by_api_method[f"{api} {method}"] += 1
            self.writes += int(committing and status < 400)

    def snapshot(self) -> dict:
        """The `/sandbox/stats` JSON document."""
        with self.lock:
            return {
                "since": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(self.since)),
                "total": sum(self.by_api.values()),
                "by_api": dict(self.by_api),
                "by_method": dict(self.by_method),
                "by_status": dict(self.by_status),
                "by_api_method": dict(self.by_api_method),
                "committing_calls": self.writes,
            }

    def last(self) -> list[tuple[str, str, str, int, str]]:
        """The recent requests, newest first: (time, method, path, status, user)."""
        with self.lock:
            return list(self.recent)
