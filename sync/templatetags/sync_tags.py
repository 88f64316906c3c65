"""Labels for the three-way diff and the decision pickers of a preview page."""

from django import template

from sync import diff

register = template.Library()

DECISIONS = {
    "adopt": "Adopt existing",
    "create": "Create new",
    "skip": "Skip",
    "keep": "Keep target's values",
    "overwrite": "Overwrite with portfolio",
    "take": "Take into portfolio",
}
STATES = {
    diff.UPDATE: "portfolio changed",
    diff.CHANGED_IN_TARGET: "changed in target",
    diff.CONFLICT: "conflict: both changed",
}


@register.filter
def allowed_for(choices: dict, item) -> tuple[str, ...]:
    return () if item.kind == "relation" else choices.get(item.outcome, ())


@register.filter
def decision_label(value: str) -> str:
    return DECISIONS.get(value, value)


@register.filter
def change_label(change: dict) -> str:
    if change.get("identity"):
        return "identity: kept"
    if change.get("last") is None and change.get("state") == diff.UPDATE:
        return "differs: written"
    return STATES.get(change.get("state", ""), "")


@register.filter
def decidable(change: dict) -> bool:
    """A field whose fate is a choice: changed in the target, in conflict, or kept on adopt."""
    return change.get("state") in (diff.CHANGED_IN_TARGET, diff.CONFLICT) or bool(change.get("identity"))


@register.filter
def default_label(change: dict) -> str:
    if change.get("state") == diff.CONFLICT:
        return "Decide…"
    return (
        "Default: keep target's"
        if change.get("identity") or change.get("state") != diff.UPDATE
        else "Default"
    )


@register.filter
def get(mapping: dict, key: str) -> str:
    return (mapping or {}).get(key, "")
