"""Where one portfolio record stands in each target of its namespace, for its detail page: the target
record it is there (with a link into the target's own UI when the platform can build one), when it was
last synced and whether it changed since. Read from the sync map only; nothing is asked of a target."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Model

from catalog.models import (
    BusinessApplication,
    DeploymentProfile,
    InfrastructureItem,
    ITService,
    ProductContract,
    SoftwareProduct,
    Supplier,
)
from integrations.base.platform import platform_of
from integrations.models import Connection
from sync.models import MatchChoice, RecordKind, SyncMapEntry

KINDS: dict[type[Model], str] = {
    BusinessApplication: RecordKind.APPLICATION,
    DeploymentProfile: RecordKind.DEPLOYMENT,
    ITService: RecordKind.IT_SERVICE,
    SoftwareProduct: RecordKind.SOFTWARE_PRODUCT,
    ProductContract: RecordKind.CONTRACT,
    InfrastructureItem: RecordKind.INFRASTRUCTURE_ITEM,
    Supplier: RecordKind.SUPPLIER,
}
MOST_DEPLOYMENTS = 100


@dataclass(frozen=True)
class InTarget:
    record: Any
    connection: Connection
    entry: SyncMapEntry | None
    url: str | None
    state: str


def records_of(obj: Model) -> list[Model]:
    """The record and what its page also shows: an application's deployments travel with it."""
    if isinstance(obj, BusinessApplication):
        return [obj, *obj.deployments.all()[:MOST_DEPLOYMENTS]]
    return [obj]


def state_of(record: Any, entry: SyncMapEntry | None, skipped: bool) -> str:
    if entry is None:
        return "Left out by matching" if skipped else "Not in this target yet"
    if not entry.target_id:
        return "Create interrupted: publish again"
    if entry.last_synced_at is None:
        return f"{entry.get_direction_display()}; not synced yet"
    if record.updated_at > entry.last_synced_at:
        return "Changed since the last sync"
    return "In sync"


def record_link(connection: Connection, entry: SyncMapEntry | None) -> str | None:
    if entry is None or not entry.target_id:
        return None
    try:
        return platform_of(connection).record_url(connection, entry.target_type, entry.target_id)
    except LookupError:  # a connection of a platform this installation does not have
        return None


def in_targets(obj: Model) -> list[InTarget]:
    """One row per record (the object, and an application's deployments) and connection."""
    if type(obj) not in KINDS:
        return []
    records = records_of(obj)
    connections = list(Connection.objects.filter(namespace_id=obj.namespace_id).order_by("name"))
    if not connections:
        return []
    ids = [r.pk for r in records]
    entries = {
        (e.connection_id, e.kind, e.record_id): e
        for e in SyncMapEntry.objects.filter(connection__in=connections, record_id__in=ids)
    }
    skipped = set(
        MatchChoice.objects.filter(
            connection__in=connections, record_id__in=ids, decision=MatchChoice.Decision.SKIP
        ).values_list("connection_id", "kind", "record_id")
    )
    rows = []
    for record in records:
        kind = KINDS[type(record)]
        for connection in connections:
            key = (connection.pk, kind, record.pk)
            entry = entries.get(key)
            rows.append(
                InTarget(
                    record,
                    connection,
                    entry,
                    record_link(connection, entry),
                    state_of(record, entry, key in skipped),
                )
            )
    return rows
