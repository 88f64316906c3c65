"""What a writing run reports while it works (per-step done/total, calls, retries, rate-limit waits,
errors) and the checks it makes between batches (cancelled? still ours?). Progress is saved in the same
transaction as the batch's results, so the page never shows work that is not recorded. (The audit of
the calls is written ahead of each call, outside that transaction: see `sync.audit`.)"""

import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from django.db import DatabaseError, connections, transaction
from django.db.models import Count
from django.utils import timezone

from integrations.base.errors import TargetError
from integrations.models import Connection
from sync.models import Run, RunItem, RunKind, RunStatus
from sync.runs import this_worker

FAILED_OUTCOMES = ("error", "conflict")


class Canceled(Exception):
    """An admin asked the run to stop."""


class Abort(Exception):
    """The target refuses every call (credentials, roles, hibernation): stop instead of failing each
    record the same way."""


class Superseded(Exception):
    """The run was marked interrupted or taken over by another worker: this process must stop writing."""


class Tracker:
    def __init__(self, run: Run, totals: dict[str, int], client) -> None:
        self.run = run
        self.client = client
        self.worker = run.worker or this_worker()
        self.done = Counter(
            dict(run.items.values_list("step").annotate(n=Count("id")).values_list("step", "n"))
        )
        self.totals = totals
        self.errors = run.items.filter(outcome__in=FAILED_OUTCOMES).count()
        self.base = {k: run.stats.get(k, 0) for k in ("calls", "retries", "rate_limit_waits")}
        self.done_at_start = sum(self.done.values())

    def count(self, step: str, errors: int = 0) -> None:
        self.done[step] += 1
        self.errors += errors

    def store(self, rows: list[RunItem], failed: tuple[str, ...] = FAILED_OUTCOMES) -> None:
        """A batch's rows and the progress they make, all or nothing."""
        if not rows:
            return
        with transaction.atomic():
            for row in rows:
                row.run = self.run
                self.count(row.step, errors=row.outcome in failed)
            RunItem.objects.bulk_create(rows, batch_size=1000)
            self.save()

    def save(self) -> None:
        """Store progress and stats (inside the caller's batch transaction)."""
        stats = self.client.stats
        self.run.progress = {
            step: {"done": min(self.done[step], total), "total": total} for step, total in self.totals.items()
        }
        self.run.stats = {
            "calls": self.base["calls"] + stats.calls,
            "retries": self.base["retries"] + stats.retries,
            "rate_limit_waits": self.base["rate_limit_waits"] + stats.rate_limit_waits,
            "errors": self.errors,
            "done_at_start": self.done_at_start,
        }
        self.run.heartbeat_at = timezone.now()
        updated = Run.objects.filter(pk=self.run.pk, status=RunStatus.RUNNING, worker=self.worker).update(
            progress=self.run.progress, stats=self.run.stats, heartbeat_at=self.run.heartbeat_at
        )
        if not updated:
            raise Superseded

    def checkpoint(self) -> None:
        """Between batches: stop cleanly when cancelled, or when this process no longer owns the run."""
        state = Run.objects.filter(pk=self.run.pk).values("status", "worker", "cancel_requested").first()
        if not state or state["status"] != RunStatus.RUNNING or state["worker"] != self.worker:
            raise Superseded
        if state["cancel_requested"]:
            raise Canceled


def claim(run: Run) -> bool:
    """Take a queued run for this process (False when it was cancelled or another worker has it)."""
    now = timezone.now()
    claimed = Run.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, worker=this_worker(), heartbeat_at=now, started_at=now, finished_at=None
    )
    if claimed:
        run.refresh_from_db()
    return bool(claimed)


def finish(run: Run, status: str, message: str = "") -> Run:
    counts = dict(run.items.values_list("outcome").annotate(n=Count("id")).values_list("outcome", "n"))
    Run.objects.filter(pk=run.pk, worker=run.worker).update(
        status=status, message=message, counts=counts, finished_at=timezone.now()
    )
    run.refresh_from_db()
    return run


def drive(run: Run, engine_class, outcome: Callable[[Run], tuple[str, str]]) -> Run:
    """Claim a queued run, execute it, and end it however it ends; `outcome` gives the status and message
    of a run that went through all its steps."""
    if not claim(run):
        return run
    engine = None
    try:
        try:
            engine = engine_class(run)
            engine.execute()
        finally:  # e.g. ends the target's session before the run is recorded as ended
            client = getattr(engine, "client", None)
            if client is not None:
                client.close()
    except Superseded:
        return run
    except Canceled:
        return finish(run, RunStatus.CANCELED, "Cancelled by an admin; what was done before is recorded.")
    except (Abort, TargetError) as exc:
        return finish(run, RunStatus.FAILED, str(exc))
    if run.kind == RunKind.PUBLISH:
        Connection.objects.filter(pk=run.connection_id).update(last_sync_at=timezone.now())
    return finish(run, *outcome(run))


def fail_unexpectedly(run: Run, exc: Exception) -> None:
    Run.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
        status=RunStatus.FAILED, message=f"Unexpected error: {exc}"[:2000], finished_at=timezone.now()
    )


ETA_MIN_SHARE = 0.1  # of this attempt's work done before its pace is trusted
ETA_MIN_SECONDS = 10.0


def eta_seconds(run: Run, now: datetime | None = None) -> float | None:
    """Time left, from this attempt's pace; None ("estimating…") until a tenth of the attempt's work and
    ten seconds are behind it: the first batches (reference look-ups, a slow sign-in) say little about
    the pace, and an early guess read "about 0 s" at 7 %. Never less than a second while unfinished."""
    if run.status != RunStatus.RUNNING or not run.started_at:
        return None
    done = sum(p["done"] for p in run.progress.values())
    total = sum(p["total"] for p in run.progress.values())
    at_start = run.stats.get("done_at_start", 0)
    this_attempt = done - at_start
    if this_attempt <= 0 or total <= done or this_attempt < ETA_MIN_SHARE * (total - at_start):
        return None
    elapsed = ((now or timezone.now()) - run.started_at).total_seconds()
    if elapsed < ETA_MIN_SECONDS:
        return None
    return max(1.0, elapsed * (total - done) / this_attempt)


class Heartbeat:
    """Refreshes the run's heartbeat from a thread while a long call blocks the job, so that only a dead
    worker looks dead to `runs.reap`."""

    def __init__(self, run_id, every: float = 30.0) -> None:
        self.run_id = run_id
        self.every = every
        self.worker = this_worker()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.beat, name=f"heartbeat-{run_id}", daemon=True)

    def beat(self) -> None:
        try:
            while not self.stopped.wait(self.every):
                try:
                    Run.objects.filter(pk=self.run_id, status=RunStatus.RUNNING, worker=self.worker).update(
                        heartbeat_at=timezone.now()
                    )
                except DatabaseError:
                    continue
        finally:
            connections.close_all()

    def __enter__(self) -> "Heartbeat":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopped.set()
        self.thread.join(timeout=5)
