"""A record pull's differences as JSON (the command) and as an Excel workbook (the page and the
command): one row per record and field, with the three values and who owns the field. Cells go
through `append_row`, so values from the target never run as formulas."""

import io
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from catalog.transfer.cells import append_row
from integrations.base.platform import platform_of
from sync.models import Pull, PullChange
from sync.subscribe_compare import labels

HEADER = ["Change", "Outcome", "Kind", "Class", "Target id", "Name", "Field", "State", "Owner"]


def field_rows(change: PullChange) -> Iterable[tuple[str, dict]]:
    """(field, its comparison) for each field of a change; a new record lists the target's values."""
    if change.diff:
        yield from change.diff.items()
        return
    for name in change.fields:
        yield (
            name,
            {"state": change.outcome, "portfolio": "", "last": None, "target": change.values.get(name, "")},
        )


def header(pull: Pull) -> dict[str, Any]:
    """What every JSON form of a pull starts with."""
    return {
        "pull": str(pull.pk),
        "connection": pull.connection.name,
        "status": pull.status,
        "counts": pull.counts,
        "message": pull.message,
    }


def as_json(pull: Pull, changes: Iterable[PullChange]) -> dict[str, Any]:
    return {
        **header(pull),
        "changes": [
            {
                "change": c.pk,
                "outcome": c.outcome,
                "kind": c.record_kind,
                "class": c.target_type,
                "target_id": c.target_id,
                "record_id": c.record_id,
                "name": c.name,
                "fields": dict(field_rows(c)),
                "parents": [{"id": pk, "name": n, "why": why} for pk, n, why in c.suggested],
                "decisions": c.decisions,
                "applied": c.result,
            }
            for c in changes
        ],
    }


def workbook(pull: Pull, changes: Iterable[PullChange]) -> bytes:
    target = platform_of(pull.connection).label
    words = labels(target)
    book = Workbook(write_only=True)  # rows are streamed out: memory stays flat for a large pull
    sheet = book.create_sheet("Differences")
    sheet.freeze_panes = "A2"
    header = []
    for title in [*HEADER, "Portfolio now", "Last synced", f"{target} now", "Decision", "Applied"]:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for change in changes:
        for name, field in field_rows(change):
            append_row(
                sheet,
                [
                    change.pk,
                    words.get(change.outcome, change.outcome),
                    change.record_kind,
                    change.target_type,
                    change.target_id,
                    change.name,
                    name,
                    words.get(field.get("state", ""), field.get("state", "")),
                    field.get("owner", ""),
                    field.get("portfolio", ""),
                    "" if field.get("last") is None else field["last"],
                    field.get("target", ""),
                    change.decisions.get(name, ""),
                    change.applied_at.isoformat() if change.applied_at else "",
                ],
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
