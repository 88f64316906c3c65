"""The scorer's cases for a person (mixed into sync.scorer.Scorer): candidates found on good evidence that a
careful person would still look at, since the catalogue holds another record the name may mean. Each is
only suggested, whatever its score."""

from collections.abc import Callable

from sync.match_acronyms import bracketed, declared, initials
from sync.match_details import Mentions
from sync.match_dictionary import feature_update, shipped_ambiguous, shipped_kindred, windows_update
from sync.match_names import REGIONS, AliasBook, Name
from sync.match_rules import BRACKETS, bracketed_words, is_english, stem
from sync.match_tiers import NOT_LIVE, hours_of, tiers_of
from sync.matching import Item, Matcher, normalise
from sync.scorer_details import as_written
from sync.scorer_environments import environment_of
from sync.scorer_names import ALIAS, AUDIENCES, GENERIC_ONLY, PRESELECT_AT, SAME

VAGUE_WRITTEN = frozenset(["virtual", "cloud", "online", "web", "digital", "desk"])  # no service's own word
QUALIFIERS = frozenset(["it", *REGIONS])  # generic words of a service saying which one it is


class ChoiceEvidence:
    """What makes a found candidate a person's choice."""

    targets: list[Item]
    names: list[Name]
    _word_set: Callable[[str], frozenset[int]]  # sync.scorer_index.NameIndex's
    book: AliasBook
    index: dict[str, dict[str, tuple[int, ...]]]
    mentions: Mentions | None
    spelled_out: dict[str, dict[int, tuple[str, ...]]] | None
    _headed: Callable[[str, int], str]  # sync.scorer_index.NameIndex's
    _headed_too: Callable[[str, int], str]  # sync.scorer_index.NameIndex's
    _named_scope: Callable[[Name, int], str]  # sync.scorer_index.NameIndex's
    _head: Callable[[int], str]  # sync.scorer_index.NameIndex's
    _other_hours: Callable[[int], bool]  # sync.scorer_ranking.Ranking's
    _sharing: Callable[[tuple[str, ...]], frozenset[int]]  # sync.scorer_index.NameIndex's
    lexical: Matcher
    _component: Callable[[Name, int], str]  # sync.scorer_names.NameEvidence's
    _written_elsewhere: Callable[..., str]  # sync.scorer_acronyms.AcronymEvidence's
    _broad: Callable[[Name, int, bool, bool], str]  # sync.scorer_broad.BroadNames's
    _as_read: Callable[[int], str]  # sync.scorer_readings.OtherReadings's
    _tiers: Callable[[int], frozenset[str]]  # sync.scorer_readings.OtherReadings's
    _service: Callable[[int], str]  # sync.scorer_environments.EnvironmentReadings's
    _is_not_live: Callable[[int], bool]  # sync.scorer_environments.EnvironmentReadings's

    def _kindred(self, mine: Name) -> list[tuple[int, str]]:
        """The records of a kindred group's service (`kindred` in the dictionary), with the reason, where
        nothing but likeness found the portfolio name: none where another record has the words of its own
        kind ("Anti-Virus" beside a "Sophos Endpoint Protection" or a "Server Anti-Virus", "API Management"
        beside an "Azure API Management")."""
        own = set(mine.core.split()) - self.book.loose  # its kind's words: "api", "record"
        for kin, pair in shipped_kindred().get(mine.canon, ()):
            found = self.index["canon"].get(kin, ())
            if found and not any(
                j not in found and own <= set(n.core.split()) for j, n in enumerate(self.names)
            ):
                return [(i, f"kindred: {pair}, and no record of yours") for i in found]
        return []

    def _persons_choice(self, mine: Name, i: int, score: int, why: str, tiered: bool = False) -> str:
        """Why target i, found by `why` at `score`, is a person's choice; or "". `tiered`: the portfolio
        name gives a tier."""
        if why.startswith("its description") and (other := self._other_system(mine.plain, i)):
            return f"{other} may be what {mine.plain.upper()} stands for"
        if why.startswith("acronym") and " " not in mine.plain:
            if other := self._spelled_elsewhere(mine.plain, i):
                return f"{other}'s details spell it otherwise"
            if other := self._written_elsewhere(mine.plain, i):
                return f"{other} has it in its name"
            if self._details_name(mine.plain, i) and (other := self._other_expansion(mine.plain, i)):
                return f"{other} expands it too"  # else the two tie
            if mine.plain in shipped_ambiguous() and (
                other := self._other_expansion(mine.plain, i, without_system=True)
            ):
                return f"{other} expands it too"  # "DMS": Dynamic Message Signs or Document Management?
        if why.startswith("alias") and (half := self._other_half(mine, i)):
            return f"{half} is one half of it"
        if (
            why.startswith(("alias", "its description names"))
            and " " not in mine.plain
            and (other := self._other_expansion(mine.plain, i))
        ):
            return f"{other} expands it too"
        if why.startswith("same meaning") and self._delivered_otherwise(mine, i):
            return "support is no provisioning"
        if (
            self.versioned
            and why.startswith((GENERIC_ONLY, "same meaning"))
            and (other := self._component(mine, i))
        ):
            return f"{other} is one too"  # "Splunk": Splunk Enterprise, or its Universal Forwarder?
        broad = " " not in mine.plain or score >= PRESELECT_AT  # of two words: only where it would tell
        if not self.versioned and broad and (other := self._broad(mine, i, tiered, why.startswith("alias"))):
            return f"a broad name: {other} is one too"
        if score < ALIAS and (qualifier := self._one_of_many(mine, i)):
            return f"the {qualifier} one of several with its words"
        # read so, not by the target's own words: "Email" is "Email Services", "Backup" "Backup and Recovery"
        read = why.startswith(("alias", "same meaning"))
        read = read and not set(mine.plain.split()) <= set(self.names[i].plain.split())
        if read and PRESELECT_AT <= score < SAME and (headed := self._headed(mine.plain, i)):
            return f"{headed} is named for it"
        if (
            read
            and score < SAME
            and " " not in mine.plain
            and (other := self._written_elsewhere(mine.plain, i, apart=True))
        ):
            return f"{other} has it as a word of its name"  # "ISPS": an "ISPS Access Control", no ISP
        if score < SAME and (
            other := self._headed_too(mine.plain, i)
        ):  # "IT Asset Management": "- Hardware"?
            return f"{other} is named for it too"
        # its name less a generic scope ("VPN": "Remote Access VPN - Corporate" beside a "- Trackside")
        if why.startswith(GENERIC_ONLY) and score < SAME and (other := self._named_scope(mine, i)):
            return f"{other} is named for it too"
        return ""

    def _settle(
        self,
        mine: Name,
        local: Item,
        scored: list,
        found: dict,
        still_tied: set[int],
        partial: set[int],
        limit: int,
    ) -> None:
        """Leaves only a sure candidate pre-selectable among the best (sync.scorer._ranked's `scored`,
        changed in place): records as likely are a person's choice, and so is anything ranked below them;
        a record of hours of cover the name does not give, beside one of other hours."""
        shown = local.name
        # two records as likely: two expansions of one acronym, two services an alias reads alike ("IaaS":
        # Cloud and Application Hosting), two editions or minor releases the name does not give ("Windows
        # Server 2022", "python3")
        top = (scored[0][0], found[scored[0][2]][0]) if scored else (0, 0)  # and the evidence it rests on
        tied = [
            n
            for n, s in enumerate(scored)
            if (s[0], found[s[2]][0]) == top and s[0] >= PRESELECT_AT and (s[4] or s[2] in still_tied)
        ]
        if mine.version and any(self.names[scored[n][2]].version == mine.version for n in tied):
            tied = [n for n in tied if self.names[scored[n][2]].version == mine.version]  # its very version
        if (hours := hours_of(shown)) and any(hours_of(scored[n][1]) == hours for n in tied):
            tied = [n for n in tied if hours_of(scored[n][1]) == hours]  # its very hours of cover
        env = environment_of(shown)[1] if len(tied) > 1 and not self.versioned else ""
        tied = self._own_environment(env, shown, scored, tied)
        tied = self._spelled_by(mine, scored, tied)
        tied = self._written_by(mine, scored, tied)
        tied = self._own_build(shown, scored, tied)
        tied = self._own_update(mine, local.version, scored, tied)
        tied = self._live(shown, env, scored, tied)
        told = {  # hours of cover the name does not give are two services ("24x7" or "8x5"), as are two
            # records each of one of the tiers it gives ("- Gold" and "- Prod" for "Gold (Prod)")
            (
                normalise(self._as_read(scored[n][2])),  # as written: "Microsoft Teams (free)" is another
                self.names[scored[n][2]].version,
                self._tiers(scored[n][2]) if scored[n][2] in partial else self._told_by(scored[n][2]),
            )
            for n in tied
        }
        if len(told) > 1:
            for n in tied:
                score, name, i, reasons, _ = scored[n]
                other = next(scored[m][1] for m in tied if scored[m][2] != i)
                scored[n] = (score, name, i, [*reasons, f"as likely as {other}"], False)
            below = f"below {scored[tied[0]][1]} and others as likely: suggested, never pre-selected"
            for n in range(max(tied) + 1, min(len(scored), limit)):  # a person chooses among those first
                score, name, i, reasons, preselectable = scored[n]
                if preselectable and score >= PRESELECT_AT:
                    scored[n] = (score, name, i, [*reasons, below], False)
        if self.versioned:  # below a likelier release a person must choose ("Visio Professional 2021")
            first = next((n for n, s in enumerate(scored) if s[4] and s[0] >= PRESELECT_AT), None)
            above = [s for s in scored[:first] if s[0] > scored[first][0]] if first is not None else []
            if above:
                score, name, i, reasons, _ = scored[first]
                below = f"below {above[0][1]}, a person's choice: suggested, never pre-selected"
                scored[first] = (score, name, i, [*reasons, below], False)
        unsaid = () if hours_of(shown) else scored[:limit]  # "Deskside Support", however described
        for n, (score, name, i, reasons, preselectable) in enumerate(unsaid):
            if preselectable and score >= PRESELECT_AT and self._other_hours(i):
                reasons = [*reasons, "offered with other hours of cover too: suggested, never pre-selected"]
                scored[n] = (score, name, i, reasons, False)

    def _told_by(self, j: int) -> frozenset[str]:
        """What tells target j apart from a record of its name as likely: its hours of cover, and its
        environment ("HR Portal - Non-Prod" beside its "- Pre-Production", for an "HR Portal UAT")."""
        return hours_of(self.targets[j].name) | (self._tiers(j) & NOT_LIVE)

    def _own_environment(self, env: str, shown: str, scored: list, tied: list[int]) -> list[int]:
        """Of records as likely, those of the very environment the name ends in (`env`, as environment_of
        reads it, or its tier: "vSphere ASH non-prod"), where it is a tier of their names: "HR Portal
        preprod" is its "- Pre-Production" beside a "- Non-Prod"; a "UAT" either, where neither is named for
        UAT. An environment no tier names ("QA", "Dev") tells none apart here: its records are told apart by
        their names as read (`_settle`); nor does a tier beside another a record has ("- Gold (Non-Prod)"
        beside a "- Gold" and a "- Non-Prod": each of one of its tiers)."""
        if env:
            own = tiers_of(f"x - {env}") & NOT_LIVE
        else:
            said = tiers_of(shown) if len(tied) > 1 and not self.versioned else frozenset()
            others = said - NOT_LIVE
            own = frozenset() if any(self._tiers(scored[n][2]) & others for n in tied) else said & NOT_LIVE
        if not own:
            return tied
        return first_of(
            scored, tied, [n for n in tied if self._tiers(scored[n][2]) & own], "another environment"
        )

    def _own_build(self, shown: str, scored: list, tied: list[int]) -> list[int]:
        """Of software records as likely that differ in what their names give in brackets ("…
        Redistributable (x64)" and "(x86)"), the install's own build first and alone pre-selectable."""
        ours = bracketed_words(shown)
        same = [n for n in tied if bracketed_words(scored[n][1]) == ours] if self.versioned else tied
        return first_of(scored, tied, same, "another build")

    def _own_update(self, mine: Name, field: str, scored: list, tied: list[int]) -> list[int]:
        """Of Windows records as likely at two feature updates ("… 23H2" and "… 24H2"), the one the install's
        build reports first and alone pre-selectable ("Windows 11 Enterprise" at 10.0.22631 is 23H2), or its
        version field names ("23H2", "24H2 (26100.1742)")."""
        if not self.versioned:
            return tied
        update = windows_update(mine.other_version or mine.version) or feature_update(field)
        same = [n for n in tied if update in normalise(scored[n][1]).split()] if update else tied
        return first_of(scored, tied, same, "another feature update")

    def _live(self, shown: str, env: str, scored: list, tied: list[int]) -> list[int]:
        """Of services as likely, for a name that gives no tier, those of production before another
        environment's: "Police CAD" is "Police CAD - 24x7" beside its "(Non-Prod)", whatever their hours;
        not for a name that gives an environment ("Finance UAT": "Finance - Non-Prod" or "- Dev"?)."""
        if self.versioned or len(tied) < 2 or tiers_of(shown) or env:
            return tied
        live = [n for n in tied if not self._is_not_live(scored[n][2])]
        return first_of(scored, tied, live, "another environment")

    def _spelled_by(self, mine: Name, scored: list, tied: list[int]) -> list[int]:
        """Of several records as likely for an acronym of the dictionary, the one of its alias group whose
        name as written it spells: "ITSCM" is "IT Service Continuity Management" beside a "Disaster Recovery"
        the group reads alike; the others are only suggested. Not a record outside the group: "SD" is the
        dictionary's Service Desk, not surely a "Software Distribution" beside an "IT Service Desk".
        `tied`: positions in `scored`."""
        if len(tied) < 2 or " " in mine.plain:
            return tied
        cores = {self.names[scored[n][2]].core for n in tied}
        if not mine.fired and len(cores) > 1:
            return tied  # initials of records the dictionary reads alike ("DR": "IT Service Continuity …")
        spelled = [
            n
            for n in tied
            if self.names[scored[n][2]].core == (mine.core if mine.fired else next(iter(cores)))
            and initials(self.names[scored[n][2]].plain.split()) == mine.plain
        ]
        if len(spelled) != 1:
            return tied
        name = scored[spelled[0]][1]
        first = _put_first(scored, tied, spelled[0], f"{mine.plain.upper()} spells {name}")
        score, name, i, reasons, preselectable = scored[first]
        if not reasons[0].startswith("acronym"):
            reasons = [f"acronym: {mine.plain.upper()} = {name}", *reasons]
            scored[first] = (score, name, i, reasons, preselectable)
        return [first]

    def _written_by(self, mine: Name, scored: list, tied: list[int]) -> list[int]:
        """Of several records an alias group reads alike, the one alone whose name as written shares a word
        of its own with the portfolio name's ("IT Service Continuity (ITSCM)" is "Service Continuity
        Management" beside a "Disaster Recovery - Gold"); the others only suggested."""
        if len(tied) < 2 or not mine.fired or self.versioned:
            return tied
        skip = self.book.generic | self.book.loose | VAGUE_WRITTEN
        own = {stem(w) for w in mine.plain.split()} - skip
        sharing = [
            n for n in tied if own.intersection(stem(w) for w in self.names[scored[n][2]].plain.split())
        ]
        read = all(scored[n][3][0].startswith("alias") for n in tied)  # found by the alias, not described
        if not read or len(sharing) != 1:
            return tied
        # of two tiers or hours of cover, a person chooses ("Virtual Servers - Production" and "Server
        # Hosting - Non-Production" for "Virtual Machine Hosting")
        if self._tiers(scored[sharing[0]][2]) and len({self._tiers(scored[n][2]) for n in tied}) > 1:
            return tied
        if len({self.names[scored[n][2]].core for n in tied}) != 1:
            return tied
        return [_put_first(scored, tied, sharing[0], f"{scored[sharing[0]][1]} writes its words")]

    def _spelled_elsewhere(self, acronym: str, i: int) -> str:
        """Another target whose details give the acronym in brackets, or open with other words of those
        initials ending in a service's kind: "MDM" beside a "Smart Meter Data Service" described as "Meter
        data management …" or "… master data management (MDM)" is not surely "Mobile Device Management"."""
        if self.mentions is None:
            return ""
        if self.spelled_out is None:
            self.spelled_out, kinds = {}, self._kinds()
            for j in range(len(self.targets)):
                text = self.mentions.text(j)
                for n, word in enumerate(text):
                    inside = word.bracketed and (n == 0 or not text[n - 1].bracketed)
                    if not (word.opens or inside):
                        continue
                    words = [w for w in text[n : n + 4] if w.sentence == word.sentence]
                    run = [
                        stem(w.text)
                        for w in words[: next((k for k, w in enumerate(words) if w.bracketed != inside), 4)]
                    ]
                    for size in (2, 3, 4)[: max(0, len(run) - 1)]:
                        if run[size - 1] in kinds:  # a service's kind ends it: not "Single point of contact"
                            self.spelled_out.setdefault(initials(run[:size]), {})[j] = tuple(run[:size])
        spelled = self.spelled_out.get(acronym, {})
        theirs, plain = set(self.names[i].words), self.names[i].plain
        for j in sorted(spelled):
            if j != i and not theirs.issuperset(spelled[j]):  # "Mobile device management …" is the same
                return self.targets[j].name
        given = self.mentions.of((acronym,))  # "… (MDM)"; not by the same service in another environment
        other = next(  # "… (DCIQ) - Test", "Non-production DCIQ …": its own service
            (
                self.targets[m.target].name
                for m in given
                if m.target != i
                and m.leads
                and m.proper
                and self.names[m.target].plain != plain
                and self._service(m.target) != self._service(i)
            ),
            "",
        )
        # a name that spells its own stays it, whoever mentions it: "Police National Computer (PNC)"; so does
        # one that gives a codename, a word, in brackets: "Online Storefront (HELIX)" beside a checkout whose
        # details open with "HELIX basket"
        if other and (declared(self.targets[i].name) == [acronym, acronym] or self._codenamed(acronym, i)):
            return ""
        return other

    def _codenamed(self, word: str, i: int) -> bool:
        """Whether target i's name gives this word in brackets, in capitals, an English word too long for an
        acronym's ("HELIX"; not "CAD", "(Epic)" nor "(Mobile)"): its codename."""
        name = self.targets[i].name
        return (
            len(word) >= 5
            and is_english(word)
            and bracketed(name) == word
            and any(part.strip().isupper() for part in BRACKETS.findall(name))
        )

    def _details_name(self, acronym: str, i: int) -> bool:
        """Whether target i's details name the acronym, which lifts it above another expansion of it."""
        return self.mentions is not None and any(m.target == i for m in self.mentions.of((acronym,)))

    def _other_system(self, acronym: str, i: int) -> str:
        """Another service an acronym of several common systems may stand for, the S of System left out too
        ("CMS" for a "Case Management" beside a "Web Content Management" described with "Sitecore CMS")."""
        return (
            self._other_expansion(acronym, i, without_system=True) if acronym in shipped_ambiguous() else ""
        )

    def _other_expansion(self, acronym: str, i: int, without_system: bool = False) -> str:
        """Another service whose name spells the acronym out or gives it in brackets, beside target i: "MDM"
        is "Master Data Management" or "Mobile Device Management", whichever details name it; the
        dictionary's "LMS" is a Learning Management System, but a bank's "Loan Management System" is its
        own."""
        core, initials = self.names[i].core, self.index["initials"]
        shorter = initials.get(acronym[:-1], ()) if without_system and acronym.endswith("s") else ()
        spelled = [  # each word one letter of it: not "IP Address Management" for "IAM"
            j for j in [*initials.get(acronym, ()), *shorter] if all(len(w) >= 3 for w in self.names[j].words)
        ]
        others = [*spelled, *self.index["declared"].get(acronym, ())]
        service = self._service(i)  # not its own record of another environment: "(DCIQ) - Test"
        return next(
            (
                self.targets[j].name
                for j in others
                if self.names[j].core != core and self._service(j) != service
            ),
            "",
        )

    def _other_half(self, mine: Name, i: int) -> str:
        """Another target that a name of two things joined by "and" holds whole, beside target i an alias
        found: "Release and Deployment Management" is Release Management and Deployment Management, where
        a catalogue holds both."""
        written = {stem(w) for w in mine.plain.split()}
        if "and" not in written:
            return ""
        for word in written - {"and"}:
            for j in self._word_set(word):  # in the set's order, the first of them
                core = self.names[j].core
                if core != self.names[i].core and written.issuperset(core.split()):
                    return self.targets[j].name
        return ""

    def _one_of_many(self, mine: Name, i: int) -> str:
        """The word saying which one target i is (IT, a region), where other services have the portfolio
        name's words and the name does not say it: a rail operator's "Asset Management" is "IT Asset
        Management" or "Rail Asset Management", "Deskside Support" "- EMEA" or "- North America"; beside
        no other, "Asset Management" is the IT one. "Corporate" only beside a service for other people
        ("Guest Wi-Fi"): "Telephony" is "Corporate Telephony" beside a "Mobile Telephony" (tuning sets 4,
        7, 13). "" when it is not such a one."""
        which = [w for w in self.names[i].dropped if w in QUALIFIERS and w not in mine.words]
        if (
            "corporate" in self.names[i].dropped
            and "corporate" not in mine.words
            and self._for_others(mine, i)
        ):
            which.append("corporate")  # "Wi-Fi" beside "Corporate Wi-Fi" and "Guest Wi-Fi"
        if not which or not self._held_apart(mine, i):
            return ""
        return as_written(which[0], self.targets[i].name)

    def _for_others(self, mine: Name, i: int) -> bool:
        """Whether another service with the portfolio name's words is its version for other people ("Guest
        Wi-Fi" beside "Corporate Wi-Fi"); not another kind of it ("Mobile Telephony")."""
        return any(
            j != i and AUDIENCES.intersection(self.names[j].words) for j in self._having(mine.core.split())
        )

    def _held_apart(self, mine: Name, i: int) -> bool:
        """Whether another product or service than target i has every core word of the portfolio name."""
        return any(self.names[j].core != self.names[i].core for j in self._having(mine.core.split()))


def _put_first(scored: list, tied: list[int], chosen: int, note: str) -> int:
    """Ranks the chosen one of records as likely first (sync.scorer._ranked's `scored`, changed in place) and
    leaves the others suggestions, noting why; returns the position it now holds."""
    first = tied[0]
    scored[first], scored[chosen] = scored[chosen], scored[first]
    for n in tied[1:]:
        score, other, i, reasons, _ = scored[n]
        scored[n] = (score, other, i, [*reasons, note], False)
    return first


def first_of(scored: list, tied: list[int], same: list[int], other: str) -> list[int]:
    """Of records as likely (`tied`, positions in `scored`), `same` first and alone pre-selectable, the
    others `other` ones, suggested; `scored` changed in place."""
    if not same or len(same) == len(tied):
        return tied
    for n in tied:
        if n not in same:
            score, name, i, reasons, _ = scored[n]
            scored[n] = (score, name, i, [*reasons, f"{other}: suggested, never pre-selected"], False)
    entries = [scored[n] for n in [*same, *(n for n in tied if n not in same)]]
    for n, entry in zip(sorted(tied), entries, strict=True):
        scored[n] = entry
    return sorted(tied)[: len(same)]
