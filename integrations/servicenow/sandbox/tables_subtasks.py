"""Task tables under a change or a problem: change tasks (`change_task`) and problem tasks
(`problem_task`), with the state values and types a stock instance gives them."""

from .columns import DT, B, Column, S, Table, choice, ref

CHANGE_TASK_STATE = (
    ("-5", "Pending"),
    ("1", "Open"),
    ("2", "In Progress"),
    ("3", "Closed"),
    ("4", "Canceled"),
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
)
