"""Runs as Excel workbooks: the preview (a summary sheet and one sheet per step) and the audit log.
Every row goes through `append_row`, so names from the portfolio or the target never run as formulas."""

import io
from collections import Counter

from openpyxl import Workbook
from openpyxl.styles import Font

from catalog.transfer.cells import append_row
from sync.models import AuditEntry, Outcome, Run
from sync.plan import step_titles


def _workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def _sheet(workbook: Workbook, title: str, header: list[str]):
    sheet = workbook.create_sheet(title[:31].replace("→", "-").replace("/", "-"))
    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    return sheet


def _bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_workbook(run: Run) -> bytes:
    workbook = _workbook()
    items = list(run.items.all())
    summary = _sheet(workbook, "Summary", ["Step", *Outcome.labels, "Total"])
    by_step = Counter((i.step, i.outcome) for i in items)
    sheets = step_titles(run.connection)
    for step, title in sheets.items():
        counts = [by_step[(step, outcome)] for outcome in Outcome.values]
        if any(counts):
            append_row(summary, [title, *counts, sum(counts)])
    summary.append([])
    append_row(
        summary,
        [
            "Run",
            f"{run.get_kind_display()} of {run.connection.name}",
            run.get_status_display(),
            run.created_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
        ],
    )
    for step, title in sheets.items():
        rows = [i for i in items if i.step == step]
        if not rows:
            continue
        sheet = _sheet(
            workbook,
            title,
            ["Record", "Outcome", "Target type", "Target id", "Changes", "Message", "Decision"],
        )
        for i in rows:
            changes = "\n".join(describe(name, change) for name, change in i.diff.items())
            append_row(
                sheet,
                [
                    i.name,
                    i.get_outcome_display(),
                    i.target_type,
                    i.target_id,
                    changes,
                    i.message,
                    i.decision,
                ],
            )
        for letter, width in zip("ABCDEFG", (48, 18, 28, 34, 60, 70, 10), strict=True):
            sheet.column_dimensions[letter].width = width
    return _bytes(workbook)


def describe(name: str, change: dict) -> str:
    """One field's change in words: target → portfolio, and the value last synced when there is one."""
    last = change.get("last")
    since = "" if last is None else f" (last synced {last!r})"
    state = str(change.get("state", "")).replace("_", " ")
    target, portfolio = change.get("target", ""), change.get("portfolio", "")
    return f"{name} [{state}]: target {target!r} → portfolio {portfolio!r}{since}"


def audit_workbook(entries: list[AuditEntry]) -> bytes:
    workbook = _workbook()
    sheet = _sheet(
        workbook,
        "Audit",
        [
            "At (UTC)",
            "Method",
            "Path",
            "State",
            "Status",
            "Duration (ms)",
            "Attempt",
            "Error",
            "Request",
            "Response",
        ],
    )
    for e in entries:
        append_row(
            sheet,
            [
                e.at.strftime("%Y-%m-%d %H:%M:%S"),
                e.method,
                e.path,
                e.get_state_display(),
                e.status,
                e.duration_ms,
                e.attempt,
                e.error,
                e.request_body[:32000],
                e.response_body[:32000],
            ],
        )
    return _bytes(workbook)
