"""The audit of ServiceNow calls made for a change: the client's audit callback writes one row per
attempt (bodies already redacted by the transport), as `sync.audit` does for runs. Calls made before the
change exists (lookups, the create itself) are bound to it once it does."""

import threading

from integrations.base.calls import CallRecord
from pipelines.models import ChangeCall


def as_text(body: str) -> str:
    """A body fit for the audit: a file's binary content is summed up, not kept (nor can a database's text
    column hold its NUL bytes)."""
    if "\x00" in body or "\ufffd" in body:
        return f"({len(body):,} characters of binary content, not kept)"
    return body


class CallRecorder:
    def __init__(self, namespace, token_name: str = "", change=None) -> None:
        self.namespace = namespace
        self.token_name = token_name
        self.change = change
        self.unbound: list[int] = []
        self.lock = threading.Lock()

    def __call__(self, record: CallRecord) -> None:
        row = ChangeCall.objects.create(
            change=self.change,
            namespace=self.namespace,
            token_name=self.token_name,
            method=record.method,
            path=record.path[:300],
            status=record.status,
            duration_ms=record.duration_ms,
            attempt=record.attempt,
            request_body=as_text(record.request_body),
            response_body=as_text(record.response_body),
            error=record.error,
        )
        if self.change is None:
            with self.lock:
                self.unbound.append(row.pk)

    def bind(self, change) -> None:
        """The change now exists: the calls that made it belong to it."""
        with self.lock:
            ids, self.unbound = self.unbound, []
        self.change = change
        ChangeCall.objects.filter(pk__in=ids).update(change=change)
