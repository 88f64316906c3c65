"""Starting, cancelling, resuming and reaping publish and rollback runs. A run is a row first; the job that
executes it is enqueued only after that row is committed, and the database (not the UI) guarantees one
writing run per connection at a time."""

import logging
import os
import socket
from datetime import timedelta
from pathlib import Path

import django_rq
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from redis.exceptions import RedisError

from integrations.models import Connection
from sync import decisions
from sync.models import ACTIVE, RESUMABLE, Outcome, Run, RunKind, RunStatus
from sync.plan import build_plan

QUEUE = "publish"
log = logging.getLogger("sync.runs")


class RunRefused(Exception):
    """A run that cannot start now; the message says why, in words an admin can act on."""


class QueueUnavailable(RunRefused):
    """Redis did not take the job: the run is marked failed (not left queued for a worker that never
    hears of it), and the message says what to fix."""


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(worker: str) -> bool | None:
    """Whether the process is alive, when it runs on this host (None: cannot tell from here)."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed process nobody has reaped yet still answers signals
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def reap(connection: Connection | None = None) -> int:
    """Mark running runs whose worker died (killed, crashed, machine lost) as interrupted, so they can be
    resumed and no longer hold the connection's publish lock."""
    stale_before = timezone.now() - timedelta(seconds=settings.SYNC_RUN_STALE_SECONDS)
    runs = Run.objects.filter(status=RunStatus.RUNNING)
    if connection is not None:
        runs = runs.filter(connection=connection)
    reaped = 0
    for run in runs:
        alive = _alive(run.worker) if run.worker else None
        stale = run.heartbeat_at is None or run.heartbeat_at < stale_before
        if alive is False or (alive is None and stale):
            reaped += Run.objects.filter(pk=run.pk, status=RunStatus.RUNNING, worker=run.worker).update(
                status=RunStatus.INTERRUPTED,
                finished_at=timezone.now(),
                message="The worker stopped during this run (killed or crashed). "
                "What it finished is recorded; resume the run to complete it.",
            )
    return reaped


def active_run(connection: Connection, reaped: bool = False) -> Run | None:
    """The connection's queued or running publish or rollback (after reaping dead ones, unless the
    caller just did)."""
    if not reaped:
        reap(connection)
    return (
        Run.objects.filter(
            connection=connection, status__in=ACTIVE, kind__in=(RunKind.PUBLISH, RunKind.ROLLBACK)
        )
        .select_related("started_by")
        .first()
    )


def latest(connection: Connection, kind: str) -> Run | None:
    return Run.objects.filter(connection=connection, kind=kind).first()


def publish_blocker(connection: Connection, without_preview: bool = False, plan_hash: str = "") -> str:
    """Why a publish cannot start now ("" when it can). Without `without_preview`, it needs a
    successful preview of the current portfolio (`plan_hash`, computed when not given) whose every
    adopt, possible duplicate and conflict has a decision."""
    if not connection.is_active:
        return f"The connection {connection.name} is inactive."
    busy = active_run(connection)
    if busy:
        who = f" by {busy.started_by}" if busy.started_by else ""
        return (
            f"A {busy.get_kind_display().lower()} of {connection.name} is already "
            f"{busy.get_status_display().lower()} (started {busy.created_at:%Y-%m-%d %H:%M}{who}); "
            "wait for it to finish or cancel it."
        )
    if without_preview:
        return ""
    preview = latest(connection, RunKind.PREVIEW)
    if preview is None or preview.status != RunStatus.SUCCEEDED:
        state = "" if preview is None else f" (the latest one {preview.get_status_display().lower()})"
        return f"Publishing needs a successful preview of the current portfolio{state}: run a preview first."
    if preview.plan_hash != (plan_hash or build_plan(connection).hash):
        return "The portfolio or the matches changed since the latest preview: preview again, then publish."
    if Run.objects.filter(
        connection=connection, kind=RunKind.PUBLISH, created_at__gt=preview.created_at
    ).exists():
        return "The latest preview was published already: preview again (the target may have changed)."
    waiting = decisions.pending(preview)
    if waiting:
        return (
            f"The latest preview has {waiting} record{'s' if waiting != 1 else ''} waiting for a decision "
            "(adopt or create; or which side wins a conflict); decide them first."
        )
    return ""


def enqueue(run: Run) -> None:
    """Queue the run's job once the surrounding transaction has committed (the worker must see the row).
    When Redis does not answer, the committed run is marked failed and `QueueUnavailable` is raised from
    the commit, so the caller shows the reason instead of a run that stays queued for ever."""

    def send() -> None:
        try:
            django_rq.get_queue(QUEUE, commit_mode="auto").enqueue("sync.jobs.execute_run", str(run.pk))
        except RedisError as exc:
            message = (
                f"The job queue (Redis) did not answer ({exc}), so the {run.get_kind_display().lower()} "
                "was not queued. Start Redis or check REDIS_URL, then try again."
            )
            Run.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
                status=RunStatus.FAILED, finished_at=timezone.now(), message=message
            )
            log.warning("Run %s not queued: %s", run.pk, exc)
            raise QueueUnavailable(message) from exc

    transaction.on_commit(send)


def _create(connection: Connection, **fields) -> Run:
    try:
        with transaction.atomic():
            run = Run.objects.create(connection=connection, status=RunStatus.QUEUED, **fields)
            enqueue(run)
    except IntegrityError:
        raise RunRefused(
            publish_blocker(connection, without_preview=True) or "Another publish or rollback is running."
        ) from None
    return run


def start_publish(
    connection: Connection, user=None, trigger: str = "manual", without_preview: bool = False
) -> Run:
    """Queue a publish. A scheduled one (daily, on change) needs no preview: it writes only what needs
    no decision (conflicts, possible duplicates and undecided adopts are left for an admin)."""
    plan_hash = build_plan(connection).hash
    unattended = without_preview or trigger in ("daily", "on_change")
    blocker = publish_blocker(connection, without_preview=unattended, plan_hash=plan_hash)
    if blocker:
        raise RunRefused(blocker)
    return _create(
        connection,
        kind=RunKind.PUBLISH,
        started_by=user,
        trigger=trigger,
        plan_hash=plan_hash,
        without_preview=without_preview,
    )


def start_preview(connection: Connection, user=None, trigger: str = "manual") -> Run:
    """Queue a preview; the worker executes it with live progress, like a publish."""
    if not connection.is_active:
        raise RunRefused(f"The connection {connection.name} is inactive.")
    with transaction.atomic():
        run = Run.objects.create(
            connection=connection,
            kind=RunKind.PREVIEW,
            status=RunStatus.QUEUED,
            started_by=user,
            trigger=trigger,
        )
        enqueue(run)
    return run


def start_rollback(run: Run, user=None) -> Run:
    if run.kind != RunKind.PUBLISH or run.status in ACTIVE:
        raise RunRefused("Only a finished publish can be rolled back.")
    if run.status == RunStatus.ROLLED_BACK or run.rollbacks.filter(status=RunStatus.SUCCEEDED).exists():
        raise RunRefused("This publish has already been rolled back.")
    if run.rollbacks.filter(status__in=(*ACTIVE, *RESUMABLE, RunStatus.PARTIAL)).exists():
        raise RunRefused("A rollback of this publish is unfinished: resume it from its page.")
    touched = run.items.exclude(target_id="")
    if not (
        touched.filter(outcome=Outcome.CREATE).exists()
        or touched.filter(outcome__in=(Outcome.UPDATE, Outcome.ADOPT)).exclude(previous={}).exists()
    ):
        raise RunRefused("This publish created and changed nothing, so there is nothing to roll back.")
    busy = active_run(run.connection)
    if busy:
        raise RunRefused(publish_blocker(run.connection, without_preview=True))
    return _create(run.connection, kind=RunKind.ROLLBACK, started_by=user, rollback_of=run, trigger="manual")


def cancel(run: Run) -> str:
    """A queued run is cancelled at once; a running one stops cleanly after its current batch."""
    if run.status == RunStatus.QUEUED:
        Run.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
            status=RunStatus.CANCELED, cancel_requested=True, finished_at=timezone.now()
        )
        return "The run was cancelled before it started."
    if run.status == RunStatus.RUNNING:
        Run.objects.filter(pk=run.pk).update(cancel_requested=True)
        return "Cancelling: the run stops after the batch it is sending now."
    raise RunRefused(f"The run is {run.get_status_display().lower()}; there is nothing to cancel.")


def resume(run: Run) -> Run:
    """Execute an interrupted (or cancelled) run again: what it finished is skipped, the rest is sent;
    identification by source native key makes re-sent records update, never duplicate."""
    partial_rollback = run.kind == RunKind.ROLLBACK and run.status == RunStatus.PARTIAL
    if run.kind in (RunKind.PREVIEW, RunKind.SETUP) or (run.status not in RESUMABLE and not partial_rollback):
        raise RunRefused(
            "Only an interrupted, cancelled or failed run (or a partial rollback) can be resumed."
        )
    try:
        with transaction.atomic():
            updated = Run.objects.filter(pk=run.pk, status=run.status).update(
                status=RunStatus.QUEUED, cancel_requested=False, finished_at=None, worker="", message=""
            )
            if updated:
                enqueue(run)
    except IntegrityError:
        raise RunRefused(publish_blocker(run.connection, without_preview=True)) from None
    run.refresh_from_db()
    return run
