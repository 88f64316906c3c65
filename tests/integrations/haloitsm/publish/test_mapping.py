"""The portfolio in Halo's terms: every kind of record, the links they carry, what is omitted and why,
and values that survive the trip to Halo and back unchanged (so an unchanged record compares equal)."""

from integrations.haloitsm import mapping
from integrations.haloitsm.options import HaloOptions
from sync.snapshot import Snapshot

TYPES = {"business_application": 21, "application_instance": 22, "software": 4}
SERVICE = {"id": "s1", "name": "Database Services", "description": "Managed databases.", "scope": "shared"}
PRODUCT = {"id": "p1", "name": "Oracle Database", "version": "19c", "manufacturer": "Oracle"}
DEPLOYMENT = {
    "id": "d1",
    "application_id": "a1",
    "name": "Payroll (Production)",
    "environment": "Production",
    "hosting_type": "On-Premise",
    "cloud_provider": "",
    "region": "",
    "operational_status": "operational",
    "version": "4.2",
    "publish_as": "application_service",
    "lifecycle_stage": "Operational",
    "lifecycle_status": "In Use",
    "service_ids": ["s1"],
    "product_ids": ["p1"],
}
APP = {
    "id": "a1",
    "app_id": "APP-0001",
    "name": "Payroll",
    "short_description": "Pays people",
    "description": "",
    "operational_status": "retired",
    "lifecycle_stage": "Operational",
    "lifecycle_status": "In Use",
    "business_criticality": "1",
    "owner_email": "owner@example.org",
    "manager_email": None,
    "vendor_name": "Acme",
    "deployments": [DEPLOYMENT, {**DEPLOYMENT, "id": "d2", "publish_as": "none"}],
}
CONTRACT = {
    "id": "c1",
    "name": "Payroll licence",
    "number": "PO-7",
    "kind": "licence",
    "start_date": "2025-01-01",
    "end_date": "2026-12-31",
    "annual_cost": "1200.00",
    "currency": "EUR",
    "supplier_name": "Acme",
    "application_ids": ["a1"],
}


def snapshot() -> Snapshot:
    return Snapshot([SERVICE], [PRODUCT], [APP], [CONTRACT])


def by_id(result):
    return {r.record_id: r for r in result.records}


def test_every_kind_becomes_its_halo_record():
    records = by_id(mapping.portfolio_records(snapshot(), HaloOptions(asset_types=TYPES)))
    app, instance, software = records["a1"], records["d1"], records["p1"]
    assert (app.target_type, app.step) == ("Asset", "applications")
    assert app.values == {
        "assettype_id": "21",
        "inventory_number": "APP-0001",
        "key_field": "Payroll",
        "notes": "Pays people",
        "inactive": "true",
    }
    assert app.references["supplier_id"].key == "Acme" and app.references["client_id"].kind == "Client"
    assert instance.values["assettype_id"] == "22" and instance.values["inventory_number"] == "PB-d1"
    assert instance.values["key_field2"] == "4.2" and instance.group == "a1"
    assert software.values == {
        "assettype_id": "4",
        "inventory_number": "PB-p1",
        "key_field": "Oracle Database",
        "key_field2": "19c",
        "notes": "Oracle",
    }
    assert records["s1"].target_type == "Service"
    assert records["s1"].values == {"name": "Database Services", "summary": "Managed databases."}
    contract = records["c1"]
    assert contract.target_type == "ClientContract"
    assert contract.values["ref"] == "Payroll licence" and contract.values["end_date"] == "2026-12-31"
    assert "PO-7" in contract.values["note"] and "1200.00 EUR" in contract.values["note"]


def test_deployments_carry_their_links_and_contracts_the_assets_they_cover():
    result = mapping.portfolio_records(snapshot(), HaloOptions(asset_types=TYPES))
    links = {(r.step, r.parent, r.child) for r in result.relations}
    assert links == {
        ("instance_to_application", "d1", "a1"),
        ("instance_to_service", "d1", "s1"),
        ("instance_to_software", "d1", "p1"),
        ("contract_to_application", "c1", "a1"),
    }
    assert set(mapping.LINK_FIELDS) == {s.key for s in mapping.STEPS if s.relations}


def test_unmapped_asset_types_omit_their_records_with_the_reason():
    result = mapping.portfolio_records(snapshot(), HaloOptions(asset_types={"software": 4}))
    omitted = {o.record_id: o.reason for o in result.omitted}
    assert omitted["a1"] == omitted["d1"] == mapping.UNMAPPED_REASON
    assert omitted["d2"] == mapping.UNMAPPED_REASON
    assert {r.record_id for r in result.records} == {"s1", "p1", "c1"}
    assert not result.relations  # the contract covers no published asset


def test_a_deployment_not_published_is_omitted_and_unmapped_software_is_not_linked():
    result = mapping.portfolio_records(
        snapshot(), HaloOptions(asset_types={k: v for k, v in TYPES.items() if k != "software"})
    )
    omitted = {o.record_id: o.reason for o in result.omitted}
    assert omitted["d2"] == mapping.NOT_PUBLISHED_REASON and omitted["p1"] == mapping.UNMAPPED_REASON
    assert "instance_to_software" not in {r.step for r in result.relations}


def test_values_go_to_halo_typed_and_come_back_as_they_were_written():
    values = {"assettype_id": "21", "supplier_id": "", "inactive": "false", "start_date": "2025-01-01"}
    body = mapping.payload(values)
    assert body == {
        "assettype_id": 21,
        "supplier_id": None,
        "inactive": False,
        "start_date": "2025-01-01T00:00:00Z",
    }
    halo = {**body, "start_date": "2025-01-01T00:00:00Z"}
    assert {k: mapping.text(k, v) for k, v in halo.items()} == values


def test_a_halo_value_taken_into_the_portfolio_names_its_attribute():
    assert mapping.portfolio_value("application", "notes", "x") == ("short_description", "x")
    assert mapping.portfolio_value("application", "assettype_id", "21") is None
