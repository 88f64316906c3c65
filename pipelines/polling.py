"""The shared poll: however many pipelines wait on a change, the product reads it from the target at most
once per interval. A caller claims the poll with a conditional UPDATE on `next_poll_at` (one row, one
winner); the others answer from the row. Errors back off (interval × 2^failures, at most 5 minutes) and
the callers get the last known state with the error."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from integrations.base import changes as contract
from integrations.base.changes import ChangeState, verdict
from pipelines.audit import CallRecorder
from pipelines.errors import PipelineError
from pipelines.models import ChangeRequest, EventKind
from pipelines.remote import change_api

MAX_BACKOFF_SECONDS = 300
FINAL_STATES = (contract.CLOSED, contract.CANCELED)


def poll_interval() -> float:
    return float(getattr(settings, "PIPELINE_POLL_INTERVAL", 10))


def backoff(failures: int) -> float:
    return min(poll_interval() * 2**failures, MAX_BACKOFF_SECONDS)


def schedule_next(change: ChangeRequest) -> None:
    """A state was just read: the next poll is one interval away."""
    now = timezone.now()
    change.last_polled_at = now
    change.next_poll_at = now + timedelta(seconds=poll_interval())
    change.save(update_fields=["last_polled_at", "next_poll_at", "updated_at"])


def _events(change: ChangeRequest, state: ChangeState) -> list[tuple[str, str]]:
    events = []
    if state.approval != change.approval:
        kind = {
            "requested": EventKind.APPROVAL_REQUESTED,
            "approved": EventKind.APPROVED,
            "rejected": EventKind.REJECTED,
        }.get(state.approval)
        if kind:
            events.append((kind, f"Approval {state.approval}"))
    if state.state != change.state:
        kind = {
            contract.IMPLEMENT: EventKind.IMPLEMENT,
            contract.CLOSED: EventKind.CLOSED,
            contract.CANCELED: EventKind.CANCELED,
        }.get(state.state, EventKind.STATE)
        before = change.state_label or "—"
        events.append((kind, f"State {before} → {state.state_label}"))
    return events


def apply_state(change: ChangeRequest, state: ChangeState, actor: str = "", note: str = "") -> None:
    """Store what the target says now; the timeline records each approval and state change seen."""
    for kind, message in _events(change, state):
        if note and kind == EventKind.CLOSED:
            message = f"{message} ({note})"
        change.events.create(kind=kind, message=message, token_name=actor)
    change.state, change.state_label, change.approval = state.state, state.state_label, state.approval
    change.cmdb_ci = state.cmdb_ci or change.cmdb_ci
    change.verdict = verdict(state)
    change.save(update_fields=["state", "state_label", "approval", "cmdb_ci", "verdict", "updated_at"])


CALL_LEASE = 180  # seconds a poll in flight holds off the others (a slow instance, retries)


def change_status(change: ChangeRequest, actor: str = "", may_write: bool = True) -> ChangeRequest:
    """The change as known now: polled from the target if this caller wins the due poll, else the row. A
    caller that may change it (its creator, an admin) also asks for the approval a create could not."""
    now = timezone.now()
    if change.state in FINAL_STATES:
        return change
    due = Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
    lease = max(backoff(change.poll_failures), CALL_LEASE)
    claimed = ChangeRequest.objects.filter(due, pk=change.pk).update(
        last_polled_at=now, next_poll_at=now + timedelta(seconds=lease)
    )
    if not claimed:
        change.refresh_from_db()
        return change
    try:
        with change_api(change.connection, CallRecorder(change.namespace, actor, change)) as api:
            state = api.status(change.sys_id)
            if may_write:
                state = api.request_approval(state)
    except PipelineError as exc:
        change.refresh_from_db()
        change.poll_failures += 1
        change.poll_error = exc.message
        change.next_poll_at = now + timedelta(seconds=backoff(change.poll_failures))
        change.save(update_fields=["poll_failures", "poll_error", "next_poll_at", "updated_at"])
        change.events.create(kind=EventKind.POLL_ERROR, message=exc.message[:2000], token_name=actor)
        return change
    change.refresh_from_db()
    apply_state(change, state, actor)
    change.poll_failures, change.poll_error = 0, ""
    change.next_poll_at = now + timedelta(seconds=poll_interval())
    change.save(update_fields=["poll_failures", "poll_error", "next_poll_at", "updated_at"])
    return change
