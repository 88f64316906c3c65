"""Audit rows of a run: one per API call attempt, from the client's audit callback."""

import threading

from integrations.base.calls import CallRecord
from sync.models import AuditEntry, Run


class AuditRecorder:
    """Collects a run's calls (thread-safe) and writes them in bulk with the run's results."""

    def __init__(self, run: Run) -> None:
        self.run = run
        self.pending: list[AuditEntry] = []
        self.lock = threading.Lock()

    def __call__(self, record: CallRecord) -> None:
        entry = AuditEntry(
            run=self.run,
            method=record.method,
            path=record.path[:300],
            status=record.status,
            duration_ms=record.duration_ms,
            attempt=record.attempt,
            request_body=record.request_body,
            response_body=record.response_body,
            error=record.error,
        )
        with self.lock:
            self.pending.append(entry)

    def flush(self) -> int:
        with self.lock:
            entries, self.pending = self.pending, []
        AuditEntry.objects.bulk_create(entries, batch_size=500)
        return len(entries)
