"""The three-way comparison of one linked ticket: each side's current value against the value it had at
the last sync. A side that changed is copied to the other in the allowed direction; both sides changed
to different values is a conflict, decided by the pair's policy or queued. The values recorded are what
each side shows after the writes, so the next read sees no change (no ping-pong)."""

from dataclasses import dataclass, field
from typing import Any

from tickets.mapping import ConflictPolicy, Direction, TicketMapping
from tickets.values import Unmapped, agree, canonical, to_glpi, to_servicenow

STAMP = "_stamp"  # each side's modification time at the last sync, kept with its values


@dataclass
class Plan:
    glpi: dict[str, Any] = field(default_factory=dict)  # GLPI field → value to write
    servicenow: dict[str, str] = field(default_factory=dict)
    glpi_values: dict[str, str] = field(default_factory=dict)  # canonical values to record
    servicenow_values: dict[str, str] = field(default_factory=dict)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # (GLPI field, GLPI, ServiceNow)
    decided: list[str] = field(default_factory=list)  # "<field>: <winner> (policy)"
    warnings: list[str] = field(default_factory=list)


def values_of(mapping: TicketMapping, side: str, row: dict[str, Any]) -> dict[str, str]:
    """The canonical value of every mapped field of one side's record."""
    names = {getattr(rule, side): rule for rule in mapping.fields}
    return {name: canonical(rule, side, row.get(name)) for name, rule in names.items()}


def initial_servicenow(mapping: TicketMapping, glpi_row: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """A new incident's values from a GLPI ticket: mapped fields written to ServiceNow, then defaults."""
    values: dict[str, str] = {}
    warnings: list[str] = []
    for rule in mapping.written_to("servicenow"):
        try:
            values[rule.servicenow] = to_servicenow(
                mapping, rule, canonical(rule, "glpi", glpi_row.get(rule.glpi))
            )
        except Unmapped as exc:
            warnings.append(str(exc))
    for name, value in mapping.servicenow_defaults.items():
        values.setdefault(name, str(value))
    return values, warnings


def initial_glpi(mapping: TicketMapping, sn_row: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A new GLPI ticket's values from an incident: mapped fields, the type from `values.type`, defaults."""
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for rule in mapping.written_to("glpi"):
        try:
            values[rule.glpi] = to_glpi(
                mapping, rule, canonical(rule, "servicenow", sn_row.get(rule.servicenow))
            )
        except Unmapped as exc:
            warnings.append(str(exc))
    types = mapping.values.get("type")
    if "type" not in values and types is not None and "incident" in types.sn_to_glpi:
        values["type"] = types.sn_to_glpi["incident"]
    for name, value in mapping.glpi_defaults.items():
        values.setdefault(name, value)
    return values, warnings


def reconcile(
    mapping: TicketMapping,
    last_glpi: dict[str, Any],
    last_sn: dict[str, Any],
    glpi_row: dict[str, Any],
    sn_row: dict[str, Any],
    *,
    glpi_newer: bool,
    open_conflicts: set[str] = frozenset(),
) -> Plan:
    plan = Plan(glpi_values=dict(last_glpi), servicenow_values=dict(last_sn))
    for rule in mapping.fields:
        now_g = canonical(rule, "glpi", glpi_row.get(rule.glpi))
        now_s = canonical(rule, "servicenow", sn_row.get(rule.servicenow))
        if rule.glpi in open_conflicts:
            continue  # a person decides; the link keeps the values both sides last agreed on
        changed_g = now_g != last_glpi.get(rule.glpi)
        changed_s = now_s != last_sn.get(rule.servicenow)
        if not (changed_g or changed_s):
            continue
        source = "glpi" if changed_g else "servicenow"
        if changed_g and changed_s and not agree(mapping, rule, now_g, now_s):
            if rule.direction is not Direction.BOTH:
                source = "glpi" if rule.direction is Direction.GLPI_TO_SN else "servicenow"
            elif mapping.conflict_policy is ConflictPolicy.MANUAL:
                plan.conflicts.append((rule.glpi, now_g, now_s))
                continue
            else:
                source = _winner(mapping.conflict_policy, glpi_newer)
                plan.decided.append(f"{rule.glpi}: {'GLPI' if source == 'glpi' else 'ServiceNow'} wins")
        elif changed_g and changed_s:
            source = ""  # both already say the same: only recorded
        try:
            if source == "glpi" and rule.direction.writes("servicenow"):
                written = to_servicenow(mapping, rule, now_g)
                if written != sn_row.get(rule.servicenow):
                    plan.servicenow[rule.servicenow] = written
                now_s = canonical(rule, "servicenow", written)
            elif source == "servicenow" and rule.direction.writes("glpi"):
                written = to_glpi(mapping, rule, now_s)
                if canonical(rule, "glpi", written) != now_g:
                    plan.glpi[rule.glpi] = written
                    now_g = canonical(rule, "glpi", written)
        except Unmapped as exc:
            plan.warnings.append(str(exc))
        plan.glpi_values[rule.glpi] = now_g
        plan.servicenow_values[rule.servicenow] = now_s
    return plan


def _winner(policy: ConflictPolicy, glpi_newer: bool) -> str:
    if policy is ConflictPolicy.GLPI_WINS:
        return "glpi"
    if policy is ConflictPolicy.SERVICENOW_WINS:
        return "servicenow"
    return "glpi" if glpi_newer else "servicenow"
