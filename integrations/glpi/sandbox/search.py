"""`/search/:itemtype`: GLPI's search engine over the sandbox's rows, with `criteria` (nested, with
links), `forcedisplay`, `sort`/`order` by option id, `range`, `totalcount`, `withindexes`, `uid_cols`,
and no `data` key when nothing matches (reference §5.4)."""

from typing import Any

from .errors import error, generic
from .items import Answer, can_see, require, text_matches
from .itemtypes import Itemtype
from .searchoptions import SearchOption, listing, options_of
from .sessions import Session, descendants
from .store import GlpiStore
from .wire import parse_range, truthy

ALWAYS = (1, 80)  # columns every answer has (when the itemtype has them), then the asked-for ones, then 2


def list_search_options(session: Session, itemtype: Itemtype) -> Answer:
    require(session, itemtype)
    return 200, listing(itemtype), {}


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def _option(options: dict[int, SearchOption], raw: Any, what: str) -> SearchOption:
    try:
        return options[int(str(raw))]
    except (KeyError, ValueError):
        raise generic(f"Bad field ID in {what}") from None


def _number(value: Any) -> float | str:
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value or "")


def _matches_one(store: GlpiStore, option: SearchOption, row: dict, searchtype: str, value: str) -> bool:
    shown = _as_list(option.value(store, row))
    keys = _as_list(option.key(store, row)) if option.key else shown
    if searchtype in ("contains", "notcontains"):
        found = any(text_matches(v, value) for v in shown) if shown else text_matches(None, value)
        return found if searchtype == "contains" else not found
    if searchtype in ("equals", "notequals"):
        found = any(str(k) == value for k in keys)
        return found if searchtype == "equals" else not found
    if searchtype in ("under", "notunder"):
        try:
            tree = descendants(store, int(value))
        except ValueError:
            tree = []
        found = any(k in tree for k in keys)
        return found if searchtype == "under" else not found
    if searchtype in ("lessthan", "morethan"):
        limit = _number(value)
        for v in shown:
            number = _number(v)
            if type(number) is type(limit) and (
                number < limit if searchtype == "lessthan" else number > limit
            ):
                return True
        return False
    raise generic(f"Bad searchtype {searchtype} in search criteria")


def _criterion(store: GlpiStore, options: dict, criterion: Any, row: dict) -> bool:
    if not isinstance(criterion, dict):
        raise generic("Malformed search criteria")
    if "criteria" in criterion:
        return _evaluate(store, options, _as_list(criterion["criteria"]), row)
    if criterion.get("meta"):
        raise generic("Meta criteria are not supported by the sandbox")
    if not all(k in criterion for k in ("field", "searchtype", "value")):
        raise generic("Malformed search criteria")
    field, searchtype, value = str(criterion["field"]), str(criterion["searchtype"]), str(criterion["value"])
    if field in ("all", "view"):
        chosen = list(options.values()) if field == "all" else [options[i] for i in ALWAYS if i in options]
        found = any(_matches_one(store, o, row, "contains", value) for o in chosen)
        return found if searchtype != "notcontains" else not found
    return _matches_one(store, _option(options, field, "search criteria"), row, searchtype, value)


def _evaluate(store: GlpiStore, options: dict, criteria: list[Any], row: dict) -> bool:
    """Left to right, as GLPI chains `AND`, `OR`, `AND NOT`, `OR NOT` (the first link is ignored)."""
    result = True
    for i, criterion in enumerate(criteria):
        link = str(criterion.get("link", "AND") if isinstance(criterion, dict) else "AND").upper()
        value = _criterion(store, options, criterion, row)
        if link.endswith("NOT"):
            value = not value
        if i == 0:
            result = value
        elif link.startswith("OR"):
            result = result or value
        else:
            result = result and value
    return result


def _fields_in(criteria: list[Any]) -> list[str]:
    fields = []
    for criterion in criteria:
        if isinstance(criterion, dict):
            fields += _fields_in(_as_list(criterion.get("criteria"))) if "criteria" in criterion else []
            if str(criterion.get("field", "")).isdigit():
                fields.append(str(criterion["field"]))
    return fields


def _cell(store: GlpiStore, option: SearchOption, row: dict) -> Any:
    value = option.value(store, row)
    if isinstance(value, list):
        value = [v for v in value if v not in (None, "")]
        return None if not value else value[0] if len(value) == 1 else value
    return None if value == "" else value


def search(store: GlpiStore, session: Session, itemtype: Itemtype, params: dict, list_limit: int) -> Answer:
    require(session, itemtype)
    options = options_of(itemtype)
    criteria = _as_list(params.get("criteria"))
    displayed = [_option(options, f, "forcedisplay").id for f in _as_list(params.get("forcedisplay"))]
    columns = [i for i in ALWAYS if i in options]
    for number in [*displayed, *(int(f) for f in _fields_in(criteria) if int(f) in options), 2]:
        if number not in columns and number in options:
            columns.append(number)
    deleted = 1 if truthy(params.get("is_deleted", False)) else 0
    rows = [
        r
        for r in store.rows_of(itemtype)
        if can_see(store, session, itemtype, r) and (not itemtype.trashable or r["is_deleted"] == deleted)
    ]
    rows = [r for r in rows if not criteria or _evaluate(store, options, criteria, r)]
    sort_option = options.get(int(params["sort"])) if str(params.get("sort", "")).isdigit() else None
    sort_option = sort_option or options.get(1) or options[2]
    order = str(params.get("order") or "ASC").upper()
    if order not in ("ASC", "DESC"):
        raise generic("order must be DESC or ASC")
    rows.sort(key=lambda r: _sort_key(_cell(store, sort_option, r)), reverse=order == "DESC")
    start, end, _ = parse_range(params.get("range"), list_limit)
    total = len(rows)
    if start > total:
        raise error("ERROR_RANGE_EXCEED_TOTAL", total)
    chosen = rows[start : end + 1]
    end = start + max(0, len(chosen) - 1)  # as API.php computes it: "0-0/0" when nothing matches
    uid_cols = truthy(params.get("uid_cols", False))
    prefix = f"{itemtype.name}."

    def key(number: int) -> str:
        return prefix + options[number].uid if uid_cols else str(number)

    data = [{key(n): _cell(store, options[n], r) for n in columns} for r in chosen]
    body: dict[str, Any] = {
        "totalcount": total,
        "count": len(chosen),
        "sort": [sort_option.id],
        "order": [order],
    }
    if data:
        body["data"] = (
            {str(r["id"]): d for r, d in zip(chosen, data, strict=True)}
            if truthy(params.get("withindexes", False))
            else data
        )
    body["content-range"] = f"{start}-{end}/{total}"
    headers = {"Accept-Range": f"{itemtype.name} 1000"}
    if total:
        headers["Content-Range"] = body["content-range"]
    return 206 if len(chosen) < total else 200, body, headers


def _sort_key(value: Any) -> tuple[int, Any]:
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return (0, "")
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value).lower())
