"""Identify and Reconcile payloads: at most the connection's batch size (never more than 500 items or
5 MB), records the payload only points at sent as references by sys_id."""

import json
from dataclasses import dataclass, field
from typing import Any

from integrations.base.platform import Record

MAX_ITEMS = 500
MAX_BYTES = 5 * 1024 * 1024
ITEM_OVERHEAD = 300  # className, internal_id, sys_object_source_info keys and the data source name
RELATION_OVERHEAD = len(json.dumps({"parent_id": "", "child_id": "", "type": ""})) + 1


@dataclass
class Batch:
    items: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    sent: list[Any] = field(default_factory=list)  # what was sent in full, in order
    present: set[str] = field(default_factory=set)  # record ids with an item in this payload
    bytes: int = 0  # the payload's JSON size, kept up to date as parts are added

    def add_item(self, item: dict[str, Any], record_id: str) -> None:
        self.items.append(item)
        self.present.add(record_id)
        self.bytes += ITEM_OVERHEAD + len(json.dumps(item.get("values", {})))

    def add_relation(self, relation: dict[str, str]) -> None:
        self.relations.append(relation)
        self.bytes += RELATION_OVERHEAD + sum(len(v) for v in relation.values())

    def full(self, limit: int, adding: int = 1) -> bool:
        return bool(self.items) and (len(self.items) + adding > limit or self.bytes > MAX_BYTES // 2)


def ire_item(record: Record, values: dict[str, str], data_source: str, sys_id: str = "") -> dict[str, Any]:
    """A mapped record names its CI by sys_id, so that an adopted record whose name differs (or whose
    name is not sent) is still the one updated."""
    return {
        "className": record.target_type,
        "internal_id": record.record_id,
        "values": {**values, "sys_id": sys_id} if sys_id else dict(values),
        "sys_object_source_info": {"source_name": data_source, "source_native_key": record.record_id},
    }


def reference_item(class_name: str, record_id: str, sys_id: str) -> dict[str, Any]:
    """A record the payload only points at (an end of a relationship)."""
    return {"className": class_name, "internal_id": record_id, "values": {"sys_id": sys_id}}


def limit_of(batch_size: int) -> int:
    return max(1, min(batch_size, MAX_ITEMS))
