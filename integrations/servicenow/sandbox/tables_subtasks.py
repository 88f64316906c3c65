"""Task tables under a change or a problem (`change_task`, `problem_task`) and the service catalog's
requests, requested items and catalog tasks (`sc_request`, `sc_req_item`, `sc_task`), with the state
values and types a stock instance gives them."""

from dataclasses import replace

from .columns import CALLER, DT, INT, B, Column, S, Table, choice, ref

CHANGE_TASK_STATE = (
    ("-5", "Pending"),
    ("1", "Open"),
    ("2", "In Progress"),
    ("3", "Closed"),
    ("4", "Canceled"),
)
REQUEST_STATE = tuple(
    (v, v.replace("_", " ").capitalize())
    for v in (
        "draft",
        "submitted",
        "requested",
        "in_process",
        "delivered",
        "cancelled",
        "closed_incomplete",
        "closed_complete",
        "closed_cancelled",
        "closed_rejected",
        "closed_skipped",
    )
)
CATALOG_TASK_STATE = (
    ("-5", "Pending"),
    ("1", "Open"),
    ("2", "Work in Progress"),
    ("3", "Closed Complete"),
    ("4", "Closed Incomplete"),
    ("7", "Closed Skipped"),
)
PROBLEM_TASK_STATE = (("151", "New"), ("152", "Assess"), ("154", "Work in Progress"), ("157", "Closed"))

SUBTASK_TABLES = (
    Table(
        "change_task",
        "Change Task",
        "task",
        {
            "change_request": ref("change_request"),
            "change_task_type": choice(
                (
                    ("planning", "Planning"),
                    ("implementation", "Implementation"),
                    ("testing", "Testing"),
                    ("review", "Review"),
                ),
                "implementation",
            ),
            "state": choice(CHANGE_TASK_STATE, "1"),
            "on_hold": B,
            "on_hold_reason": S,
            "planned_start_date": DT,
            "planned_end_date": DT,
            "close_code": choice(
                (
                    ("successful", "Successful"),
                    ("successful_issues", "Successful with issues"),
                    ("unsuccessful", "Unsuccessful"),
                )
            ),
        },
        acl="task",
        display="number",
        number_prefix="CTASK",
    ),
    Table(
        "problem_task",
        "Problem Task",
        "task",
        {
            "problem": ref("problem"),
            "problem_task_type": choice((("rca", "Root Cause Analysis"), ("general", "General")), "general"),
            "state": choice(PROBLEM_TASK_STATE, "151"),
            "cause_code": S,
            "fix_notes": S,
            "work_notes_list": S,
            "close_code": choice((("completed", "Completed"), ("canceled", "Canceled"))),
            "other_reason": Column(),
        },
        acl="task",
        display="number",
        number_prefix="PTASK",
    ),
    Table(
        "sc_request",
        "Request",
        "task",
        {
            "requested_for": replace(ref("sys_user"), default=CALLER),
            "request_state": choice(REQUEST_STATE, "submitted"),
            "stage": S,
            "delivery_plan": S,
            "delivery_task": S,
            "delivery_address": S,
            "special_instructions": S,
            "price": S,
        },
        acl="task",
        display="number",
        number_prefix="REQ",
    ),
    Table(
        "sc_req_item",
        "Requested Item",
        "task",
        {
            "request": ref("sc_request"),
            "requested_for": ref("sys_user"),
            "cat_item": S,
            "quantity": Column("integer", default="1"),
            "stage": S,
        },
        acl="task",
        display="number",
        number_prefix="RITM",
    ),
    Table(
        "sc_task",
        "Catalog Task",
        "task",
        {
            "request": ref("sc_request"),
            "request_item": ref("sc_req_item"),
            "requested_for": ref("sys_user"),
            "state": choice(CATALOG_TASK_STATE, "1"),
            "order": INT,
            "delivery_plan": S,
            "delivery_task": S,
        },
        acl="task",
        display="number",
        number_prefix="SCTASK",
    ),
)
