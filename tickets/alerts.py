"""Monitoring alerts into tickets: a problem opens a ticket on the affected item (a GLPI Ticket linked to
the item's Computer or the application's Appliance, or a ServiceNow incident with `cmdb_ci`, as the
pair's mapping says), a repeat of the same key adds a followup, `ok` solves it. The ticket then syncs
like any other: the engine reads it as a change of its side."""

from contextlib import closing
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from catalog.models import BusinessApplication, InfrastructureItem
from integrations.base.errors import TargetError
from integrations.clients import client_for
from integrations.glpi import tickets as glpi
from integrations.servicenow import tickets as servicenow
from sync.models import RecordKind, SyncMapEntry
from tickets.mapping import AlertTarget, TicketMapping
from tickets.models import Alert, AlertState, TicketPair

GLPI_SOLVED = 5
SN_RESOLVED = "6"


class AlertError(Exception):
    """Bad alert input: `errors` by field, for a 400 or the command line."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class AlertInput:
    key: str
    state: str
    severity: str
    item: str
    message: str
    pair: str = ""


@dataclass(frozen=True)
class Outcome:
    alert: Alert
    action: str  # opened, followup, solved, ignored


@dataclass(frozen=True)
class Target:
    """The affected portfolio record and its kind in the sync map."""

    kind: str
    record_id: Any
    label: str


def receive(namespace, given: AlertInput) -> Outcome:
    """Open, update or solve the alert's ticket; AlertError (nothing written) for bad input."""
    pair = find_pair(namespace, given.pair)
    mapping = pair.parsed_mapping()
    errors: dict[str, str] = {}
    if not given.key.strip():
        errors["key"] = "Give the alert's key."
    if given.state not in AlertState.values:
        errors["state"] = f"Use {' or '.join(AlertState.values)}."
    if given.severity not in mapping.alerts.severity:
        errors["severity"] = f"Unknown severity; use one of {', '.join(mapping.alerts.severity)}."
    target = find_target(namespace, given.item)
    if target is None:
        errors["item"] = f"No computer (name or serial) or application id “{given.item}” in this namespace."
    if errors:
        raise AlertError(errors)
    with transaction.atomic():
        if given.state == AlertState.OK:
            return _ok(
                pair, Alert.objects.select_for_update().filter(pair=pair, key=given.key).first(), given
            )
        # the row exists before any remote call, so a simultaneous first problem waits on it and follows up
        row, _ = Alert.objects.get_or_create(pair=pair, key=given.key, defaults={"state": ""})
        return _problem(pair, mapping, Alert.objects.select_for_update().get(pk=row.pk), target, given)


def find_pair(namespace, name: str) -> TicketPair:
    pairs = TicketPair.objects.filter(namespace=namespace).select_related("glpi", "servicenow")
    if name:
        pair = pairs.filter(name=name).first()
        if pair is None:
            raise AlertError({"pair": f"No ticket sync pair “{name}” in this namespace."})
        return pair
    found = list(pairs[:2])
    if len(found) != 1:
        raise AlertError({"pair": "Name the pair: the namespace has none or several."})
    return found[0]


def find_target(namespace, item: str) -> Target | None:
    item = item.strip()
    if not item:
        return None
    computer = (
        InfrastructureItem.objects.filter(namespace=namespace)
        .filter(Q(name=item) | Q(serial_number=item))
        .order_by("name")
        .first()
    )
    if computer is not None:
        return Target(RecordKind.INFRASTRUCTURE_ITEM, computer.pk, computer.name)
    app = BusinessApplication.objects.filter(namespace=namespace, app_id=item).first()
    if app is not None:
        return Target(RecordKind.APPLICATION, app.pk, f"{app.app_id} {app.name}")
    return None


def _mapped(connection, target: Target) -> SyncMapEntry | None:
    return (
        SyncMapEntry.objects.filter(connection=connection, kind=target.kind, record_id=target.record_id)
        .exclude(target_id="")
        .first()
    )


def _title(given: AlertInput) -> str:
    return f"[{given.severity}] {given.message.splitlines()[0] if given.message else given.key}"[:160]


def _problem(
    pair: TicketPair, mapping: TicketMapping, alert: Alert, target: Target, given: AlertInput
) -> Outcome:
    now = timezone.now()
    if alert.state == AlertState.PROBLEM:
        note = f"Alert {given.key} again ({given.severity}): {given.message}"
        with closing(client_for(_connection(pair, alert.side))) as client:
            if alert.side == AlertTarget.GLPI:
                glpi.add_followup(client, int(alert.ticket_id), note, private=False)
            else:
                servicenow.update_incident(client, alert.ticket_id, {"work_notes": note})
        alert.problem_count += 1
        alert.severity, alert.message, alert.last_seen_at = given.severity, given.message, now
        alert.save()
        return Outcome(alert, "followup")
    side = mapping.alerts.target
    urgency, impact = mapping.alerts.severity[given.severity]
    text = f"Alert {given.key} on {target.label} ({given.severity}):\n{given.message}"
    with closing(client_for(_connection(pair, side))) as client:
        if side == AlertTarget.GLPI:
            ticket_id = str(_open_glpi(client, pair, mapping, target, given, text, urgency, impact))
        else:
            ticket_id = _open_incident(client, pair, mapping, target, given, text, urgency, impact)
    alert.state, alert.side, alert.ticket_id = AlertState.PROBLEM, side, ticket_id
    alert.severity, alert.item, alert.message, alert.last_seen_at = (
        given.severity,
        given.item,
        given.message,
        now,
    )
    alert.problem_count += 1
    alert.save()
    return Outcome(alert, "opened")


def _open_glpi(client, pair, mapping, target, given, text, urgency, impact) -> int:
    values = {**mapping.glpi_defaults, "name": _title(given), "content": text.replace("\n", "<br>")}
    values.update(urgency=urgency, impact=impact, type=1)
    scope = mapping.scope
    if scope.glpi_entity is not None and not scope.glpi_subentities:
        values["entities_id"] = scope.glpi_entity  # as the sync does; else the session's active entity
    ticket_id = glpi.create_ticket(client, values)
    entry = _mapped(pair.glpi, target)
    if entry is not None:
        try:
            glpi.link_item(client, ticket_id, entry.target_type, int(entry.target_id))
        except TargetError as exc:  # the ticket exists: record it (a retry follows it up), say what failed
            glpi.add_followup(client, ticket_id, f"Could not link {target.label}: {exc}", private=True)
    return ticket_id


def _open_incident(client, pair, mapping, target, given, text, urgency, impact) -> str:
    values = {**mapping.servicenow_defaults, "short_description": _title(given), "description": text}
    for name, code in (("urgency", urgency), ("impact", impact)):
        value_map = mapping.values.get(name)
        values[name] = value_map.glpi_to_sn[code] if value_map else str(code)
    entry = _mapped(pair.servicenow, target)
    if entry is not None:
        values["cmdb_ci"] = entry.target_id
    return str(servicenow.create_incident(client, values)["sys_id"])


def _ok(pair: TicketPair, alert: Alert | None, given: AlertInput) -> Outcome:
    if alert is None or alert.state == AlertState.OK:
        if alert is not None:
            alert.ok_count += 1
            alert.last_seen_at = timezone.now()
            alert.save()
        return Outcome(alert, "ignored") if alert else Outcome(Alert(pair=pair, key=given.key), "ignored")
    note = f"Alert {given.key} recovered: {given.message}".strip()
    with closing(client_for(_connection(pair, alert.side))) as client:
        if alert.side == AlertTarget.GLPI:
            glpi.solve_ticket(client, int(alert.ticket_id), note)
        else:
            values = {"state": SN_RESOLVED, "close_code": servicenow.CLOSE_CODE, "close_notes": note}
            servicenow.update_incident(client, alert.ticket_id, values)
    alert.state, alert.message, alert.last_seen_at = AlertState.OK, given.message, timezone.now()
    alert.ok_count += 1
    alert.save()
    return Outcome(alert, "solved")


def _connection(pair: TicketPair, side: str):
    return pair.glpi if side == AlertTarget.GLPI else pair.servicenow
