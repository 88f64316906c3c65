"""The configuration package: an Update Set in the XML a ServiceNow instance exports and imports, which
registers the connection's data source (one `sys_choice` row, never the whole choice list), identification
rules (`cmdb_identifier` + `cmdb_identifier_entry`), reconciliation rules making the data source
authoritative for the attributes it owns (`cmdb_reconciliation_definition`) and data refresh rules
(`cmdb_datasource_staleness`); optionally, per ticket sync pair, an outbound REST message and a business
rule calling the pair's webhook (`update_set_hooks`).

Every sys_id is derived from the connection id and the record's role, so a newer download imported over
an older one updates the same records instead of adding new ones.
"""

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, SubElement, tostring  # noqa: S405  (building, not parsing)

from .mapping import published_fields
from .update_set_hooks import REST_TABLES, TicketHook, hook_records

NAMESPACE = uuid.UUID("5d1c3a4e-6f0b-4c55-9a7e-2b8f0c9d1e27")
CLASSES = {
    "cmdb_ci_business_app": "Business Application",
    "cmdb_ci_service_auto": "Application Service",
    "cmdb_ci_service_technical": "Technical Service",
}
IDENTIFIER_ENTRIES = {
    "cmdb_ci_business_app": ("correlation_id", "name"),
    "cmdb_ci_service_auto": ("correlation_id",),
    "cmdb_ci_service_technical": ("correlation_id",),
}
# per class, exactly the fields the product publishes (see mapping.published_fields)
AUTHORITATIVE = {table: published_fields(table) for table in CLASSES}
TYPES = {
    "sys_choice": "Choice",
    "cmdb_identifier": "CI Identifier",
    "cmdb_identifier_entry": "Identifier Entry",
    "cmdb_reconciliation_definition": "Reconciliation Rule",
    "cmdb_datasource_staleness": "Data Source Staleness Definition",
    **REST_TABLES,
}
# characters XML 1.0 cannot carry at all (not even escaped)
FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
AUTHOR = "portfolio.bridge"


class PackageError(ValueError):
    """The connection's settings cannot be written into an Update Set (the message says which)."""


@dataclass(frozen=True)
class PackageSettings:
    """Plain data from the connection: who the package is for and how authoritative it makes it."""

    connection_id: str
    connection_name: str
    data_source: str
    priority: int = 200
    refresh_days: int = 2
    ticket_hooks: tuple[TicketHook, ...] = ()


@dataclass(frozen=True)
class PackageRecord:
    table: str
    role: str  # what the record is for, e.g. "identifier:cmdb_ci_business_app"
    values: dict[str, str]
    references: dict[str, tuple[str, str]]  # field → (sys_id, display value)
    summary: str

    @property
    def update_name(self) -> str:
        return f"{self.table}_{self.values['sys_id']}"


def sys_id_for(settings: PackageSettings, role: str) -> str:
    return uuid.uuid5(NAMESPACE, f"{settings.connection_id}:{role}").hex


def package_records(settings: PackageSettings) -> list[PackageRecord]:
    """What the package contains, record by record (the checklist page lists the same)."""
    _check(settings)
    source = settings.data_source
    records = [
        PackageRecord(
            "sys_choice",
            "discovery_source",
            {
                "name": "cmdb_ci",
                "element": "discovery_source",
                "value": source,
                "label": source,
                "language": "en",
                "sequence": "0",
                "inactive": "false",
                "dependent_value": "",
            },
            {},
            f"The discovery source “{source}” (a choice of cmdb_ci.discovery_source)",
        )
    ]
    for table, label in CLASSES.items():
        identifier = sys_id_for(settings, f"identifier:{table}")
        records.append(
            PackageRecord(
                "cmdb_identifier",
                f"identifier:{table}",
                {
                    "name": f"Portfolio Bridge: {label}",
                    "applies_to": table,
                    "independent": "true",
                    "active": "true",
                    "description": f"Identifies {label} CIs published by Portfolio Bridge ({source}).",
                },
                {},
                f"Identification rule for {table}",
            )
        )
        for order, attribute in enumerate(IDENTIFIER_ENTRIES[table], start=1):
            records.append(
                PackageRecord(
                    "cmdb_identifier_entry",
                    f"identifier_entry:{table}:{attribute}",
                    {
                        "table": table,
                        "attributes": attribute,
                        "order": str(order * 100),
                        "active": "true",
                        "allow_null_attribute": "false",
                        "allow_fallback": "false",
                        "exact_count_match": "false",
                        "condition": "",
                    },
                    {"identifier": (identifier, f"Portfolio Bridge: {label}")},
                    f"  identifier entry {order}: {attribute}",
                )
            )
        records.append(
            PackageRecord(
                "cmdb_reconciliation_definition",
                f"reconciliation:{table}",
                {
                    "name": f"Portfolio Bridge: {label}",
                    "applies_to": table,
                    "discovery_source": source,
                    "attributes": ",".join(AUTHORITATIVE[table]),
                    "priority": str(settings.priority),
                    "active": "true",
                    "condition": "",
                },
                {},
                f"Reconciliation rule for {table}: {source} is authoritative for "
                f"{', '.join(AUTHORITATIVE[table])} (priority {settings.priority})",
            )
        )
        records.append(
            PackageRecord(
                "cmdb_datasource_staleness",
                f"staleness:{table}",
                {
                    "name": f"Portfolio Bridge: {label}",
                    "applies_to": table,
                    "discovery_source": source,
                    "effective_duration": str(settings.refresh_days),
                    "active": "true",
                },
                {},
                f"Data refresh rule for {table}: {source}'s values stay authoritative for "
                f"{settings.refresh_days} day{'s' if settings.refresh_days != 1 else ''} after a publish",
            )
        )
    for hook in settings.ticket_hooks:
        records += [PackageRecord(*r) for r in hook_records(hook, lambda role: sys_id_for(settings, role))]
    return [
        PackageRecord(
            r.table, r.role, {**r.values, "sys_id": sys_id_for(settings, r.role)}, r.references, r.summary
        )
        for r in records
    ]


def build_update_set(settings: PackageSettings, now: datetime | None = None) -> bytes:
    """The Update Set file, as `Retrieved Update Sets` → `Import Update Set from XML` expects it."""
    records = package_records(settings)
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S")
    name = f"Portfolio Bridge configuration for {settings.connection_name}"
    header_id = sys_id_for(settings, "remote_update_set")
    unload = Element("unload", unload_date=stamp)
    header = SubElement(unload, "sys_remote_update_set", action="INSERT_OR_UPDATE")
    _fields(
        header,
        {
            "application": ("global", {"display_value": "Global"}),
            "application_name": "Global",
            "application_scope": "global",
            "application_version": "",
            "collisions": "",
            "commit_date": "",
            "deleted": "",
            "description": f"Registers the data source {settings.data_source} with identification, "
            f"reconciliation and data refresh rules for Portfolio Bridge"
            f"{' and ticket webhook business rules' if settings.ticket_hooks else ''} "
            f"({len(records)} records).",
            "inserted": "",
            "name": name,
            "origin_sys_id": "",
            "parent": ("", {"display_value": ""}),
            "release_date": "",
            "remote_base_update_set": ("", {"display_value": ""}),
            "remote_parent_id": "",
            "remote_sys_id": sys_id_for(settings, "update_set"),
            "state": "loaded",
            "summary": "",
            "sys_class_name": "sys_remote_update_set",
            "sys_created_by": AUTHOR,
            "sys_created_on": stamp,
            "sys_id": header_id,
            "sys_mod_count": "0",
            "sys_updated_by": AUTHOR,
            "sys_updated_on": stamp,
            "update_set": ("", {"display_value": ""}),
            "update_source": ("", {"display_value": ""}),
            "updated": "",
        },
    )
    for record in records:
        payload = _payload(record)
        digest = _java_hash(payload)
        guid = uuid.uuid5(NAMESPACE, f"{header_id}:{payload}").hex
        entry = SubElement(unload, "sys_update_xml", action="INSERT_OR_UPDATE")
        _fields(
            entry,
            {
                "action": "INSERT_OR_UPDATE",
                "application": ("global", {"display_value": "Global"}),
                "category": "customer",
                "comments": "",
                "name": record.update_name,
                "payload": payload,
                "payload_hash": str(digest),
                "remote_update_set": (header_id, {"display_value": name}),
                "replace_on_upgrade": "false",
                "sys_created_by": AUTHOR,
                "sys_created_on": stamp,
                "sys_id": sys_id_for(settings, f"update:{record.role}"),
                "sys_mod_count": "0",
                "sys_recorded_at": f"{int((now or datetime.now(UTC)).timestamp() * 1000):x}0000001",
                "sys_updated_by": AUTHOR,
                "sys_updated_on": stamp,
                "table": record.values.get("applies_to")
                or record.values.get("collection")
                or record.values.get("table", ""),
                "target_name": record.values.get("name") or record.values.get("attributes", ""),
                "type": TYPES[record.table],
                "update_domain": "global",
                "update_guid": guid,
                "update_guid_history": f"{guid}:{digest}",
                "update_set": ("", {"display_value": ""}),
                "view": "",
            },
        )
    # laid out as the instance writes it: one element per line, empty elements as <x></x>
    unload.text = "\n"
    for element in unload.iter():
        if element is not unload:
            element.tail = "\n"
        if len(element) and element is not unload:
            element.text = "\n"
    document = tostring(unload, encoding="unicode", short_empty_elements=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>' + document.encode("utf-8")


def _payload(record: PackageRecord) -> str:
    """A whole `record_update` document, stored as text inside `<payload>` (escaped by the writer)."""
    document = Element("record_update", table=record.table)
    row = SubElement(document, record.table, action="INSERT_OR_UPDATE")
    values: dict[str, object] = dict(record.values)
    for name, (sys_id, display) in record.references.items():
        values[name] = (sys_id, {"display_value": display})
    values.update(
        sys_class_name=record.table, sys_created_by=AUTHOR, sys_updated_by=AUTHOR, sys_mod_count="0"
    )
    _fields(row, values)
    return '<?xml version="1.0" encoding="UTF-8"?>' + tostring(document, encoding="unicode")


def _fields(parent: Element, values: dict[str, object]) -> None:
    for name in sorted(values):  # real exports list fields alphabetically
        value = values[name]
        text, attributes = value if isinstance(value, tuple) else (value, {})
        SubElement(parent, name, attributes).text = str(text) if text else None


def _java_hash(text: str) -> int:
    """ServiceNow's payload_hash: Java's String.hashCode, a signed 32-bit integer."""
    value = 0
    for unit in text.encode("utf-16-be").hex(" ", 2).split():
        value = (31 * value + int(unit, 16)) & 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


def _check(settings: PackageSettings) -> None:
    for label, value in (
        ("connection name", settings.connection_name),
        ("data source", settings.data_source),
    ):
        bad = FORBIDDEN.search(value)
        if bad:
            raise PackageError(
                f"The {label} contains the character U+{ord(bad.group()):04X}, which XML 1.0 (and so an "
                "Update Set) cannot carry; change it on the connection."
            )
    for hook in settings.ticket_hooks:
        bad = FORBIDDEN.search(hook.name + hook.url)
        if bad or not hook.url.startswith(("https://", "http://")):
            raise PackageError(
                f"The webhook URL of the ticket pair {hook.name} cannot go into an Update Set."
            )
    if not settings.data_source.strip():
        raise PackageError("The connection has no data source name.")
