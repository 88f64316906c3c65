"""The publish plan: order, payloads, delta hashes, and what is never published."""

import pytest

from catalog.choices import ContractKind
from catalog.demo import DemoShape, build_demo_document
from catalog.models import BusinessApplication, DeploymentProfile, ProductContract
from catalog.transfer.importer import import_document
from sync.batches import MAX_ITEMS, ire_batches
from sync.models import SyncMapEntry
from sync.plan import build_plan
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(namespace):
    import_document(namespace, build_demo_document(DemoShape(apps=20, services=6, seed=4)))
    return ConnectionFactory(namespace=namespace, options={"ire_batch_size": 40})


def test_steps_come_in_dependency_order_with_complete_ci_payloads(connection):
    plan = build_plan(connection)
    order = ["shared_services", "software_products", "applications", "deployments"]
    positions = [min(i for i, item in enumerate(plan.items) if item.step == step) for step in order]
    assert positions == sorted(positions)
    for item in plan.items:
        if item.step == "software_products":
            assert "correlation_id" not in item.values
            continue
        assert item.values["correlation_id"] == item.record_id
        assert item.values["discovery_source"] == "PortfolioBridge"
        assert {"operational_status", "life_cycle_stage", "life_cycle_stage_status"} <= set(item.values)
        assert not {"model_id", "model_category"} & set(item.values)
        assert all(isinstance(v, str) for v in item.values.values())
    app = plan.by_step("applications")[0]
    assert app.class_name == "cmdb_ci_business_app" and app.values["number"].startswith("APP-")


def test_relationship_types_follow_the_connection(connection):
    plan = build_plan(connection)
    types = {(r.step, r.type) for r in plan.relations}
    assert types == {("app_to_instance", "Uses::Used by"), ("instance_to_service", "Depends on::Used by")}
    connection.options = {"csdm_version": 4}
    assert {r.type for r in build_plan(connection).relations if r.step == "app_to_instance"} == {
        "Consumes::Consumed by"
    }


def test_runs_on_links_are_listed_as_not_published_and_scope_none_is_skipped(connection):
    deployment = DeploymentProfile.objects.filter(namespace=connection.namespace).first()
    deployment.servicenow_sync_scope = "none"
    deployment.save()
    plan = build_plan(connection)
    runs_on = [n for n in plan.not_published if n.kind == "runs_on"]
    assert runs_on and all("not a CI" in n.reason for n in runs_on)
    assert any(n.record_id == str(deployment.pk) and "none" in n.reason for n in plan.not_published)
    assert plan.item(str(deployment.pk)) is None
    assert all(r.parent != str(deployment.pk) and r.child != str(deployment.pk) for r in plan.relations)


def test_internal_chargeback_contracts_never_appear_in_any_plan(connection):
    chargeback = ProductContract.objects.filter(
        namespace=connection.namespace, kind=ContractKind.INTERNAL_CHARGEBACK
    )
    assert chargeback.exists()
    plan = build_plan(connection)
    ids = {str(c.pk) for c in chargeback}
    names = {c.name for c in chargeback}
    everything = [(i.record_id, i.name) for i in plan.items] + [
        (n.record_id, n.name) for n in plan.not_published
    ]
    assert not any(record_id in ids or name in names for record_id, name in everything)
    assert any(n.kind == "contract" for n in plan.not_published)  # vendor contracts are listed, not published


def test_hashes_make_unchanged_records_cost_nothing(connection):
    plan = build_plan(connection)
    app = plan.by_step("applications")[0]
    SyncMapEntry.objects.create(
        connection=connection,
        kind=app.kind,
        record_id=app.record_id,
        target_table=app.class_name,
        target_sys_id="a" * 32,
        direction="published",
        last_hash=app.hash,
    )
    again = build_plan(connection)
    assert again.item(app.record_id).unchanged
    assert all(i.record_id != app.record_id for b in ire_batches(again, 40) for i in b.sent)
    BusinessApplication.objects.filter(pk=app.record_id).update(short_description="changed")
    assert not build_plan(connection).item(app.record_id).unchanged


def test_batches_respect_the_size_and_carry_relations_with_their_ends(connection):
    plan = build_plan(connection)
    batches = ire_batches(plan, 40)
    assert all(len(b.items) <= 40 for b in batches)
    assert sum(len(b.relations) for b in batches) == len(plan.relations)
    for batch in batches:
        ids = {i["internal_id"] for i in batch.items}
        assert all(r["parent_id"] in ids and r["child_id"] in ids for r in batch.relations)
    assert all(len(b.items) <= MAX_ITEMS for b in ire_batches(plan, 10_000))
