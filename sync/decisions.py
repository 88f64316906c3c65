"""Decisions on a preview's ADOPT and POSSIBLE DUPLICATE rows, taken before publishing."""

from django.db import transaction

from sync.models import Direction, Outcome, Run, SyncMapEntry

NEEDS_DECISION = (Outcome.ADOPT, Outcome.POSSIBLE_DUPLICATE)


def pending(run: Run) -> int:
    return run.items.filter(outcome__in=NEEDS_DECISION, decision="").count()


@transaction.atomic
def decide(run: Run, choices: dict[int, str]) -> int:
    """Record `adopt` (the existing record joins the sync map) or `create` (publish a new one) per row."""
    rows = {
        r.pk: r
        for r in run.items.filter(pk__in=list(choices), outcome__in=NEEDS_DECISION).select_for_update()
    }
    for pk, choice in choices.items():
        row = rows.get(pk)
        if row is None or choice not in ("adopt", "create"):
            continue
        row.decision = choice
        row.save(update_fields=["decision"])
        if choice == "adopt" and row.target_sys_id:
            SyncMapEntry.objects.update_or_create(
                connection=run.connection,
                kind=row.kind,
                record_id=row.record_id,
                defaults={
                    "target_table": row.target_table,
                    "target_sys_id": row.target_sys_id,
                    "direction": Direction.ADOPTED,
                },
            )
        elif choice == "create":
            SyncMapEntry.objects.filter(
                connection=run.connection, kind=row.kind, record_id=row.record_id, direction=Direction.ADOPTED
            ).delete()
    return len(rows)
