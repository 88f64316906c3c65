"""Acronyms and initials of names: what a name spells ("Web Application Firewall" is "WAF"), the acronym it
declares in brackets, and an acronym one name gives for the other's words (sync.match_names, sync.scorer)."""

import re

from sync.match_rules import BRACKETS
from sync.match_tiers import ENVIRONMENT_CODES, tiers_of
from sync.matching import STOPWORDS, normalise

OF_NAME = re.compile(r"[a-z0-9]+")
NO_INITIALS = STOPWORDS | {"and"}
# the little words of other languages' names, which initials and the words a description gives pass over as
# they do "of" and "and" where a name writes them in lower case: "Sistema Eletrônico de Informações" is SEI,
# "Conciertos y baremos" two words; not "DEI Analytics" nor "Payroll DE", a country's code
LITTLE_WORDS = frozenset(["de", "di", "del", "della", "delle", "dei", "degli", "du", "para", "por"])
LITTLE_WORDS |= {"y", "et", "und", "het", "och", "og", "af", "ve"}
INITIAL = {"database": "db", "it": "it"}  # "CMDB", "ITAM": words that keep more than their first letter
STATES = frozenset(["archive", "archived", "retired", "obsolete", "inactive", "decommissioned"])


def declared(name: str) -> list[str]:
    """The acronym a name gives in brackets and the initials of the rest: "Security Log Monitoring
    (SIEM)" → siem, slm; "Single Sign-On (SAML/OIDC)" → sso."""
    if "(" not in name:
        return []
    found = [initials(normalise(BRACKETS.sub(" ", name)).split())]
    return [*found, acronym] if (acronym := bracketed(name)) else found


def bracketed(name: str) -> str:
    """ "Security Log Monitoring (SIEM)" → "siem": the one acronym-like word a name gives in brackets, or a
    codename in capitals ("Carrier Integration Hub (COURIER)"); not an environment's or a tier's ("Data
    Warehouse (Dev)", "(Gold)"), unless the name spells it ("Disaster Recovery (DR)")."""
    if "(" not in name:
        return ""
    parts = BRACKETS.findall(name)
    inside = [w for part in parts for w in normalise(part).split()]
    word = inside[0] if len(inside) == 1 else ""
    if not word.isalpha() or len(word) < 2:
        return ""
    capitals = any(p.strip().isupper() for p in parts)  # a codename ("COURIER"), not a state ("RETIRED")
    if len(word) > 6 and (word in STATES or not (len(word) <= 10 and capitals)):
        return ""
    if word in ENVIRONMENT_CODES or tiers_of(f"x ({word})"):
        before = OF_NAME.findall(name[: name.index("(")].lower())[-len(word) :]
        return word if len(before) == len(word) and "".join(w[0] for w in before) == word else ""
    return word


def initials(words: list[str] | tuple[str, ...], little: frozenset[str] = frozenset()) -> str:
    """ "web application firewall" → "waf"; "" for fewer than two words. `little`: other words to pass
    over (`little_words`)."""
    kept = [INITIAL[w] if w in INITIAL else w[0] for w in words if w not in NO_INITIALS and w not in little]
    return "".join(kept) if len(kept) > 1 else ""


def little_words(name: str) -> frozenset[str]:
    """The little words of other languages a name writes in lower case (LITTLE_WORDS), apart by spaces."""
    return LITTLE_WORDS.intersection(name.split())


def own_acronym(words: list[str], little: frozenset[str] = frozenset()) -> int | None:
    """Where a name of three words or more gives its own acronym, at its end or its start ("Web Application
    Firewall WAF", "ICS Internal Control System"): that word's position, or None. `little`: as `initials`."""
    count = len(words)
    if count > 2:
        if len(words[-1]) < count and words[-1] == initials(words[:-1], little):
            return -1
        if len(words[0]) < count and words[0] == initials(words[1:], little):
            return 0
    return None


def with_and(words: list[str] | tuple[str, ...]) -> str:
    """The initials with an "and" inside a long name kept, as it is written (no alias applied):
    "Supervisory Control and Data Acquisition" → "scada"; "" below five letters, where such initials are
    another acronym's ("Sales and Marketing" is no "SAM", "R&D" no "RAD", "Business Planning and
    Analysis" no "BPaaS")."""
    if "and" not in words[1:-1] or any(len(w) < 2 for w in words):
        return ""
    found = "".join(INITIAL.get(w) or w[0] for w in words if w not in STOPWORDS)
    return found if len(found) >= 5 else ""


def with_of(name: str) -> str:
    """The initials of a name of three words with "of" between, the "of" kept as acronyms write it:
    "Point of Sale" → "pos", "Bill of Materials" → "bom", "Proof of Concept" → "poc"; else ""."""
    lowered = name.lower()
    words = OF_NAME.findall(lowered) if "of" in lowered else ()
    return f"{words[0][0]}o{words[2][0]}" if len(words) == 3 and words[1] == "of" else ""


def acronym_within(mine: tuple[str, ...], theirs: tuple[str, ...]) -> str:
    """ "workday hcm" and "workday human capital management": the acronym one name gives for words of
    the other, all its other words the same and in place ("Zscaler ZIA" = "Zscaler Internet Access"
    too), as "HCM = human capital management"; or ""."""
    if not mine or not theirs or len(mine) == len(theirs):
        return ""  # an acronym stands for two words or more, beside words the same on one side
    if not (mine[0] == theirs[0] or mine[-1] == theirs[-1]):
        return ""
    for short, long in ((mine, theirs), (theirs, mine)):
        for p, word in enumerate(short):
            if not (2 <= len(word) <= 6 and word.isalpha()) or word in long:
                continue
            before, after = short[:p], short[p + 1 :]
            middle = long[len(before) : len(long) - len(after)]
            if len(middle) < 2 or long[: len(before)] != before or long[len(long) - len(after) :] != after:
                continue
            if word in (initials(middle), initials(before + middle)) and (before or after):
                return f"{word.upper()} = {' '.join(middle)}"
    return ""


def generic_only_at_ends(core: list[str], words: list[str]) -> bool:
    """Whether the generic words a name's core leaves out are all at its ends, so that the core's initials
    are an acronym people say: "Warehouse Management System" may be "WM"; "Data Platform and Reporting" is
    no "DR"."""
    return f" {' '.join(core)} " in f" {' '.join(words)} "
