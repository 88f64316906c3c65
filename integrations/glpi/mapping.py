"""The portfolio → GLPI records, declared once (no HTTP: the platform resolves, reads and writes). Every
function takes plain data (the snapshot, never ORM rows) and returns the compared `values` of one
record as strings, under the field names GLPI's API takes (`sandbox/itemtypes.py`); `payload` types
them for the wire.

Dropdown values (computer types, manufacturers, models, operating systems and their versions) are
`Reference`s by name, resolved in one batch before anything is compared (looked up first, created only
when missing, so never duplicated). Links between records are `Relation`s carried by the record written
later: a field of it (`LINK_FIELDS`: an OS install's computer, a version's software) or a GLPI relation
item (`RELATION_ITEMS`: Appliance_Item, Contract_Item, Contract_Supplier). The inventory half (seed
001's mapping, and how the service contract keeps its start date) is in `mapping_inventory`."""

import uuid
from typing import Any

from integrations.base.platform import Mapping, Omitted, Record, Reference, Relation, Step
from integrations.glpi.mapping_inventory import (  # noqa: F401  (clock_values: the platform's resolve)
    CLOCK_KINDS,
    COMPUTER,
    CONTRACT,
    MANUFACTURER,
    clock_values,
    contract_months,
    inventory_records,
)

SUPPLIER, SOFTWARE, SOFTWARE_VERSION, APPLIANCE = "Supplier", "Software", "SoftwareVersion", "Appliance"
APPLIANCE_TYPE, BUSINESS_APPLICATION = "ApplianceType", "Business application"

STEPS = (
    Step("suppliers", "Suppliers → suppliers"),
    Step("computers", "Infrastructure items → computers"),
    Step("operating_systems", "Operating systems → computers' operating systems"),
    Step("service_contracts", "Service end dates → service contracts"),
    Step("software", "Software products → software"),
    Step("software_versions", "Software products → software versions"),
    Step("appliances", "Business applications → appliances"),
    Step("contracts", "Vendor contracts → contracts"),
    Step("os_of_computer", "Operating system → computer", relations=True),
    Step("version_of_software", "Software version → software", relations=True),
    Step("appliance_items", "Appliance → computers it runs on", relations=True),
    Step("contract_items", "Contract → items covered", relations=True),
    Step("contract_suppliers", "Contract → supplier", relations=True),
)
# relation step → the field of the carrying record (the parent) that holds the child's id
LINK_FIELDS = {"os_of_computer": "items_id", "version_of_software": "softwares_id"}
# relation step → (GLPI relation itemtype, the parent's field, the child's field); a relation whose child
# field is `items_id` also sends `itemtype` = the relation's type
RELATION_ITEMS = {
    "appliance_items": ("Appliance_Item", "appliances_id", "items_id"),
    "contract_items": ("Contract_Item", "contracts_id", "items_id"),
    "contract_suppliers": ("Contract_Supplier", "contracts_id", "suppliers_id"),
}
INT_FIELDS = frozenset(
    {
        "entities_id",
        "items_id",
        "softwares_id",
        "duration",
        "computertypes_id",
        "manufacturers_id",
        "computermodels_id",
        "operatingsystems_id",
        "operatingsystemversions_id",
        "appliancetypes_id",
    }
)
DATE_FIELDS = frozenset({"begin_date"})
# an adopted record stays in its own entity (moving it is a GLPI transfer, not an update)
KEEP_NAME_ON_ADOPT = frozenset({"entities_id", "name"})
KEEP_APPLIANCE_ON_ADOPT = frozenset({"entities_id", "name", "externalidentifier"})
KEEP_CONTRACT_ON_ADOPT = frozenset({"entities_id", "name", "num"})
CHARGEBACK_REASON = "An internal chargeback contract is never sent to GLPI."
SERVICE_REASON = "GLPI's inventory has no IT service record (seed 001 maps none)."
DEPLOYMENT_REASON = (
    "GLPI has no deployment record: its application (appliance) is linked to the computers it runs on."
)
NO_VERSION_REASON = "It has no version: only its software is published."
# a fixed namespace for the ids of software records, which stand for every product of one name
SOFTWARE_NAMESPACE = uuid.UUID("5d1f8c1e-3c1b-4f7e-9a54-6a0c2f1de7b1")
# fields the product publishes whose value a portfolio attribute stands for ("take into the portfolio")
PORTFOLIO_FIELDS = {
    "infrastructure_item": {"name": "name", "serial": "serial_number"},
    "operating_system": {"licenseid": "os_license"},
    "application": {"name": "name", "comment": "short_description", "externalidentifier": "app_id"},
    "software_product": {"name": "version"},
    "supplier": {"name": "name"},
    "contract": {"name": "name", "num": "number", "begin_date": "start_date"},
}


def steps() -> list[Step]:
    return list(STEPS)


def entity_of(options: Any) -> int:
    """The entity the product publishes into (seed 001: a sub-entity under the root); 0 when unset."""
    return int(getattr(options, "entity_id", 0) or 0)


def software_id(name: str) -> str:
    """The record id of the Software of every product named `name` (case-insensitive)."""
    return str(uuid.uuid5(SOFTWARE_NAMESPACE, name.strip().casefold()))


def appliance(app: dict[str, Any], entity_id: int) -> dict[str, str]:
    return {
        "name": app["name"],
        "externalidentifier": app["app_id"] or "",
        "comment": app["short_description"] or "",
        "entities_id": str(entity_id),
    }


def vendor_contract(item: dict[str, Any], entity_id: int) -> dict[str, str]:
    """A vendor contract as a GLPI Contract: GLPI has no end date, only a duration in months."""
    cost = f"Annual cost {item['annual_cost']} {item['currency']}".strip() if item["annual_cost"] else ""
    return {
        "name": item["name"],
        "num": item["number"] or "",
        "begin_date": item["start_date"] or "",
        "duration": contract_months(item["start_date"], item["end_date"]),
        "comment": cost,
        "entities_id": str(entity_id),
    }


class _Builder:
    """Collects records, relations and omissions; `has` answers in O(1) whether a record is published."""

    def __init__(self) -> None:
        self.result = Mapping()
        self.published: set[str] = set()

    def add(self, record: Record) -> None:
        self.result.records.append(record)
        self.published.add(record.record_id)

    def omit(self, kind: str, item: dict[str, Any], reason: str) -> None:
        self.result.omitted.append(Omitted(kind, item["id"], item["name"], reason))

    def link(self, step: str, parent: str, child: str, type_: str) -> None:
        self.result.relations.append(Relation(step, parent, child, type_))


def portfolio_records(snapshot: Any, options: Any) -> Mapping:
    """The portfolio in GLPI's terms, in a fixed order (the same snapshot maps to the same records),
    in linear time: lookups go through dicts built once."""
    entity = entity_of(options)
    out = _Builder()
    for supplier in getattr(snapshot, "suppliers", []):
        values = {"name": supplier["name"], "entities_id": str(entity)}
        out.add(
            Record(
                "suppliers",
                "supplier",
                supplier["id"],
                supplier["name"],
                SUPPLIER,
                values,
                identity=KEEP_NAME_ON_ADOPT,
            )
        )
    _inventory(out, getattr(snapshot, "infrastructure", []), entity)
    _software(out, snapshot.products, entity)
    _applications(out, snapshot, entity)
    _contracts(out, snapshot, entity)
    for service in snapshot.services:
        out.omit("it_service", service, SERVICE_REASON)
    return out.result


def _inventory(out: _Builder, items: list[dict[str, Any]], entity: int) -> None:
    for item in items:
        records, missing = inventory_records(item, entity)
        out.result.omitted += missing
        for record in records:
            out.add(record)
            if record.step == "operating_systems":
                out.link("os_of_computer", record.record_id, item["id"], COMPUTER)
            elif record.step == "service_contracts":
                out.link("contract_items", record.record_id, item["id"], COMPUTER)


def _software(out: _Builder, products: list[dict[str, Any]], entity: int) -> None:
    """One Software per product name (GLPI lists versions under it), one SoftwareVersion per product."""
    for product in products:
        software = software_id(product["name"])
        if software not in out.published:
            references = {}
            if product["manufacturer"]:
                references["manufacturers_id"] = Reference(MANUFACTURER, product["manufacturer"])
            values = {"name": product["name"], "entities_id": str(entity)}
            out.add(
                Record(
                    "software",
                    "software",
                    software,
                    product["name"],
                    SOFTWARE,
                    values,
                    references,
                    identity=KEEP_NAME_ON_ADOPT,
                )
            )
        if not product["version"]:
            out.omit("software_product", product, NO_VERSION_REASON)
            continue
        values = {"name": product["version"], "entities_id": str(entity)}
        name = f"{product['name']} {product['version']}"
        out.add(
            Record(
                "software_versions",
                "software_product",
                product["id"],
                name,
                SOFTWARE_VERSION,
                values,
                group=software,
                related=(f"version_of_software:{software}",),
                identity=KEEP_NAME_ON_ADOPT,
            )
        )
        out.link("version_of_software", product["id"], software, SOFTWARE)


def _applications(out: _Builder, snapshot: Any, entity: int) -> None:
    """Applications → appliances, each linked to the computers any of its deployments runs on."""
    app_of = {d["id"]: app["id"] for app in snapshot.applications for d in app["deployments"]}
    hosts: dict[str, set[str]] = {}
    for item in getattr(snapshot, "infrastructure", []):
        for deployment_id in item["deployment_ids"]:
            app_id = app_of.get(deployment_id)
            if app_id is not None and item["id"] in out.published:
                hosts.setdefault(app_id, set()).add(item["id"])
    kind = {"appliancetypes_id": Reference(APPLIANCE_TYPE, BUSINESS_APPLICATION)}
    for app in snapshot.applications:
        computers = sorted(hosts.get(app["id"], ()))
        out.add(
            Record(
                "appliances",
                "application",
                app["id"],
                app["name"],
                APPLIANCE,
                appliance(app, entity),
                dict(kind),
                related=tuple(f"appliance_items:{c}" for c in computers),
                identity=KEEP_APPLIANCE_ON_ADOPT,
            )
        )
        for computer in computers:
            out.link("appliance_items", app["id"], computer, COMPUTER)
        for deployment in app["deployments"]:
            out.omit("deployment", deployment, DEPLOYMENT_REASON)


def _contracts(out: _Builder, snapshot: Any, entity: int) -> None:
    """Vendor contracts → contracts, linked to their supplier and to the appliances and software they
    cover; internal chargebacks never leave the portfolio."""
    products = {p["id"]: p for p in snapshot.products}
    for item in getattr(snapshot, "internal_contracts", []):
        out.omit("contract", item, CHARGEBACK_REASON)
    for item in snapshot.contracts:
        if item.get("kind") == "internal_chargeback":
            out.omit("contract", item, CHARGEBACK_REASON)
            continue
        links: list[tuple[str, str, str]] = []
        supplier = item.get("supplier_id") or ""
        if supplier in out.published:
            links.append(("contract_suppliers", supplier, SUPPLIER))
        links += [("contract_items", a, APPLIANCE) for a in item["application_ids"] if a in out.published]
        covered = {software_id(products[p]["name"]) for p in item.get("product_ids", []) if p in products}
        links += [("contract_items", s, SOFTWARE) for s in sorted(covered) if s in out.published]
        out.add(
            Record(
                "contracts",
                "contract",
                item["id"],
                item["name"],
                CONTRACT,
                vendor_contract(item, entity),
                related=tuple(f"{step}:{child}" for step, child, _ in links),
                identity=KEEP_CONTRACT_ON_ADOPT,
            )
        )
        for step, child, type_ in links:
            out.link(step, item["id"], child, type_)


def portfolio_value(kind: str, field_name: str, value: str) -> tuple[str, str] | None:
    """The portfolio attribute a GLPI field's value stands for ("take into the portfolio"), or None."""
    attribute = PORTFOLIO_FIELDS.get(kind, {}).get(field_name)
    return (attribute, value) if attribute else None


def typed(name: str, value: str) -> Any:
    """A compared value as GLPI's JSON takes it: ids and months as numbers, an empty date as null."""
    if name in INT_FIELDS:
        return int(value) if value.strip().lstrip("-").isdigit() else 0
    if name in DATE_FIELDS:
        return value or None
    return value


def payload(values: dict[str, str]) -> dict[str, Any]:
    return {name: typed(name, value) for name, value in values.items()}


def text(value: Any) -> str:
    """A value GLPI answered, as the mapping writes it (so an unchanged record compares equal)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
