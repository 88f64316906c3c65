"""Automatic publishes: `daily` connections once a day (RQ cron calls `publish_due` hourly), and `on
change` connections a short while after the last portfolio edit (debounced: each edit replaces the
pending token, and only the job holding the newest token publishes)."""

import logging
import uuid
from datetime import timedelta

import django_rq
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from integrations.models import Connection, Schedule, SyncDirection
from sync.models import Run, RunKind
from sync.runs import QUEUE, RunRefused, active_run, start_publish

log = logging.getLogger("sync.schedule")
PUBLISHING = (SyncDirection.PUBLISH, SyncDirection.BOTH)


def _debounce_key(connection_id) -> str:
    return f"portfolio-bridge:on-change:{connection_id}"


def publish_due(now=None) -> list[Run]:
    """Start the publishes of `daily` connections whose last publish began more than a day ago."""
    now = now or timezone.now()
    started = []
    for connection in Connection.objects.filter(
        schedule=Schedule.DAILY, is_active=True, sync_direction__in=PUBLISHING
    ):
        last = Run.objects.filter(connection=connection, kind=RunKind.PUBLISH).first()
        if last and last.created_at > now - timedelta(days=1):
            continue
        try:
            started.append(start_publish(connection, trigger="daily"))
        except RunRefused as exc:
            log.warning("Daily publish of %s not started: %s", connection.name, exc)
    return started


def portfolio_changed(namespace_id) -> int:
    """Schedule a delta publish for each `on change` connection of the namespace, after the quiet delay."""
    delay = timedelta(seconds=settings.SYNC_ON_CHANGE_DELAY_SECONDS)
    queue = django_rq.get_queue(QUEUE)
    connections = Connection.objects.filter(
        namespace_id=namespace_id, schedule=Schedule.ON_CHANGE, is_active=True, sync_direction__in=PUBLISHING
    )
    count = 0
    for connection in connections:
        token = uuid.uuid4().hex
        queue.connection.set(_debounce_key(connection.pk), token, ex=int(delay.total_seconds()) * 10 + 60)
        queue.enqueue_in(delay, "sync.jobs.publish_after_change", str(connection.pk), token)
        count += 1
    return count


def publish_after_change(connection: Connection, token: str) -> str:
    queue = django_rq.get_queue(QUEUE)
    current = queue.connection.get(_debounce_key(connection.pk))
    if current is None or current.decode() != token:
        return "superseded"
    if active_run(connection):
        queue.enqueue_in(
            timedelta(seconds=settings.SYNC_ON_CHANGE_DELAY_SECONDS),
            "sync.jobs.publish_after_change",
            str(connection.pk),
            token,
        )
        return "deferred"
    queue.connection.delete(_debounce_key(connection.pk))
    try:
        start_publish(connection, trigger="on_change")
    except RunRefused as exc:
        log.warning("Publish after change of %s not started: %s", connection.name, exc)
        return "refused"
    return "started"


def note_change(namespace_id) -> None:
    """Called for every saved or deleted portfolio row: one `portfolio_changed` per namespace per
    committed transaction, however many rows it touched (nothing when it rolls back)."""
    db = transaction.get_connection()
    if any(getattr(func, "namespace_id", None) == namespace_id for _, func, _ in db.run_on_commit):
        return

    def changed() -> None:
        try:
            portfolio_changed(namespace_id)
        except Exception:
            log.exception("Could not schedule the publish after a portfolio change")

    changed.namespace_id = namespace_id
    transaction.on_commit(changed)
