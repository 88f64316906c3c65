"""Writing one publish step to GLPI in bulk: one `{"input": [...]}` POST for the creates and one PUT for
the updates of a batch, then one add per relation itemtype (Appliance_Item, Contract_Item,
Contract_Supplier) for the links the batch's records carry, then one read of the versions GLPI left.
GLPI answers each item on its own (207 `ERROR_GLPI_PARTIAL_*`), so a failed item is that record's
error, never the batch's.

A create is not safe to repeat: the engine is told first (`before_create`), and a resumed record, or
one whose bulk add got no answer (a dropped connection, a 5xx, a 429), is looked for by GLPI's own
rules before it is sent again. A computer's operating system install is one per computer in practice:
one already there (a computer adopted with its OS) is updated, not duplicated. A run gives up after
`MAX_FAILED_BATCHES` batches in a row whose calls failed whole: the target is down, not one record."""

from dataclasses import dataclass, field
from typing import Any

from integrations.base.errors import FATAL, TRANSIENT, NotFound, TargetError
from integrations.base.platform import ApplyContext, ItemResult, Relation, RelationResult, TargetRef, Write

from . import mapping, reading
from .client import ADD_ATTEMPTS, GlpiClient, Outcome, pause_before_retry
from .mapping_inventory import OS_LINK

BATCH = 500  # items per bulk call: GLPI adds them one by one server-side; 500 keeps a call short
MAX_FAILED_BATCHES = 3
EXISTS = "already exists"


def other_end(write: Write, relation: Relation, parent: TargetRef | None, child: TargetRef | None):
    return child if relation.parent == write.record.record_id else parent


def body_of(write: Write, target_id: str = "") -> dict[str, Any]:
    """The fields to send, with the link fields the record carries (an install's computer, a
    version's software)."""
    body = mapping.payload(write.values)
    for relation, parent, child in write.relations:
        field_name = mapping.LINK_FIELDS.get(relation.step)
        other = other_end(write, relation, parent, child)
        if field_name and other is not None:
            body[field_name] = int(other.id)
            if field_name == "items_id":
                body["itemtype"] = other.type
    if target_id:
        body["id"] = int(target_id)
    return body


@dataclass
class Sent:
    write: Write
    target_id: str = ""
    operation: str = ""
    error: str = ""
    links: list[RelationResult] = field(default_factory=list)


class StepWriter:
    def __init__(self, client: GlpiClient, context: ApplyContext) -> None:
        self.client = client
        self.context = context
        self.versions: dict[str, str] = {}
        self.failure: TargetError | None = None  # the last whole-call failure of the batch
        self.answered = False  # a write call of the batch was answered

    def apply(self, writes: list[Write]) -> None:
        for start in range(0, len(writes), BATCH):
            chunk = writes[start : start + BATCH]
            self.context.checkpoint()
            self.failure, self.answered = None, False
            sent = self.send(chunk)
            self.context.commit([self.result(s) for s in sent])
            self.count_failure()

    def count_failure(self) -> None:
        """Batches in a row with a failed call, counted on the client: across the steps of a run (a
        batch that sent nothing counts neither way)."""
        if self.failure:
            self.client.failed_batches += 1
        elif self.answered:
            self.client.failed_batches = 0
        if self.client.failed_batches >= MAX_FAILED_BATCHES:
            raise TargetError(
                f"{self.client.failed_batches} batches in a row failed; the last error: {self.failure}"
            ) from self.failure

    # One batch -------------------------------------------------------------------------------------

    def send(self, writes: list[Write]) -> list[Sent]:
        itemtype = writes[0].record.target_type
        sent = [Sent(w, w.target_id) for w in writes]
        found = reading.find_created(self.client, [w.record for w in writes if w.resumed and not w.target_id])
        installed = self.installed([s for s in sent if not s.target_id]) if itemtype == OS_LINK else {}
        for item in sent:
            rid = item.write.record.record_id
            if not item.target_id and rid in found:
                item.target_id, item.operation = found[rid], "found"
            elif not item.target_id and rid in installed:
                item.target_id, item.operation = installed[rid], "found" if item.write.resumed else "updated"
        creates = [s for s in sent if not s.target_id]
        updates = [s for s in sent if s.target_id and len(body_of(s.write, s.target_id)) > 1]
        for item in sent:
            if item.target_id and item not in updates:
                item.operation = item.operation or "unchanged"
        for item in creates:
            self.context.before_create(item.write.record)
        self.create(itemtype, creates)
        self.call(
            updates,
            lambda: self.client.update(itemtype, [body_of(s.write, s.target_id) for s in updates]),
            False,
        )
        self.link(sent)
        done = [s.target_id for s in sent if not s.error and s.target_id]
        self.versions = reading.versions(self.client, itemtype, done) if done else {}
        return sent

    def create(self, itemtype: str, items: list[Sent]) -> None:
        """One bulk add; after no answer, what landed is looked for and only the rest sent again."""
        waiting = items
        for attempt in range(1, ADD_ATTEMPTS + 1):
            retry = attempt < ADD_ATTEMPTS
            if not self.call(
                waiting,
                lambda batch=waiting: self.client.add(itemtype, [body_of(s.write) for s in batch]),
                True,
                retry,
            ):
                return
            self.client.stats.retries += 1
            pause_before_retry(attempt)
            landed = self.landed(itemtype, waiting)
            for item in waiting:
                if item.write.record.record_id in landed:
                    item.target_id, item.operation = landed[item.write.record.record_id], "created"
            waiting = [s for s in waiting if not s.target_id]

    def landed(self, itemtype: str, items: list[Sent]) -> dict[str, str]:
        if itemtype == OS_LINK:
            return self.installed(items)
        return reading.find_created(self.client, [s.write.record for s in items])

    def call(self, items: list[Sent], send, creating: bool, retry: bool = False) -> bool:
        """True when the call got no answer and may be sent again (`retry`)."""
        if not items:
            return False
        try:
            outcomes: list[Outcome] = send()
        except FATAL:
            raise
        except TRANSIENT as exc:
            if retry:
                return True
            self.failed_call(items, exc)
            return False
        except TargetError as exc:
            self.failed_call(items, exc)
            return False
        self.answered = True
        for item, outcome in zip(items, outcomes, strict=True):
            if not outcome.ok:
                item.error = f"GLPI refused it: {outcome.message or 'no reason given'}"
            elif creating:
                item.target_id, item.operation = str(outcome.id), "created"
            else:
                item.operation = item.operation or "updated"
        return False

    def failed_call(self, items: list[Sent], exc: TargetError) -> None:
        self.failure = exc
        for item in items:
            item.error = f"The batch failed: {exc}"

    def installed(self, items: list[Sent]) -> dict[str, str]:
        """{record id: id} of the operating system installs GLPI already holds for the computers."""
        computers: dict[tuple[str, str], str] = {}
        for item in items:
            body = body_of(item.write)
            if body.get("items_id"):
                key = (str(body.get("itemtype", "")), str(body["items_id"]))
                computers[key] = item.write.record.record_id
        if not computers:
            return {}
        held = {}
        for row in sorted(reading.listed(self.client, OS_LINK), key=lambda r: int(r["id"])):
            key = (str(row.get("itemtype")), str(row.get("items_id")))
            if key in computers and computers[key] not in held:
                held[computers[key]] = str(row["id"])
        return held

    # Relation items ----------------------------------------------------------------------------------

    def link(self, sent: list[Sent]) -> None:
        """The links carried as their own items, one bulk add per relation itemtype; a link GLPI already
        holds (an existing record's) is not added again."""
        wanted: dict[str, list[tuple[Sent, Relation, dict[str, Any]]]] = {}
        for item in sent:
            for relation, parent, child in item.write.relations:
                other = other_end(item.write, relation, parent, child)
                if relation.step in mapping.LINK_FIELDS:
                    if other is not None and not item.error:
                        link_type = f"{item.write.record.target_type}.{mapping.LINK_FIELDS[relation.step]}"
                        new = item.operation in ("created", "found")
                        item.links.append(RelationResult(relation, True, "", new, target_type=link_type))
                    continue
                if relation.step not in mapping.RELATION_ITEMS or other is None or item.error:
                    continue
                itemtype, parent_field, child_field = mapping.RELATION_ITEMS[relation.step]
                mine = TargetRef(item.write.record.target_type, item.target_id)
                carried_by_parent = relation.parent == item.write.record.record_id
                parent_ref, child_ref = (mine, other) if carried_by_parent else (other, mine)
                row = {parent_field: int(parent_ref.id), child_field: int(child_ref.id)}
                if child_field == "items_id":
                    row["itemtype"] = child_ref.type
                wanted.setdefault(itemtype, []).append((item, relation, row))
        for itemtype, links in sorted(wanted.items()):
            held = self.held(itemtype) if any(i.operation != "created" for i, _r, _w in links) else {}
            adding = []
            for item, relation, row in links:
                there = held.get(self.key_of(row))
                if there:
                    item.links.append(RelationResult(relation, True, there, False, target_type=itemtype))
                else:
                    adding.append((item, relation, row))
            self.add_links(itemtype, adding)

    @staticmethod
    def key_of(row: dict[str, Any]) -> tuple:
        return tuple(sorted((k, str(v)) for k, v in row.items()))

    def held(self, itemtype: str) -> dict[tuple, str]:
        fields = {f for _t, p, c in mapping.RELATION_ITEMS.values() if _t == itemtype for f in (p, c)}
        found = {}
        for row in reading.listed(self.client, itemtype):
            kept = {f: row.get(f) for f in fields}
            if "items_id" in fields:
                kept["itemtype"] = row.get("itemtype")
            found.setdefault(self.key_of(kept), str(row["id"]))
        return found

    def add_links(self, itemtype: str, adding: list[tuple[Sent, Relation, dict[str, Any]]]) -> None:
        if not adding:
            return
        try:
            outcomes = self.client.add(itemtype, [row for _i, _r, row in adding])
        except FATAL:
            raise
        except TargetError as exc:
            self.failure = exc
            for item, relation, _row in adding:
                item.links.append(RelationResult(relation, False, error=f"The link failed: {exc}"))
            return
        self.answered = True
        for (item, relation, _row), outcome in zip(adding, outcomes, strict=True):
            if outcome.ok:
                item.links.append(RelationResult(relation, True, str(outcome.id), True, target_type=itemtype))
            elif EXISTS in outcome.message:  # an interrupted attempt added it
                item.links.append(RelationResult(relation, True, "", False, target_type=itemtype))
            else:
                message = f"GLPI refused the link: {outcome.message or 'no reason given'}"
                item.links.append(RelationResult(relation, False, error=message))

    def result(self, item: Sent) -> ItemResult:
        record = item.write.record
        if item.error:
            links = tuple(RelationResult(r, False, error=item.error) for r, _p, _c in item.write.relations)
            return ItemResult(record.record_id, False, error=item.error, relations=links)
        return ItemResult(
            record.record_id,
            True,
            item.operation,
            item.target_id,
            record.target_type,
            self.versions.get(item.target_id, ""),
            relations=tuple(item.links),
        )


def delete(client: GlpiClient, ref: TargetRef) -> None:
    """Purge an item the product created (`force_purge`: it never sat in GLPI before); NotFound when it
    is gone already (purging a computer purges its installs and links with it)."""
    if "." in ref.type or not ref.id.isdigit():
        raise NotFound("A link field goes with its record", detail=f"{ref.type}/{ref.id}")
    try:
        (outcome,) = client.delete(ref.type, [int(ref.id)], force_purge=True)
    except NotFound:
        raise
    if not outcome.ok:
        if "not found" in outcome.message.lower():
            raise NotFound("GLPI has no such item", detail=f"{ref.type}/{ref.id}")
        raise TargetError(f"GLPI refused the delete: {outcome.message}", detail=f"{ref.type}/{ref.id}")


def restore(client: GlpiClient, ref: TargetRef, values: dict[str, str]) -> str:
    """Put previous values back; the version GLPI leaves."""
    (outcome,) = client.update(ref.type, [{**mapping.payload(values), "id": int(ref.id)}])
    if not outcome.ok:
        if "not found" in outcome.message.lower():
            raise NotFound("GLPI has no such item", detail=f"{ref.type}/{ref.id}")
        raise TargetError(f"GLPI refused the restore: {outcome.message}", detail=f"{ref.type}/{ref.id}")
    return reading.versions(client, ref.type, [ref.id]).get(ref.id, "")
