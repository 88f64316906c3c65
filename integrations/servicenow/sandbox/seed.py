"""What a new sandbox holds on first start, and `--seed FILE.json` loading."""

import hashlib
from pathlib import Path

from integrations.base.sandbox.store import read_seed_file

from . import dictionary
from .auth import SandboxUser
from .change_catalog import seed_catalog
from .columns import (
    CHANGE_STATE,
    IMPACT,
    INCIDENT_CLOSE_CODE,
    INCIDENT_STATE,
    PRIORITY,
    PROBLEM_STATE,
    SYSTEM_COLUMNS,
    TASK_STATE,
)
from .dictionary_rows import register, register_stored
from .records import Records

REL_TYPES = {
    "Depends on::Used by": "1a9cb166f1571100a92eb60da2bce5c5",
    "Runs on::Runs": "60bc4e22c0a8010e01f074cbe6bd73c3",
    "Contains::Contained by": "55c95bf6c0a8010e0118ec7056ebc54d",
    "Consumes::Consumed by": "41008aa6ef32010098d5925495c0fb94",
    "Uses::Used by": "cb5592603751200032ff8c00dfbe5d17",
    "Exchanges data with::Exchanges data with": "607ad1b2c0a8010e01941856b365af90",
    "Hosted on::Hosts": "5f985e0ec0a8010e00a9714f2a172815",
    "Members::Member of": "55c913d3c0a8010e012d1563182d6050",
    "Owns::Owned by": "25242fb2377a9200738d021a54990e88",
    "Provided By::Provides": "4afd799338a02000c18673032c71b817",
    "Provides::Provided by": "f67e9ecdff602000dada361332f49d35",
    "Defines resources for::Gets resources from": "de5aeb6a0ab3015854626f204fb7b1c0",
    "Virtualized by::Virtualizes": "d93304fb0a0a0b78006081a72ef08444",
}
# discovery_source choices of a new instance (the product's own data source is not among them).
DISCOVERY_SOURCES = [
    "ServiceNow",
    "SCCM",
    "LANDesk",
    "Altiris",
    "OpenView",
    "ImportSet",
    "Manual Entry",
    "Other Automated",
    "Service Mapping",
]
LIFE_CYCLES = {
    "Ideation": ["Under Evaluation", "Pilot"],
    "Purchase": ["On Order", "Preallocated"],
    "Inventory": ["Available"],
    "Design": ["Design", "Chartered", "Build"],
    "Deploy": ["Test"],
    "Operational": ["In Use", "End of Support", "Pending Retirement"],
    "End of Operation": ["On Hold"],
    "End of Life": ["Retired", "Obsolete"],
}
TECHNICAL_OFFERINGS = [
    "Database Services - Gold",
    "Database Services - Silver",
    "Cloud Hosting - Standard",
    "Application Hosting - Windows",
    "Application Hosting - Linux",
    "Network Services",
    "Backup & Recovery",
    "Identity and Access Management",
    "Security Operations Center",
    "End User Computing",
    "Service Desk",
    "Email & Collaboration",
    "Storage Services",
    "Data Center Facilities",
    "Integration Platform",
    "Monitoring & Observability",
    "Disaster Recovery",
    "Print Services",
    "Telephony",
    "Mainframe Services",
]
SOFTWARE_MODELS = [
    ("Oracle Database 19c Enterprise Edition", "Oracle", "19c"),
    ("Oracle Database 12c", "Oracle", "12c"),
    ("Microsoft SQL Server 2019 Standard", "Microsoft", "2019"),
    ("Microsoft SQL Server 2016", "Microsoft", "2016"),
    ("PostgreSQL 15", "PostgreSQL Global Development Group", "15"),
    ("PostgreSQL 13", "PostgreSQL Global Development Group", "13"),
    ("MySQL 8.0", "Oracle", "8.0"),
    ("VMware vSphere 8.0", "Broadcom", "8.0"),
    ("VMware vSphere 7.0", "Broadcom", "7.0"),
    ("Red Hat Enterprise Linux 9", "Red Hat", "9"),
    ("Red Hat Enterprise Linux 8", "Red Hat", "8"),
    ("Windows Server 2022 Datacenter", "Microsoft", "2022"),
    ("Windows Server 2019", "Microsoft", "2019"),
    ("Apache Tomcat 10.1", "Apache Software Foundation", "10.1"),
    ("Apache Tomcat 9.0", "Apache Software Foundation", "9.0"),
    ("NGINX 1.24", "F5", "1.24"),
    ("Microsoft .NET 8.0", "Microsoft", "8.0"),
    ("Java SE 17", "Oracle", "17"),
    ("Java SE 11", "Oracle", "11"),
    ("IBM WebSphere Application Server 9.0", "IBM", "9.0"),
    ("MongoDB 7.0", "MongoDB", "7.0"),
    ("Redis 7.2", "Redis", "7.2"),
    ("Elasticsearch 8.11", "Elastic", "8.11"),
    ("Kubernetes 1.29", "CNCF", "1.29"),
    ("SAP HANA 2.0", "SAP", "2.0"),
    ("Citrix Virtual Apps 7", "Citrix", "7"),
    ("Commvault Complete Backup 11", "Commvault", "11"),
    ("Veeam Backup & Replication 12", "Veeam", "12"),
    ("Splunk Enterprise 9", "Splunk", "9"),
    ("Microsoft IIS 10", "Microsoft", "10"),
]
# Business applications already in the instance: some named exactly as in the demo portfolio, some nearly.
BUSINESS_APPS = [
    "Sage 300",
    "ServiceDesk Plus",
    "Confluence",
    "Microsoft Office 365",
    "Workday",
    "Salesforce CRM",
    "Jira",
    "Tableau",
]
INCIDENT_CHOICES = {
    "state": INCIDENT_STATE,
    "impact": IMPACT,
    "urgency": IMPACT,
    "priority": PRIORITY,
    "close_code": INCIDENT_CLOSE_CODE,
}
# task's own lists (which its other classes inherit), and the state lists problem and change_request redefine
TASK_CHOICES = {
    "task": {"state": TASK_STATE, "impact": IMPACT, "urgency": IMPACT, "priority": PRIORITY},
    "problem": {"state": PROBLEM_STATE},
    "change_request": {"state": CHANGE_STATE},
}
IDENTIFIERS = {
    "cmdb_ci_business_app": ("Business Application Rule", [("name", 100)]),
    "cmdb_ci_service": ("Service Rule", [("name", 100)]),
    "cmdb_ci_hardware": ("Hardware Rule", [("serial_number", 100), ("name", 200)]),
}


def stable_id(*parts: str) -> str:
    """Seed records get the same sys_id in every sandbox, like OOB records on every instance."""
    return hashlib.md5(":".join(parts).encode()).hexdigest()  # noqa: S324


def seed_instance(records: Records, users: tuple[SandboxUser, ...]) -> None:
    """The records of a new instance on first start; on every start, the dictionary rows of tables and
    columns added since (by their stable sys_ids) and a `sys_user` row for every configured user."""
    store = records.store
    register_stored(records)
    records.created_hooks.append(lambda table, row: register(records, table, row))
    with store.transaction():
        add_dictionary(records)
        if not store.meta("seeded"):
            seed_records(records)
            store.set_meta("seeded", "1")
        if not store.meta("seeded-incident-choices"):
            add_choices(records, "incident", INCIDENT_CHOICES)
            store.set_meta("seeded-incident-choices", "1")
        if not store.meta("seeded-task-choices"):
            for table, lists in TASK_CHOICES.items():
                add_choices(records, table, lists)
            store.set_meta("seeded-task-choices", "1")
        if not store.meta("seeded-change-catalog"):
            seed_catalog(records, stable_id)
            store.set_meta("seeded-change-catalog", "1")
        add_users(records, users)


def _add(records: Records, table: str, values: dict[str, str], *key: str) -> dict[str, str]:
    return records.create(table, values, "system", sys_id=stable_id(table, *key))


def add_dictionary(records: Records) -> None:
    """`sys_db_object` / `sys_dictionary` rows for the dictionary's tables and columns, where missing."""
    store = records.store

    def missing(table: str, *key: str) -> bool:
        return stable_id(table, *key) not in store.tables.get(table, {})

    for table in list(dictionary.TABLES.values()):
        if (table.name, "") in dictionary.EXTENDED:
            continue  # defined by its own rows
        if missing("sys_db_object", table.name):
            _add(
                records,
                "sys_db_object",
                {
                    "name": table.name,
                    "label": table.label,
                    "super_class": stable_id("sys_db_object", table.parent) if table.parent else "",
                    "is_extendable": "true",
                },
                table.name,
            )
        for element, column in own_columns(table):
            if (table.name, element) in dictionary.EXTENDED:
                continue
            internal_type, choice = dictionary.dictionary_type(column)
            if missing("sys_dictionary", table.name, element):
                _add(
                    records,
                    "sys_dictionary",
                    {
                        "name": table.name,
                        "element": element,
                        "column_label": column.label or element.replace("_", " ").title(),
                        "internal_type": internal_type,
                        "choice": choice,
                        "reference": column.reference,
                        "mandatory": str(column.mandatory).lower(),
                        "default_value": column.default,
                    },
                    table.name,
                    element,
                )
                continue
            found = store.locate("sys_dictionary", stable_id("sys_dictionary", table.name, element))
            kept = {"internal_type": internal_type, "choice": choice, "default_value": column.default}
            if found and any(found[1].get(k, "") != v for k, v in kept.items()):  # written by older sandboxes
                records.update(found[0], found[1], kept, "system")


def own_columns(table: dictionary.Table) -> list[tuple[str, dictionary.Column]]:
    """The columns `sys_dictionary` lists under `table`: its own, and on a base class (no parent) the
    system columns every class inherits from it, as an instance's dictionary has them."""
    system = [] if table.parent else list(SYSTEM_COLUMNS.items())
    return system + list(table.columns.items())


def add_choices(records: Records, table: str, lists: dict[str, tuple[tuple[str, str], ...]]) -> None:
    """Choice lists as `sys_choice` rows (name=`table`), as a stock instance has them, so field discovery
    reads them like any other choice list."""
    for element, choices in lists.items():
        for sequence, (value, label) in enumerate(choices, start=1):
            _add(
                records,
                "sys_choice",
                {
                    "name": table,
                    "element": element,
                    "value": value,
                    "label": label,
                    "sequence": str(sequence),
                    "language": "en",
                    "inactive": "false",
                },
                table,
                element,
                value,
            )


def user_email(user_name: str) -> str:
    return f"{user_name}@example.com"  # as on a new instance (admin@example.com)


def add_users(records: Records, users: tuple[SandboxUser, ...]) -> None:
    """A `sys_user` row per configured user (`--user` ones included); roles follow the configuration, and
    an empty e-mail (or the one older sandboxes gave, `NAME@sandbox.example`) becomes `NAME@example.com`."""
    for user in users:
        roles = ",".join(sorted(user.roles))
        found = records.store.locate("sys_user", user.sys_id)
        if found is None:
            records.create(
                "sys_user",
                {
                    "user_name": user.user_name,
                    "name": f"{user.user_name.title()} User",
                    "first_name": user.user_name.title(),
                    "last_name": "User",
                    "email": user_email(user.user_name),
                    "roles": roles,
                    "user_password": user.password,
                },
                "system",
                sys_id=user.sys_id,
            )
            continue
        values = {"roles": roles, "user_password": user.password}
        if found[1].get("email", "") in ("", f"{user.user_name}@sandbox.example"):
            values["email"] = user_email(user.user_name)
        records.update(found[0], found[1], values, "system")


def seed_records(records: Records) -> None:
    def add(table: str, values: dict[str, str], *key: str) -> dict[str, str]:
        return _add(records, table, values, *key)

    for name, sys_id in REL_TYPES.items():
        parent, child = name.split("::")
        records.create(
            "cmdb_rel_type",
            {"name": name, "parent_descriptor": parent, "child_descriptor": child, "sys_name": name},
            "system",
            sys_id=sys_id,
        )
    for sequence, value in enumerate(DISCOVERY_SOURCES):
        add(
            "sys_choice",
            {
                "name": "cmdb_ci",
                "element": "discovery_source",
                "value": value,
                "label": value,
                "sequence": str(sequence),
            },
            value,
        )
    for stage, statuses in LIFE_CYCLES.items():
        add("life_cycle_stage", {"name": stage}, stage)
        for status in statuses:
            add("life_cycle_stage_status", {"name": status, "life_cycle_stage": stage}, stage, status)
    for group in ("CMDB Administrators", "Service Desk", "Application Support"):
        add("sys_user_group", {"name": group}, group)
    companies = {m for _, m, _ in SOFTWARE_MODELS}
    for company in sorted(companies):
        add("core_company", {"name": company, "manufacturer": "true", "vendor": "true"}, company)
    for name in TECHNICAL_OFFERINGS:
        add(
            "service_offering",
            {
                "name": name,
                "service_classification": "Technical Service",
                "operational_status": "1",
                "discovery_source": "Manual Entry",
            },
            name,
        )
    for name, manufacturer, version in SOFTWARE_MODELS:
        add(
            "cmdb_software_product_model",
            {
                "name": name,
                "display_name": name,
                "version": version,
                "manufacturer": stable_id("core_company", manufacturer),
            },
            name,
        )
    for name in BUSINESS_APPS:
        add(
            "cmdb_ci_business_app",
            {
                "name": name,
                "operational_status": "1",
                "life_cycle_stage": "Operational",
                "life_cycle_stage_status": "In Use",
                "discovery_source": "Manual Entry",
            },
            name,
        )
    for applies_to, (rule, entries) in IDENTIFIERS.items():
        identifier = add(
            "cmdb_identifier", {"name": rule, "applies_to": applies_to, "independent": "true"}, applies_to
        )
        for attributes, order in entries:
            add(
                "cmdb_identifier_entry",
                {
                    "identifier": identifier["sys_id"],
                    "table": applies_to,
                    "attributes": attributes,
                    "order": str(order),
                },
                applies_to,
                attributes,
            )


def load_seed_file(records: Records, path: Path) -> int:
    """Add (or, for rows that give their sys_id, replace) the rows of `{"<table>": [{field: value}, …]}`."""
    data = read_seed_file(path)
    count = 0
    with records.store.transaction():
        for table, rows in data.items():
            for row in rows:
                sys_id = str(row.get("sys_id") or "")
                found = records.store.locate(table, sys_id) if sys_id else None
                if found:
                    records.update(found[0], found[1], row, "system")
                else:
                    records.create(table, row, "system", sys_id=sys_id or None)
                count += 1
    return count
