"""RQ jobs of the ticket sync: each loads its pair by id and runs the engine. Jobs have fixed ids per pair
(and per ticket for webhooks), so a pair already queued or running is not queued again."""

import datetime as dt

import django_rq
from django.db import transaction
from django.utils import timezone
from rq.job import Job, JobStatus

from tickets.engine import sync_pair as run_pair
from tickets.engine import sync_ticket as run_ticket
from tickets.models import TicketHookDelivery, TicketPair

QUEUE = "default"
KEEP_DELIVERIES = dt.timedelta(days=7)  # senders retry for hours at most; a replay key need not outlive that
PENDING = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED}


def _pair(pair_id: int) -> TicketPair | None:
    return TicketPair.objects.select_related("glpi", "servicenow").filter(pk=pair_id, enabled=True).first()


def sync_pair(pair_id: int) -> str:
    pair = _pair(pair_id)
    if pair is None:  # deleted or disabled while queued
        return "gone"
    run_pair(pair)
    return pair.last_run_status


def sync_ticket(pair_id: int, side: str, ticket_id: str) -> str:
    pair = _pair(pair_id)
    if pair is None:
        return "gone"
    report = run_ticket(pair, side, ticket_id)
    return "failed" if report.errors else "ok"


def pending(job_id: str) -> bool:
    """Whether a job with this id is waiting or running (a finished or failed one may be replaced)."""
    queue = django_rq.get_queue(QUEUE)
    job = Job.fetch(job_id, connection=queue.connection) if Job.exists(job_id, queue.connection) else None
    return job is not None and job.get_status(refresh=True) in PENDING


def _enqueue(job_id: str, func: str, *args) -> bool:
    if pending(job_id):
        return False
    django_rq.get_queue(QUEUE, commit_mode="auto").enqueue(func, *args, job_id=job_id)
    return True


def enqueue_sync(pair: TicketPair) -> None:
    """Queue a sync of the pair once the surrounding transaction has committed (unless one is pending)."""
    transaction.on_commit(lambda: _enqueue(f"tickets-pair-{pair.pk}", "tickets.jobs.sync_pair", pair.pk))


def enqueue_ticket(pair: TicketPair, side: str, ticket_id: str) -> bool:
    """Queue the sync of one ticket now; False when the same one is already waiting."""
    job_id = f"tickets-pair-{pair.pk}-{side}-{ticket_id}"
    return _enqueue(job_id, "tickets.jobs.sync_ticket", pair.pk, side, ticket_id)


def sync_due() -> int:
    """The schedule (`tickets/cron.py`, every minute): queue each enabled pair whose interval has passed
    since its last run and which is not already queued or running; how many were queued. Webhook replay
    keys older than a week are forgotten here too."""
    now = timezone.now()
    TicketHookDelivery.objects.filter(received_at__lt=now - KEEP_DELIVERIES).delete()
    queued = 0
    for pair in TicketPair.objects.filter(enabled=True):
        if pair.last_run_at and pair.last_run_at + dt.timedelta(minutes=pair.sync_interval) > now:
            continue
        queued += _enqueue(f"tickets-pair-{pair.pk}", "tickets.jobs.sync_pair", pair.pk)
    return queued
