"""Incidents and the other task records: the defaults and business rules a stock instance applies on
insert and update (opener, priority lookup, resolution and closing)."""

from typing import Any

from . import dictionary, errors
from .context import Caller
from .records import as_text, now

NEW, RESOLVED, CLOSED, CANCELED = "1", "6", "7", "8"
# ServiceNow's default priority lookup (dl_u_priority): (impact, urgency) -> priority
PRIORITY = {
    ("1", "1"): "1",
    ("1", "2"): "2",
    ("2", "1"): "2",
    ("1", "3"): "3",
    ("2", "2"): "3",
    ("3", "1"): "3",
    ("2", "3"): "4",
    ("3", "2"): "4",
    ("3", "3"): "5",
}
# "Make close info mandatory when resolved or closed", enforced as the instance's data policy does
RESOLUTION = ("close_code", "close_notes")


def is_task(table: str) -> bool:
    return "task" in dictionary.ancestors(table)


def task_defaults(values: dict[str, Any], caller: Caller) -> dict[str, Any]:
    """A value sent empty for a column with a dictionary default gets the default, as an absent one does:
    `task`'s `opened_by` (the caller), `opened_at` (now), `state` (each class's New), `active`…"""
    defaulted = {name for name, column in dictionary.columns("task").items() if column.default}
    return {k: v for k, v in values.items() if not (k in defaulted and not as_text(v).strip())}


def before_insert(values: dict[str, Any], caller: Caller) -> dict[str, Any]:
    """A new incident: the defaults, then the same rules as any write. A written `priority` is ignored:
    the priority lookup decides it."""
    values = task_defaults({k: v for k, v in values.items() if k != "priority"}, caller)
    if not as_text(values.get("state")):
        values["state"] = NEW
    return _apply({"impact": "3", "urgency": "3"}, values, caller, creating=True)


def before_update(record: dict[str, str], values: dict[str, Any], caller: Caller) -> dict[str, Any]:
    values = {k: v for k, v in values.items() if k != "priority"}
    return _apply(record, values, caller, creating=False)


def _apply(record: dict[str, str], values: dict[str, Any], caller: Caller, creating: bool) -> dict[str, Any]:
    merged = {**record, **{k: as_text(v) for k, v in values.items()}}
    changes: dict[str, Any] = {}
    if creating or "impact" in values or "urgency" in values:
        found = PRIORITY.get((merged.get("impact", ""), merged.get("urgency", "")))
        if found:
            changes["priority"] = found
    state = merged.get("state", "")
    entering = creating or state != record.get("state", "")
    if state in (RESOLVED, CLOSED):
        columns = dictionary.columns("incident")
        missing = [columns[name].label for name in RESOLUTION if not merged.get(name, "").strip()]
        if missing:
            raise errors.operation_failed(
                "Data Policy Exception: The following fields are mandatory: " + ", ".join(missing)
            )
    if entering and state == RESOLVED:
        changes.update(resolved_at=now(), resolved_by=caller.sys_id)
    if entering and state in (CLOSED, CANCELED):
        changes.update(closed_at=now(), closed_by=caller.sys_id, active="false")
        if state == CLOSED and not merged.get("resolved_at"):
            changes.update(resolved_at=now(), resolved_by=caller.sys_id)
    if entering and state not in (CLOSED, CANCELED) and record.get("active") == "false":
        changes["active"] = "true"
    return {**values, **changes}
