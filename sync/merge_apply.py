"""Applying decisions on a record pull (the merge screen, the command, the schedule): take the target's
value, keep the portfolio's, or import a record new in the target under a chosen parent. One submission
is all or nothing: every row is checked first (known, still as pulled, valid in the portfolio), and one
refused row writes nothing. The writes, the sync map's new agreement and each row's audit (who, when,
what was decided, the portfolio values it overwrote, kept in the row) share one transaction.

The sync map records the decision so that preview and publish see the new baseline: a taken field's
last value becomes the target's (the next preview shows it unchanged); a kept field's last value also
becomes the target's, so the portfolio's value reads as its own change and publish sends it. An
infrastructure item taken from the target is never published to it: keeping ours there records both
values as agreed (`kept`), shown again only when one side moves."""

import itertools
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from catalog.models import InfrastructureItem
from integrations.base.platform import platform_of
from sync import diff
from sync.merge_imports import build_import
from sync.merge_loading import Loaded, load
from sync.models import Direction, Pull, PullChange, PullStatus, RecordKind, SyncMapEntry
from sync.plan import Plan, build_plan
from sync.subscribe import FIELDS, SubscribeRefused, reasons, set_values, source_of, values_of
from sync.subscribe_compare import BUSINESS, CHANGED_IN_TARGET, CONFLICT, GONE, NEW
from sync.subscribe_links import LINKS, ids_of, joined

TAKE, KEEP = diff.TAKE, diff.KEEP
DECIDABLE = (CHANGED_IN_TARGET, CONFLICT)


@dataclass
class Submission:
    fields: dict[int, dict[str, str]] = field(default_factory=dict)  # change id → field → take | keep
    imports: dict[int, list[str]] = field(default_factory=dict)  # change id → chosen parent ids

    def __bool__(self) -> bool:
        return bool(self.fields or self.imports)


@dataclass
class Merged:
    taken: int = 0
    kept: int = 0
    imported: int = 0

    def __str__(self) -> str:
        return f"{self.taken} field(s) taken, {self.kept} kept, {self.imported} record(s) imported"


@dataclass
class Planned:
    """One row's writes, prepared and validated, not saved yet."""

    change: PullChange
    record: models.Model
    entry: SyncMapEntry
    takes: list[str]
    keeps: list[str]
    parents: list[str] = field(default_factory=list)
    created: bool = False
    relink: bool = False  # set the item's deployments to `parents`


def apply_merge(pull: Pull, submission: Submission, user: Any = None) -> Merged:
    """Carry out a submission; raises SubscribeRefused with every reason when anything is refused."""
    if pull.status != PullStatus.READY:
        raise SubscribeRefused(f"This pull is {pull.get_status_display().lower()}: pull again.")
    if not submission:
        raise SubscribeRefused("Choose at least one field to take or keep, or a record to import.")
    try:
        return _apply(pull, submission, user)
    except IntegrityError:
        raise SubscribeRefused("Another change to the portfolio came first: pull again.") from None


def _apply(pull: Pull, submission: Submission, user: Any) -> Merged:
    connection = pull.connection
    with transaction.atomic():
        locked = Pull.objects.select_for_update().get(pk=pull.pk)
        if locked.status != PullStatus.READY:
            raise SubscribeRefused("This pull was superseded meanwhile: decide on the newer one.")
        wanted = set(submission.fields) | set(submission.imports)
        rows = pull.changes.select_for_update().filter(pk__in=wanted, applied_at__isnull=True)
        changes = {c.pk: c for c in rows}
        unknown = sorted(wanted - set(changes))
        if unknown:
            raise SubscribeRefused(
                f"Unknown or already applied changes: {', '.join(map(str, unknown))}. Reload the page."
            )
        loaded = load(connection, changes.values())  # locked first: the checks below see the final state
        needs_plan = any(c.record_kind in BUSINESS and c.outcome != NEW for c in changes.values())
        plan = build_plan(connection) if needs_plan else None
        problems: list[str] = []
        planned = []
        for change in changes.values():
            found = prepare(connection, change, submission, plan, problems, loaded)
            if found is not None:
                planned.append(found)
        if problems:
            raise SubscribeRefused(" ".join(problems))
        result = write(pull, planned, user)
        rebaseline(connection, [p for p in planned if p.change.record_kind in BUSINESS])
    return result


def prepare(
    connection,
    change: PullChange,
    submission: Submission,
    plan: Plan | None,
    problems: list[str],
    loaded: Loaded,
):
    name = change.name
    if change.pk in submission.imports:
        if submission.fields.get(change.pk):
            problems.append(f"{name}: import the record or decide on its fields, not both.")
            return None
        if change.outcome != NEW:
            problems.append(f"{name}: only a record new in the target can be imported.")
            return None
        try:
            record, parents = build_import(connection, change, submission.imports[change.pk], loaded.reserved)
        except ValueError as exc:
            problems.append(f"{name}: {exc}")
            return None
        entry = SyncMapEntry(
            connection=connection,
            kind=change.record_kind,
            record_id=record.pk,
            target_type=change.target_type,
            target_id=change.target_id,
            direction=Direction.TAKEN
            if change.record_kind == RecordKind.INFRASTRUCTURE_ITEM
            else Direction.ADOPTED,
            last_values=dict(change.values),
        )
        if change.record_kind == RecordKind.INFRASTRUCTURE_ITEM:  # the links chosen are agreed with the
            entry.last_values[LINKS] = joined(parents)  # target's, kept apart when they differ
            theirs = joined(s[0] for s in change.suggested)
            entry.kept = {LINKS: theirs} if theirs != entry.last_values[LINKS] else {}
        stale = stale_entry(connection, change)
        if stale is not None:  # its item was deleted in the portfolio: the entry follows the new one
            entry = repointed(stale, entry)
        elif SyncMapEntry.objects.filter(connection=connection, target_id=change.target_id).exists():
            problems.append(f"{name}: already in the sync map (imported meanwhile): pull again.")
            return None
        return Planned(change, record, entry, [], [], parents, created=True)
    choices = submission.fields.get(change.pk, {})
    if change.outcome in (GONE, NEW):
        problems.append(
            f"{name}: a record {change.outcome.replace('_', ' ')} is flagged, not merged field by field."
        )
        return None
    for field_name, choice in choices.items():
        state = change.diff.get(field_name, {}).get("state")
        if state not in DECIDABLE:
            problems.append(f"{name}: no change of the target to decide on the field “{field_name}”.")
        elif field_name in change.decisions:
            problems.append(f"{name}: the field “{field_name}” is decided already. Reload the page.")
        elif choice not in (TAKE, KEEP):
            problems.append(f"{name}: “{choice}” is not a field decision (take or keep).")
    if problems:
        return None
    takes = [f for f, c in choices.items() if c == TAKE]
    keeps = [f for f, c in choices.items() if c == KEEP]
    if change.record_kind == RecordKind.INFRASTRUCTURE_ITEM:
        return prepare_item(connection, change, takes, keeps, problems, loaded)
    return prepare_business(connection, change, takes, keeps, plan, problems, loaded)


def prepare_business(connection, change, takes, keeps, plan, problems, loaded: Loaded) -> Planned | None:
    item = plan.item(change.record_id) if plan else None
    if item is None or item.hash != change.record_hash:
        problems.append(f"{change.name}: edited in the portfolio since the pull; pull again.")
        return None
    record = loaded.record(change.record_kind, change.record_id)
    entry = loaded.entry(change.record_kind, change.record_id)
    if record is None or entry is None:
        problems.append(f"{change.name}: the portfolio record or its sync map entry is gone; pull again.")
        return None
    platform = platform_of(connection)
    for field_name in takes:
        target = change.diff[field_name]["target"]
        found = platform.portfolio_value(change.record_kind, field_name, target)
        if found is None:
            problems.append(
                f"{change.name}: the target's “{field_name}” ({target!r}) has no portfolio field to go to; "
                "keep it instead."
            )
            return None
        setattr(record, found[0], found[1])
    if not valid(record, change.name, problems):
        return None
    return Planned(change, record, entry, takes, keeps)


def prepare_item(connection, change, takes, keeps, problems, loaded: Loaded) -> Planned | None:
    item = loaded.record(RecordKind.INFRASTRUCTURE_ITEM, change.item_id) if change.item_id else None
    links = loaded.links
    if (
        item is None
        or any(values_of(item)[f] != change.current.get(f, "") for f in FIELDS)
        or links.portfolio(item) != change.current.get(LINKS, links.portfolio(item))
    ):
        problems.append(f"{change.name}: edited or deleted in the portfolio since the pull; pull again.")
        return None
    parents = links.taken(item, ids_of(change.diff[LINKS], "target")) if LINKS in takes else []
    names = [f for f in takes if f != LINKS]
    set_values(item, {f: change.diff[f]["target"] for f in names}, names)
    item.source, item.source_id = source_of(connection), change.target_id
    if not valid(item, change.name, problems):
        return None
    entry = loaded.entry(RecordKind.INFRASTRUCTURE_ITEM, item.pk)
    if entry is None:
        entry = SyncMapEntry(
            connection=connection,
            kind=RecordKind.INFRASTRUCTURE_ITEM,
            record_id=item.pk,
            target_type=change.target_type,
            target_id=change.target_id,
            direction=Direction.TAKEN,
            last_values={f: change.current.get(f, "") for f in (*FIELDS, LINKS)},  # what the pull compared
        )
        stale = stale_entry(connection, change)
        if stale is not None:  # its item was deleted in the portfolio: the entry follows this one
            entry = repointed(stale, entry)
    return Planned(change, item, entry, takes, keeps, parents, relink=LINKS in takes)


def stale_entry(connection, change: PullChange) -> SyncMapEntry | None:
    """The sync-map entry of the target's CI whose infrastructure item was deleted in the portfolio."""
    entry = SyncMapEntry.objects.filter(
        connection=connection, kind=RecordKind.INFRASTRUCTURE_ITEM, target_id=change.target_id
    ).first()
    if entry is None or InfrastructureItem.objects.filter(pk=entry.record_id).exists():
        return None
    return entry


def repointed(stale: SyncMapEntry, fresh: SyncMapEntry) -> SyncMapEntry:
    """The stale entry, saved in place (one entry per target record), now saying what `fresh` says."""
    for name in ("record_id", "target_type", "direction", "last_values", "kept"):
        setattr(stale, name, getattr(fresh, name))
    stale.last_hash = ""
    return stale


def valid(record: models.Model, name: str, problems: list[str]) -> bool:
    try:
        record.full_clean()
    except ValidationError as exc:
        problems.append(f"{name}: not valid in the portfolio: {reasons(exc)}")
        return False
    return True


def write(pull: Pull, planned: list[Planned], user: Any) -> Merged:
    result, now = Merged(), timezone.now()
    for p in planned:
        change = p.change
        p.record.save()
        entry = p.entry
        for name in itertools.chain(p.takes, p.keeps):
            entry.last_values = {**entry.last_values, name: ids_of(change.diff[name], "target")}
            entry.kept = {k: v for k, v in entry.kept.items() if k != name}
        if p.keeps and keeps_apart(entry):
            for name in p.keeps:  # never published: both values stand, agreed until one side moves
                entry.last_values[name] = ids_of(change.diff[name], "portfolio")
                entry.kept = {**entry.kept, name: ids_of(change.diff[name], "target")}
        elif p.keeps:
            entry.last_hash = ""  # the portfolio's value is its own change now: the plan computes it again
        entry.last_synced_at = now
        entry.save()
        if (p.created or p.relink) and isinstance(p.record, InfrastructureItem):
            p.record.deployments.set(p.parents)
        change.decisions = {**change.decisions, **{n: TAKE for n in p.takes}, **{n: KEEP for n in p.keeps}}
        if p.created:
            change.record_id = str(p.record.pk)
            change.result = "imported"
        else:
            taken = sum(c == TAKE for c in change.decisions.values())
            change.result = f"{taken} taken, {len(change.decisions) - taken} kept"
        if isinstance(p.record, InfrastructureItem):
            change.item = p.record
            if not p.created:  # what the portfolio holds now: the next decision on the row checks it
                change.current = {**change.current, **current_of(p)}
        change.applied_by = user
        if p.created or not undecided(change):  # a row with fields left to decide stays open
            change.applied_at = now
        change.save(
            update_fields=["decisions", "record_id", "result", "item", "current", "applied_at", "applied_by"]
        )
        result.taken += len(p.takes)
        result.kept += len(p.keeps)
        result.imported += p.created
    return result


def undecided(change: PullChange) -> list[str]:
    """The fields of a row a person still has to decide on."""
    return [
        name
        for name, f in change.diff.items()
        if f.get("state") in DECIDABLE and name not in change.decisions
    ]


def current_of(p: Planned) -> dict[str, str]:
    """An infrastructure item's compared values after the write (the links as the target's side took them)."""
    values = {f: values_of(p.record)[f] for f in FIELDS}
    if p.relink:
        values[LINKS] = ids_of(p.change.diff[LINKS], "target") or ""
    return values


def keeps_apart(entry: SyncMapEntry) -> bool:
    """An infrastructure item the portfolio does not publish to the target (taken from it): keeping ours
    sends nothing, so the difference is remembered as agreed (`kept`), not as the portfolio's change."""
    return entry.kind == RecordKind.INFRASTRUCTURE_ITEM and entry.direction != Direction.PUBLISHED


def rebaseline(connection, planned: list[Planned]) -> None:
    """A business record whose portfolio values now all equal the agreed ones gets the plan's new hash,
    so the next preview reads it as unchanged (and costs no look-up)."""
    if not planned:
        return
    plan = build_plan(connection)
    for p in planned:
        item = plan.item(str(p.record.pk))
        if item is None:
            continue
        if not p.change.applied_at:  # fields left to decide: the row is checked against this state next
            PullChange.objects.filter(pk=p.change.pk).update(record_hash=item.hash)
        if p.keeps:
            continue
        if all(p.entry.last_values.get(k) == v for k, v in item.values.items()):
            SyncMapEntry.objects.filter(pk=p.entry.pk).update(last_hash=item.hash)
