"""The publish plan: order, payloads, delta hashes, and what is never published."""

import pytest

from catalog.choices import ContractKind
from catalog.demo import DemoShape, build_demo_document
from catalog.models import BusinessApplication, DeploymentProfile, ProductContract
from catalog.transfer.importer import import_document
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
        if item.step in ("software_products", "contracts"):  # not CIs
            assert "correlation_id" not in item.values
            continue
        assert item.values["correlation_id"] == item.record_id
        assert item.values["discovery_source"] == "PortfolioBridge"
        assert {"operational_status", "life_cycle_stage", "life_cycle_stage_status"} <= set(item.values)
        assert not {"model_id", "model_category"} & set(item.values)
        assert all(isinstance(v, str) for v in item.values.values())
    app = plan.by_step("applications")[0]
    assert app.target_type == "cmdb_ci_business_app" and app.values["number"].startswith("APP-")
    with_owner = [i for i in plan.by_step("applications") if "owned_by" in i.record.references]
    assert with_owner and all(i.record.references["owned_by"].kind == "user" for i in with_owner)


def test_relationship_types_follow_the_connection(connection):
    plan = build_plan(connection)
    types = {(r.step, r.type) for r in plan.relations}
    assert types == {
        ("app_to_instance", "Uses::Used by"),
        ("instance_to_service", "Depends on::Used by"),
        ("contract_to_ci", "covers"),
    }
    connection.options = {"csdm_version": 4}
    assert {r.type for r in build_plan(connection).relations if r.step == "app_to_instance"} == {
        "Consumes::Consumed by"
    }


def test_runs_on_links_are_listed_as_not_published_and_scope_none_is_skipped(connection):
    deployment = DeploymentProfile.objects.filter(namespace=connection.namespace).first()
    deployment.publish_as = "none"
    deployment.save()
    plan = build_plan(connection)
    runs_on = [n for n in plan.not_published if n.kind == "runs_on"]
    assert runs_on and all("not a CI" in n.reason for n in runs_on)
    assert any(n.record_id == str(deployment.pk) and "Not published" in n.reason for n in plan.not_published)
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
    vendor = [i for i in plan.by_step("contracts")]
    assert vendor and all(i.kind == "contract" and i.target_type == "ast_contract" for i in vendor)


def test_hashes_make_unchanged_records_cost_nothing(connection):
    plan = build_plan(connection)
    app = plan.by_step("applications")[0]
    SyncMapEntry.objects.create(
        connection=connection,
        kind=app.kind,
        record_id=app.record_id,
        target_type=app.target_type,
        target_id="a" * 32,
        direction="published",
        last_hash=app.hash,
    )
    again = build_plan(connection)
    assert again.item(app.record_id).unchanged
    BusinessApplication.objects.filter(pk=app.record_id).update(short_description="changed")
    changed = build_plan(connection)
    assert not changed.item(app.record_id).unchanged and changed.hash != again.hash


def test_records_skipped_in_the_wizard_are_never_published(connection):
    from catalog.models import ITService
    from sync.models import MatchChoice

    service = ITService.objects.filter(namespace=connection.namespace, scope="shared").first()
    MatchChoice.objects.create(
        connection=connection, kind="it_service", record_id=service.pk, decision="skip"
    )
    plan = build_plan(connection)
    assert plan.item(str(service.pk)) is None
    assert any(
        n.record_id == str(service.pk) and "Skipped in the matching wizard" in n.reason
        for n in plan.not_published
    )
    assert all(str(service.pk) not in (r.parent, r.child) for r in plan.relations)
