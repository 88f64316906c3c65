"""What the sync map remembers after a write, so that the next comparison is three-way and cheap."""

from sync import diff
from sync.compare import Finding
from sync.plan import PlanItem, reference_key


def references_of(item: PlanItem) -> dict[str, str]:
    """Which key each reference was looked up by (found, or not found: then it is absent from the
    values), so that the next sync need not look it up again."""
    return {name: reference_key(ref) for name, ref in item.record.references.items()}


def kept_values(item: PlanItem, finding: Finding, sent: dict[str, str]) -> dict[str, str]:
    """The target's values left in place where they differ from the portfolio: those this publish
    kept, and those kept before that still stand."""
    now = finding.current.values if finding.current else {}
    kept = {k: v for k, v in item.kept.items() if k not in sent and k not in finding.diff and now.get(k) == v}
    kept |= {
        name: change["target"]
        for name, change in finding.diff.items()
        if name != diff.GONE and name not in sent and change["state"] != diff.UNCHANGED
    }
    return kept
