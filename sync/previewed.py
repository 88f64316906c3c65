"""What a publish takes from the preview it executes: for each record, what the preview found (its
outcome, the existing record it identified, the fields its diff showed) and what was decided."""

from dataclasses import dataclass, field

from integrations.base.platform import Identified, Near, TargetRef
from sync.models import Outcome, Run, RunKind, RunStatus

# outcomes that make a publish read a record although the portfolio did not change
PREVIEW_ACTION = (Outcome.UPDATE, Outcome.CHANGED_IN_TARGET, Outcome.CONFLICT)


@dataclass(frozen=True)
class Decided:
    decision: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    outcome: str = ""  # what the preview found
    target: TargetRef | None = None  # the existing record it found for an adopt or possible duplicate
    identified: bool = False
    changed: frozenset[str] = frozenset()  # the fields its diff lists

    def identification(self) -> Identified | None:
        """What the preview identified for a record the sync map does not know (None: look again)."""
        if self.outcome == Outcome.CREATE:
            return Identified()  # nothing in the target
        if self.target is None:
            return None
        if self.outcome == Outcome.ADOPT:
            return (
                Identified(ref=self.target)
                if self.identified
                else Identified(near=Near(self.target, "", 100), exact=True)
            )
        if self.outcome == Outcome.POSSIBLE_DUPLICATE:
            return Identified(near=Near(self.target, "", 0))
        return None

    @property
    def needs_reading(self) -> bool:
        """The preview saw something to act on although the portfolio did not change: a target edit
        to keep (and remember), or a value found since (a user created in the target)."""
        return bool(self.decision or self.fields) or self.outcome in PREVIEW_ACTION


def preview_decisions(run: Run) -> tuple[dict[str, Decided], bool]:
    """What the preview this publish executes found and decided, by record (and whether there is one)."""
    if run.without_preview or run.trigger in ("daily", "on_change"):
        return {}, False
    preview = (
        Run.objects.filter(
            connection=run.connection,
            kind=RunKind.PREVIEW,
            status=RunStatus.SUCCEEDED,
            plan_hash=run.plan_hash,
        )
        .filter(created_at__lte=run.created_at)
        .first()
    )
    if preview is None:
        return {}, False
    rows = (
        preview.items.exclude(kind="relation")
        .exclude(decision="", field_decisions={}, outcome__in=(Outcome.UNCHANGED, Outcome.NOT_PUBLISHED))
        .values_list(
            "record_id",
            "decision",
            "field_decisions",
            "outcome",
            "target_type",
            "target_id",
            "identified",
            "diff",
        )
    )
    return {
        record_id: Decided(
            decision, fields, outcome, TargetRef(type_, id_) if id_ else None, identified, frozenset(changes)
        )
        for record_id, decision, fields, outcome, type_, id_, identified, changes in rows
    }, True
