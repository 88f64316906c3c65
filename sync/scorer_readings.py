"""The other ways the scorer reads a portfolio name (mixed into sync.scorer.Scorer): without its category or
what it gives in brackets, its words run apart as the targets write them, and a tier written without a
dash. The scores are documented in sync.scorer."""

import re

from sync.match_names import AliasBook, Name
from sync.matching import Item, canonical_tier, tiers_of
from sync.scorer_names import CORE, Found, other_names

# a tier a service name may end in without a dash, as metals and hours may (sync.matching.TIER_SUFFIX)
UNDASHED_TIER = re.compile(r"\s+(premium|standard|basic|(?:non[- ]?)?prod(?:uction)?)\s*$", re.I)


class OtherReadings:
    """Mixed into sync.scorer.Scorer, whose index and evidence it reads."""

    versioned: bool
    book: AliasBook
    targets: list[Item]
    names: list[Name]
    words: dict[str, frozenset[int]]  # a core word of the targets' names → those targets
    index: dict[str, dict[str, list[int]]]
    tiered: set[tuple[str, str]] | None = None  # (core, tier) of every target of a tier, once asked

    def _read_otherwise(self, local: Item, found: dict[int, Found], limit: int) -> set[int]:
        """Adds to `found` what the name's other readings find; returns the editions that clash."""
        clashes: set[int] = set()
        others = [] if self.versioned else other_names(local.name, self.book.generic)
        split, phrases = self._compounds_split(local.name)
        for bare in [*others, *([split] if split else [])]:
            reading = self.book.read(bare, local.version, self.versioned)
            more, more_clashes = self._found(reading, Item(local.key, bare, local.version), limit)
            for i, (score, reasons) in more.items():
                if bare == split:  # the target's own words in its order, as "Qualys Cloud-Agent" reads
                    if score < CORE or not all(f" {p} " in f" {self.names[i].plain} " for p in phrases):
                        continue  # "Notebook" is no "Book Note", "Firewall" no "Fire Wall Safety"
                    together = [*reasons, "its words run together"]
                    reasons = ["same name apart from spacing"] if reasons[0] == "same name" else together
                    score = min(score, CORE)
                if i not in found or found[i][0] < score:
                    found[i] = (score, reasons)
            clashes |= more_clashes
        return clashes

    def with_tier(self, name: str) -> str:
        """A service name ending in a tier without a dash, written with one, where a target of that tier
        has the rest of the name ("Laptop Provisioning Premium", "EUC Standard" for an "End User Computing
        - Standard"); "" otherwise: "Data Quality Standard" may be a standard."""
        if self.versioned or not (found := UNDASHED_TIER.search(name)):
            return ""
        if self.tiered is None:
            self.tiered = {
                (self.names[i].core, tier) for i, t in enumerate(self.targets) for tier in tiers_of(t.name)
            }
        rest = name[: found.start()]
        core = self.book.read(rest).core
        return (
            f"{rest} ({found.group(1)})"
            if (core, canonical_tier(found.group(1).lower())) in self.tiered
            else ""
        )
