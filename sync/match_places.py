"""Site codes a portfolio writes for the places a catalogue names in full: "DNC-Max WIC" for a "DNC Program
Distribution - Wichita - Gold", "Desk-side support RZE" for an "Onsite IT Support - Rzeszow - Silver". A code
is read as a place only where it is the start of one place's name alone, and no word of its own."""

import re
from collections.abc import Container

from sync.match_products import named_words
from sync.match_rules import is_english
from sync.match_tiers import tiers_of
from sync.matching import normalise

CODE = re.compile(r"\b[A-Z]{3,4}\b")  # written in capitals, as a site's code is: "RZE", "WIC"
DASH = re.compile(r"\s+[-–—]\s+")  # a place follows the service's name: "Site Network - Wichita - Gold"
# a code written last before the tier's dash, or last of all: "Process Historian VLS - Gold"
CODE_LAST = re.compile(r"^(.*?[^\s–—-])\s+([A-Z]{2,4})(\s+[-–—]\s+.*)?$")
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


def coded_sites(names: list[str], known: Container[str]) -> dict[int, str]:
    """{target: its name without its site's code} for the names that write a site's code last before the
    tier ("Process Historian VLS - Gold", "Distributed Control System ANT - Silver"): a code that ends the
    names of two services or more, one of which the catalogue also holds with another code or none ("Process
    Historian - Non-Production"), and no word `known` (the dictionary's: "Customer Portal API" is no site's).
    Read so, "LIMS" finds each site's records, which a person then chooses between."""
    coded: dict[int, re.Match] = {}
    heads: dict[str, dict[str, list[int]]] = {}  # code → the service before it, in lower case → its records
    for i, name in enumerate(names):
        if CODE_SEEN.search(name) and (found := CODE_LAST.match(name)) and not DASH.search(found.group(1)):
            coded[i] = found
            heads.setdefault(found.group(2), {}).setdefault(found.group(1).lower(), []).append(i)
    if not heads:
        return {}  # most catalogues, at once
    bare = {DASH.split(name, 1)[0].lower() for name in names}  # the services before any dash
    codes = {
        code
        for code, services in heads.items()
        if len(services) >= 2
        and code.lower() not in known
        and any(service in bare or sum(service in heads[c] for c in heads) > 1 for service in services)
    }
    return {
        i: f"{found.group(1)}{found.group(3) or ''}" for i, found in coded.items() if found.group(2) in codes
    }
