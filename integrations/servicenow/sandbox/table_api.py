"""The Table API: `/api/now/[v1|v2/]table/{table}[/{sys_id}]`."""

import re
from typing import Any
from urllib.parse import urlencode

from . import dictionary, errors, query
from .context import Call
from .records import Records
from .rules import Rules

DEFAULT_LIMIT = 10000
RESERVED = {"sysparm_query", "sysparm_fields", "sysparm_limit", "sysparm_offset", "sysparm_display_value"}


class Response:
    def __init__(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.body = body
        self.headers = headers or {}


class TableApi:
    def __init__(
        self, records: Records, rules: Rules, fold_case: bool = True, invalid_query_no_rows: bool = False
    ) -> None:
        self.records = records
        self.store = records.store
        self.rules = rules
        self.fold_case = fold_case
        self.invalid_query_no_rows = invalid_query_no_rows

    # Shared pieces ------------------------------------------------------------------------------------

    def check_table(self, table: str) -> None:
        if not self.store.exists(table):
            raise errors.invalid_table(table)

    def check_read(self, call: Call, table: str) -> None:
        readers, _ = dictionary.acl(table)
        if not call.caller.has_any(readers):
            raise errors.read_denied()

    def check_write(self, call: Call, table: str, operation: str) -> None:
        _, writers = dictionary.acl(table)
        if not call.caller.has_any(writers):
            raise errors.acl_denied(operation)

    def fields(self, call: Call) -> list[str] | None:
        text = call.param("sysparm_fields")
        return [f.strip() for f in text.split(",") if f.strip()] or None if text else None

    def rendered(self, call: Call, query_table: str, table: str, record: dict[str, str]) -> dict[str, Any]:
        display = call.param("sysparm_display_value", "false").lower()
        display = display if display in ("true", "all") else "false"
        return self.records.render(
            query_table,
            table,
            record,
            self.fields(call),
            display,
            call.flag("sysparm_exclude_reference_link"),
            self.records.time_zone(call.caller.sys_id) if display != "false" else "",
        )

    # Reads --------------------------------------------------------------------------------------------

    def select(
        self, table: str, text: str, filters: list[tuple[str, str]]
    ) -> list[tuple[str, dict[str, str]]]:
        parsed = query.parse(
            text,
            lambda f: self.records.field_exists(table, f),
            lambda t: t in dictionary.ancestors(table) or table in dictionary.ancestors(t),
        )
        if parsed.invalid and self.invalid_query_no_rows:
            return []
        for related in query.related_parts(parsed):
            self.count_related(related)
        rows = []
        for name, record in self.store.scan(table):
            lookup = lambda f, n=name, r=record: self.records.raw(n, r, f)  # noqa: E731
            if not query.matches(parsed, lookup, dictionary.ancestors, self.fold_case):
                continue
            if all(self.filter_matches(name, record, k, v) for k, v in filters):
                rows.append((name, record))
        for name, descending in reversed(parsed.order):
            rows.sort(
                key=lambda row, f=name: query.sort_key(self.records.raw(row[0], row[1], f)),
                reverse=descending,
            )
        return rows

    def count_related(self, related: query.Related) -> None:
        """How many rows of a JOIN's or RLQUERY's table, matching its conditions, carry each value of the
        linking field (an unknown table has none)."""
        if not self.store.exists(related.table):
            return
        for name, record in self.select(related.table, related.where, []):
            related.found[self.records.raw(name, record, related.other_field)] += 1

    def filter_matches(self, table: str, record: dict[str, str], name: str, value: str) -> bool:
        if not self.records.field_exists(table, name):
            return True
        raw = self.records.raw(table, record, name)
        shown = self.records.display(table, record, name)
        if self.fold_case:
            return value.lower() in (raw.lower(), shown.lower())
        return value in (raw, shown)

    def list(self, call: Call, table: str, base_url: str) -> Response:
        self.check_table(table)
        self.check_read(call, table)
        filters = [(k, v) for k, v in call.params if not k.startswith("sysparm_") and v != ""]
        self.rules.before_list(table)
        rows = self.select(table, call.param("sysparm_query"), filters)
        limit = max(_int(call.param("sysparm_limit"), DEFAULT_LIMIT), 1)
        offset = max(_int(call.param("sysparm_offset"), 0), 0)
        page = rows[offset : offset + limit]
        if not page and call.version == "v1":
            raise errors.not_found()
        headers = {"X-Total-Count": str(len(rows))}
        if not call.flag("sysparm_suppress_pagination_header"):
            headers["Link"] = self.link_header(call, base_url, len(rows), offset, limit)
        result = [self.rendered(call, table, name, record) for name, record in page]
        return Response(200, {"result": result}, headers)

    @staticmethod
    def link_header(call: Call, base_url: str, total: int, offset: int, limit: int) -> str:
        def url(new_offset: int) -> str:
            params = [(k, v) for k, v in call.params if k not in ("sysparm_offset", "sysparm_limit")]
            params += [("sysparm_offset", str(new_offset)), ("sysparm_limit", str(limit))]
            return f"<{base_url}{call.path}?{urlencode(params)}>"

        last = max(total - 1, 0) // limit * limit
        links = [f'{url(0)};rel="first"']
        if offset > 0:
            links.append(f'{url(max(offset - limit, 0))};rel="prev"')
        if offset + limit < total:
            links.append(f'{url(offset + limit)};rel="next"')
        links.append(f'{url(last)};rel="last"')
        return ",".join(links)

    def get(self, call: Call, table: str, sys_id: str) -> Response:
        self.check_table(table)
        self.check_read(call, table)
        found = self.store.locate(table, sys_id)
        if found is None:
            raise errors.not_found()
        self.rules.before_read(found[0], found[1])
        found = self.store.locate(table, sys_id)
        return Response(200, {"result": self.rendered(call, table, *found)})

    # Writes -------------------------------------------------------------------------------------------

    def body(self, call: Call) -> dict[str, Any]:
        data = call.json()
        if isinstance(data, list):
            data = data[0] if data else {}  # only the first record of a multi-record body is processed
        if not isinstance(data, dict):
            raise errors.ApiError(400, "Exception while reading request", "The payload is not a JSON object")
        return data

    def create(self, call: Call, table: str, base_url: str) -> Response:
        self.check_table(table)
        self.check_write(call, table, "Insert")
        body = self.body(call)
        actual = self.insert_class(table, body)
        values = self.rules.before_insert(actual, body, call.caller)
        wanted = str(values.get("sys_id") or "")
        # a client may choose it: 32 hex digits in either case, kept as sent (PySNC's own tests use capitals)
        sys_id = wanted if re.fullmatch(r"[0-9a-fA-F]{32}", wanted) else None
        with self.store.transaction():
            # one key space per class hierarchy: an instance stores a hierarchy in one database table
            if sys_id and self.store.locate(dictionary.root_table(table), sys_id) is not None:
                raise errors.ApiError(
                    403, "Operation Failed", f"Unique Key violation detected by database ({sys_id})"
                )
            record = self.records.create(actual, values, call.caller.user_name, sys_id=sys_id)
            self.rules.after_insert(actual, record, call.caller)
        headers = {"Location": f"{base_url}/api/now/table/{table}/{record['sys_id']}"}
        no_body = call.headers.get("x-no-response-body", "").lower() == "true"
        result = None if no_body else {"result": self.rendered(call, table, actual, record)}
        return Response(201, result, headers)

    @staticmethod
    def insert_class(table: str, body: dict[str, Any]) -> str:
        """An insert through a parent table creates a record of the class its `sys_class_name` names, as
        on an instance; a name that is not a class extending `table` is ignored."""
        wanted = str(body.get("sys_class_name") or "")
        known = dictionary.known(table) and wanted in dictionary.descendants(table)
        return wanted if known else table

    def update(self, call: Call, table: str, sys_id: str) -> Response:
        self.check_table(table)
        found = self.store.locate(table, sys_id)
        if found is None:
            raise errors.not_found()
        self.check_write(call, table, "Update")
        actual, record = found
        self.rules.before_read(actual, record)
        record = self.store.locate(table, sys_id)[1]
        values = self.rules.before_update(actual, record, self.body(call), call.caller)
        with self.store.transaction():
            updated, changed = self.records.update(actual, record, values, call.caller.user_name)
            if changed:
                self.rules.after_update(actual, record, updated, call.caller)
        updated = self.store.locate(table, sys_id)[1]
        return Response(200, {"result": self.rendered(call, table, actual, updated)})

    def delete(self, call: Call, table: str, sys_id: str) -> Response:
        self.check_table(table)
        found = self.store.locate(table, sys_id)
        if found is None:
            raise errors.not_found()
        self.check_write(call, table, "Delete")
        self.rules.before_delete(found[0], found[1])
        with self.store.transaction():
            self.store.remove(found[0], sys_id)
            self.records.audit_delete(found[0], found[1], call.caller.user_name)
            self.rules.after_delete(found[0], found[1])
        return Response(204)


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except ValueError:
        return default
