"""Reading GLPI before writing to it, always in batches (never one GET per record): dropdown references
looked up by name (one list per dropdown type, created in one bulk add when missing), records the sync
map does not know identified (a computer by its serial, then by its name in the entity; anything else
by its name), and the current values of known records (`getMultipleItems`, or one list when many).

Versions: GLPI stamps `date_mod` on every save, but only to the second, and relation items carry none;
so a version is `date_mod` plus a short digest of the item as GLPI answers it, which also changes when
someone edits the item in the same second as the product's write."""

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils import timezone

from integrations.base.errors import TRANSIENT
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
from .client import ADD_ATTEMPTS, GlpiClient, content_range, pause_before_retry
from .mapping_inventory import (
    CLOCK_KINDS,
    COMPUTER,
    COMPUTER_MODEL,
    COMPUTER_TYPE,
    MANUFACTURER,
    OPERATING_SYSTEM,
    OS_LINK,
    OS_VERSION,
    clock_values,
)

DROPDOWNS = frozenset(
    {COMPUTER_TYPE, MANUFACTURER, COMPUTER_MODEL, OPERATING_SYSTEM, OS_VERSION, mapping.APPLIANCE_TYPE}
)
PAGE = 1000  # rows per list call (GLPI's `Accept-Range` maximum)
MULTI = 50  # items per getMultipleItems call: its query string stays well under 8 KB
DUPLICATE_SCORE = 85
# near-identical names are offered only where a name is all there is (a computer has its serial, a
# version its number, a contract its term: "srv-0003" is not "srv-0009")
NEAR_TYPES = frozenset({mapping.SUPPLIER, mapping.SOFTWARE, mapping.APPLIANCE})
SKIPPED_KEYS = frozenset({"links"})
# what the matching wizard pairs: a software product is published as a version of its software
MATCH_SOURCES = (
    MatchSource("software_product", "software-products", "Software products", mapping.SOFTWARE_VERSION, True),
)


def listed(client: GlpiClient, itemtype: str, params: dict[str, Any] | None = None) -> Iterator[dict]:
    """Every item of a collection in the active entity (trash excluded), `PAGE` rows a call."""
    start = 0
    while True:
        query = {"get_hateoas": "false", **(params or {}), "range": f"{start}-{start + PAGE - 1}"}
        response = client.request("GET", f"/{itemtype}", params=query)
        rows = client._json(response, "GET", f"/{itemtype}") or []
        yield from (r for r in rows if isinstance(r, dict))
        bounds = content_range(response.headers.get("Content-Range", ""))
        if not rows or bounds is None or bounds[1] + 1 >= bounds[2]:
            return
        start = bounds[1] + 1


def multiple(client: GlpiClient, refs: list[TargetRef]) -> dict[TargetRef, dict[str, Any]]:
    """The items behind refs through `getMultipleItems`, `MULTI` a call; one that is gone is absent."""
    found: dict[TargetRef, dict[str, Any]] = {}
    for start in range(0, len(refs), MULTI):
        chunk = refs[start : start + MULTI]
        params: list[tuple[str, Any]] = [("get_hateoas", "false")]
        for n, ref in enumerate(chunk):
            params += [(f"items[{n}][itemtype]", ref.type), (f"items[{n}][items_id]", ref.id)]
        answers = client.json("GET", "/getMultipleItems", params=params) or []
        found |= {
            ref: row
            for ref, row in zip(chunk, answers, strict=False)
            if isinstance(row, dict) and str(row.get("id")) == ref.id
        }
    return found


def version_of(row: dict[str, Any]) -> str:
    kept = {k: v for k, v in row.items() if k not in SKIPPED_KEYS}
    digest = hashlib.sha1(json.dumps(kept, sort_keys=True, default=str).encode()).hexdigest()[:10]  # noqa: S324
    return f"{row.get('date_mod') or ''}#{digest}"


def current_of(row: dict[str, Any], fields: set[str]) -> Current:
    return Current(
        {f: mapping.text(row.get(f)) for f in fields},
        version=version_of(row),
        updated_on=str(row.get("date_mod") or ""),
    )


def fetch(client: GlpiClient, refs: Iterable[TargetRef]) -> dict[TargetRef, dict[str, Any]]:
    """Items by ref: a whole list of a type when that is fewer calls than getMultipleItems."""
    by_type: dict[str, list[TargetRef]] = {}
    for ref in refs:
        if "." not in ref.type and ref.id.isdigit():  # a link field has no item of its own
            by_type.setdefault(ref.type, []).append(ref)
    rows: dict[TargetRef, dict[str, Any]] = {}
    for itemtype, wanted in sorted(by_type.items()):
        if len(wanted) > 2 * MULTI:
            ids = {ref.id for ref in wanted}
            for row in listed(client, itemtype):
                if str(row.get("id")) in ids:
                    rows[TargetRef(itemtype, str(row["id"]))] = row
        else:
            rows |= multiple(client, sorted(set(wanted), key=lambda r: int(r.id)))
    return rows


def read(client: GlpiClient, refs: list[TargetRef], fields: set[str]) -> dict[TargetRef, Current]:
    return {ref: current_of(row, fields) for ref, row in fetch(client, refs).items()}


def versions(client: GlpiClient, itemtype: str, ids: list[str]) -> dict[str, str]:
    """The versions of items just written: the most recently changed items of the type in one call,
    then getMultipleItems for any another writer pushed out of that page."""
    wanted, found = set(ids), {}
    if not wanted:
        return {}
    if len(wanted) <= PAGE - 10:
        query = {"get_hateoas": "false", "sort": "date_mod", "order": "DESC", "range": f"0-{len(wanted) + 9}"}
        for row in client.json("GET", f"/{itemtype}", params=query) or []:
            if isinstance(row, dict) and str(row.get("id")) in wanted:
                found[str(row["id"])] = version_of(row)
    missing = [TargetRef(itemtype, i) for i in sorted(wanted - set(found), key=int)]
    found |= {ref.id: version_of(row) for ref, row in multiple(client, missing).items()}
    return found


# References ------------------------------------------------------------------------------------------


def dropdown(client: GlpiClient, itemtype: str) -> dict[str, str]:
    """{name (casefolded): id} of a dropdown type, read once per client (a publish resolves at every
    step); the lowest id wins when GLPI holds a name twice."""
    cache = client.__dict__.setdefault("dropdowns", {})
    if itemtype not in cache:
        names: dict[str, str] = {}
        for row in sorted(listed(client, itemtype), key=lambda r: int(r["id"])):
            names.setdefault(str(row.get("name") or "").strip().casefold(), str(row["id"]))
        cache[itemtype] = names
    return cache[itemtype]


def resolve(
    client: GlpiClient, references: Iterable[Reference], create: bool = False
) -> dict[Reference, str]:
    """Clock references from today's date; dropdown values by name, the missing ones created (when
    `create`) in one bulk add per type, so none is ever duplicated."""
    references = list(references)
    found = clock_values([r for r in references if r.kind in CLOCK_KINDS], timezone.localdate())
    wanted: dict[str, set[str]] = {}
    for reference in references:
        if reference.kind in DROPDOWNS and reference.key.strip():
            wanted.setdefault(reference.kind, set()).add(reference.key)
    for itemtype, keys in sorted(wanted.items()):
        names = dropdown(client, itemtype)
        missing: dict[str, str] = {}
        for key in sorted(keys):
            folded = key.strip().casefold()
            if folded not in names:
                missing.setdefault(folded, key.strip())
        if create and missing:
            names = add_dropdown_values(client, itemtype, missing)
        for key in keys:
            if (target := names.get(key.strip().casefold())) is not None:
                found[Reference(itemtype, key)] = target
    return found


def add_dropdown_values(client: GlpiClient, itemtype: str, missing: dict[str, str]) -> dict[str, str]:
    """Add the missing names in one call; after an add with no answer, the names are read again and only
    those still missing are sent. The dropdown's {name: id}, updated."""
    for attempt in range(1, ADD_ATTEMPTS + 1):
        try:
            outcomes = client.add(itemtype, [{"name": name} for name in missing.values()])
        except TRANSIENT:
            if attempt == ADD_ATTEMPTS:
                raise
            client.stats.retries += 1
            pause_before_retry(attempt)
            client.__dict__.get("dropdowns", {}).pop(itemtype, None)
            missing = {k: v for k, v in missing.items() if k not in dropdown(client, itemtype)}
            if missing:
                continue
            break
        names = dropdown(client, itemtype)
        for folded, outcome in zip(missing, outcomes, strict=True):
            if outcome.ok:
                names[folded] = str(outcome.id)
        break
    return dropdown(client, itemtype)


# Identification --------------------------------------------------------------------------------------


def key_of(name: Any) -> str:
    return str(name or "").strip().casefold()


class Index:
    """What GLPI holds in the entity of each itemtype the records go to, read once: computers by serial,
    everything by name (software versions by their software's name and their own)."""

    def __init__(self, client: GlpiClient, records: list[Record]) -> None:
        self.serials: dict[str, str] = {}
        self.names: dict[tuple[str, str], str] = {}
        self.matchers: dict[str, Matcher] = {}
        types = {r.target_type for r in records} - {OS_LINK}
        software = {}
        if mapping.SOFTWARE_VERSION in types:
            software = {str(r["id"]): str(r.get("name") or "") for r in listed(client, mapping.SOFTWARE)}
        for itemtype in sorted(types):
            items = []
            for row in sorted(listed(client, itemtype), key=lambda r: int(r["id"])):
                name = str(row.get("name") or "")
                if itemtype == mapping.SOFTWARE_VERSION:
                    name = f"{software.get(str(row.get('softwares_id')), '')} {name}".strip()
                if itemtype == COMPUTER and (serial := key_of(row.get("serial"))):
                    self.serials.setdefault(serial, str(row["id"]))
                self.names.setdefault((itemtype, key_of(name)), str(row["id"]))
                items.append(Item(str(row["id"]), name))
            self.matchers[itemtype] = Matcher(items, versioned=False)

    def exact(self, record: Record) -> TargetRef | None:
        """GLPI's own rule: a computer's serial, then its name in the entity; other records' name."""
        found = None
        if record.target_type == COMPUTER and (serial := key_of(record.values.get("serial"))):
            found = self.serials.get(serial)
        found = found or self.names.get((record.target_type, key_of(record.name)))
        return TargetRef(record.target_type, found) if found else None

    def near(self, record: Record) -> Near | None:
        matcher = self.matchers.get(record.target_type)
        if matcher is None or record.target_type not in NEAR_TYPES:
            return None
        for candidate in matcher.candidates(Item(record.record_id, record.name), limit=1):
            if candidate.score >= DUPLICATE_SCORE:
                ref = TargetRef(record.target_type, candidate.target_id)
                return Near(ref, candidate.name, candidate.score)
        return None


def identify(client: GlpiClient, records: list[Record]) -> dict[str, Identified]:
    """The record GLPI's rules name (adopted after a decision), else a near-identical name to offer. An
    operating system install is found by its computer when written (`writing.installed`)."""
    if not records:
        return {}
    index = Index(client, records)
    found = {}
    for record in records:
        if record.target_type == OS_LINK:
            found[record.record_id] = Identified()
        elif (ref := index.exact(record)) is not None:
            found[record.record_id] = Identified(ref=ref)
        else:
            found[record.record_id] = Identified(near=index.near(record))
    return found


def find_created(client: GlpiClient, records: list[Record]) -> dict[str, str]:
    """{record id: GLPI id} of what an interrupted attempt created (by GLPI's own rules, exactly)."""
    wanted = [r for r in records if r.target_type != OS_LINK]
    if not wanted:
        return {}
    index = Index(client, wanted)
    return {r.record_id: ref.id for r in wanted if (ref := index.exact(r)) is not None}


# Matching --------------------------------------------------------------------------------------------


def candidates(client: GlpiClient, source: MatchSource) -> Iterator[Candidate]:
    """Software versions, named by their software (what a software product is published as), with the
    software's manufacturer."""
    software = {str(r["id"]): r for r in listed(client, mapping.SOFTWARE, {"expand_dropdowns": "true"})}
    for row in listed(client, mapping.SOFTWARE_VERSION):
        parent = software.get(str(row.get("softwares_id")), {})
        maker = parent.get("manufacturers_id")
        yield Candidate(
            str(row["id"]),
            str(parent.get("name") or ""),
            str(row.get("name") or ""),
            maker if isinstance(maker, str) else "",
            (("Software id", str(row.get("softwares_id") or "")),),
        )
