"""Portfolio values → HaloITSM records, declared once. Every function takes plain data (never ORM rows)
and returns the compared `values` of one record, all strings (typed again only on the wire, see
`payload`).

Halo's asset (`Device`) has no name: an asset is named by its type's first key field (`key_field`) and
tagged by `inventory_number`, which is how a re-created or adopted asset is identified."""

from typing import Any

from integrations.base.platform import Mapping, Omitted, Record, Reference, Relation, Step, TargetRef

ASSET, SERVICE, SUPPLIER, CONTRACT, CLIENT = "Asset", "Service", "Supplier", "ClientContract", "Client"
UNMAPPED_REASON = "Map the Halo asset types first (matching wizard)."
NOT_PUBLISHED_REASON = "Publish as “Not published”."
# Halo's asset tag of the records that have no number of their own: stable, and the product's own
INVENTORY_PREFIX = "PB-"

STEPS = (
    Step("services", "IT services → services"),
    Step("software", "Software products → software assets"),
    Step("applications", "Business applications → assets"),
    Step("deployments", "Deployment profiles → application-instance assets"),
    Step("contracts", "Vendor contracts → client contracts"),
    Step("instance_to_application", "Application instance → business application", relations=True),
    Step("instance_to_service", "Application instance → service", relations=True),
    Step("instance_to_software", "Application instance → software", relations=True),
    Step("contract_to_application", "Client contract → assets covered", relations=True),
)
ASSET_STEPS = ("software", "applications", "deployments")
# relation step → the field of the carrying record that holds it
LINK_FIELDS = {
    "instance_to_application": "parent_id",
    "instance_to_service": "services",
    "instance_to_software": "child_assets",
    "contract_to_application": "assets",
}
# the list fields each step's records hold their links in
LIST_LINKS = {"deployments": ("services", "child_assets"), "contracts": ("assets",)}
INT_FIELDS = frozenset({"assettype_id", "supplier_id", "client_id", "site_id", "status_id", "parent_id"})
BOOL_FIELDS = frozenset({"inactive"})
DATE_FIELDS = frozenset({"start_date", "end_date"})
KEEP_ASSET_ON_ADOPT = frozenset({"key_field", "inventory_number"})
KEEP_SERVICE_ON_ADOPT = frozenset({"name"})
KEEP_CONTRACT_ON_ADOPT = frozenset({"ref"})
# fields the product publishes whose value a portfolio attribute stands for ("take into the portfolio")
PORTFOLIO_FIELDS = {
    "application": {"key_field": "name", "notes": "short_description"},
    "deployment": {"key_field": "name", "key_field2": "version"},
    "software_product": {"key_field": "name", "key_field2": "version", "notes": "manufacturer"},
    "it_service": {"name": "name", "summary": "description"},
    "contract": {"ref": "name"},
}
INACTIVE = frozenset({"retired", "non_operational"})
SUMMARY_LENGTH = 255


def _clean(values: dict[str, Any]) -> dict[str, str]:
    return {k: "" if v is None else str(v) for k, v in values.items()}


def _inactive(status: str) -> str:
    return "true" if status in INACTIVE else "false"


def tag(record_id: str) -> str:
    """The inventory number of a record that has none of its own (deployments, software)."""
    return f"{INVENTORY_PREFIX}{record_id}"


def business_application(app: dict[str, Any], type_id: int) -> dict[str, str]:
    return _clean(
        {
            "assettype_id": type_id,
            "inventory_number": app["app_id"],
            "key_field": app["name"],
            "notes": app["short_description"],
            "inactive": _inactive(app["operational_status"]),
        }
    )


def application_instance(deployment: dict[str, Any], type_id: int) -> dict[str, str]:
    return _clean(
        {
            "assettype_id": type_id,
            "inventory_number": tag(deployment["id"]),
            "key_field": deployment["name"],
            "key_field2": deployment["version"],
            "notes": f"{deployment['environment']} · {deployment['hosting_type']}".strip(" ·"),
            "inactive": _inactive(deployment["operational_status"]),
        }
    )


def software_asset(product: dict[str, Any], type_id: int) -> dict[str, str]:
    return _clean(
        {
            "assettype_id": type_id,
            "inventory_number": tag(product["id"]),
            "key_field": product["name"],
            "key_field2": product["version"],
            "notes": product["manufacturer"],
        }
    )


def service(item: dict[str, Any]) -> dict[str, str]:
    return _clean({"name": item["name"], "summary": (item["description"] or "")[:SUMMARY_LENGTH]})


def contract(item: dict[str, Any]) -> dict[str, str]:
    """Halo's client contract has a reference (`ref`), not a name; the vendor's number, cost and
    supplier go to its note."""
    parts = [
        f"Vendor contract {item['number']}" if item["number"] else "",
        f"supplier {item['supplier_name']}" if item.get("supplier_name") else "",
        f"annual cost {item['annual_cost']} {item['currency']}".strip() if item["annual_cost"] else "",
    ]
    return _clean(
        {
            "ref": item["name"],
            "start_date": item["start_date"],
            "end_date": item["end_date"],
            "note": "; ".join(p for p in parts if p),
        }
    )


def default_client() -> Reference:
    """Halo files assets and contracts under a client (customer); the product uses the instance's first
    one (its own organisation on an ITSM instance)."""
    return Reference(CLIENT, "")


def portfolio_records(snapshot: Any, options: Any) -> Mapping:
    """The portfolio in Halo's terms: records, the links they carry, and what is not published (and
    why). A role whose asset type is not mapped yet publishes nothing."""
    result = Mapping()
    types = {role: options.asset_type(role) for role in ("business_application", "application_instance")}
    software_type = options.asset_type("software")

    def add(
        step: str, kind: str, item: dict, type_: str, values: dict, identity: frozenset[str], **extra: Any
    ) -> None:
        result.records.append(
            Record(step, kind, item["id"], item["name"], type_, values, identity=identity, **extra)
        )

    def omit(kind: str, item: dict, reason: str = UNMAPPED_REASON) -> None:
        result.omitted.append(Omitted(kind, item["id"], item["name"], reason))

    client = {"client_id": default_client()}
    for item in snapshot.services:
        add("services", "it_service", item, SERVICE, service(item), KEEP_SERVICE_ON_ADOPT)
    for product in snapshot.products:
        if software_type is None:
            omit("software_product", product)
            continue
        references = dict(client)
        if product.get("manufacturer"):
            references["supplier_id"] = Reference(SUPPLIER, product["manufacturer"])
        values = software_asset(product, software_type)
        add(
            "software", "software_product", product, ASSET, values, KEEP_ASSET_ON_ADOPT, references=references
        )
    published_products = {p["id"] for p in snapshot.products} if software_type else set()
    for app in snapshot.applications:
        app_type, instance_type = types["business_application"], types["application_instance"]
        if app_type is None:
            omit("application", app)
            for deployment in app["deployments"]:
                omit("deployment", deployment)
            continue
        references = dict(client)
        if app.get("vendor_name"):
            references["supplier_id"] = Reference(SUPPLIER, app["vendor_name"])
        values = business_application(app, app_type)
        add("applications", "application", app, ASSET, values, KEEP_ASSET_ON_ADOPT, references=references)
        for deployment in app["deployments"]:
            if deployment["publish_as"] == "none":
                omit("deployment", deployment, NOT_PUBLISHED_REASON)
                continue
            if instance_type is None:
                omit("deployment", deployment)
                continue
            products = [p for p in deployment["product_ids"] if p in published_products]
            links = [
                Relation("instance_to_application", deployment["id"], app["id"], "Instance of"),
                *(
                    Relation("instance_to_service", deployment["id"], s, "Provides")
                    for s in deployment["service_ids"]
                ),
                *(Relation("instance_to_software", deployment["id"], p, "Runs") for p in products),
            ]
            add(
                "deployments",
                "deployment",
                deployment,
                ASSET,
                application_instance(deployment, instance_type),
                KEEP_ASSET_ON_ADOPT,
                references=dict(client),
                group=app["id"],
                related=tuple(f"{r.step}:{r.child}" for r in links),
            )
            result.relations += links
    published_apps = {r.record_id for r in result.records if r.kind == "application"}
    for item in snapshot.contracts:
        covered = [a for a in item["application_ids"] if a in published_apps]
        add(
            "contracts",
            "contract",
            item,
            CONTRACT,
            contract(item),
            KEEP_CONTRACT_ON_ADOPT,
            references=dict(client),
            related=tuple(covered),
        )
        result.relations += [Relation("contract_to_application", item["id"], a, "Covers") for a in covered]
    return result


def portfolio_value(kind: str, field_name: str, value: str) -> tuple[str, str] | None:
    attribute = PORTFOLIO_FIELDS.get(kind, {}).get(field_name)
    return (attribute, value) if attribute else None


def typed(name: str, value: str) -> Any:
    """A compared value as Halo's JSON wants it: ids as numbers, flags as booleans, empty as null."""
    if name in INT_FIELDS:
        return int(value) if value.strip().lstrip("-").isdigit() else None
    if name in BOOL_FIELDS:
        return value.strip().lower() == "true"
    if name in DATE_FIELDS:  # Halo's dates are date-times
        return f"{value}T00:00:00Z" if len(value) == 10 else value or None
    return value


def payload(values: dict[str, str]) -> dict[str, Any]:
    return {name: typed(name, value) for name, value in values.items()}


def text(name: str, value: Any) -> str:
    """A value Halo answered, as the mapping writes it (so an unchanged record compares equal)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if name in DATE_FIELDS:
        return str(value)[:10]
    return str(value)


def link_ref(ref: TargetRef) -> tuple[TargetRef, str, str] | None:
    """(the record holding a link, its field, the linked id) of a link's ref, or None for a record's."""
    if "." not in ref.type or ":" not in ref.id:
        return None
    resource, field = ref.type.split(".", 1)
    carrier, other = ref.id.split(":", 1)
    if field not in LINK_FIELDS.values():
        return None
    return TargetRef(resource, carrier), field, other
