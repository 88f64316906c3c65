"""Writing items: POST (add), PUT/PATCH (update) and DELETE (trash or purge) with `{"input": …}` for one
item or many. Every item succeeds or fails on its own, as in GLPI, so a batch answers 201/200, 207
`ERROR_GLPI_PARTIAL_*` when some failed, or 400 `ERROR_GLPI_*` when all did (API.php `createItems`,
`updateItems`, `deleteItems`)."""

from typing import Any

from .errors import GlpiError, write_failure
from .items import Answer, can_see
from .itemtypes import ITEMTYPES, Itemtype, itemtype_named, target_of
from .sessions import CREATE, DELETE, PURGE, UPDATE, Session
from .store import GlpiStore, document_file, now
from .tickets import Refused, after_write, document_links, prepare_ticket, prepare_timeline
from .wire import require_list_of_objects, truthy

NO_RIGHT = "You don't have permission to perform this action."
NOT_FOUND = "Item not found"


def _clean(itemtype: Itemtype, values: dict[str, Any]) -> dict[str, Any]:
    """The input GLPI keeps: the table's fields (others, and `_`-prefixed form fields, are dropped), with
    integer fields given as numbers or numeric strings."""
    clean = {}
    for field, value in values.items():
        if field not in itemtype.fields:
            continue
        default = itemtype.fields[field]
        if isinstance(default, int) and not isinstance(default, bool):
            if isinstance(value, bool):
                value = int(value)
            try:
                value = int(str(value).strip() or 0)
            except ValueError:
                raise Refused(f"Invalid value “{value}” for the field {field}") from None
        elif value is not None and not isinstance(value, str):
            value = str(value)
        clean[field] = value
    return clean


def _check_links(store: GlpiStore, itemtype: Itemtype, row: dict[str, Any]) -> None:
    for field in itemtype.links:
        target = target_of(field, row)
        if field == "items_id" and (target is None or itemtype_named(target) is None):
            raise Refused(f"Unknown itemtype “{row.get('itemtype', '')}”")
        if target and store.item(target, row[field]) is None:
            raise Refused(f"The linked {target} {row[field]} does not exist")
    if itemtype.unique:
        for other in store.rows_of(itemtype):
            if other["id"] != row.get("id") and all(other[k] == row[k] for k in itemtype.unique):
                raise Refused(f"An item with the same {', '.join(itemtype.unique)} already exists")


def _derived(store: GlpiStore, itemtype: Itemtype, row: dict[str, Any], session: Session) -> dict[str, Any]:
    """Fields GLPI computes on save: tree names, ticket dates and authors."""
    if itemtype.name == "Entity" and row.get("id") == 0:
        row.update(completename=row["name"], level=1, entities_id=0)
    elif itemtype.name in ("Entity", "Location"):
        parent_field = "entities_id" if itemtype.name == "Entity" else "locations_id"
        parent = (
            store.item(itemtype, row[parent_field])
            if row[parent_field] or itemtype.name == "Entity"
            else None
        )
        if itemtype.name == "Entity" and parent is None:
            raise Refused("The parent entity does not exist")
        prefix = f"{parent['completename']} > " if parent else ""
        row["completename"] = prefix + row["name"]
        row["level"] = (parent["level"] + 1) if parent else 1
    if itemtype.name in ("Ticket", "ITILFollowup") and not row.get("date"):
        row["date"] = now()
    if itemtype.name == "Ticket" and not row.get("users_id_recipient"):
        row["users_id_recipient"] = session.users_id
    if itemtype.name in ("ITILFollowup", "ITILSolution") and not row.get("users_id"):
        row["users_id"] = session.users_id
    return row


def _add_one(store: GlpiStore, session: Session, itemtype: Itemtype, values: dict[str, Any]) -> int:
    if not session.allowed(itemtype.right, CREATE):
        raise Refused(NO_RIGHT)
    clean = _clean(itemtype, values)
    if itemtype.name == "Entity" and not clean.get("name"):
        raise Refused("The name is mandatory")
    if "entities_id" in itemtype.fields and itemtype.name != "Entity":
        clean.setdefault("entities_id", session.active_entity)
        if clean["entities_id"] not in session.active_entities(store):
            raise Refused(NO_RIGHT)
    with store.transaction():
        row = _derived(store, itemtype, {**itemtype.fields, **clean}, session)
        if itemtype.name == "Ticket":
            prepare_ticket(None, clean, row)
        _check_links(store, itemtype, row)
        prepare_timeline(store, itemtype.name, row, adding=True)
        added = store.insert(itemtype, row)
        after_write(store, itemtype.name, added, session.users_id, added=True)
        linked = document_links(values) if itemtype.name == "Document" else None
        if linked:
            link = {"documents_id": added["id"], "itemtype": linked[0], "items_id": linked[1]}
            link["entities_id"] = added["entities_id"]  # GLPI gives the link its document's entity
            _add_one(store, session, ITEMTYPES["Document_Item"], link)
        return int(added["id"])


def _batch(code: str, results: list[dict[str, Any]], failures: list[str], single: bool) -> GlpiError | None:
    if not failures:
        return None
    if single:
        return write_failure(code, failures[0])
    return write_failure(code, results, partial=len(failures) < len(results))


def add(store: GlpiStore, session: Session, itemtype: Itemtype, params: dict[str, Any], api: str) -> Answer:
    items, single = require_list_of_objects(params.get("input"))
    results, failures = [], []
    for values in items:
        try:
            results.append({"id": _add_one(store, session, itemtype, values), "message": ""})
        except Refused as exc:
            results.append({"id": False, "message": str(exc)})
            failures.append(str(exc))
    if (failed := _batch("ERROR_GLPI_ADD", results, failures, single)) is not None:
        raise failed
    hrefs = [f"{api}/{itemtype.name}/{r['id']}" for r in results]
    if single:
        return 201, results[0], {"Location": hrefs[0]}
    return 201, results, {"Link": ",".join(hrefs)}


def _writable(
    store: GlpiStore, session: Session, itemtype: Itemtype, item_id: Any, bit: int
) -> dict[str, Any]:
    row = store.item(itemtype, item_id)
    if row is None:
        raise Refused(NOT_FOUND)
    if not session.allowed(itemtype.right, bit) or not can_see(store, session, itemtype, row):
        raise Refused(NO_RIGHT)
    return row


def _update_one(store: GlpiStore, session: Session, itemtype: Itemtype, values: dict[str, Any]) -> int:
    row = _writable(store, session, itemtype, values.get("id"), UPDATE)
    clean = _clean(itemtype, {k: v for k, v in values.items() if k != "id"})
    if (
        "entities_id" in clean
        and itemtype.name != "Entity"
        and clean["entities_id"] not in session.active_entities(store)
    ):
        raise Refused(NO_RIGHT)
    with store.transaction():
        changed = _derived(store, itemtype, {**row, **clean}, session)
        if itemtype.name == "Ticket":
            prepare_ticket(row, clean, changed)
            if changed != row:
                changed["users_id_lastupdater"] = session.users_id
        _check_links(store, itemtype, changed)
        prepare_timeline(store, itemtype.name, changed, adding=False)
        if changed != row:
            after_write(
                store, itemtype.name, store.update(itemtype, row, changed), session.users_id, added=False
            )
        if changed.get("completename") != row.get("completename"):
            _retitle_below(store, itemtype, changed, session)
    return int(row["id"])


def _retitle_below(store: GlpiStore, itemtype: Itemtype, parent: dict[str, Any], session: Session) -> None:
    """A renamed or moved entity (location) renames the complete names of everything below it."""
    parent_field = "entities_id" if itemtype.name == "Entity" else "locations_id"
    for child in store.rows_of(itemtype):
        if child[parent_field] == parent["id"] and child["id"] != parent["id"]:
            renamed = _derived(store, itemtype, dict(child), session)
            store.update(itemtype, child, renamed)
            _retitle_below(store, itemtype, renamed, session)


def update(
    store: GlpiStore, session: Session, itemtype: Itemtype, item_id: str | None, params: dict[str, Any]
) -> Answer:
    items, single = require_list_of_objects(params.get("input"))
    if item_id is not None:
        items, single = [{**items[0], "id": item_id}], True
    results, failures = [], []
    for values in items:
        key = str(values.get("id", ""))
        try:
            _update_one(store, session, itemtype, values)
            results.append({key: True, "message": ""})
        except Refused as exc:
            results.append({key: False, "message": str(exc)})
            failures.append(str(exc))
    if (failed := _batch("ERROR_GLPI_UPDATE", results, failures, single)) is not None:
        raise failed
    return 200, results, {}


def purge(store: GlpiStore, itemtype: Itemtype, row: dict[str, Any]) -> None:
    """Remove the row and what only exists through it (relations, OS rows, versions, followups), as
    GLPI's `cleanDBonPurge` does."""
    with store.transaction():
        store.remove(itemtype.name, str(row["id"]))
        if itemtype.name == "Document":
            store.remove_blob(document_file(row["id"]))
        for other in ITEMTYPES.values():
            polymorphic = "items_id" in other.fields and "itemtype" in other.fields
            owned = other.fk != itemtype.fk and itemtype.fk in other.fields and (other.links or other.unique)
            for linked in store.rows_of(other):
                by_item = (
                    polymorphic and linked["itemtype"] == itemtype.name and linked["items_id"] == row["id"]
                )
                by_key = owned and linked[itemtype.fk] == row["id"] and itemtype.fk in other.links
                if by_item or by_key:
                    purge(store, other, linked)


def _delete_one(store: GlpiStore, session: Session, itemtype: Itemtype, item_id: Any, force: bool) -> int:
    trash = itemtype.trashable and not force
    row = _writable(store, session, itemtype, item_id, DELETE if trash else PURGE)
    if itemtype.name == "Entity" and row["id"] == 0:
        raise Refused("The root entity cannot be deleted")
    if trash:
        store.update(itemtype, row, {"is_deleted": 1})
    else:
        purge(store, itemtype, row)
    return int(row["id"])


def delete(
    store: GlpiStore, session: Session, itemtype: Itemtype, item_id: str | None, params: dict[str, Any]
) -> Answer:
    """DELETE `/Itemtype/:id` or `/Itemtype/` with `{"input": [{"id": …}, …]}` in the body;
    `force_purge` (query or body) skips the trash."""
    if item_id is not None:
        items, single = [{"id": item_id}], True
    else:
        items, single = require_list_of_objects(params.get("input"))
    force = truthy(params.get("force_purge", False))
    results, failures = [], []
    for values in items:
        key = str(values.get("id", ""))
        try:
            _delete_one(store, session, itemtype, values.get("id"), force)
            results.append({key: True, "message": ""})
        except Refused as exc:
            results.append({key: False, "message": str(exc)})
            failures.append(str(exc))
    if (failed := _batch("ERROR_GLPI_DELETE", results, failures, single)) is not None:
        raise failed
    return 200, results, {}
