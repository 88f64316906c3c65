"""The `relations` of an Identify and Reconcile payload: both ends must have been identified and the type
must be a `cmdb_rel_type` name; an existing relationship is NO_CHANGE, never a duplicate."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .records import Records

if TYPE_CHECKING:
    from .ire import Outcome


def relate(
    records: Records, relations: Any, items: list, outcomes: list[Outcome], commit: bool, user: str
) -> list[dict[str, Any]]:
    if not isinstance(relations, list):
        return []
    internal = {
        str(item.get("internal_id")): i
        for i, item in enumerate(items)
        if isinstance(item, dict) and item.get("internal_id") is not None
    }
    types = {r.get("name"): r["sys_id"] for _, r in records.store.scan("cmdb_rel_type")}
    return [
        _relation(records, j, rel if isinstance(rel, dict) else {}, internal, outcomes, types, commit, user)
        for j, rel in enumerate(relations)
    ]


def _relation(records: Records, j, relation, internal, outcomes, types, commit, user) -> dict[str, Any]:
    """One relation of the payload: both ends must have been identified, the type must exist."""
    result: dict[str, Any] = {
        "className": "cmdb_rel_ci",
        "operation": "",
        "sysId": "Unknown",
        "identifierEntrySysId": "Unknown",
        "markers": [],
        "inputIndices": [j],
        "mergedPayloadIds": [],
        "errorCount": 0,
    }
    problems, ends = [], []
    for end in ("parent", "child"):
        index = _end_index(relation, end, internal, len(outcomes))
        if index is None:
            where = relation.get(f"{end}_id", relation.get(end, ""))
            message = f"Payload relations '{j}' has invalid {end} record index: [{where}]"
            problems.append({"error": "INVALID_INPUT_DATA", "message": message})
        elif outcomes[index].errors:
            message = f"Relation {end} item [{index}] failed identification or reconciliation"
            problems.append({"error": "MISSING_DEPENDENCY", "message": message})
        else:
            ends.append(outcomes[index].sys_id)
    type_name = relation.get("type", "")
    if type_name not in types:
        message = f"No such relationship with name [{type_name}] exist in table [cmdb_rel_type]"
        problems.append({"error": "INVALID_INPUT_DATA", "message": message})
    if problems:
        return {**result, "errorCount": len(problems), "errors": problems}
    key = (*ends, types[type_name])
    existing = None
    if "Unknown" not in ends:
        rows = records.store.scan("cmdb_rel_ci")
        existing = next((r for _, r in rows if (r.get("parent"), r.get("child"), r.get("type")) == key), None)
    if existing:
        return {**result, "operation": "NO_CHANGE", "sysId": existing["sys_id"]}
    if commit:
        values = dict(zip(("parent", "child", "type"), key, strict=True))
        result["sysId"] = records.create("cmdb_rel_ci", values, user)["sys_id"]
    return {**result, "operation": "INSERT"}


def _end_index(relation: dict[str, Any], end: str, by_internal_id: dict[str, int], count: int) -> int | None:
    if f"{end}_id" in relation:
        return by_internal_id.get(str(relation[f"{end}_id"]))
    index = relation.get(end)
    return index if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < count else None
