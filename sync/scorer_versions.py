"""How versions weigh a candidate the scorer found for a software record (sync.scorer), and an install named
for a part of a product, its client, console or app ("PaperCut MF Client")."""

from sync.match_makers import other_maker
from sync.match_names import AliasBook, Name, words_of
from sync.match_versions import version_verdict
from sync.matching import Item
from sync.scorer_names import CORE, MINOR, PLATFORMS, PRESELECT_AT, core_of

# what an install is of a product: "PaperCut MF Client", "Windows Defender ATP Sensor"; not "Excel Mobile",
# a free app
PARTS = frozenset(["client", "console", "app", "tablet", "package", "sensor"])
# a database's client is a product of its own ("Oracle Database Client", "postgresql-client")
DATABASES = frozenset(["database", "db", "db2", "sql", "postgresql", "mysql", "mariadb", "hana", "mongodb"])
DATABASES |= {"redis"}


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

    targets: list[Item]
    book: AliasBook
    names: list[Name]
    index: dict[str, dict[str, list[int]]]
    versioned: bool

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
        whole: pre-selected only on strong name evidence (CORE), its whole name in the portfolio name, or
        as the client app an install is ("Citrix Workspace app", "Docker.app" for "Docker Desktop")."""
        ours, theirs, direct = readings
        _, note, may = version_verdict(ours, theirs)
        if not direct:
            note, may = f"versions agree only by the build number ({ours} ~ {theirs})", False
        within = reasons[0].startswith("its whole name")  # "Slack Deployment"; not "Zoom Rooms"
        whole = score >= CORE or (
            (within or self._client_app(mine, i, shown, reasons[0])) and score >= PRESELECT_AT
        )
        preselectable = preselectable and may and (bool(theirs) or whole)
        if note:
            reasons.append(note)
            if preselectable:  # ranked after the same version, never pushed below pre-selection
                lowered = score - MINOR if theirs else min(score - MINOR, CORE)
                score = max(lowered, min(score, PRESELECT_AT))
            elif direct and ours and theirs and not may:  # "Python 3.11" after 3.12 for 3.12.2
                score -= 2 * MINOR
        return score, preselectable

    def _client_app(self, mine: Name, i: int, shown: str, why: str) -> bool:
        """Whether an install is the client app target i names: the same meaning but for the target's
        client words ("Citrix Workspace" = "Citrix Workspace app"; not "Qlik Sense Desktop" = "Qlik
        Sense"), or a macOS bundle of the product whose other words are client words and its maker's
        ("Docker.app" = "Docker Desktop")."""
        theirs = self.names[i]
        if theirs.words[-1] not in self.book.loose or self._held_apart(mine, i):
            return False  # not "Windows App SDK", ".NET Desktop Runtime"; nor one "Qlik Sense" of two
        if why.startswith("same meaning"):
            return set(theirs.dropped) <= set(mine.dropped) and set(mine.loose_dropped) <= set(
                theirs.loose_dropped
            )
        if not shown.strip().lower().endswith(".app") or not why.startswith("all its words"):
            return False
        extra = set(theirs.words) - set(mine.words) - set(words_of(self.targets[i].manufacturer))
        return bool(extra) and extra <= self.book.loose

    def _made_otherwise(self, local: Item, mine: Name, i: int) -> str:
        """Why target i is another manufacturer's product than the portfolio record's; or ""."""
        theirs = self.targets[i].manufacturer
        if other_maker(local.manufacturer, mine.words, theirs, self.names[i].words):
            return f"made by {theirs}, yours by {local.manufacturer}"
        return ""

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
        package = "-" in shown and " " not in shown.strip()  # "kubernetes-client"
        if "client" in parts and (package or not DATABASES.isdisjoint(words)):
            return []
        index = self.index  # its whole name, or less its maker's; not its core: "mysql-client" is no server
        whole = set(index["canon"].get(" ".join(words), ()))
        found = whole | set(index["maker"].get(core_of(words, self.book.generic), ()))
        if not found or len({self.names[i].core for i in found}) > 1:
            return []
        part = " ".join(parts)
        but = {i: "" if i in whole else f" but its maker ({self.targets[i].manufacturer})" for i in found}
        return [(i, f"its whole name{but[i]}, then its {part}") for i in sorted(found)]
