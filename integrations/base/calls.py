"""What every platform client reports about its HTTP calls: one record per attempt for the audit log,
and running totals for a run's progress. The audit callback hears of each attempt once it is answered
(or has failed); one that also has a `sent(record)` method hears of it before it goes out as well, so
that its log can survive a process killed while waiting. `call` and `attempt` pair the two."""

from dataclasses import dataclass


@dataclass(frozen=True)
class CallRecord:
    """What the audit log keeps of one HTTP attempt (bodies already redacted)."""

    method: str
    path: str
    status: int
    duration_ms: int
    attempt: int
    request_body: str = ""
    response_body: str = ""
    error: str = ""
    call: int = 0  # the client's number for the logical call this attempt belongs to


@dataclass
class ClientStats:
    calls: int = 0
    retries: int = 0
    rate_limit_waits: int = 0
    waited_seconds: float = 0.0
