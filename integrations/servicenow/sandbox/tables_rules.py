"""The business rule table (`sys_script`): rules kept as data, which business_rules.py evaluates."""

from .columns import INT, B, Column, S, Table

SYS_SCRIPT = Table(
    "sys_script",
    "Business Rule",
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
