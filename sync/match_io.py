"""Offline matching: the match table as JSON (for `manage.py match`) and as an Excel workbook that can be
edited and imported back (validated with row numbers, all or nothing)."""

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from catalog.transfer import limits
from catalog.transfer.cells import append_row
from integrations.models import Connection
from sync import wizard

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = (
    "local_id",
    "local",
    "version",
    "decision",
    "choice_target_id",
    "choice_name",
    "score",
    "confirmed",
    "candidates",
)


class MatchFileError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def rows_as_json(connection: Connection, step: wizard.Step) -> list[dict[str, Any]]:
    """Saved choices, or while none is saved the pre-selected suggestion; `choice` null means create new."""
    return [
        {
            "local": row.name,
            "local_id": row.local_id,
            "choice": row.choice_name if row.decision == "match" else None,
            "choice_target_id": row.choice_target_id if row.decision == "match" else None,
            "decision": row.decision,
            "confirmed": row.confirmed,
            "score": row.score,
            "candidates": [
                {"name": c.name, "target_id": c.target_id, "score": c.score, "reasons": list(c.reasons)}
                for c in row.candidates
            ],
        }
        for row in wizard.build_rows(connection, step)
    ]


def export_xlsx(connection: Connection, step: wizard.Step) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = step.title
    append_row(sheet, COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in wizard.build_rows(connection, step):
        candidates = "\n".join(f"{c.name} [{c.target_id}] {c.score}% ({c.why})" for c in row.candidates)
        append_row(
            sheet,
            [
                row.local_id,
                row.name,
                row.version,
                row.decision,
                row.choice_target_id,
                row.choice_name,
                row.score,
                "yes" if row.confirmed else "no",
                candidates,
            ],
        )
        sheet.cell(sheet.max_row, len(COLUMNS)).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHI", (38, 34, 10, 10, 34, 40, 7, 10, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def import_xlsx(connection: Connection, step: wizard.Step, data: bytes, user=None) -> tuple[int, list[str]]:
    """Apply an edited match table; every problem is reported with its row and nothing is saved then."""
    try:
        workbook = limits.open_workbook(data)
        try:
            decisions = _read_decisions(connection, step, workbook)
        finally:
            workbook.close()
    except limits.FileRefused as exc:
        raise MatchFileError([str(exc)]) from exc
    try:
        warnings = wizard.save_choices(connection, step, decisions, user)
    except wizard.ChoiceError as exc:
        raise MatchFileError(exc.problems) from None
    return len(decisions), warnings


def _text(value: Any) -> str:
    return str(value or "").replace("\x00", "").strip()


def _read_decisions(connection: Connection, step: wizard.Step, workbook: Any) -> dict[str, tuple[str, str]]:
    if not workbook.worksheets:
        raise MatchFileError(["The workbook has no sheet."])
    rows = limits.RowBudget().rows_of(workbook.worksheets[0])
    header = [_text(v) for v in next(rows, ())]
    missing = [c for c in ("local_id", "decision", "choice_target_id") if c not in header]
    if missing:
        raise MatchFileError([f"Missing column(s): {', '.join(missing)}."])
    at = {name: header.index(name) for name in header}
    known_locals = {str(r.pk) for r in wizard.local_records(connection, step)}
    known_targets = {t.target_id for t in wizard.targets(connection, step)}
    decisions, problems, claimed = {}, [], {}
    for number, values in enumerate(rows, start=2):
        cell = lambda name, v=values: _text(v[at[name]]) if at[name] < len(v) else ""  # noqa: E731
        local_id, decision, target_id = cell("local_id"), cell("decision").lower(), cell("choice_target_id")
        if not any((local_id, decision, target_id)):
            continue
        decision = decision or ("match" if target_id else "create")
        if local_id not in known_locals:
            problems.append(f"Row {number}: unknown local record {local_id or '(empty)'}.")
        elif decision not in ("match", "create", "skip"):
            problems.append(f"Row {number}: decision must be match, create or skip, not “{decision}”.")
        elif decision == "match" and target_id not in known_targets:
            problems.append(
                f"Row {number}: no {step.table} record with target_id {target_id or '(empty)'} in the target."
            )
        elif decision == "match" and target_id in claimed:
            problems.append(
                f"Row {number}: target_id {target_id} is already claimed on row {claimed[target_id]}."
            )
        else:
            if decision == "match":
                claimed[target_id] = number
            decisions[local_id] = (decision, target_id if decision == "match" else "")
    if problems:
        raise MatchFileError(problems)
    return decisions
