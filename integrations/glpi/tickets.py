"""GLPI tickets: what the ticket sync reads and writes (discovery only for now)."""

from dataclasses import dataclass
from typing import Any

from integrations.glpi.client import GlpiClient

ITEMTYPE = "Ticket"
CHOICES = {  # GLPI's fixed codes (src/CommonITILObject.php, src/Ticket.php): no API lists them
    "status": {
        1: "New",
        2: "Processing (assigned)",
        3: "Processing (planned)",
        4: "Pending",
        5: "Solved",
        6: "Closed",
    },
    "urgency": {1: "Very low", 2: "Low", 3: "Medium", 4: "High", 5: "Very high"},
    "impact": {1: "Very low", 2: "Low", 3: "Medium", 4: "High", 5: "Very high"},
    "priority": {1: "Very low", 2: "Low", 3: "Medium", 4: "High", 5: "Very high", 6: "Major"},
    "type": {1: "Incident", 2: "Request"},
}


@dataclass(frozen=True)
class GlpiTicketField:
    field: str  # the item's field name, what the API reads and writes
    label: str
    datatype: str
    search_id: int | None  # the search option's number; None for a field only the item showed
    choices: tuple[tuple[str, str], ...] = ()


def ticket_fields(client: GlpiClient) -> list[GlpiTicketField]:
    """The ticket's own search options (`listSearchOptions/Ticket`, those on `glpi_tickets`) and the
    fields an item shows (one ticket, `range=0-0`), which include fields no search option names."""
    options: dict[str, Any] = client.json("GET", f"/listSearchOptions/{ITEMTYPE}") or {}
    found: dict[str, GlpiTicketField] = {}
    for key, option in options.items():
        if not key.isdigit() or not isinstance(option, dict) or option.get("table") != "glpi_tickets":
            continue  # section headers, and options on other tables (joins)
        name = str(option.get("field") or "")
        if name and name not in found:
            found[name] = GlpiTicketField(
                name,
                str(option.get("name") or name),
                str(option.get("datatype") or ""),
                int(key),
                _choices(name),
            )
    rows = client.json("GET", f"/{ITEMTYPE}", params={"range": "0-0"}) or []
    for name in rows[0] if rows and isinstance(rows[0], dict) else ():
        if name not in found:
            found[name] = GlpiTicketField(name, name.replace("_", " "), "", None, _choices(name))
    return sorted(found.values(), key=lambda f: f.field)


def _choices(name: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(code), label) for code, label in CHOICES.get(name, {}).items())
