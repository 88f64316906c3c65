"""Cells for every workbook the app writes. Text that a spreadsheet would run as a formula (it starts with
= + - @, a tab or a carriage return) stays text: it is stored as a string cell and marked with Excel's
quote prefix, so it is shown as typed, stays text when edited, and reads back unchanged on import."""

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32767  # Excel's limit; longer text is cut rather than making the file unreadable


def safe_cell(sheet: Any, value: Any) -> Any:
    """`value` as written to `sheet`: text becomes a string cell without control characters XML forbids."""
    if not isinstance(value, str):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_CHARS]
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    sheet.append([safe_cell(sheet, v) for v in values])
