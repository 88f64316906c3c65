"""Loading and committing an uploaded Update Set (the XML ServiceNow exports from `sys_remote_update_set`).

Everything is parsed and checked before anything is applied, with a hardened parser: entity
expansion, DTDs and external references are refused.
"""

from dataclasses import dataclass
from xml.etree.ElementTree import Element  # noqa: S405  (types only; parsing uses defusedxml)

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from .records import Records, now


class UpdateSetError(ValueError):
    """The file is not an Update Set the sandbox can apply; nothing was changed."""


@dataclass(frozen=True)
class RecordUpdate:
    table: str
    action: str  # INSERT_OR_UPDATE or DELETE
    values: dict[str, str]


@dataclass(frozen=True)
class UpdateSet:
    name: str
    remote_sys_id: str
    updates: tuple[RecordUpdate, ...]


def _parse(text: str | bytes, what: str) -> Element:
    try:
        return fromstring(text, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UpdateSetError(f"{what}: refused unsafe XML ({exc.__class__.__name__})") from None
    except ParseError as exc:
        raise UpdateSetError(f"{what}: not well-formed XML ({exc})") from None


def _fields(element: Element) -> dict[str, str]:
    return {child.tag: (child.text or "") for child in element if len(child) == 0}


def _record_updates(payload: Element, where: str) -> list[RecordUpdate]:
    if payload.tag != "record_update":
        raise UpdateSetError(f"{where}: the payload is <{payload.tag}>, not <record_update>")
    updates = []
    for element in payload:
        action = element.get("action", "INSERT_OR_UPDATE").upper()
        if action == "DELETE_MULTIPLE":
            continue
        nested = [child for child in element if child.tag == element.tag]
        if nested:  # a whole choice list: <sys_choice field=… table=…><sys_choice>…</sys_choice>…
            updates += [
                RecordUpdate(element.tag, child.get("action", action).upper(), _fields(child))
                for child in nested
            ]
            continue
        values = _fields(element)
        if not values.get("sys_id"):
            raise UpdateSetError(f"{where}: the <{element.tag}> record has no sys_id")
        updates.append(RecordUpdate(element.tag, action, values))
    return updates


def parse_update_set(data: bytes) -> UpdateSet:
    root = _parse(data, "update set")
    if root.tag != "unload":
        raise UpdateSetError(f"update set: the root element is <{root.tag}>, not <unload>")
    headers = root.findall("sys_remote_update_set")
    if len(headers) != 1:
        raise UpdateSetError(f"update set: expected one <sys_remote_update_set>, found {len(headers)}")
    header = _fields(headers[0])
    updates: list[RecordUpdate] = []
    for number, entry in enumerate(root.findall("sys_update_xml"), start=1):
        where = f"update {number} ({(entry.findtext('name') or '').strip() or 'unnamed'})"
        payload_text = entry.findtext("payload") or ""
        if not payload_text.strip():
            raise UpdateSetError(f"{where}: empty payload")
        updates += _record_updates(_parse(payload_text.strip().encode(), where), where)
    if not updates:
        raise UpdateSetError("update set: it contains no record updates")
    return UpdateSet(header.get("name", ""), header.get("sys_id", ""), tuple(updates))


def commit_update_set(records: Records, update_set: UpdateSet, user: str) -> dict[str, int]:
    """Apply every record update in one transaction; returns counts per action."""
    counts = {"inserted": 0, "updated": 0, "deleted": 0}
    store = records.store
    with store.transaction():
        for update in update_set.updates:
            sys_id = update.values.get("sys_id", "")
            found = store.locate(update.table, sys_id) if sys_id else None
            if update.action == "DELETE":
                if found:
                    store.remove(found[0], sys_id)
                    counts["deleted"] += 1
            elif found:
                records.update(found[0], found[1], update.values, user)
                counts["updated"] += 1
            else:
                records.create(update.table, update.values, user, sys_id=sys_id or None)
                counts["inserted"] += 1
        values = {
            "name": update_set.name,
            "state": "committed",
            "remote_sys_id": update_set.remote_sys_id,
            "commit_date": now(),
            "description": f"{len(update_set.updates)} record updates",
        }
        records.create("sys_remote_update_set", values, user)
    return counts
