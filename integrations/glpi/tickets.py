"""GLPI tickets: what the ticket sync reads and writes (field discovery, changed tickets, followups)."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from integrations.base.errors import UnexpectedResponse
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


# Ticket sync: reads and writes ----------------------------------------------------------------------

FOLLOWUP = "ITILFollowup"


def changed_tickets(client: GlpiClient, since: str | None) -> Iterator[dict[str, Any]]:
    """Tickets modified at or after `since` (GLPI's `YYYY-MM-DD HH:MM:SS`), newest first, a page at a time:
    sorted by `date_mod` descending, the reading stops at the first older ticket, so an idle sync costs
    one call. `since=None` reads every ticket."""
    for row in client.items(ITEMTYPE, {"sort": "date_mod", "order": "DESC"}):
        if since is not None and str(row.get("date_mod") or "") < since:
            return
        yield row


def get_ticket(client: GlpiClient, ticket_id: int) -> dict[str, Any]:
    return client.get(ITEMTYPE, ticket_id)


def create_ticket(client: GlpiClient, values: dict[str, Any]) -> int:
    """The new ticket's id; TargetError when GLPI refuses it."""
    [result] = client.add(ITEMTYPE, [values])
    if not result.ok or result.id is None:
        raise UnexpectedResponse(f"GLPI did not create the ticket: {result.message}", path=f"/{ITEMTYPE}")
    return result.id


def update_ticket(client: GlpiClient, ticket_id: int, values: dict[str, Any]) -> None:
    [result] = client.update(ITEMTYPE, [{"id": ticket_id, **values}])
    if not result.ok:
        raise UnexpectedResponse(f"GLPI did not update ticket {ticket_id}: {result.message}", path="/Ticket")


def find_ticket(client: GlpiClient, marker: str) -> dict[str, Any] | None:
    """The ticket whose description holds `marker` (what the sync writes into tickets it creates)."""
    for row in client.items(ITEMTYPE, {"searchText[content]": marker}):
        return row
    return None


def followups(client: GlpiClient, ticket_id: int) -> list[dict[str, Any]]:
    """The ticket's followups, oldest first, with `users_id` as the author's name (expand_dropdowns), so
    an attribution needs no read of User (which an API profile may not have the right to read)."""
    params = {"expand_dropdowns": "true", "sort": "id"}
    return list(client.items(f"{ITEMTYPE}/{int(ticket_id)}/{FOLLOWUP}", params))


def add_followup(client: GlpiClient, ticket_id: int, content: str, private: bool) -> int:
    values = {"itemtype": ITEMTYPE, "items_id": ticket_id, "content": content, "is_private": int(private)}
    [result] = client.add(FOLLOWUP, [values])
    if not result.ok or result.id is None:
        raise UnexpectedResponse(f"GLPI did not add the followup: {result.message}", path=f"/{FOLLOWUP}")
    return result.id


def link_item(client: GlpiClient, ticket_id: int, itemtype: str, items_id: int) -> None:
    """Link the ticket to an asset (Item_Ticket), e.g. the Computer an alert is about."""
    values = {"itemtype": itemtype, "items_id": items_id, "tickets_id": ticket_id}
    [result] = client.add("Item_Ticket", [values])
    if not result.ok:
        raise UnexpectedResponse(
            f"GLPI did not link ticket {ticket_id}: {result.message}", path="/Item_Ticket"
        )


def ticket_items(client: GlpiClient, ticket_id: int) -> list[tuple[str, int]]:
    """The (itemtype, id) of every item the ticket is linked to (its Item_Ticket rows)."""
    rows = client.items(f"{ITEMTYPE}/{int(ticket_id)}/Item_Ticket", {})
    return [(str(row.get("itemtype") or ""), int(row.get("items_id") or 0)) for row in rows]


def solutions(client: GlpiClient, ticket_id: int) -> list[dict[str, Any]]:
    """The ticket's solutions (ITILSolution), oldest first."""
    return list(client.items(f"{ITEMTYPE}/{int(ticket_id)}/ITILSolution", {"sort": "id"}))


def solve_ticket(client: GlpiClient, ticket_id: int, content: str) -> int:
    """Add a solution (ITILSolution), which solves the ticket."""
    values = {"itemtype": ITEMTYPE, "items_id": ticket_id, "content": content}
    [result] = client.add("ITILSolution", [values])
    if not result.ok or result.id is None:
        raise UnexpectedResponse(
            f"GLPI did not solve ticket {ticket_id}: {result.message}", path="/ITILSolution"
        )
    return result.id


def ticket_documents(client: GlpiClient, ticket_id: int) -> list[dict[str, Any]]:
    """The documents linked to the ticket (its Document_Item rows), each read for its file name, MIME
    type and checksum, oldest link first."""
    links = client.items(f"{ITEMTYPE}/{int(ticket_id)}/Document_Item", {"sort": "id"})
    return [client.get("Document", int(row["documents_id"])) for row in links if row.get("documents_id")]


def download_document(client: GlpiClient, document_id: int) -> bytes:
    """The document's file (`Accept: application/octet-stream`)."""
    return client.request("GET", f"/Document/{int(document_id)}", accept="application/octet-stream").content


def upload_document(client: GlpiClient, ticket_id: int, name: str, content: bytes, mime: str) -> int:
    """A new Document holding the file, in the ticket's entity and linked to the ticket at once
    (`itemtype`/`items_id` in the manifest); its id."""
    entity = get_ticket(client, ticket_id).get("entities_id") or 0  # not the session's: the ticket's
    values = {"name": name, "_filename": [name], "itemtype": ITEMTYPE, "items_id": ticket_id}
    manifest = {"input": {**values, "entities_id": entity}}
    files = {"filename[0]": (name, content, mime or "application/octet-stream")}
    body = client.json("POST", "/Document", payload=manifest, files=files)
    document_id = body.get("id") if isinstance(body, dict) else None
    if not document_id:
        raise UnexpectedResponse(f"GLPI did not add the document {name}", path="/Document")
    return int(document_id)
