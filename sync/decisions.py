"""Decisions on preview rows, recorded exactly or refused with the reason — never replaced by another.

Row decisions: adopt, create, skip (records the target already holds, or a similar one); keep,
overwrite, take (fields changed in the target, or on both sides). Field decisions refine a row:
`{"name": "overwrite"}` on an adopt rewrites the existing record's name, which an adopt keeps by
default. "Take" copies the target's value into the portfolio at once; preview again to publish.
"""

from dataclasses import dataclass

from django.db import transaction

from sync import diff, takeback
from sync.models import Outcome, Run, RunItem, RunKind, RunStatus

ADOPT, CREATE, SKIP = "adopt", "create", "skip"
KEEP, OVERWRITE, TAKE = diff.KEEP, diff.OVERWRITE, diff.TAKE
NEEDS_DECISION = (Outcome.ADOPT, Outcome.POSSIBLE_DUPLICATE)
ALLOWED = {
    Outcome.ADOPT: (ADOPT, CREATE, SKIP),
    Outcome.POSSIBLE_DUPLICATE: (ADOPT, CREATE, SKIP),
    Outcome.CONFLICT: (KEEP, OVERWRITE, TAKE, SKIP),
    Outcome.CHANGED_IN_TARGET: (KEEP, OVERWRITE, TAKE, SKIP),
    Outcome.UPDATE: (KEEP, OVERWRITE, SKIP),
    Outcome.CREATE: (SKIP,),
}
CHOICES = (ADOPT, CREATE, SKIP, KEEP, OVERWRITE, TAKE)


class DecisionRefused(ValueError):
    """A decision that cannot be carried out as asked; nothing was recorded for that row."""


@dataclass(frozen=True)
class Recorded:
    row: RunItem
    decision: str
    fields: dict[str, str]
    note: str = ""


def taken(row: RunItem, decision: str, fields: dict[str, str]) -> list[str]:
    """The fields a "take" copies into the portfolio: those named, or for a row decision every field
    the target changed (never one only the portfolio changed)."""
    named = [n for n, c in fields.items() if c == TAKE]
    if named or decision != TAKE:
        return named
    return [n for n, c in row.diff.items() if c.get("state") in (diff.CHANGED_IN_TARGET, diff.CONFLICT)]


def undecided_conflict(row: RunItem) -> bool:
    if row.outcome != Outcome.CONFLICT or row.decision in (KEEP, OVERWRITE, TAKE, SKIP):
        return False
    open_fields = [f for f, c in row.diff.items() if c.get("state") == diff.CONFLICT]
    return any(f not in row.field_decisions for f in open_fields)


def pending(run: Run) -> int:
    """Rows that block a publish until someone decides."""
    waiting = run.items.filter(outcome__in=NEEDS_DECISION, decision="").count()
    conflicts = run.items.filter(outcome=Outcome.CONFLICT, decision="")
    return waiting + sum(1 for row in conflicts if undecided_conflict(row))


def check(row: RunItem, decision: str, fields: dict[str, str]) -> None:
    """Raise DecisionRefused when the decision cannot be carried out as recorded."""
    if row.kind == "relation":
        raise DecisionRefused(f"{row.name}: a relationship follows its records; decide on them.")
    if decision and decision not in ALLOWED.get(row.outcome, ()):
        allowed = ", ".join(ALLOWED.get(row.outcome, ())) or "none"
        raise DecisionRefused(
            f"{row.name}: “{decision}” is not a decision for a {row.get_outcome_display().lower()} row "
            f"(allowed: {allowed})."
        )
    if decision == CREATE and row.identified:
        raise DecisionRefused(
            f"{row.name}: the target's identification rules name the existing record, so a new one "
            "cannot be created beside it; adopt it or skip it."
        )
    for name, choice in fields.items():
        if name not in row.diff:
            raise DecisionRefused(f"{row.name}: no change to decide on the field “{name}”.")
        if choice not in diff.FIELD_CHOICES:
            raise DecisionRefused(f"{row.name}: “{choice}” is not a field decision (keep, overwrite, take).")
    for name in taken(row, decision, fields):
        problem = takeback.problem(row, name)
        if problem:
            raise DecisionRefused(f"{row.name}: {problem}")


@transaction.atomic
def record(run: Run, row_id: int, decision: str, fields: dict[str, str] | None = None) -> Recorded:
    """Record one row's decision (and field decisions); "take" writes the portfolio now."""
    if run.kind != RunKind.PREVIEW or run.status != RunStatus.SUCCEEDED:
        raise DecisionRefused("Decisions are recorded on a finished preview.")
    if Run.objects.filter(
        connection=run.connection, kind=RunKind.PREVIEW, created_at__gt=run.created_at
    ).exists():
        raise DecisionRefused("A newer preview of this connection exists: decide on it.")
    row = run.items.select_for_update().filter(pk=row_id).first()
    if row is None:
        raise DecisionRefused(f"The preview has no row {row_id}.")
    fields = {k: v for k, v in (fields or {}).items() if v}
    check(row, decision, fields)
    if decision == row.decision and fields == row.field_decisions:
        return Recorded(row, decision, fields, "")  # already recorded (a form sent again)
    takes = [
        n for n in taken(row, decision, fields) if row.field_decisions.get(n) != TAKE and row.decision != TAKE
    ]
    note = takeback.take(run.connection, row, takes) if takes else ""
    row.decision = decision
    row.field_decisions = fields
    row.save(update_fields=["decision", "field_decisions"])
    return Recorded(row, decision, fields, note)


def decide(run: Run, choices: dict[int, str]) -> tuple[list[Recorded], list[str]]:
    """Many rows at once (the preview page); each is recorded or refused on its own."""
    recorded, refused = [], []
    for row_id, decision in choices.items():
        try:
            recorded.append(record(run, row_id, decision))
        except DecisionRefused as exc:
            refused.append(str(exc))
    return recorded, refused


def decide_all(run: Run, decision: str) -> tuple[list[Recorded], list[str]]:
    """One decision for every row it applies to (`--all`)."""
    rows = run.items.exclude(kind="relation").filter(
        outcome__in=[o for o, a in ALLOWED.items() if decision in a]
    )
    return decide(run, {row.pk: decision for row in rows})


def row_number(text: str) -> int | None:
    """A row id from a form key: ASCII digits only, and small enough for any database's integer."""
    return int(text) if text.isascii() and text.isdecimal() and len(text) <= 18 else None


def decide_posted(run: Run, data) -> tuple[list[Recorded], list[str]]:
    """The preview page's form: `decision-<row>` and `field-<row>-<field>` values; other keys (the CSRF
    token, paging) are not decisions."""
    wanted: dict[int, tuple[str, dict[str, str]]] = {}
    refused: list[str] = []
    for key, value in data.items():
        if not value or not key.startswith(("decision-", "field-")):
            continue
        row_text, _, name = key.partition("-")[2].partition("-")
        row_id = row_number(row_text)
        if (
            row_id is None
            or (key.startswith("field-") and not name)
            or (key.startswith("decision-") and name)
        ):
            refused.append(f"“{key[:80]}” is not a decision of this page.")
        elif key.startswith("decision-"):
            wanted[row_id] = (value, wanted.get(row_id, ("", {}))[1])
        else:
            decision, fields = wanted.get(row_id, ("", {}))
            wanted[row_id] = (decision, {**fields, name: value})
    recorded = []
    for row_id, (decision, fields) in wanted.items():
        try:
            recorded.append(record(run, row_id, decision, fields))
        except DecisionRefused as exc:
            refused.append(str(exc))
    return recorded, refused
