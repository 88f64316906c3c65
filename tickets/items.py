"""The item a ticket is about, carried across a pair through the portfolio's sync maps: a GLPI item
(Computer, Appliance, ...) is the target of a portfolio record on the pair's GLPI connection, and the same
record's target on its ServiceNow connection is the incident's `cmdb_ci`. Only the sync map is read (ids,
never catalog models), so a ticket's item crosses only when both connections' maps hold its record.

An entry's direction is deliberately not filtered: ServiceNow does not publish infrastructure items, so a
server's entry there is the one a subscribe import wrote ("taken"), next to GLPI's published Computer;
applications are published, adopted or matched. All of them name the same record on both sides."""

from dataclasses import dataclass

from integrations.models import Connection
from sync.models import RecordKind, SyncMapEntry

KINDS = (RecordKind.INFRASTRUCTURE_ITEM, RecordKind.APPLICATION)  # records a ticket can be about


@dataclass(frozen=True)
class GlpiItem:
    itemtype: str
    items_id: int

    @property
    def key(self) -> str:
        return f"{self.itemtype}:{self.items_id}"


def servicenow_ci(glpi: Connection, servicenow: Connection, item: GlpiItem) -> str | None:
    """The sys_id the ServiceNow connection published for the record GLPI shows as `item`."""
    source = SyncMapEntry.objects.filter(
        connection=glpi, kind__in=KINDS, target_type=item.itemtype, target_id=str(item.items_id)
    ).first()
    if source is None:
        return None
    target = (
        SyncMapEntry.objects.filter(connection=servicenow, kind=source.kind, record_id=source.record_id)
        .exclude(target_id="")
        .first()
    )
    return target.target_id if target else None


def glpi_item(glpi: Connection, servicenow: Connection, sys_id: str) -> GlpiItem | None:
    """The GLPI item published for the record whose ServiceNow target is `sys_id`."""
    source = SyncMapEntry.objects.filter(connection=servicenow, kind__in=KINDS, target_id=sys_id).first()
    if source is None:
        return None
    target = (
        SyncMapEntry.objects.filter(connection=glpi, kind=source.kind, record_id=source.record_id)
        .exclude(target_id="")
        .first()
    )
    if target is None or not target.target_id.isdigit():
        return None
    return GlpiItem(target.target_type, int(target.target_id))
