"""The CMDB Instance API: `/api/now/[v1/]cmdb/instance/{class}[/{sys_id}[/relation[/{rel_sys_id}]]]`.

One CI per call, as an instance's: a list answers `{sys_id, name}` pairs; a CI answers its `attributes`
(references as `{display_value, link, value}`) with its `outbound_relations` (it is the parent) and
`inbound_relations` (it is the child). Writes take `{"attributes": {...}, "source": "..."}`; the source
becomes the CI's `discovery_source`. Relations are `cmdb_rel_ci` rows, given by type and target sys_id.
Writes run the same business rules as the Table API.
"""

import re
from typing import Any

from . import dictionary, errors
from .context import Call
from .records import Records, as_text, now
from .rules import Rules
from .table_api import DEFAULT_LIMIT, Response, TableApi

PATH = re.compile(
    r"^/api/now(?:/v1|/v2)?/cmdb/instance/(?P<cls>[^/]+)"
    r"(?:/(?P<sys_id>[^/]+)(?:/(?P<relation>relation)(?:/(?P<rel_id>[^/]+))?)?)?/?$"
)
WRITERS = {"itil", "cmdb_write", "asset"}


class CmdbInstanceApi:
    def __init__(self, records: Records, rules: Rules, tables: TableApi, base_url: str) -> None:
        self.records = records
        self.store = records.store
        self.rules = rules
        self.tables = tables
        self.base_url = base_url

    def route(self, call: Call, method: str, match: re.Match) -> Any:
        """The handler for a matched path and method, or None (405)."""
        cls, sys_id, rel_id = match["cls"], match["sys_id"], match["rel_id"]
        if not match["relation"]:
            if sys_id is None:
                routes = {"GET": lambda: self.listing(call, cls), "POST": lambda: self.create(call, cls)}
            else:
                routes = {
                    "GET": lambda: self.get(call, cls, sys_id),
                    "PUT": lambda: self.update(call, cls, sys_id),
                    "PATCH": lambda: self.update(call, cls, sys_id),
                }
        elif rel_id is None:
            routes = {"POST": lambda: self.relate(call, cls, sys_id)}
        else:
            routes = {"DELETE": lambda: self.unrelate(call, cls, sys_id, rel_id)}
        return routes.get(method)

    # Checks -------------------------------------------------------------------------------------------

    def check(self, call: Call, cls: str, write: bool = False) -> None:
        if not dictionary.known(cls) or not dictionary.is_ci_class(cls):
            raise errors.ApiError(400, f"Invalid class {cls}", "The class is not a CMDB class (cmdb_ci)")
        if not call.caller.has_any(WRITERS if write else WRITERS | {"cmdb_read"}):
            raise errors.ApiError(403, "User Not Authorized", "The itil role is required")

    def find(self, cls: str, sys_id: str) -> tuple[str, dict[str, str]]:
        found = self.store.locate(cls, sys_id)
        if found is None:
            raise errors.not_found()
        return found

    @staticmethod
    def payload(call: Call) -> tuple[dict[str, Any], str]:
        data = call.json()
        if not isinstance(data, dict):
            raise errors.ApiError(400, "Exception while reading request", "The payload is not a JSON object")
        attributes = data.get("attributes") or {}
        if not isinstance(attributes, dict):
            raise errors.ApiError(400, "Exception while reading request", "attributes must be an object")
        return data, str(data.get("source") or "")

    # Reads --------------------------------------------------------------------------------------------

    def listing(self, call: Call, cls: str) -> Response:
        self.check(call, cls)
        rows = self.tables.select(cls, call.param("sysparm_query"), [])
        limit = max(_int(call.param("sysparm_limit"), DEFAULT_LIMIT), 1)
        offset = max(_int(call.param("sysparm_offset"), 0), 0)
        page = rows[offset : offset + limit]
        return Response(
            200, {"result": [{"sys_id": r["sys_id"], "name": r.get("name", "")} for _, r in page]}
        )

    def get(self, call: Call, cls: str, sys_id: str) -> Response:
        self.check(call, cls)
        return Response(200, {"result": self.instance(*self.find(cls, sys_id))})

    def instance(self, table: str, record: dict[str, str]) -> dict[str, Any]:
        return {
            "outbound_relations": self.relations(record["sys_id"], "parent", "child"),
            "attributes": self.attributes(table, record),
            "inbound_relations": self.relations(record["sys_id"], "child", "parent"),
        }

    def attributes(self, table: str, record: dict[str, str]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, column in dictionary.columns(table).items():
            raw = record.get(name, "")
            if column.reference and raw:
                shown = self.records.display(table, record, name) or raw
                result[name] = {"display_value": shown, "link": self.records.link(column, raw), "value": raw}
            else:
                result[name] = raw
        return result

    def relations(self, sys_id: str, own_end: str, other_end: str) -> list[dict[str, Any]]:
        found = []
        for _, rel in self.store.scan("cmdb_rel_ci"):
            if rel.get(own_end) != sys_id:
                continue
            kind = self.store.locate("cmdb_rel_type", rel.get("type", ""))
            target = self.store.locate("cmdb_ci", rel.get(other_end, ""))
            found.append(
                {
                    "sys_id": rel["sys_id"],
                    "type": {
                        "display_value": kind[1].get("name", "") if kind else "",
                        "link": f"{self.base_url}/api/now/table/cmdb_rel_type/{rel.get('type', '')}",
                        "value": rel.get("type", ""),
                    },
                    "target": {
                        "display_value": target[1].get("name", "") if target else "",
                        "link": f"{self.base_url}/api/now/cmdb/instance/cmdb_ci/{rel.get(other_end, '')}",
                        "value": rel.get(other_end, ""),
                    },
                }
            )
        return found

    # Writes -------------------------------------------------------------------------------------------

    def create(self, call: Call, cls: str) -> Response:
        self.check(call, cls, write=True)
        data, source = self.payload(call)
        stamp = now()
        values = {
            **{k: as_text(v) for k, v in (data.get("attributes") or {}).items()},
            "discovery_source": source,
            "first_discovered": stamp,
            "last_discovered": stamp,
        }
        values = self.rules.before_insert(cls, values, call.caller)
        with self.store.transaction():
            record = self.records.create(cls, values, call.caller.user_name)
            self.rules.after_insert(cls, record, call.caller)
            self.add_relations(call, record["sys_id"], data)
        return Response(200, {"result": self.instance(*self.find(cls, record["sys_id"]))})

    def update(self, call: Call, cls: str, sys_id: str) -> Response:
        self.check(call, cls, write=True)
        table, record = self.find(cls, sys_id)
        data, source = self.payload(call)
        values = {k: as_text(v) for k, v in (data.get("attributes") or {}).items()}
        if source:
            values["last_discovered"] = now()
        values = self.rules.before_update(table, record, values, call.caller)
        with self.store.transaction():
            updated, changed = self.records.update(table, record, values, call.caller.user_name)
            if changed:
                self.rules.after_update(table, record, updated, call.caller)
        return Response(200, {"result": self.instance(*self.find(cls, sys_id))})

    def relate(self, call: Call, cls: str, sys_id: str) -> Response:
        self.check(call, cls, write=True)
        self.find(cls, sys_id)
        data, _ = self.payload(call)
        with self.store.transaction():
            self.add_relations(call, sys_id, data)
        return Response(200, {"result": self.instance(*self.find(cls, sys_id))})

    def add_relations(self, call: Call, sys_id: str, data: dict[str, Any]) -> None:
        """Outbound relations make the CI the parent, inbound ones the child; the type is a cmdb_rel_type
        sys_id and the target a CI's."""
        for key, own_end, other_end in (
            ("outbound_relations", "parent", "child"),
            ("inbound_relations", "child", "parent"),
        ):
            given = data.get(key) or []
            if not isinstance(given, list):
                raise errors.ApiError(400, "Exception while reading request", f"{key} must be a list")
            for item in given:
                item = item if isinstance(item, dict) else {}
                values = {
                    own_end: sys_id,
                    other_end: as_text(item.get("target")),
                    "type": as_text(item.get("type")),
                }
                values = self.rules.before_insert("cmdb_rel_ci", values, call.caller)
                record = self.records.create("cmdb_rel_ci", values, call.caller.user_name)
                self.rules.after_insert("cmdb_rel_ci", record, call.caller)

    def unrelate(self, call: Call, cls: str, sys_id: str, rel_id: str) -> Response:
        self.check(call, cls, write=True)
        self.find(cls, sys_id)
        found = self.store.locate("cmdb_rel_ci", rel_id)
        if found is None or sys_id not in (found[1].get("parent"), found[1].get("child")):
            raise errors.not_found()
        self.rules.before_delete("cmdb_rel_ci", found[1])
        with self.store.transaction():
            self.store.remove("cmdb_rel_ci", rel_id)
            self.records.audit_delete("cmdb_rel_ci", found[1], call.caller.user_name)
        return Response(204)


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default
