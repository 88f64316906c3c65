"""Checks on posted records, done for the whole batch before anything is saved: JSON types as ASP.NET's
model binder reports them, then Halo's business rules (mandatory fields, ids that must exist)."""

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from .errors import model_state, rule
from .resources import BOOL, DATE, INT, LIST, NUMBER, OBJECT, TEXT, Resource
from .store import HaloStore

NET_TYPES = {
    INT: "System.Int32",
    NUMBER: "System.Double",
    TEXT: "System.String",
    BOOL: "System.Boolean",
    LIST: "System.Collections.Generic.List",
    DATE: "System.DateTime",
    OBJECT: "System.Object",
}
INT32 = 2**31 - 1


def clean_text(value: Any) -> Any:
    """NUL bytes stripped from every string, however deep."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [clean_text(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(k): clean_text(v) for k, v in value.items()}
    return value


def fits(kind: str, value: Any) -> bool:
    if value is None:
        return True
    if kind == INT:
        integral = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        return integral and not isinstance(value, bool) and -INT32 - 1 <= value <= INT32
    if kind == NUMBER:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == BOOL:
        return isinstance(value, bool)
    if kind == LIST:
        return isinstance(value, list)
    if kind == OBJECT:
        return isinstance(value, dict)
    if kind == DATE:
        return isinstance(value, str) and parse_date(value) is not None
    return isinstance(value, str)


def parse_date(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def as_datetime(value: str) -> str:
    """A date or date-time as Halo answers it: UTC, to the second, with a Z."""
    parsed = parse_date(value)
    if parsed is None:
        return value
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def check_types(resource: Resource, items: list[Any]) -> list[dict[str, Any]]:
    """The items with NULs stripped and integral numbers as ints, or 400 naming every bad field."""
    errors: dict[str, list[str]] = {}
    cleaned = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            errors[f"[{index}]"] = [f"The JSON value could not be converted to {resource.name}."]
            continue
        item = clean_text(item)
        for key, value in item.items():
            kind = resource.types.get(key)
            if kind and not fits(kind, value):
                errors[f"[{index}].{key}"] = [
                    f"The JSON value could not be converted to {NET_TYPES[kind]}. Path: $[{index}].{key}"
                ]
            elif kind == INT and isinstance(value, float):
                item[key] = int(value)
            elif kind == DATE and value is not None:
                item[key] = as_datetime(value)
        cleaned.append(item)
    if errors:
        raise model_state(errors)
    return cleaned


def check_rules(resource: Resource, record: dict[str, Any], store: HaloStore) -> None:
    """Halo's business rules for one merged record; fills the read-only `*_name` labels."""
    for name in resource.required:
        if record.get(name) in (None, "", 0):
            reference = resource.references.get(name)
            raise rule(reference.message if reference else f"Please enter a value for {name}")
    for name, reference in resource.references.items():
        value = record.get(name)
        if value in (None, 0):
            continue
        target = store.get(reference.resource, int(value) if isinstance(value, float) else value)
        if target is None:
            raise rule(reference.message)
        if reference.label:
            record[reference.label] = target.get(reference.name_field, "")
    if resource.name == "Webhook":
        url = urlsplit(str(record.get("url") or ""))
        if url.scheme not in ("http", "https") or not url.hostname:
            raise rule("Please enter a valid Payload URL")
    check_links(record, "assets", "asset", store)
    check_links(record, "child_assets", "asset", store)
    check_links(record, "services", "service", store)


def check_links(record: dict[str, Any], key: str, target: str, store: HaloStore) -> None:
    """`assets: [{"id": 42}]`, `child_assets` and `services: [{"id": 7}]` must name existing records."""
    links = record.get(key)
    if links is None:
        return
    for link in links:
        link_id = link.get("id") if isinstance(link, dict) else None
        if not fits(INT, link_id) or link_id is None or store.get(target, int(link_id)) is None:
            raise rule(f"Please select a valid {target.title()}")
