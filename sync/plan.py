"""The publish plan: from the portfolio and the sync map, the ordered steps of a publish, each record's
payload and hash, the relationships, and what is not published (and why). The preview and the publish
job execute the same plan.

Identity (what a record is in the target) is the sync map's sys_id, else the source native key (the
record's UUID); what is compared is the payload's values, hashed.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from integrations.models import Connection
from integrations.servicenow import mapping
from integrations.servicenow.options import ServiceNowOptions
from sync.models import RecordKind, SyncMapEntry
from sync.snapshot import Snapshot, take_snapshot

STEPS = (
    ("shared_services", "Shared IT services → technical service offerings"),
    ("local_services", "Local IT services → technical services"),
    ("software_products", "Software products → software models"),
    ("applications", "Business applications"),
    ("deployments", "Deployment profiles → service instances"),
    ("app_to_instance", "Business application → service instance"),
    ("instance_to_service", "Service instance → IT service"),
)
STEP_TITLES = dict(STEPS)
RUNS_ON_REASON = (
    "A software model is not a CI, so “Runs on” cannot be a CI relationship; "
    "the product is published as a model."
)


@dataclass(frozen=True)
class PlanItem:
    step: str
    kind: str
    record_id: str
    name: str
    class_name: str
    values: dict[str, str]
    hash: str
    sys_id: str = ""  # from the sync map
    direction: str = ""  # subscribed or published, when mapped
    last_hash: str = ""
    group: str = ""  # the application a deployment belongs to (batches keep them together)
    related: tuple[str, ...] = ()  # record ids this item's relations point to
    size: int = 0  # bytes of the values as JSON (for payload size limits)

    @property
    def unchanged(self) -> bool:
        return bool(self.sys_id) and self.hash == self.last_hash

    @property
    def matched(self) -> bool:
        """Matched to a record someone else owns: used for relations, never written."""
        return self.direction == "subscribed"


@dataclass(frozen=True)
class PlanRelation:
    step: str
    parent: str  # record id
    child: str  # record id
    type: str


@dataclass(frozen=True)
class NotPublished:
    kind: str
    record_id: str
    name: str
    reason: str


@dataclass
class Plan:
    data_source: str
    items: list[PlanItem] = field(default_factory=list)
    relations: list[PlanRelation] = field(default_factory=list)
    not_published: list[NotPublished] = field(default_factory=list)

    def by_step(self, step: str) -> list[PlanItem]:
        return [i for i in self.items if i.step == step]

    def item(self, record_id: str) -> PlanItem | None:
        return self._index.get(record_id)

    def __post_init__(self) -> None:
        self._index: dict[str, PlanItem] = {}

    def add(self, item: PlanItem) -> None:
        self.items.append(item)
        self._index[item.record_id] = item


def payload_hash(class_name: str, values: dict[str, str], related: tuple[str, ...] = ()) -> str:
    return _hash_and_size(class_name, values, related)[0]


def _hash_and_size(class_name: str, values: dict[str, str], related: tuple[str, ...]) -> tuple[str, int]:
    text = json.dumps(
        {"class": class_name, "values": values, "related": related}, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(text.encode()).hexdigest(), len(text)


def sync_map(connection: Connection) -> dict[tuple[str, str], SyncMapEntry]:
    """The connection's sync map by (kind, record id)."""
    return {(e.kind, str(e.record_id)): e for e in SyncMapEntry.objects.filter(connection=connection)}


def build_plan(connection: Connection, snapshot: Snapshot | None = None) -> Plan:
    options = ServiceNowOptions.from_dict(connection.options)
    snapshot = snapshot or take_snapshot(connection.namespace)
    synced = sync_map(connection)
    plan = Plan(options.data_source)

    def add(
        step: str,
        kind: str,
        record: dict[str, Any],
        class_name: str,
        values: dict[str, str],
        group: str = "",
        related: tuple[str, ...] = (),
    ) -> None:
        entry = synced.get((kind, record["id"]))
        digest, size = _hash_and_size(class_name, values, related)
        plan.add(
            PlanItem(
                step,
                kind,
                record["id"],
                record["name"],
                class_name,
                values,
                digest,
                sys_id=entry.target_sys_id if entry else "",
                direction=entry.direction if entry else "",
                last_hash=entry.last_hash if entry else "",
                group=group,
                related=related,
                size=size,
            )
        )

    for service in snapshot.services:
        shared = service["scope"] == "shared"
        add(
            "shared_services" if shared else "local_services",
            RecordKind.IT_SERVICE,
            service,
            mapping.SHARED_SERVICE_CLASS if shared else mapping.LOCAL_SERVICE_CLASS,
            mapping.it_service(service, options.data_source),
        )
    for product in snapshot.products:
        add(
            "software_products",
            RecordKind.SOFTWARE_PRODUCT,
            product,
            mapping.SOFTWARE_MODEL_TABLE,
            mapping.software_model(product),
        )
    products = {p["id"]: p for p in snapshot.products}
    for app in snapshot.applications:
        add(
            "applications",
            RecordKind.APPLICATION,
            app,
            "cmdb_ci_business_app",
            mapping.business_application(app, options.data_source),
        )
        for deployment in app["deployments"]:
            class_name = mapping.CLASS_BY_SCOPE.get(deployment["servicenow_sync_scope"])
            if class_name is None:
                plan.not_published.append(
                    NotPublished(
                        RecordKind.DEPLOYMENT, deployment["id"], deployment["name"], "Sync scope is “none”."
                    )
                )
                continue
            related = (
                app["id"],
                options.business_app_to_service,
                *deployment["service_ids"],
                options.service_to_offering,
            )
            add(
                "deployments",
                RecordKind.DEPLOYMENT,
                deployment,
                class_name,
                mapping.service_instance(deployment, options.data_source, class_name),
                group=app["id"],
                related=related,
            )
            plan.relations.append(
                PlanRelation("app_to_instance", app["id"], deployment["id"], options.business_app_to_service)
            )
            for service_id in deployment["service_ids"]:
                plan.relations.append(
                    PlanRelation(
                        "instance_to_service", deployment["id"], service_id, options.service_to_offering
                    )
                )
            for product_id in deployment["product_ids"]:
                product = products[product_id]
                plan.not_published.append(
                    NotPublished(
                        "runs_on",
                        f"{deployment['id']}:{product_id}",
                        f"{deployment['name']} runs on {product['name']} {product['version']}".strip(),
                        RUNS_ON_REASON,
                    )
                )
    for contract in snapshot.contracts:
        plan.not_published.append(
            NotPublished(
                "contract",
                contract["id"],
                contract["name"],
                "Vendor contracts are not part of the CSDM publish sequence.",
            )
        )
    return plan
