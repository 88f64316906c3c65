"""Reading the target before writing to it: for each plan item, what the target holds now and how it
compares with the portfolio and the last agreement. Preview and publish classify with this same code,
so what a preview shows is what a publish does."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from integrations.base.platform import Current, Identified, Platform, Reference, TargetRef
from sync import diff
from sync.models import Direction, Outcome, RunItem
from sync.plan import PlanItem, reference_key
from sync.rows import row_for

Recheck = Callable[[PlanItem, str], bool]
ADOPT_MESSAGE = (
    "The target already holds this record (not created by Portfolio Bridge): adopt it — its identity "
    "fields are kept unless you choose otherwise — or create a new one."
)
GONE_MESSAGE = (
    "Deleted in the target since the last sync: it stays deleted unless you choose to overwrite "
    "(publish it again)."
)


@dataclass
class Finding:
    item: PlanItem
    outcome: str
    target: TargetRef | None = None
    current: Current | None = None
    portfolio: dict[str, str] = field(default_factory=dict)  # with references resolved
    diff: dict[str, dict] = field(default_factory=dict)
    message: str = ""
    notes: list[str] = field(default_factory=list)
    identified: bool = False  # by the target's identification rules: adopt only

    def row(self) -> RunItem:
        message = " ".join(p for p in (self.message, *self.notes) if p)
        row = row_for(self.item, self.outcome, message, self.target.id if self.target else "")
        row.diff, row.identified = self.diff, self.identified
        return row


class Comparer:
    def __init__(self, platform: Platform, client: Any, options: Any) -> None:
        self.platform = platform
        self.client = client
        self.options = options

    def portfolio_values(
        self, items: list[PlanItem], create: bool, recheck: Recheck | None = None
    ) -> dict[str, tuple[dict[str, str], list[str]]]:
        """Each record's values as the target would hold them: references looked up (batched), the
        unknown ones left out with a note. A record whose portfolio did not change keeps its last
        agreed values and costs no look-up. A reference not found last time is looked for again
        (it may exist now) unless `recheck` says it need not be."""

        def stale(item: PlanItem, name: str, ref: Reference) -> bool:
            if item.last_references.get(name) != reference_key(ref):
                return True
            return name not in item.last_values and (recheck is None or recheck(item, name))

        fresh = [
            i
            for i in items
            if not (i.unchanged and i.last_values)
            or any(stale(i, n, r) for n, r in i.record.references.items())
        ]
        fresh_ids = {i.record_id for i in fresh}
        wanted = {ref for i in fresh for name, ref in i.record.references.items() if stale(i, name, ref)}
        found = self.platform.resolve(self.client, wanted, self.options, create=create) if wanted else {}
        result = {}
        for item in items:
            if item.record_id not in fresh_ids:
                result[item.record_id] = (dict(item.last_values), [])
                continue
            values = dict(item.last_values) if item.unchanged and item.last_values else dict(item.values)
            for name in item.last_references.keys() - item.record.references.keys():
                if item.last_values.get(name):
                    values[name] = ""  # the portfolio no longer names one: cleared in the target too
            notes = []
            for name, ref in item.record.references.items():
                if not stale(item, name, ref) and name in item.last_values:
                    values[name] = item.last_values[name]
                elif ref in found:
                    values[name] = found[ref]
                else:
                    notes.append(unknown(ref, name))
            result[item.record_id] = (values, notes)
        return result

    def findings(
        self,
        items: list[PlanItem],
        create_references: bool = False,
        known: dict[str, Identified] | None = None,
        recheck: Recheck | None = None,
    ) -> dict[str, Finding]:
        """`known`: identifications already made (a publish takes its preview's): read again, not redone."""
        written = [i for i in items if not i.matched]
        mapped = [i for i in written if i.target_id]
        identified = dict(known or {})
        unmapped = [i for i in written if not i.target_id and i.record_id not in identified]
        if unmapped:
            identified |= self.platform.identify(self.client, [i.record for i in unmapped], self.options)
        refs = [TargetRef(i.target_type, i.target_id) for i in mapped]
        refs += [f.ref or f.near.ref for f in identified.values() if f.ref or f.near]
        names: set[str] = set()
        for item in written:
            names |= item.values.keys() | item.record.references.keys()
        current = self.platform.read(self.client, refs, names) if refs else {}
        values = self.portfolio_values(written, create_references, recheck)
        result = {}
        for item in items:
            if item.matched:
                result[item.record_id] = Finding(
                    item, Outcome.NOT_PUBLISHED, message="Matched to an existing record; not written."
                )
                continue
            portfolio, notes = values[item.record_id]
            if item.target_id:
                finding = self.known(item, portfolio, current)
            else:
                finding = self.new(item, portfolio, identified.get(item.record_id), current)
            finding.notes = notes
            result[item.record_id] = finding
        return result

    def known(self, item: PlanItem, portfolio: dict[str, str], current: dict) -> Finding:
        ref = TargetRef(item.target_type, item.target_id)
        now = current.get(ref)
        if now is None:
            gone = {
                "state": diff.CHANGED_IN_TARGET,
                "portfolio": "present",
                "last": "present",
                "target": "deleted",
            }
            return Finding(
                item, Outcome.CHANGED_IN_TARGET, ref, None, portfolio, {diff.GONE: gone}, GONE_MESSAGE
            )
        identity = item.record.identity if item.direction == Direction.ADOPTED else frozenset()
        comparison = diff.compare(portfolio, item.last_values or None, now.values, identity, item.kept)
        outcome = diff.record_state(comparison)
        message = ""
        if outcome == diff.UNCHANGED and not item.unchanged and item.record.related:
            outcome, message = diff.UPDATE, "Its relationships change."
        elif outcome == diff.UPDATE and diff.CHANGED_IN_TARGET in comparison.states:
            message = "Fields changed in the target are kept unless you choose to overwrite them."
        elif outcome == diff.CONFLICT:
            message = "Changed on both sides: decide which value wins before publishing."
        return Finding(item, OUTCOMES[outcome], ref, now, portfolio, comparison.as_json(), message)

    def new(self, item: PlanItem, portfolio: dict[str, str], found, current: dict) -> Finding:
        if found is None:
            return Finding(item, Outcome.CREATE, portfolio=portfolio)
        if found.error:
            return Finding(item, Outcome.ERROR, portfolio=portfolio, message=found.error)
        ref = found.ref or (found.near.ref if found.near else None)
        if ref is None:
            return Finding(item, Outcome.CREATE, portfolio=portfolio)
        now = current.get(ref)
        comparison = diff.compare(portfolio, None, now.values if now else {}, item.record.identity)
        if found.ref or found.exact:
            finding = Finding(item, Outcome.ADOPT, ref, now, portfolio, comparison.as_json(), ADOPT_MESSAGE)
            finding.identified = bool(found.ref)
            return finding
        near = found.near
        message = (
            f"The target already has “{near.name}” ({near.score}% alike); adopt it or create a new record."
        )
        return Finding(item, Outcome.POSSIBLE_DUPLICATE, ref, now, portfolio, comparison.as_json(), message)


OUTCOMES = {
    diff.UNCHANGED: Outcome.UNCHANGED,
    diff.UPDATE: Outcome.UPDATE,
    diff.CHANGED_IN_TARGET: Outcome.CHANGED_IN_TARGET,
    diff.CONFLICT: Outcome.CONFLICT,
}


def unknown(ref: Reference, field_name: str) -> str:
    if ref.kind == "company":
        return (
            f"No company named “{ref.key}” in the target: {field_name} is left out "
            "(created only when the connection allows it)."
        )
    what = "user with the e-mail" if ref.kind == "user" else ref.kind
    return f"No {what} “{ref.key}” in the target: {field_name} is left out (never created)."
