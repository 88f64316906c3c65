"""Target records their names or descriptions say are retired, duplicates or not to be used ("Print
Services (legacy)", "TEST SERVICE - do not use", a "Lotus Notes Mail" described "RETIRED 2016"). The scorer
reads them apart (sync.scorer.Scorer), so that they neither take a portfolio name from a live record nor
make a live record a person's choice: a retired record is pre-selected only where no live record may be."""

import re

from sync.matching import Candidate, Item
from sync.scorer_names import MINOR
from sync.scorer_readings import UNLIKE

MARKS = r"retired|decommissioned|obsolete|deprecated|superseded|do not use|duplicate|dupe|old record|old"
# the mark alone in brackets or after a last dash, with a year or a pointer to the live record at most:
# "(Retired)", "(DUPLICATE - use Workplace: Printing)", "- RETIRED"; not "Duplicate Payment Detection", nor
# "(legacy)": a legacy platform may well be live ("Virtual Servers - Legacy")
IN_NAME = re.compile(
    rf"\(\s*(?:{MARKS})(?:\s+\d{{4}}|\s*[-–—:,;].*|\s+(?:use|see|replaced)\b.*)?\s*\)"
    rf"|\s[-–—]\s*(?:{MARKS})(?:\s+\d{{4}})?\s*$|\bdo not use\b|^zz_|\bzz_?old\b",
    re.I,
)
CAPITALS = re.compile(r"\b(?:RETIRED|DECOMMISSIONED|OBSOLETE|DEPRECATED|DUPLICATE)\b")  # in a name not all so
# a description that begins by saying so: "Retired 2019, kept for history", "Duplicate record - use …"
IN_DETAILS = re.compile(
    r"^\s*(?:retired\s+(?:in\s+)?\d{4}|decommissioned\b|duplicate\s+(?:of|record|cmdb)\b)"
    r"|\bdo not use\b|\bkept for history\b",
    re.I,
)
RETIRED_WHY = "retired in the target, as its name or description says"
# any of the marks, lower case: most records have none, and are told at once (an "old" only after a bracket
# or a dash: "gold" is none)
HINT = re.compile(r"retire|decommission|obsolete|deprecat|supersed|not use|duplicat|dupe|zz|[(\-–—]\s*old")
HINT_DETAILS = re.compile(f"{HINT.pattern}|for history")
HINTS = ("retire", "decommission", "obsolete", "deprecat", "supersed", "not use", "duplicat", "dupe", "zz")
HINTS += tuple(f"{mark}{space}old" for mark in "(-–—" for space in ("", " ")) + ("for history",)


def is_retired(target: Item) -> bool:
    """Whether a target record's name or description says it is retired, a duplicate or not to be used."""
    marked = [
        text
        for text, hint in ((target.name, HINT), (target.context, HINT_DETAILS))
        if text and hint.search(text.lower())
    ]
    return any(
        IN_NAME.search(text) or (not text.isupper() and CAPITALS.search(text)) for text in marked
    ) or bool(target.context in marked and IN_DETAILS.search(target.context))


def live_and_retired(targets: list[Item]) -> tuple[list[Item], list[Item]]:
    """The live records and the retired ones; all as live where none is retired, or all are."""
    names, details = "\n".join(t.name for t in targets).lower(), "\n".join(t.context for t in targets).lower()
    if not any(mark in names or mark in details for mark in HINTS):
        return targets, []  # most catalogues, at once
    retired = [t for t in targets if is_retired(t)]
    if not retired or len(retired) == len(targets):
        return targets, []
    keys = {id(t) for t in retired}
    return [t for t in targets if id(t) not in keys], retired


def with_retired(live: list[Candidate], retired: list[Candidate], limit: int) -> list[Candidate]:
    """The live records' candidates with the retired ones found by more than a likeness of spelling: a
    retired record only suggested, and below the live records of its score, where a live one is found by
    as much."""
    rivalled = any(c.score >= UNLIKE for c in live)
    marked = []
    for c in retired:
        # what a retired record's description says is mostly what replaced it: "Replaced by Microsoft Teams"
        never = rivalled or c.reason.startswith("its description")
        if c.score >= UNLIKE:
            why = f"{RETIRED_WHY}: suggested, never pre-selected" if never else RETIRED_WHY
            score = c.score - MINOR if never else c.score
            marked.append(
                Candidate(
                    c.target_id,
                    c.name,
                    score,
                    c.reason,
                    c.taken_by,
                    (*c.reasons, why),
                    c.preselectable and not never,
                )
            )
    return sorted([*live, *marked], key=lambda c: -c.score)[:limit]  # stable: live first at one score
