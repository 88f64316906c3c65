"""Publishing: the plan executed step by step in the platform's dependency order. Each step reads what it
is about to write (the same comparison as the preview), builds exactly the fields the decisions call
for, and hands them to the platform; each batch's results, sync map rows, previous values and progress
are written in one transaction, so a worker killed at any moment loses at most the batch in flight,
and re-sending it is safe (its calls are in the audit already: `sync.audit` writes them ahead).

An edit made in the target is never overwritten silently: fields changed there are kept unless a
decision says otherwise, and a conflict without a decision is not written. A publish never deletes."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from integrations.base.platform import (
    ApplyContext,
    ItemResult,
    Record,
    Relation,
    RelationResult,
    Step,
    TargetRef,
    Write,
    platform_of,
)
from sync import decisions, diff
from sync.agreement import kept_values, references_of
from sync.audit import AuditRecorder
from sync.compare import Comparer, Finding
from sync.models import Direction, Outcome, Run, RunItem, RunStatus, SyncMapEntry
from sync.plan import Plan, PlanItem, build_plan, carrier, sync_map
from sync.previewed import Decided, preview_decisions
from sync.progress import Abort, Tracker, drive
from sync.rows import relation_key, relation_row, row_for

FAILED = (Outcome.ERROR, Outcome.CONFLICT)
CHANGED = "The portfolio changed since this publish was started: preview again, then publish."


@dataclass
class Pending:
    item: PlanItem
    finding: Finding | None
    write: Write


class Publisher:
    def __init__(self, run: Run) -> None:
        self.run = run
        self.connection = run.connection
        self.platform = platform_of(self.connection)
        self.options = self.platform.options(self.connection.options)
        self.recorder = AuditRecorder(run)
        self.client = self.platform.client(self.connection, audit=self.recorder)
        self.plan: Plan = build_plan(self.connection)
        if run.plan_hash and self.plan.hash != run.plan_hash:
            raise Abort(CHANGED)
        self.entries = sync_map(self.connection)
        self.holders = {(e.target_type, e.target_id): key for key, e in self.entries.items() if e.target_id}
        self.decided, self.previewed = preview_decisions(run)
        self.refs = {
            i.record_id: TargetRef(i.target_type, i.target_id) for i in self.plan.items if i.target_id
        }
        self.failed: dict[str, str] = dict(
            run.items.filter(outcome__in=FAILED).values_list("record_id", "message")
        )
        self.skipped = set(run.items.filter(outcome=Outcome.SKIPPED).values_list("record_id", flat=True))
        self.done = set(run.items.values_list("record_id", flat=True))
        # records this run created, whichever attempt did: a relationship to one of them is new too
        created = run.items.filter(outcome=Outcome.CREATE).exclude(kind="relation")
        self.created = set(created.values_list("record_id", flat=True))
        self.carried: dict[str, list[Relation]] = {}
        for relation in self.plan.relations:
            owner = carrier(self.plan, relation)
            if owner is not None:
                self.carried.setdefault(owner.record_id, []).append(relation)
        totals: dict[str, int] = {}
        for part in [*self.plan.items, *self.plan.relations]:
            totals[part.step] = totals.get(part.step, 0) + 1
        self.tracker = Tracker(
            run, {s.key: totals[s.key] for s in self.plan.steps if s.key in totals}, self.client
        )
        self.comparer = Comparer(self.platform, self.client, self.options)
        self.pending: dict[str, Pending] = {}

    def execute(self) -> None:
        for step in self.plan.steps:
            if not step.relations:
                self.step(step)

    # One step -------------------------------------------------------------------------------------------

    def step(self, step: Step) -> None:
        rows: list[RunItem] = []
        consider = []
        for item in self.plan.by_step(step.key):
            if item.record_id in self.done:
                continue
            decided = self.decided.get(item.record_id, Decided())
            if item.matched:
                rows.append(
                    row_for(item, Outcome.NOT_PUBLISHED, "Matched to an existing record; not written.")
                )
            elif decided.decision == decisions.SKIP:
                rows += self.skip(item, "Skipped, as decided in the preview.")
            elif item.group and item.group in self.skipped:
                group = self.plan.item(item.group)
                rows += self.skip(item, f"Skipped with {group.name if group else item.group}.")
            elif item.group and (item.group in self.failed or item.group not in self.refs):
                group = self.plan.item(item.group)
                reason = self.failed.get(item.group, "it is not in the target")
                rows += self.fail(item, f"Skipped: {group.name if group else item.group} failed ({reason}).")
            elif item.unchanged and not decided.needs_reading:
                rows.append(row_for(item, Outcome.UNCHANGED))
                rows += [
                    self.relation_row(r, Outcome.UNCHANGED) for r in self.carried.get(item.record_id, [])
                ]
            else:
                consider.append(item)
        self.commit_rows(rows)
        if not consider:
            return
        self.tracker.checkpoint()
        findings = self.findings(consider)
        writes = []
        for item in consider:
            write, rows = self.write_for(item, findings[item.record_id])
            self.commit_rows(rows)
            if write is not None:
                self.pending[item.record_id] = Pending(item, findings[item.record_id], write)
                writes.append(write)
        if writes:
            context = ApplyContext(
                commit=self.record, checkpoint=self.tracker.checkpoint, before_create=self.intent
            )
            self.platform.apply(self.client, step, writes, self.options, context)

    def findings(self, items: list[PlanItem]) -> dict[str, Finding]:
        """The preview's comparison, done again for what is about to be written. What the preview of this
        very plan identified (new, or an existing record) is read again, not looked for again."""
        known = {}
        for item in items:
            decided = self.decided.get(item.record_id)
            found = decided.identification() if decided and not item.target_id else None
            if found is not None:
                known[item.record_id] = found
        return self.comparer.findings(items, create_references=True, known=known, recheck=self.recheck)

    def recheck(self, item: PlanItem, name: str) -> bool:
        """Look again for a reference not found last time? Only where the preview found it since (its
        diff lists the field); without a preview, always."""
        return not self.previewed or name in self.decided.get(item.record_id, Decided()).changed

    def write_for(self, item: PlanItem, finding: Finding) -> tuple[Write | None, list[RunItem]]:
        """The write a finding and its decisions call for, or the rows that say why there is none."""
        decided = self.decided.get(item.record_id, Decided())
        notes = " ".join(finding.notes)
        if item.direction == Direction.PUBLISHED and not item.target_id:  # an interrupted create of ours
            return self.write(item, "", finding.portfolio, resumed=True), []
        if finding.outcome == Outcome.ERROR:
            return None, self.fail(item, finding.message)
        if finding.outcome == Outcome.CREATE:
            return self.write(item, "", finding.portfolio), []
        if finding.outcome in decisions.NEEDS_DECISION:
            choice = decided.decision or (decisions.ADOPT if self.adopt_by_default(finding) else "")
            if choice == decisions.CREATE:
                return self.write(item, "", finding.portfolio), []
            if choice != decisions.ADOPT:
                return None, self.skip(
                    item, f"Not written: it needs a decision (adopt or create). {finding.message}"
                )
        elif diff.GONE in finding.diff:
            if self.field_choice(decided, diff.GONE) != diff.OVERWRITE:
                return None, self.kept(item, finding, "Deleted in the target; kept deleted.")
            return self.write(item, "", finding.portfolio), []
        values = diff.to_write(finding.diff, finding.portfolio, self.expand(decided, finding.diff))
        if values is None:
            return None, self.fail(
                item, "Changed on both sides and not decided: not written.", Outcome.CONFLICT
            )
        if not values and item.target_id and not self.carried.get(item.record_id):
            note = "Fields changed in the target were kept." if finding.diff else notes
            return None, self.kept(item, finding, note)
        version = finding.current.version if finding.current else ""
        return self.write(item, finding.target.id, values, version=version), []

    def adopt_by_default(self, finding: Finding) -> bool:
        """Without a preview, only a record the target's own identification rules name is adopted."""
        return finding.outcome == Outcome.ADOPT and finding.identified and not self.previewed

    @staticmethod
    def field_choice(decided: Decided, name: str) -> str:
        return decided.fields.get(name) or (
            decided.decision if decided.decision in diff.FIELD_CHOICES else ""
        )

    def expand(self, decided: Decided, changes: dict) -> dict[str, str]:
        """Each field's decision; a row's decision covers only the fields its preview showed (a field
        edited in the target since gets the default: kept)."""
        choices = {}
        for name in changes:
            if name not in decided.fields and name not in decided.changed:
                continue
            choice = self.field_choice(decided, name)
            if choice in (diff.KEEP, diff.TAKE):
                choices[name] = diff.KEEP
            elif choice == diff.OVERWRITE:
                choices[name] = diff.OVERWRITE
        return choices

    def write(
        self, item: PlanItem, target_id: str, values: dict[str, str], version: str = "", resumed: bool = False
    ) -> Write:
        links = []
        for relation in self.carried.get(item.record_id, []):
            parent, child = self.refs.get(relation.parent), self.refs.get(relation.child)
            other = relation.child if relation.parent == item.record_id else relation.parent
            if other not in self.refs:
                continue  # recorded as skipped with the result
            links.append((relation, parent, child))
        return Write(item.record, target_id, values, version, tuple(links), resumed)

    # Recording -------------------------------------------------------------------------------------------

    def intent(self, record: Record) -> None:
        """Before a create that is not safe to repeat: the sync map knows one was attempted."""
        with transaction.atomic():
            entry = self.entries.get((record.kind, record.record_id)) or SyncMapEntry(
                connection=self.connection, kind=record.kind, record_id=record.record_id
            )
            entry.target_type, entry.target_id, entry.direction = record.target_type, "", Direction.PUBLISHED
            entry.last_hash, entry.last_values = "", {}
            entry.save()
            self.entries[(record.kind, record.record_id)] = entry

    def record(self, results: list[ItemResult]) -> None:
        """One batch's results: rows, sync map, previous values and progress together."""
        rows, entries = [], []
        for result in results:
            pending = self.pending.pop(result.record_id)
            item = pending.item
            if not result.ok:
                rows += self.fail(item, result.error)
                continue
            holder = self.holders.get((item.target_type, result.target_id))
            if holder and holder != (item.kind, item.record_id):
                other = self.plan.item(holder[1])
                rows += self.fail(
                    item,
                    f"The target record {result.target_id} already belongs to "
                    f"{other.name if other else holder[1]} in the sync map; this record was not mapped.",
                    Outcome.CONFLICT,
                )
                continue
            row, entry = self.landed(pending, result)
            rows.append(row)
            if row.outcome == Outcome.CREATE:
                self.created.add(item.record_id)
            entries.append(entry)
            self.holders[(entry.target_type, entry.target_id)] = (entry.kind, str(entry.record_id))
            rows += self.relation_rows(item, result)
        with transaction.atomic():
            for entry in entries:
                entry.save()
                self.entries[(entry.kind, str(entry.record_id))] = entry
            self.commit_rows(rows)

    def landed(self, pending: Pending, result: ItemResult) -> tuple[RunItem, SyncMapEntry]:
        item, write, finding = pending.item, pending.write, pending.finding
        mapped = bool(item.target_id)
        if result.operation in ("created", "found"):
            direction, outcome = Direction.PUBLISHED, Outcome.CREATE
            message = "Created by an interrupted attempt; confirmed." if result.operation == "found" else ""
        elif mapped:
            direction, message = item.direction, ""
            outcome = Outcome.UPDATE if result.operation == "updated" else Outcome.UNCHANGED
            if finding and finding.outcome == Outcome.CHANGED_IN_TARGET and not write.values:
                outcome, message = Outcome.CHANGED_IN_TARGET, "Fields changed in the target were kept."
        else:
            direction, outcome = Direction.ADOPTED, Outcome.ADOPT
            message = "The target already held this record; it is adopted (updated, never deleted)."
        row = row_for(
            item,
            outcome,
            " ".join(p for p in (message, *(finding.notes if finding else [])) if p),
            result.target_id,
        )
        row.target_version = result.version
        row.diff = finding.diff if finding else {}
        if write.target_id and finding and finding.current:
            row.previous = {k: finding.current.values.get(k, "") for k in write.values}
        entry = self.entries.get((item.kind, item.record_id)) or SyncMapEntry(
            connection=self.connection, kind=item.kind, record_id=item.record_id
        )
        entry.target_type, entry.target_id, entry.direction = item.target_type, result.target_id, direction
        entry.last_hash, entry.last_synced_at, entry.target_version = (
            item.hash,
            timezone.now(),
            result.version,
        )
        carried = self.carried.get(item.record_id, [])
        if any(not link.ok for link in result.relations) or len(result.relations) < len(carried):
            entry.last_hash = ""  # a relationship did not land: the next publish sends it again
        entry.last_values = finding.portfolio if finding else dict(write.values)
        entry.kept = kept_values(item, finding, write.values) if write.target_id else {}
        entry.last_references = references_of(item)
        self.refs[item.record_id] = TargetRef(item.target_type, result.target_id)
        return row, entry

    def kept(self, item: PlanItem, finding: Finding, message: str) -> list[RunItem]:
        """Nothing to send: the portfolio's values are the agreement, and the target's differing values
        are remembered as kept (target edits stay, and stay quiet until either side moves)."""
        row = finding.row()
        row.message = message
        entry = self.entries.get((item.kind, item.record_id))
        if entry is not None:
            entry.last_hash, entry.last_values = item.hash, finding.portfolio
            entry.last_references = references_of(item)
            entry.kept, entry.last_synced_at = kept_values(item, finding, {}), timezone.now()
            entry.save()
        return [row, *[self.relation_row(r, Outcome.UNCHANGED) for r in self.carried.get(item.record_id, [])]]

    def relation_rows(self, item: PlanItem, result: ItemResult) -> list[RunItem]:
        rows, answered = [], {relation_key(r.relation): r for r in result.relations}
        for relation in self.carried.get(item.record_id, []):
            link = answered.get(relation_key(relation))
            if link is None:
                other = relation.child if relation.parent == item.record_id else relation.parent
                end = self.plan.item(other)
                reason = self.failed.get(other, "it is not in the target")
                rows.append(
                    self.relation_row(
                        relation, Outcome.SKIPPED, f"Skipped: {end.name if end else other}: {reason}."
                    )
                )
            elif not link.ok:
                rows.append(self.relation_row(relation, Outcome.ERROR, link.error))
            else:
                rows.append(self.linked(relation, link))
        return rows

    def linked(self, relation: Relation, link: RelationResult) -> RunItem:
        """A relationship that landed. The target may call it existing because an interrupted attempt of
        this run created it: with an end this run created, it cannot have existed before, so it counts
        as created (a resumed run counts what all its attempts did)."""
        outcome, message = Outcome.CREATE, ""
        if not link.created:
            if {relation.parent, relation.child} & self.created:
                message = "Created by an interrupted attempt; confirmed."
            else:
                outcome = Outcome.UNCHANGED
        return self.relation_row(
            relation, outcome, message, target_id=link.target_id, target_type=link.target_type
        )

    def relation_row(self, relation: Relation, outcome: str, message: str = "", **target) -> RunItem:
        return relation_row(self.plan, relation, outcome, message, **target)

    def fail(self, item: PlanItem, message: str, outcome: str = Outcome.ERROR) -> list[RunItem]:
        self.failed[item.record_id] = message
        reason = f"Skipped: {item.name} was not written."
        return [row_for(item, outcome, message)] + [
            self.relation_row(r, Outcome.SKIPPED, reason) for r in self.carried.get(item.record_id, [])
        ]

    def skip(self, item: PlanItem, message: str) -> list[RunItem]:
        self.skipped.add(item.record_id)
        return [row_for(item, Outcome.SKIPPED, message)] + [
            self.relation_row(r, Outcome.SKIPPED, f"Skipped with {item.name}.")
            for r in self.carried.get(item.record_id, [])
        ]

    def commit_rows(self, rows: list[RunItem]) -> None:
        self.tracker.store(rows, failed=FAILED)
        self.done.update(row.record_id for row in rows)


def publish_outcome(run: Run) -> tuple[str, str]:
    failures = run.items.filter(outcome__in=FAILED).count()
    if not failures:
        return RunStatus.SUCCEEDED, ""
    if run.items.exclude(outcome__in=FAILED).exists():
        return RunStatus.PARTIAL, f"{failures} record{'s' if failures != 1 else ''} failed."
    return RunStatus.FAILED, "Every record failed."


def execute_publish(run: Run) -> Run:
    """Run (or resume) a queued publish to its end, whatever the target answers."""
    return drive(run, Publisher, publish_outcome)
