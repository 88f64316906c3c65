"""Run rows (one per record or relationship) as the preview and the publish record them."""

from sync.models import RunItem
from sync.plan import Plan, PlanItem


def row_for(item: PlanItem, outcome: str, message: str = "", sys_id: str = "") -> RunItem:
    return RunItem(
        step=item.step,
        kind=item.kind,
        record_id=item.record_id,
        name=item.name,
        target_table=item.class_name,
        target_sys_id=sys_id or item.sys_id,
        outcome=outcome,
        message=message,
    )


def relation_row(plan: Plan, relation: dict, outcome: str, message: str = "", sys_id: str = "") -> RunItem:
    """`relation` as sent to IRE: parent_id, child_id (record ids) and type."""
    parent, child = plan.item(relation["parent_id"]), plan.item(relation["child_id"])
    return RunItem(
        step="app_to_instance" if parent.step == "applications" else "instance_to_service",
        kind="relation",
        record_id=f"{parent.record_id}:{child.record_id}",
        name=f"{parent.name} → {child.name}",
        target_table="cmdb_rel_ci",
        target_sys_id=sys_id,
        outcome=outcome,
        message=message,
        diff={"type": ["", relation["type"]]},
    )
