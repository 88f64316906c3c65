"""Cutting a plan into Identify and Reconcile payloads: at most the connection's batch size (never more
than 500 items or 5 MB), an application travelling with its deployments and their relationships, and
records the payload only points at sent as references (by sys_id when known)."""

import json
from dataclasses import dataclass, field
from typing import Any

from sync.plan import Plan, PlanItem

MAX_ITEMS = 500
MAX_BYTES = 5 * 1024 * 1024
ITEM_OVERHEAD = 300  # className, internal_id, sys_object_source_info keys and the data source name
RELATION_OVERHEAD = len(json.dumps({"parent_id": "", "child_id": "", "type": ""})) + 1
CI_STEPS = ("shared_services", "local_services", "applications", "deployments")


@dataclass
class Batch:
    items: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    sent: list[PlanItem] = field(default_factory=list)  # plan items sent in full, in order
    present: set[str] = field(default_factory=set)  # record ids with an item in this payload
    bytes: int = 0  # the payload's JSON size, kept up to date as parts are added

    def payload(self) -> dict[str, Any]:
        return {"items": self.items, "relations": self.relations}

    def add_item(self, item: dict[str, Any], record_id: str, values_size: int = 0) -> None:
        self.items.append(item)
        self.present.add(record_id)
        self.bytes += (
            ITEM_OVERHEAD + len(record_id) * 2 + values_size if values_size else len(json.dumps(item)) + 1
        )

    def add_relation(self, relation: dict[str, str]) -> None:
        self.relations.append(relation)
        self.bytes += RELATION_OVERHEAD + sum(len(v) for v in relation.values())


def ire_item(item: PlanItem, data_source: str) -> dict[str, Any]:
    return {
        "className": item.class_name,
        "internal_id": item.record_id,
        "values": item.values,
        "sys_object_source_info": {"source_name": data_source, "source_native_key": item.record_id},
    }


def reference_item(item: PlanItem) -> dict[str, Any]:
    """A record the payload only points at (a matched offering, an unchanged application)."""
    return {"className": item.class_name, "internal_id": item.record_id, "values": {"sys_id": item.sys_id}}


def to_send(item: PlanItem, include_unchanged: bool) -> bool:
    return item.step in CI_STEPS and not item.matched and (include_unchanged or not item.unchanged)


def ire_batches(plan: Plan, batch_size: int, include_unchanged: bool = False) -> list[Batch]:
    limit = max(1, min(batch_size, MAX_ITEMS))
    relations_of: dict[str, list] = {}
    for relation in plan.relations:
        relations_of.setdefault(
            relation.child if relation.step == "app_to_instance" else relation.parent, []
        ).append(relation)
    batches: list[Batch] = []

    def current() -> Batch:
        if not batches:
            batches.append(Batch())
        return batches[-1]

    def ensure(batch: Batch, record_id: str) -> None:
        if record_id in batch.present:
            return
        item = plan.item(record_id)
        if item is None:
            return
        batch.add_item(reference_item(item) if item.sys_id else ire_item(item, plan.data_source), record_id)

    services = [
        i
        for i in plan.items
        if i.step in ("shared_services", "local_services") and to_send(i, include_unchanged)
    ]
    for service in services:
        if len(current().items) >= limit:
            batches.append(Batch())
        batch = current()
        batch.add_item(ire_item(service, plan.data_source), service.record_id, service.size)
        batch.sent.append(service)
    groups: dict[str, list[PlanItem]] = {}
    for item in plan.items:
        if item.step == "applications":
            groups.setdefault(item.record_id, []).insert(0, item)
        elif item.step == "deployments":
            groups.setdefault(item.group, []).append(item)
    for members in groups.values():
        sending = [m for m in members if to_send(m, include_unchanged)]
        if not sending:
            continue
        needed = {
            r.parent if r.child == m.record_id else r.child
            for m in sending
            for r in relations_of.get(m.record_id, [])
        }
        if batches and len(current().items) + len(sending) + len(needed - current().present) > limit:
            batches.append(Batch())
        batch = current()
        for member in sending:
            batch.add_item(ire_item(member, plan.data_source), member.record_id, member.size)
            batch.sent.append(member)
        for member in sending:
            if member.step != "deployments":
                continue
            for relation in relations_of.get(member.record_id, []):
                ensure(batch, relation.parent)
                ensure(batch, relation.child)
                batch.add_relation(
                    {"parent_id": relation.parent, "child_id": relation.child, "type": relation.type}
                )
        if batch.bytes > MAX_BYTES:
            raise ValueError("An application with its deployments does not fit in one 5 MB payload.")
    return [b for b in batches if b.items]
