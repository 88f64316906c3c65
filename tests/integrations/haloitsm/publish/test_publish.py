"""Publishing the portfolio to the served Halo sandbox through the real sync engine: preview, decide,
publish, re-publish, edits made in Halo, rollback and a resumed run. Every request the product sends is
checked against Halo's OpenAPI document (the `checked` fixture)."""

from collections import Counter

import pytest

from catalog.models import BusinessApplication
from integrations.haloitsm.client import HaloClient
from integrations.haloitsm.mapping import text
from sync import decisions, runs
from sync.models import Outcome, Run, RunStatus, SyncMapEntry
from sync.preview import run_preview
from sync.publish import execute_publish
from sync.rollback import execute_rollback
from tests.runs import previewed, publish

from .publishing import halo_connection, import_portfolio

pytestmark = pytest.mark.django_db
FAILED = (Outcome.ERROR, Outcome.CONFLICT)


class Crash(BaseException):
    """The worker dying (nothing in the engine catches it)."""


def failures(run) -> list:
    return list(run.items.filter(outcome__in=FAILED).values_list("name", "message"))


def ours(halo, asset_types) -> list[dict]:
    mapped = set(asset_types.values())
    return [a for a in halo.rows("Asset") if a["assettype_id"] in mapped]


@pytest.fixture
def published(connection, checked):
    previewed(connection)
    run = publish(connection)
    assert not failures(run), failures(run)[:5]
    return run


def test_the_initial_publish_creates_each_record_once(
    connection, halo_server, asset_types, published, checked
):
    counts = Counter(published.items.values_list("step", "outcome"))
    apps = BusinessApplication.objects.filter(namespace=connection.namespace).count()
    assert counts[("applications", Outcome.CREATE)] == apps
    assert counts[("deployments", Outcome.CREATE)] > 0 and counts[("contracts", Outcome.CREATE)] > 0
    assert counts[("instance_to_application", Outcome.CREATE)] == counts[("deployments", Outcome.CREATE)]
    assert counts[("instance_to_service", Outcome.CREATE)] > 0
    assert counts[("instance_to_software", Outcome.CREATE)] > 0
    assert counts[("contract_to_application", Outcome.CREATE)] > 0
    # the demo instance's services are the same records: adopted, not created again
    assert counts[("services", Outcome.ADOPT)] == 3 and not counts[("services", Outcome.CREATE)]
    tags = Counter(a["inventory_number"] for a in halo_server.rows("Asset"))
    assert max(tags.values()) == 1
    names = Counter(s["name"] for s in halo_server.rows("Service"))
    assert max(names.values()) == 1
    # writes are JSON arrays, one POST per resource and batch
    assert Counter(checked.writes())[("POST", "/api/Asset")] == 3  # software, applications, deployments
    assert not checked.violations, checked.violations[:3]


def test_assets_carry_their_links_and_names(connection, halo_server, asset_types, published):
    app = BusinessApplication.objects.filter(namespace=connection.namespace).order_by("name").first()
    assets = {a["id"]: a for a in halo_server.rows("Asset")}
    row = published.items.get(kind="application", record_id=app.pk)
    target = assets[int(row.target_id)]
    assert target["inventory_number"] == app.app_id and target["key_field"] == app.name
    assert target["assettype_id"] == asset_types["business_application"]
    deployment = app.deployments.order_by("name").first()
    instance = assets[int(published.items.get(kind="deployment", record_id=deployment.pk).target_id)]
    assert instance["parent_id"] == target["id"]
    assert instance["assettype_id"] == asset_types["application_instance"]
    service_ids = {
        int(published.items.get(kind="it_service", record_id=s.pk).target_id)
        for s in deployment.it_services.all()
    }
    assert {s["id"] for s in instance["services"]} == service_ids
    software = {
        int(published.items.get(kind="software_product", record_id=p.pk).target_id)
        for p in deployment.software_products.all()
    }
    assert {a["id"] for a in instance["child_assets"]} == software
    if app.vendor:
        assert target["supplier_name"] == app.vendor.name


def test_a_re_publish_with_nothing_changed_sends_no_writes(connection, published, checked):
    checked.calls.clear()
    previewed(connection)
    run = publish(connection)
    assert not checked.writes()
    assert set(run.counts) == {Outcome.UNCHANGED, Outcome.NOT_PUBLISHED} or set(run.counts) == {
        Outcome.UNCHANGED
    }


def test_one_edited_application_costs_at_most_three_calls(connection, halo_server, published, checked):
    app = BusinessApplication.objects.filter(namespace=connection.namespace).order_by("name").first()
    app.short_description = "Edited in the portfolio"
    app.save()
    previewed(connection)
    checked.calls.clear()
    run = publish(connection)
    assert run.stats["calls"] <= 3, checked.calls
    assert run.items.get(record_id=app.pk).outcome == Outcome.UPDATE
    target = next(a for a in halo_server.rows("Asset") if a["inventory_number"] == app.app_id)
    assert target["notes"] == "Edited in the portfolio"
    assert [w for w in checked.writes()] == [("POST", "/api/Asset")]


def test_an_edit_made_in_halo_is_seen_and_kept(connection, halo_server, published):
    row = published.items.filter(kind="application", outcome=Outcome.CREATE).order_by("name").first()
    edit = halo_server.post("/api/Asset", json=[{"id": int(row.target_id), "notes": "Edited in Halo"}])
    assert edit.status_code in (200, 201)
    preview = previewed(connection)
    drift = preview.items.get(record_id=row.record_id)
    assert drift.outcome == Outcome.CHANGED_IN_TARGET
    assert drift.diff["notes"]["target"] == "Edited in Halo"
    run = publish(connection)
    assert run.items.get(record_id=row.record_id).outcome == Outcome.CHANGED_IN_TARGET
    target = next(a for a in halo_server.rows("Asset") if a["id"] == int(row.target_id))
    assert target["notes"] == "Edited in Halo"  # not overwritten silently


def test_an_edit_on_both_sides_is_a_conflict_that_is_not_written(connection, halo_server, published):
    row = published.items.filter(kind="application", outcome=Outcome.CREATE).order_by("name").first()
    halo_server.post("/api/Asset", json=[{"id": int(row.target_id), "notes": "Edited in Halo"}])
    BusinessApplication.objects.filter(pk=row.record_id).update(short_description="Edited in the portfolio")
    preview = run_preview(connection)
    assert preview.items.get(record_id=row.record_id).outcome == Outcome.CONFLICT
    assert decisions.pending(preview) == 1
    run = execute_publish(runs.start_publish(connection, without_preview=True))
    assert run.items.get(record_id=row.record_id).outcome == Outcome.CONFLICT
    target = next(a for a in halo_server.rows("Asset") if a["id"] == int(row.target_id))
    assert target["notes"] == "Edited in Halo"


def test_rollback_deletes_what_the_publish_created_and_restores_what_it_changed(
    connection, halo_server, asset_types, published
):
    before = len(halo_server.rows("Service"))
    adopted = published.items.filter(outcome=Outcome.ADOPT).exclude(previous={})
    rollback = execute_rollback(runs.start_rollback(published))
    assert rollback.status == RunStatus.SUCCEEDED, rollback.message
    assert all(a["inventory_number"].startswith("SW-") for a in ours(halo_server, asset_types))  # the seed's
    assert not [c for c in halo_server.rows("ClientContract") if c["ref"] != "Oracle support"]
    assert len(halo_server.rows("Service")) == before  # adopted: restored, never deleted
    restored = rollback.items.filter(outcome=Outcome.RESTORED).count()
    assert restored == adopted.count()
    for row in adopted:
        record = next(r for r in halo_server.rows(row.target_type) if r["id"] == int(row.target_id))
        assert all(text(k, record.get(k)) == v for k, v in row.previous.items()), (record, row.previous)


def test_a_rollback_keeps_a_record_changed_in_halo_since(connection, halo_server, published):
    row = published.items.filter(kind="application", outcome=Outcome.CREATE).order_by("name").first()
    halo_server.post("/api/Asset", json=[{"id": int(row.target_id), "notes": "Edited in Halo"}])
    rollback = execute_rollback(runs.start_rollback(published))
    kept = rollback.items.get(record_id=row.record_id)
    assert kept.outcome == Outcome.SKIPPED and "changed since" in kept.message
    assert any(a["id"] == int(row.target_id) for a in halo_server.rows("Asset"))


def test_a_resumed_run_after_a_killed_worker_duplicates_nothing(
    connection, halo_server, asset_types, monkeypatch
):
    previewed(connection)
    save, crashed = HaloClient.save, []

    def save_then_die(client, resource, records):
        saved = save(client, resource, records)
        if resource == "Asset" and not crashed:
            crashed.append(sum(1 for r in records if "id" not in r))
            raise Crash  # the records landed in Halo; the worker never heard
        return saved

    monkeypatch.setattr(HaloClient, "save", save_then_die)
    run = runs.start_publish(connection)
    with pytest.raises(Crash):
        execute_publish(run)
    Run.objects.filter(pk=run.pk).update(status=RunStatus.INTERRUPTED)
    run.refresh_from_db()
    runs.resume(run)
    run = execute_publish(Run.objects.get(pk=run.pk))
    assert run.status == RunStatus.SUCCEEDED, (run.message, failures(run)[:3])
    tags = Counter(a["inventory_number"] for a in halo_server.rows("Asset"))
    assert max(tags.values()) == 1
    confirmed = run.items.filter(message__contains="interrupted attempt").exclude(kind="relation").count()
    assert confirmed == crashed[0]
    assert SyncMapEntry.objects.filter(connection=connection, target_id="").count() == 0


def test_records_of_unmapped_asset_types_are_omitted_with_the_reason(namespace, halo_server, checked):
    import_portfolio(namespace)
    connection = halo_connection(halo_server, namespace, {})
    preview = previewed(connection)
    omitted = preview.items.filter(
        outcome=Outcome.NOT_PUBLISHED, kind__in=("application", "deployment", "software_product")
    )
    assert omitted.exists()
    assert all(r.message.startswith("Map the Halo asset types first") for r in omitted)
    run = publish(connection)
    assert not run.items.filter(
        kind__in=("application", "deployment", "software_product"), outcome=Outcome.CREATE
    )
    assert ("POST", "/api/Asset") not in checked.writes()
    assert len(halo_server.rows("Asset")) == 9  # the demo instance's own


def test_a_link_added_to_an_existing_asset_is_taken_off_by_its_rollback(connection, halo_server, published):
    from catalog.models import DeploymentProfile

    deployment = next(
        d
        for d in DeploymentProfile.objects.filter(namespace=connection.namespace).order_by("name")
        if d.it_services.exists()
    )
    service = deployment.it_services.order_by("name").first()
    target_id = int(published.items.get(record_id=deployment.pk).target_id)

    def linked() -> list[int]:
        asset = next(a for a in halo_server.rows("Asset") if a["id"] == target_id)
        return sorted(s["id"] for s in asset["services"])

    deployment.it_services.remove(service)
    previewed(connection)
    publish(connection)
    before = linked()
    deployment.it_services.add(service)
    previewed(connection)
    run = publish(connection)
    link = run.items.get(kind="relation", outcome=Outcome.CREATE)
    service_id = int(published.items.get(record_id=service.pk).target_id)
    assert link.target_id == f"{target_id}:{service_id}"
    assert linked() == sorted([*before, service_id])
    rollback = execute_rollback(runs.start_rollback(run))
    assert rollback.status == RunStatus.SUCCEEDED, rollback.message
    assert rollback.items.get(kind="relation").outcome == Outcome.DELETED
    assert linked() == before


def test_a_deployment_that_loses_its_last_service_holds_none_in_halo(connection, halo_server, published):
    from catalog.models import DeploymentProfile

    deployment = next(
        d
        for d in DeploymentProfile.objects.filter(namespace=connection.namespace).order_by("name")
        if d.it_services.exists()
    )
    deployment.it_services.clear()
    previewed(connection)
    publish(connection)
    target_id = int(published.items.get(record_id=deployment.pk).target_id)
    assert next(a for a in halo_server.rows("Asset") if a["id"] == target_id)["services"] == []
