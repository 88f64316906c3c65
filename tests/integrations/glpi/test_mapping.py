"""The portfolio → GLPI mapping (pure: no HTTP): every kind, its relations and dropdown references, seed
001's service contract (start date, duration, and how a re-publish keeps the start date), what is never
sent, and a demo-sized portfolio mapped without quadratic traps."""

from datetime import date
from types import SimpleNamespace

import pytest

from catalog.choices import ContractKind
from catalog.demo import DemoShape, load_demo_portfolio
from integrations.base.platform import Reference
from integrations.glpi import mapping
from integrations.glpi.mapping_inventory import (
    CONTRACT_MONTHS,
    IMPORT_DATE,
    clock_values,
    derived_id,
    months_between,
)
from integrations.glpi.options import form_url
from integrations.glpi.sandbox.itemtypes import ITEMTYPES
from sync.compare import Comparer
from sync.plan import PlanItem, record_hash, reference_key
from sync.snapshot import take_snapshot
from tests.factories import (
    BusinessApplicationFactory,
    DeploymentProfileFactory,
    InfrastructureItemFactory,
    ITServiceFactory,
    ProductContractFactory,
    SoftwareProductFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db
OPTIONS = SimpleNamespace(entity_id=1)


@pytest.fixture
def portfolio(namespace):
    """Two machines running the deployments of one application, three products of two names, a vendor
    contract and an internal chargeback."""
    dell = SupplierFactory(namespace=namespace, name="Dell Technologies")
    oracle_19 = SoftwareProductFactory(
        namespace=namespace, name="Oracle Database", version="19c", manufacturer="Oracle"
    )
    oracle_12 = SoftwareProductFactory(
        namespace=namespace, name="Oracle Database", version="12c", manufacturer="Oracle"
    )
    tomcat = SoftwareProductFactory(
        namespace=namespace, name="Apache Tomcat", version="10.1", manufacturer="Apache"
    )
    app = BusinessApplicationFactory(namespace=namespace, name="LegalEdge", app_id="APP-0001")
    prod = DeploymentProfileFactory(namespace=namespace, application=app, name="LegalEdge — PROD")
    test = DeploymentProfileFactory(namespace=namespace, application=app, name="LegalEdge — TEST")
    lonely = BusinessApplicationFactory(namespace=namespace, name="Nowhere", app_id="APP-0002")
    server = InfrastructureItemFactory(
        namespace=namespace,
        name="srv-0009",
        serial_number="DE54800838",
        manufacturer="Dell",
        operating_system="Windows Server",
        os_version="2019",
        os_license="00430-64269-15962-AA009",
        service_end_date=date(2029, 11, 30),
        deployments=[prod, test],
    )
    vm = InfrastructureItemFactory(
        namespace=namespace,
        name="vm-0004",
        item_type="virtual_machine",
        manufacturer="",
        model="",
        operating_system="",
        os_version="",
        deployments=[test],
    )
    vendor = ProductContractFactory(
        namespace=namespace,
        name="Dell master agreement",
        number="CTR-2023-001",
        supplier=dell,
        start_date=date(2023, 1, 1),
        end_date=date(2025, 12, 31),
    )
    vendor.applications.set([app])
    vendor.software_products.set([oracle_19, oracle_12])
    chargeback = ProductContractFactory(
        namespace=namespace,
        name="Central IT chargeback",
        kind=ContractKind.INTERNAL_CHARGEBACK,
        supplier=dell,
    )
    chargeback.applications.set([app])
    service = ITServiceFactory(namespace=namespace, name="Hosting")
    return SimpleNamespace(**locals())


def records_of(result):
    return {r.record_id: r for r in result.records}


def test_steps_put_what_a_relation_needs_first(portfolio, namespace):
    result = mapping.portfolio_records(take_snapshot(namespace), OPTIONS)
    order = {s.key: n for n, s in enumerate(mapping.steps())}
    assert [s.key for s in mapping.steps() if not s.relations][:2] == ["suppliers", "computers"]
    assert all(s.relations for s in mapping.steps()[order["os_of_computer"] :])
    records = records_of(result)
    assert {r.step for r in result.records} <= set(order)
    for relation in result.relations:
        parent, child = records[relation.parent], records[relation.child]
        # the parent carries the link, so it is written after the record it points to
        assert order[parent.step] > order[child.step], relation
        assert order[relation.step] > order[parent.step]
        assert relation.step in mapping.LINK_FIELDS or relation.step in mapping.RELATION_ITEMS


def test_an_infrastructure_item_is_a_computer_with_its_os_and_service_contract(portfolio, namespace):
    result = mapping.portfolio_records(take_snapshot(namespace), OPTIONS)
    records = records_of(result)
    server_id = str(portfolio.server.id)
    computer = records[server_id]
    assert (computer.kind, computer.target_type, computer.step) == (
        "infrastructure_item",
        "Computer",
        "computers",
    )
    assert computer.values == {"name": "srv-0009", "serial": "DE54800838", "entities_id": "1"}
    assert computer.references == {
        "computertypes_id": Reference("ComputerType", "Server"),
        "manufacturers_id": Reference("Manufacturer", "Dell"),
        "computermodels_id": Reference("ComputerModel", "PowerEdge R650"),
    }
    assert computer.identity == {"entities_id", "name", "serial"}  # an adopted computer stays in its entity

    installed = records[derived_id(server_id, "operating-system")]
    assert (installed.target_type, installed.group) == ("Item_OperatingSystem", server_id)
    assert installed.values == {
        "itemtype": "Computer",
        "licenseid": "00430-64269-15962-AA009",
        "entities_id": "1",
    }
    assert installed.references == {
        "operatingsystems_id": Reference("OperatingSystem", "Windows Server"),
        "operatingsystemversions_id": Reference("OperatingSystemVersion", "2019"),
    }
    contract = records[derived_id(server_id, "service-contract")]
    assert (contract.target_type, contract.kind, contract.values["name"]) == (
        "Contract",
        "service_contract",
        "srv-0009",
    )
    assert contract.references == {
        "begin_date": Reference(IMPORT_DATE, "2029-11-30"),
        "duration": Reference(CONTRACT_MONTHS, "2029-11-30"),
    }
    assert set(contract.values) | set(contract.references) <= set(ITEMTYPES["Contract"].fields)
    relations = {(r.step, r.parent, r.child, r.type) for r in result.relations}
    assert ("os_of_computer", installed.record_id, server_id, "Computer") in relations
    assert ("contract_items", contract.record_id, server_id, "Computer") in relations

    # a machine without OS, manufacturer or service end date: a computer only, and the reasons
    vm_id = str(portfolio.vm.id)
    assert records[vm_id].references == {"computertypes_id": Reference("ComputerType", "Virtual Machine")}
    assert derived_id(vm_id, "operating-system") not in records
    reasons = {(o.kind, o.name): o.reason for o in result.omitted}
    assert "No operating system" in reasons["operating_system", "vm-0004"]
    assert "No service end date" in reasons["service_contract", "vm-0004"]


def test_every_published_field_is_one_glpi_takes(portfolio, namespace):
    result = mapping.portfolio_records(take_snapshot(namespace), OPTIONS)
    for record in result.records:
        fields = ITEMTYPES[record.target_type].fields
        assert set(record.values) | set(record.references) <= set(fields), record.target_type
        assert all(isinstance(v, str) for v in record.values.values())
    for step, (itemtype, parent_field, child_field) in mapping.RELATION_ITEMS.items():
        assert {parent_field, child_field} <= set(ITEMTYPES[itemtype].fields), step
    for step, field_name in mapping.LINK_FIELDS.items():
        carriers = {r.target_type for r in result.records if f"{step}:" in " ".join(r.related)}
        assert carriers and all(field_name in ITEMTYPES[t].fields for t in carriers)


def test_the_portfolio_is_suppliers_software_appliances_and_vendor_contracts(portfolio, namespace):
    result = mapping.portfolio_records(take_snapshot(namespace), OPTIONS)
    records = records_of(result)
    relations = {(r.step, r.parent, r.child, r.type) for r in result.relations}
    p = portfolio

    supplier = records[str(p.dell.id)]
    assert (supplier.target_type, supplier.values) == (
        "Supplier",
        {"name": "Dell Technologies", "entities_id": "1"},
    )

    # one Software per name, one version per product, each version linked to its software
    software = [r for r in result.records if r.target_type == "Software"]
    assert sorted(r.values["name"] for r in software) == ["Apache Tomcat", "Oracle Database"]
    oracle = mapping.software_id("Oracle Database")
    assert records[oracle].references == {"manufacturers_id": Reference("Manufacturer", "Oracle")}
    assert records[mapping.software_id("Apache Tomcat")].references == {
        "manufacturers_id": Reference("Manufacturer", "Apache")
    }
    for product, version in ((p.oracle_19, "19c"), (p.oracle_12, "12c")):
        record = records[str(product.id)]
        assert (record.kind, record.target_type, record.values["name"]) == (
            "software_product",
            "SoftwareVersion",
            version,
        )
        assert ("version_of_software", str(product.id), oracle, "Software") in relations

    # the application runs on both machines (through its two deployments); the lonely one on none
    legal = records[str(p.app.id)]
    assert legal.target_type == "Appliance"
    assert legal.values == {
        "name": "LegalEdge",
        "externalidentifier": "APP-0001",
        "comment": legal.values["comment"],
        "entities_id": "1",
    }
    assert legal.references == {"appliancetypes_id": Reference("ApplianceType", "Business application")}
    hosts = {r.child for r in result.relations if r.step == "appliance_items" and r.parent == str(p.app.id)}
    assert hosts == {str(p.server.id), str(p.vm.id)}
    assert not [r for r in result.relations if r.parent == str(p.lonely.id)]

    contract = records[str(p.vendor.id)]
    assert contract.values == {
        "name": "Dell master agreement",
        "num": "CTR-2023-001",
        "begin_date": "2023-01-01",
        "duration": "36",
        "comment": contract.values["comment"],
        "entities_id": "1",
    }
    assert ("contract_suppliers", str(p.vendor.id), str(p.dell.id), "Supplier") in relations
    assert ("contract_items", str(p.vendor.id), str(p.app.id), "Appliance") in relations
    assert ("contract_items", str(p.vendor.id), oracle, "Software") in relations
    assert len([r for r in relations if r[1] == str(p.vendor.id)]) == 3  # the two versions: one software


def test_chargebacks_services_and_deployments_are_never_sent(portfolio, namespace):
    result = mapping.portfolio_records(take_snapshot(namespace), OPTIONS)
    sent = {r.record_id for r in result.records}
    assert str(portfolio.chargeback.id) not in sent
    omitted = {o.record_id: o for o in result.omitted}
    assert "chargeback" in omitted[str(portfolio.chargeback.id)].reason
    assert omitted[str(portfolio.service.id)].kind == "it_service"
    assert omitted[str(portfolio.prod.id)].kind == "deployment"
    assert not sent & omitted.keys()
    # a chargeback handed over among the contracts is refused all the same
    snapshot = take_snapshot(namespace)
    snapshot.contracts.append({**snapshot.contracts[0], "id": "x", "kind": "internal_chargeback"})
    assert "x" not in records_of(mapping.portfolio_records(snapshot, OPTIONS))


def test_the_entity_comes_from_the_options_and_defaults_to_the_root(portfolio, namespace):
    snapshot = take_snapshot(namespace)
    assert {r.values["entities_id"] for r in mapping.portfolio_records(snapshot, object()).records} == {"0"}
    assert {
        r.values["entities_id"]
        for r in mapping.portfolio_records(snapshot, SimpleNamespace(entity_id=7)).records
    } == {"7"}


def test_the_same_portfolio_maps_to_the_same_records(portfolio, namespace):
    first = mapping.portfolio_records(take_snapshot(namespace), OPTIONS)
    again = mapping.portfolio_records(take_snapshot(namespace), OPTIONS)
    assert [record_hash(r) for r in first.records] == [record_hash(r) for r in again.records]
    assert first.relations == again.relations and first.omitted == again.omitted
    assert len({r.record_id for r in first.records}) == len(first.records)


@pytest.mark.parametrize(
    ("begin", "end", "months"),
    [
        (date(2026, 11, 29), date(2029, 11, 30), 36),
        (date(2023, 1, 1), date(2025, 12, 31), 36),
        (date(2026, 1, 31), date(2026, 2, 27), 0),
        (date(2026, 1, 31), date(2026, 2, 28), 1),
        (date(2026, 11, 29), date(2025, 1, 1), 0),  # already over
        (date(2026, 1, 1), date(2040, 1, 1), 120),  # GLPI's longest
    ],
)
def test_the_duration_is_whole_months_up_to_the_end_date(begin, end, months):
    assert months_between(begin, end) == months


def test_the_service_contract_starts_on_the_import_date(portfolio, namespace):
    refs = [
        Reference(IMPORT_DATE, "2029-11-30"),
        Reference(CONTRACT_MONTHS, "2029-11-30"),
        Reference("Manufacturer", "Dell"),
    ]
    assert clock_values(refs, date(2026, 11, 29)) == {refs[0]: "2026-11-29", refs[1]: "36"}


class ClockOnly:
    """A platform stand-in that answers only the clock references (what the GLPI platform's `resolve`
    does for them), so the sync engine's own comparison can be watched across days."""

    def __init__(self) -> None:
        self.today = date(2026, 11, 29)
        self.asked: list[Reference] = []

    def resolve(self, client, references, options, create=False):
        self.asked += list(references)
        return clock_values(references, self.today)


def test_a_republish_keeps_the_original_start_date(portfolio, namespace):
    platform = ClockOnly()
    comparer = Comparer(platform, None, OPTIONS)
    contract_id = derived_id(str(portfolio.server.id), "service-contract")

    def item(last: PlanItem | None = None, agreed: dict | None = None) -> PlanItem:
        """The plan item of the contract now, after a publish that agreed on `agreed` for `last`."""
        record = records_of(mapping.portfolio_records(take_snapshot(namespace), OPTIONS))[contract_id]
        if last is None:
            return PlanItem(record, record_hash(record))
        references = {name: reference_key(ref) for name, ref in last.record.references.items()}
        return PlanItem(record, record_hash(record), "42", "published", last.hash, agreed, references)

    def publish(planned: PlanItem) -> dict[str, str]:
        return comparer.portfolio_values([planned], create=True)[contract_id][0]

    first = item()
    agreed = publish(first)
    assert agreed == {"name": "srv-0009", "entities_id": "1", "begin_date": "2026-11-29", "duration": "36"}
    platform.today, platform.asked = date(2027, 3, 1), []
    later = item(first, agreed)
    assert later.unchanged  # the next day's plan holds no change: nothing is written
    assert publish(later) == agreed and platform.asked == []

    portfolio.server.name = "srv-0009-renamed"  # a change to the contract, not to its term
    portfolio.server.save()
    renamed = item(later, agreed)
    assert not renamed.unchanged
    values = publish(renamed)
    assert (values["name"], values["begin_date"], values["duration"]) == (
        "srv-0009-renamed",
        "2026-11-29",
        "36",
    )

    portfolio.server.service_end_date = date(2031, 3, 31)  # a new term: from that publish to the new end
    portfolio.server.save()
    extended = item(renamed, values)
    values = publish(extended)
    assert (values["begin_date"], values["duration"]) == ("2027-03-01", "49")


def test_take_into_the_portfolio_knows_the_fields_with_a_counterpart():
    assert mapping.portfolio_value("infrastructure_item", "serial", "X1") == ("serial_number", "X1")
    assert mapping.portfolio_value("operating_system", "licenseid", "K-1") == ("os_license", "K-1")
    assert mapping.portfolio_value("contract", "num", "CTR-1") == ("number", "CTR-1")
    assert mapping.portfolio_value("application", "externalidentifier", "APP-9") == ("app_id", "APP-9")
    assert mapping.portfolio_value("infrastructure_item", "entities_id", "1") is None
    assert mapping.portfolio_value("service_contract", "duration", "36") is None


def test_payload_types_values_for_the_wire():
    assert mapping.payload(
        {"name": "srv", "entities_id": "1", "duration": "36", "begin_date": "", "serial": "007"}
    ) == {
        "name": "srv",
        "entities_id": 1,
        "duration": 36,
        "begin_date": None,
        "serial": "007",
    }


def test_the_demo_portfolio_maps_whole(namespace):
    load_demo_portfolio(namespace.slug, DemoShape())
    snapshot = take_snapshot(namespace)
    assert len(snapshot.infrastructure) == 300
    for item in snapshot.infrastructure:
        assert item["serial_number"] and item["manufacturer"] and item["operating_system"]
        assert item["item_type"] and item["service_end_date"] and item["deployment_ids"]
    assert sum(1 for i in snapshot.infrastructure if i["os_license"]) > 100
    result = mapping.portfolio_records(snapshot, OPTIONS)
    kinds = {r.kind for r in result.records}
    assert kinds == {
        "supplier",
        "infrastructure_item",
        "operating_system",
        "service_contract",
        "software",
        "software_product",
        "application",
        "contract",
    }
    by_kind = {k: sum(1 for r in result.records if r.kind == k) for k in kinds}
    assert by_kind["infrastructure_item"] == by_kind["operating_system"] == by_kind["service_contract"] == 300
    assert by_kind["application"] == 300 and by_kind["software_product"] == len(snapshot.products)
    assert by_kind["contract"] == len(snapshot.contracts) and snapshot.internal_contracts
    # each machine runs the two deployments of one application
    assert len([r for r in result.relations if r.step == "appliance_items"]) == 300


@pytest.mark.parametrize(
    ("api", "itemtype", "item_id", "url"),
    [
        (
            "https://glpi.example.org/apirest.php",
            "Computer",
            "7",
            "https://glpi.example.org/front/computer.form.php?id=7",
        ),
        (
            "https://h/glpi/apirest.php/",
            "Item_OperatingSystem",
            "2",
            "https://h/glpi/front/item_operatingsystem.form.php?id=2",
        ),
        ("https://h/apirest.php", "Computer.items_id", "2", None),
        ("https://h/apirest.php", "Computer", "../2", None),
        ("https://h/apirest.php", "Computer", "", None),
    ],
)
def test_an_items_page_in_glpi_is_beside_its_api(api, itemtype, item_id, url):
    assert form_url(api, itemtype, item_id) == url
