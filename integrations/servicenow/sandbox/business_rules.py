"""Business rules as data: the `sys_script` records an administrator (or a client's test) writes, evaluated
on every Table API write the way an instance runs its no-code rules.

A rule applies to its table (`collection`) and the tables extending it, on the operations it is ticked for
(`action_insert`, `action_update`, `action_delete`), when active and when its `filter_condition` (an
encoded query) matches the record as it would be written. Only `before` rules can act: one with
`abort_action` stops the write with the 403 an instance answers, one with a `template`
(`field=value^field=value`) sets those values. Scripts (`script`, `condition`) are not run.
"""

from typing import Any

from . import dictionary, query
from .errors import ApiError, operation_failed
from .records import Records, as_text


def aborted(table: str, rule: dict[str, str]) -> ApiError:
    """The error an instance answers when a business rule aborts a REST write (its `add_message` text is
    shown on forms only; the REST answer names the rule)."""
    name = rule.get("name", "")
    return operation_failed(
        f"Operation against file '{table}' was aborted by Business Rule '{name}^{rule.get('sys_id', '')}'. "
        f"Business Rule Stack:{name}"
    )


def template_values(template: str) -> dict[str, str]:
    """A rule's "Set field values" (`field=value^field=value^EQ`)."""
    values = {}
    for part in template.split("^"):
        name, sep, value = part.partition("=")
        if sep and name and name != "EQ":
            values[name] = value
    return values


class ScriptedRules:
    def __init__(self, records: Records) -> None:
        self.records = records

    def rules(self, table: str, operation: str) -> list[dict[str, str]]:
        """The active before-rules on `table` (or a table it extends) for `operation`, in their order."""
        if not self.records.store.exists("sys_script"):
            return []
        owners = set(dictionary.ancestors(table))
        found = [
            row
            for _, row in self.records.store.scan("sys_script")
            if row.get("collection") in owners
            and row.get("active", "true") == "true"
            and row.get("when", "before") == "before"
            and row.get(f"action_{operation}") == "true"
        ]
        return sorted(found, key=lambda row: query.sort_key(row.get("order") or "100"))

    def matches(self, table: str, row: dict[str, str], condition: str) -> bool:
        parsed = query.parse(condition, lambda f: self.records.field_exists(table, f))
        lookup = lambda f: self.records.raw(table, row, f)  # noqa: E731
        return query.matches(parsed, lookup, dictionary.ancestors, True)

    def before(
        self, table: str, operation: str, current: dict[str, str], values: dict[str, Any]
    ) -> dict[str, Any]:
        """Run the before-rules on a write of `values` whose result would be `current`: raise when one
        aborts, else the values with the rules' field values added."""
        for rule in self.rules(table, operation):
            if not self.matches(table, current, rule.get("filter_condition", "")):
                continue
            if rule.get("abort_action") == "true":
                raise aborted(table, rule)
            changes = template_values(rule.get("template", ""))
            values = {**values, **changes}
            current = {**current, **changes}
        return values

    def candidate(self, table: str, record: dict[str, str] | None, values: dict[str, Any]) -> dict[str, str]:
        """The record as it would be after the write: the stored one (or the table's defaults) with the new
        values."""
        base = dict(record) if record is not None else {}
        if record is None and dictionary.known(table):
            base = {name: column.default for name, column in dictionary.columns(table).items()}
        return {**base, **{k: as_text(v) for k, v in values.items()}}
