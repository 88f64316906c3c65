"""How the scorer reads a name: normalised words, the aliases that fired, the version, the words left once
generic ones ("Services", "Infrastructure", "Edition") are out, and its initials.

Aliases come from the dictionary that ships with the product (sync/data/aliases.yaml) and from a
namespace's own aliases (typed by an admin or learned from confirmed matches). An alias replaces a run of
words by the canonical name of its group, so "Postgres 16" reads as "postgresql" version 16.
"""

import re
from collections.abc import Sequence
from typing import NamedTuple

from sync.match_acronyms import declared, generic_only_at_ends, initials, little_words, own_acronym, with_and
from sync.match_appliances import firmware
from sync.match_brackets import TARGETS_DEPLOYED, deployed
from sync.match_dictionary import (
    BRACKETS,
    MAKERS_APP_ID,
    bundled,
    kept_editions,
    released,
    renumbered,
    shipped_groups,
    shipped_product_names,
    whole_name,
    words_of,
)
from sync.match_distributions import BUILD_OF
from sync.match_editions import EDITIONS, LOCALISED_EDITIONS, PLANS, edition_read, licence_plans, office_plus
from sync.match_languages import LANGUAGE_AS_NAMED, english_edition
from sync.match_packages import package_file
from sync.match_releases import named_numbers
from sync.match_rules import (
    UPDATES,
    java_package,
    software_words,
    stem,
    version_field,
    without_release_updates,
)
from sync.match_versions import version_named, versions_read
from sync.matching import VERSION, normalise

SQUARE = re.compile(r"\[([^\[\]]*)\]")  # square brackets, read as round ones in an inventory's names
GLUED_CE = re.compile(r"(?<=[a-z0-9])-ce\b", re.I)  # a package's community edition
# how an install was licensed, as SQL Server lists its editions: "Enterprise Edition: Core-based Licensing"
LICENSING = re.compile(r"\s*:\s*core[- ]based\s+licen[cs]ing\b", re.I)
CODENAME = re.compile(r"(\d[\w.]*)\s+['‘\"“]([\w .-]{1,30})['’\"”]")
SERVICE_PACK = re.compile(rf"^(?:{UPDATES})\d+(?:\.\d+)?$")  # "SP3", SOLIDWORKS' "SP3.0"
REGIONS = frozenset(["emea", "apac", "amer", "america", "latam"])  # where a service runs ("Americas")
GENERIC = {
    "it_service": REGIONS
    | frozenset(
        [
            "service",
            "infrastructure",
            "enterprise",
            "solution",
            "managed",
            "corporate",
            "it",
            "offering",
            "capability",
            "system",
            "platform",
            "and",
        ]
    ),
    "software_product": frozenset(
        [
            "edition",
            "enterprise",
            "standard",
            "professional",
            *LOCALISED_EDITIONS,  # "Windows 11 Professionnel", "Office Estándar 2016"
            "redaktsiya",  # 1C's "редакция 3.0", its configuration's release: the version that follows
            "korp",  # 1C's editions, as normalised: "КОРП" (CORP), "ПРОФ" (PROF)
            "corp",
            "prof",
            "pro",
            "std",
            "datacenter",
            "community",
            "se",
            "ee",
            "lts",
            "ltsr",
            "ltr",  # QGIS's long-term release
            "ltsc",
            "dc",
            "cc",  # "Photoshop CC": Creative Cloud's, as "Acrobat DC" is Document Cloud's
            "server",
            "software",
            "distribution",  # "Anaconda Distribution", as installs name it "Anaconda3"
            "x64",
            "and",
            *PLANS,  # "Visio Plan 2": a licence plan (match_editions.licence_plans)
        ]
    ),
}
# Words that say how a service is delivered rather than what it is: "Database Hosting" = "Database
# Services", "Firewall Services" = "Firewall Management", "Desktop Support" = "Desktop Services". Left out,
# they give a name's meaning, a weaker match than its core (sync.scorer.LOOSE). For software, the client
# words of an install ("Power BI Desktop"), and only when two words or more are left.
LOOSE = {
    "it_service": frozenset(["support", "host", "management", "administration", "provision", "delivery"]),
    "software_product": frozenset(["desktop", "app", "application"]),
}
# Qualifiers that say where or how, not what: a meaning needs a word besides them ("Cloud Platform
# Services" is not "Cloud Hosting").
VAGUE = frozenset(
    ["cloud", "digital", "online", "virtual", "secure", "remote", "hybrid", "private", "public", "shared"]
    + ["central", "web", "global", "local", "new", "core", "general", "standard", "premium", "basic"]
)
NOT_THE_MEANING = frozenset(["host"])  # an alias naming this word gives no meaning without it
PROTOCOLS = frozenset(
    ["dhcp4", "dhcp6", "ipv4", "ipv6", "http2", "http3", "smbv1", "smbv2", "smbv3", "snmpv3"]
)


_SHIPPED: dict[str, tuple[dict, dict, frozenset[str], dict]] = {}  # AliasBook._shipped's by kind: copied


class AliasBook:
    """Word runs → the canonical words of their group. Built per kind and per set of namespace aliases."""

    products: dict[str, list[tuple[str, ...]]]  # the products' names, by their first word

    def __init__(self, kind: str, pairs: tuple[tuple[str, str], ...] = ()) -> None:
        self.kind = kind
        self.pairs = pairs
        self.generic = GENERIC.get(kind, GENERIC["it_service"])
        self.loose = LOOSE.get(kind, LOOSE["it_service"])
        shipped = _SHIPPED.get(kind)
        if shipped is None:  # the shipped dictionary's part, the same for every pull: read once per process
            shipped = _SHIPPED[kind] = self._shipped()
        phrases, meanings, clashes, self.products = shipped
        self.phrases: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = dict(phrases)
        # a member's meaning (its words less generic and delivery words) → its group's, with the reason
        self.meanings: dict[str, tuple[str, str]] = dict(meanings)
        own: dict[str, tuple[str, str]] = {}
        own_clashes: set[str] = set()
        for phrase, means in pairs:  # a namespace's own aliases win over the shipped ones
            target = words_of(means)
            canonical = self.phrases.get(target, (target, ""))[0]
            words = words_of(phrase)
            if words and canonical:
                self.phrases[words] = (canonical, f"your alias: {phrase} = {means}")
                self.phrases.setdefault(target, (canonical, ""))
                self._mean(words, canonical, f"your alias: {phrase} = {means}", own_clashes, own)
        for clash in clashes:
            self.meanings.pop(clash, None)
        self.meanings.update((key, meant) for key, meant in own.items() if key not in own_clashes)
        products = shipped_product_names() if kind != "software_product" else frozenset()
        sizes: dict[str, set[int]] = {}
        for words in self.phrases:
            sizes.setdefault(words[0], set()).add(len(words))
        # a phrase's first word → the sizes of the phrases it starts, the longest first
        self.first_words = {word: sorted(found, reverse=True) for word, found in sizes.items()}
        # never split as a glued version: protocols ("isc-kea-dhcp4"), and makers' names ("KnowBe4")
        self.unsplit = set(self.first_words) | PROTOCOLS
        # words the dictionary knows, as words of services for services: not "Kubernetes", a product
        self.vocabulary = frozenset(  # not a letter: "T&E" makes no "T-DOC" a service's words
            w for words in self.phrases if words not in products for w in words if len(w) > 1
        )
        # the one-word phrases; the other words are known only inside theirs ("Sprava zranitelnosti")
        self.alone = frozenset(words[0] for words in self.phrases if len(words) == 1)
        self.phrase_only = self.vocabulary - self.alone
        self.cache: dict[tuple[str, str, bool, bool], Name] = {}
        self.grouped: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] | None = None  # names_of's

    def _shipped(self) -> tuple[dict, dict, frozenset[str], dict]:
        """The shipped groups' phrases and meanings for this kind, the meanings two groups give, and the
        products' names by their first word: new values, which the books of this kind share and copy."""
        phrases: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {}
        meanings, clashes = dict[str, tuple[str, str]](), set[str]()
        products = shipped_product_names() if self.kind != "software_product" else frozenset()
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in products:
            by_first.setdefault(words[0], []).append(words)
        for group in shipped_groups(self.kind):
            canonical = words_of(group[0])
            phrases.setdefault(canonical, (canonical, ""))
            for name in group[1:]:
                words = words_of(name)
                if words and words not in phrases:
                    phrases[words] = (canonical, f"alias: {name} = {group[0]}")
            for name in group if canonical not in products else ():
                self._mean(words_of(name), canonical, f"alias: {name} = {group[0]}", clashes, meanings)
        return phrases, meanings, frozenset(clashes), by_first

    def another_product(self, mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
        """Whether the portfolio name is a phrase of the dictionary and the target's name, as read, holds
        another group's phrase with some of its words: "Salesforce Marketing Cloud" is no "Salesforce
        Marketing Cloud Account Engagement", Pardot's name."""
        own = self.phrases.get(mine)
        runs = self._runs(theirs) if own is not None else None
        if own is None or runs is None:
            return False
        mine_set, i = set(mine), 0
        while i < len(theirs):
            hit, size = runs[i]
            if (
                hit
                and hit[0] != own[0]
                and 0 < len(mine_set.intersection(theirs[i : i + size])) < min(len(mine), size)
            ):
                return True
            i += size
        return False

    def names_of(self, canonical: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
        """The names of the product whose first name in the dictionary (`any_product`) reads as these words,
        read and as written, that one first, the longer first after it; none for any other words. Built
        once asked."""
        if self.grouped is None:
            self.grouped = {}
            products = shipped_product_names() if self.kind != "software_product" else frozenset()
            for group in shipped_groups(self.kind):
                if (first := words_of(group[0])) in products:
                    named = {words_of(name): name for name in reversed(group)}
                    ordered = sorted(named.items(), key=lambda n: (n[0] != first, -len(n[0]), n[0]))
                    self.grouped.setdefault(first, ordered)
        return self.grouped.get(canonical, [])

    def _codename(self, quoted: re.Match) -> str:
        """The version alone when the quoted words after it are a release's name, not a word the dictionary
        knows or an edition ("QGIS 3.34.4 'Prizren'"; not "QGIS 3.34.4 'Server'")."""
        words = normalise(quoted.group(2)).split()
        known = self.vocabulary | self.generic | EDITIONS.keys()
        return quoted.group(1) if words and not known.intersection(words) else quoted.group(0)

    def holds_product(self, words: Sequence[str]) -> bool:
        """Whether a service's name holds a product of `any_product` ("MSSQL", "SQL Server Licensing")."""
        if self.products.keys().isdisjoint(words):
            return False  # most names, at once
        return any(
            tuple(words[i : i + len(c)]) == c for i, w in enumerate(words) for c in self.products.get(w, ())
        )

    def meaning_of(self, words: tuple[str, ...] | list[str]) -> str:
        """The words less generic and delivery words, as a sorted set; "" when too little is left."""
        generic, loose = self.generic, self.loose
        kept = sorted({w for w in words if w not in generic and w not in loose})
        enough = 2 if self.kind == "software_product" else 1
        return " ".join(kept) if len(kept) >= enough and not VAGUE.issuperset(kept) else ""

    def _mean(self, words: tuple, canonical: tuple, reason: str, clashes: set, into: dict | None = None):
        key, means = self.meaning_of(words), self.meaning_of(canonical)
        if not key or not means or NOT_THE_MEANING.intersection(words):
            return  # "Application Hosting" is hosting: "Application Support" is not what it means
        into = self.meanings if into is None else into
        if key in into and into[key][0] != means:
            clashes.add(key)  # one meaning, two groups: neither wins
        into.setdefault(key, (means, "" if key == means else reason))

    def substitute(self, words: list[str]) -> tuple[list[str], list[bool], list[str]]:
        """The words with alias runs replaced, whether an alias gave each (empty when none did), and the
        aliases that fired: the reading in the fewest runs, the longest run first on a tie ("Microsoft
        Azure AD Connect" is "Microsoft" and "Azure AD Connect", not "Microsoft Azure" and two words), the
        words a run repeats once."""
        if self.first_words.keys().isdisjoint(words):
            return words, [], []
        runs = self._runs(tuple(words))
        if runs is None:  # no run of them is an alias's
            return words, [], []
        out: list[str] = []
        aliased: list[bool] = []
        fired: list[str] = []
        i = 0
        while i < len(words):
            hit, size = runs[i]
            if hit:
                said = overlap(out, hit[0]) if out else 0  # "Microsoft" + "Microsoft Entra Connect"
                out.extend(hit[0][said:])
                aliased.extend([True] * (len(hit[0]) - said))
                if hit[1]:
                    fired.append(hit[1])
            else:
                out.append(words[i])
                aliased.append(False)
            i += size
        return out, aliased, fired

    def phrased(self, words: tuple[str, ...], alone: bool = False) -> set[int]:
        """The positions of the words a phrase of the dictionary of several words holds (`alone`: or of
        one), as `substitute` reads them."""
        runs, found, i = self._runs(words), set(), 0
        while runs is not None and i < len(words):
            hit, size = runs[i]
            found.update(range(i, i + size) if hit and (size > 1 or alone) else ())
            i += size
        return found

    def _runs(self, words: tuple[str, ...]) -> list[tuple[tuple | None, int]] | None:
        """From each position, the alias run (or None for a word of its own) and its size on a reading of
        the fewest runs to the end; None where no run is an alias's."""
        first_words, phrases, end = self.first_words, self.phrases, len(words)
        count = [0] * (end + 1)
        runs: list[tuple[tuple | None, int]] = [(None, 1)] * end
        any_hit = False
        for i in range(end - 1, -1, -1):
            count[i] = count[i + 1] + 1
            for size in first_words.get(words[i], ()):  # the longest first: it wins a tie
                hit = phrases.get(words[i : i + size]) if i + size <= end else None
                if hit and count[i + size] + 1 < count[i] + (runs[i][0] is None):
                    count[i], runs[i] = count[i + size] + 1, (hit, size)
                    any_hit = True
        return runs if any_hit else None

    def read(self, name: str, version: str = "", versioned: bool = False, portfolio: bool = False) -> "Name":
        """How a name reads; `portfolio`: a portfolio record's, which may be a whole-name alias ("Zoom")."""
        key = (name, version, versioned, portfolio)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._read(name, version, versioned, portfolio)
        return found

    def _read(self, name: str, version: str, versioned: bool, portfolio: bool = False) -> "Name":
        given = name
        if versioned:
            name = firmware(bundled(package_file(name, version)))  # "httpd-2.4.57", "FortiGate-60F v7.2"
            if GLUED_CE.search(name) and not whole_name(name)[0]:  # the dictionary's own "docker-ce"
                name = GLUED_CE.sub(" Community", name)  # "dbeaver-ce"; not "Windows CE"
            name = CODENAME.sub(self._codename, name)  # "QGIS 3.34.4 'Prizren'": a release's name
            name = BUILD_OF.sub(" ", name)  # "Red Hat build of OpenJDK" is Red Hat's OpenJDK (other_build)
            # "Acrobat Reader DC - Nederlands": an install's language; not "Duolingo Italiano"
            name = english_edition(LANGUAGE_AS_NAMED.sub("", name))
            name = LICENSING.sub("", name) if ":" in name else name
            if portfolio and "[" in name:  # an install's "… Console [support.example.com]"
                name = SQUARE.sub(r"(\1)", name)
        shown = name
        if versioned and "(" in name:  # "Firefox (x64 en-US)", "Java(TM) SE … (64-bit)": inventory noise
            name = BRACKETS.sub(deployed if portfolio else TARGETS_DEPLOYED, name).strip() or name
        normalised, release = normalise(name).split(), ""
        if versioned:
            if " " not in name.strip() and normalised[:1] in (["openjdk"], ["java"]):
                normalised = java_package(normalised)
            normalised, release = released(licence_plans(software_words(normalised, self.unsplit)))
            normalised = without_release_updates(normalised)
            if not release and version[:1].isalpha():  # "MATLAB" at version "R2024a": the release
                named, release = released([*normalised, *normalise(version).split()])
                normalised, version = (named, "") if release else (normalised, version)
            version = version_field(version, normalised) if version else ""
        plain = (
            [w for w in normalised if not (VERSION.match(w) or SERVICE_PACK.match(w))]
            if versioned
            else normalised
        )
        # a maker's one app ("com.whatsapp") is its phone app, none of the installs a whole name is
        whole_read = versioned and portfolio and not MAKERS_APP_ID.match(given)
        product, whole = whole_name(shown) if whole_read else ([], "")
        words, aliased, fired = self.substitute([stem(w) for w in product or normalised])
        fired = [whole, *fired] if whole else fired
        versions = []
        if versioned:
            kept_words = []
            for word, from_alias in zip(words, aliased or [False] * len(words), strict=True):
                if not from_alias and (VERSION.match(word) or SERVICE_PACK.match(word)):
                    if VERSION.match(word):
                        versions.append(version_named(word, normalised))
                else:
                    kept_words.append(word)
            words = kept_words
        little = little_words(name)  # "SEI - Sistema Eletrônico de Informações"
        if (at := own_acronym(words, little)) is not None:
            words.pop(at)  # "Web Application Firewall (WAF)", "ICS - Internal Control System"
        generic = self.generic
        if versioned:
            kept, plus = kept_editions(words), office_plus(words)
            core = [w for n, w in enumerate(words) if w not in generic or n in kept] or words
        else:
            core, plus = [w for w in words if w not in generic] or words, ()
        core_read, dropped = edition_read(words, generic, plus, core)
        acronym = initials(words, little)
        chosen, other = versions_read(version, versions[0] if versions else "")
        numbered, renumbering = "", ""
        if versioned:  # "InDesign Server" numbers its own
            numbered, renumbering = renumbered(words, chosen, generic.difference(words[n] for n in kept))
        others = {initials(plain) if fired else "", *declared(name)} if fired or "(" in name else set()
        if len(words) > 3 and words[-1] in self.loose and words[-2] == "system":
            others.add(initials(words[:-1]))  # "Baggage Handling System Support" is said as BHS's
        if "and" in plain:
            others.add(with_and(plain))
        meaning = self.meaning_of(words)
        if versioned and kept and meaning:  # "InDesign Server" is no "InDesign" by its meaning either
            meaning = " ".join(sorted({*meaning.split(), *(words[n] for n in kept)}))
        means, because = self.meanings.get(meaning, (meaning, ""))
        loose, shorter = self.loose, len(core) < len(words)
        return Name(
            plain=" ".join(plain),
            canon=" ".join(words),
            fired=tuple(dict.fromkeys(fired)) if fired else (),
            version=chosen,
            other_version=other,
            numbered=numbered,
            named_version=bool(versions),
            core=core_read,
            loose="".join(core),
            initials=acronym,
            core_initials=initials(core, little)
            if shorter and generic_only_at_ends(core, words)
            else acronym,
            dropped=dropped,
            words=tuple(words),
            meaning=means,
            meaning_alias=because,
            loose_dropped=()
            if loose.isdisjoint(words)
            else tuple(dict.fromkeys(w for w in words if w in loose)),
            other_initials=tuple(sorted(others - {acronym, ""})) if others else (),
            release=release or (renumbering if not versions else ""),  # "mssql-server" 16.0: SQL Server 2022
            named_number=bool(versions) and (*words, versions[0]) in named_numbers(),
        )


def overlap(before: list[str], run: tuple[str, ...]) -> int:
    """How many of the run's first words the words before it end with."""
    return next((k for k in range(min(len(before), len(run)), 0, -1) if before[-k:] == list(run[:k])), 0)


class Name(NamedTuple):
    """A name as the scorer reads it (a tuple: thousands are read per pull)."""

    plain: str  # normalised, versions out, no alias applied
    canon: str  # aliases applied, versions out
    fired: tuple[str, ...]  # the aliases applied, as reasons
    version: str  # canonical version ("16.2", "19c"), "" if none
    core: str  # canon without generic words, as a sorted set (word order does not matter)
    loose: str  # the core words run together ("wi fi" and "wifi" agree)
    initials: str
    core_initials: str
    dropped: tuple[str, ...]  # the generic words left out
    words: tuple[str, ...]
    meaning: str = ""  # the words less generic and delivery words, through an alias group if one has them
    meaning_alias: str = ""  # the alias that gave the meaning, as a reason
    loose_dropped: tuple[str, ...] = ()  # the delivery words left out
    other_initials: tuple[str, ...] = ()  # before aliases; an acronym given in brackets; the rest's
    other_version: str = ""  # the version field, when the name gives another major (versions_read)
    numbered: str = ""  # the version in the product's other numbering ("16" for SQL Server 2022; renumbered)
    named_version: bool = False  # the name itself carries a version
    release: str = ""  # a release name read as its version, as a reason ("release: macos sonoma = macos 14")
    named_number: bool = False  # the name's number is no version of it ("Zabbix Agent 2": named_numbers)
