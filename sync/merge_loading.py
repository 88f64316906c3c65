"""What the rows of one merge submission need from the database, read once for all of them and locked
(`select_for_update`) inside the submission's transaction, so the checks see what the writes change: the
portfolio records, their sync-map entries and the deployments the connection publishes (for links)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models

from catalog.models import InfrastructureItem
from sync.models import PullChange, RecordKind, SyncMapEntry
from sync.subscribe_compare import BUSINESS, NEW
from sync.subscribe_links import Links
from sync.takeback import MODELS

ITEM = RecordKind.INFRASTRUCTURE_ITEM


@dataclass
class Loaded:
    records: dict[tuple[str, str], models.Model] = field(default_factory=dict)  # (kind, id) → record
    entries: dict[tuple[str, str], SyncMapEntry] = field(default_factory=dict)  # (kind, record id) → entry
    links: Links | None = None
    reserved: set[str] = field(default_factory=set)  # application ids given to this submission's imports

    def record(self, kind: str, record_id) -> models.Model | None:
        return self.records.get((kind, str(record_id)))

    def entry(self, kind: str, record_id) -> SyncMapEntry | None:
        return self.entries.get((kind, str(record_id)))


def load(connection, changes: Iterable[PullChange]) -> Loaded:
    """Lock and read the records and entries the changes decide on (imports create theirs)."""
    loaded = Loaded()
    decided = [c for c in changes if c.outcome != NEW]
    for kind in {c.record_kind for c in decided if c.record_kind in BUSINESS}:
        ids = [c.record_id for c in decided if c.record_kind == kind and c.record_id]
        found = MODELS[kind].objects.select_for_update().filter(pk__in=ids, namespace=connection.namespace)
        loaded.records.update({(kind, str(r.pk)): r for r in found})
    item_ids = [c.item_id for c in decided if c.record_kind == ITEM and c.item_id]
    if item_ids:
        items = InfrastructureItem.objects.select_for_update().filter(pk__in=item_ids)
        loaded.records.update({(ITEM, str(i.pk)): i for i in items.prefetch_related("deployments")})
    ids = [record_id for _, record_id in loaded.records]
    entries = SyncMapEntry.objects.select_for_update().filter(connection=connection, record_id__in=ids)
    loaded.entries = {(e.kind, str(e.record_id)): e for e in entries}
    if any(c.record_kind == ITEM for c in changes):
        loaded.links = Links.of(connection)
    return loaded
