"""The sync preview against the sandbox: nothing is written, every record is classified."""

import pytest

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from sync.models import AuditEntry, Outcome, RunStatus, SyncMapEntry
from sync.plan import build_plan
from sync.preview import run_preview
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db


def register_data_source(sandbox, value="PortfolioBridge"):
    sandbox.post(
        "/api/now/table/sys_choice",
        json={"name": "cmdb_ci", "element": "discovery_source", "value": value, "label": value},
    )


@pytest.fixture
def connection(namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=30, services=6, seed=5)))
    register_data_source(sandbox)
    return ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )


def outcomes(run, step=None):
    rows = run.items.all() if step is None else run.items.filter(step=step)
    return {r.name: r for r in rows}


def test_preview_classifies_and_writes_nothing(connection, sandbox):
    sandbox.post("/sandbox/stats/reset")
    run = run_preview(connection)
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert sandbox.get("/sandbox/stats").json()["committing_calls"] == 0
    apps = outcomes(run, "applications")
    assert apps["Sage 300"].outcome == Outcome.ADOPT and apps["ServiceDesk Plus"].outcome == Outcome.ADOPT
    assert apps["Confluence"].outcome == Outcome.ADOPT
    assert apps["Microsoft 365"].outcome == Outcome.POSSIBLE_DUPLICATE
    assert "Microsoft Office 365" in apps["Microsoft 365"].message
    assert apps["Workday HCM"].outcome == Outcome.POSSIBLE_DUPLICATE
    others = [
        r
        for name, r in apps.items()
        if name
        not in {
            "Sage 300",
            "ServiceDesk Plus",
            "Confluence",
            "Microsoft 365",
            "Workday HCM",
            "Jira Software",
            "Tableau Server",
            "Salesforce Sales Cloud",
        }
    ]
    assert others and all(r.outcome == Outcome.CREATE for r in others)
    assert {r.outcome for r in run.items.filter(step="deployments")} == {Outcome.CREATE}
    assert {r.outcome for r in run.items.filter(kind="relation")} == {Outcome.CREATE}
    assert run.items.filter(outcome=Outcome.NOT_PUBLISHED, kind="runs_on").exists()
    assert run.counts[Outcome.CREATE] > 0 and sum(run.counts.values()) == run.items.count()
    assert not SyncMapEntry.objects.exists()


def test_adopted_records_show_a_field_diff(connection):
    run = run_preview(connection)
    sage = outcomes(run, "applications")["Sage 300"]
    assert sage.diff["correlation_id"]["target"] == "" and sage.diff["correlation_id"]["last"] is None
    assert sage.diff["discovery_source"] == {
        "state": "update",
        "portfolio": "PortfolioBridge",
        "last": None,
        "target": "Manual Entry",
    }


def test_every_call_is_audited(connection):
    run = run_preview(connection)
    paths = list(AuditEntry.objects.filter(run=run).values_list("path", flat=True))
    assert paths.count("/api/now/identifyreconcile/query") >= 1 and "/api/now/identifyreconcile" not in paths
    assert all(e.status == 200 for e in AuditEntry.objects.filter(run=run))


def test_a_missing_data_source_is_an_error_that_points_to_the_package(namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=3, services=2, seed=5)))
    connection = ConnectionFactory(namespace=namespace, instance_url=sandbox.url, ca_bundle=sandbox.ca_pem)
    run = run_preview(connection)
    errors = run.items.filter(outcome=Outcome.ERROR, step="applications")
    assert errors.count() == 3
    assert "INVALID_INPUT_DATA" in errors[0].message and "configuration package" in errors[0].message


def test_a_record_deleted_in_the_target_is_not_silently_recreated(connection):
    plan = build_plan(connection)
    sage = next(i for i in plan.by_step("applications") if i.name == "Sage 300")
    SyncMapEntry.objects.create(
        connection=connection,
        kind=sage.kind,
        record_id=sage.record_id,
        target_type=sage.target_type,
        target_id="b" * 32,
        direction="published",
        last_hash="old",
    )
    run = run_preview(connection)
    row = outcomes(run, "applications")["Sage 300"]
    assert row.outcome == Outcome.CHANGED_IN_TARGET and "Deleted in the target" in row.message
    assert row.target_id == "b" * 32


def test_an_unreachable_target_fails_the_run_with_the_reason(namespace):
    import_document(namespace, build_demo_document(DemoShape(apps=2, services=1, seed=5)))
    connection = ConnectionFactory(namespace=namespace, instance_url="https://127.0.0.1:9")
    run = run_preview(connection)
    assert run.status == RunStatus.FAILED and "could not be reached" in run.message


def test_preview_pages_decisions_and_exports(client, namespace, connection):
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    from catalog.choices import Role
    from tests.conftest import member

    client.force_login(member(namespace, Role.ADMIN))
    from sync.preview import execute_preview

    response = client.post(reverse("sync:preview_start", args=["acme", connection.pk]))
    run = connection.runs.get()
    assert run.status == RunStatus.QUEUED  # the worker executes it; here, this process does
    run = execute_preview(run)
    assert response["Location"] == reverse("sync:run_detail", args=["acme", run.pk])
    detail = reverse("sync:run_detail", args=["acme", run.pk])
    page = client.get(detail).content.decode()
    assert "need a decision" in page and "Sage 300" in page
    adopt_rows = run.items.filter(outcome__in=[Outcome.ADOPT, Outcome.POSSIBLE_DUPLICATE])
    sage = adopt_rows.get(name="Sage 300")
    identified = adopt_rows.filter(identified=True)
    refused = client.post(detail, {f"decision-{identified.first().pk}": "create"}, follow=True)
    assert "cannot be created beside it" in refused.content.decode()
    client.post(
        detail,
        {
            f"decision-{row.pk}": "create" if not row.identified and row.pk != sage.pk else "adopt"
            for row in adopt_rows
        },
    )
    sage.refresh_from_db()
    assert (
        sage.decision == "adopt" and not SyncMapEntry.objects.exists()
    )  # the publish adopts, not the decision
    page = client.get(detail).content.decode()
    assert "No decision pending" in page and "Publish: create" in page
    filtered = client.get(detail, {"outcome": "adopt"}).content.decode()
    assert "Sage 300" in filtered and "Claims Intake" not in filtered
    workbook = load_workbook(io.BytesIO(client.get(detail, {"format": "xlsx"}).content))
    assert workbook.sheetnames[0] == "Summary" and "Business applications" in workbook.sheetnames
    audit = reverse("sync:run_audit", args=["acme", run.pk])
    assert "/api/now/identifyreconcile/query" in client.get(audit).content.decode()
    assert (
        load_workbook(io.BytesIO(client.get(audit, {"format": "xlsx", "method": "POST"}).content))[
            "Audit"
        ].max_row
        > 1
    )
    assert "Preview snow" in client.get(reverse("sync:run_list", args=["acme"])).content.decode()
    client.force_login(member(namespace, Role.VIEWER))
    assert client.get(detail).status_code == 200
    assert client.post(reverse("sync:preview_start", args=["acme", connection.pk])).status_code == 403
    assert client.post(detail, {}).status_code == 403


def test_preview_command(connection, capsys, tmp_path):
    import json

    from django.core.management import call_command

    call_command("preview", "--connection", "snow", "--here")
    body = json.loads(capsys.readouterr().out)
    assert body["counts"]["create"] > 0 and any(i["outcome"] == "adopt" for i in body["items"])
    call_command(
        "preview", "--connection", "snow", "--here", "--format", "xlsx", "--output", str(tmp_path / "p.xlsx")
    )
    assert (tmp_path / "p.xlsx").stat().st_size > 1000
