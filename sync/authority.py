"""Which side owns which field of a subscribed connection. By default the portfolio owns the business
records it publishes (applications, deployments, IT services: the fields the configuration package
reconciles) and the target owns the infrastructure items it discovers. A connection's setting refines
that per kind ("deployment") or per field ("application.description"); the finer key wins. Only
target-owned changes may be taken without a person, and only when the connection allows it."""

from sync.models import SubscribeState

PORTFOLIO, TARGET = "portfolio", "target"
OWNERS = (PORTFOLIO, TARGET)
DEFAULTS = {
    "application": PORTFOLIO,
    "deployment": PORTFOLIO,
    "it_service": PORTFOLIO,
    "infrastructure_item": TARGET,
}
KINDS = tuple(DEFAULTS)


def state_of(connection) -> SubscribeState:
    """The connection's subscribe state, created when missing: for the writers (a pull, the settings)."""
    state, _ = SubscribeState.objects.get_or_create(connection=connection)
    return state


def read_state(connection) -> SubscribeState:
    """The connection's subscribe state, or an unsaved default one: reading (a page) writes nothing."""
    return SubscribeState.objects.filter(connection=connection).first() or SubscribeState(
        connection=connection
    )


def owner(authority: dict[str, str], kind: str, field_name: str) -> str:
    """The owner of one field under a connection's `authority` setting."""
    return authority.get(f"{kind}.{field_name}") or authority.get(kind) or DEFAULTS.get(kind, PORTFOLIO)


def parse(text: str) -> dict[str, str]:
    """The setting from its text form, one `kind[.field] = owner` per line; ValueError with every reason
    when a line is not one."""
    result, problems = {}, []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = (part.strip() for part in line.partition("="))
        kind = key.partition(".")[0]
        if not sep or kind not in KINDS or value not in OWNERS or key.endswith("."):
            problems.append(
                f"line {number}: write “kind = owner” or “kind.field = owner” with a kind among "
                f"{', '.join(KINDS)} and an owner among {', '.join(OWNERS)}"
            )
            continue
        result[key] = value
    if problems:
        raise ValueError("; ".join(problems))
    return result


def as_text(authority: dict[str, str]) -> str:
    return "\n".join(f"{key} = {value}" for key, value in sorted(authority.items()))
