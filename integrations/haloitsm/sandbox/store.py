"""The instance's records in memory, one dict per resource, saved and loaded as plain JSON so the shared
sandbox core can persist it in its data directory."""

import copy
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .resources import RESOURCES

FORMAT = 1


class HaloStore:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.records: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in RESOURCES}
        self.next_ids: dict[str, int] = dict.fromkeys(RESOURCES, 1)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the lock for a whole batch, so a POST of many records lands all at once or not at all."""
        with self.lock:
            yield

    def all(self, resource: str) -> list[dict[str, Any]]:
        with self.lock:
            return [copy.deepcopy(r) for r in self.records[resource].values()]

    def view(self, resource: str) -> list[dict[str, Any]]:
        """The live records, uncopied, for filtering; callers must not change them (put() replaces
        records whole, so a view stays consistent) and copy what they hand out."""
        with self.lock:
            return list(self.records[resource].values())

    def get(self, resource: str, record_id: object) -> dict[str, Any] | None:
        with self.lock:
            record = self.records[resource].get(str(record_id))
            return copy.deepcopy(record) if record is not None else None

    def new_id(self, resource: str, guid: bool = False) -> int | str:
        with self.lock:
            if guid:
                return str(uuid.uuid4())
            value = self.next_ids[resource]
            self.next_ids[resource] = value + 1
            return value

    def put(self, resource: str, record: dict[str, Any]) -> None:
        with self.lock:
            self.records[resource][str(record["id"])] = copy.deepcopy(record)
            if isinstance(record["id"], int) and record["id"] >= self.next_ids[resource]:
                self.next_ids[resource] = record["id"] + 1

    def remove(self, resource: str, record_id: object) -> dict[str, Any] | None:
        with self.lock:
            return self.records[resource].pop(str(record_id), None)

    def counts(self) -> dict[str, int]:
        with self.lock:
            return {name: len(rows) for name, rows in self.records.items()}

    def dump(self) -> dict[str, Any]:
        """Everything, as JSON-ready data (the core writes it to its data directory)."""
        with self.lock:
            return {
                "format": FORMAT,
                "next_ids": dict(self.next_ids),
                "records": {name: list(rows.values()) for name, rows in self.records.items()},
            }

    @classmethod
    def load(cls, data: dict[str, Any]) -> "HaloStore":
        """A store from `dump()`'s output; unknown resources are ignored, a wrong format refused."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("Not a saved HaloITSM sandbox (unknown format)")
        store = cls()
        for name, rows in (data.get("records") or {}).items():
            if name in store.records and isinstance(rows, list):
                for row in rows:
                    if isinstance(row, dict) and "id" in row:
                        store.put(name, row)
        for name, value in (data.get("next_ids") or {}).items():
            if name in store.next_ids and isinstance(value, int):
                store.next_ids[name] = max(store.next_ids[name], value)
        return store
