"""The instance's rows: one table per itemtype in the shared core's `JsonStore` (in memory, written
through to SQLite in the data directory), plus the API users' secrets, which no itemtype exposes."""

import datetime as dt
from typing import Any

from integrations.base.sandbox.store import JsonStore

from .itemtypes import ITEMTYPES, Itemtype

ACCOUNTS = "_accounts"  # {"id": users_id, "password": ..., "user_token": ..., "profiles": [...]}


def document_file(document_id: int) -> str:
    """The blob key of a Document's uploaded file."""
    return f"document:{document_id}"


def now() -> str:
    """GLPI's datetime format (server local time; the sandbox uses UTC)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


class GlpiStore(JsonStore):
    key_field = "id"

    def rows_of(self, itemtype: Itemtype) -> list[dict[str, Any]]:
        return self.rows(itemtype.name)

    def item(self, itemtype: Itemtype | str, item_id: Any) -> dict[str, Any] | None:
        name = itemtype if isinstance(itemtype, str) else itemtype.name
        if name not in ITEMTYPES:
            return None
        try:
            return self.get(name, str(int(item_id)))
        except (TypeError, ValueError):
            return None

    def insert(self, itemtype: Itemtype, values: dict[str, Any]) -> dict[str, Any]:
        """A new row with the itemtype's defaults, the next id (or the one given, by seeds) and dates."""
        with self.transaction():
            row = {"id": 0, **itemtype.fields, **values}
            counter = f"id:{itemtype.name}"
            if values.get("id") is None:
                row["id"] = max(int(self.meta(counter, "0")), self._highest(itemtype)) + 1
                self.set_meta(counter, str(row["id"]))
            stamp = now()
            for name in ("date_creation", "date_mod"):
                if name in itemtype.fields and not values.get(name):
                    row[name] = stamp
            self.put(itemtype.name, row)
        return row

    def _highest(self, itemtype: Itemtype) -> int:
        return max((int(r["id"]) for r in self.rows(itemtype.name)), default=0)

    def update(self, itemtype: Itemtype, row: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
        changed = {**row, **values}
        if changed != row and "date_mod" in itemtype.fields:
            changed["date_mod"] = now()
        self.put(itemtype.name, changed)
        return changed

    def account(self, users_id: int) -> dict[str, Any] | None:
        return self.get(ACCOUNTS, str(users_id))

    def accounts(self) -> list[dict[str, Any]]:
        return self.rows(ACCOUNTS)

    def is_empty(self) -> bool:
        return not any(self.tables.get(name) for name in ITEMTYPES)
