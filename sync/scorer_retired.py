"""Target records their status, names or descriptions mark as retired, duplicates or not to be used ("Print
Services (legacy)" described "RETIRED 2019", "TEST SERVICE - do not use", "[Retired] Lotus Notes", an offering
whose install status is Retired: `Item.retired`, as the platform reads it). The scorer reads
them apart (sync.scorer.Scorer), without their mark: they take no portfolio name from a live record and make
no live record a person's choice, yet a live record merely like a name they have is not pre-selected
either. A retired record is never pre-selected, even alone: whether a portfolio record is one no longer used
in the target, whose publish would write to it, is a person's choice."""

import re
from collections.abc import Callable

from sync.match_names import BRACKETS
from sync.match_products import product_names
from sync.match_rules import bracketed_words
from sync.match_states import MARKS, RETIRED_MARKS
from sync.matching import Candidate, Item, normalise
from sync.scorer_index import ALIKE, TOKENS
from sync.scorer_names import ACRONYM, LEXICAL_CAP, MINOR, PRESELECT_AT
from sync.scorer_products import DELIVERS
from sync.scorer_readings import BY_NAME, SLASHED, UNLIKE

# a mark alone in brackets, with a date or a pointer to the live record at most ("(Retired in 2016)",
# "[DUPLICATE - use Workplace: Printing]"; not "(Retired, Deferred)", the members), or before or after a dash
# ("Retired - X", "X - DNU"), or around the name as CMDBs write it ("zz_X", "X_OLD"); not "(legacy)": a legacy
# platform may well be live ("Virtual Servers - Legacy")
DATED = rf"(?:{MARKS})(?:\s+(?:in\s+)?[\d/-]+)?"  # "Retired in 2016", "decommissioned 2021"
IN_NAME = re.compile(
    rf"[(\[]\s*(?:{DATED}|(?:{MARKS})(?:\s*[-–—:]\s.*|\s+(?:use|see|replaced)\b.*))\s*[)\]]"
    rf"|^\s*(?:{MARKS})\s*[-–—:]\s|\s[-–—]\s*{DATED}\s*$"
    r"|^z{2,}[\W_]|[\W_]old$",
    re.I,
)
CAPITALS = re.compile(
    r"\b(?:RETIRED|DECOMMISSIONED|DISCONTINUED|OBSOLETE|DEPRECATED|DUPLICATE|DO NOT USE)\b"
)  # in a name
# a description that begins with the mark and nothing after it but a date or a pointer ("Retired 2019, kept
# for history", "Duplicate - see Email"; not "Decommissioned equipment collected", a live service, nor "Do
# not use for patient data"), or says so in a sentence; or a detail joined to it that begins with a mark of
# one retired, then a date, a dash or a colon, or nothing ("Business Service; Tier 3; Retired - OPERA V5";
# not "…; archived (cold) copies on tape" nor "…; retired, deferred and active members")
STRONG = "|".join(m for m in RETIRED_MARKS if m not in ("inactive", "archived", "tidak aktif", "nonaktif"))
IN_DETAILS = re.compile(
    rf"^\s*(?:{MARKS})(?:\s+(?:in\s+)?(?:[a-z]+\s+)?\d{{4}}|\s+(?:of|record|cmdb|entry)\b|\s*[-–—:,;.(]|\s*$)"
    rf"|;\s*(?:{STRONG})(?:\s+(?:in\s+)?\d{{4}}|\s*[-–—:]|\s*(?:;|$))"
    r"|\b(?:was|been|is now) (?:retired|decommissioned)\b",
    re.I,
)
# a portfolio name that says its record is no longer used, the mark in its brackets with a date at most, or
# after "old" as a language says it: "Skype for Business (old)", "BO 4.2 (decommissioned 2021)", "Trackwise 8
# (régi, kivezetve)"; not "(Old Street)", nor "(legacy)", which a live platform may be, nor a list of kinds
# ("Member Portal (Active, Deferred, Retired)")
OLD = r"old|alt|ancien|gammel|vanha|vechi|eski|starý|stary|régi|regi|oud|vecchio|antiguo|antigo"
NO_LONGER_USED = re.compile(rf"[(\[]\s*(?:(?:{OLD})\s*,\s*)?{DATED}\s*[)\]]", re.I)
LIKENESS = (ALIKE, TOKENS)  # what finds a record by its spelling alone
DELIVERED_BY = re.compile(
    rf"^(.+?){DELIVERS}"
)  # the product of sync.scorer_products' reason: "Kronos delivers …"
RETIRED_WHY = "retired in the target, as its name or description says"
RETIRED_BY_STATUS = "retired in the target, as its status says"
# a record its name says is not to be used ranks after the others, even alone: it says which is
NOT_TO_USE = re.compile(r"duplicat|\bdupe\b|do not use|\bdnu\b", re.I)
COPY = re.compile(r"duplicat|\bdupe\b", re.I)
# its name's evidence: what finds a record by its name (not its description), a namespace's alias too
NAMED = (*(way for way in BY_NAME if way != "its description"), "each of its names between slashes")
# every mark of retirement and what the others have, in lower case: a catalogue without any is told at once
# ("zz", as "gold" has "old")
TRACES = RETIRED_MARKS + (
    "eol",
    "not use",
    "dnu",
    "dupe",
    "duplicat",
    "zz",
    "(old",
    "kullanim dişi",  # "KULLANIM DIŞI" as str.lower() writes it
    "[old",
    " old",
    "-old",
    "_old",
)


def is_retired(target: Item) -> bool:
    """Whether a target record's status, name or description marks it retired, a duplicate or not to be
    used."""
    if target.retired:
        return True
    name, details = target.name, target.context
    if not any(trace in f"{name}\n{details}".lower() for trace in TRACES):
        return False
    named = bool(IN_NAME.search(name)) or (not name.isupper() and bool(CAPITALS.search(name)))
    return named or bool(details and IN_DETAILS.search(details))


def unmarked(name: str) -> str:
    """The name without its mark, as the record's own name reads ("Lotus Notes Mail (Retired)")."""
    return IN_NAME.sub(" ", name).strip(" -–—:_") or name


def live_and_retired(targets: list[Item]) -> tuple[list[Item], list[Item], dict[str, tuple[str, str]]]:
    """The live records, the retired ones read without their marks, and the retired ones' names as shown
    and why they are retired {key: (name, why)}."""
    everything = "\n".join(f"{t.name}\n{t.context}" for t in targets).lower()
    if not any(trace in everything for trace in TRACES) and not any(t.retired for t in targets):
        return targets, [], {}  # most catalogues, at once
    retired = [t for t in targets if is_retired(t)]
    keys = {t.key for t in retired}
    read = [Item(t.key, unmarked(t.name), t.version, t.manufacturer, t.context) for t in retired]
    shown = {t.key: (t.name, RETIRED_BY_STATUS if t.retired else RETIRED_WHY) for t in retired}
    return [t for t in targets if t.key not in keys], read, shown


class RetiredRecords:
    """Mixed into sync.scorer.Scorer: its retired records, read apart by a scorer of their own."""

    retired: "RetiredRecords | None"
    shown: dict[str, tuple[str, str]]
    candidates: Callable[..., list[Candidate]]

    def _read_apart(
        self, targets: list[Item], versioned: bool, kind: str, aliases: tuple, apart: bool = True
    ) -> list[Item]:
        """The live records; the retired ones go to a scorer of their own (`retired`), which reads all its
        records as they are (`apart` False)."""
        live, retired, self.shown = live_and_retired(targets) if apart else (targets, [], {})
        self.retired = (
            type(self)(retired, versioned=versioned, kind=kind, aliases=aliases, read_apart=False)
            if retired
            else None
        )
        return live

    def retired_target(self, key: str) -> bool:
        """Whether a target record is one its status, name or description says is no longer used: a match
        to it teaches no alias (sync.wizard), which would find it before its live successor next time."""
        return key in self.shown

    def _with_retired(self, local: Item, ranked: list[Candidate], limit: int, taken: dict | None) -> list:
        if self.retired is None:
            return ranked
        return with_retired(
            local.name, ranked, self.retired.candidates(local, limit, taken), self.shown, limit
        )


def with_retired(
    name: str, live: list[Candidate], retired: list[Candidate], shown: dict[str, tuple[str, str]], limit: int
) -> list[Candidate]:
    """The live records' candidates and the retired ones', by their shown names. A retired record is only
    suggested where a live one is found by more than its spelling, and it is trusted only as far as its name
    goes (`name`, the portfolio record's): its own scorer reads it among retired records alone, where a rule
    that asks that no other record have the words is easily met. A live record is only suggested where a
    retired one has the name itself, unless its own name, an alias or an acronym finds it ("G Suite" →
    "Google Workspace" beside a "G Suite (Retired)")."""
    found_live = any(c.score >= UNLIKE for c in live)
    words = set(normalise(name).split())
    # or without its brackets: "Skype for Business (Lync)", a former name there
    bare = set(normalise(BRACKETS.sub(" ", name)).split()) or words
    everyone = (*live, *retired)
    holding = [c for c in everyone if words <= set(normalise(c.name).split())]  # the name's words
    holding = holding or [c for c in everyone if bare <= set(normalise(c.name).split())]
    parts = [set(normalise(part).split()) for part in SLASHED.split(name)]
    slashed = [part for part in parts if part] if len(parts) > 1 else []  # "Lync / Skype for Business"
    alone = holding[0].target_id if len(holding) == 1 else None  # "Lotus Notes" in a "Lotus Notes Mail" only
    trusted = {c.target_id for c in retired if c.reason.startswith(NAMED) or c.target_id == alone}
    named = [c.score for c in retired if c.target_id in trusted]
    # a duplicate is no retired predecessor: a live record its name finds stays ("Adobe Acrobat Pro" beside a
    # "zz_Adobe Acrobat Pro DC (duplicate - DO NOT USE)"; not a "(Retired - DO NOT USE)")
    copies = all(is_copy(shown.get(c.target_id, (c.name,))[0]) for c in retired if c.target_id in trusted)
    # "Dynamics NAV": a retired "ERP - Dynamics NAV 2018" beside an ERP service the product delivers
    held = any(
        c.target_id in trusted
        and (
            words <= (theirs := set(normalise(c.name).split()))
            or (bare <= theirs and not copies)
            or any(part <= theirs for part in slashed)
        )
        for c in retired
    )
    # "Kronos WFC (old)": the dictionary's Kronos delivers a live "Time and Attendance", yet a "[RETIRED] Time
    # and Attendance (Kronos Workforce Central)" is named for it
    named_for, product = _named_for(name, live, retired, shown)
    delivered = f"{product}{DELIVERS}"
    live = [
        _suggested(c, c.score, f"a retired record is named for {product}: suggested, never pre-selected")
        if named_for and c.reason.startswith(delivered)
        else c
        for c in live
    ]
    top = max((c.score for c in live if c.reason.startswith(delivered)), default=0) if named_for else 0
    no_longer = bool(NO_LONGER_USED.search(name)) and any(
        c.score >= UNLIKE and c.reason not in LIKENESS for c in retired
    )
    if no_longer:
        why = "your record says it is no longer used, and a retired record is found: suggested, never"
        why += " pre-selected"
        live = [_suggested(c, c.score, why) if c.preselectable else c for c in live]
    ranked = [
        _suggested(c, c.score, "a retired record has the name: suggested, never pre-selected")
        if c.preselectable
        and (
            (
                named
                and c.score < min(max(named) - MINOR, ACRONYM)
                and not (copies and c.reason.startswith(NAMED))
            )
            or (held and not c.reason.startswith(NAMED) and not words <= set(normalise(c.name).split()))
        )
        else c
        for c in live
    ]
    for c in retired:
        score = c.score if c.target_id in trusted else min(c.score, LEXICAL_CAP)
        if live and score < UNLIKE:
            continue  # a likeness of spelling to a record no longer used adds nothing beside live ones
        shown_as, retired_why = shown.get(c.target_id, (c.name, RETIRED_WHY))
        if found_live or score < c.score or NOT_TO_USE.search(shown_as):
            score -= MINOR
        if c.target_id in named_for:
            score = max(score, top)
        ranked.append(_suggested(c, score, f"{retired_why}: suggested, never pre-selected", shown_as))
    # live first at one score; a retired record scoring above the live one pre-selected comes next to it
    chosen = [c.score for c in ranked if c.preselectable and c.score >= PRESELECT_AT]
    apart = {c.target_id for c in retired}

    def order(c: Candidate) -> tuple[bool, int, int]:
        retired_one = c.target_id in apart
        score = min(c.score, chosen[0]) if chosen and retired_one else c.score
        said = no_longer and retired_one and score >= UNLIKE  # the name says its record is no longer used
        first = 0 if c.target_id in named_for else 1 + retired_one  # the one named for it, live, retired
        return (not said, -score, first)

    return sorted(ranked, key=order)[:limit]


def _named_for(
    name: str, live: list[Candidate], retired: list[Candidate], shown: dict[str, tuple[str, str]]
) -> tuple[set[str], str]:
    """The retired records whose names give, in brackets, the product by which the dictionary found live
    records (what it delivers), none of them sure, and that product: the portfolio record is that product's
    record, now retired ("Skype for Business 2015", "TrackWise WIC (legacy)"), or a person's choice. Not a
    duplicate ("… (Mimecast) - DUPLICATE"), nor beside a live record sure by its own evidence ("PaperCut
    follow-me print": a "Workplace: Printing" it delivers, for a name of more than the product); but a
    retired record that is the product by another of its names, however sure the live ones ("Lync" and a
    "[Retired] Skype for Business" beside the "Telephony" Lync delivered). For a name that is the product
    alone, a live record found as what it delivers is not sure: "Skype for Business" is the retired
    "Videoconferencia (Skype Empresarial)", named for its Spanish name, not the "Telefonía IP" it
    delivers."""
    sure = any(
        c.score >= PRESELECT_AT
        and c.preselectable
        and not ((delivered := DELIVERED_BY.match(c.reason)) and _is_product(name, delivered[1]))
        for c in live
    )
    retired = [c for c in retired if not NOT_TO_USE.search(shown.get(c.target_id, (c.name,))[0])]
    for c in live:
        if found := DELIVERED_BY.match(c.reason):
            names = {normalise(other) for other in product_names(found[1])}
            products = [set(other.split()) for other in {normalise(found[1]), *names}]
            named = {
                r.target_id
                for r in retired
                if (not sure and any(product <= bracketed_words(r.name) for product in products))
                or normalise(r.name) in names
            }
            if named:
                return named, found[1]
    return set(), ""


def _is_product(name: str, product: str) -> bool:
    """Whether a portfolio name is only this product, by one of its names ("Lync" of Skype for Business)."""
    return normalise(name) in {normalise(n) for n in (product, *product_names(product))}


def _suggested(c: Candidate, score: int, why: str, name: str = "") -> Candidate:
    return Candidate(c.target_id, name or c.name, score, c.reason, c.taken_by, (*c.reasons, why), False)


def is_copy(shown: str) -> bool:
    """Whether a record's name marks it a duplicate of another, and not retired as well."""
    lowered = shown.lower()
    return bool(COPY.search(shown)) and not any(mark in lowered for mark in RETIRED_MARKS)
