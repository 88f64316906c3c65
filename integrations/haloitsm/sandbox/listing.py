"""List GETs: Halo's filters, search, ordering and paging (`pageinate`, `page_size`, `page_no`, or
`count` without paging), and the response envelope."""

import copy
from typing import Any

from werkzeug.datastructures import MultiDict

from .errors import model_state
from .resources import STATUS_DOMAINS, Resource
from .store import HaloStore

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 5000
TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no", ""}


def flag(args: MultiDict, name: str, default: bool) -> bool:
    """Booleans case-insensitively: Python clients send `True`, PowerShell and n8n `true`."""
    value = args.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE:
        return True
    if value.strip().lower() in FALSE:
        return False
    raise model_state({name: [f"The value '{value}' is not valid."]})


def number(
    args: MultiDict, name: str, default: int | None, low: int = 0, high: int = 2**31 - 1
) -> int | None:
    value = args.get(name)
    if value is None or value == "":
        return default
    try:
        parsed = int(value)
    except ValueError:
        raise model_state({name: [f"The value '{value}' is not valid."]}) from None
    return min(max(parsed, low), high)


def matches(record: dict[str, Any], field: str, wanted: str) -> bool:
    value = record.get(field)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).lower() == wanted.lower()


def select(resource: Resource, store: HaloStore, args: MultiDict) -> list[dict[str, Any]]:
    rows = store.view(resource.name.lower())
    include_inactive, include_active = flag(args, "includeinactive", False), flag(args, "includeactive", True)
    rows = [r for r in rows if (include_inactive if r.get("inactive") else include_active)]
    for param, field in resource.filters.items():
        if (wanted := args.get(param)) not in (None, ""):
            rows = [r for r in rows if matches(r, field, wanted)]
    if resource.name == "Asset":
        rows = asset_filters(rows, store, args)
    if resource.name == "Status" and (domain := args.get("domain")):
        rows = [r for r in rows if r.get("type") == STATUS_DOMAINS.get(domain.lower())]
    if search := (args.get("search") or "").strip().lower():
        fields = resource.search
        if resource.name == "Asset" and flag(args, "search_inventory_number_only", False):
            fields = ("inventory_number",)
        rows = [r for r in rows if any(search in str(r.get(f) or "").lower() for f in fields)]
    order = args.get("order") or "id"
    rows.sort(key=lambda r: (sort_key(r.get(order)), sort_key(r.get("id"))))
    if flag(args, "orderdesc", False):
        rows.reverse()
    return rows


def sort_key(value: Any) -> tuple[int, Any]:
    """Numbers before text (case-insensitive) before empty values, whatever a field holds."""
    if value is None or isinstance(value, bool | list | dict):
        return (2, str(value))
    if isinstance(value, int | float):
        return (0, value)
    return (1, str(value).lower())


def asset_filters(rows: list[dict], store: HaloStore, args: MultiDict) -> list[dict]:
    if (inventory := args.get("inventory_number")) not in (None, ""):
        rows = [r for r in rows if str(r.get("inventory_number") or "").lower() == inventory.lower()]
    if types := {t.strip() for t in (args.get("assettypes") or "").split(",") if t.strip()}:
        rows = [r for r in rows if str(r.get("assettype_id")) in types]
    if group := args.get("assetgroup_id"):
        type_ids = {t["id"] for t in store.view("assettype") if matches(t, "assetgroup_id", group)}
        rows = [r for r in rows if r.get("assettype_id") in type_ids]
    if statuses := {s.strip() for s in (args.get("assetstatuses") or "").split(",") if s.strip()}:
        rows = [r for r in rows if str(r.get("status_id")) in statuses]
    services = {s.strip() for s in (args.get("service_ids") or args.get("service_id") or "").split(",")}
    if services := services - {""}:
        rows = [r for r in rows if services & {str(s.get("id")) for s in r.get("services") or []}]
    return rows


def respond(resource: Resource, store: HaloStore, args: MultiDict) -> Any:
    """A bare array for lookups (AssetType, Status...), else `{"record_count", "<key>": [...]}`."""
    rows = select(resource, store, args)
    total = len(rows)
    body: dict[str, Any] = {}
    if flag(args, "pageinate", False):
        size = number(args, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE) or DEFAULT_PAGE_SIZE
        page = number(args, "page_no", 1, 1) or 1
        rows = rows[(page - 1) * size : page * size]
        body.update(page_no=page, page_size=size)
    elif (count := number(args, "count", None, 0)) is not None:
        rows = rows[:count]
    rows = copy.deepcopy(rows)
    if resource.list_key is None:
        return rows
    return {**body, "record_count": total, resource.list_key: rows}
