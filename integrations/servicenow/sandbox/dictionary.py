"""The sandbox's data dictionary: the tables the product uses, their columns, choices, references and
class hierarchy (the part of `sys_db_object` / `sys_dictionary` a real instance would have)."""

from dataclasses import dataclass, field
from functools import cache

OPERATIONAL_STATUS = (
    ("1", "Operational"),
    ("2", "Non-Operational"),
    ("3", "Repair in Progress"),
    ("4", "DR Standby"),
    ("5", "Ready"),
    ("6", "Retired"),
    ("7", "Pipeline"),
    ("8", "Catalog"),
)
INSTALL_STATUS = (
    ("1", "Installed"),
    ("2", "On Order"),
    ("3", "In Maintenance"),
    ("4", "Pending Install"),
    ("5", "Pending Repair"),
    ("6", "In Stock"),
    ("7", "Retired"),
    ("8", "Stolen"),
    ("100", "Absent"),
)
CHANGE_STATE = (
    ("-5", "New"),
    ("-4", "Assess"),
    ("-3", "Authorize"),
    ("-2", "Scheduled"),
    ("-1", "Implement"),
    ("0", "Review"),
    ("3", "Closed"),
    ("4", "Canceled"),
)
APPROVAL = (
    ("not requested", "Not Yet Requested"),
    ("requested", "Requested"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
)
SERVICE_CLASSIFICATION = (
    ("Business Service", "Business Service"),
    ("Technical Service", "Technical Service"),
    ("Application Service", "Application Service"),
    ("Shared Service", "Shared Service"),
)

# Who may read and write a table, by the group of the table.
ACL = {
    "cmdb": ({"admin", "itil", "cmdb_read", "cmdb_write", "asset"}, {"admin", "itil", "cmdb_write"}),
    "task": ({"admin", "itil"}, {"admin", "itil"}),
    "system": ({"admin", "itil", "cmdb_read", "cmdb_write"}, {"admin"}),
    "cmdb_config": ({"admin", "itil", "cmdb_read", "cmdb_write"}, {"admin", "cmdb_write"}),
    "user": ({"admin", "itil", "cmdb_read"}, {"admin"}),
}


@dataclass(frozen=True)
class Column:
    type: str = "string"
    reference: str = ""
    ref_key: str = "sys_id"  # the referenced record's field the value holds (life cycle stages use name)
    choices: tuple[tuple[str, str], ...] = ()
    mandatory: bool = False
    default: str = ""
    label: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    label: str
    parent: str | None = None
    columns: dict[str, Column] = field(default_factory=dict)
    acl: str = "cmdb"
    display: str = "name"
    number_prefix: str = ""


def ref(table: str, key: str = "sys_id") -> Column:
    return Column("reference", reference=table, ref_key=key)


def choice(options: tuple[tuple[str, str], ...], default: str = "") -> Column:
    return Column("choice", choices=options, default=default)


S, DT, B, INT = Column(), Column("glide_date_time"), Column("boolean", default="false"), Column("integer")

SYSTEM_COLUMNS = {
    "sys_id": Column("GUID"),
    "sys_created_on": DT,
    "sys_created_by": S,
    "sys_updated_on": DT,
    "sys_updated_by": S,
    "sys_mod_count": Column("integer", default="0"),
    "sys_class_name": Column("sys_class_name"),
    "sys_tags": S,
    "sys_domain": ref("sys_user_group"),
    "sys_domain_path": Column(default="/"),
}

_TABLES = [
    Table(
        "cmdb_ci",
        "Configuration Item",
        columns={
            "name": S,
            "short_description": S,
            "description": S,
            "operational_status": choice(OPERATIONAL_STATUS, "1"),
            "install_status": choice(INSTALL_STATUS, "1"),
            "correlation_id": S,
            "discovery_source": Column("choice"),
            "first_discovered": DT,
            "last_discovered": DT,
            "owned_by": ref("sys_user"),
            "managed_by": ref("sys_user"),
            "managed_by_group": ref("sys_user_group"),
            "support_group": ref("sys_user_group"),
            "assigned_to": ref("sys_user"),
            "company": ref("core_company"),
            "vendor": ref("core_company"),
            "manufacturer": ref("core_company"),
            "model_id": ref("cmdb_model"),
            "model_category": S,
            "life_cycle_stage": ref("life_cycle_stage", "name"),
            "life_cycle_stage_status": ref("life_cycle_stage_status", "name"),
            "version": S,
            "duplicate_of": ref("cmdb_ci"),
            "category": S,
            "subcategory": S,
            "comments": S,
            "sys_class_path": S,
        },
    ),
    Table(
        "cmdb_ci_business_app",
        "Business Application",
        "cmdb_ci",
        {
            "number": S,
            "application_type": S,
            "architecture_type": S,
            "install_type": S,
            "platform": S,
            "business_criticality": choice(
                (
                    ("1 - most critical", "1 - most critical"),
                    ("2 - somewhat critical", "2 - somewhat critical"),
                    ("3 - less critical", "3 - less critical"),
                    ("4 - not critical", "4 - not critical"),
                )
            ),
            "user_base": S,
            "data_classification": S,
            "it_application_owner": ref("sys_user"),
            "business_owner": ref("sys_user"),
            "technology_stack": S,
            "emergency_tier": S,
        },
        number_prefix="APM",
    ),
    Table(
        "cmdb_ci_service",
        "Service",
        "cmdb_ci",
        {
            "service_classification": choice(SERVICE_CLASSIFICATION, "Business Service"),
            "busines_criticality": S,
            "used_for": S,
            "service_status": S,
            "portfolio_status": S,
            "number": S,
        },
        number_prefix="BSN",
    ),
    Table("cmdb_ci_service_auto", "Application Service", "cmdb_ci_service", {"environment": S}),
    Table("cmdb_ci_service_discovered", "Mapped Application Service", "cmdb_ci_service_auto"),
    Table("cmdb_ci_service_technical", "Technology Management Service", "cmdb_ci_service"),
    Table("cmdb_ci_service_business", "Business Service", "cmdb_ci_service"),
    Table(
        "service_offering",
        "Service Offering",
        "cmdb_ci_service",
        {"parent": ref("cmdb_ci_service")},
        number_prefix="SVO",
    ),
    Table("cmdb_ci_appl", "Application", "cmdb_ci"),
    Table("cmdb_ci_hardware", "Hardware", "cmdb_ci", {"serial_number": S, "asset_tag": S}),
    Table("cmdb_ci_computer", "Computer", "cmdb_ci_hardware", {"os": S, "ip_address": S, "ram": S}),
    Table("cmdb_ci_server", "Server", "cmdb_ci_computer"),
    Table("cmdb_ci_linux_server", "Linux Server", "cmdb_ci_server"),
    Table("cmdb_ci_win_server", "Windows Server", "cmdb_ci_server"),
    Table(
        "cmdb_rel_ci",
        "CI Relationship",
        columns={
            "parent": ref("cmdb_ci"),
            "child": ref("cmdb_ci"),
            "type": ref("cmdb_rel_type"),
            "connection_strength": S,
            "port": S,
        },
        display="type",
    ),
    Table(
        "cmdb_rel_type",
        "CI Relationship Type",
        columns={"name": S, "parent_descriptor": S, "child_descriptor": S, "sys_name": S},
        acl="cmdb_config",
    ),
    Table(
        "cmdb_model",
        "Product Model",
        columns={
            "name": S,
            "display_name": S,
            "manufacturer": ref("core_company"),
            "model_number": S,
            "short_description": S,
            "status": Column(default="In Production"),
        },
    ),
    Table(
        "cmdb_software_product_model",
        "Software Model",
        "cmdb_model",
        {"version": S, "edition": S, "platform": S, "language": S, "product": S},
    ),
    Table("cmdb_application_product_model", "Application Model", "cmdb_model"),
    Table("core_company", "Company", columns={"name": S, "manufacturer": B, "vendor": B}, acl="user"),
    Table(
        "sys_user",
        "User",
        columns={
            "user_name": S,
            "first_name": S,
            "last_name": S,
            "name": S,
            "email": S,
            "title": S,
            "active": Column("boolean", default="true"),
            "roles": S,
        },
        acl="user",
    ),
    Table(
        "sys_user_group",
        "Group",
        columns={"name": S, "description": S, "manager": ref("sys_user")},
        acl="user",
    ),
    Table(
        "sys_choice",
        "Choices",
        columns={
            "name": S,
            "element": S,
            "value": S,
            "label": S,
            "language": Column(default="en"),
            "sequence": Column("integer", default="0"),
            "inactive": B,
            "dependent_value": S,
        },
        acl="system",
        display="label",
    ),
    Table(
        "sys_dictionary",
        "Dictionary Entry",
        columns={
            "name": S,
            "element": S,
            "column_label": S,
            "internal_type": S,
            "reference": S,
            "mandatory": B,
            "max_length": Column("integer", default="40"),
            "active": Column("boolean", default="true"),
        },
        acl="system",
        display="element",
    ),
    Table(
        "sys_db_object",
        "Table",
        columns={"name": S, "label": S, "super_class": ref("sys_db_object"), "is_extendable": B},
        acl="system",
    ),
    Table("life_cycle_stage", "Life Cycle Stage", columns={"name": S}, acl="system"),
    Table(
        "life_cycle_stage_status",
        "Life Cycle Stage Status",
        columns={"name": S, "life_cycle_stage": ref("life_cycle_stage", "name")},
        acl="system",
    ),
    Table(
        "cmdb_identifier",
        "CI Identifier",
        columns={
            "name": S,
            "applies_to": S,
            "independent": Column("boolean", default="true"),
            "active": Column("boolean", default="true"),
            "description": S,
        },
        acl="cmdb_config",
    ),
    Table(
        "cmdb_identifier_entry",
        "Identifier Entry",
        columns={
            "identifier": ref("cmdb_identifier"),
            "table": S,
            "attributes": S,
            "order": Column("integer", default="100"),
            "active": Column("boolean", default="true"),
            "allow_null_attribute": B,
            "allow_fallback": B,
            "exact_count_match": B,
            "condition": S,
        },
        acl="cmdb_config",
        display="attributes",
    ),
    Table(
        "cmdb_reconciliation_definition",
        "Reconciliation Rule",
        columns={
            "name": S,
            "applies_to": S,
            "discovery_source": S,
            "attributes": S,
            "priority": Column("integer", default="100"),
            "active": Column("boolean", default="true"),
            "condition": S,
        },
        acl="cmdb_config",
    ),
    Table(
        "cmdb_datasource_staleness",
        "Data Source Staleness Definition",
        columns={
            "name": S,
            "applies_to": S,
            "discovery_source": S,
            "effective_duration": Column("integer", default="0"),
            "active": Column("boolean", default="true"),
        },
        acl="cmdb_config",
    ),
    Table(
        "cmdb_datasource_last_update",
        "Data Source History",
        columns={"ci": ref("cmdb_ci"), "attribute": S, "discovery_source": S},
        acl="cmdb_config",
        display="attribute",
    ),
    Table(
        "sys_object_source",
        "Source",
        columns={"name": S, "id": S, "target_table": S, "target_sys_id": S, "last_scan": DT},
        acl="cmdb_config",
    ),
    Table(
        "reconcile_duplicate_task",
        "De-duplication Task",
        columns={"number": S, "short_description": S, "duplicate_cis": S, "state": Column(default="1")},
        acl="cmdb_config",
        display="number",
        number_prefix="DUP",
    ),
    Table(
        "sys_rate_limit_rules",
        "Rate Limit Rule",
        columns={
            "name": S,
            "rest_api": S,
            "limit": INT,
            "active": Column("boolean", default="true"),
            "type": S,
        },
        acl="system",
    ),
    Table(
        "task",
        "Task",
        columns={
            "number": S,
            "short_description": S,
            "description": S,
            "state": S,
            "active": Column("boolean", default="true"),
            "approval": choice(APPROVAL, "not requested"),
            "assigned_to": ref("sys_user"),
            "assignment_group": ref("sys_user_group"),
            "opened_by": ref("sys_user"),
            "opened_at": DT,
            "priority": Column(default="4"),
            "impact": Column(default="3"),
            "urgency": Column(default="3"),
            "cmdb_ci": ref("cmdb_ci"),
            "close_notes": S,
            "comments": S,
        },
        acl="task",
        display="number",
        number_prefix="TASK",
    ),
    Table(
        "change_request",
        "Change Request",
        "task",
        {
            "type": choice(
                (("normal", "Normal"), ("standard", "Standard"), ("emergency", "Emergency")), "normal"
            ),
            "state": choice(CHANGE_STATE, "-5"),
            "close_code": choice(
                (
                    ("successful", "Successful"),
                    ("successful_issues", "Successful with issues"),
                    ("unsuccessful", "Unsuccessful"),
                )
            ),
            "requested_by": ref("sys_user"),
            "start_date": DT,
            "end_date": DT,
            "risk": Column(default="3"),
            "justification": S,
            "implementation_plan": S,
            "backout_plan": S,
            "test_plan": S,
            "on_hold": B,
        },
        acl="task",
        display="number",
        number_prefix="CHG",
    ),
    Table(
        "sysapproval_approver",
        "Approval",
        columns={
            "approver": ref("sys_user"),
            "sysapproval": ref("task"),
            "state": choice(APPROVAL, "requested"),
            "comments": S,
        },
        acl="task",
        display="state",
    ),
    Table(
        "incident",
        "Incident",
        "task",
        {"caller_id": ref("sys_user"), "category": S},
        acl="task",
        display="number",
        number_prefix="INC",
    ),
    Table(
        "problem",
        "Problem",
        "task",
        {"problem_statement": S},
        acl="task",
        display="number",
        number_prefix="PRB",
    ),
    Table(
        "sys_attachment",
        "Attachment",
        columns={
            "file_name": S,
            "content_type": S,
            "size_bytes": INT,
            "size_compressed": INT,
            "table_name": S,
            "table_sys_id": S,
            "hash": S,
        },
        acl="task",
        display="file_name",
    ),
    Table(
        "sys_remote_update_set",
        "Retrieved Update Set",
        columns={
            "name": S,
            "state": Column(default="loaded"),
            "remote_sys_id": S,
            "commit_date": DT,
            "description": S,
        },
        acl="system",
    ),
    Table(
        "ast_contract",
        "Contract",
        columns={
            "number": S,
            "short_description": S,
            "vendor": ref("core_company"),
            "starts": S,
            "ends": S,
            "cost": S,
            "state": S,
        },
        acl="cmdb",
        display="number",
        number_prefix="CNTR",
    ),
]

TABLES: dict[str, Table] = {t.name: t for t in _TABLES}


def known(table: str) -> bool:
    return table in TABLES


def ancestors(table: str) -> list[str]:
    """`table` and its parents, nearest first."""
    chain = []
    current: str | None = table
    while current:
        chain.append(current)
        current = TABLES[current].parent if current in TABLES else None
    return chain


@cache
def descendants(table: str) -> tuple[str, ...]:
    """`table` and every class extending it."""
    found = [table]
    for name, t in TABLES.items():
        if t.parent == table:
            found += descendants(name)
    return tuple(found)


def is_ci_class(table: str) -> bool:
    return "cmdb_ci" in ancestors(table)


def columns(table: str) -> dict[str, Column]:
    """Every column of `table`, including inherited and system ones."""
    merged = dict(SYSTEM_COLUMNS)
    for name in reversed(ancestors(table)):
        if name in TABLES:
            merged.update(TABLES[name].columns)
    return merged


def root_table(table: str) -> str:
    return ancestors(table)[-1]


def acl(table: str) -> tuple[set[str], set[str]]:
    group = TABLES[root_table(table)].acl if root_table(table) in TABLES else "cmdb"
    return ACL[group]


def display_field(table: str) -> str:
    return TABLES[root_table(table)].display if root_table(table) in TABLES else "name"


def number_prefix(table: str) -> str:
    for name in ancestors(table):
        if name in TABLES and TABLES[name].number_prefix:
            return TABLES[name].number_prefix
    return ""
