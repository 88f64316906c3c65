"""Reading items: one item (`expand_dropdowns`, `get_hateoas`, `with_contracts`, `with_infocoms`…), a
collection or a parent's sub-items (`range`, `Content-Range`, 200/206, `sort`, `order`, `searchText`,
`is_deleted`), and getMultipleItems, restricted to the session's active entities (API.php `getItem(s)`)."""

import datetime as dt
import email.utils
from typing import Any

from .errors import GlpiError, error, generic
from .itemtypes import ITEMTYPES, Itemtype, itemtype_named, target_of
from .sessions import READ, Session, descendants
from .store import GlpiStore
from .wire import page, truthy

Answer = tuple[int, Any, dict[str, str]]
# with_* options whose data the sandbox does not model: answered with an empty list
UNSERVED = {
    "with_devices": "_devices",
    "with_disks": "_disks",
    "with_softwares": "_softwares",
    "with_connections": "_connections",
    "with_networkports": "_networkports",
    "with_problems": "_problems",
    "with_changes": "_changes",
    "with_notes": "_notes",
    "with_logs": "_logs",
}


def text_matches(value: Any, pattern: str) -> bool:
    """GLPI's text search (`Search::makeTextSearch`): a case-insensitive "contains", with `^` and `$`
    anchoring, and `NULL` for empty values."""
    text = "" if value is None else str(value)
    if pattern == "NULL":
        return text in ("", "0")
    pattern = pattern.lower()
    text = text.lower()
    starts, ends = pattern.startswith("^"), pattern.endswith("$") and len(pattern) > 1
    core = pattern[1 if starts else 0 : -1 if ends else None]
    if starts and ends:
        return text == core
    if starts:
        return text.startswith(core)
    if ends:
        return text.endswith(core)
    return core in text


def can_see(store: GlpiStore, session: Session, itemtype: Itemtype, row: dict[str, Any]) -> bool:
    """Whether the row lies in the session's active entities (or is recursive from an entity above)."""
    active = session.active_entities(store)
    if itemtype.name == "Entity":
        return row["id"] in active
    if not itemtype.has_entity:
        return True
    if row["entities_id"] in active:
        return True
    return bool(row.get("is_recursive")) and any(e in descendants(store, row["entities_id"]) for e in active)


def require(session: Session, itemtype: Itemtype, bit: int = READ) -> None:
    if not session.allowed(itemtype.right, bit):
        raise error("ERROR_RIGHT_MISSING")


def name_of(store: GlpiStore, itemtype_name: str, item_id: Any) -> Any:
    row = store.item(itemtype_name, item_id)
    if row is None:
        return ""
    if itemtype_name in ("Entity", "Location"):
        return row.get("completename") or row.get("name", "")
    return row.get("name", "")


def present(store: GlpiStore, itemtype: Itemtype, row: dict[str, Any], params: dict, api: str) -> dict:
    """A row as the API shows it, with the dropdown names, HATEOAS links and extra arrays asked for."""
    shown = dict(row)
    expand = truthy(params.get("expand_dropdowns", False))
    links = []
    for field, value in row.items():
        target = target_of(field, row)
        if target is None or (not value and field != "entities_id"):
            continue
        if target in ITEMTYPES:
            links.append({"rel": target, "href": f"{api}/{target}/{value}"})
        if expand:
            shown[field] = name_of(store, target, value)
    keys = params.get("add_keys_names") or []
    if keys:
        keys = keys if isinstance(keys, list) else [keys]
        shown["_keys_names"] = {
            k: name_of(store, target_of(k, row) or "", row[k]) for k in keys if k in row and target_of(k, row)
        }
    if truthy(params.get("with_contracts", False)):
        shown["_contracts"] = [
            dict(link)
            for link in store.rows("Contract_Item")
            if link["itemtype"] == itemtype.name and link["items_id"] == row["id"]
        ]
    if truthy(params.get("with_infocoms", False)):
        infocom = next(
            (
                i
                for i in store.rows("Infocom")
                if i["itemtype"] == itemtype.name and i["items_id"] == row["id"]
            ),
            None,
        )
        shown["_infocoms"] = dict(infocom) if infocom else []
    for option, key in UNSERVED.items():
        if truthy(params.get(option, False)):
            shown[key] = []
    if truthy(params.get("with_documents", False)):
        shown["_documents"] = _linked(store, "Document_Item", "Document", "documents_id", itemtype, row)
    if truthy(params.get("with_tickets", False)):
        shown["_tickets"] = _linked(store, "Item_Ticket", "Ticket", "tickets_id", itemtype, row)
    if truthy(params.get("get_hateoas", True)):
        links += [{"rel": c, "href": f"{api}/{itemtype.name}/{row['id']}/{c}"} for c in itemtype.children]
        shown["links"] = links
    return shown


def _linked(store: GlpiStore, relation: str, target: str, fk: str, itemtype: Itemtype, row: dict) -> list:
    """The rows linked to the item through a relation, each with the relation's id as `assocID`."""
    found = []
    for link in store.rows(relation):
        if link["itemtype"] == itemtype.name and link["items_id"] == row["id"]:
            linked = store.item(target, link[fk])
            if linked:
                found.append({**linked, "assocID": link["id"]})
    return found


def last_modified(row: dict[str, Any]) -> dict[str, str]:
    if not row.get("date_mod"):
        return {}
    stamp = dt.datetime.strptime(row["date_mod"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.UTC)
    return {"Last-Modified": email.utils.format_datetime(stamp, usegmt=True)}


def get_item(
    store: GlpiStore, session: Session, itemtype: Itemtype, item_id: str, params: dict, api: str
) -> Answer:
    require(session, itemtype)
    row = store.item(itemtype, item_id)
    if row is None:
        raise error("ERROR_ITEM_NOT_FOUND")
    if not can_see(store, session, itemtype, row):
        raise error("ERROR_RIGHT_MISSING")
    return 200, present(store, itemtype, row, params, api), last_modified(row)


def _filtered(store: GlpiStore, session: Session, itemtype: Itemtype, rows: list[dict], params: dict) -> list:
    rows = [r for r in rows if can_see(store, session, itemtype, r)]
    if itemtype.trashable:
        deleted = 1 if truthy(params.get("is_deleted", False)) else 0
        rows = [r for r in rows if r["is_deleted"] == deleted]
    search = params.get("searchText") or {}
    if not isinstance(search, dict):
        raise generic("searchText must be an array of field => text")
    for field, pattern in search.items():
        if pattern in ("", None):
            continue
        if field == "all":
            texts = [k for k, v in itemtype.fields.items() if isinstance(v, str) or v is None]
            rows = [r for r in rows if any(text_matches(r.get(k), str(pattern)) for k in texts)]
        elif field in itemtype.fields or field == "id":
            rows = [r for r in rows if text_matches(r.get(field), str(pattern))]
        else:
            raise generic(f"searchText field {field} is not a field of {itemtype.table}")
    sort = str(params.get("sort") or "id")
    if sort not in itemtype.fields and sort != "id":
        raise generic(f"sort param is not a field of {itemtype.table}")
    order = str(params.get("order") or "ASC").upper()
    if order not in ("ASC", "DESC"):
        raise generic("order must be DESC or ASC")
    return sorted(rows, key=lambda r: _sort_key(r.get(sort)), reverse=order == "DESC")


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value).lower())


def _listed(
    store: GlpiStore,
    session: Session,
    itemtype: Itemtype,
    rows: list[dict],
    params: dict,
    api: str,
    limit: int,
) -> Answer:
    rows = _filtered(store, session, itemtype, rows, params)
    chosen, headers, status = page(rows, params.get("range"), limit)
    if truthy(params.get("only_id", False)):
        body: list[Any] = [{"id": r["id"]} for r in chosen]
    else:
        body = [present(store, itemtype, r, params, api) for r in chosen]
    headers["Accept-Range"] = f"{itemtype.name} 1000"
    return status, body, headers


def get_items(
    store: GlpiStore, session: Session, itemtype: Itemtype, params: dict, api: str, limit: int
) -> Answer:
    require(session, itemtype)
    return _listed(store, session, itemtype, store.rows_of(itemtype), params, api, limit)


def get_sub_items(
    store: GlpiStore,
    session: Session,
    parent: Itemtype,
    parent_id: str,
    sub_name: str,
    params: dict,
    api: str,
    limit: int,
) -> Answer:
    """Rows of `sub_name` linked to the parent by its foreign key, by `itemtype`/`items_id`, or that the
    parent itself points to, as GLPI tries them in that order."""
    sub = itemtype_named(sub_name)
    if sub is None:
        raise error("ERROR_ITEMTYPE_NOT_FOUND_NOR_COMMONDBTM")
    require(session, parent)
    require(session, sub)
    row = store.item(parent, parent_id)
    if row is None:
        raise error("ERROR_ITEM_NOT_FOUND")
    if not can_see(store, session, parent, row):
        raise error("ERROR_RIGHT_MISSING")
    if parent.fk in sub.fields:
        rows = [r for r in store.rows_of(sub) if r[parent.fk] == row["id"]]
    elif "items_id" in sub.fields and "itemtype" in sub.fields:
        rows = [r for r in store.rows_of(sub) if r["itemtype"] == parent.name and r["items_id"] == row["id"]]
    elif sub.fk in parent.fields:
        linked = store.item(sub, row[sub.fk])
        rows = [linked] if linked else []
    else:
        raise generic(f"{sub.name} is not a sub-item of {parent.name}")
    return _listed(store, session, sub, rows, params, api, limit)


def get_multiple_items(store: GlpiStore, session: Session, params: dict, api: str) -> Answer:
    """Each `items[i][itemtype]`/`items[i][items_id]` as getItem answers it, errors as their arrays."""
    wanted = params.get("items")
    if not isinstance(wanted, list) or not all(isinstance(w, dict) for w in wanted):
        raise error("ERROR_BAD_ARRAY")
    answers = []
    for entry in wanted:
        itemtype = itemtype_named(str(entry.get("itemtype", "")))
        try:
            if itemtype is None:
                raise error("ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM")
            answers.append(get_item(store, session, itemtype, str(entry.get("items_id")), params, api)[1])
        except GlpiError as exc:  # an item's error is that item's answer
            answers.append(exc.body(api))
    return 200, answers, {}
