"""Broad portfolio names (mixed into sync.scorer.Scorer): a name such as "Monitoring" or "Remote Access" that
several services of the catalogue are kinds of is a person's choice (sync.scorer_choices), however well one of
them matches it."""

from collections.abc import Callable

from sync.match_names import AliasBook, Name
from sync.match_rules import stem
from sync.matching import Item


class BroadNames:
    """The other services a broad portfolio name means as well."""

    targets: list[Item]
    names: list[Name]
    book: AliasBook
    kinds_of: dict[tuple[str, str, bool], dict[int, str]]  # a broad name's kinds (`_kinds_for`)
    _head: Callable[[int], str]  # sync.scorer_index.NameIndex's
    _sharing: Callable[[tuple[str, ...]], frozenset[int]]  # sync.scorer_index.NameIndex's
    _having: Callable[[list[str]], frozenset[int]]  # sync.scorer_names.NameEvidence's

    def _broad(self, mine: Name, i: int, tiered: bool, aliased: bool = False) -> str:
        """Another service a broad portfolio name means as well, where none is named for it alone: of one
        word, "Monitoring" beside an "Infrastructure Monitoring" and an "Application Performance Monitoring",
        "VPN" beside a "Remote Access VPN" and a "Site-to-Site VPN"; not "Email" beside an "Email" and an
        "Email Security"; of two, only as written ("Server Hosting" beside a "Virtual Server Hosting" and a
        "Physical Server Hosting"). Where the name gives a tier ("24x7 Monitoring"), only by its words as
        read: the services with them as written are told apart by their tiers. `aliased`: the name reaches
        target i through an alias, so any service its words as written end, even one named for them alone,
        which the name's own words then find ("Remote Access", which an alias reads as a "Remote Access VPN",
        beside an "OT Remote Access" or a "Remote Access Service"). The first such other service, or ""."""
        if mine.plain.count(" ") > 1 or not mine.core:
            return ""
        words = mine.plain.split()
        if aliased and not tiered and len(words) > 1:  # "Remote Access": a "Remote Access VPN" by an alias
            kinds = (
                j for j in sorted(self._sharing(tuple(words))) if j != i and is_kind(words, self._family(j))
            )
            if other := next(kinds, None):  # beside an "OT Remote Access"
                return self.targets[other].name
        for written in (False, True) if not tiered else (False,):
            if written and not is_kind(words, self._family(i)):
                continue  # most names, at once: it names no kind of the candidate's
            key = (mine.plain, mine.core, written)
            kinds = self.kinds_of.get(key)
            if kinds is None:
                kinds = self.kinds_of[key] = self._kinds_for(mine, written)
            if (theirs := kinds.get(i)) is not None:
                other = next((self.targets[j].name for j, family in kinds.items() if family != theirs), "")
                if other:
                    return other
        return ""

    def _kinds_for(self, mine: Name, written: bool) -> dict[int, str]:
        """The services of two kinds or more a broad portfolio name names, each with its family (`_family`):
        those with its one word as read, or (`written`) those with its words as written whose names they
        end or begin a list of ("VPN", which an alias reads as a "Remote Access VPN"; "Backup and Recovery";
        not "Email Security"); none where one is named for it alone ("Email Services")."""
        words, vague = mine.plain.split(), self.book.generic | self.book.loose
        if written:
            having = self._sharing(tuple(words))
            alone = [j for j in having if set(self.names[j].plain.split()) - vague <= set(words)]
        else:
            having = self._having(mine.core.split()) if len(words) == 1 else frozenset()
            alone = [j for j in having if self.names[j].core == mine.core]
        if alone:
            return {}
        families = {j: self._family(j) for j in sorted(having)}
        kinds = {j: f for j, f in families.items() if not written or is_kind(words, f)}
        return kinds if len(set(kinds.values())) > 1 else {}

    def _family(self, j: int) -> str:
        """Service j's name before a dash, else all of it: the service its tiers and kinds are of."""
        return self._head(j) or self.names[j].plain


def is_kind(words: list[str], name: str) -> bool:
    """Whether a service's name (normalised) is a kind of what words name: they end it, or begin a list of
    things ("Remote Access VPN", "Physical Server Hosting", "Backup and Recovery"; not "Email Security")."""
    said, size = name.split(), len(words)
    return [stem(w) for w in said[-size:]] == [stem(w) for w in words] or said[: size + 1] == [*words, "and"]
