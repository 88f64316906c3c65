"""Publishing against the sandbox: dependency order, sync map, delta, failures, idempotency."""

from collections import Counter

import pytest
from django.db import IntegrityError, transaction

from catalog.demo import DemoShape, build_demo_document
from catalog.models import BusinessApplication
from catalog.transfer.importer import import_document
from sync import runs
from sync.models import Direction, Outcome, Run, RunKind, RunStatus, SyncMapEntry
from sync.publish import execute_publish
from tests.factories import ConnectionFactory
from tests.sync.test_preview import register_data_source

pytestmark = pytest.mark.django_db

CI_CLASSES = ("cmdb_ci_business_app", "cmdb_ci_service_auto", "cmdb_ci_service_technical", "service_offering")


@pytest.fixture
def connection(namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=30, services=6, seed=5)))
    register_data_source(sandbox)
    return ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )


def publish(connection) -> Run:
    """Without a preview: possible duplicates wait for a decision, records the target identifies are adopted."""
    run = runs.start_publish(connection, without_preview=True)
    return execute_publish(run)


def preview_and_decide(connection, decision: str = "adopt") -> Run:
    from sync import decisions
    from sync.preview import run_preview

    preview = run_preview(connection)
    decisions.decide_all(preview, decision)
    return preview


def publish_previewed(connection, decision: str = "adopt") -> Run:
    """The admin's way: a preview, decisions on what the target already holds, then the publish."""
    preview_and_decide(connection, decision)
    return execute_publish(runs.start_publish(connection))


def target_state(sandbox) -> dict:
    """Each CI the product wrote, by correlation id, and each relationship between them."""
    cis: Counter = Counter()
    for table in CI_CLASSES:
        for row in sandbox.table(table, sysparm_fields="correlation_id", sysparm_limit=10000):
            if row["correlation_id"]:
                cis[(table, row["correlation_id"])] += 1
    rels = Counter(
        (r["parent"], r["child"], r["type"])
        for r in sandbox.table(
            "cmdb_rel_ci",
            sysparm_fields="parent,child,type",
            sysparm_limit=10000,
            sysparm_exclude_reference_link="true",
        )
    )
    models = Counter(
        (r["name"], r["version"])
        for r in sandbox.table(
            "cmdb_software_product_model", sysparm_fields="name,version", sysparm_limit=10000
        )
    )
    return {"cis": cis, "relations": rels, "models": models}


def test_first_publish_creates_each_record_once_in_dependency_order(connection, sandbox):
    run = publish(connection)
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert not run.without_preview or run.plan_hash
    state = target_state(sandbox)
    assert state["cis"] and max(state["cis"].values()) == 1
    assert max(state["relations"].values()) == 1 and max(state["models"].values()) == 1
    mapped = SyncMapEntry.objects.filter(connection=connection)
    apps = BusinessApplication.objects.filter(namespace=connection.namespace).count()
    # without a preview, possible duplicates wait for a decision: they (and their deployments) are skipped
    waiting = run.items.filter(step="applications", outcome=Outcome.SKIPPED)
    assert waiting.exists() and all("needs a decision" in r.message for r in waiting)
    assert mapped.filter(kind="application").count() == apps - waiting.count()
    assert set(mapped.values_list("direction", flat=True)) == {Direction.PUBLISHED, Direction.ADOPTED}
    assert (
        mapped.get(kind="application", record_id=app_id(connection, "Sage 300")).direction
        == Direction.ADOPTED
    )
    # the audit shows the dependency order: services, then models, then applications, then instances
    paths = [(e.method, e.path, e.request_body[:200]) for e in run.audit.exclude(path__startswith="/oauth")]
    ire_classes = [body for method, path, body in paths if path == "/api/now/identifyreconcile"]
    assert "service_offering" in ire_classes[0] or "cmdb_ci_service_technical" in ire_classes[0]
    first_model = next(i for i, p in enumerate(paths) if "cmdb_software_product_model" in p[1])
    first_app = next(i for i, p in enumerate(paths) if "cmdb_ci_business_app" in p[2])
    assert first_model < first_app
    assert run.progress["applications"] == {"done": apps, "total": apps}
    assert run.stats["calls"] == run.audit.filter(attempt=1).count()
    relations = run.items.filter(kind="relation").exclude(outcome=Outcome.SKIPPED)
    assert relations.exists() and set(relations.values_list("outcome", flat=True)) == {Outcome.CREATE}


def app_id(connection, name: str) -> str:
    return str(BusinessApplication.objects.get(namespace=connection.namespace, name=name).pk)


def test_republish_without_change_writes_nothing(connection, sandbox):
    publish_previewed(connection)
    preview_and_decide(connection)
    sandbox.post("/sandbox/stats/reset")
    run = execute_publish(runs.start_publish(connection))
    assert run.status == RunStatus.SUCCEEDED
    stats = sandbox.get("/sandbox/stats").json()
    assert stats["committing_calls"] == 0 and sum(stats["by_api"].values()) == 0
    assert set(run.counts) <= {Outcome.UNCHANGED, Outcome.NOT_PUBLISHED}


def test_one_edited_application_costs_at_most_three_calls(connection, sandbox):
    publish_previewed(connection)
    app = BusinessApplication.objects.get(namespace=connection.namespace, name="Sage 300")
    app.short_description = "General ledger"
    app.save()
    preview_and_decide(connection)
    sandbox.post("/sandbox/stats/reset")
    run = execute_publish(runs.start_publish(connection))
    stats = sandbox.get("/sandbox/stats").json()
    # read the record, look up its owner and vendor (one Batch API call), write it
    assert run.stats["calls"] <= 3 and stats["committing_calls"] == 1
    row = run.items.get(record_id=str(app.pk))
    assert row.outcome == Outcome.UPDATE
    target = sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={row.target_id}")[0]
    assert target["short_description"] == "General ledger"


def test_failed_records_do_not_stop_the_others_and_their_children_are_skipped(connection, sandbox):
    rule = sandbox.table("cmdb_identifier", sysparm_query="applies_to=cmdb_ci_business_app")[0]
    assert sandbox.delete(f"/api/now/table/cmdb_identifier/{rule['sys_id']}").status_code == 204
    run = publish(connection)
    assert run.status == RunStatus.PARTIAL
    apps = run.items.filter(step="applications")
    # a new application has no native key yet, so without a rule it cannot be identified
    failed = apps.filter(outcome=Outcome.ERROR)
    assert failed.exists() and "IDENTIFICATION_RULE_MISSING" in failed.first().message
    app = failed.first()
    deployments = run.items.filter(step="deployments", message__contains="failed")
    assert deployments.exists() and all(app.name in d.message or "failed" in d.message for d in deployments)
    assert run.items.filter(step="shared_services", outcome=Outcome.CREATE).exists()
    assert not SyncMapEntry.objects.filter(connection=connection, record_id=app.record_id).exists()


def test_one_publish_per_connection_is_enforced_by_the_database(connection):
    first = runs.start_publish(connection, without_preview=True)
    with pytest.raises(runs.RunRefused, match="already queued"):
        runs.start_publish(connection, without_preview=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Run.objects.create(connection=connection, kind=RunKind.ROLLBACK, status=RunStatus.RUNNING)
    first.status = RunStatus.SUCCEEDED
    first.save()
    assert runs.start_publish(connection, without_preview=True).status == RunStatus.QUEUED


def test_pending_decisions_block_the_publish(connection):
    from sync.preview import run_preview

    preview = run_preview(connection)
    assert preview.items.filter(outcome=Outcome.ADOPT).exists()
    with pytest.raises(runs.RunRefused, match="waiting for a decision"):
        runs.start_publish(connection)


def test_cancel_stops_between_batches_and_resume_finishes(connection, sandbox):
    run = runs.start_publish(connection, without_preview=True)
    run.cancel_requested = True
    run.save()
    run = execute_publish(run)
    assert run.status == RunStatus.CANCELED
    runs.resume(run)
    run = execute_publish(Run.objects.get(pk=run.pk))
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert max(target_state(sandbox)["cis"].values()) == 1


def test_a_queued_run_is_cancelled_at_once(connection):
    run = runs.start_publish(connection, without_preview=True)
    runs.cancel(run)
    run.refresh_from_db()
    assert run.status == RunStatus.CANCELED
    assert execute_publish(run).status == RunStatus.CANCELED


def test_a_run_whose_worker_died_is_marked_interrupted(connection, settings):
    import socket

    run = runs.start_publish(connection, without_preview=True)
    Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, worker=f"{socket.gethostname()}:999999999")
    other = Run.objects.create(
        connection=ConnectionFactory(namespace=connection.namespace),
        kind=RunKind.PUBLISH,
        status=RunStatus.RUNNING,
        worker="elsewhere:12",
        heartbeat_at=None,
    )
    assert runs.reap() == 2
    run.refresh_from_db()
    other.refresh_from_db()
    assert run.status == RunStatus.INTERRUPTED and other.status == RunStatus.INTERRUPTED
    assert "resume" in run.message
    # the lock is released
    assert runs.publish_blocker(connection, without_preview=True) == ""


def test_rollback_deletes_only_what_the_publish_created_and_nobody_changed(connection, sandbox):
    from sync.rollback import execute_rollback

    published = publish(connection)
    created = published.items.filter(outcome=Outcome.CREATE)
    touched = created.filter(step="applications").first()
    other_user = sandbox.put(
        f"/api/now/table/cmdb_ci_business_app/{touched.target_id}", json={"comments": "ours now"}
    )
    assert other_user.status_code == 200
    adopted = published.items.get(step="applications", name="Sage 300")
    before = target_state(sandbox)

    rollback = execute_rollback(runs.start_rollback(published))
    assert rollback.kind == RunKind.ROLLBACK and rollback.status == RunStatus.SUCCEEDED, rollback.message
    kept = rollback.items.get(record_id=touched.record_id)
    assert kept.outcome == Outcome.SKIPPED and "changed since by admin" in kept.message
    deleted = rollback.items.filter(outcome=Outcome.DELETED)
    assert deleted.count() == created.count() - 1
    audit_deletes = rollback.audit.filter(method="DELETE", status=204).count()
    assert audit_deletes == deleted.count()
    # relationships went first, services last
    order = list(rollback.items.filter(outcome=Outcome.DELETED).values_list("step", flat=True))
    assert order[0] in ("app_to_instance", "instance_to_service", "contract_to_ci")
    assert order[-1] == "shared_services"
    after = target_state(sandbox)
    # adopted records get their previous values back (no correlation id): they no longer count as ours
    restored = rollback.items.filter(outcome=Outcome.RESTORED)
    assert restored.filter(record_id=adopted.record_id).exists()
    deleted_cis = deleted.exclude(kind="relation").exclude(step__in=("software_products", "contracts"))
    restored_cis = restored.exclude(step__in=("software_products", "contracts"))
    assert (
        sum(after["cis"].values()) == sum(before["cis"].values()) - deleted_cis.count() - restored_cis.count()
    )
    sage = sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={adopted.target_id}")[0]
    assert sage["correlation_id"] == "" and sage["discovery_source"] != "PortfolioBridge"
    assert sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={adopted.target_id}")
    assert sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={touched.target_id}")
    remaining = SyncMapEntry.objects.filter(connection=connection)
    assert remaining.filter(record_id=touched.record_id).exists()
    assert not remaining.filter(direction=Direction.PUBLISHED).exclude(record_id=touched.record_id).exists()
    with pytest.raises(runs.RunRefused, match="already been rolled back"):
        runs.start_rollback(published)
    # publishing again recreates what the rollback removed, once
    again = publish(connection)
    assert again.status == RunStatus.SUCCEEDED, again.message
    assert max(target_state(sandbox)["cis"].values()) == 1


def test_a_publish_never_deletes(connection, sandbox):
    publish(connection)
    BusinessApplication.objects.filter(namespace=connection.namespace, name="Sage 300").delete()
    run = publish(connection)
    assert not run.audit.filter(method="DELETE").exists()


def test_decisions_taken_on_the_preview_are_what_the_publish_does(connection, sandbox):
    from sync import decisions
    from sync.preview import run_preview

    preview = run_preview(connection)
    duplicate = preview.items.get(step="applications", name="Microsoft 365")
    assert duplicate.outcome == Outcome.POSSIBLE_DUPLICATE
    workday = preview.items.get(step="applications", name="Workday HCM")
    choices = {r.pk: "adopt" for r in preview.items.filter(outcome__in=decisions.NEEDS_DECISION)}
    choices[workday.pk] = "create"
    recorded, refused = decisions.decide(preview, choices)
    assert len(recorded) == len(choices) and not refused
    assert runs.publish_blocker(connection) == ""
    run = execute_publish(runs.start_publish(connection))
    assert run.status == RunStatus.SUCCEEDED, run.message
    adopted = run.items.get(record_id=duplicate.record_id)
    assert adopted.outcome == Outcome.ADOPT and adopted.target_id == duplicate.target_id
    kept = sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={duplicate.target_id}")[0]
    assert kept["name"] == "Microsoft Office 365"  # an adopt keeps the existing record's identity
    created = run.items.get(record_id=workday.record_id)
    assert created.outcome == Outcome.CREATE and created.target_id != workday.target_id


def test_an_unexpected_error_fails_the_run_with_its_message(connection, monkeypatch):
    from sync import jobs

    def broken(run):
        Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
        raise RuntimeError("disk full")

    monkeypatch.setattr(jobs, "execute_publish", broken)
    run = runs.start_publish(connection, without_preview=True)
    with pytest.raises(RuntimeError):
        jobs.execute_run(str(run.pk))
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and "disk full" in run.message
    assert jobs.execute_run("00000000-0000-0000-0000-000000000000") == "gone"


class Crash(BaseException):
    """The worker dying (nothing in the engine catches it)."""


@pytest.mark.parametrize("outcome", [Outcome.DELETED, Outcome.RESTORED])
def test_a_resumed_rollback_counts_what_its_interrupted_attempt_did(connection, monkeypatch, outcome):
    from sync.progress import Tracker
    from sync.rollback import execute_rollback

    published = publish(connection)
    created = published.items.filter(outcome=Outcome.CREATE).count()
    changed = published.items.filter(outcome__in=(Outcome.UPDATE, Outcome.ADOPT)).exclude(previous={})
    store, crashed = Tracker.store, []

    def store_then_crash(tracker, rows, failed=()):
        if rows[0].outcome == outcome and not crashed:
            crashed.append(rows[0].record_id)
            raise Crash  # the target acted on the call; its row is never stored
        store(tracker, rows, failed)

    monkeypatch.setattr(Tracker, "store", store_then_crash)
    rollback = runs.start_rollback(published)
    with pytest.raises(Crash):
        execute_rollback(rollback)
    monkeypatch.setattr(Tracker, "store", store)
    Run.objects.filter(pk=rollback.pk).update(status=RunStatus.INTERRUPTED)
    rollback.refresh_from_db()
    assert not rollback.items.filter(record_id=crashed[0]).exists()

    runs.resume(rollback)
    rollback = execute_rollback(Run.objects.get(pk=rollback.pk))
    assert rollback.status == RunStatus.SUCCEEDED, rollback.message
    # what the publish created is deleted and what it changed is restored, whichever attempt did it
    assert rollback.counts == {Outcome.DELETED: created, Outcome.RESTORED: changed.count()}, rollback.counts
    assert rollback.items.get(record_id=crashed[0]).outcome == outcome
