"""The deployments an infrastructure item is linked to, compared like a field ("deployments"): the
portfolio's links, the links last agreed, and the target's (the service instances it relates the CI to,
through the sync map). Only deployments published to the connection count: a link the target cannot
express is neither compared nor touched. The value compared is the sorted record ids; the merge screen
shows the deployments' names and keeps the ids beside them for applying."""

from collections.abc import Iterable

from catalog.models import InfrastructureItem
from sync.models import RecordKind, SyncMapEntry

LINKS = "deployments"


def joined(ids: Iterable[str]) -> str:
    return ",".join(sorted({str(i) for i in ids if i}))


def split(value: str | None) -> list[str]:
    return [part for part in (value or "").split(",") if part]


def ids_of(row: dict, side: str) -> str | None:
    """A compared field's value on one side, as applied: the ids for the links, the value otherwise."""
    return row.get("ids", row)[side]


class Links:
    """The deployments of a connection's sync map, to read an item's links on both sides."""

    def __init__(self, entries: Iterable[SyncMapEntry]) -> None:
        deployments = [e for e in entries if e.kind == RecordKind.DEPLOYMENT]
        self.by_target = {e.target_id: str(e.record_id) for e in deployments}
        self.mapped = set(self.by_target.values())

    @classmethod
    def of(cls, connection) -> "Links":
        return cls(SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.DEPLOYMENT))

    def portfolio(self, item: InfrastructureItem) -> str:
        return joined(str(d.pk) for d in item.deployments.all() if str(d.pk) in self.mapped)

    def target(self, parents: Iterable[str]) -> str:
        return joined(self.by_target[t] for t in parents if t in self.by_target)

    def taken(self, item: InfrastructureItem, target: str) -> list[str]:
        """The item's deployments after taking the target's links: those it cannot express stay."""
        kept = [str(d.pk) for d in item.deployments.all() if str(d.pk) not in self.mapped]
        return sorted({*kept, *split(target)})


def shown(row: dict, names: dict[str, str]) -> dict:
    """The links' row with names to show and the ids to apply."""
    ids = {side: row[side] for side in ("portfolio", "last", "target")}
    words = {
        side: None if value is None else "; ".join(sorted(names.get(i, i) for i in split(value)))
        for side, value in ids.items()
    }
    return {**row, **words, "ids": ids}
