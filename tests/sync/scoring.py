"""One portfolio record scored against a catalogue, as the scorer tests read it."""

from sync.matching import Candidate, Item
from sync.scorer import suggest


def first_candidate(
    name: str, targets: list[Item], version: str = "", versioned: bool = False, aliases=()
) -> Candidate | None:
    """The best candidate for a record of this name and version, or None."""
    found = suggest([Item("l", name, version)], targets, versioned=versioned, aliases=aliases)["l"]
    return found[0] if found else None
