"""The run page while it runs: a header that follows the run, an honest time left, and messages that
belong to the tab that asked."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.choices import Role
from sync.models import AuditEntry, Outcome, Run, RunItem, RunKind, RunStatus
from sync.plan import build_plan
from sync.progress import eta_seconds
from tests.conftest import member
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(namespace):
    return member(namespace, Role.ADMIN)


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


@pytest.fixture
def connection(namespace):
    return ConnectionFactory(namespace=namespace, name="snow")


def running(connection, done: int, total: int = 100, seconds: float = 60) -> Run:
    return Run.objects.create(
        connection=connection,
        kind=RunKind.PUBLISH,
        status=RunStatus.RUNNING,
        worker="elsewhere:1",
        heartbeat_at=timezone.now(),
        started_at=timezone.now() - timedelta(seconds=seconds),
        progress={"applications": {"done": done, "total": total}},
        stats={"calls": 1, "done_at_start": 0},
    )


def audit(run: Run, n: int) -> None:
    for _ in range(n):
        AuditEntry.objects.create(
            run=run, method="POST", path="/api/now/identifyreconcile", status=200, duration_ms=5
        )


def test_the_polled_part_swaps_the_header_status_and_audit_count_too(admin_client, connection):
    run = Run.objects.create(connection=connection, kind=RunKind.PUBLISH, status=RunStatus.QUEUED)
    page = admin_client.get(reverse("sync:run_detail", args=["acme", run.pk])).content.decode()
    assert 'id="run-state"' in page and "Queued</span> · queued " in page
    assert "Audit log (0 calls)" in page and "hx-swap-oob" not in page

    Run.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING, started_at=timezone.now(), worker="elsewhere:1", heartbeat_at=timezone.now()
    )
    audit(run, 1)
    fragment = admin_client.get(reverse("sync:run_progress", args=["acme", run.pk]) + "?live=1")
    html = fragment.content.decode()
    assert (
        '<p class="count" id="run-state" hx-swap-oob="true"><span class="status-running">Running</span>'
        in html
    )
    assert 'id="audit-link"' in html and 'hx-swap-oob="true">Audit log (1 call)</a>' in html
    audit(run, 1)
    html = admin_client.get(reverse("sync:run_progress", args=["acme", run.pk]) + "?live=1").content.decode()
    assert "Audit log (2 calls)" in html


@pytest.mark.parametrize(
    ("done", "seconds", "expected"),
    [
        (7, 60, None),  # 7 %: too early to trust the pace
        (50, 3, None),  # half done after 3 s: too soon to tell
        (25, 60, 180.0),
        (99, 10_000, 101.0101),
    ],
)
def test_time_left_waits_for_enough_progress(connection, done, seconds, expected):
    run = running(connection, done, seconds=seconds)
    eta = eta_seconds(run, now=run.started_at + timedelta(seconds=seconds))
    assert eta == (None if expected is None else pytest.approx(expected, rel=1e-3))


def test_time_left_is_never_zero_while_unfinished(connection):
    run = running(connection, 999_999, total=1_000_000, seconds=30)
    assert eta_seconds(run, now=run.started_at + timedelta(seconds=30)) == 1.0


def test_the_page_says_estimating_instead_of_about_0_s(admin_client, connection):
    run = running(connection, 7)
    html = admin_client.get(reverse("sync:run_progress", args=["acme", run.pk]) + "?live=1").content.decode()
    assert "estimating the time left…" in html and " s left" not in html
    Run.objects.filter(pk=run.pk).update(progress={"applications": {"done": 99, "total": 100}})
    html = admin_client.get(reverse("sync:run_progress", args=["acme", run.pk]) + "?live=1").content.decode()
    assert "less than a minute left" in html


def preview(connection) -> Run:
    run = Run.objects.create(
        connection=connection,
        kind=RunKind.PREVIEW,
        status=RunStatus.SUCCEEDED,
        plan_hash=build_plan(connection).hash,
        counts={"create": 1},
    )
    RunItem.objects.create(
        run=run, step="applications", kind="application", record_id="x", name="Ledger", outcome=Outcome.CREATE
    )
    return run


def test_a_second_tabs_refused_publish_shows_the_refusal_not_the_first_tabs_success(
    admin, connection, queue, django_capture_on_commit_callbacks
):
    first_tab = Client()
    first_tab.force_login(admin)
    second_tab = Client()
    second_tab.cookies = first_tab.cookies  # the same browser: one session, one messages cookie
    back = reverse("sync:run_detail", args=["acme", preview(connection).pk])
    url = reverse("sync:publish_start", args=["acme", connection.pk])
    with django_capture_on_commit_callbacks(execute=True):
        first = first_tab.post(url, {"next": back})  # its redirect is not followed yet
    assert first.status_code == 302
    page = second_tab.post(url, {"next": back}, follow=True).content.decode()
    assert "The publish was not started: A publish of snow is already queued" in page
    assert "msg-success" not in page


def test_recording_no_decision_is_not_a_success(admin_client, connection):
    run = preview(connection)
    page = admin_client.post(reverse("sync:run_detail", args=["acme", run.pk]), follow=True).content.decode()
    assert "Recorded 0" not in page and "msg-success" not in page
    assert '<li class="msg-info">No decision changed: nothing was recorded.</li>' in page


def test_cancelled_is_spelt_the_british_way(admin_client, connection):
    run = Run.objects.create(connection=connection, kind=RunKind.PUBLISH, status=RunStatus.CANCELED)
    page = admin_client.get(reverse("sync:run_detail", args=["acme", run.pk])).content.decode()
    assert "Cancelled" in page and "Canceled" not in page
