"""Followups ↔ comments and work notes, each copied exactly once: the entries already copied are kept on
the link by id, a copy carries its author's attribution (and is never copied back), and an entry whose
copy is already on the other side (a run stopped before recording it) is only recorded."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from integrations.glpi import tickets as glpi
from integrations.servicenow import tickets as servicenow
from tickets.values import html_to_text, text_to_html

FROM_GLPI = "[GLPI: "
FROM_SN = "[ServiceNow: "
LINK_NOTE = "Portfolio Bridge link: "  # the work note that marks an incident the sync created


@dataclass(frozen=True)
class Entry:
    side: str  # where it was written: glpi | servicenow
    id: str
    text: str
    author: str
    private: bool

    @property
    def is_copy(self) -> bool:
        return self.text.startswith(FROM_SN if self.side == "glpi" else FROM_GLPI) or self.text.startswith(
            LINK_NOTE
        )

    def copied(self) -> str:
        return f"{FROM_GLPI if self.side == 'glpi' else FROM_SN}{self.author}] {self.text}"


def _same(text: str) -> str:
    return " ".join(text.split())


def glpi_entries(client: Any, ticket_id: int) -> list[Entry]:
    return [
        Entry(
            "glpi",
            str(row["id"]),
            html_to_text(row.get("content")),
            str(row.get("users_id") or "") or "unknown",
            bool(int(row.get("is_private") or 0)),
        )
        for row in glpi.followups(client, ticket_id)
    ]


def servicenow_entries(client: Any, sys_id: str) -> list[Entry]:
    return [
        Entry(
            "servicenow",
            str(row["sys_id"]),
            str(row.get("value") or "").strip(),
            str(row.get("sys_created_by") or "unknown"),
            row.get("element") == "work_notes",
        )
        for row in servicenow.journal(client, sys_id)
    ]


def to_copy(mine: list[Entry], theirs: list[Entry], done: set[str]) -> tuple[list[Entry], list[Entry]]:
    """(entries of `mine` to copy to the other side, entries only to record as copied): an entry already
    recorded, or itself a copy, is skipped; one whose copy is already there is recorded without a write."""
    present = {_same(entry.text) for entry in theirs}
    write, record = [], []
    for entry in mine:
        if entry.id in done or entry.is_copy:
            continue
        (record if _same(entry.copied()) in present else write).append(entry)
    return write, record


def mirror(
    glpi_client: Any,
    sn_client: Any,
    ticket_id: int,
    sys_id: str,
    mirrored: dict[str, list[str]],
    *,
    dry_run: bool,
    saved: Callable[[Entry, str], None],
    wrote: Callable[[dict[str, Any]], None] | None = None,
    known: tuple[list[Entry], list[Entry]] | None = None,
) -> dict[str, int]:
    """Copy the new entries both ways; `saved(entry, where)` records each one as soon as it is written
    (its id on the link, with its log row) so a run stopped half-way copies nothing twice; `wrote` is
    given the incident as each comment's update answers it (its new version stamp). `known` are both
    sides' entries when the caller has them (GLPI's just read, a new incident's none), so none are read."""
    from_glpi, from_sn = known or (
        glpi_entries(glpi_client, ticket_id),
        servicenow_entries(sn_client, sys_id),
    )
    counts = {"glpi": 0, "servicenow": 0}
    for mine, theirs, where in ((from_glpi, from_sn, "servicenow"), (from_sn, from_glpi, "glpi")):
        write, record = to_copy(mine, theirs, set(mirrored.get(mine[0].side if mine else "", [])))
        for entry in write:
            counts[where] += 1
            if dry_run:
                continue
            if where == "servicenow":
                element = "work_notes" if entry.private else "comments"
                incident = servicenow.update_incident(sn_client, sys_id, {element: entry.copied()})
                if wrote is not None:
                    wrote(incident)
            else:
                glpi.add_followup(glpi_client, ticket_id, text_to_html(entry.copied()), entry.private)
            saved(entry, where)
        for entry in record:
            if not dry_run:
                saved(entry, "")
    return counts
