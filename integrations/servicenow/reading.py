"""Reading before writing: references looked up (users by e-mail, companies by name), records the sync
map does not know identified (IRE's dry run, and names that are nearly the same), and current values
of known records, all in batches."""

from collections.abc import Iterable

from integrations.base.platform import Current, Identified, Near, Record, Reference, TargetRef
from sync.matching import Item, Matcher

from . import mapping
from .batch_api import records_many
from .batches import ire_item, limit_of
from .client import ServiceNowClient

READ_CHUNK = 150  # sys_ids per GET (about 5 KB of URL)
BATCH_READS = 20  # reads per Batch API call
SYSTEM_FIELDS = ("sys_id", "sys_mod_count", "sys_updated_by", "sys_updated_on")
DUPLICATE_SCORE = 85
EXACT_SCORE = 95
PACKAGE = "install the ServiceNow configuration package (Update Set)"
HINTS = {
    "IDENTIFICATION_RULE_MISSING": f"To add the identification rules, {PACKAGE}.",
    "INVALID_INPUT_DATA": f"If the data source is not registered, {PACKAGE}.",
}
LOOKUPS = {mapping.USER: ("sys_user", "email"), mapping.COMPANY: ("core_company", "name")}


def _chunks(values: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _in_query(field: str, values: list[str]) -> str:
    """`fieldIN a,b` cannot carry a comma or a caret inside a value: those are asked one by one."""
    plain = [v for v in values if "," not in v and "^" not in v]
    parts = [f"{field}IN{','.join(plain)}"] if plain else []
    parts += [f"{field}={v}" for v in values if v not in plain and "^" not in v]
    return "^NQ".join(parts)


def resolve(
    client: ServiceNowClient, references: Iterable[Reference], create_companies: bool = False
) -> dict[Reference, str]:
    """sys_ids of users (by e-mail) and companies (by name); unknown ones are absent. Users are never
    created; companies only when the connection allows it."""
    wanted: dict[str, set[str]] = {}
    for reference in references:
        wanted.setdefault(reference.kind, set()).add(reference.key)
    queries, keys_of = [], []
    for kind, keys in sorted(wanted.items()):
        table, field = LOOKUPS[kind]
        for chunk in _chunks(sorted(keys), READ_CHUNK):
            queries.append((table, _in_query(field, chunk), ["sys_id", field]))
            keys_of.append(kind)
    found: dict[Reference, str] = {}
    for kind, rows in zip(keys_of, records_many(client, queries) if queries else [], strict=True):
        field = LOOKUPS[kind][1]
        by_key = {k.casefold(): k for k in wanted[kind]}
        for row in rows:
            key = by_key.get(str(row.get(field, "")).casefold())
            if key is not None:
                found.setdefault(Reference(kind, key), row["sys_id"])
    if create_companies:
        for key in sorted(wanted.get(mapping.COMPANY, ())):
            if Reference(mapping.COMPANY, key) not in found:
                created = client.create(LOOKUPS[mapping.COMPANY][0], {"name": key, "vendor": "true"})
                found[Reference(mapping.COMPANY, key)] = created["sys_id"]
    return found


def read(client: ServiceNowClient, refs: list[TargetRef], fields: set[str]) -> dict[TargetRef, Current]:
    """Current values by sys_id, every table and chunk of ids asked in as few Batch API calls as the
    batch limit allows."""
    by_type: dict[str, list[str]] = {}
    for ref in refs:
        by_type.setdefault(ref.type, []).append(ref.id)
    wanted = sorted(set(fields) | set(SYSTEM_FIELDS))
    queries = [
        (table, "sys_idIN" + ",".join(chunk), wanted)
        for table, ids in sorted(by_type.items())
        for chunk in _chunks(sorted(set(ids)), READ_CHUNK)
    ]
    current: dict[TargetRef, Current] = {}
    for start in range(0, len(queries), BATCH_READS):
        part = queries[start : start + BATCH_READS]
        for (table, _query, _fields), rows in zip(part, records_many(client, part), strict=True):
            for row in rows:
                current[TargetRef(table, row["sys_id"])] = Current(
                    {f: str(row.get(f, "") or "") for f in fields},
                    version=str(row.get("sys_mod_count", "")),
                    updated_by=str(row.get("sys_updated_by", "")),
                    updated_on=str(row.get("sys_updated_on", "")),
                )
    return current


class NameIndex:
    """What the target holds per table, by name, for possible duplicates (read once per table)."""

    def __init__(self, client: ServiceNowClient, tables: set[str]) -> None:
        self.matchers: dict[str, Matcher] = {}
        for table in tables:
            name_field = "short_description" if table == mapping.CONTRACT_TABLE else "name"
            fields = ["sys_id", name_field] + (["version"] if table == mapping.SOFTWARE_MODEL_TABLE else [])
            rows = [
                Item(r["sys_id"], r.get(name_field, ""), r.get("version", ""))
                for r in client.records(table, "", fields)
            ]
            self.matchers[table] = Matcher(rows, versioned=table == mapping.SOFTWARE_MODEL_TABLE)

    def near(self, record: Record) -> Near | None:
        matcher = self.matchers.get(record.target_type)
        if matcher is None:
            return None
        probe = Item(record.record_id, record.name, record.values.get("version", ""))
        for candidate in matcher.candidates(probe, limit=1):
            if candidate.score >= DUPLICATE_SCORE:
                ref = TargetRef(record.target_type, candidate.target_id)
                return Near(ref, candidate.name, candidate.score)
        return None


def identify(client: ServiceNowClient, records: list[Record], options) -> dict[str, Identified]:
    """CIs through `/identifyreconcile/query` (commits nothing), by the instance's own identification
    rules; models and contracts, which are not CIs, by name. A record IRE would insert is checked for
    a near-identical name."""
    found: dict[str, Identified] = {}
    if not records:
        return found
    index = NameIndex(client, {r.target_type for r in records})
    cis = [r for r in records if r.step in mapping.CI_STEPS]
    limit = limit_of(options.ire_batch_size)
    for start in range(0, len(cis), limit):
        chunk = cis[start : start + limit]
        items = [ire_item(r, r.values, options.data_source) for r in chunk]
        result = client.identify_reconcile(items, data_source=options.data_source, commit=False)
        outcomes = dict(zip((i["internal_id"] for i in items), result.items, strict=False))
        for record in chunk:
            outcome = outcomes.get(record.record_id)
            if outcome is None or outcome.errors:
                code, text = outcome.errors[0] if outcome else ("NO_RESULT", "The target returned no result")
                found[record.record_id] = Identified(error=f"{code}: {text} {HINTS.get(code, '')}".strip())
            elif outcome.operation == "INSERT":
                found[record.record_id] = Identified(near=index.near(record))
            else:
                found[record.record_id] = Identified(
                    ref=TargetRef(outcome.class_name or record.target_type, outcome.sys_id)
                )
    for record in records:
        if record.step not in mapping.CI_STEPS:
            near = index.near(record)
            found[record.record_id] = Identified(near=near, exact=bool(near and near.score >= EXACT_SCORE))
    return found
