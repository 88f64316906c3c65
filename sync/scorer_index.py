"""How the scorer indexes the target records: every key a portfolio name is looked up by (sync.scorer)."""

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple

from sync.match_acronyms import bracketed, initials, with_of
from sync.match_dictionary import BRACKETS
from sync.match_names import AliasBook, Name, words_of
from sync.match_places import coded_sites
from sync.match_rules import is_english, stem, uncategorised
from sync.matching import Item, Matcher, as_tuples, grouped, normalise
from sync.scorer_names import (
    AUDIENCES,
    CORE,
    DASH,
    FOR_PLATFORM,
    GUESSED,
    LEXICAL_CAP,
    LISTED,
    PLATFORMS,
    core_of,
)
from sync.scorer_readings import other_names

INDEXES = ("name", "plain", "canon", "core", "loose", "initials", "short", "maker", "meaning", "declared")
INDEXES += ("lead", "of", "listed")
LISTED_WHY = "one of the things its name lists"
ALIKE = "similar name"  # what the lexical matcher found by likeness alone (`_alike`)
TOKENS = "all words of the shorter name"  # and by every word of the shorter of the two names
# the people or the kind a listing's other things may say it is for: "Contractor Onboarding and Remote Access"
WHOSE = AUDIENCES | frozenset(
    normalise("member contractor supplier client tenant passenger alumni parent councillor legacy").split()
)
NUMBER_JOINED = re.compile(r"^(\d+)[a-z]")  # "7-Zip" alone (sync.matching.LEADING_NUMBER)
LISTING = re.compile(r",|\s&\s|\band\b", re.I)  # "DNS, DHCP and IP Address Management": three things
FOR_OTHER = re.compile(r"\s+for\s+", re.I)  # a maker's add-in: "Mimecast for Outlook"
# "Database Hosting - PostgreSQL", "…: PostgreSQL", "… (PostgreSQL)": a name, then which one
DASHED = re.compile(r"\s+[-–—]\s+|:\s+|\s*\(")
SPANNED = re.compile(r"\s+[-–—]\s+|\s*\(")
TAIL_LIST = re.compile(r",|\s&\s|\s+and\s+|/|\)", re.I)
# the services about a product rather than the product's own: "Backup - Salesforce", "Integration - Workday"
WRAPPERS = frozenset(
    stem(w)
    for w in normalise(
        "backup integration migration archive archiving licensing licence license training support site "
        "reporting test testing upgrade interface feed project programme decommissioning network lan"
    ).split()
)


class Tail(NamedTuple):
    """What follows a service's name's first dash, colon or opening bracket (NameIndex._tails)."""

    things: frozenset[tuple[str, ...]]  # whole, and each thing listed there ("CHAPS and SWIFT")
    words: frozenset[str]


class NameIndex:
    """The Scorer's indexes of target names: {index: {key: (target index, …)}}."""

    versioned: bool
    targets: list[Item]
    book: AliasBook
    lexical: Matcher
    index: dict[str, dict[str, tuple[int, ...]]]
    names: list[Name]
    words: dict[str, tuple[int, ...]]  # a core word of the targets' names → those targets
    word_sets: dict[str, frozenset[int]]  # the same, as sets once asked (_word_set)
    shared: dict[
        tuple[str, ...], frozenset[int]
    ]  # the targets having all of some words (_sharing), once asked
    cores: dict[str, tuple[int, ...]]
    brandless: list[int]  # the number of core words once the manufacturer is out
    _having: Callable[[list[str]], frozenset[int]]  # sync.scorer_names.NameEvidence's
    _is_not_live: Callable[[int], bool]  # sync.scorer_environments.EnvironmentReadings's
    # read as rules ask: a name → the targets it heads (_headed_by), the names in order, what follows
    heads: dict[str, list[int]]
    head_of: dict[int, str]  # each target's head (_head), once asked
    sorted_names: tuple[list[str], list[int]] | None
    tails: dict[int, Tail]
    heads_spelled: dict[str, list[int]] | None  # the initials of names before a dash, once asked
    spanned: dict[int, tuple[frozenset[str], frozenset[str]]]  # a name's words before a dash and after
    read_as: dict[int, str]  # sync.scorer_tiers.live_as_prod's
    site_cores: dict[int, str]  # a target's core without its site's code (sync.match_places.coded_sites)
    site_codes: dict[int, str]  # that code, as written
    site_heads: dict[int, str]  # the service without it, before its tier, normalised

    def _index_targets(self) -> None:
        """The indexes of the targets' names, read already (`names`), and the lexical matcher's."""
        self.filing: dict[str, dict[str, int | list[int]]] = {name: {} for name in INDEXES}
        words_in: list[tuple[str, int]] = []
        self.brandless = []
        known = () if self.versioned else self.book.vocabulary | self.book.generic  # no site's code
        sited = coded_sites([t.name for t in self.targets], known) if known else {}
        self.site_cores, self.site_codes, self.site_heads = {}, {}, {}
        for i, (target, name) in enumerate(zip(self.targets, self.names, strict=True)):
            maker = words_of(target.manufacturer)
            self._index(i, target.name, name, list(maker))
            if not self.versioned:
                for bare in other_names(target.name):
                    self._index(i, bare, self.book.read(bare), [], again=True)
                if i in sited:  # without its site's code: "Process Historian VLS - Gold"
                    without, self.site_codes[i] = sited[i]
                    bare = self.book.read(without)
                    self._index(i, without, bare, [], again=True)
                    self.site_cores[i] = bare.core
                    self.site_heads[i] = normalise(DASH.split(without, 1)[0])
                if i in self.read_as:  # as written too: "Server Hosting Live"
                    self._index(i, target.name, self.book.read(target.name), [], again=True)
            words = name.core.split()
            self.brandless.append(len([w for w in words if w not in maker]) or len(words))
            words_in.extend((word, i) for word in words)
        count = len(self.names)
        self.cores = grouped(((name.core, i) for i, name in enumerate(self.names)), count)
        self.words, self.word_sets = grouped(words_in, count), {}
        self.lexical = Matcher.of_normalised([n.plain for n in self.names])
        self.index = {name: as_tuples(filed, count) for name, filed in self.filing.items()}
        del self.filing

    def _service_core(self, i: int) -> str:
        """Target i's core words without its site's code (sync.match_places.coded_sites): the one service
        each site's record is, where a rule asks whether the records found are one service's."""
        return self.site_cores.get(i) or self.names[i].core

    def _word_set(self, word: str) -> frozenset[int]:
        """The targets whose core has this word (`words`), as a set once asked: most words never are."""
        found = self.word_sets.get(word)
        if found is None:
            found = self.word_sets[word] = frozenset(self.words.get(word, ()))
        return found

    def _headed_by(self, plain: str) -> list[int]:
        """The targets named `plain` and which one after their first dash, colon or opening bracket
        ("Database Hosting - PostgreSQL" for "database hosting"), not a tier's ("- Gold"), in order. A head
        begins the whole name as normalised (or is all of it, a software name's "(Standard)" read away), so
        only the names it begins are read (sync.scorer_choices)."""
        found = self.heads.get(plain)
        if found is None:
            names, order = self._sorted_names()
            start, end = bisect_left(names, plain), bisect_left(names, f"{plain}!")  # "!" follows " "
            found = self.heads[plain] = [j for j in sorted(order[start:end]) if self._head(j) == plain]
        return found

    def _named_scope(self, mine: Name, i: int) -> str:
        """Another live record of target i's head, where what follows that head in target i's name is
        generic words alone, none the portfolio name's: "Remote Access VPN - Corporate" says no more than
        "VPN" does, beside a "Remote Access VPN - Trackside" (not beside its own "- Test"). The first such
        name, or ""."""
        head = self._head(i)
        scope = self.names[i].plain.split()[len(head.split()) :]
        if not head or not scope or not self.book.generic.issuperset(scope) or set(scope) & set(mine.words):
            return ""
        theirs = self.names[i].plain
        others = (
            self.targets[j].name
            for j in self._headed_by(head)
            if j != i and self.names[j].plain != theirs and not self._is_not_live(j)
        )
        return next(others, "")

    def _headed_too(self, plain: str, i: int) -> str:
        """Another record named for the portfolio name and which one after a dash, beside target i, one such
        too: "IT Asset Management - Hardware" and "- Software" are two; "Server Hosting - VMware (Prod)" and
        "(Non-Prod)" one in two environments, a tier's choice. The first other one, or ""."""
        if not self._may_head(plain, i):
            return ""
        headed, theirs = self._headed_by(plain), self.names[i].plain
        other = (
            self.targets[j].name
            for j in headed
            if j != i and (self.versioned or self.names[j].plain != theirs)  # a service's tiers read away
        )
        return next(other, "") if i in headed else ""

    def _headed(self, plain: str, i: int) -> str:
        """Another record named for the portfolio name and which one, after a dash, a colon or in brackets:
        beside "Database Hosting - SQL Server - Prod" and "Database Hosting - PostgreSQL", a "Database
        Hosting" is no "Database Administration" an alias reads alike. The first such name, or ""."""
        headed = self._headed_by(plain)
        return "" if i in headed else next((self.targets[j].name for j in headed), "")

    def _head(self, j: int) -> str:
        """Target j's name before its first dash, colon or opening bracket, normalised; "" for none or a
        tier's ("Server Hosting - Gold"). Kept: asked of many targets, again and again."""
        head = self.head_of.get(j)
        if head is None:
            parts = self._dashed(j)
            head = normalise(parts[0]) if parts else ""
            head = self.head_of[j] = "" if head == self.names[j].plain else head
        return head

    def _dashed(self, j: int) -> tuple[str, str] | None:
        """Target j's name split at its first dash, colon or opening bracket (what follows may be empty, a
        name cut short: "Visio Professional 2021 ("); None for none."""
        parts = DASHED.split(self.targets[j].name, 1)
        return (parts[0], parts[1]) if len(parts) == 2 else None

    def _whole(self, j: int) -> str:
        """Target j's whole name normalised, which a head begins (a software name reads otherwise:
        sync.match_names)."""
        return normalise(self.targets[j].name) if self.versioned else self.names[j].plain

    def _may_head(self, plain: str, j: int) -> bool:
        """Whether `plain` could head target j's name: it begins its whole name, the range of sorted names
        `_headed_by` reads. A quick test before it, as most names are not looked up."""
        whole = self._whole(j)
        return whole == plain or whole.startswith(f"{plain} ")

    def _sorted_names(self) -> tuple[list[str], list[int]]:
        """The targets' whole names normalised (`_whole`), in order, and their targets: the names a head
        begins are a range of them."""
        if self.sorted_names is None:
            whole = [self._whole(j) for j in range(len(self.targets))]
            order = sorted(range(len(whole)), key=whole.__getitem__)
            self.sorted_names = [whole[j] for j in order], order
        return self.sorted_names

    def _spans(self, words: list[str], i: int) -> bool:
        """Whether a portfolio name's words are some of what service i is, before its first dash or opening
        bracket, and some of which one, after it, a word the dictionary does not know among these ("SKIDATA
        Barriers": "Car Park Barrier Equipment - SKIDATA"; not "SAP ERP": "SAP S/4HANA - ERP", nor a
        category's "Security: SIEM and SOC Monitoring")."""
        found = self.spanned.get(i)
        if found is None:
            parts = SPANNED.split(self.targets[i].name, 1)
            head, tail = (
                (frozenset(self.book.read(part).words) for part in parts) if len(parts) == 2 else ((),) * 2
            )
            found = self.spanned[i] = (
                frozenset(head).difference(tail),
                frozenset(tail).difference(head, self.book.vocabulary, self.book.generic),
            )
        what, which = found
        return not which.isdisjoint(words) and not what.isdisjoint(words)

    def _spelling_heads(self, acronym: str) -> list[int]:
        """The services whose names before their first dash it spells, what follows saying which one
        ("MDM": "Mobile Device Management - Intune"); read once a portfolio name asks, as most are no
        acronym."""
        if self.heads_spelled is None:
            self.heads_spelled = defaultdict(list)
            for j, target in enumerate([] if self.versioned else self.targets):
                parts = DASH.split(target.name, 1)
                head = normalise(parts[0]).split() if len(parts) == 2 else []
                if len(head) >= 2 and " ".join(head) != self.names[j].plain and (spelled := initials(head)):
                    self.heads_spelled[spelled].append(j)
        return self.heads_spelled.get(acronym, [])

    def _sharing(self, words: tuple[str, ...]) -> frozenset[int]:
        """The targets whose names, as normalised, have all these words: what follows a service's dash has
        none the whole name lacks (a software name reads otherwise, sync.match_names), but for a
        number joined to a word, "7zip" alone and "7 zip" after a dash ("Compression - 7-Zip"), and a tier
        the whole name's reading drops ("- Gold", "- 24x7"), which names no product a service is for. Kept:
        several rules ask it of one portfolio name."""
        kept = self.shared.get(words)
        if kept is None:
            kept = self.shared[words] = frozenset(self._having_all(words))
        return kept

    def _having_all(self, words: tuple[str, ...]) -> set[int]:
        postings, found = self.lexical.postings, None
        for word in sorted(set(words), key=lambda w: len(postings.get(w, ()))):
            having = set(postings.get(word, ()))
            if joined := NUMBER_JOINED.match(word):  # its word may read otherwise alone: "3-Ops", "ops"
                having.update(postings.get(joined[1], ()))
            found = having if found is None else found & having
            if not found:
                return set()
        return found or set()

    def _tails(self, j: int) -> Tail:
        """What follows service j's name's first dash, colon or opening bracket, whole and each thing listed
        there, and its words; nothing where the head is a service about a product (WRAPPERS), or where what
        follows is a tier the name's reading drops ("Property Management System - Non-Prod" names no "Prod"
        product). Read as the rules ask (sync.scorer_products)."""
        found = self.tails.get(j)
        if found is None:
            head, tail = self._dashed(j) or ("", "")
            said_before = normalise(head)
            if (
                not tail
                or said_before == self.names[j].plain
                or not WRAPPERS.isdisjoint(map(stem, said_before.split()))
            ):
                found = Tail(frozenset(), frozenset())
            else:
                said = tuple(normalise(tail).split())
                listed = TAIL_LIST.split(tail)
                many = len(listed) > 1 or listed[0] != tail
                things = {said, *(tuple(normalise(part).split()) for part in listed if many)}
                found = Tail(frozenset(things), frozenset(said))
            self.tails[j] = found
        return found

    def _index(self, i: int, shown: str, name: Name, maker: list[str], again: bool = False) -> None:
        post = self._post
        joined = name.plain.replace(" ", "")  # "Servicedesk", "Desk-side"
        for index, key in (
            ("plain", name.plain),
            ("canon", name.canon),
            ("core", name.core),
            ("loose", name.loose),
            ("initials", name.initials),
            ("meaning", name.meaning),
        ):
            if key:
                post(index, key, i, again)
        if joined != name.loose and joined:
            post("loose", joined, i, again)
        if name.fired and (written := self._written_meaning(name)):
            post("meaning", written, i, again)
        if not again and shown:
            post("name", shown, i)
        if name.other_initials or name.core_initials != name.initials:
            for acronym in {name.core_initials, *name.other_initials} - {name.initials, ""}:
                post("initials", acronym, i)
        if " " not in name.core and 2 <= len(name.core) <= 6 and name.core in name.plain.split():
            post("short", name.core, i)  # as written: "HR Information System" is no "HRI" (HRIS)
        if acronym := bracketed(shown):
            post("declared", acronym, i)
        if of := with_of(shown):
            post("of", of, i)
        for thing in () if again else self._listed_things(shown, name):  # "Cinema Ticketing and Box Office"
            post("listed", thing, i)
        if len(name.words) >= 4 and not again and (rest := initials(name.words[1:])):
            post("lead", f"{name.words[0]} {rest}", i)  # "SAP ATTP": "SAP Advanced Track and …"
        add_in = FOR_OTHER.split(shown, 1) if maker else ()  # "Grammarly for Microsoft Office": no Office
        for size in (1, 2, 3)[: len(maker)]:
            glued = size > 1 and name.words[:1] == ("".join(maker[:size]),)  # "OpenText" by "Open Text Corp."
            rest = name.words[1:] if glued else name.words[size:]
            said = name.plain.split()  # an alias spanned the maker's word ("SAP BW"): "BW/4HANA" too
            lead = list(name.words[: 1 if glued else size])
            if len(add_in) == 2 and normalise(add_in[0]).split() in (said[:size], lead):
                continue
            # not "Cloud"; but any name an alias read under the maker's former name ("Omnissa Workspace ONE
            # Intelligent Hub", VMware's)
            if (
                name.fired
                and len(said) > size
                and said[:size] == maker[:size]
                and said[size:] != maker[size:]
                and (list(name.words[:size]) != maker[:size] or not all(map(is_english, said[size:])))
            ):
                post("maker", self.book.read(" ".join(said[size:]), "", True).core, i)
            if (list(name.words[:size]) != maker[:size] and not glued) or not rest:
                continue
            if list(rest) == maker[size : size + len(rest)]:
                continue  # the maker's whole name: "IT-Enterprise" by IT-Enterprise is no "Enterprise"
            if not (PLATFORMS.issuperset(rest) and FOR_PLATFORM.search(shown)):
                post("maker", core_of(rest, self.book.generic, name.core), i)

    def _post(self, index: str, key: str, i: int, again: bool = False) -> None:
        """Files target i under `key`, as sync.matching.grouped does; `again`: another reading of target i,
        filed once under each key."""
        filed = self.filing[index]
        held = filed.get(key)
        if held is None:
            filed[key] = i
        elif type(held) is int:
            if not (again and held == i):
                filed[key] = [held, i]
        elif not (again and i in held):
            held.append(i)

    def _alike(self, mine: Name, found: dict, limit: int) -> None:
        """Adds to `found` (sync.scorer._found's) the names the lexical matcher finds alike, capped below
        pre-selection: as written, and as its aliases read it where no rule found a sure candidate."""
        strong = any(score >= CORE for score, _ in found.values())
        many = len(found) >= 4 * limit  # many records of one name (one per version): likeness adds nothing
        lexical = [] if many else self.lexical.scored_normalised(mine.plain, limit, scan=False)
        aliased = []  # "OS Patching" reads "os patch management": compare that too, its aliases the reason
        if mine.fired and not strong:
            aliased = self.lexical.scored_normalised(mine.canon, limit, scan=False)
        if not found and not lexical and not aliased:  # no shared word: compare the spelling with all
            lexical = self.lexical.scored_normalised(mine.plain, limit)
        for hits, why in ((lexical, ()), (aliased, mine.fired)):
            for i, score, reason in hits:
                if i not in found or found[i][0] < min(LEXICAL_CAP, score):
                    words = TOKENS if reason == "token" else ALIKE
                    found[i] = (min(LEXICAL_CAP, score), [words, *why])

    def _listed(self, mine: Name) -> list[int]:
        """The one service whose name lists the portfolio name among other things ("Box Office": "Cinema
        Ticketing and Box Office"), where no other service has all its words; "AT&T Mobile" lists nothing.
        Only looked for when no rule has found a sure candidate; the one-word-more rule comes first ("Network
        Design": "Network Design and Implementation")."""
        found = self.index["listed"].get(mine.canon, ())
        if not found or len({self._service_core(i) for i in found}) > 1:
            return []
        having = self._having(mine.core.split())
        one = self._service_core(found[0])
        return list(found) if all(self._service_core(i) == one for i in having) else []

    def _listed_otherwise(self, listed: list[int], found: dict) -> None:
        """A listing service only suggested where its other things say whose it is ("Wi-Fi" and a "Guest
        Entertainment and Wi-Fi") or another service's details have the portfolio name too ("Payroll" and a
        "Pensions Administration and Payroll" beside an HR system of "staff payroll"): `found`
        (sync.scorer._found's) changed in place."""
        described = [j for j, (_, why) in found.items() if j not in listed and why[0].startswith("its descr")]
        for i in listed:
            score, why = found[i]
            audience = sorted(WHOSE.intersection(self.names[i].plain.split()))
            if score != LISTED or why[0] != LISTED_WHY or not (audience or described):
                continue
            whose = f"for {audience[0]}s" if audience else f"{self.targets[described[0]].name} has it too"
            found[i] = (GUESSED, [*why, f"{whose}: suggested, never pre-selected"])

    def _listed_things(self, shown: str, name: Name) -> list[str]:
        """The things a service's name lists, as read, its category and brackets left out ("DNS, DHCP and IP
        Address Management": ip address management). Where its last word is said of each thing
        ("Management"), the last needs two words besides it: "Security Information and Event Management"
        lists no Event Management, "Capacity and Performance Management" no Performance Management (an HR
        system's). Words are counted as read: "Payroll" reads as two ("payroll process")."""
        if self.versioned or not name.words or ("," not in shown and "and" not in name.plain.split()):
            return []
        parts = LISTING.split(BRACKETS.sub(" ", uncategorised(shown) or shown))
        said_of_each = name.words[-1] in self.book.loose or name.words[-1] in self.book.generic
        things = []
        for n, part in enumerate(parts, 1) if len(parts) > 1 else ():
            read = self.book.read(part)
            if len(read.words) >= 2 + (said_of_each and n == len(parts)) and read.canon != name.canon:
                things.append(read.canon)
        return things

    def _written_meaning(self, name: Name) -> str:
        """A service's meaning of its words as written, where an alias reads them otherwise: "Windows Server
        Hosting" means Windows Server, also when an alias reads it "Virtual Server Hosting"."""
        if not name.fired or self.versioned:
            return ""
        meaning = self.book.meaning_of([stem(w) for w in name.plain.split()])
        return meaning if len(meaning.split()) >= 2 else ""  # one word is too little: "Applications"
