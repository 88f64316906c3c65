"""The publish pages: dashboard, publish button, live progress, cancel, resume, rollback; the publish
command; automatic publishes."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from catalog.models import BusinessApplication
from integrations.models import Schedule
from sync import schedule
from sync.models import Outcome, Run, RunItem, RunKind, RunStatus
from sync.plan import build_plan
from sync.preview import run_preview
from sync.publish import execute_publish
from tests.factories import BusinessApplicationFactory, ConnectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(namespace):
    return ConnectionFactory(namespace=namespace, name="snow")


def preview_with(connection, outcome: str, decision: str = "") -> Run:
    """A finished preview of the current portfolio with one row."""
    run = Run.objects.create(
        connection=connection,
        kind=RunKind.PREVIEW,
        status=RunStatus.SUCCEEDED,
        plan_hash=build_plan(connection).hash,
        counts={outcome: 1},
    )
    RunItem.objects.create(
        run=run,
        step="applications",
        kind="application",
        record_id="x",
        name="Ledger",
        outcome=outcome,
        decision=decision,
    )
    return run


def test_the_publish_button_queues_a_job_after_commit(
    admin_client, connection, queue, django_capture_on_commit_callbacks
):
    refused = admin_client.post(reverse("sync:publish_start", args=["acme", connection.pk]), follow=True)
    assert "needs a successful preview" in refused.content.decode()
    preview_with(connection, Outcome.CREATE)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("sync:publish_start", args=["acme", connection.pk]))
    run = Run.objects.get(kind=RunKind.PUBLISH)
    assert response.status_code == 302 and response["Location"] == reverse(
        "sync:run_detail", args=["acme", run.pk]
    )
    assert run.status == RunStatus.QUEUED and run.started_by is not None
    assert queue.count == 1 and queue.jobs[0].args == (str(run.pk),)
    again = admin_client.post(reverse("sync:publish_start", args=["acme", connection.pk]), follow=True)
    assert "already queued" in again.content.decode()
    assert Run.objects.filter(kind=RunKind.PUBLISH).count() == 1


def test_publishing_needs_an_admin_and_a_post(client, editor, connection):
    client.force_login(editor)
    url = reverse("sync:publish_start", args=["acme", connection.pk])
    assert client.post(url).status_code == 403
    assert client.get(url).status_code in (403, 405)
    assert not Run.objects.exists()


def test_preview_page_enables_publish_only_without_pending_decisions(admin_client, connection):
    preview = preview_with(connection, Outcome.ADOPT)
    preview.counts = {"adopt": 1}
    preview.save()
    url = reverse("sync:run_detail", args=["acme", preview.pk])
    page = admin_client.get(url).content.decode()
    assert 'disabled aria-describedby="publish-blocker">Publish to snow' in page
    assert "waiting for a decision" in page
    preview.items.update(decision="adopt")
    page = admin_client.get(url).content.decode()
    assert 'class="primary">Publish to snow</button>' in page and "publish-blocker" not in page
    assert 'data-confirm="Publish: create 0 and update 1 in snow?"' in page


def test_dashboard_shows_each_connection_with_its_last_runs(admin_client, connection):
    preview_with(connection, Outcome.POSSIBLE_DUPLICATE)
    Run.objects.create(
        connection=connection,
        kind=RunKind.PUBLISH,
        status=RunStatus.PARTIAL,
        counts={"create": 12, "error": 1},
    )
    page = admin_client.get(reverse("sync:dashboard")).content.decode()
    assert "snow" in page and "Partly succeeded" in page and "12 create" in page and "1 pending" in page
    assert reverse("sync:publish_start", args=["acme", connection.pk]) in page
    assert admin_client.get(reverse("sync:dashboard_ns", args=["acme"])).status_code == 200


def test_progress_partial_polls_while_running_and_reloads_when_done(admin_client, connection):
    run = Run.objects.create(
        connection=connection,
        kind=RunKind.PUBLISH,
        status=RunStatus.RUNNING,
        worker="elsewhere:1",
        heartbeat_at=timezone.now(),
        started_at=timezone.now() - timedelta(seconds=30),
        progress={"applications": {"done": 10, "total": 40}},
        stats={"calls": 7, "retries": 2, "rate_limit_waits": 1, "errors": 0, "done_at_start": 0},
    )
    url = reverse("sync:run_progress", args=["acme", run.pk]) + "?live=1"
    page = admin_client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page and "API calls 7" in page and "retries 2" in page
    assert "rate-limit waits 1" in page and "about 2 min left" in page and ">Cancel<" in page
    run.status = RunStatus.SUCCEEDED
    run.save()
    response = admin_client.get(url)
    assert response["HX-Refresh"] == "true" and "hx-trigger" not in response.content.decode()


def test_cancel_resume_and_rollback_buttons(admin_client, connection, queue):
    run = Run.objects.create(connection=connection, kind=RunKind.PUBLISH, status=RunStatus.QUEUED)
    action = lambda name: reverse("sync:run_action", args=["acme", run.pk, name])  # noqa: E731
    admin_client.post(action("cancel"))
    run.refresh_from_db()
    assert run.status == RunStatus.CANCELED
    response = admin_client.post(action("resume"), follow=True)
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and "Resumed" in response.content.decode()
    page = admin_client.post(action("rollback"), follow=True).content.decode()
    assert "Only a finished publish can be rolled back." in page
    assert admin_client.post(reverse("sync:run_action", args=["acme", run.pk, "explode"])).status_code == 404


def test_publish_command_queues_and_refuses_clearly(connection, queue, django_capture_on_commit_callbacks):
    with pytest.raises(CommandError, match="needs a successful preview"):
        call_command("publish", "--connection", "snow")
    preview_with(connection, Outcome.CREATE)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish", "--connection", "snow")
    assert queue.count == 1
    with pytest.raises(CommandError, match="already queued"):
        call_command("publish", "--connection", "snow")
    with pytest.raises(CommandError):
        call_command("publish", "--connection", "nope")


def test_publish_command_waits_for_the_end(connection, sandbox, queue, monkeypatch):
    from tests.sync.test_preview import register_data_source

    register_data_source(sandbox)
    connection.instance_url, connection.ca_bundle = sandbox.url, sandbox.ca_pem
    connection.save()
    BusinessApplicationFactory(namespace=connection.namespace, name="Ledger")

    def executing_follow(run, out, err):
        return execute_publish(run)

    monkeypatch.setattr("sync.management.commands.publish.follow", executing_follow)
    assert run_preview(connection).status == RunStatus.SUCCEEDED
    call_command("publish", "--connection", "snow", "--wait")
    assert Run.objects.get(kind=RunKind.PUBLISH).status == RunStatus.SUCCEEDED


def test_daily_connections_publish_once_a_day(namespace, queue):
    daily = ConnectionFactory(namespace=namespace, schedule=Schedule.DAILY)
    ConnectionFactory(namespace=namespace, schedule=Schedule.MANUAL)
    started = schedule.publish_due()
    assert [r.connection for r in started] == [daily] and started[0].trigger == "daily"
    Run.objects.filter(pk=started[0].pk).update(status=RunStatus.SUCCEEDED)
    assert schedule.publish_due() == []
    assert len(schedule.publish_due(now=timezone.now() + timedelta(days=1, minutes=1))) == 1


@pytest.mark.django_db(transaction=True)
def test_portfolio_edits_schedule_one_debounced_publish(namespace, queue, settings):
    settings.SYNC_ON_CHANGE_DELAY_SECONDS = 60
    connection = ConnectionFactory(namespace=namespace, schedule=Schedule.ON_CHANGE)
    with transaction.atomic():  # one transaction, however many rows: one scheduled publish
        for name in ("Ledger", "Payroll", "CRM"):
            BusinessApplicationFactory(namespace=namespace, name=name)
    scheduled = queue.scheduled_job_registry.get_job_ids()
    assert len(scheduled) == 1
    job = queue.fetch_job(scheduled[0])
    assert job.func_name == "sync.jobs.publish_after_change" and job.args[0] == str(connection.pk)
    token = job.args[1]
    # a later edit supersedes the pending publish
    with transaction.atomic():
        BusinessApplication.objects.filter(name="CRM").update(name="CRM 2")
        BusinessApplication.objects.get(name="CRM 2").save()
    with transaction.atomic():  # a rolled-back edit schedules nothing
        BusinessApplicationFactory(namespace=namespace, name="Never")
        transaction.set_rollback(True)
    assert len(queue.scheduled_job_registry.get_job_ids()) == 2
    assert schedule.publish_after_change(connection, token) == "superseded"
    newest = max(
        (queue.fetch_job(j) for j in queue.scheduled_job_registry.get_job_ids()), key=lambda j: j.created_at
    )
    assert schedule.publish_after_change(connection, newest.args[1]) == "started"
    run = Run.objects.get(connection=connection, kind=RunKind.PUBLISH)
    assert run.trigger == "on_change"


def test_the_cron_configuration_registers_the_daily_check(queue):
    from rq.cron import CronScheduler

    scheduler = CronScheduler(connection=queue.connection)
    scheduler.load_config_from_file("sync.cron")
    jobs = {job.func_name: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"sync.jobs.publish_due", "sync.jobs.pulls_due"}  # publishes and subscribe pulls
    assert all(job.interval == 3600 and job.queue_name == "publish" for job in jobs.values())


def test_a_refused_publish_never_redirects_off_site(admin_client, connection):
    url = reverse("sync:publish_start", args=["acme", connection.pk])
    response = admin_client.post(url, {"next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == reverse("sync:dashboard_ns", args=["acme"])
    response = admin_client.post(url, {"next": "/n/acme/runs/"})
    assert response["Location"] == "/n/acme/runs/"
