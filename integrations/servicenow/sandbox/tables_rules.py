"""The business rule table (`sys_script`): rules kept as data, which business_rules.py evaluates; the
application-file base class it extends, the system log and tiny URLs."""

from .columns import INT, B, Column, S, Table

SYS_SCRIPT = Table(
    "sys_script",
    "Business Rule",
    "sys_metadata",
    columns={
        "name": S,
        "collection": S,
        "active": Column("boolean", default="true"),
        "when": Column(default="before"),
        "order": Column("integer", default="100"),
        "priority": INT,
        "action_insert": B,
        "action_update": B,
        "action_delete": B,
        "action_query": B,
        "advanced": B,
        "filter_condition": S,
        "condition": S,
        "template": S,
        "abort_action": B,
        "add_message": B,
        "message": S,
        "script": S,
        "description": S,
    },
    acl="system",
)

# On an instance `sys_metadata` (Application File) is the base class of every configuration record:
# tables, dictionary entries, choices, business rules. PySNC pages through it as a table with many rows.
# `syslog` holds the instance's log messages (a stock instance has thousands; the stock seed adds some).
SYSTEM_TABLES = (
    Table(
        "sys_metadata",
        "Application File",
        columns={"sys_name": S, "sys_package": S, "sys_scope": S, "sys_update_name": S, "sys_policy": S},
        acl="system",
    ),
    Table(
        "syslog",
        "System Log",
        columns={"level": Column("integer", default="0"), "message": S, "source": S, "context_map": S},
        acl="system",
        display="message",
    ),
    # what `POST /api/now/tinyurl` keeps: a long URL (`data`) behind a short `sysparm_tiny` value
    Table("sys_tiny_url", "Tiny URL", columns={"tiny_url": S, "data": S}, acl="task", display="tiny_url"),
)
