"""Three-way comparison, field by field: the portfolio now, the values last agreed with the target (the
sync map), and the target now.

| portfolio vs last | target vs last | state |
|---|---|---|
| same | same | unchanged |
| changed | same | update |
| same | changed | changed in target (kept by default) |
| changed | changed, to the same value | unchanged (converged) |
| changed | changed, differently | conflict |

Without a last agreement (a record the target already held), the comparison is two-way: every
difference is an update, except identity fields (name, number), which an adopt keeps by default.
"""

from dataclasses import dataclass, field

UNCHANGED, UPDATE, CHANGED_IN_TARGET, CONFLICT = "unchanged", "update", "changed_in_target", "conflict"
KEEP, OVERWRITE, TAKE = "keep", "overwrite", "take"
FIELD_CHOICES = (KEEP, OVERWRITE, TAKE)
GONE = "(record)"  # the pseudo-field of a record deleted in the target


@dataclass(frozen=True)
class FieldChange:
    state: str
    portfolio: str
    last: str | None  # None: never agreed
    target: str
    identity: bool = False

    def as_json(self) -> dict:
        return {
            "state": self.state,
            "portfolio": self.portfolio,
            "last": self.last,
            "target": self.target,
            **({"identity": True} if self.identity else {}),
        }

    def default(self) -> str:
        """What a publish does with this field when nobody decided."""
        if self.state == UPDATE and not self.identity:
            return OVERWRITE
        return KEEP


def field_state(portfolio: str, last: str | None, target: str) -> str:
    if portfolio == target:
        return UNCHANGED
    if last is None:
        return UPDATE
    if portfolio == last:
        return CHANGED_IN_TARGET
    if target == last:
        return UPDATE
    return CONFLICT


@dataclass
class Comparison:
    changes: dict[str, FieldChange] = field(default_factory=dict)

    @property
    def states(self) -> set[str]:
        return {c.state for c in self.changes.values()}

    def as_json(self) -> dict[str, dict]:
        return {name: change.as_json() for name, change in self.changes.items()}


def compare(
    portfolio: dict[str, str],
    last: dict[str, str] | None,
    target: dict[str, str],
    identity: frozenset[str] = frozenset(),
    kept: dict[str, str] | None = None,
) -> Comparison:
    """Only the fields the portfolio publishes are compared; `last` None means no agreement yet.
    `identity` fields are kept by default; `kept` holds target values a publish already chose to keep:
    while neither side moves, that difference is agreed and shows as unchanged."""
    result = Comparison()
    kept = kept or {}
    for name, value in portfolio.items():
        before = None if last is None else last.get(name)
        now = target.get(name, "")
        if name in kept and kept[name] == now and (before is None or before == value):
            continue
        state = field_state(value, before, now)
        if state != UNCHANGED:
            result.changes[name] = FieldChange(state, value, before, now, identity=name in identity)
    return result


def record_state(comparison: Comparison) -> str:
    """The row's outcome from its fields: a conflict anywhere blocks, an update is an update."""
    states = comparison.states
    if CONFLICT in states:
        return CONFLICT
    if UPDATE in states:
        return UPDATE
    if CHANGED_IN_TARGET in states:
        return CHANGED_IN_TARGET
    return UNCHANGED


def to_write(
    diff: dict[str, dict], portfolio: dict[str, str], decisions: dict[str, str], everything: bool = False
) -> dict[str, str] | None:
    """The fields a publish sends for a compared record, by each field's decision or default; None when a
    conflict is undecided. `everything` sends every value (a record created anew)."""
    if everything:
        return dict(portfolio)
    values = {}
    for name, change in diff.items():
        if name == GONE:
            continue
        choice = decisions.get(name)
        if choice is None:
            if change["state"] == CONFLICT:
                return None
            choice = OVERWRITE if change["state"] == UPDATE and not change.get("identity") else KEEP
        if choice == OVERWRITE:
            values[name] = portfolio.get(name, change["portfolio"])
    return values
