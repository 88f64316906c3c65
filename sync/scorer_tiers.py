"""A tier a portfolio name writes without its dash (mixed into sync.scorer.Scorer): "DB Hosting Gold", "EUC
Premium", "Email Tier 1", a metal before the name ("Gold Backup") or in another language ("Sikkerhetskopi
Gull"), read as that tier where a target of it has the rest of the name; and "- Live", the production tier
where a "- Prod" record has the rest (sync.scorer_readings tells how names are read)."""

import re
from collections.abc import Callable

from sync.match_names import AliasBook, Name
from sync.match_tiers import (
    FOREIGN,
    HRS,
    IF_TIERED,
    METALS,
    NOT_LIVE,
    OUT_OF_HOURS,
    PRODUCED,
    canonical_tier,
    other_metal,
    tiers_of,
)
from sync.matching import Item, normalise
from sync.scorer_environments import environment_of

# a tier a service name may end in without a dash, as metals and 24x7 may (sync.match_tiers.TIER_SUFFIX)
UNDASHED = rf"premium|standard|basic|tier\s*\d+|(?:non[- ]?)?(?:{PRODUCED}|prod)|dev\s*/\s*test|"
UNDASHED += rf"business {HRS}|{OUT_OF_HOURS}"
UNDASHED_TIER = re.compile(rf"\s+({UNDASHED})\s*$", re.I)
TIER_NUMBER = re.compile(r"^tier\s*", re.I)
LEADING_METAL = re.compile(rf"^\s*({METALS})\s+(?=\w)", re.I)  # "Gold Backup"
# a metal of another language without a dash ("Sikkerhetskopi Gull"), or one that is another word too, however
# written ("Copi wrth gefn - Aur"): a tier where a record of it has the rest
OTHER_METAL = re.compile(
    rf"(?:\s+[-–—]\s*|\s*\(\s*|\s+)({FOREIGN}|{IF_TIERED})\s*\)?\s*(\([^()]*\)\s*)?$", re.I
)  # before a remark: "Rugsteun Silwer (daagliks)", "Backup Gull (Bergen)"
LIVE = re.compile(r"(?:\s+[-–—]\s*|\s*\(\s*)(live)\s*\)?\s*$", re.I)  # "- Live", "(Live)"; not "Go-Live"


def live_as_prod(targets: list[Item], book: AliasBook) -> dict[int, str]:
    """The services named "- Live" or "(Live)" read as the production tier, {target index: "… (Prod)"}, where
    another has the rest of the name and an environment that is not production ("Server Hosting - Live"
    beside "- Non-Prod", "Email - Live" beside "- Training"); not "Video Streaming - Live", the content."""
    if "live" not in "\n".join(t.name for t in targets).lower():
        return {}  # most catalogues, at once
    live = {i: found.start() for i, t in enumerate(targets) if (found := LIVE.search(t.name))}
    if not live:
        return {}
    others = {book.read(t.name).core for t in targets if tiers_of(t.name) & NOT_LIVE}
    others |= {book.read(rest).core for rest, env in map(environment_of, [t.name for t in targets]) if env}
    prod = {
        book.read(t.name).core for t in targets if "prod" in tiers_of(t.name)
    }  # one is production already
    rests = {i: targets[i].name[:start] for i, start in live.items()}
    return {i: f"{rest} (Prod)" for i, rest in rests.items() if book.read(rest).core in others - prod}


class TierReadings:
    """Mixed into sync.scorer.Scorer, whose names and index it reads."""

    versioned: bool
    book: AliasBook
    targets: list[Item]
    names: list[Name]
    index: dict[str, dict[str, tuple[int, ...]]]
    tiered: set[tuple[str, str]] | None = None  # (core, tier) of every target of a tier, once asked
    not_live: list[frozenset[str]] | None = None  # the core words of every "- Non-Prod" target, once asked
    _tiers: Callable[[int], frozenset[str]]  # sync.scorer_readings.OtherReadings's

    def with_tier(self, name: str) -> str:
        """A service name ending in a tier without a dash, written with one, where a target of that tier
        has the rest of the name ("Laptop Provisioning Premium", "EUC Standard" for an "End User Computing
        - Standard", "Email Tier 1"; a metal before it: "Gold Backup"), or, for an environment not live, has
        it and more ("Azure dev/test": a "Cloud Hosting - Azure - Non-Prod"); "" otherwise: "Data Quality
        Standard" may be a standard. So too "- Live", the production tier where a "- Prod" target has the
        rest ("VM Hosting - Live"; not "Video Streaming - Live", the content)."""
        if self.versioned or tiers_of(name) or name in self.index["name"]:
            return ""  # none, one written so already ("SQL Hosting - Non-Prod"), or a target's very name
        found = UNDASHED_TIER.search(name) or LIVE.search(name) or LEADING_METAL.match(name)
        found = found or OTHER_METAL.search(name)
        if not found:
            return ""
        if self.tiered is None:
            self.tiered = {
                (self.names[i].core, tier) for i in range(len(self.targets)) for tier in self._tiers(i)
            }
        rest = name[found.end() :] if found.re is LEADING_METAL else name[: found.start()]
        tier = found.group(1)
        if found.re is OTHER_METAL:  # as English writes it: "Sikkerhetskopi (Gold)"
            tier = other_metal(tier).title()
        tier = "Prod" if tier.lower() == "live" else TIER_NUMBER.sub("Tier ", tier)  # "Tier1"
        core, read = self.book.read(rest).core, canonical_tier(tier.lower())
        if (core, read) in self.tiered:
            scope = (
                self._scope_of(found.group(2), core, read)
                if found.re is OTHER_METAL and found.group(2)
                else ""
            )
            return f"{rest} ({tier}){scope}"
        if self.not_live is None:
            self.not_live = [frozenset(c.split()) for c, t in self.tiered if t == "non prod"]
        words = set(core.split())
        fuller = bool(words) and read == "non prod" and any(words < cores for cores in self.not_live)
        return f"{rest} ({tier})" if fuller else ""

    def _scope_of(self, remark: str, core: str, tier: str) -> str:
        """A remark in brackets after a tier, kept where a target of that tier has the rest of the name and
        one of its words more, a scope ("Backup Gull (Bergen)" is no "Backup - Gold" beside a "Backup -
        Bergen - Gold"); else "": "(daagliks)", daily, or a gloss of the name ("(Backup)") says which none."""
        words, mine = set(normalise(remark).split()), set(core.split())
        scoped = any(
            t == tier and mine < (theirs := set(c.split())) and theirs & words - mine
            for c, t in self.tiered or ()
        )
        return f" {remark.strip()}" if scoped else ""
