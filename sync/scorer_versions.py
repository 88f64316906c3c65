"""How versions weigh a candidate the scorer found for a software record (sync.scorer), an install named for a
part of a product, its client, console or app ("PaperCut MF Client"), and one named for the product and how it
was packaged ("Slack Deployment") or for a part after its version ("TeamViewer 15 Host")."""

import re
from itertools import combinations

from sync.match_dictionary import (
    PHONE_BUILD,
    is_app_id,
    is_bundle,
    long_term_build,
    minor_releases_together,
    no_windows_build,
    still_leading,
    whole_name,
    windows_build,
)
from sync.match_makers import other_maker
from sync.match_names import VAGUE, AliasBook, Name, words_of
from sync.match_parts import after_version
from sync.match_releases import ended_releases
from sync.match_rules import stem
from sync.match_versions import agreeing, major, version_verdict
from sync.matching import Item, normalise, versions_in
from sync.scorer_details import as_written
from sync.scorer_index import FOR_OTHER
from sync.scorer_names import CORE, FOR_PLATFORM, MINOR, PLATFORMS, PRESELECT_AT, Found, core_of

NEVER = "suggested, never pre-selected"  # how a reason ends that keeps its record from pre-selection
# what an install is of a product: "PaperCut MF Client", "Windows Defender ATP Sensor"; not "Excel Mobile",
# a free app
PARTS = frozenset(["client", "console", "app", "tablet", "package", "sensor", "kiosk", "workstation"])
PARTS |= {"klient"}  # as Czech, Polish and Scandinavian installs name it: "SBSYS Klient"
CLIENTS = frozenset(["client", "klient"])
# the kind of client or console a product names apart: "XProtect Smart Client", "… Management Client", a
# control system's "Operator Console"; not "Desktop" ("Project Online Desktop Client" comes with a plan, not
# with Project Online)
PART_KINDS = frozenset(["smart", "management", "admin", "operator"])
# a database's client is a product of its own ("Oracle Database Client", "postgresql-client")
DATABASES = frozenset(["database", "db", "db2", "sql", "postgresql", "mysql", "mariadb", "hana", "mongodb"])
DATABASES |= {"redis"}

# words of a deployment or a package, never of a product ("Temurin JDK with Hotspot": the JVM of the build):
# not "Installer", "Client", "Classic", "Desktop", "VPN", which name products of their own ("Windows
# Installer", "mysql-client", "Lightroom Classic")
PACKAGING = frozenset(words_of("deployment stable headless x86 compilation cumulative luw hotspot"))
# an install's words for the product itself, as Windows lists its features: "SQL Server 2022 Database Engine
# Services" (not "Teams Machine-Wide Installer", which the labelled sets call the installer, not Teams)
PACKAGING_PHRASES = (
    " ".join(words_of("rtm database engine services")),
    " ".join(words_of("database engine services")),
    "java hotspot",  # Adoptium's "Eclipse Temurin JDK with Hotspot 17.0.11+9 (x64)", the JDK read as Java
    " ".join(words_of("jdk hotspot")),
)
PACK_LEVEL = re.compile(r"^(?:sp\d+(?:\.\d+)*|ehp\d+)$")  # "SP1.0", "EHP8"; not "R2", a release of its own
TRACK = re.compile(r"\b(?:lts|ltsc|ltsb|esr|eus)\b", re.I)  # a minor's long-term release: "6.0 LTS"
ONE_LINE = "same product, another minor release of its one release line"
MINOR_GIVEN = re.compile(r"\d\.(?!0+(?:\D|$))\d")  # "Git 2.45"; "Node.js 20.0" names its major's line
RELEASE_TRACK = re.compile(r"\b(?:continuous|classic)\b", re.I)  # Adobe's tracks of Acrobat


def unpackaged(words: list[str]) -> list[str]:
    """The words less the phrases an install names the product itself with (PACKAGING_PHRASES)."""
    text = f" {' '.join(words)} "
    for phrase in PACKAGING_PHRASES:
        text = text.replace(f" {phrase} ", " ", 1)
    return text.split()


def makers_number(name: Name, target: Item) -> Name:
    """A target's reading without a number its manufacturer's name gives as its version: "Figure 53 QLab"
    at version 5 is QLab 5, not 53."""
    maker = words_of(target.manufacturer)
    if not name.version or name.version not in maker or not target.version.strip():
        return name
    if not (field := name.other_version) or field == name.version:
        return name
    return name._replace(version=field, other_version="", named_version=False)


class VersionEvidence:
    """The Scorer's weighing of two records' versions, once their majors agree."""

    one_line: frozenset[frozenset[str]] | None = None  # the cores of minor_releases_together, read once

    targets: list[Item]
    book: AliasBook
    names: list[Name]
    index: dict[str, dict[str, tuple[int, ...]]]
    cores: dict[str, tuple[int, ...]]  # a target's core → the targets of that core
    versioned: bool
    majors: list[str]

    def _within(self, mine: Name, shown: str) -> tuple[list[int], str]:
        """The records of the product with the most words a software name holds whole, and the reason, when
        its other words follow them and only say how it was packaged ("Slack Deployment",
        "google-chrome-stable", "SOLIDWORKS 2024 SP1"), or follow its version written within the name
        (`after_version`: "TeamViewer 15 Host"). Any other word may name another product ("Visual Studio
        Code", "mysql-client", "Windows Server 2012 R2", "JMP Pro Deployment", "Stable Diffusion", "Docker
        for Windows"), and a service's may make another service ("Data Centre Management" is no "Data
        Management"), so services never match this way."""
        words = set(mine.core.split())
        if not self.versioned or len(words) > 8:
            return [], ""
        ordered = sorted(words)  # a core is its sorted words: each part of the name is looked up whole
        within = [
            i
            for size in range(1, len(ordered))
            for part in combinations(ordered, size)
            for i in self.cores.get(" ".join(part), ())
        ]
        if not within:
            return [], ""
        mine_words = set(mine.words)
        held = [  # its own words too: "Tableau Server" is not held by "Tableau Deployment"
            i
            for i in within
            if not set(self.names[i].words) - set(words_of(self.targets[i].manufacturer)) - mine_words
        ]
        if not held:
            return [], ""
        mine_major = major(mine.version)  # of two records alike by an alias, the release's ("NAV 2018")
        widest = max(
            held,
            key=lambda i: (
                len(self.names[i].core.split()),
                len(set(self.names[i].words)),
                self.majors[i] == mine_major,
            ),
        )
        theirs = set(self.names[widest].words)
        maker = set(words_of(self.targets[widest].manufacturer))
        extra = [w for w in mine.words if w not in theirs | maker]  # generic ones too: "Pro" makes "JMP Pro"
        last = max(n for n, w in enumerate(mine.words) if w in theirs)
        if (
            not extra
            or any(w in mine.words[:last] for w in extra)  # "Stable Diffusion", "Windows Deployment Services"
            or not any(len(w) >= 3 and w not in VAGUE for w in self.names[widest].core.split())
        ):
            return [], ""
        said = ", ".join(as_written(w, shown) for w in dict.fromkeys(extra))
        found = [i for i in held if set(self.names[i].words) == theirs]  # "Windows Server", not "Windows"
        if any(w not in PACKAGING and not PACK_LEVEL.match(w) for w in unpackaged(extra)):
            written = {stem(w) for w in self.names[widest].plain.split()} - maker
            if DATABASES & theirs or not after_version(shown, extra, written, mine, self.majors[widest]):
                return [], ""
            return found, f"its whole name and version, then a part or edition of it ({said})"
        return found, f"its whole name, beside how it was packaged ({said})"

    def _field_is_release(self, i: int, ours: str, theirs: str) -> bool:
        """Whether a build number agrees with target i's version to its minor, where the target's name gives
        no version of its own: its version field is the release the portfolio name gives by its year ("Snagit
        2024" at 24.1.0 for a "Snagit" at 24.1, "BarTender 2022 R8" at 11.3.207 for one at 11.3); a major
        alone may be many years' ("Microsoft SQL Server" at 15)."""
        return (
            not self.names[i].named_version and "." in theirs and ours.split(".")[:2] == theirs.split(".")[:2]
        )

    def _versions(
        self,
        mine: Name,
        i: int,
        readings: tuple[str, str, bool],
        shown: str,
        score: int,
        reasons: list[str],
        preselectable: bool,
    ) -> tuple[int, bool]:
        """The score and whether it may be pre-selected once the versions are read (sync.match_versions);
        the note is added to `reasons`. A target record without a version stands for the product as a
        whole: pre-selected only on strong name evidence (CORE), its whole name in the portfolio name, as
        the client app an install is ("Citrix Workspace app", "Docker.app" for "Docker Desktop"), or as the
        product built for a platform ("Git" for "Git for Windows")."""
        ours, theirs, direct = readings
        _, note, may = version_verdict(ours, theirs)
        if not may and direct and ours and theirs and score >= CORE and self._one_line(i):
            note, may = ONE_LINE, True  # "Terraform" at 1.9 for a "terraform" 1.5.7
        if not direct and self._field_is_release(i, ours, theirs):
            note = f"its version {theirs} is the release your name gives ({mine.version}: {ours})"
        elif not direct:
            note, may = f"versions agree only by the build number ({ours} ~ {theirs}): {NEVER}", False
        why = reasons[0]
        within = why.startswith("its whole name")  # "Slack Deployment"; not "Zoom Rooms"
        whole = score >= CORE or (
            (within or self._client_app(mine, i, shown, why) or self._plainly_more(mine, i, shown, why))
            and score >= PRESELECT_AT
        )
        if preselectable and may and not (theirs or whole):
            note = f"{note}, and the names differ too much for that: {NEVER}"  # "Intapp Time Desktop"
        elif preselectable and may and ours and not theirs and (other := self._by_major(mine, i)):
            note, may = f"{note}, but {other} is recorded by its major: {NEVER}", False
        elif preselectable and may and not theirs and (ended := self._ended(i, shown, mine)):
            note, may = f"{note}, but {ended} is no longer supported: {NEVER}", False
        elif preselectable and may and (build := self._long_term_build(mine, i)):
            note, may = f"{note}; {build}: {NEVER}".lstrip("; "), False
        preselectable = preselectable and may and (bool(theirs) or whole)
        if note:
            reasons.append(note)
            if preselectable:  # ranked after the same version, never pushed below pre-selection
                lowered = score - MINOR if theirs else min(score - MINOR, CORE)
                score = max(lowered, min(score, PRESELECT_AT))
            elif direct and ours and theirs and not may:  # "Python 3.11" after 3.12 for 3.12.2
                score -= 2 * MINOR
        return score, preselectable

    def _ended(self, i: int, shown: str, mine: Name) -> str:
        """The release a portfolio name gives by its year, after the product's words (its maker's at most left
        out) and an edition's, where its support ended long ago and target i is that product or an edition of
        it without a version (the dictionary's `ended_releases`): "Adobe Acrobat 2017 Pro" is no "Acrobat Pro"
        as sold now; an "Adobe Acrobat Sign for SharePoint 2017" is another product. That release, or ""."""
        theirs = self.names[i].words
        # as written, and as read by its version: "Adobe Reader XI" at 11.0.23
        readings = (words_of(shown), (*mine.words, major(mine.version)) if mine.version else ())
        for product, (name, years, editions, before) in (
            () if self.names[i].named_version else ended_releases().items()
        ):
            kind = after_product(theirs, product)
            if kind is None or not editions.issuperset(kind):
                continue
            ended = years.union(*(before.get(w, ()) for w in kind))  # "XI" is no "DC"
            for rest in (after_product(said, product) for said in readings):
                at = next((n for n, w in enumerate(rest) if w in ended), None) if rest is not None else None
                if at is not None and editions.issuperset(rest[:at]):
                    return f"{name} {rest[at]}"
        return ""

    def _long_term_build(self, mine: Name, i: int) -> str:
        """Why target i, a Windows long-term servicing release by its year, is another release than the
        install's build reports: "Windows 10 IoT Enterprise LTSC 2021" is build 19044, an install at
        10.0.17763 is LTSC 2019's. "" where they agree or either says no build."""
        target = self.targets[i]
        ours = windows_build(mine.version) or windows_build(mine.other_version)
        theirs = long_term_build(target.name, target.version) if ours else ""
        return (
            f"its long-term release's installs report build {theirs}, this one {ours}"
            if ours != theirs and theirs
            else ""
        )

    def _by_major(self, mine: Name, i: int) -> str:
        """Another record of the portfolio name itself, in another major, beside target i of another name
        without a version: "Adobe Acrobat 2017" is no "Adobe Acrobat Pro" where the catalogue records an
        "Adobe Acrobat 2020", each major apart. Its name, or ""."""
        if self.names[i].canon == mine.canon:
            return ""  # the same product by another of its names
        ours = major(mine.version)
        named = self.index["plain"].get(mine.plain, ())
        return next(
            (
                self.targets[j].name
                for j in named
                if self.majors[j] not in ("", ours)
                and agreeing(mine, self.names[j], (ours, self.majors[j])) is None
            ),
            "",
        )

    def _one_line(self, i: int) -> bool:
        """Whether target i stands for every minor release of its major: its product's minor releases are
        one release line (the dictionary's `minor_releases_together`: "Terraform", "Git"; not "Python" or
        "MySQL", whose minors are supported apart) and it is the catalogue's one record of the product, live
        or retired, or the one record of the major its name gives alone ("TeamViewer 15" at 15.55 beside a
        "TeamViewer 14"). Never where its name gives a minor or a track ("Adobe Acrobat (Continuous)"), or
        its version a long-term track ("6.0 LTS")."""
        core, target, mine = self.names[i].core, self.targets[i], self.majors[i]
        if (
            MINOR_GIVEN.search(target.name)
            or TRACK.search(target.version)
            or RELEASE_TRACK.search(target.name)
        ):
            return False
        if self.one_line is None:  # as this catalogue's aliases read them: "Azure CLI" is Microsoft's
            read = (self.book.read(name, "", True).core for name in minor_releases_together())
            self.one_line = frozenset(frozenset(words.split()) for words in read)
        if frozenset(core.split()) not in self.one_line:
            return False
        retired = (self.retired.cores.get(core) if self.retired is not None else None) or ()
        if mine in versions_in(target.name):  # named for its major
            others = [j for j in self.cores.get(core, ()) if j != i]
            return not any(self.majors[j] == mine for j in others) and not any(
                self.retired.majors[j] == mine for j in retired
            )
        return not retired and all(j == i for j in self.cores.get(core, ()))

    def _plainly_more(self, mine: Name, i: int, shown: str, why: str) -> bool:
        """Whether target i, the one product with all of an install's words, adds to them only its maker's
        name or the platform it is built for ("Git" = "Git for Windows", "Outlook.app" = "Microsoft Outlook
        for Mac"; not "Lightroom" = "Lightroom Classic", "Firefox" = "Firefox ESR", "Microsoft Monitoring
        Agent" = "Azure Monitor Agent", nor, either way, a client word: "GitHub" = "GitHub Desktop"). A Mac's
        bundle or a package, in lower case, is no Windows build ("Python.app", "python3")."""
        if not why.startswith("all its words"):
            return False
        theirs = self.targets[i]
        extra = set(self.names[i].words) - set(mine.words) - set(words_of(theirs.manufacturer))
        built = FOR_PLATFORM.search(theirs.name)
        if not built and FOR_OTHER.search(theirs.name):
            return False  # an add-in: "Grammarly for Microsoft Office" is no Office
        if extra - {"and"} and is_app_id(shown) and extra - {"and"} <= PHONE_BUILD:  # "… for iOS and Android"
            return True  # a phone's app id: "com.microsoft.office.outlook" = "Microsoft Outlook Mobile"
        if extra and not (built and extra <= set(normalise(built.group(0)).split())):
            return False  # "Windows Subsystem for Linux": the platform it is built for only
        return "window" not in extra or not no_windows_build(shown)

    def _client_app(self, mine: Name, i: int, shown: str, why: str) -> bool:
        """Whether an install is the client app target i names: the same meaning but for the target's
        client words ("Citrix Workspace" = "Citrix Workspace app"; not "Qlik Sense Desktop" = "Qlik
        Sense"), or a macOS bundle of the product whose other words are client words and its maker's
        ("Docker.app" = "Docker Desktop")."""
        theirs = self.names[i]
        if not theirs.words or theirs.words[-1] not in self.book.loose or self._held_apart(mine, i):
            return False  # not "Windows App SDK", ".NET Desktop Runtime"; nor one "Qlik Sense" of two
        if why.startswith("same meaning"):
            return set(theirs.dropped) <= set(mine.dropped) and set(mine.loose_dropped) <= set(
                theirs.loose_dropped
            )
        if not is_bundle(shown) or not why.startswith("all its words"):
            return False
        extra = set(theirs.words) - set(mine.words) - set(words_of(self.targets[i].manufacturer))
        return bool(extra) and extra <= self.book.loose

    def _written_in_other(self, mine: Name, local: Item, i: int, found: dict[int, Found]) -> str:
        """Another record found whose name ends in the portfolio name's words as written, after a brand of its
        own, where target i's has them only as a reading reads them: "JDK 17" may be Oracle's Java SE 17, read
        so, or the "Eclipse Temurin JDK 17" that writes it. Not a record of another major or maker, nor one
        that is an add-on for it ("Font pack for Adobe Acrobat Reader DC", "Microsoft Teams Meeting Add-in
        …"). That record's name, or ""."""
        phrase = f" {mine.plain}"
        if not self.versioned or not mine.plain or f"{phrase} " in f" {self.names[i].plain} ":
            return ""
        mine_major = major(mine.version)
        for j in sorted(found):
            theirs = f" {self.names[j].plain}"
            if (
                j != i
                and theirs.endswith(phrase)
                and theirs != phrase  # its very name: ranked by its own evidence
                and not FOR_OTHER.search(self.targets[j].name)
                and not (mine_major and self.majors[j] and self.majors[j] != mine_major)
                and not (local.manufacturer and self._made_otherwise(local, mine, j))
            ):
                return self.targets[j].name
        return ""

    def _made_otherwise(self, local: Item, mine: Name, i: int) -> str:
        """Why target i is another manufacturer's product than the portfolio record's; or ""."""
        theirs = self.targets[i].manufacturer
        if other_maker(local.manufacturer, mine.words, theirs, self.names[i].words):
            return f"made by {theirs}, yours by {local.manufacturer}"
        return ""

    def _whole_named(self, shown: str) -> bool:
        """Whether an install's whole name is a whole-name alias of the dictionary's: its product is that one,
        whatever else its words may spell ("Tableau 2024.2" is Tableau Desktop, never a "Tableau Server")."""
        return self.versioned and bool(whole_name(shown)[0])

    def _portfolio_name(self, local: Item) -> Name:
        """How a portfolio record's name reads. An install's whole-name alias gives way to a record of its own
        name, a part of the alias's product: "Teradici PCoIP Client" is HP Anyware's, the catalogue's "HP
        Anyware PCoIP Client" if it lists one; but "Zscaler" is the Zscaler Client Connector beside a
        "Zscaler" (the platform). The whole name stands for its product where the catalogue has nothing
        closer."""
        mine = self.book.read(local.name, local.version, self.versioned, portfolio=True)
        if not self._whole_named(local.name):
            return mine
        own = self.book.read(local.name, local.version, True)
        return own if own.canon in self.index["canon"] and len(own.words) > len(mine.words) else mine

    def _records_named(self, words: list[str]) -> tuple[set[int], set[int]]:
        """The records named these words, whole or less their maker's (not their core: "mysql-client" is no
        server), and of those the ones named them whole."""
        whole = set(self.index["canon"].get(" ".join(words), ()))
        return whole | set(self.index["maker"].get(core_of(words, self.book.generic), ())), whole

    def _part_of(self, mine: Name, shown: str) -> list[tuple[int, str]]:
        """The records of the one product a portfolio name (`shown` as written) gives before the parts of it
        an install is, with the reason; none where the rest is a platform ("Windows App" is a product of
        its own), a database's or a Linux package's client, or two products have it. A target named for the
        part itself ("Configuration Manager Client") is found by its very name, at a higher score."""
        words = list(mine.words) if self.versioned else []
        parts: list[str] = []
        while len(words) > 1 and words[-1] in PARTS:
            parts.insert(0, words.pop())
        if not parts or PLATFORMS.issuperset(words):
            return []
        if parts[0] == "workstation" and len(words) == 1 and words[0] in still_leading():
            return []  # a product of its maker's: "VMware Workstation" is no record of VMware itself
        package = "-" in shown and " " not in shown.strip()  # "kubernetes-client"
        if "client" in parts and (package or not DATABASES.isdisjoint(words)):
            return []
        found, whole = self._records_named(words)
        while not found and len(parts) > 1:  # "Fiery Command WorkStation Package": a part of its name
            words.append(parts.pop(0))
            found, whole = self._records_named(words)
        if not found and len(words) > 2 and words[-1] in PART_KINDS:  # "… Management Console" is its own
            parts.insert(0, words.pop())
            found, whole = self._records_named(words)
        if CLIENTS.intersection(parts):  # a server's client is no install of the server: "PI Client"
            found = {i for i in found if "server" not in self.names[i].words}
        if not found or len({self.names[i].core for i in found}) > 1:
            return []
        part = " ".join(parts)
        but = {i: "" if i in whole else f" but its maker ({self.targets[i].manufacturer})" for i in found}
        return [(i, f"its whole name{but[i]}, then its {part}") for i in sorted(found)]


def after_product(words: tuple[str, ...], product: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words after a product's name that they begin with, its first word (its maker's) may be left out;
    None where they begin with neither."""
    if words[: len(product)] == product:
        return words[len(product) :]
    return (
        words[len(product) - 1 :] if len(product) > 1 and words[: len(product) - 1] == product[1:] else None
    )
