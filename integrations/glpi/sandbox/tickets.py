"""What GLPI 10 does when a ticket or one of its timeline items is saved (`CommonITILObject`,
`ITILFollowup`, `ITILSolution`, `CommonITILObject_Item`, `Document_Item`): the priority from the
urgency × impact matrix, the solve and close dates that follow the status, and the ticket's `date_mod`
that moves whenever something is added to it, which is what an incremental reader relies on."""

from typing import Any

from .itemtypes import ITEMTYPES
from .store import GlpiStore, now

STATUSES = {
    1: "New",
    2: "Processing (assigned)",
    3: "Processing (planned)",
    4: "Pending",
    5: "Solved",
    6: "Closed",
}
SOLVED, CLOSED = 5, 6
WAITING = 2  # CommonITILValidation::WAITING: a new solution awaits approval
LEVELS = range(1, 6)  # urgency and impact: Very low … Very high
PRIORITIES = range(1, 7)  # the same plus 6 Major
TYPES = {1: "Incident", 2: "Request"}
# GLPI's default `priority_matrix` (install/empty_data.php): urgency → impact → priority
PRIORITY_MATRIX = {
    1: {1: 1, 2: 1, 3: 2, 4: 2, 5: 2},
    2: {1: 1, 2: 2, 3: 2, 4: 3, 5: 3},
    3: {1: 2, 2: 2, 3: 3, 4: 4, 5: 4},
    4: {1: 2, 2: 3, 3: 4, 4: 4, 5: 5},
    5: {1: 2, 2: 3, 3: 4, 4: 5, 5: 5},
}
# timeline items whose addition touches their ticket
TIMELINE = ("ITILFollowup", "ITILSolution", "Document_Item", "Item_Ticket")
ALREADY_SOLVED = "The item is already solved, did anyone pushed a solution before you?"


class Refused(Exception):
    """One item of a write failed (a ticket rule, a missing link…); its message goes into the result
    collection."""


def compute_priority(urgency: int, impact: int) -> int:
    return PRIORITY_MATRIX[urgency][impact]


def _check(values: dict[str, Any], field: str, allowed: Any, label: str) -> None:
    if field in values and values[field] not in allowed:
        raise Refused(f"Invalid {label} “{values[field]}”: expected one of {', '.join(map(str, allowed))}")


def prepare_ticket(
    before: dict[str, Any] | None, given: dict[str, Any], row: dict[str, Any]
) -> dict[str, Any]:
    """`row` (the stored row merged with the client's `given` fields) as GLPI saves it. The priority
    is recomputed when urgency or impact is given without a priority, as GLPI allows an explicit one."""
    _check(given, "status", STATUSES, "status")
    if before is None:  # GLPI's add replaces an urgency or impact outside its mask with Medium
        for field in ("urgency", "impact"):
            if row[field] not in LEVELS:
                row[field] = given[field] = 3
    _check(given, "urgency", LEVELS, "urgency")
    _check(given, "impact", LEVELS, "impact")
    _check(given, "priority", PRIORITIES, "priority")
    _check(given, "type", TYPES, "type")
    if "priority" not in given and (before is None or "urgency" in given or "impact" in given):
        row["priority"] = compute_priority(row["urgency"], row["impact"])
    old_status = before["status"] if before else None
    status = row["status"]
    if status != old_status:
        if status == SOLVED:
            row["solvedate"] = now()
        elif status == CLOSED:
            row["closedate"] = now()
            row["solvedate"] = row.get("solvedate") or now()
        elif old_status in (SOLVED, CLOSED):
            row["solvedate"] = row["closedate"] = None  # reopened
    return row


def prepare_timeline(store: GlpiStore, itemtype_name: str, row: dict[str, Any], adding: bool) -> None:
    """Followups and solutions belong to a ticket (the only ITIL object the sandbox has); a solution
    cannot be added to a ticket already solved or closed, and waits for the requester's approval."""
    if itemtype_name not in ("ITILFollowup", "ITILSolution"):
        return
    if row.get("itemtype") != "Ticket":
        raise Refused(f"Invalid itemtype “{row.get('itemtype', '')}”: {itemtype_name} is added to a Ticket")
    ticket = store.item("Ticket", row["items_id"])
    if itemtype_name == "ITILSolution" and adding:
        if ticket and ticket["status"] in (SOLVED, CLOSED):
            raise Refused(ALREADY_SOLVED)
        row["status"] = WAITING


def _ticket_of(itemtype_name: str, row: dict[str, Any]) -> Any:
    if itemtype_name == "Item_Ticket":
        return row["tickets_id"]
    return row["items_id"] if row.get("itemtype") == "Ticket" else None


def after_write(
    store: GlpiStore, itemtype_name: str, row: dict[str, Any], users_id: int, added: bool
) -> None:
    """A followup, solution, document link or item link added (or a followup edited) updates its
    ticket's `date_mod` and last updater; an added solution also solves the ticket."""
    if itemtype_name not in TIMELINE or (not added and itemtype_name != "ITILFollowup"):
        return
    ticket = store.item("Ticket", _ticket_of(itemtype_name, row))
    if ticket is None:
        return
    changes: dict[str, Any] = {"users_id_lastupdater": users_id}
    if itemtype_name == "ITILSolution":
        changes.update(prepare_ticket(ticket, {"status": SOLVED}, {**ticket, "status": SOLVED}))
    store.put("Ticket", {**ticket, **changes, "date_mod": now()})


def document_links(given: dict[str, Any]) -> tuple[str, Any] | None:
    """A Document added with `itemtype`/`items_id` is linked to that item at once (Document_Item)."""
    itemtype, items_id = given.get("itemtype"), given.get("items_id")
    if isinstance(itemtype, str) and itemtype in ITEMTYPES and items_id not in (None, "", 0, "0"):
        return itemtype, items_id
    return None
