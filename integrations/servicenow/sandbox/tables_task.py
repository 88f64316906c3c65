"""The task tables of the sandbox's data dictionary: change requests and their approvals, the standard
change catalog, journal entries, incidents, problems and attachments."""

from .columns import APPROVAL, CHANGE_STATE, DT, INT, JOURNAL, B, Column, S, Table, choice, ref

TASK_TABLES = [
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
            "work_notes": JOURNAL,
            "parent": ref("task"),
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
            "std_change_producer_version": ref("std_change_producer_version"),
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
    # Standard change catalog: a template (catalog item) has versions; each names the template whose
    # encoded field values a standard change created from it receives.
    Table(
        "std_change_record_producer",
        "Standard Change Template",
        columns={
            "name": S,
            "short_description": S,
            "active": Column("boolean", default="true"),
            "current_version": ref("std_change_producer_version"),
        },
        acl="system",
    ),
    Table(
        "std_change_producer_version",
        "Standard Change Template Version",
        columns={
            "name": S,
            "std_change_producer": ref("std_change_record_producer"),
            "version": INT,
            "template": ref("std_change_template"),
        },
        acl="system",
    ),
    Table(
        "std_change_template",
        "Standard Change Template Values",
        columns={
            "name": S,
            "short_description": S,
            "table": Column(default="change_request"),
            "template": S,
            "active": Column("boolean", default="true"),
        },
        acl="system",
    ),
    Table(
        "sys_journal_field",
        "Journal Entry",
        columns={"name": S, "element": S, "element_id": S, "value": S},
        acl="task",
        display="value",
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
]
