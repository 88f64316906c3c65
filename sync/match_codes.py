"""Clients' codes: an MSP heads the services it runs for one client with the client's code ("FW - Claims
Management", "BWS - Lone Worker Safety"). The code says whose a service is, not what it is, so the scorer
reads it away on both sides (sync.scorer) and shows the names as written. Two clients' services of one name
are then a person's choice, and a portfolio name that gives a code keeps the other clients' services from
pre-selection."""

import re
from collections import Counter
from collections.abc import Container
from dataclasses import replace

from sync.match_names import REGIONS, AliasBook
from sync.match_products import product_words, written_words
from sync.match_rules import is_english
from sync.match_tiers import ENVIRONMENT_CODES, tiers_of
from sync.matching import Candidate, Item, normalise

CODED = re.compile(r"([A-Z]{2,5})\s+[-–—]\s+(?=\w)")
WRITTEN_CODED = re.compile(r"([A-Z]{2,5})(?:\s*[-–—]\s*|\s+)(?=\w)")  # as a portfolio may: "SMD-Firewalls"
CLIENT_SERVICES = 8  # a client's services at least: a category may head a few
# what else heads many services' names in capitals: a country, a region, an environment ("DE - Service Desk",
# "ANZ - Payroll", "UAT - Payroll")
ISO_COUNTRIES = (  # ISO 3166 alpha-2, with "uk", "el" and "eu" as written too
    "ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs "
    "bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee "
    "eg eh el er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy "
    "hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la "
    "lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my "
    "mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs "
    "ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm "
    "tn to tr tt tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw "
)
COUNTRIES = frozenset(ISO_COUNTRIES.split())
OTHER_PLACES = "anz apj nam eur mea cee dach emea nordics benelux"
PLACES = COUNTRIES | REGIONS | frozenset(OTHER_PLACES.split())


def client_codes(targets: list[Item], book: AliasBook) -> frozenset[str]:
    """The codes of capitals heading CLIENT_SERVICES services' names or more that say whose a service is:
    no word the lists know as written ("SaaS" is no "SAA"), nor an English word of four letters or more (the
    word list has "wup" too), a place or an environment."""
    counts = Counter(found.group(1) for t in targets if (found := CODED.match(t.name)))
    if max(counts.values(), default=0) < CLIENT_SERVICES:
        return frozenset()  # most catalogues, at once
    own = {w for pair in book.pairs for text in pair for w in product_words(text)}  # a namespace's aliases
    known = written_words() | book.generic | own | PLACES | ENVIRONMENT_CODES
    return frozenset(
        code
        for code, count in counts.items()
        if count >= CLIENT_SERVICES
        and (word := code.lower()) not in known
        and not (len(word) >= 4 and is_english(word))
    )


def split_code(name: str, codes: frozenset[str], portfolio: bool = False) -> tuple[str, str]:
    """The client's code a name begins with and the name without it; ("", name) for none, also where
    nothing but a tier follows ("FW - Gold"). `portfolio`: a portfolio name's, which may give it without
    spaces or a dash ("SMD-Firewalls", "SMD Backup"), once the targets' names have shown it a code."""
    found = (WRITTEN_CODED if portfolio else CODED).match(name) if codes else None
    if not found or found.group(1) not in codes or not normalise(rest := name[found.end() :]):
        return "", name
    return found.group(1), rest


def without_code(name: str, codes: frozenset[str]) -> str:
    """A target's name without a client's code it begins with (`split_code`)."""
    return split_code(name, codes)[1]


def portfolio_code(name: str, codes: frozenset[str], named: Container[str]) -> tuple[str, str]:
    """The client's code a portfolio name gives, as the targets write it or run together ("SMD-Fortigate
    Firewalls", "SMD Backup"), and the name without it; not where the name, normalised, is a target's own
    (`named`: "SMD Rework Station Support" where a target is named so)."""
    if not codes:
        return "", name  # most catalogues
    return split_code(name, codes, portfolio=normalise(name) not in named)


def with_codes(
    ranked: list[Candidate], coded: dict[str, str], code: str, tiers: frozenset[str] = frozenset()
) -> list[Candidate]:
    """The candidates named as the target names them, with a client's code, and so in each other's reasons
    ("as likely as CMR - Base IT Support - 24x7"); only suggested, another client's service where the
    portfolio name gives a `code`, and one of two clients' services of one name where it gives none: tiers
    aside, unless it gives `tiers` ("Backup" beside one's "- Gold" and another's "- Bronze")."""
    theirs = {c.target_id: CODED.match(coded[c.target_id]).group(1) for c in ranked if c.target_id in coded}
    names: dict[str, set[str]] = {}
    clients: dict[tuple, dict[str, str]] = {}  # a service as normalised (and its tiers) → its clients' names
    services = {c.target_id: (normalise(c.name), tiers_of(c.name) if tiers else frozenset()) for c in ranked}
    for c in ranked:
        names.setdefault(c.name, set()).add(coded.get(c.target_id, c.name))
        clients.setdefault(services[c.target_id], {}).setdefault(
            theirs.get(c.target_id, ""), coded.get(c.target_id, c.name)
        )
    shown = {name: next(iter(written)) for name, written in names.items() if len(written) == 1}
    longest = sorted(shown, key=len, reverse=True)  # "Parking Support" before "Parking"
    said = re.compile("|".join(rf"(?<![\w-]){re.escape(name)}(?!\w)" for name in longest)) if shown else None
    result = []
    for c in ranked:
        reasons = tuple(said.sub(lambda m: shown[m.group(0)], r) for r in c.reasons) if said else c.reasons
        why = ""
        if code and theirs.get(c.target_id, code) != code:
            why = f"{theirs[c.target_id]}'s, not {code}'s: suggested, never pre-selected"
        elif not code and len(others := clients[services[c.target_id]]) > 1:
            mine = theirs.get(c.target_id, "")
            other = next(others[k] for k in sorted(others) if k != mine)
            why = f"as likely as {other}"
        if why and c.preselectable:
            reasons, c = (*reasons, why), replace(c, preselectable=False)
        result.append(replace(c, name=coded.get(c.target_id, c.name), reasons=reasons))
    return result
