"""The publish plan: the platform's mapping of the portfolio, with each record's hash and what the sync
map remembers of it (target id, the values last agreed, the target's version then). Preview and publish
execute the same plan; its hash says whether a preview still describes the portfolio.

Identity (which target record this is) is the sync map's target id; what is compared is the payload's
values, field by field, three ways (see `sync.diff`).
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from integrations.base.platform import Mapping, Omitted, Record, Reference, Relation, Step, platform_of
from integrations.models import Connection
from sync.models import Direction, MatchChoice, SyncMapEntry
from sync.snapshot import Snapshot, take_snapshot

SKIPPED_IN_WIZARD = "Skipped in the matching wizard: it is left out of every publish."


@dataclass(frozen=True)
class PlanItem:
    record: Record
    hash: str
    target_id: str = ""  # from the sync map
    direction: str = ""  # matched, published or adopted, when mapped
    last_hash: str = ""
    last_values: dict[str, str] = field(default_factory=dict)
    last_references: dict[str, str] = field(default_factory=dict)
    kept: dict[str, str] = field(default_factory=dict)  # differences agreed at the last sync
    target_version: str = ""

    @property
    def step(self) -> str:
        return self.record.step

    @property
    def kind(self) -> str:
        return self.record.kind

    @property
    def record_id(self) -> str:
        return self.record.record_id

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def target_type(self) -> str:
        return self.record.target_type

    @property
    def values(self) -> dict[str, str]:
        return self.record.values

    @property
    def group(self) -> str:
        return self.record.group

    @property
    def unchanged(self) -> bool:
        """The portfolio did not change since the last sync (the target may have)."""
        return bool(self.target_id) and self.hash == self.last_hash

    @property
    def matched(self) -> bool:
        """Matched to a record someone else owns: used for relations, never written."""
        return self.direction == Direction.MATCHED


@dataclass
class Plan:
    steps: list[Step]
    items: list[PlanItem] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    not_published: list[Omitted] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index: dict[str, PlanItem] = {}

    def by_step(self, step: str) -> list[PlanItem]:
        return [i for i in self.items if i.step == step]

    def item(self, record_id: str) -> PlanItem | None:
        return self._index.get(record_id)

    def add(self, item: PlanItem) -> None:
        self.items.append(item)
        self._index[item.record_id] = item

    @property
    def titles(self) -> dict[str, str]:
        return {s.key: s.title for s in self.steps}

    @cached_property
    def hash(self) -> str:
        """One digest of everything a publish would do: a preview of another portfolio never passes."""
        digest = hashlib.sha256()
        for item in self.items:  # an item's hash covers what its relations point to
            matched = item.target_id if item.matched else ""  # a publish never changes these
            digest.update(f"{item.record_id}:{item.hash}:{matched};".encode())
        for skipped in self.not_published:
            digest.update(f"-{skipped.record_id};".encode())
        return digest.hexdigest()


def reference_key(reference: Reference) -> str:
    return f"{reference.kind}:{reference.key}"


def record_hash(record: Record) -> str:
    text = repr(  # unambiguous and fast; the mapping builds values in a fixed order
        (
            record.target_type,
            tuple(record.values.items()),
            tuple(sorted((k, r.kind, r.key) for k, r in record.references.items())),
            record.related,
        )
    )
    return hashlib.sha256(text.encode()).hexdigest()


def sync_map(connection: Connection) -> dict[tuple[str, str], SyncMapEntry]:
    """The connection's sync map by (kind, record id)."""
    return {(e.kind, str(e.record_id)): e for e in SyncMapEntry.objects.filter(connection=connection)}


def skipped_in_wizard(connection: Connection) -> set[str]:
    return {
        str(record_id)
        for record_id in MatchChoice.objects.filter(
            connection=connection, decision=MatchChoice.Decision.SKIP
        ).values_list("record_id", flat=True)
    }


def build_plan(connection: Connection, snapshot: Snapshot | None = None) -> Plan:
    platform = platform_of(connection)
    options = platform.options(connection.options)
    mapping: Mapping = platform.map(snapshot or take_snapshot(connection.namespace), options)
    synced = sync_map(connection)
    skipped = skipped_in_wizard(connection)
    plan = Plan(platform.steps(options))
    for record in mapping.records:
        if record.record_id in skipped:
            plan.not_published.append(Omitted(record.kind, record.record_id, record.name, SKIPPED_IN_WIZARD))
            continue
        entry = synced.get((record.kind, record.record_id))
        digest = record_hash(record)
        plan.add(
            PlanItem(
                record,
                digest,
                target_id=entry.target_id if entry else "",
                direction=entry.direction if entry else "",
                last_hash=entry.last_hash if entry else "",
                last_values=entry.last_values if entry else {},
                last_references=entry.last_references if entry else {},
                kept=entry.kept if entry else {},
                target_version=entry.target_version if entry else "",
            )
        )
    plan.relations = [r for r in mapping.relations if r.parent not in skipped and r.child not in skipped]
    plan.not_published += mapping.omitted
    return plan


def step_titles(connection: Connection) -> dict[str, str]:
    """Step key → title, in order, as the connection's platform publishes them (and what is left out)."""
    platform = platform_of(connection)
    steps = platform.steps(platform.options(connection.options))
    return {**{s.key: s.title for s in steps}, "not_published": "Not published"}


def carrier(plan: Plan, relation: Relation) -> PlanItem | None:
    """The record that carries a relation when it is written: the end published later (a deployment
    carries its links to its application and services; a contract, the CIs it covers)."""
    order = {s.key: n for n, s in enumerate(plan.steps)}
    ends = [plan.item(relation.parent), plan.item(relation.child)]
    known = [e for e in ends if e is not None]
    return max(known, key=lambda e: order.get(e.step, 0)) if len(known) == 2 else None
