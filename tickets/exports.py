"""A pair's links, conflicts and log as one workbook (three sheets). Written in openpyxl's write-only mode
with rows streamed from the database, each sheet cut at ROW_CAP with a closing note, and every text
cell through `append_row` so ticket titles never run as formulas."""

import io
import json
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook

from catalog.transfer.cells import append_row
from integrations.glpi.options import form_url
from tickets.models import TicketPair

ROW_CAP = 50_000


def glpi_url(pair: TicketPair, glpi_id: int) -> str:
    return form_url(pair.glpi.instance_url, "Ticket", str(glpi_id)) or ""


def servicenow_url(pair: TicketPair, sys_id: str) -> str:
    return f"{pair.servicenow.base_url}/nav_to.do?uri=incident.do?sys_id={sys_id}"


def shown(value: Any) -> str:
    """A conflict side's stored JSON value as text."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _write(workbook: Workbook, title: str, header: list[str], rows: Iterable[list[Any]], cap: int) -> None:
    sheet = workbook.create_sheet(title)
    append_row(sheet, header)
    for count, row in enumerate(rows):
        if count == cap:
            append_row(sheet, [f"Cut at {cap} rows; filter or use the command line for the rest."])
            break
        append_row(sheet, row)


def _links(pair: TicketPair) -> Iterable[list[Any]]:
    for link in pair.links.order_by("glpi_id").iterator(chunk_size=1000):
        yield [
            link.glpi_id,
            link.servicenow_number,
            link.servicenow_sys_id,
            str(link.glpi_values.get("name") or link.servicenow_values.get("short_description") or ""),
            link.last_synced_at.replace(tzinfo=None) if link.last_synced_at else None,
            glpi_url(pair, link.glpi_id),
            servicenow_url(pair, link.servicenow_sys_id),
        ]


def _conflicts(pair: TicketPair) -> Iterable[list[Any]]:
    queryset = pair.conflicts.select_related("link", "resolved_by").order_by("-created_at", "-id")
    for c in queryset.iterator(chunk_size=1000):
        yield [
            c.link.glpi_id,
            c.link.servicenow_number,
            c.field,
            shown(c.glpi_value),
            shown(c.servicenow_value),
            c.get_state_display(),
            c.get_resolution_display() if c.resolution else "",
            str(c.resolved_by or ""),
            c.created_at.replace(tzinfo=None),
        ]


def _log(pair: TicketPair) -> Iterable[list[Any]]:
    for entry in pair.log.order_by("-at", "-id").iterator(chunk_size=1000):
        yield [entry.at.replace(tzinfo=None), entry.get_level_display(), entry.message]


def pair_workbook(pair: TicketPair, cap: int = ROW_CAP) -> bytes:
    workbook = Workbook(write_only=True)
    _write(
        workbook,
        "Links",
        [
            "GLPI id",
            "ServiceNow number",
            "ServiceNow sys_id",
            "Title",
            "Last synced (UTC)",
            "GLPI",
            "ServiceNow",
        ],
        _links(pair),
        cap,
    )
    _write(
        workbook,
        "Conflicts",
        [
            "GLPI id",
            "ServiceNow number",
            "Field",
            "GLPI value",
            "ServiceNow value",
            "State",
            "Resolution",
            "Resolved by",
            "Created (UTC)",
        ],
        _conflicts(pair),
        cap,
    )
    _write(workbook, "Log", ["At (UTC)", "Level", "Message"], _log(pair), cap)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
