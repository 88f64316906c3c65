"""Editions of software and Microsoft's licence plans, as names write them (sync.match_rules,
sync.match_names, sync.match_brackets, sync.scorer_names, sync.scorer): "Visual Studio Community" and
"Visual Studio Professional" are two products, "Pro" and "Professional" one edition, and "Visio Plan 2" no
version 2 of Visio."""

import re
from collections.abc import Iterable

PLAN = re.compile(r"\bplan ([1-5])(?![\w.])")
PLANS = frozenset(f"plan{n}" for n in range(1, 6))  # licence plans as read ("Visio Plan 2": licence_plans)
# the products Microsoft licenses by plan: "Microsoft Project Plan 3", "Exchange Online Plan 1"
PLANNED = frozenset(
    ["microsoft", "visio", "project", "exchange", "defender", "teams", "intune", "entra", "azure"]
)
# editions as French and Spanish installs name them ("Windows 11 Entreprise", "Office Estándar 2016"): the
# English edition's, and generic words of a software name as the English ones are (sync.match_names)
LOCALISED_EDITIONS = {
    "entreprise": "enterprise",
    "professionnel": "professional",
    "estandar": "standard",
    "professionalnyi": "professional",  # Russian, as normalised: "профессиональный"
}
EDITIONS = {  # edition words, and the edition each names
    **{plan: plan for plan in sorted(PLANS)},
    "enterprise": "enterprise",
    "ee": "enterprise",
    "standard": "standard",
    "std": "standard",
    "se": "standard",
    "professional": "professional",
    "pro": "professional",
    **LOCALISED_EDITIONS,
    "profesional": "professional",  # Spanish too; no generic word, as an English typo is read as a slip
    "community": "community",
    "datacenter": "datacenter",
    "prof": "professional",  # 1C's editions, as normalised: "ПРОФ", "КОРП" (its enterprise edition; not
    "korp": "enterprise",  # another edition of a "1C:Enterprise Accounting")
    "corp": "enterprise",
    "proplus": "proplus",  # Office's volume edition, as read (office_plus): no retail "Professional"
}


def editions_differ(mine: Iterable[str], theirs: Iterable[str], only_editions: bool = True) -> bool:
    """ "Visual Studio Community" and "Visual Studio Professional": two editions, two products; "Pro" and
    "Professional" one; a server and an edition the server's name lacks two too ("PitStop Server", "PitStop
    Pro"). Takes the words each name left out: its edition words, or with `only_editions=False` all of them
    ("Tableau Server" and "Tableau Desktop")."""
    mine, theirs = set(mine), set(theirs)
    left = {EDITIONS.get(w, w) for w in mine if w in EDITIONS or not only_editions}
    right = {EDITIONS.get(w, w) for w in theirs if w in EDITIONS or not only_editions}
    if ("server" in mine) != ("server" in theirs):  # "PitStop Server" and "PitStop Pro"; not "Jamf Pro"
        served, other = (left, right) if "server" in mine else (right, left)
        if {EDITIONS.get(w, w) for w in other if w in EDITIONS} - served:
            return True
    return bool(left) and bool(right) and not left & right


def licence_plans(words: list[str]) -> list[str]:
    """A Microsoft licence plan as one word, an edition of the product: "Visio Plan 2" is no version 2 of
    Visio; "Blue Sky Plan 4" is version 4 of a dental planning product."""
    if words and words[-1] in ("p1", "p2") and len(words) > 2 and not PLANNED.isdisjoint(words):
        head = words[:-2] if words[-2] == "premium" else words[:-1]  # "Entra ID P1", "Azure AD Premium P2"
        return [*head, f"plan{words[-1][1]}"]
    if "plan" not in words[:-1] or PLANNED.isdisjoint(words):
        return words
    joined = " ".join(words)
    return PLAN.sub(r"plan\1", joined).split() if PLAN.search(joined) else words


# Office's volume edition as installs write it, normalised: "Professional Plus", "Pro Plus", "Professionnel
# Plus", "Profesional Plus", "профессиональный плюс" (its "plus" read as a plural: "plu")
PROFESSIONAL = frozenset(["professional", "pro", "professionnel", "profesional", "professionalnyi"])


def office_plus(words: list[str] | tuple[str, ...]) -> tuple[int, ...]:
    """Where a name says "Professional Plus", Office's volume edition: its core is the product's, as a
    catalogue records it without an edition ("Microsoft Office Professional Plus 2016" is its "Microsoft
    Office 2016"), but a name without it is no record of that edition (sync.scorer_ranking)."""
    if ("plu" not in words and "plyu" not in words) or "office" not in words:
        return ()  # most names, at once; not "CCleaner Professional Plus"
    found = [n for n in range(1, len(words)) if words[n] in ("plu", "plyu") and words[n - 1] in PROFESSIONAL]
    return tuple(k for n in found for k in (n - 1, n))


def edition_read(
    words: list[str], generic: frozenset[str], plus: tuple[int, ...], core: list[str]
) -> tuple[str, tuple[str, ...]]:
    """A name's core, as a sorted set of words, and the generic words it leaves out, as editions are
    compared (editions_differ); an Office "Professional Plus" (office_plus) is out of the core ("Microsoft
    Office Professional Plus 2016" is the core of "Microsoft Office 2016") and one edition of its own,
    "proplus", which a retail "Professional" is not."""
    kept = {w for n, w in enumerate(words) if n not in plus and w in core} if plus else set(core)
    if generic.isdisjoint(words) and not plus:
        return " ".join(sorted(kept)), ()  # most names, at once
    dropped = (
        "proplus" if n in plus else w
        for n, w in enumerate(words)
        if n in plus or (w in generic and w != "and")
    )
    return " ".join(sorted(kept or set(core))), tuple(dict.fromkeys(dropped))
