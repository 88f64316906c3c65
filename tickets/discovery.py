"""Field discovery for a pair: each side's ticket fields read from the instance, and a proposed mapping
(YAML) built from the default mapping's known pairs plus fields whose names or labels match."""

from contextlib import closing
from dataclasses import dataclass

import yaml
from rapidfuzz import fuzz

from integrations.clients import client_for
from integrations.glpi.tickets import GlpiTicketField, ticket_fields
from integrations.models import Connection, Platform
from integrations.servicenow.tickets import IncidentField, incident_fields
from tickets.mapping import GLPI_VALUES, NEVER_WRITTEN, default_mapping_text, parse

MATCH_SCORE = 90  # rapidfuzz token_sort_ratio; lower and e.g. "date" meets "due_date"
NOT_SYNCED = {
    "id",
    "date_mod",
    "date_creation",
    "entities_id",
    "links",
    "sys_id",
    "sys_updated_on",
    "sys_created_on",
    "sys_mod_count",
    "sys_updated_by",
    "sys_created_by",
    "number",
}


@dataclass(frozen=True)
class Discovery:
    glpi: list[GlpiTicketField]
    servicenow: list[IncidentField]


def discover(connection: Connection) -> list[GlpiTicketField] | list[IncidentField]:
    """The connection's ticket fields, read now. Raises TargetError when the instance refuses."""
    with closing(client_for(connection)) as client:
        if connection.platform == Platform.GLPI:
            return ticket_fields(client)
        if connection.platform == Platform.SERVICENOW:
            return incident_fields(client)
    raise ValueError(f"{connection.get_platform_display()} has no tickets to discover.")


def propose(glpi: list[GlpiTicketField], servicenow: list[IncidentField]) -> str:
    """A mapping for these two instances, as YAML the admin copies into the pair and edits: the default
    mapping's fields that exist on both sides, then pairs of the same name or a close label (copied both
    ways, never a priority). It always parses."""
    default = parse(default_mapping_text())
    glpi_by_name = {f.field: f for f in glpi}
    sn_by_name = {f.field: f for f in servicenow}
    rules: list[dict] = []
    taken_glpi: set[str] = set()
    taken_sn: set[str] = set()
    for rule in default.fields:
        if rule.glpi in glpi_by_name and rule.servicenow in sn_by_name:
            entry = {"glpi": rule.glpi, "servicenow": rule.servicenow, "direction": rule.direction.value}
            rules.append({**entry, "transform": rule.transform} if rule.transform else entry)
            taken_glpi.add(rule.glpi)
            taken_sn.add(rule.servicenow)
    never = {name for name, _ in NEVER_WRITTEN.values()} | NOT_SYNCED
    for g in glpi:
        if g.field in taken_glpi or g.field in never or g.field.endswith("_id"):
            continue
        best, score = None, 0.0
        for s in servicenow:
            if s.field in taken_sn or s.field in never or s.reference:
                continue
            here = max(fuzz.token_sort_ratio(g.field, s.field), fuzz.token_sort_ratio(g.label, s.label))
            if here > score:
                best, score = s, here
        if best is not None and score >= MATCH_SCORE:
            entry = {"glpi": g.field, "servicenow": best.field, "direction": "both"}
            rules.append({**entry, "transform": g.field} if g.field in GLPI_VALUES else entry)
            taken_glpi.add(g.field)
            taken_sn.add(best.field)
    if not rules:
        return "# No field of one side matched the other's: the default mapping.\n" + default_mapping_text()
    values = {
        name: {"glpi_to_sn": dict(vm.glpi_to_sn), "sn_to_glpi": dict(vm.sn_to_glpi)}
        for name, vm in default.values.items()
    }
    shipped = yaml.safe_load(default_mapping_text())
    document = {
        "version": 1,
        "conflict_policy": default.conflict_policy.value,
        "fields": rules,
        "values": values,
        "defaults": shipped.get("defaults", {}),
        "scope": shipped.get("scope", {}),
    }
    text = "# Proposed from the fields both instances have; review before use.\n" + yaml.safe_dump(
        document, sort_keys=False, allow_unicode=True
    )
    parse(text)
    return text
