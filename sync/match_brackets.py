"""What a software name's brackets say that is kept: how it is deployed, a target's licence plan, a licence
that makes an install another product than its name's record; anything else there is an inventory's noise
("Firefox (x64 en-US)", "Java(TM) SE … (64-bit)")."""

import re
from functools import partial

from sync.match_editions import PLAN
from sync.matching import normalise

DEPLOYMENT = frozenset(
    ["cloud", "server", "desktop", "data", "center", "datacenter", "saas", "self", "hosted"]
)
# a student's, a trial's or a home's licence, which a catalogue's record of the product is not, also as
# Russian installs name them ("учебная версия", a training version; "базовая", basic): a suggestion
LICENCES = frozenset(
    normalise("student academic education educational training trial evaluation eval demo").split()
    + normalise("personal home basic учебная ознакомительная пробная базовая").split()
)


def deployed(bracket: re.Match, plans: bool = False) -> str:
    """What a software name's brackets say that is kept: how it is deployed ("Confluence (Cloud)",
    "Jira (Data Center)"), and in a target's name its licence plan (`plans`: "Microsoft Visio (Plan 2)" is
    that edition's record; an install's "Exchange Online (Plan 2)" is the product's), and a licence of
    LICENCES ("SOLIDWORKS 2024 (Student Edition)")."""
    words = normalise(bracket.group(1)).split()
    kept = words and (
        DEPLOYMENT.issuperset(words)
        or (plans and PLAN.fullmatch(" ".join(words)))
        or not LICENCES.isdisjoint(words)
    )
    return f" {bracket.group(1)} " if kept else " "


TARGETS_DEPLOYED = partial(deployed, plans=True)  # `deployed`, for a target's name
