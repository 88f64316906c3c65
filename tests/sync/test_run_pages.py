"""The run list and audit log filters, and numbers in query strings that are not ASCII digits."""

import pytest
from django.urls import reverse

from sync.models import AuditEntry, Run, RunKind, RunStatus
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(namespace):
    run = Run.objects.create(
        connection=ConnectionFactory(namespace=namespace, name="snow"),
        kind=RunKind.PREVIEW,
        status=RunStatus.SUCCEEDED,
    )
    AuditEntry.objects.create(run=run, method="GET", path="/api/now/table/ok", status=200, duration_ms=1)
    AuditEntry.objects.create(run=run, method="POST", path="/api/now/table/bad", status=503, duration_ms=1)
    return run


def test_the_audit_log_filters_by_status_and_refuses_a_status_that_is_no_number(admin_client, run):
    url = reverse("sync:run_audit", args=["acme", run.pk])
    page = admin_client.get(url, {"status": "errors"}).content.decode()
    assert "/table/bad" in page and "/table/ok" not in page
    page = admin_client.get(url, {"status": "200"}).content.decode()
    assert "/table/ok" in page and "/table/bad" not in page
    for bad in ("²", "٣", "99999999999999999999", "-1"):
        response = admin_client.get(url, {"status": bad})
        page = response.content.decode()
        assert response.status_code == 200 and "an HTTP status code" in page, bad
        assert "No calls match" in page


def test_the_run_list_filters_by_kind_status_and_connection(admin_client, run, namespace):
    other = ConnectionFactory(namespace=namespace, name="other")
    Run.objects.create(connection=other, kind=RunKind.PUBLISH, status=RunStatus.FAILED)
    url = reverse("sync:run_list", args=["acme"])
    assert admin_client.get(url).content.decode().count("status-") == 2
    page = admin_client.get(url, {"kind": "publish"}).content.decode()
    assert page.count("status-failed") == 1 and "status-succeeded" not in page
    page = admin_client.get(url, {"connection": str(run.connection.pk)}).content.decode()
    assert "status-succeeded" in page and "status-failed" not in page
    response = admin_client.get(url, {"status": "²", "connection": "not-a-uuid"})
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()


def test_a_score_threshold_that_is_no_ascii_number_is_ignored_with_a_message(admin_client, run):
    url = reverse("sync:match_step", args=["acme", run.connection.pk, "it-services"])
    response = admin_client.get(url, {"accept_above": "²"})
    assert response.status_code == 200 and "takes a score from 0 to 100" in response.content.decode()
    assert admin_client.get(url, {"accept_above": "90"}).status_code == 200


def test_a_runs_records_filter_by_outcome_and_step_and_refuse_unknown_values(admin_client, run):
    from sync.models import RunItem

    RunItem.objects.create(
        run=run, step="applications", kind="application", record_id="1", name="Ledger", outcome="adopt"
    )
    RunItem.objects.create(
        run=run, step="deployments", kind="deployment", record_id="2", name="Ledger Prod", outcome="create"
    )
    url = reverse("sync:run_detail", args=["acme", run.pk])
    page = admin_client.get(url, {"outcome": "decide"}).content.decode()
    assert "Ledger<div" in page and "Ledger Prod" not in page
    assert "Ledger Prod" not in admin_client.get(url, {"step": "applications"}).content.decode()
    assert "Ledger Prod" in admin_client.get(url, {"q": "prod"}).content.decode()
    response = admin_client.get(url, {"outcome": "²", "step": "nope"})
    page = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in page and "No records match" in page


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_a_refused_publish_never_redirects_off_site(admin_client, run, target):
    url = reverse("sync:publish_start", args=["acme", run.connection.pk])
    response = admin_client.post(url, {"next": target})
    assert response.status_code == 302 and response["Location"] == reverse("sync:dashboard_ns", args=["acme"])
