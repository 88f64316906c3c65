"""Tiers, environments and hours of cover in a service's name ("- Gold", "(Prod)", "- Non-Prod", "24/7
Service Desk", "- Business Hours"): what sync.matching.normalise reads away, and what the scorer compares
apart (sync.scorer_readings, sync.scorer_choices)."""

import re
import unicodedata
from functools import lru_cache

from sync.match_letters import decomposed

# production as a catalogue writes it in full, in English, German and Dutch ("- Produktion - Stufe 1"), and
# as Russian staff shorten it ("1С ЕРП прод"): the tiers, the words of production at a name's end
# (sync.scorer_environments) and the undashed tiers (sync.scorer_tiers) read these
PRODUCTION_WORDS = ("production", "produktion", "productie", "прод")
PRODUCED = "|".join(PRODUCTION_WORDS)
PRODUCTION_SAID = frozenset(("prod", "prd", *PRODUCTION_WORDS))  # as a name's words read them
# an environment as a code or a record's brackets write it: no site's or client's code, no acronym a name
# declares ("Data Warehouse (Dev)")
ENVIRONMENTS_WRITTEN = "dev test tst uat stg staging prod prd live sit qa pre trn np dr sbx"
ENVIRONMENTS_WRITTEN += " training train testing sandbox qas"
ENVIRONMENT_CODES = frozenset(ENVIRONMENTS_WRITTEN.split())


def _unmarked(word: str) -> str:
    """A word without its letters' marks, as an ASCII fold reads it: "brončana" is "broncana", "sølv"
    "solv"."""
    return "".join(c for c in decomposed(word) if not unicodedata.combining(c))


def _written(word: str) -> str:
    """A regex of a word as staff type it: each accented letter with its mark composed, decomposed
    (sync.matching.normalise reads decomposed text) or left out; "ł" or "ø" as itself or as its Latin
    letter."""
    letters = []
    for letter in word:
        base = decomposed(letter)
        if len(base) > 1:
            letters.append(f"(?:{letter}|{base[0]}{base[1:]}?)")
        elif base != letter:
            letters.append(f"(?:{letter}|{base})")
        else:
            letters.append(letter)
    return "".join(letters)


METALS = r"gold|silver|bronze|platinum"  # tiers a name also gives without a dash: "DB Hosting Gold"
# a tier's metal in the other languages staff write: "Respaldos nivel Oro", "Backup - Ouro", "Sigurnosna
# kopija - zlatna razina", "- Srebrny"; after a dash or in brackets, or with a level word ("nivel", "razina")
FOREIGN_METALS = {
    "gold": "oro ouro goud guld gull zlato zlatna zlatni zlati zoloto złoty zlatá kulta kuld zelts auksas",
    "silver": "plata prata argento zilver silwer silber silfur srebro srebrna srebrni srebrny serebro sriblo"
    " sølv stříbrná strieborná hopea ezüst gümüş hõbe sudrabs sidabras argint",
    "bronze": "bronce bronzo brons bronca bronza brončana brončani bronasti brązowy bronse bronzová pronssi"
    " bronz pronks efydd",
    "platinum": "platino platina",
}
# metals that are other words too ("AUR", Arch Linux's user repository; "Arany", "Altın" surnames; Welsh
# "arian" money): a tier only where a record of that tier has the rest of the name (sync.scorer_tiers)
METALS_IF_TIERED = {"aur": "gold", "arany": "gold", "altın": "gold", "arian": "silver"}
IF_TIERED = "|".join(_written(word) for word in METALS_IF_TIERED)
IF_TIERED_READ = {_unmarked(word): metal for word, metal in METALS_IF_TIERED.items()}  # as other_metal reads
FOREIGN_WORDS = sorted((w for words in FOREIGN_METALS.values() for w in words.split()), key=len, reverse=True)
FOREIGN = "|".join(_written(word) for word in FOREIGN_WORDS)
FOREIGN_TIERS = {_unmarked(w): metal for metal, words in FOREIGN_METALS.items() for w in words.split()}
LEVELS = ("nível", "nivell", "poziom", "livello", "niveau", "razina", "nivo")  # "nivel Oro", "zlatna razina"
LEVEL_BEFORE = "|".join(_written(word) for word in LEVELS)
LEVEL_AFTER = "razina|nivo|poziom"
LEVEL_WORDS = frozenset(_unmarked(word) for word in LEVELS)
FOREIGN_TIER = rf"(?:(?:{LEVEL_BEFORE})\s+)?(?:{FOREIGN})(?:\s+(?:{LEVEL_AFTER}))?"
FOREIGN_LEVELLED = rf"(?:{LEVEL_BEFORE})\s+(?:{FOREIGN}|{METALS})|(?:{FOREIGN})\s+(?:{LEVEL_AFTER})"
TIERS = (
    r"gold|silver|bronze|platinum|standard|premium|basic|enterprise tier|tier \d+|non[ -]?prod(?:uction)?"
    rf"|{PRODUCED}|prod|dev\s*(?:[/&]|and)\s*test|test\s*(?:[/&]|and)\s*dev|development\s*/\s*test"
    r"|stufe \d+"  # a German catalogue's tier
    r"|uat|staging|pre[ -]?prod(?:uction)?"  # after a dash or in brackets only, each its own (covered_tiers)
    rf"|{FOREIGN_TIER}"
)
# hours of cover, a service level: "24x7", "24/7", "8x5", "24 x 7 x 365"; not "PHP 5/7", "48x5", "12/7"
HOURS = r"(?:(?:[89]|1[0-2]|24)\s*x\s*[57]|24\s*/\s*7)(?:\s*[x/]\s*365)?"
# "Silver Tier", "Gold SLA"; "Out of Hours" and "After Hours" are hours of cover as "Business Hours" is
HRS = r"h(?:ou)?rs"  # "Business Hrs"
OUT_OF_HOURS = rf"out[- ]of[- ]{HRS}|after[- ]{HRS}"
EVENINGS_AND_WEEKENDS = r"evenings?\s*(?:and|&)\s*weekends?"  # after a dash or in brackets only
TIER = (
    rf"({TIERS}|{HOURS}|(?:business|extended) {HRS}|{OUT_OF_HOURS}|{EVENINGS_AND_WEEKENDS})"
    r"(?:\s+(?:tier|level|plan|sla))?"
)
# hours of cover before the name: "24/7 Service Desk", "Extended Hours Service Desk"
LEADING_HOURS = re.compile(rf"^\s*({OUT_OF_HOURS}|{HOURS}|(?:business|extended) {HRS})\s+(?=\w)")
NON_PROD = r"non[ -]?prod(?:uction)?"  # "AKS Non-Prod": no "- Prod" inside it
# business hours as a name says them in brackets or after a dash: "(Office Hours)", "- office hours", "(8-6
# weekdays)", "(Mon-Fri 9-5)"; a day that starts at 7 to 9 and ends at 5 to 6, not "(24x5 Mon-Fri)", "(Mon-Fri
# 7am-10pm)"; not after a colon ("Research Computing: Office Hours" is a service of its own)
DAYS = r"(?:weekdays|mon(?:day)?\s*-\s*fri(?:day)?)"
DAY_HOURS = r"0?[7-9](?:[:.]?[03]0)?\s*(?:am)?\s*-\s*(?:0?[56]|1[78])(?:[:.]?[03]0)?\s*(?:pm)?"
OFFICE_HOURS = rf"(?:office|working|core) {HRS}|(?:{DAYS}\s*)?{DAY_HOURS}(?:\s*{DAYS})?"
TIER_SUFFIX = re.compile(
    rf"(?:(?<!non)(?:\s*[:|(\[]|\s+[-–—]|(?<![a-z])[-–—])\s*{TIER}\s*[)\]]?"  # not "Go-Live", "Pre-Staging"
    rf"|\s+({METALS}|{HOURS}|{NON_PROD}|{FOREIGN_LEVELLED})(?:\s+(?:tier|level|plan|sla))?"
    rf"|\s*\(\s*({OFFICE_HOURS})\s*\)|\s+[-–—]\s*({OFFICE_HOURS}))\s*$",
    re.I,
)
HOURS_END = re.compile(rf"(?<![\w.]){HOURS}$")
DAY_RANGE_END = re.compile(r"\d\s*-\s*\d[\d:.]*$")  # may be DAY_HOURS: "9-5", "08:00-18:00"
# the last word of every tier (TIER), for a quick test before the regex
TIER_ENDINGS = ("gold", "silver", "bronze", "platinum", "standard", "premium", "basic", "tier", "prod")
TIER_ENDINGS += ("level", "plan", "sla", "hours", "hrs", "test", "dev", "uat", "staging", *PRODUCTION_WORDS)
TIER_ENDINGS += ("weekdays", "fri", "friday", "pm", "weekend", "weekends", *LEVEL_AFTER.split("|"))
TIER_ENDINGS += tuple(FOREIGN_TIERS)
PRODUCTION = re.compile(rf"\b(?:{PRODUCED})\b")
NON = re.compile(r"\bnon[ -]?(?=prod)")
PRE_PROD = re.compile(r"^pre[ -]?prod")  # not "Premium"
# tiers another covers where no record of their own exists: "- 24x7" for out-of-hours support, "- Non-Prod"
# for a UAT, staging or pre-production environment
EVENINGS = "evenings and weekends"
COVERS = {"out of hours": "24x7", "uat": "non prod", "staging": "non prod", "pre prod": "non prod"}
NOT_LIVE = frozenset(["non prod", *(tier for tier, cover in COVERS.items() if cover == "non prod")])
DEV_TEST = re.compile(r"^(?:dev|test|development)\s*(?:[/&]|and\b)")


def may_end_in_tier(text: str) -> bool:
    """Whether a lower-case ASCII text may end in a tier (TIER_SUFFIX): the regex, tried at every
    position, costs more than reading the name's end ("ı" and "ſ" are why only ASCII is read so)."""
    end = text.rstrip().rstrip(")]").rstrip()
    if end[-1:].isdigit():
        return (
            end.rstrip("0123456789").endswith(("tier ", "stufe "))
            or (end[-1] in "57" and bool(HOURS_END.search(end[-24:])))
            or "fri" in end[-24:]  # "(Mon-Fri 9-5)"
            or ("-" in end[-14:] and bool(DAY_RANGE_END.search(end[-14:])))  # a day's hours alone: "(9-5)"
        )
    return end.endswith(TIER_ENDINGS)


def without_tiers(name: str) -> str:
    """The name as written without the tiers it ends in: "Netzleitsystem Strom - Test - Stufe 3" is "…
    - Test", whose environment comes before its tier."""
    text = name
    while (not text.isascii() or may_end_in_tier(text.lower())) and (match := TIER_SUFFIX.search(text)):
        text = text[: match.start()]
    return text


@lru_cache(maxsize=100_000)
def tiers_of(name: str) -> frozenset[str]:
    """ "Database Hosting - Gold (Prod)" → {"gold", "prod"}: the tier suffixes normalise() drops, and hours
    of cover before the name ("24/7 Service Desk"); where it ends in no tier, those before one remark in
    brackets ("Backup - Out of Hours (hourly snapshots)")."""
    # its letters as normalise reads them before its tiers: "Резервни копия - Злато" is Gold
    text = name.lower() if name.isascii() else decomposed(name).lower()
    found = _tiers_at_end(text)
    if not found and (bare := _without_remark(text)):
        found = _tiers_at_end(bare)
    if leading := LEADING_HOURS.match(text):
        found.add(canonical_tier(leading.group(1)))
    return _tier_set(tuple(sorted(found)))


@lru_cache(maxsize=1_000)
def _tier_set(tiers: tuple[str, ...]) -> frozenset[str]:
    """One set per combination of tiers, however many names end in it: a set of its own for each would be
    one more object for the cycle collector to walk per name read."""
    return frozenset(tiers)


def _tiers_at_end(text: str) -> set[str]:
    """The tiers a name ends in, the last first read away: "- Gold (Prod)"."""
    found = set()
    while (not text.isascii() or may_end_in_tier(text)) and (match := TIER_SUFFIX.search(text)):
        found.add(
            "business hours"
            if match.group(3) or match.group(4)
            else canonical_tier(match.group(1) or match.group(2))
        )
        text = text[: match.start()]
    return found


def _without_remark(text: str) -> str:
    """The text before its last remark in brackets, where it ends in one ("… (hourly snapshots)"); else ""."""
    end = text.rstrip()
    start = end.rfind("(")
    if not end.endswith(")") or start < 1 or ")" in end[start + 1 : -1]:
        return ""
    return end[:start]


def canonical_tier(tier: str) -> str:
    """ "24 / 7 x 365" → "24x7": hours of cover however written; "Production" is "Prod", "Non-Production"
    and "Dev/Test" "Non Prod"; any other tier as it is."""
    if metal := _foreign_metal(tier):
        return metal
    if DEV_TEST.match(tier):
        return "non prod"  # "Dev/Test": what is not production
    if PRE_PROD.match(tier):
        return "pre prod"
    if tier.endswith("hrs"):
        tier = f"{tier[:-3]}hours"
    if tier.startswith("evening"):
        return EVENINGS  # hours of cover of their own: no 24x7 covers them surely
    if tier.endswith("hours"):
        hours = " ".join(re.split(r"[- ]+", tier))  # "Out-of-Hours" is "out of hours"
        return "out of hours" if hours == "after hours" else hours
    if tier.startswith("stufe"):  # a German catalogue's "Stufe 1"
        return f"tier{tier[5:]}"
    if not tier[:1].isdigit():
        return PRODUCTION.sub("prod", NON.sub("non ", tier))
    hours = re.sub(r"\s+", "", tier).replace("/", "x")
    return hours.removesuffix("x365")


def other_metal(word: str) -> str:
    """The metal a word of another language names, a tier's or one that is another word too ("Gull",
    "Aur", "Altin"); else ""."""
    unmarked = _unmarked(word.lower())
    return IF_TIERED_READ.get(unmarked) or _foreign_metal(unmarked)


def _foreign_metal(tier: str) -> str:
    """The metal of a tier written in another language ("nível ouro", "zlatna razina"); else ""."""
    words = [w for w in _unmarked(tier).split() if w not in LEVEL_WORDS]
    if len(words) != 1:
        return ""
    return words[0] if words[0] in FOREIGN_METALS else FOREIGN_TIERS.get(words[0], "")  # "nivel Gold"


def covered_tiers(tiers: frozenset[str]) -> frozenset[str]:
    """Tiers read as the tier that covers each (COVERS): "Out of Hours Support" is a "Support - 24x7", an
    "App - UAT" an "App - Non-Prod", where no record of their own tier exists (sync.scorer)."""
    return frozenset(COVERS.get(tier, tier) for tier in tiers)


def hours_of(name: str) -> frozenset[str]:
    """The hours of cover among a name's tiers ("24x7", "business hours")."""
    return frozenset(t for t in tiers_of(name) if t[:1].isdigit() or t.endswith("hours") or t == EVENINGS)
