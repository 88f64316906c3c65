"""The subscribe side of the three-way comparison: for every record the mirror holds, the portfolio now
(the publish plan's values, exactly as the preview computes them), the values last agreed (the sync map)
and the target now (the mirror). The field states are the preview's (`sync.diff`), read from the other
side: `changed_in_target` is a change to take or to keep, `update` is a change publish will send.

Record outcomes: changed in the target, changed in the portfolio, conflict, unchanged, new in the target
(an import proposal with its parents pre-chosen through the sync map) and gone from the target (deleted
or retired there: flagged, never applied automatically). Only differences are stored; unchanged records
are counted."""

from collections.abc import Iterator
from typing import Any

from django.db.models import Q

from catalog.choices import LifecycleStage, LifecycleStatus, OperationalStatus
from catalog.models import BusinessApplication, DeploymentProfile, InfrastructureItem
from integrations.base.platform import Discovered, Platform
from sync import authority, diff
from sync.compare import Comparer
from sync.models import ChangeKind, Direction, PullChange, PulledRecord, RecordKind, SyncMapEntry
from sync.plan import Plan, PlanItem, build_plan
from sync.subscribe import FIELDS, Index, values_of
from sync.subscribe_links import LINKS, Links, shown
from sync.takeback import MODELS

CHANGED_IN_TARGET, CHANGED_IN_PORTFOLIO = "changed_in_target", "changed_in_portfolio"
CONFLICT, UNCHANGED, NEW, GONE = "conflict", "unchanged", "new_in_target", "gone_from_target"
KEPT_HERE = "kept_in_portfolio"  # an item the portfolio never publishes to the target differs: ours stays
OUTCOMES = (CHANGED_IN_TARGET, CONFLICT, NEW, GONE, CHANGED_IN_PORTFOLIO, KEPT_HERE, UNCHANGED)
BUSINESS = (RecordKind.APPLICATION, RecordKind.DEPLOYMENT, RecordKind.IT_SERVICE)
INFRASTRUCTURE = RecordKind.INFRASTRUCTURE_ITEM
FIELD_STATES = {diff.CHANGED_IN_TARGET: CHANGED_IN_TARGET, diff.UPDATE: CHANGED_IN_PORTFOLIO}
PARENT_KIND = {RecordKind.DEPLOYMENT: RecordKind.APPLICATION, INFRASTRUCTURE: RecordKind.DEPLOYMENT}
CHANGE_KIND = {NEW: ChangeKind.NEW, GONE: ChangeKind.GONE, UNCHANGED: ChangeKind.UNCHANGED}


def labels(target: str) -> dict[str, str]:
    """The outcome words, with the target's name (`sync` never names a platform itself)."""
    return {
        CHANGED_IN_TARGET: f"Changed in {target}",
        CHANGED_IN_PORTFOLIO: "Changed in portfolio (publish will send it)",
        KEPT_HERE: f"Changed in portfolio (kept here: publish does not send it to {target})",
        CONFLICT: "Conflict",
        NEW: f"New in {target}",
        GONE: f"Gone from {target}",
        UNCHANGED: "Unchanged",
    }


def record_outcome(states: set[str]) -> str:
    for state in (CONFLICT, CHANGED_IN_TARGET, CHANGED_IN_PORTFOLIO, KEPT_HERE):
        if state in states:
            return state
    return UNCHANGED


def field_diff(comparison: diff.Comparison, owners: dict[str, str], kind: str) -> dict[str, dict]:
    out = {}
    for name, change in comparison.changes.items():
        row = change.as_json() | {"state": FIELD_STATES.get(change.state, change.state)}
        out[name] = row | {"owner": authority.owner(owners, kind, name)}
    return out


class SubscribeComparer:
    """One comparison of a connection's mirror with its portfolio (`changes` streams the rows)."""

    def __init__(self, connection: Any, platform: Platform, client: Any, options: Any) -> None:
        self.connection = connection
        self.authority = authority.read_state(connection).authority
        self.comparer = Comparer(platform, client, options)
        self.entries = {
            e.target_id: e
            for e in SyncMapEntry.objects.filter(connection=connection).exclude(target_id="")
            if e.kind in (*BUSINESS, INFRASTRUCTURE)
        }
        self.counts: dict[str, int] = {}
        self.names: dict[str, dict[str, str]] = {}
        self.retired_here: set[str] = set()
        self.links = Links(self.entries.values())

    def changes(self) -> Iterator[PullChange]:
        mirror = PulledRecord.objects.filter(connection=self.connection)
        business = list(mirror.filter(kind__in=BUSINESS).order_by("kind", "name"))
        yield from self.business(business)
        del business
        yield from self.infrastructure(mirror.filter(kind=INFRASTRUCTURE).order_by("name").iterator(2000))

    def count(self, change: PullChange) -> PullChange | None:
        self.counts[change.outcome] = self.counts.get(change.outcome, 0) + 1
        change.kind = CHANGE_KIND.get(change.outcome, ChangeKind.CHANGED)
        return None if change.outcome == UNCHANGED else change

    # Business records -----------------------------------------------------------------------------

    def business(self, records: list[PulledRecord]) -> Iterator[PullChange]:
        plan: Plan = build_plan(self.connection)
        by_target = {i.target_id: i for i in plan.items if i.target_id and not i.matched}
        compared = [by_target[r.target_id] for r in records if r.target_id in by_target and not r.deleted]
        portfolio = self.comparer.portfolio_values(compared, False) if compared else {}
        self.retired_here = retired_in_portfolio(
            [self.entries[r.target_id] for r in records if r.retired and r.target_id in self.entries]
        )
        for record in records:
            entry = self.entries.get(record.target_id)
            item = by_target.get(record.target_id)
            if entry is None:
                if not (record.deleted or record.retired):
                    change = self.new(record)
                    if self.count(change):
                        yield change
                continue
            if item is None or entry.kind != record.kind:
                continue  # matched to someone else's record, or no longer published
            change = self.known(record, entry, item, portfolio.get(item.record_id, ({}, []))[0])
            if self.count(change):
                yield change

    def known(self, record: PulledRecord, entry, item: PlanItem, values: dict[str, str]) -> PullChange:
        change = self.row(record, str(entry.record_id), item.hash)
        change.current = values
        if record.deleted:
            return gone(change, record)
        identity = item.record.identity if item.direction == Direction.ADOPTED else frozenset()
        last = entry.last_values or None
        # only the fields the target sends back are compared (not those it never reconciles, such as a
        # correlation id): a field it does not return is no change of the target
        carried = {k: v for k, v in values.items() if k in record.values}
        comparison = diff.compare(carried, last, record.values, identity, entry.kept)
        if record.retired and str(entry.record_id) not in self.retired_here:
            return gone(change, record)  # retired there, not here
        change.diff = field_diff(comparison, self.authority, record.kind)
        change.fields = list(change.diff)
        change.outcome = record_outcome({c["state"] for c in change.diff.values()})
        return change

    def new(self, record: PulledRecord) -> PullChange:
        change = self.row(record, "", "")
        change.outcome = NEW
        change.fields = [k for k, v in record.values.items() if v]
        parent = PARENT_KIND.get(record.kind)
        if parent:
            change.suggested = self.parents(parent, record.parents)
        return change

    def parents(self, kind: str, target_ids: list[str]) -> list[list[str]]:
        """The portfolio records the target says a record hangs under, through the sync map (names
        loaded once per kind: a pull may propose thousands of servers)."""
        found = [self.entries.get(t) for t in target_ids]
        ids = [str(e.record_id) for e in found if e is not None and e.kind == kind]
        if not ids:
            return []
        if kind not in self.names:
            self.names[kind] = names_of(kind, self.connection.namespace)
        names = self.names[kind]
        return [[pk, names[pk], "linked in the source"] for pk in ids if pk in names]

    def row(self, record: PulledRecord, record_id: str, record_hash: str) -> PullChange:
        return PullChange(
            record_kind=record.kind,
            record_id=record_id,
            target_type=record.target_type,
            target_id=record.target_id,
            name=record.name[:200],
            values=record.values,
            record_hash=record_hash,
        )

    # Infrastructure items ---------------------------------------------------------------------------

    def infrastructure(self, records: Iterator[PulledRecord]) -> Iterator[PullChange]:
        index = Index(self.connection)
        items = {str(i.pk): i for i in index.items}
        for record in records:
            entry = self.entries.get(record.target_id)
            item = items.get(str(entry.record_id)) if entry and entry.kind == INFRASTRUCTURE else None
            if item is not None:
                index.used.add(item.pk)
            elif not (record.deleted or record.retired):
                item, _ = index.match(as_discovered(record))
                entry = None
            if item is None:
                if not (record.deleted or record.retired):
                    change = self.row(record, "", "")
                    change.outcome = NEW
                    change.fields = [k for k, v in record.values.items() if v]
                    change.suggested = self.parents(RecordKind.DEPLOYMENT, record.parents)
                    if self.count(change):
                        yield change
                continue
            change = self.item_change(record, item, entry)
            if self.count(change):
                yield change

    def item_change(self, record: PulledRecord, item: InfrastructureItem, entry) -> PullChange:
        change = self.row(record, str(item.pk), "")
        change.item = item
        change.current = {**values_of(item), LINKS: self.links.portfolio(item)}
        if record.deleted or record.retired:
            return gone(change, record)
        # without an agreement yet, the portfolio's values are the baseline: every difference is the
        # target's to take or keep (the links too, for an item imported before they were compared)
        last = dict(entry.last_values) if entry is not None else dict(change.current)
        last.setdefault(LINKS, change.current[LINKS])
        portfolio = {k: change.current[k] for k in (*FIELDS, LINKS)}
        target = {**record.values, LINKS: self.links.target(record.parents)}
        if entry is None or entry.direction != Direction.PUBLISHED:  # taken from the target, never sent
            comparison = compare_apart(portfolio, last, target, entry.kept if entry else {})
            change.diff = field_diff(comparison, self.authority, INFRASTRUCTURE)
            for row in change.diff.values():
                if row["state"] == CHANGED_IN_PORTFOLIO:
                    row["state"] = KEPT_HERE
        else:
            comparison = diff.compare(portfolio, last, target, kept=entry.kept)
            change.diff = field_diff(comparison, self.authority, INFRASTRUCTURE)
        if LINKS in change.diff:
            if RecordKind.DEPLOYMENT not in self.names:
                self.names[RecordKind.DEPLOYMENT] = names_of(RecordKind.DEPLOYMENT, self.connection.namespace)
            change.diff[LINKS] = shown(change.diff[LINKS], self.names[RecordKind.DEPLOYMENT])
        change.fields = list(change.diff)
        change.outcome = record_outcome({c["state"] for c in change.diff.values()})
        return change


def compare_apart(
    portfolio: dict[str, str], last: dict[str, str], target: dict[str, str], kept: dict[str, str]
) -> diff.Comparison:
    """The three-way comparison of an item the portfolio never publishes, where a field kept on both sides
    has two baselines: `last` for the portfolio's value and `kept` for the target's. Each side moved when
    it left its own."""
    result = diff.compare({k: v for k, v in portfolio.items() if k not in kept}, last, target)
    for name in portfolio.keys() & kept.keys():
        value, now = portfolio[name], target.get(name, "")
        here, there = value != last.get(name), now != kept[name]
        if not (here or there) or (here and there and value == now):
            continue
        state = diff.CONFLICT if here and there else diff.UPDATE if here else diff.CHANGED_IN_TARGET
        before = kept[name] if there else last.get(name)
        result.changes[name] = diff.FieldChange(state, value, before, now)
    return result


def gone(change: PullChange, record: PulledRecord) -> PullChange:
    """A record deleted or retired in the target: flagged, never merged field by field."""
    change.outcome = GONE
    change.diff = {diff.GONE: gone_field(record)}
    change.fields = [diff.GONE]
    return change


def gone_field(record: PulledRecord) -> dict:
    target = "deleted" if record.deleted else "retired"
    return {"state": GONE, "portfolio": "present", "last": "present", "target": target, "owner": ""}


def as_discovered(record: PulledRecord) -> Discovered:
    values = record.values
    return Discovered(
        target_id=record.target_id,
        name=record.name,
        serial_number=values.get("serial_number", ""),
        target_type=record.target_type,
    )


def retired_in_portfolio(entries: list) -> set[str]:
    """The ids of the portfolio records among `entries` that are retired here too (operational status,
    lifecycle stage or status): a target retiring what the portfolio published retired is no news."""
    found: set[str] = set()
    for kind in BUSINESS:
        ids = [e.record_id for e in entries if e.kind == kind]
        model = MODELS[kind]
        names = {f.name for f in model._meta.fields}
        retired = Q(pk__in=[])
        if "operational_status" in names:
            retired |= Q(operational_status=OperationalStatus.RETIRED)
        if "lifecycle_status" in names:
            retired |= Q(lifecycle_status__in=(LifecycleStatus.RETIRED, LifecycleStatus.OBSOLETE))
        if "lifecycle_stage" in names:
            retired |= Q(lifecycle_stage=LifecycleStage.END_OF_LIFE)
        if ids:
            found |= set(map(str, model.objects.filter(retired, pk__in=ids).values_list("pk", flat=True)))
    return found


def names_of(kind: str, namespace) -> dict[str, str]:
    """Record id → name of a namespace's records of a kind (deployments with their application)."""
    if kind == RecordKind.DEPLOYMENT:
        rows = DeploymentProfile.objects.filter(namespace=namespace).select_related("application")
    elif kind == RecordKind.APPLICATION:
        rows = BusinessApplication.objects.filter(namespace=namespace)
    else:
        return {}
    return {str(r.pk): str(r) for r in rows}
