"""The ticket sync schedule: `tickets.cron` registers the every-minute check; a pair is queued when its
interval has passed, never while its job is still queued or running, and never when disabled."""

import datetime as dt
import importlib

import django_rq
import pytest
from django.utils import timezone
from rq import cron

from tickets import jobs
from tickets.models import TicketHookDelivery, TicketPair

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_queue():
    queue = django_rq.get_queue(jobs.QUEUE)
    queue.empty()
    yield queue
    queue.empty()


def test_the_cron_module_registers_sync_due_every_minute(monkeypatch):
    import tickets.cron

    registered = []
    monkeypatch.setattr(cron, "register", lambda func, queue, **kw: registered.append((func, queue, kw)))
    importlib.reload(tickets.cron)
    assert registered == [(jobs.sync_due, "default", {"interval": 60})]


def test_due_pairs_are_queued_once(pair, default_queue):
    assert jobs.sync_due() == 1
    assert jobs.sync_due() == 0  # still queued: not twice
    assert [(job.func_name, job.args) for job in default_queue.jobs] == [
        ("tickets.jobs.sync_pair", (pair.pk,))
    ]


def test_a_running_job_is_not_queued_again(pair, default_queue):
    jobs.sync_due()
    [job] = default_queue.jobs
    default_queue.remove(job)  # as a worker takes it
    job.set_status("started")
    assert jobs.sync_due() == 0 and default_queue.count == 0
    job.set_status("finished")
    assert jobs.sync_due() == 1  # done: the next minute's run may be queued


def test_the_interval_and_the_enabled_flag_are_respected(pair, default_queue):
    TicketPair.objects.filter(pk=pair.pk).update(
        sync_interval=5, last_run_at=timezone.now() - dt.timedelta(minutes=3)
    )
    assert jobs.sync_due() == 0
    TicketPair.objects.filter(pk=pair.pk).update(last_run_at=timezone.now() - dt.timedelta(minutes=6))
    TicketPair.objects.filter(pk=pair.pk).update(enabled=False)
    assert jobs.sync_due() == 0
    TicketPair.objects.filter(pk=pair.pk).update(enabled=True)
    assert jobs.sync_due() == 1


def test_the_launcher_starts_the_ticket_cron():
    from pathlib import Path

    import config.launcher

    assert '"rqcron", "tickets.cron"' in Path(config.launcher.__file__).read_text()


def test_old_webhook_replay_keys_are_forgotten(pair, default_queue):
    old = TicketHookDelivery.objects.create(pair=pair, side="glpi", key="old", ticket="1")
    TicketHookDelivery.objects.filter(pk=old.pk).update(received_at=timezone.now() - dt.timedelta(days=8))
    TicketHookDelivery.objects.create(pair=pair, side="glpi", key="new", ticket="1")
    jobs.sync_due()
    assert list(TicketHookDelivery.objects.values_list("key", flat=True)) == ["new"]
