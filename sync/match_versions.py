"""Versions as the scorer compares them: which version of a record to judge by (its version field or the
one its name gives), whether two versions may match, and the note a candidate then shows. The same major
matches, different majors never do; see sync.scorer for the scores."""

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sync.matching import _canonical_version, normalise

if TYPE_CHECKING:
    from sync.match_names import Name

MINOR_ZERO = re.compile(r"^v?\d+\.0$")  # "8.0": a release line's name
PACKAGE_VERSION = re.compile(
    r"^(?:\d+:)?(\d+(?:\.\d+)*[a-z]?)(?:p\d+)?(?:[+~-]\S*)?$"
)  # a package's epoch and release out
# "22.04 LTS", "2019 LTSC": a long-term release of that version; not ESR or LTSR, a track of their own
LONG_TERM = re.compile(r"\s+lts[bc]?\s*$", re.I)


def versions_read(field: str, named: str) -> tuple[str, str]:
    """The version to compare and the other reading: the record's version field, unless the name says
    another major, since an inventory's build number ("Windows Server 2022" at 10.0.20348, "SQL Server
    2019" at 15.0.2000.5) is not the product's version; the field is then kept for suggestions only. A
    minor of 0 the name gives wins over a field of the major alone or a build (sync.match_names)."""
    if not field:
        return named, ""
    if long_term := LONG_TERM.search(field):  # its minor kept: "6.0 LTS" is no 6.4
        field = field[: long_term.start()].lower().lstrip("v")
    if package := PACKAGE_VERSION.match(field.strip()):  # "1:7.52.0-1", "17.0.10+7-1~22.04.1"
        field = package.group(1)
    field = _canonical_version(field) if field.strip() and not long_term else field.strip()
    if field and named and major(field) != major(named):
        return named, field
    if field and minor(named) == "0" and (not minor(field) or is_build(field)):
        return named, ""  # the line a name gives: "MySQL Server 8.0" at "8.0", "MOTOTRBO CPS 2.0" at 2.138
    return field or named, ""


def is_build(version: str) -> bool:
    """Whether a version is a build number rather than a release: four parts or more, or a minor of three
    digits or more ("2.138.263", "10.0.22631"); not "12.1" nor "8.4.3"."""
    parts = version.split(".")
    return len(parts) >= 4 or (len(parts) >= 2 and len(parts[1]) >= 3)


def agreeing(
    mine: "Name", theirs: "Name", majors: tuple[str, str] | None = None
) -> tuple[str, str, bool] | None:
    """The two versions to judge a pair by, and whether they are the records' own; None when they
    differ in their major. A product's year and the major its installs report are one version ("SQL Server
    2022" and "mssql-server" at 16.0: sync.match_names.renumbered). Otherwise, when one name gives a year
    and the other none, the build number in a version field may agree ("SQL Server 2019" at 15.0.2000.5,
    "Microsoft SQL Server" at 15): a suggestion, unless they agree to the minor and the other name gives no
    year (sync.scorer_versions: "Snagit 2024" at 24.1.0, a "Snagit" at 24.1). An install's name's number
    that is no version of the product (the dictionary's `named_numbers`: "Zabbix Agent 2") leaves its version
    field to say its release; a record's keeps its number, which tells it from the product's other parts.
    `majors`: the two versions' majors, when known (the scorer weighs many releases of a product against one
    record)."""
    if not mine.version or not theirs.version:
        return mine.version, theirs.version, True
    mine_major, their_major = majors or (major(mine.version), major(theirs.version))
    if mine.named_number and mine.other_version:  # "Zabbix Agent 2" at 7.0.4: a "Zabbix Agent 7"
        return (
            (mine.other_version, theirs.version, True) if major(mine.other_version) == their_major else None
        )
    if mine_major == their_major:
        return mine.version, theirs.version, True
    for ours, other in ((mine.version, theirs.numbered), (mine.numbered, theirs.version)):
        if mine.numbered and theirs.numbered and major(ours) == major(other):
            return ours, other, True  # both the product, one version numbered two ways: 2022 is 16
    if mine.named_version and theirs.named_version:
        return None  # "Windows Server 2022" is not "Windows 10", whatever its build number says
    for a in (mine.version, mine.other_version):
        for b in (theirs.version, theirs.other_version):
            if a and b and major(a) == major(b):
                return a, b, False
    return None


DOTTED = re.compile(r"^\d{1,2}(?:\.\d+)*$")  # "7.0.3", "6"; not "23H2", "1809" nor a build "233.13135"


YEAR = re.compile(r"^(?:19[89]\d|20\d\d)$")  # a version that is a year a product is sold by


def fields_disagree(mine: "Name", theirs: "Name") -> bool:
    """Whether two records whose names give the same number have version fields of two other releases:
    "zabbix-agent2" at 7.0.3 and "Zabbix Agent 2" at 6.0, where the number is part of the product's name,
    or two minor releases of one major ("Zabbix Agent 2" at 7.2.0 and at 7.0.3, a long-term release).
    Fields in another numbering (Windows' "23H2" and "22H2", JetBrains' builds) say nothing here."""
    ours, other = mine.other_version, theirs.other_version
    return bool(
        mine.named_version
        and theirs.named_version
        and DOTTED.match(ours)
        and DOTTED.match(other)
        and not version_verdict(ours, other)[2]
        and (major(ours) != major(other) or not YEAR.match(mine.version))  # "Photoshop 2024": its updates
    )


def major(version: str) -> str:
    """ "16.2" → "16", "19c" → "19", "2023.3" → "2023"."""
    head = version.split(".", 1)[0]
    return head.rstrip("abcdefghijklmnopqrstuvwxyz") or head


def minor(version: str) -> str:
    """ "3.12.2" → "12", "16" → "": a minor release, when the version gives one."""
    parts = version.split(".")
    if len(parts) < 2:
        return ""
    return (
        "0" if parts[1].isdigit() and not parts[1].strip("0") else parts[1]
    )  # SAP's "8.00" is 8.0; not 8.05


def version_verdict(mine: str, theirs: str) -> tuple[bool, str, bool]:
    """Whether two versions may match, the note to show, and whether the match may be pre-selected:
    the same major matches ("different minor version") unless both give different minor releases
    ("Python 3.12" and "Python 3.11": suggested), different majors never do, and a portfolio
    record without a version is only ever suggested (it could be any of them). A target record without
    a version stands for the product as a whole ("Google Chrome" for "Chrome 126"), ranked after the
    same major."""
    if mine == theirs:
        return True, "", True
    if mine and theirs:
        if major(mine) != major(theirs):
            return False, "", False
        if minor(mine) and minor(theirs) and minor(mine) != minor(theirs):
            return True, "same product, another minor release: suggested, never pre-selected", False
        return True, "same product, different minor version", True
    if not mine:
        return True, "your record has no version: suggested, never pre-selected", False
    return True, "the target record has no version: it stands for every version", True


# a Windows install's build ("10.0.22631.3296"); 11.0 as version_field reads Windows 11's
WINDOWS_BUILD = re.compile(r"^1[01]\.0\.(\d{5})(\.\d+)?$")
# the words of Windows itself, its editions and architectures: not its "SDK" or "Driver Kit", nor a "Server"
WINDOWS_ITSELF = frozenset(
    normalise(
        "microsoft windows pro professional home enterprise education ltsc ltsb iot n workstation"
    ).split()
    + normalise("multi session evaluation single language x64 x86 arm64 64 bit 10 11").split()
)
FEATURE_WORD = re.compile(r"^\d\dh[12]$")  # "23h2"


def windows_itself(words: Iterable[str]) -> bool:
    """Whether a software name is Windows itself, an edition of it ("Windows 11 Enterprise 23H2"), not a
    product named for it ("Windows SDK", "Windows Server")."""
    said = list(words)
    return "window" in said and all(w in WINDOWS_ITSELF or FEATURE_WORD.match(w) for w in said)


def version_named(word: str, words: list[str]) -> str:
    """A version a name gives, canonical; a minor of 0 kept, as the name names that release line: "MySQL
    Server 8.0" or "OpenSSL 3.0" is no 8.4 or 3.4 (a version field's "8.0" may be the major alone). Not an
    extended-support release's, numbered by its major: "Firefox ESR 115.0" is ESR 115."""
    found = _canonical_version(word)
    return f"{found}.0" if MINOR_ZERO.match(word) and "esr" not in words else found
