"""Two manufacturers told apart: a portfolio record's and a target's. An inventory lists each install's
publisher, and a product of one name may be two makers' ("Synergy" is Symless' desktop-sharing tool and
Synectics' CCTV platform): a target made by another maker is only ever suggested."""

from sync.match_dictionary import formerly
from sync.match_rules import stem
from sync.matching import normalise

# words of many makers' legal names ("Inc.", "GmbH", "Software", "Systems"), normalised: no maker's own
LEGAL = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "bv",
        "nv",
        "oy",
        "pty",
        "srl",
        "group",
        "holding",
        "international",
        "software",
        "system",
        "technology",
        "solution",
        "lab",
        "and",
    ]
)


def maker_words(maker: str) -> tuple[str, ...]:
    """A manufacturer's own words, normalised, without those of legal names."""
    return tuple(w for w in normalise(maker).split() if w not in LEGAL)


def other_maker(mine: str, mine_words: tuple[str, ...], theirs: str, their_words: tuple[str, ...]) -> bool:
    """Whether a portfolio record's manufacturer and a target's are two makers: no word in common, neither
    in the other record's name (stemmed words, as sync.match_names reads names: "VMware, Inc." for a
    "VMware Tools" made by Broadcom), neither the other's former name (`former_makers`)."""
    ours, others = maker_words(mine), maker_words(theirs)
    if not ours or not others or not set(ours).isdisjoint(others):
        return False
    if not {stem(w) for w in ours}.isdisjoint(their_words) or not {stem(w) for w in others}.isdisjoint(
        mine_words
    ):
        return False
    return not formerly(ours, others) and not formerly(others, ours)
