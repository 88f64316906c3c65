"""Writing one publish step to HaloITSM: Halo's one write verb, a POST of a JSON array that creates the
objects without an `id` and updates (only the fields given) those with one, in batches of `BATCH`.
The links a record carries (an instance's application, services and software; a contract's assets)
travel in its own payload.

An update is safe to repeat; a create is not. Before a create the engine is told (`before_create`);
after a call whose outcome is unknown, or when a killed worker's run is resumed, the records are
looked for first (assets by their inventory number) and only the missing ones are created."""

import time
from dataclasses import replace
from typing import Any

from integrations.base.errors import FATAL, TRANSIENT, NotFound, TargetError
from integrations.base.platform import ApplyContext, ItemResult, RelationResult, TargetRef, Write

from . import mapping, reading
from .client import HaloClient

BATCH = 500  # records per POST: Halo takes large arrays; 500 keeps a body well under a megabyte
CREATE_ATTEMPTS = 4
MAX_FAILED_BATCHES = 3  # consecutive whole-batch failures before the run gives up


def link_payload(write: Write) -> dict[str, Any]:
    """The link fields of a record, whole (every link the portfolio has for it, none when it has
    none left): Halo replaces a list it is sent."""
    body: dict[str, Any] = {field: [] for field in mapping.LIST_LINKS.get(write.record.step, ())}
    for relation, parent, child in write.relations:
        other = child if relation.parent == write.record.record_id else parent
        if other is None:
            continue
        field = mapping.LINK_FIELDS[relation.step]
        if field == "parent_id":
            body[field] = int(other.id)
        else:
            body.setdefault(field, []).append({"id": int(other.id)})
    return body


def body_of(write: Write) -> dict[str, Any]:
    body = {**mapping.payload(write.values), **link_payload(write)}
    if write.target_id:
        body["id"] = int(write.target_id)
    return body


class StepWriter:
    def __init__(self, client: HaloClient, context: ApplyContext) -> None:
        self.client = client
        self.context = context
        self.failed_batches = 0

    def apply(self, writes: list[Write]) -> None:
        for start in range(0, len(writes), BATCH):
            chunk = writes[start : start + BATCH]
            self.context.checkpoint()
            found = self.found([w for w in chunk if w.resumed and not w.target_id])
            sending = [
                replace(w, target_id=found[w.record.record_id]) if w.record.record_id in found else w
                for w in chunk
            ]
            results = self.send(sending, set(found))
            self.context.commit([results[w.record.record_id] for w in chunk])

    def found(self, writes: list[Write]) -> dict[str, str]:
        """Target ids of what an interrupted attempt already created (updated then, not created)."""
        rows = reading.find_created(self.client, [w.record for w in writes])
        return {record_id: str(row["id"]) for record_id, row in rows.items()}

    def send(self, writes: list[Write], found: set[str]) -> dict[str, ItemResult]:
        results: dict[str, ItemResult] = {}
        waiting = list(writes)
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            if not waiting:
                break
            for write in waiting:
                if not write.target_id:
                    self.context.before_create(write.record)
            resource = waiting[0].record.target_type
            try:
                saved = self.client.save(resource, [body_of(w) for w in waiting])
            except FATAL:
                raise
            except TRANSIENT as exc:  # did it land? look before sending the creates again
                if attempt == CREATE_ATTEMPTS:
                    results |= self.failed(waiting, exc)
                    break
                self.client.stats.retries += 1
                time.sleep(min(0.5 * 2**attempt, 10))
                landed = self.found([w for w in waiting if not w.target_id])
                found |= set(landed)
                waiting = [
                    replace(w, target_id=landed[w.record.record_id]) if w.record.record_id in landed else w
                    for w in waiting
                ]
                continue
            except TargetError as exc:
                results |= self.failed(waiting, exc)
                break
            self.failed_batches = 0
            for write, row in zip(waiting, saved, strict=True):
                operation = (
                    "found"
                    if write.record.record_id in found
                    else "updated"
                    if write.target_id
                    else "created"
                )
                results[write.record.record_id] = self.result(write, row, operation)
            waiting = []
        return results

    def failed(self, writes: list[Write], exc: Exception) -> dict[str, ItemResult]:
        self.failed_batches += 1
        if self.failed_batches >= MAX_FAILED_BATCHES:
            raise TargetError(
                f"{self.failed_batches} batches in a row failed; the last error: {exc}"
            ) from exc
        message = f"The batch failed: {exc}"
        return {
            w.record.record_id: ItemResult(
                w.record.record_id,
                False,
                error=message,
                relations=tuple(RelationResult(r, False, error=message) for r, _p, _c in w.relations),
            )
            for w in writes
        }

    def result(self, write: Write, row: dict[str, Any], operation: str) -> ItemResult:
        record = write.record
        target_id = str(row.get("id", ""))
        version = str(row.get(reading.VERSION_FIELD) or "")
        links = self.links(write, target_id, created=operation in ("created", "found"))
        result = ItemResult(record.record_id, True, operation, target_id, record.target_type, version)
        return replace(result, relations=links)

    def links(self, write: Write, target_id: str, created: bool) -> tuple[RelationResult, ...]:
        """The links sent with the record; one is new unless the record held it when last read. A new
        link on a record that already existed gets an id of its own (`carrier:other`), so a rollback
        can take it off again; a created record's links go with it."""
        resource = write.record.target_type
        held = getattr(self.client, "links", {}).get(TargetRef(resource, target_id), {})
        results = []
        for relation, parent, child in write.relations:
            other = child if relation.parent == write.record.record_id else parent
            if other is None:
                continue
            field = mapping.LINK_FIELDS[relation.step]
            new = created or other.id not in held.get(field, set())
            link_id = "" if created or not new else f"{target_id}:{other.id}"
            results.append(RelationResult(relation, True, link_id, new, target_type=f"{resource}.{field}"))
        return tuple(results)


def unlink(client: HaloClient, ref: TargetRef) -> None:
    """Take one link off the record that holds it (NotFound when either is gone)."""
    carrier, field, other = mapping.link_ref(ref) or (None, "", "")
    if carrier is None:
        raise NotFound("Not a link of a Halo record", detail=f"{ref.type}/{ref.id}")
    row = client.get(carrier.type, int(carrier.id))
    held = reading.linked_ids(row).get(field, set())
    if other not in held:
        raise NotFound("The link is already gone", detail=f"{ref.type}/{ref.id}")
    if field == "parent_id":
        value: Any = None
    else:
        value = [{"id": int(i)} for i in sorted(held - {other}, key=int)]
    client.save(carrier.type, [{"id": int(carrier.id), field: value}])
