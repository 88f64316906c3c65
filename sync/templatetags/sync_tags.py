"""Labels of the run and wizard pages: the three-way diff, decision pickers, counts in words, times ago."""

from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

from sync import diff
from sync.models import Outcome

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


# outcome → (one, many); a preview counts what would happen, a publish what did
COUNT_WORDS = {
    "create": (("to create",) * 2, ("created",) * 2),
    "update": (("to update",) * 2, ("updated",) * 2),
    "adopt": (("to adopt",) * 2, ("adopted",) * 2),
    "conflict": (("conflict", "conflicts"),) * 2,
    "possible_duplicate": (("possible duplicate", "possible duplicates"),) * 2,
    "error": (("error", "errors"),) * 2,
}


@register.filter
def counts_in_words(run) -> str:
    """A run's outcome counts as a phrase: "3 to create · 1 possible duplicate · 12 not published"."""
    written = run.kind != "preview"
    parts = []
    for outcome, label in Outcome.choices:
        n = (run.counts or {}).get(outcome)
        if not n:
            continue
        words = COUNT_WORDS.get(outcome)
        one, many = words[written] if words else (label.lower(), label.lower())
        parts.append(f"{n:,} {one if n == 1 else many}")
    return " · ".join(parts) or "—"


@register.filter
def ago(moment) -> str:
    """ "just now" rather than "0 minutes ago"."""
    if moment is None:
        return ""
    if timezone.now() - moment < timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment)} ago"
