"""Run rows (one per record or relationship) as preview, publish and rollback record them."""

from integrations.base.platform import Relation
from sync.models import RunItem
from sync.plan import Plan, PlanItem


def row_for(item: PlanItem, outcome: str, message: str = "", target_id: str = "") -> RunItem:
    return RunItem(
        step=item.step,
        kind=item.kind,
        record_id=item.record_id,
        name=item.name,
        target_type=item.target_type,
        target_id=target_id or item.target_id,
        outcome=outcome,
        message=message,
    )


def relation_key(relation: Relation) -> str:
    return f"{relation.parent}:{relation.child}"


def relation_row(
    plan: Plan,
    relation: Relation,
    outcome: str,
    message: str = "",
    target_id: str = "",
    target_type: str = "",
) -> RunItem:
    parent, child = plan.item(relation.parent), plan.item(relation.child)
    return RunItem(
        step=relation.step,
        kind="relation",
        record_id=relation_key(relation),
        name=f"{parent.name if parent else relation.parent} → {child.name if child else relation.child}",
        target_type=target_type,
        target_id=target_id,
        outcome=outcome,
        message=message,
        diff={"type": {"state": "update", "portfolio": relation.type, "last": None, "target": ""}},
    )
