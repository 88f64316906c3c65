"""One ticket of a run: link it (finding the other side a stopped run created, or creating it), apply
the changes the three-way comparison plans, and mirror its comments. Remote writes come first; the link,
its conflicts and log rows are then saved in one transaction, so a ticket is never half-recorded."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from integrations.glpi import tickets as glpi
from integrations.servicenow import tickets as servicenow
from tickets import comments, documents, items
from tickets.mapping import TicketMapping
from tickets.models import ConflictState, TicketConflict, TicketLink, TicketPair, TicketSyncLog
from tickets.reconcile import STAMP, Plan, initial_glpi, initial_servicenow, reconcile, values_of
from tickets.stamps import GLPI_STAMP, SN_STAMP, advance_servicenow, new_files, sn_stamp
from tickets.values import MARKER, canonical, html_to_text, text_to_html

SOLVED = 5  # GLPI's Solved status: reached by adding a solution (ITILSolution), never by a plain write
ITEMS = "items"  # the link's `mirrored` key of the items already carried (or found unmapped)


def glpi_marker(sys_id: str) -> str:
    """Written into the description of a GLPI ticket created from an incident."""
    return f"[servicenow:{sys_id}]"


class Writer:
    def __init__(
        self,
        pair: TicketPair,
        mapping: TicketMapping,
        glpi_client: Any,
        sn_client: Any,
        report: Any,
        *,
        dry_run: bool,
        force: bool = False,
        new_attachments: dict[str, set[str]] | None = None,
    ) -> None:
        """`force` reads every listed ticket in full even when its stamps say nothing changed (`--full`);
        `new_attachments` are the incidents' files added in the read window (incident sys_id → attachment
        sys_ids), which do not move an incident's stamp."""
        self.pair, self.mapping, self.report, self.dry_run = pair, mapping, report, dry_run
        self.glpi, self.sn = glpi_client, sn_client
        self.force, self.new_attachments = force, new_attachments or {}

    def link_note(self, ticket_id: int | str = "") -> str:
        """The correlation value (and work note) of an incident created from a GLPI ticket."""
        return f"{comments.LINK_NOTE}glpi:{self.pair.pk}:{ticket_id}"

    # Entry points ----------------------------------------------------------------------------------

    def from_glpi(self, row: dict[str, Any]) -> int | None:
        """The ticket's id when both sides were read and synced (the incident's pass skips it)."""
        ticket_id = int(row["id"])
        link = TicketLink.objects.filter(pair=self.pair, glpi_id=ticket_id).first()
        if link is None:
            found = MARKER.search(str(row.get("content") or ""))
            sys_id = found[0].strip()[12:-1] if found else None
            sys_id = sys_id or servicenow.find_incident(self.sn, self.link_note(ticket_id))
            if sys_id is None:
                self.create_incident(row)
                return ticket_id
            link = self.adopt(ticket_id, row, servicenow.get_incident(self.sn, sys_id))
        elif not self.force and self.unchanged(link.glpi_values, "glpi", row, GLPI_STAMP):
            return None  # ServiceNow's side was not read: its own pass looks at it
        if link is not None:
            self.sync(link, row, servicenow.get_incident(self.sn, link.servicenow_sys_id))
        return ticket_id

    def from_servicenow(self, row: dict[str, Any], done: set[int]) -> None:
        sys_id = str(row["sys_id"])
        link = TicketLink.objects.filter(pair=self.pair, servicenow_sys_id=sys_id).first()
        if link is not None and (link.glpi_id in done or self.skipped(link, row)):
            return
        if link is None:
            note = servicenow.note_starting(self.sn, sys_id, f"{comments.LINK_NOTE}glpi:")
            if note is not None and not note.startswith(self.link_note()):
                return  # created by another pair's sync
            ticket_id = int(note.rsplit(":", 1)[1]) if note and note.rsplit(":", 1)[1].isdigit() else None
            if ticket_id is None:
                found = glpi.find_ticket(self.glpi, glpi_marker(sys_id))
                ticket_id = int(found["id"]) if found else None
            if ticket_id is None:
                self.create_ticket(row)
                return
            link = self.adopt(ticket_id, glpi.get_ticket(self.glpi, ticket_id), row)
            if link is None:
                return
        self.sync(link, glpi.get_ticket(self.glpi, link.glpi_id), row)

    # Steps -----------------------------------------------------------------------------------------

    def skipped(self, link: TicketLink, row: dict[str, Any]) -> bool:
        """An incident whose stamp and values are the link's, and with no new attachment, is left unread."""
        if self.force or new_files(
            link.mirrored, self.new_attachments.get(link.servicenow_sys_id, set()), documents.KEY
        ):
            return False
        return self.unchanged(link.servicenow_values, "servicenow", row, SN_STAMP)

    def unchanged(self, last: dict[str, Any], side: str, row: dict[str, Any], stamp: str) -> bool:
        """Whether this side shows what the link recorded (same modification time and values): then the
        other side need not be read for it."""
        current = values_of(self.mapping, side, row)
        now = sn_stamp(row) if side == "servicenow" else row.get(stamp)
        return last.get(STAMP) == now and all(last.get(k) == v for k, v in current.items())

    def create_incident(self, row: dict[str, Any]) -> None:
        ticket_id = int(row["id"])
        values, warnings = initial_servicenow(self.mapping, row)
        correlation = self.link_note(ticket_id)[len(comments.LINK_NOTE) :]
        values.update(
            correlation_id=correlation, correlation_display="GLPI", work_notes=self.link_note(ticket_id)
        )
        note = self.solution_note(ticket_id, values)
        values.update(servicenow.close_fields({}, values, self.mapping.servicenow_defaults, note))
        self.report.servicenow["created"] += 1
        if self.dry_run:
            return
        entries, linked, first, carried = self.create_extras(ticket_id, values)
        created = servicenow.create_incident(self.sn, values)
        link = self.new_link(ticket_id, row, created)
        link.mirrored = {"glpi": [first.id]} if first else {}
        message = f"GLPI ticket {ticket_id} created incident {created.get('number')}"
        if carried:
            link.mirrored[ITEMS] = [f"glpi:{carried.key}", f"servicenow:{values['cmdb_ci']}"]
            message += f"; cmdb_ci set from GLPI {carried.itemtype} {carried.items_id}"
        if first:
            self.report.servicenow["comments"] += 1
            message += f"; comment by {first.author} copied from GLPI"
        self.save(link, Plan(warnings=warnings), message)
        self.carry_items(link, created, linked)
        self.mirror(link, entries)  # a new incident has no journal or files but what this create wrote

    def create_extras(
        self, ticket_id: int, values: dict[str, Any]
    ) -> tuple[list[comments.Entry], list[tuple[str, int]], comments.Entry | None, items.GlpiItem | None]:
        """What a new incident can carry in its one create (journal fields and references are set on
        insert): the ticket's first public followup as `comments`, and the first of its items published to
        ServiceNow as `cmdb_ci`; the rest follows as updates. Also the followups and items read, which the
        rest of the ticket's first sync reuses."""
        entries = comments.glpi_entries(self.glpi, ticket_id)
        first = next((e for e in entries if not e.private and not e.is_copy), None)
        if first is not None:
            values["comments"] = first.copied()
        linked = glpi.ticket_items(self.glpi, ticket_id)
        for itemtype, items_id in linked:
            item = items.GlpiItem(itemtype, items_id)
            sys_id = items.servicenow_ci(self.pair.glpi, self.pair.servicenow, item)
            if sys_id is not None:
                values["cmdb_ci"] = sys_id
                return entries, linked, first, item
        return entries, linked, first, None

    def create_ticket(self, row: dict[str, Any]) -> None:
        sys_id = str(row["sys_id"])
        values, warnings = initial_glpi(self.mapping, row)
        values["content"] = f"{values.get('content', '')}<p>{glpi_marker(sys_id)}</p>"
        scope = self.mapping.scope
        if scope.glpi_entity is not None and not scope.glpi_subentities:
            values.setdefault("entities_id", scope.glpi_entity)
        self.report.glpi["created"] += 1
        if self.dry_run:
            return
        ticket_id = glpi.create_ticket(self.glpi, values)
        link = self.new_link(ticket_id, glpi.get_ticket(self.glpi, ticket_id), row)
        self.save(
            link, Plan(warnings=warnings), f"Incident {row.get('number')} created GLPI ticket {ticket_id}"
        )
        self.carry_items(link, row)
        self.mirror(link)

    def adopt(self, ticket_id: int, glpi_row: dict[str, Any], sn_row: dict[str, Any]) -> TicketLink | None:
        """Link the two sides a stopped run created (it wrote the record, not the link)."""
        if self.dry_run:
            return None
        link = self.new_link(ticket_id, glpi_row, sn_row)
        self.save(
            link, Plan(), f"GLPI ticket {ticket_id} linked to {sn_row.get('number')}, found by its marker"
        )
        return link

    def new_link(self, ticket_id: int, glpi_row: dict[str, Any], sn_row: dict[str, Any]) -> TicketLink:
        return TicketLink(
            pair=self.pair,
            glpi_id=ticket_id,
            servicenow_sys_id=str(sn_row["sys_id"]),
            servicenow_number=str(sn_row.get("number") or ""),
            glpi_values={**values_of(self.mapping, "glpi", glpi_row), STAMP: glpi_row.get(GLPI_STAMP)},
            servicenow_values={**values_of(self.mapping, "servicenow", sn_row), STAMP: sn_stamp(sn_row)},
        )

    def sync(self, link: TicketLink, glpi_row: dict[str, Any], sn_row: dict[str, Any]) -> None:
        from tickets.engine import glpi_zone, parse_stamp

        open_fields = set(link.conflicts.filter(state=ConflictState.OPEN).values_list("field", flat=True))
        glpi_at, sn_at = (
            parse_stamp(glpi_row.get(GLPI_STAMP), glpi_zone(self.pair)),
            parse_stamp(sn_row.get(SN_STAMP)),
        )
        plan = reconcile(
            self.mapping,
            link.glpi_values,
            link.servicenow_values,
            glpi_row,
            sn_row,
            glpi_newer=bool(glpi_at and sn_at and glpi_at >= sn_at),
            open_conflicts=open_fields,
        )
        self.report.servicenow["updated"] += bool(plan.servicenow)
        self.report.glpi["updated"] += bool(plan.glpi)
        self.report.conflicts += len(plan.conflicts)
        if self.dry_run:
            self.mirror(link)
            return
        plan.glpi_values[STAMP], plan.servicenow_values[STAMP] = (
            glpi_row.get(GLPI_STAMP),
            sn_stamp(sn_row),
        )
        if plan.servicenow:
            note = self.solution_note(link.glpi_id, plan.servicenow)
            defaults = self.mapping.servicenow_defaults
            plan.servicenow.update(servicenow.close_fields(sn_row, plan.servicenow, defaults, note))
            updated = servicenow.update_incident(self.sn, link.servicenow_sys_id, plan.servicenow)
            for rule in self.mapping.fields:
                if rule.servicenow in plan.servicenow:
                    plan.servicenow_values[rule.servicenow] = canonical(
                        rule, "servicenow", updated.get(rule.servicenow)
                    )
            advance_servicenow(plan.servicenow_values, updated)
        if plan.glpi:
            if "content" in plan.glpi:
                kept = MARKER.search(str(glpi_row.get("content") or ""))
                plan.glpi["content"] += f"<p>{kept[0].strip()}</p>" if kept else ""
            solve = plan.glpi.get("status") == SOLVED and int(glpi_row.get("status") or 0) < SOLVED
            writes = {k: v for k, v in plan.glpi.items() if not (solve and k == "status")}
            if writes:
                glpi.update_ticket(self.glpi, link.glpi_id, writes)
            if solve:  # a solution solves the ticket, and carries the incident's close notes
                text = str(sn_row.get("close_notes") or "").strip()
                text = text or f"Resolved in ServiceNow ({link.servicenow_number})."
                glpi.solve_ticket(self.glpi, link.glpi_id, text_to_html(text))
            fresh = glpi.get_ticket(self.glpi, link.glpi_id)  # GLPI answers an update with no item
            for rule in self.mapping.fields:
                if rule.glpi in plan.glpi:
                    plan.glpi_values[rule.glpi] = canonical(rule, "glpi", fresh.get(rule.glpi))
            plan.glpi_values[STAMP] = fresh.get(GLPI_STAMP)
        link.glpi_values, link.servicenow_values = plan.glpi_values, plan.servicenow_values
        self.save(link, plan, self.describe(link, plan))
        self.carry_items(link, sn_row)
        self.mirror(link)

    @staticmethod
    def describe(link: TicketLink, plan: Plan) -> str:
        parts = []
        if plan.servicenow:
            parts.append(f"ServiceNow {', '.join(sorted(plan.servicenow))} updated")
        if plan.glpi:
            parts.append(f"GLPI {', '.join(sorted(plan.glpi))} updated")
        parts += [f"conflict on {name} queued" for name, _, _ in plan.conflicts]
        parts += plan.decided
        return f"{link}: {'; '.join(parts)}" if parts else ""

    def save(self, link: TicketLink, plan: Plan, message: str) -> None:
        with transaction.atomic():
            link.last_synced_at = timezone.now()
            link.save()
            for name, glpi_value, sn_value in plan.conflicts:
                TicketConflict.objects.update_or_create(
                    link=link,
                    field=name,
                    state=ConflictState.OPEN,
                    defaults={"pair": self.pair, "glpi_value": glpi_value, "servicenow_value": sn_value},
                )
            for text in [message, *plan.warnings]:
                if text:
                    level = "info" if text == message else "warning"
                    TicketSyncLog.objects.create(pair=self.pair, link=link, level=level, message=text[:2000])

    def solution_note(self, ticket_id: int, values: dict[str, Any]) -> str:
        """The close notes of an incident a GLPI ticket resolves: its latest solution's text (read only
        when `values` resolve the incident), else a line naming the ticket."""
        if str(values.get("state", "")) in servicenow.RESOLVED_STATES:
            found = glpi.solutions(self.glpi, ticket_id)
            text = html_to_text(found[-1].get("content")) if found else ""
            if text:
                return text
        return f"Solved in GLPI (ticket {ticket_id})."

    def carry_items(
        self, link: TicketLink, sn_row: dict[str, Any], linked: list[tuple[str, int]] | None = None
    ) -> None:
        """The ticket's GLPI items → the incident's `cmdb_ci` (when it has none), and the incident's
        `cmdb_ci` → an Item_Ticket, each through the sync maps and once: what was carried or found
        unmapped is kept on the link, so a re-run neither writes again nor logs again."""
        done = link.mirrored.setdefault(ITEMS, [])
        pair, notes = self.pair, []
        ci = sn_row.get("cmdb_ci")
        ci = str((ci.get("value") if isinstance(ci, dict) else ci) or "")
        linked = glpi.ticket_items(self.glpi, link.glpi_id) if linked is None else linked
        for itemtype, items_id in linked:
            item = items.GlpiItem(itemtype, items_id)
            if f"glpi:{item.key}" in done:
                continue
            done.append(f"glpi:{item.key}")
            sys_id = items.servicenow_ci(pair.glpi, pair.servicenow, item)
            if sys_id is None:
                notes.append(
                    f"{link}: GLPI {itemtype} {items_id} is not published to ServiceNow; cmdb_ci left unset"
                )
            elif not ci:
                updated = servicenow.update_incident(self.sn, link.servicenow_sys_id, {"cmdb_ci": sys_id})
                advance_servicenow(link.servicenow_values, updated)
                ci = sys_id
                done.append(f"servicenow:{sys_id}")
                notes.append(f"{link}: cmdb_ci set from GLPI {itemtype} {items_id}")
        if ci and f"servicenow:{ci}" not in done:
            done.append(f"servicenow:{ci}")
            item = items.glpi_item(pair.glpi, pair.servicenow, ci)
            if item is None:
                notes.append(f"{link}: cmdb_ci {ci} is not published to GLPI; no item linked")
            elif (item.itemtype, item.items_id) not in linked:
                glpi.link_item(self.glpi, link.glpi_id, item.itemtype, item.items_id)
                link.glpi_values[STAMP] = glpi.get_ticket(self.glpi, link.glpi_id).get(GLPI_STAMP)
                done.append(f"glpi:{item.key}")
                notes.append(f"{link}: GLPI {item.itemtype} {item.items_id} linked from cmdb_ci")
        if not notes:
            return
        with transaction.atomic():
            link.save(update_fields=["mirrored", "glpi_values", "servicenow_values"])
            for text in notes:
                TicketSyncLog.objects.create(pair=pair, link=link, level="info", message=text[:2000])

    def mirror(self, link: TicketLink, new_incident: list[comments.Entry] | None = None) -> None:
        """Comments then files both ways; `new_incident` (the ticket's followups, just read) says the
        incident was created by this run, so its journal and attachments hold nothing to read."""

        def saved(entry: comments.Entry, where: str) -> None:
            with transaction.atomic():
                link.mirrored.setdefault(entry.side, []).append(entry.id)
                link.save(update_fields=["mirrored"])
                if where:
                    origin = "GLPI" if entry.side == "glpi" else "ServiceNow"
                    message = f"{link}: comment by {entry.author} copied from {origin}"
                    TicketSyncLog.objects.create(pair=self.pair, link=link, message=message)

        moved = []

        def wrote(incident: dict[str, Any]) -> None:
            moved.append(advance_servicenow(link.servicenow_values, incident))

        counts = comments.mirror(
            self.glpi,
            self.sn,
            link.glpi_id,
            link.servicenow_sys_id,
            link.mirrored,
            dry_run=self.dry_run,
            saved=saved,
            wrote=wrote,
            known=None if new_incident is None else (new_incident, []),
        )
        for side, count in counts.items():
            getattr(self.report, side)["comments"] += count
        self.mirror_documents(link, new_incident is not None)
        if any(moved):  # the sync's own comments are not news to the next run
            link.save(update_fields=["servicenow_values"])

    def mirror_documents(self, link: TicketLink, new_incident: bool = False) -> None:
        def saved(keys: list[str], message: str) -> None:
            with transaction.atomic():
                link.mirrored.setdefault(documents.KEY, []).extend(keys)
                link.save(update_fields=["mirrored"])
                if message:
                    TicketSyncLog.objects.create(pair=self.pair, link=link, message=f"{link}: {message}")

        counts = documents.mirror(
            self.glpi,
            self.sn,
            link.glpi_id,
            link.servicenow_sys_id,
            link.mirrored,
            dry_run=self.dry_run,
            saved=saved,
            no_attachments=new_incident,
        )
        for side, count in counts.items():
            getattr(self.report, side)["documents"] += count
