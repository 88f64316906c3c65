"""Lexical match suggestions between portfolio records and target records (plain data in, plain data out).
The platforms' duplicate checks use it as is; the wizard's scorer (sync.scorer) adds the other evidence.

Names are normalised (case, accents, punctuation, "&"/"and", British/American spellings, plurals, tier
suffixes such as "- Gold": sync.match_tiers), candidates are found through shared name tokens, then scored
with rapidfuzz. Versioned records (software) only ever pair with the same version.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz, process

from sync.match_letters import decomposed
from sync.match_tiers import LEADING_HOURS, TIER_SUFFIX, may_end_in_tier

THRESHOLD = 80  # below this, "create new" is pre-selected
VERSION = re.compile(r"^v?(?:\d+(?:\.\d+)+[a-z]{0,2}|\d+(?:ai|se|[abcgix])?)$")  # not "3D", "3ds", "3E"
SPACED_PLUS = re.compile(
    r"(?<=\w)\s\+\s(?=\w)"
)  # "SCCM + Intune": the two, as "&" joins them; not "Canal + "
PLUS = re.compile(r"(?<!\d)\+|\+(?!\d)")  # "Notepad++", "C++17"; not a build number ("17.0.10+7")
# a number joined to a word by a dash, leading a name or of one digit after its maker's name ("Igor Pavlov
# 7-Zip"): a name; not an install's "7-x64" nor a "64-bit"
LEADING_NUMBER = re.compile(r"(?:^\s*|(?<=\s)(?=\d-))(\d+)-(?!bits?\b)([a-z])(?=[a-z]+\b)")
# one word, as mostly written: "E-mail & Calendar" is "Email & Calendar"
E_MAIL = re.compile(r"\be-mail(?=s?\b)")
# plurals in "es" after a hissing sound ("switches", "processes"; "caches" is a cache's), and nouns in "us"
ES_PLURALS = ("sse", "che", "she", "xe")
E_NOUNS = frozenset(
    ["cache", "niche", "ache", "headache", "avalanche", "cliche", "moustache", "mustache", "axe", "tranche"]
    + ["creche", "microfiche", "psyche", "cloche", "apache"]
)
US_NOUNS = frozenset(["bus", "campus", "virus", "status", "bonus", "census", "corpus", "focus", "syllabus"])
SPELLING = {
    "centre": "center",
    "catalogue": "catalog",
    "licence": "license",
    "licencing": "licensing",  # a common misspelling, "licence" taken for the verb
    "mobilising": "mobilizing",  # a fire service's "mobilising system", British spelling
    "programme": "program",
    "defence": "defense",
    "analyse": "analyze",
    "analyser": "analyzer",
    "analytics": "analytic",
    "colour": "color",
    "behaviour": "behavior",
    "mgmt": "management",
    "mgt": "management",
    "managment": "management",  # the commonest misspellings of IT's commonest word
    "mangement": "management",
    "despatch": "dispatch",
    "certs": "certificate",  # "SSL Certs"; not "CERT", a response team
    "svc": "service",
    "svcs": "service",
    "infra": "infrastructure",
    "db": "database",
    "ops": "operation",
    "1st": "first",  # "2nd Chance Draws", "1st Line Support"
    "2nd": "second",
    "3rd": "third",
}
PLURAL_ACRONYM = re.compile(r"\b([A-Z]{2,})s\b")  # "Instrument PCs", "VMs": an acronym's plural
STOPWORDS = {"the", "of", "for", "a", "an", "to", "with", "dlya", "para", "pour", "avec"}  # "для", "avec"
WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*(?:[a-z](?![a-z]))?")  # "115.9.1esr": a version, then "esr"


@dataclass(frozen=True)
class Item:
    """A portfolio record or a target record, as matching sees it."""

    key: str  # local record id or target target_id
    name: str
    version: str = ""
    manufacturer: str = ""
    context: str = ""  # a target's description, classification and other details: supporting evidence
    retired: bool = False  # a target its status says is no longer used (sync.scorer_retired)

    @classmethod
    def of_record(cls, key: str, record) -> "Item":
        """A portfolio record as matching reads it: a software product with its version and manufacturer."""
        return cls(key, record.name, getattr(record, "version", ""), getattr(record, "manufacturer", ""))


@dataclass(frozen=True)
class Candidate:
    target_id: str
    name: str
    score: int
    reason: str  # exact, normalised, token, fuzzy (lexical); the first of `reasons` (sync.scorer)
    taken_by: str | None = None  # another local record already matched to it
    reasons: tuple[str, ...] = ()  # the evidence, in words (sync.scorer)
    preselectable: bool = True  # False: only ever a suggestion (e.g. a record without a version)

    @property
    def why(self) -> str:
        return "; ".join(self.reasons) or self.reason


@lru_cache(maxsize=50_000)
def _token(word: str) -> str:
    word = SPELLING.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word not in US_NOUNS:
        word = word[:-1]
        if (word.endswith(ES_PLURALS) and word not in E_NOUNS) or word[:-1] in US_NOUNS:
            word = word[:-1]  # "Switches", "Processes", "Boxes", "Buses": their "es"
    if word.endswith("isation"):  # "Digitisation", "Localisation": British spelling, as "centre"
        word = word[:-7] + "ization"
    elif len(word) > 8 and word.endswith("elling"):  # "Modelling", "Labelling"; not "Spelling"
        word = word[:-5] + "ling"
    return SPELLING.get(word, word)


@lru_cache(maxsize=100_000)
def normalise(name: str) -> str:
    if not (name.istitle() or name.islower()):  # else no two capitals in a row
        name = PLURAL_ACRONYM.sub(r"\1", name)
    text = name.lower() if name.isascii() else decomposed(name).lower()
    text = text.replace("&", " and ")
    if text.startswith(("out", "after", "business", "24", "8", "9", "1")):
        text = LEADING_HOURS.sub("", text)
    if "+" in text:
        text = PLUS.sub(" plus ", SPACED_PLUS.sub(" and ", text))
    while not text.isascii() or may_end_in_tier(text):  # before the ASCII fold, which drops "— Gold"'s dash
        stripped = TIER_SUFFIX.sub("", text)
        if stripped == text:
            break
        text = stripped
    if not text.isascii():
        text = text.encode("ascii", "ignore").decode()
    if "-" in text:
        text = LEADING_NUMBER.sub(r"\1\2", text)  # "7-Zip" is a name, not version 7 of "Zip"
        text = E_MAIL.sub("email", text)
    return " ".join([_token(w) for w in WORD.findall(text) if w not in STOPWORDS])


def _canonical_version(text: str) -> str:
    text = text.lower().lstrip("v")
    while text.endswith(".0"):
        text = text[:-2]
    return text


def versions_in(name: str, version: str = "") -> set[str]:
    found = {_canonical_version(v) for v in version.split() if v}
    found |= {_canonical_version(w) for w in normalise(name).split() if VERSION.match(w)}
    return found


def without_versions(normalised: str) -> str:
    return " ".join(w for w in normalised.split() if not VERSION.match(w))


def versions_agree(local: Item, target: Item) -> bool:
    """“Oracle Database 19c” may match “Oracle Database 19c Enterprise Edition”, never “… 12c”."""
    return compatible(versions_in(local.name, local.version), versions_in(target.name, target.version))


def compatible(mine: set[str], theirs: set[str]) -> bool:
    """Versioned names share a version; unversioned ones pair only with unversioned ones."""
    return bool(mine & theirs) if mine and theirs else mine == theirs


class Matcher:
    """Indexes the target records once; then suggests candidates for any number of local records."""

    def __init__(self, targets: list[Item], *, versioned: bool) -> None:
        self.targets = targets
        self.versioned = versioned
        self.names = [t.name for t in targets]
        self.versions: list[set[str]] = [versions_in(t.name, t.version) for t in targets] if versioned else []
        self._index([normalise(name) for name in self.names])
        self.exact = grouped(((name, i) for i, name in enumerate(self.names)), len(self.names))

    @classmethod
    def of_normalised(cls, names: list[str]) -> "Matcher":
        """A matcher of names normalised already, without versions (the scorer's): `scored_normalised` gives
        their positions; there are no records for `candidates`."""
        matcher = cls([], versioned=False)
        matcher.names = names
        matcher._index(names)
        matcher.exact = matcher.normalised  # its names are their normalised keys
        return matcher

    def _index(self, normalised: list[str]) -> None:
        self.pairs: dict[tuple[str, str], list[int]] = {}  # filled as names ask (`_paired`)
        self.sets: dict[str, frozenset[int]] = {}
        self._words: list[str] | None = None  # words_read's
        self.keys: list[str] = [without_versions(n) for n in normalised] if self.versioned else [*normalised]
        count = len(self.keys)
        self.normalised = grouped(((key, i) for i, key in enumerate(self.keys)), count)
        self.postings = grouped(
            ((word, i) for i, key in enumerate(self.keys) for word in set(key.split())), count
        )

    def candidates(
        self, local: Item, limit: int = 5, taken: dict[str, str] | None = None, scan: bool = True
    ) -> list[Candidate]:
        """`scan`: when the name shares no tokens with a good candidate, compare it with every target."""
        result = []
        for i, score, reason in self.scored(local, limit, scan):
            target = self.targets[i]
            owner = (taken or {}).get(target.key)
            result.append(
                Candidate(target.key, target.name, score, reason, owner if owner != local.key else None)
            )
        return result

    def scored_normalised(self, key: str, limit: int = 5, scan: bool = True) -> list[tuple[int, int, str]]:
        """`scored` for a name normalised already, against an unversioned matcher (`of_normalised`)."""
        if self.versioned:
            raise ValueError("a versioned matcher reads the versions of the record's own name")
        return self._scored(key, key, set(), limit, scan)

    def scored(self, local: Item, limit: int = 5, scan: bool = True) -> list[tuple[int, int, str]]:
        """Up to `limit` (target index, score, reason), best first: what `candidates` shows, as plain
        tuples for the scorer, which reads thousands of them."""
        norm = normalise(local.name)
        key = without_versions(norm) if self.versioned else norm
        mine = versions_in(local.name, local.version) if self.versioned else set()
        return self._scored(key, local.name, mine, limit, scan)

    def _scored(
        self, key: str, name: str, mine: set[str], limit: int, scan: bool
    ) -> list[tuple[int, int, str]]:

        def fits(i: int) -> bool:
            return not self.versioned or compatible(mine, self.versions[i])

        scored: dict[int, tuple[int, str]] = {}
        for i in self.exact.get(name, ()):
            scored[i] = (100, "exact")
        for i in self.normalised.get(key, ()):
            scored.setdefault(i, (95, "normalised"))
        if self.versioned:
            scored = {i: s for i, s in scored.items() if fits(i)}
        pool = self._pool(key)
        if scored or self.versioned:
            pool = [i for i in pool if i not in scored and (not self.versioned or fits(i))]
        if pool:
            keys, ratio = self.keys, fuzz.ratio
            choices = [keys[i] for i in pool]
            for choice, score, j in process.extract(
                key, choices, scorer=fuzz.token_set_ratio, limit=limit * 4, score_cutoff=55
            ):
                i = pool[j]
                exactish = ratio(key, choice)
                if score == 100:
                    scored[i] = (int(min(92, 80 + exactish / 10)), "token")
                else:
                    scored[i] = (int(min(90, (score + exactish) / 2)), "fuzzy")
        if scan and (not scored or max(s for s, _ in scored.values()) < THRESHOLD):
            for _, score, i in process.extract(
                key, self.keys, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=70
            ):
                if fits(i):
                    scored.setdefault(i, (int(min(90, score)), "fuzzy"))
        names = self.names
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], names[kv[0]]))
        return [(i, score, reason) for i, (score, reason) in ranked[:limit]]

    def words_read(self) -> list[str]:
        """Every word of the targets' names, kept once asked: the words a slip may be of."""
        if self._words is None:
            self._words = list(self.postings)
        return self._words

    def _paired(self, pair: tuple[str, str]) -> list[int]:
        """The targets having both words, in order: read when a name asks, as most pairs of the targets'
        words are no portfolio name's."""
        found = self.pairs.get(pair)
        if found is None:
            first, second = (self._word_set(word) for word in pair)
            found = self.pairs[pair] = sorted(first & second)
        return found

    def _word_set(self, word: str) -> frozenset[int]:
        found = self.sets.get(word)
        if found is None:
            found = self.sets[word] = frozenset(self.postings.get(word, ()))
        return found

    def _pool(self, key: str, size: int = 150) -> list[int]:
        """Targets sharing two of the name's tokens; else those sharing its rarest token (at most `size` of
        them), or each of its rarest where several are as rare ("Workday HCM" and "SQL Server Management
        Studio" for "Workday Human Capital Management"): the first of them in the alphabet is no better."""
        words = sorted(set(key.split()))
        pool: set[int] = set()
        for pair in combinations(words, 2):
            pool.update(self._paired(pair))
        if len(pool) < 5:
            known = sorted((self.postings[w] for w in words if w in self.postings), key=len)
            for having in [found for found in known if len(found) == len(known[0])]:
                pool.update(having[:size])
        return list(pool)


def grouped(pairs: Iterable[tuple[str, int]], count: int) -> dict[str, tuple[int, ...]]:
    """{key: the records filed under it, in order} of `count` records. A key of one record holds its number
    until `as_tuples`: most keys are one record's, and as many lists of one would be as many objects to
    allocate and collect."""
    found: dict[str, int | list[int]] = {}
    for key, i in pairs:
        held = found.get(key)
        if held is None:
            found[key] = i
        elif type(held) is int:
            found[key] = [held, i]
        else:
            held.append(i)
    return as_tuples(found, count)


def as_tuples(found: dict[str, int | list[int]], count: int) -> dict[str, tuple[int, ...]]:
    """The keys `grouped` filed, each with the tuple of its records: tuples the cycle collector stops
    walking. A key of one record shares that record's one tuple (`_alone`) with its other keys and indexes:
    as many new tuples would be as many allocations, each counted towards the next collection. `count`: more
    than any record's number."""
    alone = _alone(count)
    return {key: alone[held] if type(held) is int else tuple(held) for key, held in found.items()}


_ALONE: tuple[tuple[int], ...] = ()


def _alone(count: int) -> tuple[tuple[int], ...]:
    """The tuples (0,), (1,), … (count - 1,), kept for the process (about 56 bytes a record of the largest
    catalogue read). Grown by a new tuple swapped in whole, never in place: two pulls indexed at once in two
    threads each get theirs numbered right."""
    global _ALONE
    alone = _ALONE
    if len(alone) < count:
        alone = _ALONE = alone + tuple((i,) for i in range(len(alone), count))
    return alone


def suggest(
    locals_: list[Item],
    targets: list[Item],
    *,
    versioned: bool,
    taken: dict[str, str] | None = None,
    limit: int = 5,
) -> dict[str, list[Candidate]]:
    """Up to `limit` ranked candidates per local record; `taken` maps target target_id → local record key."""
    matcher = Matcher(targets, versioned=versioned)
    return {local.key: matcher.candidates(local, limit, taken) for local in locals_}


def preselect_all(
    ranked: dict[str, list[Candidate]], threshold: int = THRESHOLD
) -> tuple[dict[str, Candidate], dict[str, tuple[str, str]]]:
    """The pre-selection of many records at once, one record per target: a target that is the best free
    candidate of several records goes to the one with the highest score, and to none of them on a tie.
    Returns {local key: candidate} and, for the records left to a person, {local key: (the other record's
    key, the target's name)}."""
    best = {key: preselect(candidates, threshold) for key, candidates in ranked.items()}
    wanted: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, candidate in best.items():
        if candidate:
            wanted[candidate.target_id].append((candidate.score, key))
    chosen, contested = {}, {}
    for claims in wanted.values():
        claims.sort(key=lambda claim: -claim[0])
        winner = claims[0][1] if len(claims) == 1 or claims[0][0] > claims[1][0] else None
        for _, key in claims:
            if key == winner:
                chosen[key] = best[key]
            else:
                contested[key] = (winner or next(k for _, k in claims if k != key), best[key].name)
    return chosen, contested


def preselect(candidates: list[Candidate], threshold: int = THRESHOLD) -> Candidate | None:
    """The suggestion the wizard pre-selects: the best free candidate at or above the threshold that may be
    pre-selected at all."""
    return next(
        (c for c in candidates if c.score >= threshold and c.taken_by is None and c.preselectable), None
    )
