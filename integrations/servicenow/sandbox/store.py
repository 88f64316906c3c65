"""Record storage: every table's rows in memory for fast queries, written through to SQLite so the
sandbox keeps its state across restarts."""

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import dictionary


class Store:
    def __init__(self, path: Path | None) -> None:
        self.lock = threading.RLock()
        self.tables: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
        self.versions: dict[str, int] = defaultdict(int)
        self._depth = 0
        self.db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS records (tbl TEXT, sys_id TEXT, data TEXT, PRIMARY KEY (tbl, sys_id));
            CREATE TABLE IF NOT EXISTS blobs (sys_id TEXT PRIMARY KEY, data BLOB);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            """
        )
        for table, sys_id, data in self.db.execute("SELECT tbl, sys_id, data FROM records"):
            self.tables[table][sys_id] = json.loads(data)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one SQLite commit (and hold the lock meanwhile)."""
        with self.lock:
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if not self._depth:
                    self.db.rollback()
                    self._reload()
                raise
            self._depth -= 1
            if not self._depth:
                self.db.commit()

    def _reload(self) -> None:
        self.tables.clear()
        for table, sys_id, data in self.db.execute("SELECT tbl, sys_id, data FROM records"):
            self.tables[table][sys_id] = json.loads(data)

    def _write(self, table: str, record: dict[str, str]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO records (tbl, sys_id, data) VALUES (?, ?, ?)",
            (table, record["sys_id"], json.dumps(record)),
        )
        self.versions[table] += 1

    def put(self, table: str, record: dict[str, str]) -> None:
        with self.transaction():
            self.tables[table][record["sys_id"]] = record
            self._write(table, record)

    def remove(self, table: str, sys_id: str) -> None:
        with self.transaction():
            self.tables[table].pop(sys_id, None)
            self.db.execute("DELETE FROM records WHERE tbl = ? AND sys_id = ?", (table, sys_id))
            self.db.execute("DELETE FROM blobs WHERE sys_id = ?", (sys_id,))
            self.versions[table] += 1

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

    def put_blob(self, sys_id: str, data: bytes) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO blobs (sys_id, data) VALUES (?, ?)", (sys_id, data))

    def blob(self, sys_id: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM blobs WHERE sys_id = ?", (sys_id,)).fetchone()
        return row[0] if row else None

    def meta(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def next_number(self, prefix: str) -> str:
        with self.transaction():
            value = int(self.meta(f"number:{prefix}", "1000")) + 1
            self.set_meta(f"number:{prefix}", str(value))
        return f"{prefix}{value:07d}"

    def close(self) -> None:
        with self.lock:
            self.db.close()
