"""Each side's version stamp of a ticket, kept on its link so an idle sync reads nothing but the two
lists: GLPI's `date_mod`, and ServiceNow's `sys_updated_on` with `sys_mod_count` (which tells two writes
of one second apart). A ticket whose stamps and mapped values both equal the link's is skipped before its
followups, journal, documents, attachments or items are read."""

from typing import Any

from tickets.reconcile import STAMP

GLPI_STAMP, SN_STAMP = "date_mod", "sys_updated_on"


def sn_stamp(row: dict[str, Any]) -> str:
    """An incident's version: its update time and `sys_mod_count`."""
    return f"{row.get(SN_STAMP)}#{row.get('sys_mod_count')}"


def _mod_count(stamp: Any) -> int | None:
    text = str(stamp or "").rpartition("#")[2]
    return int(text) if text.isdigit() else None


def advance_servicenow(values: dict[str, Any], written: dict[str, Any]) -> bool:
    """After the sync's own write to an incident, move the link's stamp to the written record's, but only
    when that write is the very next version (`sys_mod_count` one more than recorded): a count further on
    means someone else wrote in between, and the stamp stays behind so the next run reads the incident
    again rather than missing their change. True when it moved."""
    recorded, now = _mod_count(values.get(STAMP)), _mod_count(sn_stamp(written))
    if recorded is None or now is None or now != recorded + 1:
        return False
    values[STAMP] = sn_stamp(written)
    return True


def new_files(mirrored: dict[str, list[str]], attachments: set[str], documents_key: str) -> bool:
    """Whether any of an incident's recently added attachments is neither copied nor a copy yet (the
    sync's own uploads are on the link, so they do not count as news)."""
    known = set(mirrored.get(documents_key, []))
    return any(f"servicenow:{sys_id}" not in known for sys_id in attachments)
