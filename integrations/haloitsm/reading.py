"""Reading HaloITSM before writing to it, always in paged lists (never one GET per record, except for a
handful of records where one GET each is cheaper than a list): references looked up (suppliers by
name, the client records are filed under), records the sync map does not know identified (assets by
inventory number, then anything by a near-identical name), and the current values of known records.

Versions: Halo keeps no modification counter; `last_modified`, which Halo stamps on every save of an
asset, supplier or contract, is the version. Services carry none (their version is empty)."""

from collections.abc import Iterable, Iterator
from typing import Any

from integrations.base.errors import NotFound
from integrations.base.platform import (
    Candidate,
    Current,
    Identified,
    MatchSource,
    Near,
    Record,
    Reference,
    TargetRef,
)
from sync.matching import Item, Matcher

from . import mapping
from .client import HaloClient

DUPLICATE_SCORE = 85
EXACT_SCORE = 95
FEW = 2  # up to this many records of a type are read one GET each; more are read from a list
NAME_FIELDS = {mapping.ASSET: "key_field", mapping.CONTRACT: "ref"}
VERSION_FIELD = "last_modified"
LINK_READ = ("parent_id", "services", "child_assets", "assets")


def name_of(resource: str, row: dict[str, Any]) -> str:
    return str(row.get(NAME_FIELDS.get(resource, "name")) or "")


def asset_types(client: HaloClient) -> list[int]:
    options = getattr(client, "options", None)
    return sorted(set(options.asset_types.values())) if options is not None else []


def rows_of(client: HaloClient, resource: str, types: Iterable[int] = ()) -> Iterator[dict[str, Any]]:
    """Every record of a resource, inactive ones too; assets only of the given types."""
    params: dict[str, Any] = {}
    if resource == mapping.ASSET:
        params["includeinactive"] = "true"
        if wanted := sorted(set(types)):
            params["assettypes"] = ",".join(str(t) for t in wanted)
    elif resource in (mapping.SUPPLIER, mapping.CLIENT):
        params["includeinactive"] = "true"
    return client.records(resource, params)


def resolve(
    client: HaloClient, references: Iterable[Reference], create: bool = False
) -> dict[Reference, str]:
    """Supplier ids by name (created when `create`: suppliers are what the portfolio's vendors become)
    and the client records are filed under; one list per kind."""
    wanted: dict[str, set[str]] = {}
    for reference in references:
        wanted.setdefault(reference.kind, set()).add(reference.key)
    found: dict[Reference, str] = {}
    if mapping.CLIENT in wanted:
        clients = lookup(client, mapping.CLIENT)
        by_name = {str(r.get("name") or "").casefold(): str(r["id"]) for r in clients}
        for key in wanted[mapping.CLIENT]:
            chosen = by_name.get(key.casefold()) if key else (str(clients[0]["id"]) if clients else None)
            if chosen:
                found[Reference(mapping.CLIENT, key)] = chosen
    if mapping.SUPPLIER in wanted:
        by_name = {}
        for row in lookup(client, mapping.SUPPLIER):
            by_name.setdefault(str(row.get("name") or "").casefold(), str(row["id"]))
        missing = []
        for key in sorted(wanted[mapping.SUPPLIER]):
            if key.casefold() in by_name:
                found[Reference(mapping.SUPPLIER, key)] = by_name[key.casefold()]
            else:
                missing.append(key)
        if create and missing:
            for key, row in zip(
                missing, client.save(mapping.SUPPLIER, [{"name": k} for k in missing]), strict=True
            ):
                found[Reference(mapping.SUPPLIER, key)] = str(row["id"])
                lookup(client, mapping.SUPPLIER).append(row)
    return found


def lookup(client: HaloClient, resource: str) -> list[dict[str, Any]]:
    """Clients or suppliers, read once per client (a publish resolves references at every step); active
    ones first."""
    cache = client.__dict__.setdefault("lookups", {})
    if resource not in cache:
        rows = rows_of(client, resource)
        cache[resource] = sorted(rows, key=lambda r: (bool(r.get("inactive")), r["id"]))
    return cache[resource]


def listed(client: HaloClient, resource: str) -> list[dict[str, Any]]:
    """Every record of a resource (assets of the mapped types), read once until the client writes."""
    key = (resource, tuple(asset_types(client)))
    if key not in client.listed:
        client.listed[key] = list(rows_of(client, resource, key[1]))
    return client.listed[key]


def current_of(row: dict[str, Any], fields: set[str]) -> Current:
    return Current(
        {f: mapping.text(f, row.get(f)) for f in fields},
        version=str(row.get(VERSION_FIELD) or ""),
        updated_on=str(row.get(VERSION_FIELD) or ""),
    )


def fetch(client: HaloClient, refs: list[TargetRef]) -> dict[TargetRef, dict[str, Any]]:
    """The records behind refs as Halo answers them (a record that is gone is absent)."""
    by_type: dict[str, set[str]] = {}
    for ref in refs:
        by_type.setdefault(ref.type, set()).add(ref.id)
    rows: dict[TargetRef, dict[str, Any]] = {}
    for resource, ids in sorted(by_type.items()):
        if resource not in (mapping.ASSET, mapping.SERVICE, mapping.SUPPLIER, mapping.CONTRACT):
            continue
        left = set(ids)
        if len(ids) > FEW:
            for row in listed(client, resource):
                if str(row.get("id")) in left:
                    rows[TargetRef(resource, str(row["id"]))] = row
                    left.discard(str(row["id"]))
        for record_id in sorted(left):  # few, or not of a mapped type any more
            try:
                rows[TargetRef(resource, record_id)] = client.get(resource, int(record_id))
            except (NotFound, ValueError):
                continue
    return rows


def read(client: HaloClient, refs: list[TargetRef], fields: set[str]) -> dict[TargetRef, Current]:
    """Current values by id; the links each record holds are remembered on the client, so a write can
    tell a new link from one that was there."""
    held = {ref: mapping.link_ref(ref) for ref in refs}
    carriers = [link[0] for link in held.values() if link is not None]
    rows = fetch(client, [ref for ref in refs if held[ref] is None] + carriers)
    links = client.__dict__.setdefault("links", {})
    for ref, row in rows.items():
        links[ref] = linked_ids(row)
    current = {ref: current_of(row, fields) for ref, row in rows.items() if held.get(ref) is None}
    for ref, link in held.items():  # a link is there while the record holding it holds it
        if link is not None and link[2] in links.get(link[0], {}).get(link[1], set()):
            current[ref] = Current({})
    return current


def linked_ids(row: dict[str, Any]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for field in LINK_READ:
        value = row.get(field)
        if isinstance(value, list):
            found[field] = {str(v.get("id")) for v in value if isinstance(v, dict)}
        elif value not in (None, "", 0):
            found[field] = {str(value)}
    return found


class Index:
    """What Halo holds of each resource the records go to, read once: by inventory number and by name."""

    def __init__(self, client: HaloClient, records: list[Record]) -> None:
        self.tags: dict[tuple[int, str], str] = {}
        self.matchers: dict[tuple[str, int], Matcher] = {}
        resources = {r.target_type for r in records}
        versioned = {(r.target_type, self.type_of(r)) for r in records if r.kind == "software_product"}
        types = {int(r.values["assettype_id"]) for r in records if r.target_type == mapping.ASSET}
        for resource in sorted(resources):
            items: dict[int, list[Item]] = {}
            for row in rows_of(client, resource, types):
                type_id = int(row.get("assettype_id") or 0) if resource == mapping.ASSET else 0
                if number := str(row.get("inventory_number") or "").casefold():
                    self.tags.setdefault((type_id, number), str(row["id"]))
                items.setdefault(type_id, []).append(
                    Item(str(row["id"]), name_of(resource, row), str(row.get("key_field2") or ""))
                )
            for type_id, rows in items.items():
                key = (resource, type_id)
                self.matchers[key] = Matcher(rows, versioned=key in versioned)

    @staticmethod
    def type_of(record: Record) -> int:
        return int(record.values["assettype_id"]) if record.target_type == mapping.ASSET else 0

    def tagged(self, record: Record) -> TargetRef | None:
        number = record.values.get("inventory_number", "").casefold()
        found = self.tags.get((self.type_of(record), number)) if number else None
        return TargetRef(record.target_type, found) if found else None

    def near(self, record: Record) -> Near | None:
        matcher = self.matchers.get((record.target_type, self.type_of(record)))
        if matcher is None:
            return None
        probe = Item(record.record_id, record.name, record.values.get("key_field2", ""))
        for candidate in matcher.candidates(probe, limit=1):
            if candidate.score >= DUPLICATE_SCORE:
                return Near(
                    TargetRef(record.target_type, candidate.target_id), candidate.name, candidate.score
                )
        return None


def identify(client: HaloClient, records: list[Record]) -> dict[str, Identified]:
    """An asset whose inventory number Halo holds (of the same type) is that record; otherwise a record
    with a near-identical name is offered (the same name counts as the same record)."""
    if not records:
        return {}
    index = Index(client, records)
    found = {}
    for record in records:
        if (ref := index.tagged(record)) is not None:
            found[record.record_id] = Identified(ref=ref)
            continue
        near = index.near(record)
        found[record.record_id] = Identified(near=near, exact=bool(near and near.score >= EXACT_SCORE))
    return found


def find_created(client: HaloClient, records: list[Record]) -> dict[str, dict[str, Any]]:
    """The records an interrupted attempt created: assets by inventory number (the product's own),
    services and contracts by their exact name."""
    if not records:
        return {}
    index = Index(client, records)
    rows = {}
    for record in records:
        ref = index.tagged(record)
        if ref is None and record.target_type != mapping.ASSET:
            near = index.near(record)
            ref = near.ref if near and near.score == 100 else None
        if ref is not None:
            rows[record.record_id] = {"id": ref.id}
    if rows:
        current = fetch(
            client,
            [TargetRef(r.target_type, rows[r.record_id]["id"]) for r in records if r.record_id in rows],
        )
        for record in records:
            if record.record_id in rows:
                rows[record.record_id] = current.get(
                    TargetRef(record.target_type, rows[record.record_id]["id"]), rows[record.record_id]
                )
    return rows


def candidates(client: HaloClient, source: MatchSource, software_type: int | None) -> Iterator[Candidate]:
    """Services, or assets of the software type (none until that type is mapped)."""
    if source.target_type == mapping.ASSET:
        if software_type is None:
            return
        for row in rows_of(client, mapping.ASSET, [software_type]):
            details = (("Inventory number", str(row.get("inventory_number") or "")),)
            yield Candidate(
                str(row["id"]),
                name_of(mapping.ASSET, row),
                str(row.get("key_field2") or ""),
                str(row.get("supplier_name") or ""),
                tuple(d for d in details if d[1]),
                retired=bool(row.get("inactive")),  # listed too (rows_of): an asset no longer in use
            )
        return
    for row in rows_of(client, source.target_type):
        details = (("Summary", str(row.get("summary") or "")[:80]),)
        yield Candidate(
            str(row["id"]),
            name_of(source.target_type, row),
            details=tuple(d for d in details if d[1]),
            retired=bool(row.get("inactive")),
        )
