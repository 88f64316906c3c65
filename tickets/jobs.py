"""RQ jobs of the ticket sync: each loads its pair by id and runs the engine; nothing else happens here."""

import django_rq
from django.db import transaction

from tickets.engine import sync_pair as run_pair
from tickets.models import TicketPair

QUEUE = "default"


def sync_pair(pair_id: int) -> str:
    pair = TicketPair.objects.select_related("glpi", "servicenow").filter(pk=pair_id, enabled=True).first()
    if pair is None:  # deleted or disabled while queued
        return "gone"
    run_pair(pair)
    return pair.last_run_status


def enqueue_sync(pair: TicketPair) -> None:
    """Queue a sync of the pair once the surrounding transaction has committed."""
    transaction.on_commit(
        lambda: django_rq.get_queue(QUEUE, commit_mode="auto").enqueue("tickets.jobs.sync_pair", pair.pk)
    )
