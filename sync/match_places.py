"""Site codes a portfolio writes for the places a catalogue names in full: "DNC-Max WIC" for a "DNC Program
Distribution - Wichita - Gold", "Desk-side support RZE" for an "Onsite IT Support - Rzeszow - Silver". A code
is read as a place only where it is the start of one place's name alone, and no word of its own. Places a
portfolio writes in full for the codes a catalogue writes ("Printing Cusco" for "Printing - CUS"): `Codes`.
And the site codes a catalogue writes after its services' names ("Process Historian VLS - Gold"):
`coded_sites`."""

import re
from collections import Counter
from collections.abc import Container

from sync.match_products import named_words
from sync.match_rules import is_english
from sync.match_tiers import ENVIRONMENT_CODES, NOT_LIVE, tiers_of
from sync.matching import normalise

CODE = re.compile(r"\b[A-Z]{3,4}\b")  # written in capitals, as a site's code is: "RZE", "WIC"
DASH = re.compile(r"\s+[-–—]\s+")  # a place follows the service's name: "Site Network - Wichita - Gold"
# a code written last before the tier's dash, or last of all: "Process Historian VLS - Gold"
CODE_LAST = re.compile(r"^(.*?[^\s–—-])\s+([A-Z]{2,4})(\s+[-–—]\s+.*)?$")
SITE_CODE = re.compile(r"[A-Z]{3,4}")  # a code alone after a dash: "Internet Access - CUS"
PLACE = re.compile(r"\b[^\W\d_]{4,}\b")  # a place written in full: "Cusco", "Bogotá"
CODE_SEEN = re.compile(r"\s[A-Z]{2,4}(?:\s+[-–—]\s|$)")  # CODE_LAST's quick test: most names have none


class Places:
    """The places the targets' names give after a dash (a capitalised word of five letters or more that is
    no English word, nor a word the dictionary knows or a product's: "- Dynatrace"), by the first three and
    four letters of each."""

    def __init__(self, names: list[str], known: frozenset[str]) -> None:
        self.by_start: dict[str, dict[str, str]] = {}
        for name in names:
            for part in DASH.split(name)[1:]:
                if tiers_of(f"x - {part}"):
                    continue  # "- Gold", "- Non-Prod"
                for raw in part.split():
                    word = normalise(raw)
                    written = raw[:1].isupper() and raw[1:].islower() and len(word) >= 5 and word.isalpha()
                    if written and word not in known and not is_english(word) and word not in named_words():
                        for size in (3, 4):
                            self.by_start.setdefault(word[:size], {})[word] = raw

    def read(self, name: str, *known: Container[str]) -> tuple[str, str]:
        """The name with its first code that starts one place's name alone written as that place, and why;
        ("", "") for none; nor an English word or a product's. `known`: other words no code is (the targets'
        names' and details', the dictionary's, environments: "EDI" is no Edinburgh where a description has it,
        "TRN" no Trnava)."""
        for code in CODE.findall(name):
            lowered = code.lower()
            places = self.by_start.get(lowered, {})
            if (
                len(places) == 1
                and not is_english(lowered)
                and lowered not in named_words()  # a product's word: "HANA" is no Hanau
                and not any(lowered in words for words in known)
            ):
                place = next(iter(places.values()))
                return re.sub(rf"\b{code}\b", place, name, count=1), f"{code} read as {place}"
        return "", ""


def coded_sites(names: list[str], known: Container[str]) -> dict[int, tuple[str, str]]:
    """{target: (its name without its site's code, the code)} for the names that write a site's code last
    before the tier ("Process Historian VLS - Gold", "Distributed Control System ANT - Silver"). A code is a
    site's where it ends the names of two services or more, one of which the catalogue holds under another
    code too, or without one in another environment only ("Process Historian - Non-Production"). Every coded
    record of such a service is read so, whichever of its codes ends fewer names ("Payroll MEC" beside
    "Payroll RTM" and "Pensions RTM"); none of a service also held live without a code ("Backup AWS - Gold"
    beside a "Backup - Gold": a variant of it). No environment ("UAT"), nor a word the dictionary or a
    product has (`known`, `named_words`: "API", "AWS", "UK"). Read so, "LIMS" finds each site's record,
    which a person then chooses between (sync.scorer_ranking)."""
    coded: dict[int, re.Match[str]] = {}
    services: dict[str, set[str]] = {}  # a service before its code, in lower case → its codes
    for i, name in enumerate(names):
        if not CODE_SEEN.search(name) or not (found := CODE_LAST.match(name)) or DASH.search(found.group(1)):
            continue
        code = found.group(2).lower()
        if code in ENVIRONMENT_CODES or code in known or code in named_words():
            continue
        coded[i] = found
        services.setdefault(found.group(1).lower(), set()).add(code)
    if not coded:
        return {}  # most catalogues, at once
    live, other = set(), set()  # the services held without a code: live, and in another environment only
    for name in names:
        before = DASH.split(name, 1)[0].lower()
        if before in services:
            (other if tiers_of(name) & NOT_LIVE else live).add(before)
    ending = Counter(code for codes in services.values() for code in codes)  # how many services each ends
    sites = {
        code
        for service, codes in services.items()
        if len(codes) >= 2 or service in other
        for code in codes
        if ending[code] >= 2
    }
    return {
        i: (f"{found.group(1)}{found.group(3) or ''}", found.group(2))
        for i, found in coded.items()
        if (service := found.group(1).lower()) not in live and not services[service].isdisjoint(sites)
    }


class Codes:
    """The site codes the targets' names give after a dash ("Internet Access - CUS"), each after two services
    or more, with the targets of each: a portfolio name may write the place in full ("Internet Cusco"), as
    those targets' details do ("at the Cusco shop")."""

    def __init__(self, names: list[str], known: Container[str]) -> None:
        services: dict[str, set[str]] = {}
        self.targets: dict[str, set[int]] = {}
        for i, name in enumerate(names):
            if not (name[-3:].isalpha() and name[-3:].isupper()):
                continue  # most names, at once
            parts = DASH.split(name)
            code = parts[-1].lower() if len(parts) > 1 and SITE_CODE.fullmatch(parts[-1]) else ""
            if code and code not in ENVIRONMENT_CODES and code not in known and not tiers_of(f"x - {code}"):
                services.setdefault(code, set()).add(normalise(" ".join(parts[:-1])))
                self.targets.setdefault(code, set()).add(i)
        self.codes = {
            code for code, named in services.items() if len(named) >= 2 and code not in named_words()
        }

    def read(self, name: str, details: dict[str, set[int]], *known: Container[str]) -> tuple[str, str]:
        """The name with its first place written in full that starts one code alone written as that code,
        and why; ("", "") for none. A place is a capitalised word of four letters or more that the details of
        a target of that code write, and no word the targets' names have, the dictionary knows (`known`) or
        a product's ("Canon" is no "- CAN")."""
        for raw in PLACE.findall(name) if self.codes else ():
            word = normalise(raw)
            codes = {word[:size] for size in (3, 4)} & self.codes
            if len(codes) != 1 or not raw[0].isupper() or not raw[1:].islower():
                continue
            code = next(iter(codes))
            if details.get(word, set()) & self.targets[code] and not any(word in words for words in known):
                return re.sub(rf"\b{raw}\b", code.upper(), name, count=1), f"{raw} read as {code.upper()}"
        return "", ""
