"""POST (upsert by id) and DELETE: the whole batch is checked first, then saved under one lock, and
asset changes are handed to the webhook dispatcher."""

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

from .errors import not_found, rule
from .resources import MASK, RESOURCES, Resource
from .store import HaloStore
from .validation import check_rules, check_types

ChangeListener = Callable[[str, str, dict[str, Any]], None]  # resource, event, record
DEFAULTS: dict[str, dict[str, Any]] = {
    "Asset": {"inactive": False, "status_id": 1, "inventory_number": "", "fields": [], "customfields": []},
    "Webhook": {
        "active": True,
        "method": 0,
        "type": 0,
        "authentication_type": 0,
        "content_type": "application/json",
    },
    "Tickets": {"status_id": 4},  # "New" in the demo statuses
    "Actions": {"outcome": "Note"},
}
CASCADES = {"tickets": ("actions", "ticket_id")}
# Flags that ask for something instead of being stored: saving a webhook with `_test` true sends it a
# test delivery (the listener hears the event "tested").
TRANSIENT = {"Webhook": "_test"}


class Writer:
    def __init__(self, store: HaloStore, listener: ChangeListener | None = None) -> None:
        self.store = store
        self.listener = listener

    def upsert(self, resource: Resource, items: list[Any]) -> list[dict[str, Any]]:
        """Create the items without an id (or id <= 0), update those with one; all or nothing."""
        key = resource.name.lower()
        items = check_types(resource, items)
        with self.store.writing():
            planned: list[tuple[bool, dict[str, Any], bool]] = []
            pending: dict[str, dict[str, Any]] = {}
            for item in items:
                existing = self.existing(resource, item.get("id"), pending)
                for secret in resource.secrets:
                    if existing is not None and item.get(secret) == MASK:
                        del item[secret]
                merged = {**(existing or copy.deepcopy(DEFAULTS.get(resource.name, {}))), **item}
                tested = bool(merged.pop(TRANSIENT.get(resource.name, ""), False))
                if existing is None:
                    merged.pop("id", None)
                check_rules(resource, merged, self.store)
                planned.append((existing is None, merged, tested))
                if existing is not None:
                    pending[str(merged["id"])] = merged
            now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            saved = []
            for created, record, _ in planned:
                if created:
                    record["id"] = self.store.new_id(key, resource.guid_ids)
                if resource.stamped:
                    record["last_modified"] = now
                self.store.put(key, record)
                saved.append(record)
        for created, record, tested in planned:
            self.notify(resource, "created" if created else "updated", record)
            if tested:
                self.notify(resource, "tested", record)
        return saved

    def existing(self, resource: Resource, record_id: Any, pending: dict) -> dict[str, Any] | None:
        if record_id in (None, "", 0) or (isinstance(record_id, int) and record_id <= 0):
            return None
        record = pending.get(str(record_id)) or self.store.get(resource.name.lower(), record_id)
        if record is None:
            raise rule(f"{resource.label} {record_id} does not exist")
        return record

    def delete(self, resource: Resource, record_id: str) -> dict[str, Any]:
        """Remove one record; refused while another record still refers to it."""
        key = resource.name.lower()
        with self.store.writing():
            record = self.store.get(key, record_id)
            if record is None:
                raise not_found(resource.label)
            self.refuse_if_used(key, record["id"])
            self.store.remove(key, record_id)
            if cascade := CASCADES.get(key):
                child, field = cascade
                for row in self.store.view(child):
                    if row.get(field) == record["id"]:
                        self.store.remove(child, row["id"])
        self.notify(resource, "deleted", record)
        return record

    def refuse_if_used(self, key: str, record_id: Any) -> None:
        for other in RESOURCES.values():
            for field, reference in other.references.items():
                if reference.resource != key or CASCADES.get(key) == (other.name.lower(), field):
                    continue
                if any(row.get(field) == record_id for row in self.store.view(other.name.lower())):
                    raise rule(f"This record is in use by a {other.label} and cannot be deleted")

    def notify(self, resource: Resource, event: str, record: dict[str, Any]) -> None:
        if self.listener is not None:
            self.listener(resource.name, event, record)
