"""The ticket sync of one pair: read what changed on each side since its watermark (less an overlap),
create the missing side of an unlinked ticket (after looking for one a stopped run created), apply field
changes through the link's three-way comparison, mirror comments, and record it all. Platform calls are
the plain functions of `integrations.*.tickets`; every database write of one ticket (its link, conflicts
and log rows) is one transaction."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from integrations.base.errors import FATAL, TargetError
from integrations.clients import client_for
from integrations.glpi import tickets as glpi
from integrations.glpi.options import GlpiOptions
from integrations.servicenow import tickets as servicenow
from tickets import comments, documents
from tickets.mapping import TicketMapping
from tickets.models import LogLevel, RunStatus, TicketLink, TicketPair, TicketSyncLog
from tickets.reconcile import STAMP
from tickets.stamps import new_files
from tickets.writer import Writer

OVERLAP = dt.timedelta(seconds=60)
STAMP_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass
class Report:
    """What a run did (or, dry, would do), per side, for the command and the pair's counts."""

    dry_run: bool = False
    glpi: Counter = field(default_factory=Counter)
    servicenow: Counter = field(default_factory=Counter)
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "glpi": dict(self.glpi),
            "servicenow": dict(self.servicenow),
            "conflicts": self.conflicts,
            "errors": len(self.errors),
        }

    def lines(self) -> list[str]:
        verb = "would be" if self.dry_run else ""
        lines = []
        for side, label in (("glpi", "GLPI"), ("servicenow", "ServiceNow")):
            counts = getattr(self, side)
            lines.append(
                f"{label}: {counts['created']} created, {counts['updated']} updated, "
                f"{counts['comments']} comments {verb}".rstrip()
            )
        lines.append(f"Conflicts: {self.conflicts}{' ' + verb if verb else ''}")
        lines += [f"Error: {error}" for error in self.errors]
        return lines


def parse_stamp(value: Any, zone: dt.tzinfo = dt.UTC) -> dt.datetime | None:
    """A GLPI `date_mod` (in its server's zone, the connection's `time_zone`) or ServiceNow
    `sys_updated_on` (the Table API answers UTC) as an aware datetime."""
    try:
        return dt.datetime.strptime(str(value), STAMP_FORMAT).replace(tzinfo=zone).astimezone(dt.UTC)
    except ValueError:
        return None


def since(watermark: dt.datetime | None, full: bool, zone: dt.tzinfo = dt.UTC) -> str | None:
    """The watermark less the overlap, written as the side writes its dates (in `zone`)."""
    if full or watermark is None:
        return None
    return (watermark - OVERLAP).astimezone(zone).strftime(STAMP_FORMAT)


def glpi_zone(pair: TicketPair) -> dt.tzinfo:
    return ZoneInfo(GlpiOptions.from_dict(pair.glpi.options).time_zone)


def in_glpi_scope(mapping: TicketMapping, row: dict[str, Any]) -> bool:
    """The scope's types, and its entity when sub-entities are left out (with them, the connection's
    active entities already bound what GLPI answers)."""
    scope = mapping.scope
    if scope.glpi_types and int(row.get("type") or 0) not in scope.glpi_types:
        return False
    if scope.glpi_entity is not None and not scope.glpi_subentities:
        return int(row.get("entities_id") or 0) == scope.glpi_entity
    return True


def sync_pair(pair: TicketPair, *, dry_run: bool = False, full: bool = False) -> Report:
    """One run of the pair. A side that refuses every call (authentication, rights, unreachable) or a
    failed read stops the run; one ticket's error is logged and the others go on. Watermarks move only
    after a run without errors."""
    report = Report(dry_run=dry_run)
    mapping = pair.parsed_mapping()
    with ExitStack() as stack:
        glpi_client = stack.enter_context(closing(client_for(pair.glpi)))
        sn_client = stack.enter_context(closing(client_for(pair.servicenow)))
        writer = Writer(pair, mapping, glpi_client, sn_client, report, dry_run=dry_run, force=full)
        marks = {"glpi": pair.glpi_watermark, "servicenow": pair.servicenow_watermark}
        try:
            done: set[int] = set()
            zone = glpi_zone(pair)
            for row in glpi.changed_tickets(glpi_client, since(pair.glpi_watermark, full, zone)):
                marks["glpi"] = _later(marks["glpi"], parse_stamp(row.get("date_mod"), zone))
                if in_glpi_scope(mapping, row):
                    done.add(_guarded(report, writer.from_glpi, row, f"GLPI ticket {row.get('id')}"))
            for row in _incidents(writer, sn_client, since(pair.servicenow_watermark, full), mapping):
                marks["servicenow"] = _later(marks["servicenow"], parse_stamp(row.get("sys_updated_on")))
                _guarded(report, writer.from_servicenow, row, f"incident {row.get('number')}", done)
        except TargetError as exc:  # a side refuses everything, or a read failed: the run stops here
            report.errors.append(str(exc))
            marks = {}
    if not dry_run:
        _finish(pair, report, marks)
    return report


def sync_ticket(pair: TicketPair, side: str, ticket_id: str) -> Report:
    """One ticket named by a webhook (a GLPI id or an incident's sys_id), linked or not, synced now
    rather than at the next scheduled run. Watermarks stay: the scheduled run still reads the window."""
    report = Report()
    mapping = pair.parsed_mapping()
    with ExitStack() as stack:
        glpi_client = stack.enter_context(closing(client_for(pair.glpi)))
        sn_client = stack.enter_context(closing(client_for(pair.servicenow)))
        writer = Writer(pair, mapping, glpi_client, sn_client, report, dry_run=False)
        try:
            if side == "glpi":
                row = glpi.get_ticket(glpi_client, int(ticket_id))
                if in_glpi_scope(mapping, row):
                    _guarded(report, writer.from_glpi, row, f"GLPI ticket {ticket_id}")
            else:
                row = servicenow.get_incident(sn_client, ticket_id)
                _guarded(report, writer.from_servicenow, row, f"incident {row.get('number')}", set())
        except TargetError as exc:
            report.errors.append(str(exc))
    for error in report.errors:
        TicketSyncLog.objects.create(pair=pair, level=LogLevel.ERROR, message=error[:2000])
    return report


def _incidents(writer: Writer, client: Any, start: str | None, mapping: TicketMapping) -> Iterable[dict]:
    """The incidents to look at: with a watermark, the changed ones and the attachments added since, in
    one call; the incidents of a new attachment that is not listed are read one by one (ServiceNow does
    not move an incident's `sys_updated_on` for an attachment)."""
    query = mapping.scope.servicenow_query
    if start is None:
        return servicenow.changed_incidents(client, start, query)
    rows, writer.new_attachments = servicenow.changed_incidents_with_files(client, start, query)
    listed = {str(row.get("sys_id")) for row in rows}
    known = TicketLink.objects.filter(
        pair=writer.pair, servicenow_sys_id__in=set(writer.new_attachments) - listed
    )
    for link in known:
        if new_files(link.mirrored, writer.new_attachments[link.servicenow_sys_id], documents.KEY):
            rows.append(servicenow.get_incident(client, link.servicenow_sys_id))
    return rows


def _guarded(report: Report, step: Any, row: dict[str, Any], what: str, *args: Any) -> Any:
    try:
        return step(row, *args)
    except FATAL:
        raise
    except TargetError as exc:
        report.errors.append(f"{what}: {exc}")
        return None


def _later(mark: dt.datetime | None, stamp: dt.datetime | None) -> dt.datetime | None:
    if stamp is None:
        return mark
    return stamp if mark is None or stamp > mark else mark


def _finish(pair: TicketPair, report: Report, marks: dict[str, dt.datetime | None]) -> None:
    status = RunStatus.OK if not report.errors else RunStatus.PARTIAL if marks else RunStatus.FAILED
    changes: dict[str, Any] = {
        "last_run_at": timezone.now(),
        "last_run_status": status,
        "last_run_counts": report.as_dict(),
    }
    if not report.errors:
        changes.update(glpi_watermark=marks["glpi"], servicenow_watermark=marks["servicenow"])
    with transaction.atomic():
        TicketPair.objects.filter(pk=pair.pk).update(**changes)
        for error in report.errors:
            TicketSyncLog.objects.create(pair=pair, level=LogLevel.ERROR, message=error[:2000])
    for name, value in changes.items():
        setattr(pair, name, value)


__all__ = ["OVERLAP", "STAMP", "Report", "sync_pair", "sync_ticket", "comments"]
