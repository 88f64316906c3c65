"""The two-sided preview against the sandbox: edits made in the target are seen and kept, conflicts
block, adopts keep identity, decisions are carried out exactly, rollback restores."""

import json

import pytest
from django.core.management import CommandError, call_command

from catalog.demo import DemoShape, build_demo_document
from catalog.models import BusinessApplication
from catalog.transfer.importer import import_document
from sync import decisions, runs
from sync.models import Outcome, RunStatus
from sync.preview import run_preview
from sync.rollback import execute_rollback
from tests.factories import ConnectionFactory
from tests.runs import previewed, publish
from tests.sync.test_preview import register_data_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=12, services=4, seed=5)))
    register_data_source(sandbox)
    return ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )


@pytest.fixture
def published(connection):
    previewed(connection)
    return publish(connection)


def app_row(run, name: str):
    return run.items.get(step="applications", name=name)


def target_app(sandbox, sys_id: str) -> dict:
    return sandbox.table(
        "cmdb_ci_business_app", sysparm_query=f"sys_id={sys_id}", sysparm_exclude_reference_link="true"
    )[0]


def created_app(published):
    return published.items.filter(step="applications", outcome=Outcome.CREATE).order_by("name").first()


def test_an_edit_made_in_the_target_is_seen_and_kept(connection, sandbox, published):
    row = created_app(published)
    edit = sandbox.put(
        f"/api/now/table/cmdb_ci_business_app/{row.target_id}",
        json={"short_description": "Edited by an admin"},
    )
    assert edit.status_code == 200
    preview = previewed(connection)
    drift = preview.items.get(record_id=row.record_id)
    assert drift.outcome == Outcome.CHANGED_IN_TARGET
    change = drift.diff["short_description"]
    assert change["state"] == "changed_in_target" and change["target"] == "Edited by an admin"
    assert change["last"] == change["portfolio"]
    assert decisions.pending(preview) == 0  # keeping the target's value is the default
    run = publish(connection)
    assert run.items.get(record_id=row.record_id).outcome == Outcome.CHANGED_IN_TARGET
    assert target_app(sandbox, row.target_id)["short_description"] == "Edited by an admin"
    # the kept difference is remembered: quiet until either side moves again
    assert run_preview(connection).items.get(record_id=row.record_id).outcome == Outcome.UNCHANGED
    sandbox.put(f"/api/now/table/cmdb_ci_business_app/{row.target_id}", json={"short_description": "Again"})
    assert run_preview(connection).items.get(record_id=row.record_id).outcome == Outcome.CHANGED_IN_TARGET


def test_overwrite_puts_the_portfolio_value_back(connection, sandbox, published):
    row = created_app(published)
    sandbox.put(f"/api/now/table/cmdb_ci_business_app/{row.target_id}", json={"short_description": "theirs"})
    preview = run_preview(connection)
    drift = preview.items.get(record_id=row.record_id)
    decisions.record(preview, drift.pk, "overwrite")
    run = publish(connection)
    written = run.items.get(record_id=row.record_id)
    assert written.outcome == Outcome.UPDATE and written.previous == {"short_description": "theirs"}
    assert (
        target_app(sandbox, row.target_id)["short_description"]
        == drift.diff["short_description"]["portfolio"]
    )


def test_a_conflict_shows_both_values_and_blocks_until_decided(connection, sandbox, published):
    row = created_app(published)
    sandbox.put(f"/api/now/table/cmdb_ci_business_app/{row.target_id}", json={"short_description": "theirs"})
    BusinessApplication.objects.filter(pk=row.record_id).update(short_description="ours")
    preview = run_preview(connection)
    conflict = preview.items.get(record_id=row.record_id)
    assert conflict.outcome == Outcome.CONFLICT
    change = conflict.diff["short_description"]
    assert (change["portfolio"], change["target"], change["state"]) == ("ours", "theirs", "conflict")
    assert decisions.pending(preview) == 1
    with pytest.raises(runs.RunRefused, match="waiting for a decision"):
        runs.start_publish(connection)
    with pytest.raises(decisions.DecisionRefused, match="not a decision"):
        decisions.record(preview, conflict.pk, "adopt")
    decisions.record(preview, conflict.pk, "", {"short_description": "keep"})
    assert decisions.pending(preview) == 0
    publish(connection)
    assert target_app(sandbox, row.target_id)["short_description"] == "theirs"


def test_take_into_the_portfolio(connection, sandbox, published):
    row = created_app(published)
    sandbox.put(
        f"/api/now/table/cmdb_ci_business_app/{row.target_id}", json={"short_description": "Better words"}
    )
    preview = run_preview(connection)
    drift = preview.items.get(record_id=row.record_id)
    done = decisions.record(preview, drift.pk, "take")
    assert "Preview again" in done.note
    assert BusinessApplication.objects.get(pk=row.record_id).short_description == "Better words"
    with pytest.raises(runs.RunRefused, match="changed since the latest preview"):
        runs.start_publish(connection)
    again = run_preview(connection)
    assert again.items.get(record_id=row.record_id).outcome == Outcome.UNCHANGED  # converged


def test_take_is_refused_for_a_value_the_portfolio_cannot_hold(connection, sandbox, published):
    row = created_app(published)
    sandbox.put(f"/api/now/table/cmdb_ci_business_app/{row.target_id}", json={"operational_status": "3"})
    preview = run_preview(connection)
    drift = preview.items.get(record_id=row.record_id)
    with pytest.raises(decisions.DecisionRefused, match="no portfolio field"):
        decisions.record(preview, drift.pk, "", {"operational_status": "take"})
    drift.refresh_from_db()
    assert drift.decision == "" and drift.field_decisions == {}


def test_an_adopt_keeps_the_existing_identity_and_lists_what_changes(connection, sandbox):
    preview = run_preview(connection)
    sage = app_row(preview, "Sage 300")
    assert sage.outcome == Outcome.ADOPT and sage.identified
    before = target_app(sandbox, sage.target_id)
    assert sage.diff["number"]["identity"] and sage.diff["number"]["target"] == before["number"]
    assert all(c.get("identity") for f, c in sage.diff.items() if f in ("name", "number"))
    assert sage.diff["discovery_source"]["target"] == before["discovery_source"]
    decisions.decide_all(preview, "adopt")
    run = publish(connection)
    adopted = run.items.get(record_id=sage.record_id)
    assert adopted.outcome == Outcome.ADOPT
    after = target_app(sandbox, sage.target_id)
    assert (after["name"], after["number"]) == (before["name"], before["number"])
    assert after["discovery_source"] == "PortfolioBridge" and "name" not in adopted.previous


def test_an_adopt_may_rewrite_an_identity_field_when_asked(connection, sandbox):
    preview = run_preview(connection)
    duplicate = app_row(preview, "Microsoft 365")
    assert duplicate.outcome == Outcome.POSSIBLE_DUPLICATE
    decisions.decide_all(preview, "adopt")
    decisions.record(preview, duplicate.pk, "adopt", {"name": "overwrite"})
    publish(connection)
    assert target_app(sandbox, duplicate.target_id)["name"] == "Microsoft 365"


def test_rollback_restores_updated_fields_and_deletes_created_records(connection, sandbox, published):
    sage = app_row(published, "Sage 300")
    created = created_app(published)
    assert sage.outcome == Outcome.ADOPT and sage.previous
    old = dict(sage.previous)
    rollback = execute_rollback(runs.start_rollback(published))
    assert rollback.status == RunStatus.SUCCEEDED, rollback.message
    restored = rollback.items.get(record_id=sage.record_id)
    assert restored.outcome == Outcome.RESTORED
    after = target_app(sandbox, sage.target_id)
    assert all(after[k] == v for k, v in old.items())
    assert not sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={created.target_id}")
    published.refresh_from_db()
    assert published.status == RunStatus.ROLLED_BACK and published.get_status_display() == "Rolled back"


def test_rollback_keeps_a_record_changed_since(connection, sandbox, published):
    sage = app_row(published, "Sage 300")
    sandbox.put(f"/api/now/table/cmdb_ci_business_app/{sage.target_id}", json={"comments": "mine"})
    rollback = execute_rollback(runs.start_rollback(published))
    kept = rollback.items.get(record_id=sage.record_id)
    assert kept.outcome == Outcome.SKIPPED and "changed since by admin" in kept.message
    assert target_app(sandbox, sage.target_id)["discovery_source"] == "PortfolioBridge"


def test_a_rollback_that_failed_part_way_can_be_resumed(connection, sandbox, published):
    from integrations.servicenow.sandbox.faults import Fault

    created = created_app(published)
    path = f"/api/now/table/cmdb_ci_business_app/{created.target_id}"
    sandbox.server.app.faults.faults = [Fault("503", 1.0, path)]  # this one record keeps failing
    rollback = execute_rollback(runs.start_rollback(published))
    assert rollback.status == RunStatus.PARTIAL and "resume" in rollback.message
    failed = rollback.items.get(record_id=created.record_id)
    assert failed.outcome == Outcome.ERROR and "503" in failed.message
    assert rollback.audit.filter(path=path, status=503).count() > 1  # retried before giving up
    with pytest.raises(runs.RunRefused, match="unfinished"):
        runs.start_rollback(published)
    sandbox.server.app.faults.faults = []
    rollback = execute_rollback(runs.resume(rollback))
    assert rollback.status == RunStatus.SUCCEEDED, rollback.message
    assert rollback.items.get(record_id=created.record_id).outcome == Outcome.DELETED
    assert not sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={created.target_id}")


def test_publishing_needs_a_preview_of_the_current_portfolio(connection, sandbox):
    with pytest.raises(runs.RunRefused, match="needs a successful preview"):
        runs.start_publish(connection)
    previewed(connection)
    BusinessApplication.objects.filter(namespace=connection.namespace).update(description="edited after")
    with pytest.raises(runs.RunRefused, match="changed since the latest preview"):
        runs.start_publish(connection)
    with pytest.raises(CommandError, match="needs a successful preview|changed since"):
        call_command("publish", "--connection", "snow")
    call_command("publish", "--connection", "snow", "--without-preview")
    run = connection.runs.filter(kind="publish").get()
    assert run.without_preview and run.status == RunStatus.QUEUED


def test_a_failed_preview_never_offers_to_publish(client, namespace):
    from django.urls import reverse

    from catalog.choices import Role
    from tests.conftest import member

    import_document(namespace, build_demo_document(DemoShape(apps=2, services=1, seed=5)))
    connection = ConnectionFactory(namespace=namespace, instance_url="https://127.0.0.1:9")
    preview = run_preview(connection)
    assert preview.status == RunStatus.FAILED
    client.force_login(member(namespace, Role.ADMIN))
    page = client.get(reverse("sync:run_detail", args=[namespace.slug, preview.pk])).content.decode()
    assert "can be published" not in page and "cannot be published" in page
    assert "needs a successful preview" in runs.publish_blocker(connection)


def test_owners_vendors_and_contracts_reach_servicenow(connection, sandbox, published):
    from catalog.models import ProductContract

    app = (
        BusinessApplication.objects.filter(namespace=connection.namespace, owner__isnull=False)
        .select_related("owner")
        .first()
    )
    user = sandbox.post(
        "/api/now/table/sys_user", json={"user_name": "owner1", "email": app.owner.email.upper()}
    ).json()["result"]
    previewed(connection)
    run = publish(connection)
    row = run.items.get(record_id=str(app.pk))
    assert target_app(sandbox, row.target_id)["owned_by"] == user["sys_id"]
    unknown = run_preview(connection).items.filter(message__contains="No user with the e-mail")
    assert all("never created" in r.message for r in unknown)
    assert not sandbox.table("sys_user", sysparm_query="user_nameSTARTSWITHportfolio")
    vendor = ProductContract.objects.filter(namespace=connection.namespace, kind="vendor").first()
    contracts = sandbox.table("ast_contract", sysparm_query=f"short_description={vendor.name}")
    assert len(contracts) == 1
    covered = sandbox.table(
        "contract_rel_ci",
        sysparm_query=f"contract={contracts[0]['sys_id']}",
        sysparm_exclude_reference_link="true",
    )
    assert len(covered) == vendor.applications.count()
    chargeback = ProductContract.objects.filter(namespace=connection.namespace, kind="internal_chargeback")
    assert chargeback.exists()
    for contract in chargeback:
        assert not sandbox.table("ast_contract", sysparm_query=f"short_description={contract.name}")


def test_the_decide_command_records_and_refuses(connection, sandbox, capsys, tmp_path):
    preview = run_preview(connection)
    sage = app_row(preview, "Sage 300")
    call_command("decide", "--run", str(preview.pk), "--record", sage.record_id, "--decision", "adopt")
    assert "Sage 300: adopt" in capsys.readouterr().out
    with pytest.raises(CommandError, match="cannot be created beside it"):
        call_command("decide", "--run", str(preview.pk), "--record", sage.record_id, "--decision", "create")
    sage.refresh_from_db()
    assert sage.decision == "adopt"
    duplicate = app_row(preview, "Microsoft 365")
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps([{"record": duplicate.record_id, "decision": "create"}]))
    call_command("decide", "--run", str(preview.pk), "--file", str(path))
    duplicate.refresh_from_db()
    assert duplicate.decision == "create"
    call_command("decide", "--run", str(preview.pk), "--all", "adopt")
    assert decisions.pending(preview) == 0
    path.write_text("[{")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("decide", "--run", str(preview.pk), "--file", str(path))
    with pytest.raises(CommandError, match="No run"):
        call_command("decide", "--run", "not-a-uuid", "--all", "adopt")


def test_the_rollback_command(connection, sandbox, published, capsys):
    call_command("rollback", "--run", str(published.pk))
    assert "Queued rollback" in capsys.readouterr().out
    with pytest.raises(CommandError, match="unfinished|already"):
        call_command("rollback", "--run", str(published.pk))
    rollback = published.rollbacks.get()
    rollback.status = RunStatus.PARTIAL  # as if some deletes had failed
    rollback.save()
    call_command("rollback", "--run", str(published.pk))
    assert f"Resumed rollback {rollback.pk}" in capsys.readouterr().out
    rollback.refresh_from_db()
    assert rollback.status == RunStatus.QUEUED
    with pytest.raises(CommandError, match="No run"):
        call_command("rollback", "--run", "00000000-0000-0000-0000-000000000000")


def test_sync_speaks_no_platform_vocabulary():
    import re
    from pathlib import Path

    words = re.compile(
        r"servicenow|haloitsm|glpi|identifyreconcile|cmdb_|sys_mod_count|sysparm_|sys_id|sys_updated"
        r"|service_offering|ast_contract|core_company|\bIRE\b",
        re.I,
    )
    root = Path(__file__).resolve().parents[2] / "sync"
    offenders = [
        f"{path.relative_to(root.parent)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if words.search(line)
    ]
    assert offenders == []


def test_a_preview_serves_one_publish(connection, sandbox, published):
    with pytest.raises(runs.RunRefused, match="published already"):
        runs.start_publish(connection)
    previewed(connection)
    assert runs.publish_blocker(connection) == ""


def test_take_of_a_name_another_application_has_is_refused(connection, sandbox, published):
    first, second = published.items.filter(step="applications", outcome=Outcome.CREATE).order_by("name")[:2]
    sandbox.put(f"/api/now/table/cmdb_ci_business_app/{first.target_id}", json={"name": second.name})
    preview = run_preview(connection)
    drift = preview.items.get(record_id=first.record_id)
    with pytest.raises(decisions.DecisionRefused, match="not valid in the portfolio"):
        decisions.record(preview, drift.pk, "take")
    assert BusinessApplication.objects.get(pk=first.record_id).name == first.name


def test_malformed_decisions_are_refused_without_an_error_page(client, namespace, connection, sandbox):
    from django.urls import reverse

    from catalog.choices import Role
    from tests.conftest import member

    preview = run_preview(connection)
    client.force_login(member(namespace, Role.ADMIN))
    url = reverse("sync:run_detail", args=[namespace.slug, preview.pk])
    row = app_row(preview, "Sage 300")
    link = preview.items.filter(kind="relation").first()
    response = client.post(
        url,
        {
            "decision-²": "keep",
            "field-²-x": "keep",
            f"decision-{row.pk}": "explode",
            "field-9x-y": "z",
            f"decision-{link.pk}": "skip",
        },
        follow=True,
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Not recorded" in page and "follows its records" in page
    row.refresh_from_db()
    link.refresh_from_db()
    assert row.decision == "" and link.decision == ""


def test_rolling_back_an_older_publish_keeps_what_a_later_publish_wrote(connection, sandbox, published):
    sage = app_row(published, "Sage 300")
    assert sage.outcome == Outcome.ADOPT and sage.previous
    BusinessApplication.objects.filter(pk=sage.record_id).update(short_description="second publish")
    previewed(connection)
    assert publish(connection).items.get(record_id=sage.record_id).outcome == Outcome.UPDATE
    rollback = execute_rollback(runs.start_rollback(published))
    kept = rollback.items.get(record_id=sage.record_id)
    assert kept.outcome == Outcome.SKIPPED and "changed since" in kept.message
    assert target_app(sandbox, sage.target_id)["short_description"] == "second publish"
