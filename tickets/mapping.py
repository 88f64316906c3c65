"""A pair's mapping: YAML checked against the schema below and parsed into frozen dataclasses the sync
engine reads. Every error names its line and key, e.g. `line 12, fields[3].direction: use one of …`."""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path as FilePath
from types import MappingProxyType
from typing import Any

from tickets.yaml_lines import MappingError, Path, line_of, load

__all__ = ["MappingError", "TicketMapping", "parse", "default_mapping_text"]

FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,79}")
GLPI_VALUES = {  # GLPI's fixed codes (src/CommonITILObject.php, src/Ticket.php)
    "status": {1, 2, 3, 4, 5, 6},
    "urgency": {1, 2, 3, 4, 5},
    "impact": {1, 2, 3, 4, 5},
    "type": {1, 2},
}
TRANSFORMS = {*GLPI_VALUES, "text", "html_to_text"}
TOP_KEYS = {"version", "conflict_policy", "fields", "values", "defaults", "scope", "alerts"}
NEVER_WRITTEN = {
    "servicenow": ("priority", "ServiceNow computes priority from impact and urgency; map those instead"),
    "glpi": ("priority", "GLPI derives priority from urgency × impact (its matrix); map those instead"),
}


class Direction(StrEnum):
    GLPI_TO_SN = "glpi_to_sn"
    SN_TO_GLPI = "sn_to_glpi"
    BOTH = "both"

    def writes(self, side: str) -> bool:
        """Whether this direction writes into `side` ("glpi" or "servicenow")."""
        return self is Direction.BOTH or self is (
            Direction.SN_TO_GLPI if side == "glpi" else Direction.GLPI_TO_SN
        )


class ConflictPolicy(StrEnum):
    NEWER_WINS = "newer_wins"
    GLPI_WINS = "glpi_wins"
    SERVICENOW_WINS = "servicenow_wins"
    MANUAL = "manual"


@dataclass(frozen=True)
class FieldRule:
    glpi: str
    servicenow: str
    direction: Direction
    transform: str = ""  # a value map's name, `text`, `html_to_text`, or empty (copied as it is)


@dataclass(frozen=True)
class ValueMap:
    """GLPI codes (integers) to ServiceNow choice values (strings), and back."""

    glpi_to_sn: MappingProxyType
    sn_to_glpi: MappingProxyType


@dataclass(frozen=True)
class Scope:
    glpi_entity: int | None = None
    glpi_subentities: bool = True
    glpi_types: tuple[int, ...] = ()
    servicenow_query: str = ""  # an encoded query, e.g. active=true^assignment_group.name=Service Desk


class AlertTarget(StrEnum):
    GLPI = "glpi"
    SERVICENOW = "servicenow"


@dataclass(frozen=True)
class Alerts:
    """Where a monitoring alert opens its ticket, and each severity's GLPI urgency and impact (1-5)."""

    target: AlertTarget = AlertTarget.GLPI
    severity: MappingProxyType = field(
        default_factory=lambda: MappingProxyType(
            {"critical": (5, 5), "major": (4, 4), "minor": (3, 3), "warning": (2, 2), "info": (1, 1)}
        )
    )


@dataclass(frozen=True)
class TicketMapping:
    conflict_policy: ConflictPolicy
    fields: tuple[FieldRule, ...]
    values: MappingProxyType  # name → ValueMap
    glpi_defaults: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    servicenow_defaults: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    scope: Scope = Scope()
    alerts: Alerts = Alerts()

    def written_to(self, side: str) -> tuple[FieldRule, ...]:
        return tuple(rule for rule in self.fields if rule.direction.writes(side))


class _Checker:
    def __init__(self, lines: dict[Path, int]) -> None:
        self.lines = lines

    def fail(self, path: Path, message: str) -> MappingError:
        path = tuple(p if isinstance(p, int) else str(p) for p in path)
        return MappingError(line_of(self.lines, path), path, message)

    def mapping(self, value: Any, path: Path, allowed: set[str] | None = None) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(path, "expected keys and values (a mapping).")
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    raise self.fail((*path, key), f"unknown key; use one of {', '.join(sorted(allowed))}.")
        return value

    def text(self, value: Any, path: Path, pattern: re.Pattern | None = None, hint: str = "") -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "expected a non-empty text.")
        if pattern is not None and not pattern.fullmatch(value):
            raise self.fail(path, hint or "not a valid name.")
        return value

    def choice(self, value: Any, path: Path, choices: type[StrEnum]) -> Any:
        try:
            return choices(value)
        except ValueError:
            raise self.fail(path, f"use one of {', '.join(c.value for c in choices)}.") from None

    def integer(self, value: Any, path: Path, allowed: set[int] | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(path, "expected a whole number.")
        if allowed is not None and value not in allowed:
            raise self.fail(
                path, f"GLPI has no such code; use one of {', '.join(map(str, sorted(allowed)))}."
            )
        return value


def parse(text: str) -> TicketMapping:
    """The mapping in `text`; MappingError (line, key, what to do) for the first problem found."""
    data, lines = load(text)
    check = _Checker(lines)
    top = check.mapping(data, (), TOP_KEYS)
    if not top:
        raise check.fail((), "the mapping is empty; start from the default mapping.")
    if top.get("version", 1) != 1:
        raise check.fail(("version",), "only version 1 exists.")
    policy = check.choice(top.get("conflict_policy", "newer_wins"), ("conflict_policy",), ConflictPolicy)
    values = _values(check, top.get("values"))
    rules = _fields(check, top.get("fields"), values)
    defaults = check.mapping(top.get("defaults"), ("defaults",), {"glpi", "servicenow"})
    return TicketMapping(
        conflict_policy=policy,
        fields=rules,
        values=MappingProxyType(values),
        glpi_defaults=_defaults(check, defaults.get("glpi"), ("defaults", "glpi")),
        servicenow_defaults=_defaults(check, defaults.get("servicenow"), ("defaults", "servicenow")),
        scope=_scope(check, top.get("scope")),
        alerts=_alerts(check, top.get("alerts")),
    )


def _alerts(check: _Checker, value: Any) -> Alerts:
    if value is None:
        return Alerts()
    section = check.mapping(value, ("alerts",), {"target", "severity"})
    target = check.choice(section.get("target", "glpi"), ("alerts", "target"), AlertTarget)
    if "severity" not in section:
        return Alerts(target=target)
    levels = check.mapping(section["severity"], ("alerts", "severity"))
    if not levels:
        raise check.fail(
            ("alerts", "severity"), "expected severities, e.g. critical: {urgency: 5, impact: 5}."
        )
    parsed: dict[str, tuple[int, int]] = {}
    for name, entry in levels.items():
        path: Path = ("alerts", "severity", str(name))
        check.text(name, path, FIELD_NAME, "a severity name has lower-case letters, digits and underscores.")
        entry = check.mapping(entry, path, {"urgency", "impact"})
        for key in ("urgency", "impact"):
            if key not in entry:
                raise check.fail(path, f"missing key {key} (a GLPI code, 1 to 5).")
        parsed[name] = (
            check.integer(entry["urgency"], (*path, "urgency"), GLPI_VALUES["urgency"]),
            check.integer(entry["impact"], (*path, "impact"), GLPI_VALUES["impact"]),
        )
    return Alerts(target=target, severity=MappingProxyType(parsed))


def _fields(check: _Checker, value: Any, values: dict[str, ValueMap]) -> tuple[FieldRule, ...]:
    if not isinstance(value, list) or not value:
        raise check.fail(("fields",), "expected a list of fields (- glpi: …, servicenow: …).")
    rules: list[FieldRule] = []
    written: dict[tuple[str, str], int] = {}
    for index, item in enumerate(value):
        path: Path = ("fields", index)
        entry = check.mapping(item, path, {"glpi", "servicenow", "direction", "transform"})
        for side in ("glpi", "servicenow"):
            if side not in entry:
                raise check.fail(path, f"missing key {side} (the {side} field's name).")
        hint = "a field name has lower-case letters, digits and underscores, e.g. short_description."
        glpi = check.text(entry["glpi"], (*path, "glpi"), FIELD_NAME, hint)
        servicenow = check.text(entry["servicenow"], (*path, "servicenow"), FIELD_NAME, hint)
        direction = check.choice(entry.get("direction", "both"), (*path, "direction"), Direction)
        transform = entry.get("transform") or ""
        if transform:
            check.text(transform, (*path, "transform"))
            if transform not in TRANSFORMS:
                raise check.fail((*path, "transform"), f"use one of {', '.join(sorted(TRANSFORMS))}.")
            if transform in GLPI_VALUES and transform not in values:
                raise check.fail((*path, "transform"), f"no value map values.{transform} to use.")
        for side, name in (("glpi", glpi), ("servicenow", servicenow)):
            never, why = NEVER_WRITTEN[side]
            if name == never and direction.writes(side):
                raise check.fail(
                    (*path, "direction"),
                    f"{why}, or set direction: {'sn_to_glpi' if side == 'servicenow' else 'glpi_to_sn'}.",
                )
            if direction.writes(side):
                if (side, name) in written:
                    raise check.fail(
                        (*path, side), f"{name} is already written by fields[{written[side, name]}]."
                    )
                written[side, name] = index
        rules.append(FieldRule(glpi, servicenow, direction, transform))
    return tuple(rules)


def _values(check: _Checker, value: Any) -> dict[str, ValueMap]:
    maps = check.mapping(value, ("values",), set(GLPI_VALUES))
    parsed: dict[str, ValueMap] = {}
    for name, entry in maps.items():
        path: Path = ("values", name)
        entry = check.mapping(entry, path, {"glpi_to_sn", "sn_to_glpi"})
        to_sn: dict[int, str] = {}
        for code, target in check.mapping(entry.get("glpi_to_sn"), (*path, "glpi_to_sn")).items():
            where = (*path, "glpi_to_sn", str(code))
            to_sn[check.integer(code, where, GLPI_VALUES[name])] = _choice_value(check, target, where)
        missing = sorted(GLPI_VALUES[name] - set(to_sn))
        if missing:
            raise check.fail((*path, "glpi_to_sn"), f"no ServiceNow value for GLPI {name} {missing[0]}.")
        to_glpi: dict[str, int] = {}
        for sn_value, code in check.mapping(entry.get("sn_to_glpi"), (*path, "sn_to_glpi")).items():
            where = (*path, "sn_to_glpi", str(sn_value))
            to_glpi[_choice_value(check, sn_value, where)] = check.integer(code, where, GLPI_VALUES[name])
        if not to_glpi:
            raise check.fail((*path, "sn_to_glpi"), "expected ServiceNow values and their GLPI codes.")
        parsed[name] = ValueMap(MappingProxyType(to_sn), MappingProxyType(to_glpi))
    return parsed


def _choice_value(check: _Checker, value: Any, path: Path) -> str:
    """ServiceNow choice values are text on the wire (`"2"`); YAML may read them as numbers."""
    if isinstance(value, bool) or not isinstance(value, int | str) or str(value).strip() == "":
        raise check.fail(path, "expected a ServiceNow choice value, e.g. 2 or in_progress.")
    return str(value)


def _defaults(check: _Checker, value: Any, path: Path) -> MappingProxyType:
    entries = check.mapping(value, path)
    for key, item in entries.items():
        check.text(
            key, (*path, key), FIELD_NAME, "a field name has lower-case letters, digits and underscores."
        )
        if isinstance(item, bool) or not isinstance(item, int | str):
            raise check.fail((*path, key), "expected a text or a number.")
    return MappingProxyType(dict(entries))


def _scope(check: _Checker, value: Any) -> Scope:
    scope = check.mapping(value, ("scope",), {"glpi", "servicenow"})
    glpi = check.mapping(scope.get("glpi"), ("scope", "glpi"), {"entity", "include_subentities", "types"})
    servicenow = check.mapping(scope.get("servicenow"), ("scope", "servicenow"), {"query"})
    entity = glpi.get("entity")
    subentities = glpi.get("include_subentities", True)
    if not isinstance(subentities, bool):
        raise check.fail(("scope", "glpi", "include_subentities"), "expected true or false.")
    types = glpi.get("types", [])
    if not isinstance(types, list):
        raise check.fail(("scope", "glpi", "types"), "expected a list, e.g. [1] for incidents.")
    query = servicenow.get("query", "")
    if query and ("\n" in str(query) or len(str(query)) > 1000):
        raise check.fail(("scope", "servicenow", "query"), "expected one encoded query line.")
    return Scope(
        glpi_entity=None if entity is None else check.integer(entity, ("scope", "glpi", "entity")),
        glpi_subentities=subentities,
        glpi_types=tuple(
            check.integer(t, ("scope", "glpi", "types", i), GLPI_VALUES["type"]) for i, t in enumerate(types)
        ),
        servicenow_query=check.text(query, ("scope", "servicenow", "query")) if query else "",
    )


def default_mapping_text() -> str:
    """The documented mapping a new pair starts from (tickets/default_mapping.yaml)."""
    return (FilePath(__file__).parent / "default_mapping.yaml").read_text(encoding="utf-8")
