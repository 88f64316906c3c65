"""A sandbox's state: every table's records (JSON objects) in memory for fast reads, written through to
SQLite so the sandbox keeps its state across restarts; plus blobs, settings and counters.

Table semantics (class hierarchies, numbering, references) belong to the platform, which may subclass
`JsonStore`; the store only knows tables, a key field and JSON."""

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

MAX_SEED_BYTES = 64 * 1024 * 1024


class JsonStore:
    """Records are dicts keyed by `str(record[key_field])` within their table."""

    key_field = "id"

    def __init__(self, path: Path | None) -> None:
        self.lock = threading.RLock()
        self.tables: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
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
        self._reload()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one SQLite commit (and hold the lock meanwhile); an exception undoes them,
        in memory too."""
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
        for table, key, data in self.db.execute("SELECT tbl, sys_id, data FROM records"):
            self.tables[table][key] = json.loads(data)

    def key_of(self, record: dict[str, Any]) -> str:
        return str(record[self.key_field])

    def put(self, table: str, record: dict[str, Any]) -> None:
        """Insert or replace `record` (it carries its key)."""
        key = self.key_of(record)
        with self.transaction():
            self.tables[table][key] = record
            self.db.execute(
                "INSERT OR REPLACE INTO records (tbl, sys_id, data) VALUES (?, ?, ?)",
                (table, key, json.dumps(record)),
            )
            self.versions[table] += 1

    def remove(self, table: str, key: str) -> None:
        with self.transaction():
            self.tables[table].pop(str(key), None)
            self.db.execute("DELETE FROM records WHERE tbl = ? AND sys_id = ?", (table, str(key)))
            self.versions[table] += 1

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        return self.tables.get(table, {}).get(str(key))

    def rows(self, table: str) -> list[dict[str, Any]]:
        """A copy of the table's rows, safe to iterate while others write."""
        return list(self.tables.get(table, {}).values())

    def put_blob(self, key: str, data: bytes) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO blobs (sys_id, data) VALUES (?, ?)", (key, data))

    def blob(self, key: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM blobs WHERE sys_id = ?", (key,)).fetchone()
        return row[0] if row else None

    def remove_blob(self, key: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM blobs WHERE sys_id = ?", (key,))

    def meta(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def next_value(self, counter: str, start: int = 0) -> int:
        """The next value (first `start + 1`) of a counter kept under the `counter` meta key: record
        numbers, integer ids."""
        with self.transaction():
            value = int(self.meta(counter, str(start))) + 1
            self.set_meta(counter, str(value))
        return value

    def close(self) -> None:
        with self.lock:
            self.db.close()


def read_seed_file(path: Path, max_bytes: int = MAX_SEED_BYTES) -> dict[str, list[dict[str, Any]]]:
    """The `{"<table>": [{field: value}, …]}` document of a `--seed` file, checked for size and shape
    before anything is written; ValueError says what is wrong."""
    if path.stat().st_size > max_bytes:
        raise ValueError(f"{path}: larger than {max_bytes // (1024 * 1024)} MiB")
    try:
        data: Any = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{path}: not a JSON document ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(rows, list) for rows in data.values()):
        raise ValueError(f"{path}: expected an object mapping table names to lists of records")
    for table, rows in data.items():
        if not all(isinstance(row, dict) for row in rows):
            raise ValueError(f"{path}: every record of {table} must be an object")
    return data
