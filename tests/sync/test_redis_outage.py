"""Redis down: every start of a run (preview, publish, rollback, resume) says so and leaves no run queued."""

import socket

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.models import BusinessApplication
from integrations.models import Schedule
from sync import runs
from sync.models import Outcome, Run, RunItem, RunKind, RunStatus
from sync.plan import build_plan
from tests.factories import BusinessApplicationFactory, ConnectionFactory

# the run row commits before the job is sent, as in production (no test transaction around it)
pytestmark = pytest.mark.django_db(transaction=True)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    url = f"redis://127.0.0.1:{closed_port()}/0"
    settings.RQ_QUEUES = {name: {**queue, "URL": url} for name, queue in django_settings.RQ_QUEUES.items()}


@pytest.fixture
def connection(namespace):
    return ConnectionFactory(namespace=namespace, name="snow")


def successful_preview(connection) -> Run:
    return Run.objects.create(
        connection=connection,
        kind=RunKind.PREVIEW,
        status=RunStatus.SUCCEEDED,
        plan_hash=build_plan(connection).hash,
    )


def finished_publish(connection) -> Run:
    run = Run.objects.create(connection=connection, kind=RunKind.PUBLISH, status=RunStatus.SUCCEEDED)
    RunItem.objects.create(
        run=run,
        step="applications",
        kind="application",
        record_id="x",
        name="Ledger",
        outcome=Outcome.CREATE,
        target_id="abc",
    )
    return run


def assert_nothing_queued(kind: str) -> Run:
    assert not Run.objects.filter(status=RunStatus.QUEUED).exists()
    run = Run.objects.filter(kind=kind).first()
    assert run.status == RunStatus.FAILED and "Redis" in run.message and run.finished_at
    return run


def test_the_publish_button_shows_the_reason_and_the_run_is_failed(admin_client, connection, redis_down):
    successful_preview(connection)
    page = admin_client.post(reverse("sync:publish_start", args=["acme", connection.pk]), follow=True)
    text = page.content.decode()
    assert "The publish was not started: The job queue (Redis) did not answer" in text
    assert "Start Redis or check REDIS_URL" in text
    assert_nothing_queued(RunKind.PUBLISH)


def test_a_failed_enqueue_does_not_block_the_next_publish(admin_client, connection, redis_down):
    successful_preview(connection)
    admin_client.post(reverse("sync:publish_start", args=["acme", connection.pk]))
    assert runs.publish_blocker(connection, without_preview=True) == ""


def test_the_preview_button_shows_the_reason(admin_client, connection, redis_down):
    page = admin_client.post(reverse("sync:preview_start", args=["acme", connection.pk]), follow=True)
    assert "The preview was not started: The job queue (Redis) did not answer" in page.content.decode()
    assert_nothing_queued(RunKind.PREVIEW)


def test_rollback_and_resume_buttons_show_the_reason(admin_client, connection, redis_down):
    publish = finished_publish(connection)
    rollback = admin_client.post(
        reverse("sync:run_action", args=["acme", publish.pk, "rollback"]), follow=True
    )
    assert "did not answer" in rollback.content.decode()
    failed = assert_nothing_queued(RunKind.ROLLBACK)
    resumed = admin_client.post(reverse("sync:run_action", args=["acme", failed.pk, "resume"]), follow=True)
    assert "did not answer" in resumed.content.decode() and "Resumed" not in resumed.content.decode()
    assert_nothing_queued(RunKind.ROLLBACK)


@pytest.mark.parametrize(
    ("command", "kind"),
    [
        (["publish", "--connection", "snow", "--without-preview"], RunKind.PUBLISH),
        (["preview", "--connection", "snow"], RunKind.PREVIEW),
    ],
)
def test_the_commands_fail_with_the_message(connection, redis_down, command, kind):
    with pytest.raises(CommandError, match=r"The job queue \(Redis\) did not answer"):
        call_command(*command)
    assert_nothing_queued(kind)


def test_the_rollback_command_fails_with_the_message(connection, redis_down):
    publish = finished_publish(connection)
    for _ in ("start", "resume"):
        with pytest.raises(CommandError, match="did not answer"):
            call_command("rollback", "--run", str(publish.pk))
        assert_nothing_queued(RunKind.ROLLBACK)
    assert Run.objects.filter(kind=RunKind.ROLLBACK).count() == 1


def test_a_portfolio_edit_is_saved_when_the_on_change_publish_cannot_be_scheduled(
    namespace, redis_down, caplog
):
    ConnectionFactory(namespace=namespace, schedule=Schedule.ON_CHANGE)
    application = BusinessApplicationFactory(namespace=namespace, name="Ledger")
    assert BusinessApplication.objects.get(pk=application.pk).name == "Ledger"
    assert "Could not schedule the publish after a portfolio change" in caplog.text


def test_connecting_to_redis_gives_up_after_seconds():
    import django_rq

    pool = django_rq.get_queue(runs.QUEUE).connection.connection_pool
    assert pool.connection_kwargs["socket_connect_timeout"] == 5
