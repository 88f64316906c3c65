"""Reconciliation: which data source may write which CI attributes (`cmdb_reconciliation_definition`),
data refresh (`cmdb_datasource_staleness`) and the per-attribute history (`cmdb_datasource_last_update`)."""

from datetime import UTC, datetime, timedelta

from . import dictionary
from .records import Records


class Reconciler:
    def __init__(self, records: Records) -> None:
        self.records = records
        self.store = records.store

    def definitions(self, class_name: str) -> list[dict[str, str]]:
        rows = [r for _, r in self.store.scan("cmdb_reconciliation_definition") if r.get("active") != "false"]
        for ancestor in dictionary.ancestors(class_name):
            found = [r for r in rows if r.get("applies_to") == ancestor]
            if found:
                return found
        return []

    def authoritative(
        self, class_name: str, record: dict[str, str], values: dict[str, str], source: str
    ) -> dict[str, str]:
        """The values `source` may write: attributes governed by reconciliation rules only from the
        sources the rules name, and not over a higher-priority source's fresh value."""
        definitions = self.definitions(class_name)
        if not definitions:
            return values
        last = {
            r.get("attribute"): r
            for _, r in self.store.scan("cmdb_datasource_last_update")
            if r.get("ci") == record["sys_id"]
        }
        allowed = {}
        for attribute, value in values.items():
            governing = [
                d for d in definitions if not d.get("attributes") or attribute in _split(d["attributes"])
            ]
            if not governing:
                allowed[attribute] = value
                continue
            priority = {d.get("discovery_source"): int(d.get("priority") or 100) for d in governing}
            if source not in priority:
                continue
            previous = last.get(attribute)
            holder = previous.get("discovery_source") if previous else None
            outranked = (
                holder and holder != source and holder in priority and priority[holder] < priority[source]
            )
            if outranked and not self.stale(class_name, holder, previous):
                continue
            allowed[attribute] = value
        return allowed

    def stale(self, class_name: str, source: str, last_update: dict[str, str]) -> bool:
        for _, rule in self.store.scan("cmdb_datasource_staleness"):
            if rule.get("discovery_source") == source and rule.get("applies_to") in dictionary.ancestors(
                class_name
            ):
                days = int(rule.get("effective_duration") or 0)
                updated = datetime.strptime(last_update["sys_updated_on"], "%Y-%m-%d %H:%M:%S").replace(
                    tzinfo=UTC
                )
                return datetime.now(UTC) - updated > timedelta(days=days)
        return False

    def note_authority(self, class_name: str, sys_id: str, values: dict[str, str], source: str) -> None:
        """Data source history, kept (as on an instance) only for attributes under reconciliation rules."""
        definitions = self.definitions(class_name)
        if not definitions:
            return
        governed = {a for d in definitions for a in _split(d.get("attributes", ""))}
        everything = any(not d.get("attributes") for d in definitions)
        existing = {
            r.get("attribute"): r
            for _, r in self.store.scan("cmdb_datasource_last_update")
            if r.get("ci") == sys_id
        }
        for attribute in values:
            if attribute == "sys_id" or not (everything or attribute in governed):
                continue
            if attribute in existing:
                self.records.update(
                    "cmdb_datasource_last_update", existing[attribute], {"discovery_source": source}, "system"
                )
            else:
                self.records.create(
                    "cmdb_datasource_last_update",
                    {"ci": sys_id, "attribute": attribute, "discovery_source": source},
                    "system",
                )


def _split(text: str) -> list[str]:
    return [a.strip() for a in text.split(",") if a.strip()]
