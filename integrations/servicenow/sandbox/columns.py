"""Building blocks of the sandbox's data dictionary: column and table types, choice lists, ACL groups."""

from dataclasses import dataclass, field

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
# incident: the choice lists of a stock instance, values and labels as the Table API answers them
INCIDENT_STATE = (
    ("1", "New"),
    ("2", "In Progress"),
    ("3", "On Hold"),
    ("6", "Resolved"),
    ("7", "Closed"),
    ("8", "Canceled"),
)
# task and problem: the state lists of a stock instance (incident's and change_request's are above)
TASK_STATE = (
    ("-5", "Pending"),
    ("1", "Open"),
    ("2", "Work in Progress"),
    ("3", "Closed Complete"),
    ("4", "Closed Incomplete"),
    ("7", "Closed Skipped"),
)
PROBLEM_STATE = (
    ("101", "New"),
    ("102", "Assess"),
    ("103", "Root Cause Analysis"),
    ("104", "Fix in Progress"),
    ("106", "Resolved"),
    ("107", "Closed"),
)
IMPACT = (("1", "1 - High"), ("2", "2 - Medium"), ("3", "3 - Low"))
PRIORITY = (
    ("1", "1 - Critical"),
    ("2", "2 - High"),
    ("3", "3 - Moderate"),
    ("4", "4 - Low"),
    ("5", "5 - Planning"),
)
INCIDENT_CLOSE_CODE = tuple(
    (label, label)
    for label in (
        "Duplicate",
        "Known error",
        "No resolution provided",
        "Resolved by caller",
        "Resolved by change",
        "Resolved by problem",
        "Resolved by request",
        "Solution provided",
        "Workaround provided",
        "User error",
    )
)
SERVICE_CLASSIFICATION = (
    ("Business Service", "Business Service"),
    ("Technical Service", "Technical Service"),
    ("Application Service", "Application Service"),
    ("Shared Service", "Shared Service"),
)

# cmdb_ci_server.classification: a server's purpose (value and label alike, as on an instance).
SERVER_CLASSIFICATION = tuple((v, v) for v in ("Production", "Development", "Test", "Staging"))

# Who may read and write a table, by the group of the table.
ACL = {
    "cmdb": ({"admin", "itil", "cmdb_read", "cmdb_write", "asset"}, {"admin", "itil", "cmdb_write"}),
    "task": ({"admin", "itil"}, {"admin", "itil"}),
    "system": ({"admin", "itil", "cmdb_read", "cmdb_write"}, {"admin"}),
    "cmdb_config": ({"admin", "itil", "cmdb_read", "cmdb_write"}, {"admin", "cmdb_write"}),
    "user": ({"admin", "itil", "cmdb_read"}, {"admin"}),
    # contracts, the CIs they cover and companies: asset and contract managers, and ITIL users
    "asset": (
        {"admin", "itil", "asset", "contract_manager", "cmdb_read", "cmdb_write"},
        {"admin", "itil", "asset", "contract_manager"},
    ),
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
    number_start: int = 1000  # the counter before the first number (a stock instance's INC0010001)


def ref(table: str, key: str = "sys_id") -> Column:
    return Column("reference", reference=table, ref_key=key)


def choice(options: tuple[tuple[str, str], ...], default: str = "") -> Column:
    return Column("choice", choices=options, default=default)


# Dictionary defaults an instance computes on insert (its `sys_dictionary.default_value` scripts).
CALLER = "javascript:gs.getUserID()"
NOW = "javascript:gs.nowDateTime()"
HASHED = "password"  # one-way: a write is kept (hashed), a read answers an empty string

S, DT, B, INT = Column(), Column("glide_date_time"), Column("boolean", default="false"), Column("integer")
JOURNAL = Column("journal_input", label="Work notes")  # write-only; entries live in sys_journal_field
COMMENTS = Column("journal_input", label="Additional comments")

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
