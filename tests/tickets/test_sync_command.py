"""`manage.py tickets sync` and the RQ job, against the real GLPI and ServiceNow sandboxes."""

import django_rq
import pytest
from django.core.management import CommandError, call_command

from tests.tickets.test_engine import incidents
from tickets import jobs
from tickets.models import TicketLink


def test_the_command_prints_what_a_dry_run_would_do_then_what_it_did(live, sandbox, capsys):  # noqa: F811
    call_command("tickets", "sync", "--pair", "helpdesk", "--dry-run")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Dry run: nothing was written."
    assert "ServiceNow: 1 created, 0 updated, 0 comments would be" in out
    assert incidents(sandbox) == [] and not TicketLink.objects.exists()
    call_command("tickets", "sync", "--pair", "helpdesk", "--namespace", "acme")
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "ServiceNow: 1 created, 0 updated, 1 comments"
    assert out[2] == "Conflicts: 0"
    call_command("tickets", "sync", "--pair", "helpdesk", "--full")
    assert "ServiceNow: 0 created, 0 updated, 0 comments" in capsys.readouterr().out


def test_the_command_explains_what_it_cannot_do(live, namespace):  # noqa: F811
    with pytest.raises(CommandError, match="No ticket sync pair “nope”"):
        call_command("tickets", "sync", "--pair", "nope")
    live.enabled = False
    live.save()
    with pytest.raises(CommandError, match="disabled"):
        call_command("tickets", "sync", "--pair", "helpdesk")
    live.enabled = True
    live.servicenow.instance_url = "https://127.0.0.1:9"
    live.servicenow.attempts = 1
    live.servicenow.save()
    live.save()
    with pytest.raises(CommandError, match="error"):
        call_command("tickets", "sync", "--pair", "helpdesk")
    live.refresh_from_db()
    assert live.last_run_status in ("failed", "partial") and live.glpi_watermark is None


def test_the_job_syncs_the_pair_and_is_queued_after_commit(
    live,  # noqa: F811
    sandbox,
    django_capture_on_commit_callbacks,
):
    queue = django_rq.get_queue(jobs.QUEUE)
    queue.empty()
    with django_capture_on_commit_callbacks(execute=True):
        jobs.enqueue_sync(live)
        assert queue.count == 0  # not before the commit
    assert [job.func_name for job in queue.jobs] == ["tickets.jobs.sync_pair"]
    assert queue.jobs[0].args == (live.pk,)
    queue.empty()
    assert jobs.sync_pair(live.pk) == "ok"
    assert len(incidents(sandbox)) == 1
    assert jobs.sync_pair(10**9) == "gone"
