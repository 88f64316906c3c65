"""Rows as ServiceNow keeps and returns them: system fields, all values strings, references as sys_ids,
and the three `sysparm_display_value` renderings."""

import hashlib
import json
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import dictionary
from .columns import CALLER, HASHED, NOW, SYSTEM_COLUMNS
from .store import Store

# System fields the instance maintains itself: a client's value for them is ignored. Other `sys_*` names
# (`cmdb_rel_type.sys_name`, a seeded `sys_…` column) are ordinary columns. `sys_id` is taken by `create`.
MAINTAINED = frozenset(SYSTEM_COLUMNS)
ISO_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$")


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")


def new_sys_id() -> str:
    return uuid.uuid4().hex


def in_zone(stamp: str, zone: str) -> str:
    """A stored UTC date-time ("YYYY-MM-DD HH:MM:SS") as shown to a user of time zone `zone` (an IANA
    name); unchanged when the zone is empty or unknown, or the value is not a date-time."""
    if not zone or not stamp:
        return stamp
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S")
    except (ValueError, ZoneInfoNotFoundError):
        return stamp


def password_hash(text: str) -> str:
    """A one-way password column keeps a digest of what was written, never the text."""
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest() if text else ""


def as_text(value: Any) -> str:
    """ServiceNow stores every value as a string; JSON booleans and numbers arrive as such."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return as_text(value.get("value", value.get("sys_id", "")))
    if isinstance(value, (list, tuple)):
        return ",".join(as_text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Records:
    """Creates, changes and renders rows of any table (known to the dictionary or not)."""

    def __init__(self, store: Store, base_url: str) -> None:
        self.store = store
        self.base_url = base_url
        self._choice_cache: tuple[int, dict] = (-1, {})
        # called with (table, record) after every create: what the instance does on its own when a record
        # appears (the demo's Service Mapping relating servers to a new service instance)
        self.created_hooks: list[Callable[[str, dict[str, str]], None]] = []

    # Writing ------------------------------------------------------------------------------------------

    def writable(self, table: str, values: dict[str, Any]) -> dict[str, str]:
        """The values a client may set: known columns only (unknown ones are ignored, as on an instance),
        never the system-maintained fields; a password column keeps a digest."""
        known = dictionary.columns(table) if dictionary.known(table) else None
        written = {
            k: as_text(v) for k, v in values.items() if k not in MAINTAINED and (known is None or k in known)
        }
        for name, value in written.items():
            if known is not None and known[name].type == HASHED:
                written[name] = password_hash(value)
            elif known is not None and known[name].type == "glide_date_time" and ISO_DATE_TIME.match(value):
                # an instance takes ISO 8601 (or a date alone: midnight) and stores its own form
                written[name] = value.replace("T", " ") if "T" in value else f"{value} 00:00:00"
        return written

    def defaults(self, table: str, user: str) -> dict[str, str]:
        """A new record's dictionary defaults, with the two scripted ones an instance evaluates: the
        caller's sys_id (`gs.getUserID()`) and the current date-time (`gs.nowDateTime()`)."""
        if not dictionary.known(table):
            return {}
        values = {name: column.default for name, column in dictionary.columns(table).items()}
        for name, default in values.items():
            if default == CALLER:
                values[name] = self.user_sys_id(user)
            elif default == NOW:
                values[name] = now()
        return values

    def user_sys_id(self, user_name: str) -> str:
        for _, row in self.store.scan("sys_user"):
            if row.get("user_name") == user_name:
                return row["sys_id"]
        return ""

    def time_zone(self, user_sys_id: str) -> str:
        """The user's `time_zone`: date-times are shown to them in it."""
        found = self.store.locate("sys_user", user_sys_id) if user_sys_id else None
        return found[1].get("time_zone", "") if found else ""

    def create(
        self, table: str, values: dict[str, Any], user: str, sys_id: str | None = None
    ) -> dict[str, str]:
        record = self.defaults(table, user)
        stamp = now()
        record.update(self.writable(table, values))
        notes = {name: record.pop(name) for name in self.journal_columns(table) if name in record}
        record.update(
            sys_id=sys_id or new_sys_id(),
            sys_created_on=stamp,
            sys_updated_on=stamp,
            sys_created_by=user,
            sys_updated_by=user,
            sys_mod_count="0",
            sys_class_name=table,
            sys_domain="global",
            sys_domain_path="/",
        )
        prefix, start = dictionary.numbering(table)
        if prefix and not record.get("number"):
            record["number"] = self.store.next_number(prefix, start)
        self.store.put(table, record)
        self.add_journal(table, record["sys_id"], notes, user)
        for hook in self.created_hooks:
            hook(table, record)
        return record

    def update(
        self, table: str, record: dict[str, str], values: dict[str, Any], user: str
    ) -> tuple[dict[str, str], bool]:
        """Write the values that differ from the record's (a missing field counts as empty). As on an
        instance, an update that changes nothing is not written: `sys_mod_count`, `sys_updated_on` and
        `sys_updated_by` stay as they were. Otherwise `sys_mod_count` goes up by exactly one."""
        written = self.writable(table, values)
        notes = {name: written.pop(name) for name in self.journal_columns(table) if name in written}
        changes = {k: v for k, v in written.items() if record.get(k, "") != v}
        if not changes and not any(v.strip() for v in notes.values()):
            return record, False
        updated = {
            **record,
            **changes,
            "sys_updated_on": now(),
            "sys_updated_by": user,
            "sys_mod_count": str(int(record.get("sys_mod_count") or 0) + 1),
        }
        self.store.put(table, updated)
        self.add_journal(table, record["sys_id"], notes, user)
        return updated, True

    def audit_delete(self, table: str, record: dict[str, str], user: str) -> None:
        """What an instance's `sys_audit_delete` keeps of a deleted record, so a pull can tell what is
        gone since a time (`sys_created_on` is the deletion's time)."""
        if table == "sys_audit_delete":
            return
        display = record.get(dictionary.display_field(table), "") if dictionary.known(table) else ""
        self.create(
            "sys_audit_delete",
            {
                "tablename": table,
                "documentkey": record.get("sys_id", ""),
                "display_value": display,
                "payload": json.dumps(record, sort_keys=True),
            },
            user,
        )

    # Journal fields -------------------------------------------------------------------------------------

    @staticmethod
    def journal_columns(table: str) -> list[str]:
        if not dictionary.known(table):
            return []
        return [name for name, column in dictionary.columns(table).items() if column.type == "journal_input"]

    def add_journal(self, table: str, sys_id: str, notes: dict[str, str], user: str) -> None:
        """A journal field is never stored on its record: each non-empty write is one `sys_journal_field`
        entry, as on an instance."""
        for element, value in notes.items():
            if value.strip():
                self.create(
                    "sys_journal_field",
                    {"name": table, "element": element, "element_id": sys_id, "value": value},
                    user,
                )

    def journal(self, table: str, record: dict[str, str], element: str) -> str:
        """The display value of a journal field: its entries, newest first, each under a heading that
        names the field by its label ("Additional comments", "Work notes"), as a form's activity shows."""
        column = dictionary.columns(table).get(element) if dictionary.known(table) else None
        label = (column.label if column else "") or element.replace("_", " ").capitalize()
        entries = [
            row
            for _, row in self.store.scan("sys_journal_field")
            if row.get("element_id") == record.get("sys_id") and row.get("element") == element
        ]
        return "".join(
            f"{row['sys_created_on']} - {row['sys_created_by']} ({label})\n{row['value']}\n\n"
            for row in reversed(entries)
        )

    # Reading ------------------------------------------------------------------------------------------

    def field_exists(self, table: str, name: str) -> bool:
        head, _, tail = name.partition(".")
        if not dictionary.known(table):
            return True
        cols = dictionary.columns(table)
        if head not in cols and not any(head in dictionary.columns(c) for c in dictionary.descendants(table)):
            return False
        if not tail:
            return True
        column = cols.get(head)
        return bool(column and column.reference) and self.field_exists(column.reference, tail)

    def raw(self, table: str, record: dict[str, str], name: str) -> str:
        """A value by field name, following dot-walks through references (`department.dept_head.email`)."""
        head, _, tail = name.partition(".")
        value = record.get(head, "")
        if not tail:
            return value
        column = dictionary.columns(table).get(head) if dictionary.known(table) else None
        target = self.referenced(column, value) if column else None
        return self.raw(target[0], target[1], tail) if target else ""

    def referenced(self, column: dictionary.Column, value: str) -> tuple[str, dict[str, str]] | None:
        if not value or not column.reference:
            return None
        if column.ref_key == "sys_id":
            return self.store.locate(column.reference, value)
        for name, row in self.store.scan(column.reference):
            if row.get(column.ref_key) == value:
                return name, row
        return None

    def choice_label(self, table: str, name: str, value: str) -> str:
        column = dictionary.columns(table).get(name) if dictionary.known(table) else None
        if column is not None:
            for stored, label in column.choices:
                if stored == value:
                    return label
        version, cache = self._choice_cache
        if version != self.store.versions["sys_choice"]:
            cache = {}
            for _, row in self.store.scan("sys_choice"):
                cache[(row.get("name"), row.get("element"), row.get("value"))] = row.get("label", "")
            self._choice_cache = (self.store.versions["sys_choice"], cache)
        for owner in dictionary.ancestors(table):
            if (owner, name, value) in cache:
                return cache[(owner, name, value)]
        return value

    def display(self, table: str, record: dict[str, str], name: str, zone: str = "") -> str:
        head, _, tail = name.partition(".")
        column = dictionary.columns(table).get(head) if dictionary.known(table) else None
        if tail:
            target = self.referenced(column, record.get(head, "")) if column else None
            return self.display(target[0], target[1], tail, zone) if target else ""
        if column is not None and column.type == "journal_input":
            return self.journal(table, record, name)
        value = record.get(name, "")
        if column is None or not value:
            return value
        if column.reference:
            target = self.referenced(column, value)
            if target is None:
                return value if column.ref_key != "sys_id" else ""
            return target[1].get(dictionary.display_field(target[0]), "")
        if column.type == "choice":
            return self.choice_label(table, name, value)
        if column.type == "glide_date_time":
            return in_zone(value, zone)
        return value

    def link(self, column: dictionary.Column, value: str) -> str:
        if column.ref_key == "sys_id":
            return f"{self.base_url}/api/now/table/{column.reference}/{value}"
        return f"{self.base_url}/api/now/table/{column.reference}?{column.ref_key}={value.replace(' ', '+')}"

    def render(
        self,
        query_table: str,
        table: str,
        record: dict[str, str],
        fields: list[str] | None,
        display_value: str = "false",
        exclude_link: bool = False,
        zone: str = "",
    ) -> dict[str, Any]:
        """A row as the Table API returns it. Reading through a parent table shows the parent's columns
        (and `sys_class_name` naming the actual class). Display values of date-times are in `zone` (the
        caller's time zone); values stay UTC. A password column is masked."""
        if fields is None:
            names = list(dictionary.columns(query_table)) if dictionary.known(query_table) else list(record)
        else:
            names = [f for f in fields if self.field_exists(table, f) or f in record]
        result: dict[str, Any] = {}
        for name in names:
            head = name.partition(".")[0]
            column = dictionary.columns(table).get(head) if dictionary.known(table) else None
            raw = self.raw(table, record, name)
            if column is not None and column.type == HASHED and "." not in name:
                result[name] = self.masked(raw, display_value)
                continue
            is_ref = bool(column and column.reference and "." not in name and raw)
            if display_value == "false":
                result[name] = (
                    {"link": self.link(column, raw), "value": raw} if is_ref and not exclude_link else raw
                )
            elif display_value == "true":
                shown = self.display(table, record, name, zone)
                result[name] = (
                    {"display_value": shown, "link": self.link(column, raw)}
                    if is_ref and not exclude_link
                    else shown
                )
            else:
                entry: dict[str, str] = {"display_value": self.display(table, record, name, zone)}
                if is_ref and not exclude_link:
                    entry["link"] = self.link(column, raw)
                entry["value"] = raw
                result[name] = entry
        return result

    @staticmethod
    def masked(stored: str, display_value: str) -> str | dict[str, str]:
        """A one-way password: its value never leaves the instance; its display value is eight stars once
        one is set (what a form, and PySNC's `get_display_value`, show)."""
        stars = "********" if stored else ""
        if display_value == "all":
            return {"display_value": stars, "value": ""}
        return stars if display_value == "true" else ""

    @staticmethod
    def dumps(payload: Any) -> str:
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
