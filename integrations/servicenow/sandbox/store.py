"""Record storage with ServiceNow's table semantics: rows keyed by sys_id, reads through a parent class
that see its child classes' rows, record numbers, and attachments' blobs that go with their record."""

from collections.abc import Iterator

from integrations.base.sandbox.store import JsonStore

from . import dictionary


class Store(JsonStore):
    key_field = "sys_id"

    def remove(self, table: str, sys_id: str) -> None:
        with self.transaction():
            super().remove(table, sys_id)
            self.remove_blob(sys_id)

    def locate(self, table: str, sys_id: str) -> tuple[str, dict[str, str]] | None:
        """The record `sys_id` of `table` or of any class extending it, with its actual table."""
        for name in self.classes(table):
            record = self.tables.get(name, {}).get(sys_id)
            if record is not None:
                return name, record
        return None

    def classes(self, table: str) -> tuple[str, ...]:
        if dictionary.known(table):
            return dictionary.descendants(table)
        return (table,)

    def scan(self, table: str) -> Iterator[tuple[str, dict[str, str]]]:
        """Every row readable through `table` (its own and its child classes'), with its actual table."""
        for name in self.classes(table):
            for record in list(self.tables.get(name, {}).values()):
                yield name, record

    def count(self, table: str) -> int:
        return sum(len(self.tables.get(name, {})) for name in self.classes(table))

    def exists(self, table: str) -> bool:
        return dictionary.known(table) or bool(self.tables.get(table))

    def next_number(self, prefix: str, start: int = 1000) -> str:
        return f"{prefix}{self.next_value(f'number:{prefix}', start):07d}"
