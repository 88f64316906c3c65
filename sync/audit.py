"""Audit rows of a run: one per API call attempt, from the client's audit callback. Write-ahead: the row
is committed (state "sent") before the request goes out and completed with its answer, so a worker
killed at any moment leaves every call the target may have received on record. The audit of an outgoing
call is therefore not part of the batch transaction that records the call's results: the call happened
whether or not those results were stored. HTTP calls are never made inside a transaction, so each write
here commits at once."""

import threading

from integrations.base.calls import CallRecord
from sync.models import AuditEntry, AuditState, Run

ANSWER_FIELDS = ("status", "duration_ms", "response_body", "error", "state")


class AuditRecorder:
    """The client's audit callback for one run (thread-safe)."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.waiting: dict[tuple[int, int], int] = {}  # (call, attempt) → id of its row awaiting the answer
        self.lock = threading.Lock()

    def sent(self, record: CallRecord) -> None:
        """The attempt is about to go out."""
        entry = AuditEntry.objects.create(**self.fields(record), state=AuditState.SENT)
        with self.lock:
            self.waiting[(record.call, record.attempt)] = entry.pk

    def __call__(self, record: CallRecord) -> None:
        """The attempt was answered, or failed."""
        with self.lock:
            pk = self.waiting.pop((record.call, record.attempt), None)
        entry = AuditEntry(pk=pk, **self.fields(record), state=AuditState.ANSWERED)
        if pk is None:
            entry.save(force_insert=True)
        else:
            entry.save(update_fields=ANSWER_FIELDS)

    def fields(self, record: CallRecord) -> dict:
        return {
            "run": self.run,
            "method": record.method,
            "path": record.path[:300],
            "status": record.status,
            "duration_ms": record.duration_ms,
            "attempt": record.attempt,
            "request_body": record.request_body,
            "response_body": record.response_body,
            "error": record.error,
        }


def written_targets(run: Run) -> set[str]:
    """Target ids this run sent a change or a delete for (answered or not), by the last segment of the
    call's path: the record URL convention of REST APIs. A resumed run tells by it what an interrupted
    attempt of its own did from what someone else did."""
    paths = run.audit.filter(method__in=("PUT", "PATCH", "DELETE")).values_list("path", flat=True)
    return {path.rstrip("/").rpartition("/")[2] for path in paths.iterator()}
