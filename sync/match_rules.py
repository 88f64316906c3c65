"""Word-level rules the scorer reads names with, kept apart so each can be tested on its own:

- light stemming ("Patching" = "Patch", "Printing" = "Print", "Logging" = "Log"), not of nouns of their
  own ("Building" is no "Build", "Accounting" no "Account");
- a product name glued to its version ("Postgresql16", "Python3") is split, for software only;
- inventory noise is left out of software names: architecture ("x64", "64-bit"), a half-year release
  ("23H2"), a language ("- en-us"), and an update, service pack, hotfix or build number ("Java 8 Update
  381", "Service Pack 2", "PAN-OS 11.1.2-h3"), while "Version 9" keeps its number, and so does a product
  whose name ends in "Update" ("Dell Command Update 5"); HP's "A.10.91" is 10.91;
- a service named "Category: Name" is also read as its name ("Clinical: PACS");
- editions (sync.match_editions): "Community" and "Professional" are two products;
- word-by-word abbreviations ("Veeam B&R" = "Veeam Backup & Replication", "Win Server" = "Windows
  Server"): each word the same or the start of the other name's word, in order.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from sync.match_editions import EDITIONS
from sync.match_languages import LANGUAGE_NAMES, LANGUAGE_PAIRS, LANGUAGES
from sync.match_tiers import TIER
from sync.match_versions import WINDOWS_BUILD, windows_itself
from sync.matching import VERSION, normalise

VOWELS = set("aeiouy")
BRACKETS = re.compile(r"\(([^()]*)\)")
GLUED = re.compile(r"^([a-z]{4,})(\d+(?:\.\d+)*[a-z]?)$")
PYTHON_MINOR = re.compile(r"^([23])(\d{1,2})$")  # a Python package's major and minor run together
VERSION_MARKED = re.compile(r"^ver\.?(\d+(?:\.\d+)*[a-z]?)$")  # "Ver3.00", "Ver.6.06E": Epson's drivers
GLUED_SHORT = re.compile(r"^(?!sp|cu|ru)([a-z]{2,3})(\d+\.\d+)$")  # "php8.1"; not "sp1.0", "ie11", "s3"
ARCHITECTURE = frozenset(["x64", "x86", "amd64", "arm64", "win64", "win32", "i386", "i686", "x86_64"])
BITS = frozenset(["32", "64"])
# an install's build, however written, on its two axes, its bits and its processor: "(x86)", "win32" are one
BITS_64, BITS_32, INTEL, ARM = (
    ("bits", "64-bit"),
    ("bits", "32-bit"),
    ("processor", "x86"),
    ("processor", "ARM"),
)
BUILDS = {"x64": (BITS_64, INTEL), "amd64": (BITS_64, INTEL), "win64": (BITS_64, INTEL), "64bit": (BITS_64,)}
BUILDS |= {"x86": (BITS_32, INTEL), "win32": (BITS_32, INTEL), "i386": (BITS_32, INTEL), "32bit": (BITS_32,)}
BUILDS |= {"i686": (BITS_32, INTEL), "arm64": (BITS_64, ARM), "aarch64": (BITS_64, ARM)}
DROP_WITH_NUMBER = frozenset(["update", "sp", "cu", "build", "patch", "hotfix", "patchlevel"])
# before "Update", what makes it an update of a release: "Cumulative Update 14", "Java SE Update 381",
# "Adobe Reader XI Update", "Acrobat DC Update"
UPDATE_KINDS = frozenset(["cumulative", "edition", "feature", "quality", "security", "rollup", "critical"])
UPDATE_KINDS |= frozenset(["se", "ee", "dc", "pro", "standard", "professional", "enterprise"])
ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")  # "XI", "X", "VII"
KEEP_NUMBER = frozenset(["version", "ver", "release", "rel"])
SEASONS = frozenset(["spring", "summer", "fall", "autumn", "winter"])  # "Enfocus Switch 2024 Fall"
TRIGGERS = (
    ARCHITECTURE | BITS | DROP_WITH_NUMBER | KEEP_NUMBER | LANGUAGES | LANGUAGE_NAMES | SEASONS | {"service"}
)
LONG_TERM = frozenset(["ltsc", "ltsb"])  # Windows' long-term servicing channels, released by year
# Windows' long-term releases are releases of their own, by year; other products' "LTSC" year is their
# version ("Office LTSC Standard 2021", "Skype for Business LTSC 2021")
WINDOWS = re.compile(r"^(?:win(?:dows)?|w)(?:\d+)?$")  # "Windows", "Win10", "W10"
WINDOWS_EDITIONS = frozenset(normalise("microsoft iot enterprise education pro n ltsc ltsb").split())
# a monthly release named at the end: "Power BI Report Server - January 2024" is no version 2024
MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august"])
MONTHS |= {"september", "october", "november", "december"}
TRIGGERS |= LONG_TERM | MONTHS | {first for first, _ in LANGUAGE_PAIRS}
NUMBER = re.compile(r"^\d+(?:\.\d+)*[a-z]?$")
FEATURE_UPDATE = re.compile(r"^\d{2}h[12]$")  # Windows and Office half-year releases: "23H2"
HOTFIX = re.compile(r"^h\d{1,2}$")
YEAR = re.compile(r"^(?:19|20)\d\d$")
YEAR_RELEASE = re.compile(rf"^(?:r\d|q[1-4]|{'|'.join(SEASONS)})$")  # "2022 R7", "2024 Fall"
# "Windows Server 2012 R2", "Dynamics AX 2012 R3": Microsoft sells such a release as a product of its own;
# words of Microsoft's products only, not "server" ("XProtect Management Server 2024 R1" is a release of 2024)
R_PRODUCTS = frozenset(
    [
        "window",
        "sql",
        "microsoft",
        "center",
        "dynamics",
        "forefront",
        "biztalk",
        "sharepoint",
        "lync",
        "hyper",
    ]
    + ["ax", "nav", "gp", "visio"]
)


# nouns of their own, not the verb's doing: a "Building" is no "build", "Accounting" no "account"
ING_NOUNS = frozenset(
    ["building", "training", "accounting", "meeting", "marketing", "engineering", "housing", "banking"]
    + ["parking", "clothing", "wedding", "ceiling", "signing"]  # "Digital Signing" is no "Digital Signs"
)


# short words of their own that start another word: "Data Migration" is no "Database Migration", a "Service
# Desk" no "Deskside" support
WHOLE_WORDS = ING_NOUNS | {"data", "voice", "log", "pay", "card", "sign", "wire", "wir", "mail", "file"}
WHOLE_WORDS |= {"desk"}
# and a prefix that names a product on its own, never short for a longer word in a name: "Leapfrog Geo" is no
# "Leapfrog Geothermal" (a description's "Geo" may still be a geological service's)
UNABBREVIATED = WHOLE_WORDS | {"geo"}
# the longer words a short word of its own is still part of, however a description gives it: a mail is a
# mailbox's, pay a payroll's; not "Database" for "Data", "LogRhythm" for "Log", "FileZilla" for "File"
SHORT_FOR = {"mail": ("mailbox",), "pay": ("payroll",), "file": ("fileshare", "filestore")}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """ "patching" → "patch", "logging" → "log", "hosting" → "host"; short words, "string" and nouns of
    their own ("building") stay."""
    if len(word) >= 6 and word.endswith("ing") and word not in ING_NOUNS:
        base = word[:-3]
        if len(base) >= 3 and VOWELS.intersection(base):
            if base[-1] == base[-2] and base[-1] not in "aeiouls":
                base = base[:-1]
            return base
    return word


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Webster's and GCIDE's words, lower case (the english-words package), read once when first needed."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], alpha=True, lower=True))


def is_english(word: str) -> bool:
    """Whether a lower-case word is an English word, or one with an "s", "ed" or "ing" ending
    ("rostering", "contacts", "caching"): such a word is no misspelling of another."""
    known = english_words()
    if word in known:
        return True
    for ending in ("s", "es", "ed", "ing"):
        base = word.removesuffix(ending)
        if base != word and (base in known or f"{base}e" in known or base[:-1] in known):
            return True
    return False


JAVA_PACKAGE_PARTS = frozenset(["jre", "jdk", "headless", "devel", "zero"])


def java_package(words: list[str]) -> list[str]:
    """OpenJDK as Linux packages name it (a package's name, no space in it), read as the product and its
    version: Debian's "openjdk-17-jre-headless" and Red Hat's "java-11-openjdk-headless" are OpenJDK 17
    and 11, and "java-1.8.0-openjdk" is OpenJDK 8 (Java's old numbering). A name with spaces ("OpenJDK
    17 JRE") keeps its words."""
    debian = len(words) >= 3 and words[0] == "openjdk" and words[2] in JAVA_PACKAGE_PARTS
    red_hat = len(words) >= 3 and words[0] == "java" and words[2] == "openjdk"
    if not (debian or red_hat) or not NUMBER.match(words[1]) or not JAVA_PACKAGE_PARTS.issuperset(words[3:]):
        return words
    version = words[1][2:] if words[1].startswith("1.") else words[1]
    return ["openjdk", version]


# versions without a number that are a product's own: Windows XP, Vista; any other such field is no version
NAMED_VERSIONS = frozenset(["xp", "vista", "me", "nt"])


# IBM's version and release (and modification): "z/OS V2R5" is 2.5, "V6R1M0" 6.1.0
VERSION_RELEASE = re.compile(r"^\s*v(\d+)\s*r(\d+)(?:\s*m(\d+))?\s*$", re.I)
# HP's versions behind an "A.", Data Protector's since (Micro Focus', OpenText's): "A.10.91" is 10.91,
# "A.09.00" 9.00; not Agilent's revisions ("EZChrom Edition A.04.10", "ChemStation C.01.10"), their own
LETTERED = re.compile(r"^\s*a\.0*(\d+\.\d+(?:\.\d+)*)\s*$", re.I)
LETTERED_BY = frozenset(["hp", "hpe", "protector"])
UPDATE_FIELD = re.compile(r"^\s*v?(\d+\.\d+)\s*(?:u|update)\s*(\d+)\s*$", re.I)
# a service pack or an update: "SP3", "CU12", Siemens' "Upd12", Waters' software change notice "SCN1017"
UPDATES = r"sp|cu|ru|upd|update|u|scn"
RELEASES = (  # a service release or fix pack, after a version only: "2024 SR1", not "ThinkSystem SR650"
    r"sr|fp|fps|sps|pl"  # SAP's feature and support package stacks ("S/4HANA 2022 FPS02") and patch level
)
# "2018 SP3", "15.0 SP2 CU5", "V7.5 SP2 Upd12", "2019 CU12 Patch 2", SAP's "8.00 PL 12": its updates
PACKED_FIELD = re.compile(rf"^\s*v?(\d+(?:\.\d+)*)(?:\s*(?:{UPDATES}|{RELEASES}|patch)\s*\d+)+\s*$", re.I)
# AnyDesk's "ad 8.0.9", .NET's "NT 10.0.22631": a version behind a tag of a letter or three, not an update's
TAGGED_FIELD = re.compile(rf"^\s*(?!(?:{UPDATES}|{RELEASES})\s)[a-z]{{1,3}}\s+(\d+\.\d+(?:\.\d+)*)\s*$", re.I)
RELEASE_UPDATE = re.compile(rf"^(?:{RELEASES})\d+$")


def without_release_updates(words: list[str]) -> list[str]:
    """A software name's words less a service release or fix pack after its version ("OriginPro 2024 SR1")."""
    return [
        w for n, w in enumerate(words) if not (n and RELEASE_UPDATE.match(w) and VERSION.match(words[n - 1]))
    ]


def version_field(field: str, words: list[str]) -> str:
    """A version field read as a name's version is: one without a number is none (Adobe's "DC", "N/A",
    "Unknown") but a version named so ("XP" is Windows XP's); a year and a release or quarter of it ("2024
    R2", "v2023 Q4 SP1") that year's release (2024.2, so "2024 R1" is another); not for Microsoft's products,
    whose such release is a product of its own ("Windows Server" at "2012 R2"); a minor and its update
    ("8.0 U2") that update's version; a version and its service pack ("2018 SP3") that version; IBM's version
    and release ("V2R5") that version; a version behind a tag of one to three letters, not an update's word
    (AnyDesk's "ad 8.0.9"), that version, read as a field; Windows 11's build, which it reports as 10.0's,
    11's, and a bare "10.0" of Windows none, as 10 and 11 both report it. Any other field as it is."""
    if (build := WINDOWS_BUILD.match(field)) and int(build[1]) >= 22000 and windows_itself(words):
        return f"11.0.{build[1]}{build[2] or ''}"  # Windows 11 reports 10.0, at builds from 22000 on
    if field.strip() in ("10.0", "10.0.0", "10.0.0.0") and windows_itself(words):
        return ""  # without its build, Windows 10's or 11's: no version
    if update := UPDATE_FIELD.match(field):  # VMware's "8.0 U2", "7.0 Update 3": 8.0.2, 7.0.3
        return f"{update[1]}.{update[2]}"
    if release := VERSION_RELEASE.match(field):
        return ".".join(filter(None, release.groups()))
    if (lettered := LETTERED.match(field)) and not LETTERED_BY.isdisjoint(words):
        return lettered[1]
    if packed := PACKED_FIELD.match(field):
        return packed[1]
    if tagged := TAGGED_FIELD.match(field):
        return version_field(tagged[1], words)
    parts = field.lower().split()
    if not any(c.isdigit() for c in field):
        return field if len(parts) == 1 and parts[0] in NAMED_VERSIONS else ""
    year = parts[0].lstrip("v") if parts else ""
    if len(parts) < 2 or not (YEAR.match(year) and YEAR_RELEASE.match(parts[1])):
        return field
    return year_release(year, parts[1], words) or field


def year_release(year: str, release: str, words: Iterable[str]) -> str:
    """A year and a release or quarter of it (YEAR_RELEASE), in a name or a version field, as that year's
    version: "2024 R2" is 2024.2, "2024 Fall" 2024; "" for Microsoft's products, whose such release is a
    product of its own ("Windows Server 2012 R2")."""
    if release[0] == "r" and not R_PRODUCTS.isdisjoint(words):
        return ""
    number = release.lstrip("rq")
    return f"{year}.{number}" if number.isdigit() else year


def bracketed_words(name: str) -> frozenset[str]:
    """The words a name gives in brackets ("… Redistributable (x64)"): which build of two it is."""
    return frozenset(normalise(" ".join(BRACKETS.findall(name))).split()) if "(" in name else frozenset()


@lru_cache(maxsize=100_000)
def builds_of(name: str) -> frozenset[tuple[str, str]]:
    """The build a software name gives, as (axis, value) ("… Redistributable (x86)": 32-bit, x86; "x86_64"
    is 64-bit), to tell two installs apart."""
    words = normalise(name).replace("x86 64", "x64").split()
    bits = {
        ("bits", f"{w}-bit")
        for w, after in zip(words, words[1:], strict=False)
        if after == "bit" and w in BITS
    }
    return frozenset(bits.union(*(BUILDS.get(w, ()) for w in words)))


def other_install(mine: str, theirs: str) -> str:
    """What a software record names that the install names otherwise: another build on an axis both give
    ("(x64)" for an "(x86)", "ARM64" for an "x64"), another long-term release ("LTSC 2021" for "LTSC
    2019"); or ""."""
    ours = dict(builds_of(mine))
    clash = sorted(value for axis, value in builds_of(theirs) if ours.get(axis, value) != value)
    if clash:
        return f"another build ({', '.join(clash)})"
    year, their_year = long_term_year(mine), long_term_year(theirs)
    return f"another long-term release ({their_year})" if year and their_year and year != their_year else ""


def names_a_kind(name: str, maker: str = "") -> bool:
    """Whether a software record's name says what kind of software it is, as a sentence would ("PDF reader",
    "Password manager"), rather than naming a product, capitalised ("Sales Cloud"): two words or more, those
    after the first in lower case and English, the first English or an acronym ("PDF"), and nothing else
    ("Node.js", "redis-server" and "Node js" are names), nor the target's maker's name first ("Cisco
    jabber")."""
    words = name.split()
    first = words[0].lower() if words else ""
    return (
        len(words) >= 2
        and all(w.isascii() and w.isalpha() for w in words)
        and all(w.islower() and len(w) > 2 and is_english(w) for w in words[1:])
        and (is_english(first) or (words[0].isupper() and len(first) <= 4))
        and first not in normalise(maker).split()
    )


def long_term_year(name: str) -> str:
    """The year of a long-term servicing release a name gives ("Windows 10 Enterprise LTSC 2019", "… 2019
    LTSC"), a release of its own; or ""."""
    words = normalise(name).split()
    for i, word in enumerate(words):
        if word in LONG_TERM:
            return next((w for w in words[max(0, i - 1) : i + 2] if YEAR.match(w)), "")
    return ""


def named_update(word: str, before: list[str]) -> bool:
    """Whether "update" and a number is a product's name and its version, not an update of a release: "Dell
    Command Update 5" is Dell Command Update at 5; "Java 8 Update 421", "TIA Portal V18 Update 3", "Exchange
    Server 2019 Cumulative Update 14" and "MicroStation CONNECT Edition Update 17" are updates."""
    last = before[-1] if before else ""
    return word == "update" and last.isalpha() and last not in UPDATE_KINDS and not ROMAN.match(last)


def software_words(words: list[str], keep: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Software names as an inventory writes them, cleaned: glued versions split, architecture, update
    and build numbers out. `keep`: words never split (known aliases such as "o365")."""
    if not any(
        w in TRIGGERS or (w[-1].isdigit() and not w.isdigit()) or w.startswith("ver.") for w in words
    ):  # "23h2" too
        return words  # nothing to clean: most names
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in ARCHITECTURE or FEATURE_UPDATE.match(word):
            i += 1
        elif release := VERSION_RELEASE.match(word):
            out.append(".".join(filter(None, release.groups())))
            i += 1
        elif (lettered := LETTERED.match(word)) and not LETTERED_BY.isdisjoint(words):
            out.append(lettered[1])
            i += 1
        elif (
            (word in BITS and following == "bit")
            or (word in DROP_WITH_NUMBER and NUMBER.match(following) and not named_update(word, out))
            or (
                (word in LANGUAGES or (word, following) in LANGUAGE_PAIRS)
                and len(following) == 2
                and i + 2 == len(words)
                and out
            )  # "- en-us"
        ):
            i += 2
        elif word in LANGUAGE_NAMES and i + 1 == len(words) and out:
            i += 1
        elif HOTFIX.match(word) and i + 1 == len(words) and out and "." in out[-1] and NUMBER.match(out[-1]):
            i += 1  # Palo Alto's hotfix of a release: "PAN-OS 11.1.2-h3" is 11.1.2
        elif word in MONTHS and i + 2 == len(words) and YEAR.match(following) and out:
            i += 2
        elif word == "service" and following == "pack" and i + 2 < len(words) and NUMBER.match(words[i + 2]):
            i += 3
        elif (
            YEAR_RELEASE.match(word)
            and out
            and YEAR.match(out[-1])
            and (read := year_release(out[-1], word, words))
        ):
            out[-1] = read  # "XProtect 2024 R1": 2024.1, as a version field reads it
            i += 1
        elif (
            YEAR.match(word)
            and (following in LONG_TERM or bool(out) and out[-1] in LONG_TERM)
            and (
                any(map(WINDOWS.match, words))
                or WINDOWS_EDITIONS.issuperset(w for w in words if not NUMBER.match(w))
            )
        ):
            i += 1  # Windows' "LTSC 2019", "2019 LTSC": a release of its own (long_term_year), no version;
            # Office's "Standard LTSC 2021" is version 2021
        elif word in KEEP_NUMBER and NUMBER.match(following) and out:
            i += 1
        elif marked := VERSION_MARKED.match(word):  # "Ver3.00", "Ver.6.06E": the version, so marked
            out.append(marked[1])
            i += 1
        elif (glued := GLUED.match(word) or GLUED_SHORT.match(word)) and word not in keep:
            letters, number = glued.groups()
            if letters == "python" and (minor := PYTHON_MINOR.match(number)):
                number = f"{minor[1]}.{minor[2]}"  # Red Hat's "python39" is Python 3.9
            out.extend((letters, number))
            i += 1
        else:
            out.append(word)
            i += 1
    return out


# words run together around a number, as an app's id writes them: "EdgeWebView2Runtime"
RUN_TOGETHER = re.compile(r"([^\W\d_]+)(\d+)([^\W\d_]{3,})")
GLUED_EDITIONS = frozenset(normalise("plus pro lite max ultra premium express").split())  # "AnthroPlus"


def abbreviates(mine: tuple[str, ...], theirs: tuple[str, ...]) -> str:
    """ "b and r" → "backup and replication": the pair of word runs one abbreviates in the other, or "".
    Same number of words, in order; each the same or the start of the other's word (one side always
    the shorter, never a noun of its own such as "parking"); at least one word the same and at least one
    shortened."""
    if len(mine) != len(theirs) or len(mine) < 2:
        return ""
    short: list[str] = []
    long: list[str] = []
    same = 0
    side = 0  # +1: mine is the abbreviated one, -1: theirs
    for a, b in zip(mine, theirs, strict=True):
        if a == b:
            same += len(a) >= 3 and a != "and"
            continue
        if NUMBER.match(a) or NUMBER.match(b) or RUN_TOGETHER.fullmatch(max(a, b, key=len)):
            return ""  # nor words run together around a number: "Edge" is no "EdgeWebView2Runtime"
        if not (long_ := max(a, b, key=len)).isalpha() and long_.rstrip("0123456789.") != min(a, b, key=len):
            return ""  # a number ends it: "DHCP" is "dhcp4", "Runtime" "runtime.8", "C" no "cxx4"
        way = 1 if len(a) < len(b) and b.startswith(a) else -1 if len(b) < len(a) and a.startswith(b) else 0
        if (
            way
            and abs(len(a) - len(b)) == 1
            and (long_ := max(a, b, key=len)).isalpha()
            and not is_english(long_)
        ):
            return ""  # a letter less of a name is no abbreviation: "Civic" is no "Civica"
        if not way or (side and way != side) or len(max(a, b, key=len)) < 4 or {a, b} & UNABBREVIATED:
            return ""  # "parks" is no shortened "parking", nor "data" "database": words of their own
        abbreviated, whole = min(a, b, key=len), max(a, b, key=len)
        if whole[len(abbreviated) :] in GLUED_EDITIONS and not is_english(whole):
            return ""  # another edition, its word run on: "WHO Anthro" is no "WHO AnthroPlus"
        if (edition := EDITIONS.get(abbreviated)) and (
            abbreviated == edition or not whole.startswith(edition[:8])
        ):
            return ""  # an edition's word shortens its edition alone ("Professionnel" too): no "Jamf Protect"
        side = way
        short.append(a if way == 1 else b)
        long.append(b if way == 1 else a)
    return f"{' '.join(short)} = {' '.join(long)}" if short and same else ""


CATEGORY = re.compile(r"^\s*[^:/]{2,40}?\s*:\s*([^/\s].+)$")
ONLY_TIER = re.compile(rf"^\s*{TIER}\s*$", re.I)


def uncategorised(name: str) -> str:
    """ "Clinical: PACS" → "PACS": the name after a category, or "" (also for "Hosting: Gold", a tier)."""
    found = CATEGORY.match(name) if ":" in name else None
    if not found or ONLY_TIER.match(found.group(1)):
        return ""
    return found.group(1)
