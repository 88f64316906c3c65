"""The portfolio as an Excel workbook: one sheet per entity, one row per record, header row = keys.

List cells hold one entry per line; a software product is written `Name [version]`, a deployment
`APP-0001: Deployment name`.
"""

import io
import re
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from . import schema
from .cells import append_row
from .limits import RowBudget, open_workbook
from .problems import ImportFailed, Path, Problem

DEPLOYMENT_COLUMNS = (schema.DEPLOYMENT_APPLICATION_COLUMN, *schema.DEPLOYMENTS.keys)
SHEETS = [(s.sheet, s, s.keys) for s in schema.TOP_LEVEL]
SHEETS.insert(5, (schema.DEPLOYMENTS.sheet, schema.DEPLOYMENTS, DEPLOYMENT_COLUMNS))
PRODUCT_CELL = re.compile(r"^(?P<name>.*) \[(?P<version>[^\[\]]*)\]$")


def product_to_cell(product: dict[str, str]) -> str:
    return f"{product['name']} [{product.get('version', '')}]"


def cell_to_product(text: str) -> dict[str, str]:
    match = PRODUCT_CELL.match(text.strip())
    if match:
        return {"name": match["name"].strip(), "version": match["version"].strip()}
    return {"name": text.strip(), "version": ""}


def deployment_to_cell(ref: dict[str, str]) -> str:
    return f"{ref['application']}: {ref['name']}"


def cell_to_deployment(text: str) -> dict[str, str]:
    """`APP-0001: Name`; an app id never holds a colon, so the first one separates the two."""
    app_id, _, name = text.partition(":")
    return {"application": app_id.strip(), "name": name.strip()}


def _to_cell(field: schema.Field | None, value: Any) -> str:
    if field is not None and field.kind == schema.PRODUCTS:
        return "\n".join(product_to_cell(p) for p in value)
    if field is not None and field.kind == schema.DEPLOYMENT_REFS:
        return "\n".join(deployment_to_cell(d) for d in value)
    if isinstance(value, list):
        return "\n".join(value)
    return value


def write_workbook(document: dict[str, list[dict[str, Any]]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    rows_by_sheet: dict[str, list[dict[str, Any]]] = {
        s.sheet: document.get(s.key, []) for s in schema.TOP_LEVEL
    }
    rows_by_sheet[schema.DEPLOYMENTS.sheet] = [
        {schema.DEPLOYMENT_APPLICATION_COLUMN: app["app_id"], **deployment}
        for app in document.get("applications", [])
        for deployment in app.get("deployments", [])
    ]
    for title, section, columns in SHEETS:
        sheet = workbook.create_sheet(title)
        append_row(sheet, columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for record in rows_by_sheet[title]:
            append_row(sheet, [_to_cell(section.field(c), record.get(c, "")) for c in columns])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and "\n" in cell.value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for i, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = max(12, min(50, len(column) + 12))
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class XlsxLocator:
    """Maps document paths back to sheet, row and column."""

    def __init__(self) -> None:
        self.rows: dict[Path, tuple[str, int]] = {}

    def describe(self, path: Path) -> str:
        for cut in range(len(path), 0, -1):
            if path[:cut] in self.rows:
                sheet, row = self.rows[path[:cut]]
                column = path[cut] if cut < len(path) else None
                return f"sheet “{sheet}”, row {row}" + (f", column “{column}”" if column else "")
        return f"sheet “{path[0]}”" if path else "workbook"


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\x00", "").strip()


def _cell_value(field: schema.Field | None, text: str) -> Any:
    if field is None or field.kind not in schema.LIST_KINDS:
        return text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if field.kind == schema.PRODUCTS:
        return [cell_to_product(line) for line in lines]
    if field.kind == schema.DEPLOYMENT_REFS:
        return [cell_to_deployment(line) for line in lines]
    return lines


def read_workbook(data: bytes) -> tuple[dict[str, list[dict[str, Any]]], XlsxLocator]:
    """The document a workbook holds; structural problems of the workbook itself raise ImportFailed, a
    file that is no workbook or is over the limits raises FileRefused."""
    workbook = open_workbook(data)
    try:
        return _read_sheets(workbook)
    finally:
        workbook.close()


def _read_sheets(workbook: Workbook) -> tuple[dict[str, list[dict[str, Any]]], XlsxLocator]:
    budget = RowBudget()
    locator = XlsxLocator()
    problems: list[Problem] = []
    known = {title: (section, columns) for title, section, columns in SHEETS}
    document: dict[str, list[dict[str, Any]]] = {}
    deployment_rows: list[tuple[int, dict[str, Any]]] = []
    for sheet in workbook.worksheets:
        if sheet.title not in known:
            problems.append(Problem(f"sheet “{sheet.title}”", f"Unknown sheet; expected {', '.join(known)}."))
            continue
        section, columns = known[sheet.title]
        rows = budget.rows_of(sheet)
        header = [_cell_text(v) for v in next(rows, ())]
        while header and not header[-1]:
            header.pop()
        problems += [
            Problem(
                f"sheet “{sheet.title}”, column “{col}”", f"Unknown column; expected {', '.join(columns)}."
            )
            for col in header
            if col not in columns
        ]
        records = []
        for row_number, values in enumerate(rows, start=2):
            texts = [_cell_text(v) for v in values[: len(header)]]
            if not any(texts):
                continue
            record = {
                col: _cell_value(section.field(col), text) for col, text in zip(header, texts, strict=False)
            }
            if section is schema.DEPLOYMENTS:
                deployment_rows.append((row_number, record))
                continue
            locator.rows[(section.key, len(records))] = (sheet.title, row_number)
            records.append(record)
        if section is not schema.DEPLOYMENTS:
            document[section.key] = records
    if problems:
        raise ImportFailed(problems)
    _nest_deployments(document, deployment_rows, locator, problems)
    if problems:
        raise ImportFailed(problems)
    return document, locator


def _nest_deployments(document, deployment_rows, locator: XlsxLocator, problems: list[Problem]) -> None:
    applications = document.get("applications", [])
    position = {app.get("app_id", "").strip(): i for i, app in enumerate(applications)}
    for row_number, record in deployment_rows:
        app_id = record.pop(schema.DEPLOYMENT_APPLICATION_COLUMN, "").strip()
        if app_id not in position:
            problems.append(
                Problem(
                    f"sheet “{schema.DEPLOYMENTS.sheet}”, row {row_number}, column “application”",
                    f"Application “{app_id}” is not in the Applications sheet.",
                )
            )
            continue
        i = position[app_id]
        deployments = applications[i].setdefault("deployments", [])
        locator.rows[("applications", i, "deployments", len(deployments))] = (
            schema.DEPLOYMENTS.sheet,
            row_number,
        )
        deployments.append(record)
