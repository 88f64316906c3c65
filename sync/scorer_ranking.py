"""How the scorer ranks what it found (sync.scorer): versions, editions, tiers, regions and the choices a
person must make (sync.scorer_choices) lower a candidate's score or keep it from pre-selection, each with its
reason; the order puts the stronger evidence first once they have."""

from sync.match_acronyms import NO_INITIALS
from sync.match_dictionary import PHONE_BUILD, is_app_id
from sync.match_distributions import other_build
from sync.match_editions import office_plus
from sync.match_names import REGIONS, Name
from sync.match_products import named_words
from sync.match_rules import names_a_kind, other_install, stem
from sync.match_tiers import EVENINGS, NOT_LIVE, covered_tiers, hours_of, tiers_of
from sync.match_versions import agreeing, fields_disagree, major, version_verdict
from sync.matching import Candidate, Item, normalise
from sync.scorer_environments import ENVIRONMENT_WORDS, environment_of, environment_within
from sync.scorer_index import ALIKE, FOR_OTHER, TOKENS
from sync.scorer_names import CORE, EXACT, FOR_PLATFORM, LEXICAL_CAP, MINOR, PRESELECT_AT, Found, supported

PROD = frozenset(["prod"])  # a name's tiers when it gives the production environment alone
# words of a record not live that no environment's list has: a release before it is live, a copy of it
NOT_LIVE_WORDS = frozenset(["beta", "preview", "replay", "lab", "labs"])
KIND_OF_SOFTWARE = "what kind of software it is, which several products are"  # sync.match_rules.names_a_kind
OUTSIDE = frozenset(["out of hours", EVENINGS])  # cover outside the working day alone


class Ranking:
    """The candidates of a portfolio record, ranked, from the evidence `_found` gathered (sync.scorer)."""

    def _ranked(
        self, mine: Name, local: Item, found: dict, limit: int, taken: dict[str, str], clashes: set[int]
    ) -> list[Candidate]:
        key, tiers = local.key, tiers_of(local.name)
        covered = covered_tiers(tiers)
        of_tier = bool(tiers) and any(self._tiers(i) == tiers for i in found)
        # still as likely as a record it ties with, though never pre-selected: found by its description beside
        # a record of the name's tier, or a person's choice ("Mobile Device Support" and two such services)
        still_tied: set[int] = set()
        partial: set[int] = set()  # of one of the tiers the name gives
        unversioned: set[int] = set()  # held back only as the record gives no version
        # a record of one of them (or of the tier covering it) before one without a tier: "Gold (Prod)"
        some_tier = bool(tiers) and any(
            set() < tier < tiers or tier == covered != tiers for tier in (self._tiers(i) for i in found)
        )
        scored = []
        live: set[int] | None = None  # the records of no other environment with all its words, once asked
        env_given: bool | None = None  # whether the name ends in an environment (environment_of), once asked
        own = set(mine.words) - self.book.generic - NO_INITIALS
        mine_major = major(mine.version)
        exact, written = mine.version, set(mine.words)
        ours = REGIONS.intersection(mine.words)
        bracketed = "(" in local.name
        phone_id = self.versioned and is_app_id(local.name)  # "com.dhis2": a phone's app
        rank: dict[int, tuple] = {}  # the order of the candidates, below
        # the name itself in another tier keeps what an alias reads alike from pre-selection: "Database
        # Administration - 12x5" beside a "- 24x7" is no "Database Hosting (PostgreSQL)"
        named_apart = (
            next(
                (
                    self.targets[j].name
                    for j, (_, why) in found.items()
                    if why[0].startswith("same name")
                    and self.names[j].plain == mine.plain
                    and self._tiers(j) != tiers
                ),
                "",
            )
            if tiers
            else ""
        )
        for i, (score, reasons) in found.items():
            theirs = self.names[i]
            if self.versioned and mine.version != theirs.version:
                if mine.version and theirs.version and mine_major == self.majors[i] and not mine.named_number:
                    readings = mine.version, theirs.version, True
                elif (readings := agreeing(mine, theirs, (mine_major, self.majors[i]))) is None:
                    continue  # different majors never match
                if not version_verdict(readings[0], readings[1])[0]:
                    continue
            reasons, preselectable, beside_live = list(reasons), i not in clashes, False
            if not preselectable:
                reasons.append("another edition? suggested, never pre-selected")
                score -= MINOR  # ranked after the edition the name gives
            name = self.targets[i].name
            their_tiers = self._tiers(i)
            tiered = their_tiers if tiers else frozenset()
            if tiered and tiered < tiers:  # "- Gold" for "Gold 24x7": after a record of both, if any
                reasons.append(f"a tier of yours ({', '.join(sorted(tiered))})")
                score -= MINOR
                partial.add(i)
            elif tiered and tiered != tiers and tiered == covered:  # "Out of Hours Support": "- 24x7"
                reasons.append(f"{', '.join(sorted(tiered))} covers yours")
                score -= MINOR
            elif tiered and tiers == PROD and self._live_of_two(i, found):  # "(PROD)": "- 24x7", "- Non-Prod"
                reasons.append(f"the live record ({', '.join(sorted(tiered))}), beside a test one")
            elif tiered and tiered != tiers:
                reasons.append(f"another tier ({', '.join(sorted(tiered))}): suggested, never pre-selected")
                preselectable, score = False, score - MINOR
            elif some_tier and not tiered:
                score -= 2 * MINOR
            elif tiers & NOT_LIVE and not tiered and not self._is_not_live(i):  # "Website - staging"
                given = ", ".join(sorted(tiers & NOT_LIVE))
                reasons.append(f"a live record, where the name gives {given}: suggested, never pre-selected")
                preselectable = False
            if (
                named_apart
                and reasons[0].startswith(("alias", "same meaning"))
                and theirs.plain != mine.plain
                and their_tiers != tiers
            ):
                reasons.append(f"{named_apart} has the name itself: suggested, never pre-selected")
                preselectable = False
            if of_tier and not tiered and reasons[0].startswith("its description"):
                reasons.append("no tier, where another record has yours: suggested, never pre-selected")
                preselectable = False  # "App Hosting - Silver" is not the "Website Hosting" of "Azure App …"
                still_tied.add(i)
            region = REGIONS.intersection(theirs.words) if ours else frozenset()
            if region and region != ours:
                reasons.append(f"another region ({', '.join(sorted(region))}): suggested, never pre-selected")
                preselectable, score = False, min(score, LEXICAL_CAP)  # after any of the name's own region
            elif ours and not region:  # "LATAM Payroll": "Payroll - LATAM" first, "Payroll" pre-selectable
                score = max(score - MINOR, min(score, PRESELECT_AT))
            if preselectable and not tiers and self._is_not_live(i):
                live = self._live_records(mine, found) if live is None else live
                if env_given is None:
                    env_given = bool(environment_of(local.name)[1] or environment_within(local.name)[1])
                if live - {i} or (
                    not env_given
                    and (
                        self._live_twin(i, found)
                        or self._live_named(mine, i, found)
                        or self._live_headed(mine, i, found)
                    )
                ):
                    reasons.append("another environment, beside live records: suggested, never pre-selected")
                    preselectable, beside_live = False, True
            if preselectable and (choice := self._persons_choice(mine, i, score, reasons[0], bool(tiers))):
                reasons.append(f"{choice}: suggested, never pre-selected")
                preselectable = False
                still_tied.add(i)
            if (
                preselectable
                and i in self.site_codes
                and (site := self._site_unsaid(local.name, i, reasons[0]))
            ):
                reasons.append(f"{site}: suggested, never pre-selected")
                preselectable = False
            if (
                preselectable
                and score >= PRESELECT_AT
                and (other := self._written_in_other(mine, local, i, found))
            ):
                reasons.append(f"{other} has its words as written: suggested, never pre-selected")
                preselectable = False
            if (
                preselectable
                and not ours
                and not reasons[0].startswith("its description gives")  # "Field Support US": its details
                and (other := self._other_place(i, found))
            ):
                reasons.append(f"a region's record, beside {other}: suggested, never pre-selected")
                preselectable = False  # "ADP payroll": its "- LATAM" reads as plain "Payroll", its "- EU" not
            if preselectable and bracketed and score < CORE and (elsewhere := self._elsewhere(local.name, i)):
                reasons.append(elsewhere)
                preselectable = False
            if (
                preselectable
                and bracketed
                and reasons[0].startswith("its description gives")
                and (unnamed := self._unnamed_product(local.name, i))
            ):
                reasons.append(f"its details do not name {unnamed}: suggested, never pre-selected")
                preselectable = False
            if preselectable and local.manufacturer and (made := self._made_otherwise(local, mine, i)):
                reasons.append(f"{made}: suggested, never pre-selected")
                preselectable = False
            if self.versioned and preselectable and (other := other_install(local.name, name)):
                reasons.append(f"{other}: suggested, never pre-selected")  # an x86 install is no x64 record's
                preselectable, score = False, score - MINOR
            if (
                self.versioned
                and preselectable
                and office_plus(theirs.words)
                and not office_plus(mine.words)
                and not any(  # two editions of one release tie: "Office Standard 2019" beside it
                    j != i
                    and self.names[j].core == theirs.core
                    and self.majors[j] == self.majors[i]
                    and not office_plus(self.names[j].words)
                    for j in found
                )
            ):
                reasons.append(
                    "its edition Professional Plus, not in your name: suggested, never pre-selected"
                )
                preselectable = False  # "Microsoft Office 2019": Home and Business, as likely
            if phone_id and preselectable and (phone := self._phone_build(i, found)):
                reasons.append(f"{phone} is its build for phones: suggested, never pre-selected")
                preselectable = False  # "com.dhis2": "DHIS2 Android Capture App", not the server "DHIS2"
            if self.versioned and preselectable and (other := other_build(local.name, local.version, name)):
                reasons.append(f"{other}: suggested, never pre-selected")
                preselectable, score = False, score - MINOR
            if (
                self.versioned
                and preselectable
                and not local.version
                and not local.manufacturer  # "PDF reader" by Foxit is Foxit's
                and theirs.plain != mine.plain
                and not reasons[0].startswith(("alias:", "your alias:"))  # "VLC media player"
                and names_a_kind(local.name, self.targets[i].manufacturer)
            ):
                reasons.append(f"{KIND_OF_SOFTWARE}: suggested, never pre-selected")
                preselectable = False
            if self.versioned and mine.version == theirs.version and fields_disagree(mine, theirs):
                reasons.append("version fields of two releases: suggested, never pre-selected")
                preselectable = False  # "zabbix-agent2" 7.0.3 and "Zabbix Agent 2" 6.0: the 2 is a name
            if self.versioned and mine.version != theirs.version:
                held = preselectable
                score, preselectable = self._versions(
                    mine, i, readings, local.name, score, reasons, preselectable
                )
                if held and not preselectable and not mine.version and not self._whole_product(i, found):
                    unversioned.add(i)  # as likely, had the record a version: "Acrobat" may be Standard 2020
            if len(reasons) > 1 or mine.release or theirs.release:
                reasons = list(dict.fromkeys([*reasons, *(r for r in (mine.release, theirs.release) if r)]))
            described = reasons[0].startswith("its description")
            # beside live records, a test record's details support it by its environment ("Dev/Test Servers"),
            # not by the product they name as the live one's may ("SynXis test chain" for "SynXis CRS")
            supported_by = own & ENVIRONMENT_WORDS if beside_live else own
            supporting = score < EXACT and supported_by and not described
            evidence = self._evidence(supported_by, i, local.name) if supporting else ""
            if evidence:
                reasons.append(evidence)
                score = supported(score)
            scored.append((score, name, i, reasons, preselectable))
            rank[i] = (  # the stronger evidence first once versions have lowered scores ("Polycom" itself)
                -score,
                not preselectable,  # at one score, the one that may be pre-selected first
                self.versioned and bool(mine_major) and not theirs.version,  # the product as a whole after
                -found[i][0],
                bool(exact) and theirs.version != exact,
                bool(tiers) and their_tiers != tiers,  # "(Gold SLA)": "- Gold" before the untiered
                not tiers and self._is_not_live(i),  # "Server Hosting": "(Prod)" before "(Test)"
                -len(written.intersection([*theirs.words, *their_tiers])),  # more words written
                self.versioned and for_other(name),  # "X for Y", an add-in or a kind of X, after X
                name,
            )
        scored.sort(key=lambda s: rank[s[2]])
        if self.versioned and not mine.version and not local.version:
            self._as_likely_longer(mine, scored, limit)
        if any(s[4] for s in scored):  # beside one that would be pre-selected
            still_tied |= unversioned
        self._settle(mine, local, scored, found, still_tied, partial, limit)
        keys = [self.targets[i].key for _, _, i, _, _ in scored[:limit]]
        owners = [None if (owner := taken.get(target)) == key else owner for target in keys]
        return [
            Candidate(target, name, score, reasons[0], owner, tuple(reasons), preselectable)
            for target, owner, (score, name, _, reasons, preselectable) in zip(
                keys, owners, scored, strict=False
            )
        ]

    def _whole_product(self, i: int, found: dict) -> bool:
        """Whether a record found without a version has target i's name: the product as a whole, which a
        record without a version is before any of its majors ("MarkLogic", not "… MarkLogic Server 11")."""
        plain = self.names[i].plain
        return any(not self.names[j].version and self.names[j].plain == plain for j in found if j != i)

    def _as_likely_longer(self, mine: Name, scored: list, limit: int) -> None:
        """A record without a version whose words another product's name has with more is as likely that
        product (sync.scorer._ranked's `scored`, changed in place): "Firefox" may be "Mozilla Firefox ESR" as
        well as "Mozilla Firefox", "Zabbix" "Zabbix Agent 2" as well as "Zabbix Server"; not its very name."""
        first = next((n for n, s in enumerate(scored[:limit]) if s[4] and s[0] >= PRESELECT_AT), None)
        if first is None or self.names[scored[first][2]].plain == mine.plain:
            return  # its very name: "Photo Mechanic" beside a "Photo Mechanic Plus"
        words = set(mine.words)
        other = next(
            (
                s[1]
                for s in scored[first + 1 : limit]
                if s[3][0].startswith(TOKENS) and words < set(self.names[s[2]].words)
            ),
            "",
        )
        for n in range(first, min(len(scored), limit)) if other else ():  # and those below it
            score, name, i, reasons, preselectable = scored[n]
            if preselectable and score >= PRESELECT_AT:
                scored[n] = (
                    score,
                    name,
                    i,
                    [*reasons, f"as likely as {other}: suggested, never pre-selected"],
                    False,
                )

    def _other_hours(self, i: int) -> bool:
        """Whether target i gives hours of cover and a record of its name gives others: "Field IT Support -
        Business Hours" beside "- 24x7" is a person's choice for a "Deskside Support", however described, as
        cover out of hours alone is beside its service's record without hours ("Service Desk - After Hours"
        and "- Group"); not a record of another environment ("(Non-Prod)"), which gives none."""
        hours, plain = hours_of(self.targets[i].name), self.names[i].plain
        if not hours:
            return False
        others = [*self.index["plain"].get(plain, ()), *(self._headed_by(plain) if hours <= OUTSIDE else ())]
        return any(hours_of(self.targets[j].name) != hours and not self._is_not_live(j) for j in others)

    def _live_of_two(self, i: int, found: dict[int, Found]) -> bool:
        """Whether target i, of a tier of hours or service, is its name's one live record beside one of
        another environment, and no other live record was found as well: what a name of the production tier
        is ("Memberships (PROD)": "Membership Management - Business Hours" beside its "- Non-Prod"; not
        "Database Hosting - Prod" of a "(SQL Server) - 24x7" and a "(PostgreSQL) - 24x7")."""
        if self._tiers(i) & PROD or self._is_not_live(i):
            return False
        plain, score = self.names[i].plain, found[i][0]
        others = [j for j in found if j != i and found[j][0] >= score]
        if not all(self._is_not_live(j) for j in others):
            return False
        return any(self.names[j].plain == plain for j in others)

    def _live_records(self, mine: Name, found: dict[int, Found]) -> set[int]:
        """The records found for a name that gives no tier that are of no other environment and have all
        its words: "Work Management" is no "Work Management (Maximo) - Non-Prod" beside its "- Ashgrove" and
        "- Keel Point", whatever the dash reads as."""
        words = set(mine.core.split())
        return {j for j in found if not self._is_not_live(j) and words.issubset(self.names[j].words)}

    def _phone_build(self, i: int, found: dict[int, Found]) -> str:
        """For a phone's app id and target i, not built for phones, another record found with all of target
        i's words and a phone's ("DHIS2 Android Capture App" beside "DHIS2"), or ""."""
        words = set(self.names[i].words)
        if not PHONE_BUILD.isdisjoint(words):
            return ""
        return next(
            (
                self.targets[j].name
                for j in found
                if j != i
                and words < set(self.names[j].words)
                and not PHONE_BUILD.isdisjoint(self.names[j].words)
            ),
            "",
        )

    def _other_place(self, i: int, found: dict[int, Found]) -> str:
        """For a record of a region (REGIONS: "Payroll - LATAM"), another record found of the same name
        before its dash ("Payroll - EU"), or ""."""
        if REGIONS.isdisjoint(self.names[i].words) or not (head := self._head(i)):
            return ""  # most records, at once
        return next((self.targets[j].name for j in found if j != i and self._head(j) == head), "")

    def _live_headed(self, mine: Name, i: int, found: dict[int, Found]) -> bool:
        """Whether target i, of another environment, is the one record found where its head (its name
        before a dash) has live records too ("Warehouse Management (MERIDIAN) - VNL", "- ERF" beside its "-
        Non-Prod"), for a name with no word of any environment ("Manhattan Active WM"; not "CUPPS Test Lab",
        "Dialog Lab", "App beta builds"): a name that gives none may be one of those live records, a person's
        choice."""
        head = self._head(i) or (self.names[i].plain if self._dashed(i) else "")  # "- Non-Prod"'s own
        if not head or len(found) != 1 or self._says_environment({stem(w) for w in mine.plain.split()}):
            return False
        if not NOT_LIVE_WORDS.isdisjoint(mine.plain.split()):
            return False
        return any(j != i and not self._is_not_live(j) for j in self._headed_by(head))

    def _live_twin(self, i: int, found: dict[int, Found]) -> bool:
        """Whether a record of target i's own service of no other environment was found on the same evidence,
        whatever it is, each record's own name aside ("acronym: CRS = …"): "EKS", by what the product
        delivers, is the "Container Platform - Gold" beside its "- Non-Prod", and so is "SynXis CRS"; not a
        "SuccessFactors Preview" whose "- Non-Prod" alone is described as the preview."""
        service, why = self._service(i), found[i][1][0].replace(self.targets[i].name, "")
        return any(
            j != i
            and found[j][1][0].replace(self.targets[j].name, "") == why
            and not self._is_not_live(j)
            and self._service(j) == service
            for j in found
        )

    def _live_named(self, mine: Name, i: int, found: dict[int, Found]) -> bool:
        """Whether a live record found is named for target i's service and which one after a dash, or at a
        site (sync.match_places.coded_sites), or for a service its name begins, of a word no generic one
        ("ERP Finance - Group" beside an "ERP - Non-Prod"; not every "IT …" beside an "IT - Sandbox"), or
        for target i's head where target i's service is that head and a scope ("HR and Payroll - Ireland"
        beside an "HR and Payroll - UK & IE - UAT"): the "Kitchen Display System - Non-Production" is no "KDS
        ConnectSmart" beside a "Kitchen Display System - ConnectSmart (US) - Gold", whose acronym the name's
        letters are not. A record found by likeness alone counts only where target i is not found by its own
        description, or where its details have the words that description gave: a "Payroll Parallel Run" its
        description gives is, beside a "Payroll - ADP - Gold" only alike; "Manhattan WMS", by the product it
        delivers, is no "Warehouse Management - Non-Prod" beside the distribution centres' records; "Dayforce
        payroll IE" is no UAT of a Dayforce preview beside an Irish record on Dayforce."""
        if self._says_environment(set(mine.words)):
            return False  # "Dev/Test Servers"
        service, described = self._service(i), found[i][1][0].startswith("its description")
        family = f"{service} " if set(service.split()) - self.book.generic else None
        given = set(mine.words).difference(self.names[i].words) if described else set()
        head = self._head(i)
        wider = head != service and bool(set(head.split()) - self.book.generic)  # "- UK & IE - UAT"
        return any(
            j != i
            and (found[j][1][0] != ALIKE or not described or self._also_given(given, j))
            and (
                service in (self._head(j), self.site_heads.get(j))
                or (family is not None and self._head(j).startswith(family))
                or (wider and self._head(j) == head)
            )
            and not self._is_not_live(j)
            for j in found
        )

    def _also_given(self, words: set[str], j: int) -> bool:
        """Whether target j's details have all these words, that another record's description gave: no
        evidence then that tells the two apart ("Dayforce payroll IE": a "HR and Payroll - UK & IE - UAT" of
        a "Dayforce preview environment", beside an "HR and Payroll - Ireland" on Dayforce)."""
        return bool(words) and self.mentions is not None and all(self.mentions.has(w, j) for w in words)

    def _site_unsaid(self, name: str, i: int, why: str) -> str:
        """Why target i, a site's record found by its name read without the site's code, is only suggested
        where the portfolio name gives no site ("LIMS" for a "Laboratory Information Management VLS - Gold"):
        the catalogue may hold the service at another site however it writes it; or "". A word of the name,
        no product's or service's, that its description has and none of its service's other records' says
        which ("LabWare LIMS lab Sloehaven"), as its description may itself ("SampleManager LIMS
        Antwerpen")."""
        code, words = self.site_codes[i], normalise(name).split()
        if why.startswith(("its description", ALIKE, TOKENS)) or code.lower() in words:
            return ""  # not found by its name: by its description, or likeness below pre-selection
        if self.mentions is not None:
            others = [j for j in self.index["core"].get(self.site_cores[i], ()) if j != i]
            book, own, products = self.book, self.names[i].words, named_words()
            for word in {stem(w) for w in words}:  # a place's word, not a product's or a service's
                if word in own or word in book.vocabulary or word in book.generic or word in book.first_words:
                    continue
                if word in products or not self.mentions.has(word, i):
                    continue
                if not any(self.mentions.has(word, j) for j in others):
                    return ""
        return f"read without its site's code {code}"


def for_other(name: str) -> bool:
    """Whether a record is named for what it serves, not the platform it is built for: at one score, after
    the product itself, as another's add-in ("Google Workspace Sync for Microsoft Outlook" for Outlook's app
    id) or one kind of it ("Veeam Agent for Microsoft Windows" for "Veeam")."""
    return bool(FOR_OTHER.search(name)) and not FOR_PLATFORM.search(name)
