"""The scorer's name rules (mixed into sync.scorer.Scorer, whose index they read): a name's other readings
(without its category or brackets), acronyms either way, the one product with all the words, delivery
words, editions, and the reasons each gives. The scores are documented in sync.scorer."""

import re
from collections.abc import Callable, Iterable
from itertools import chain

from sync.match_acronyms import own_acronym
from sync.match_brackets import DEPLOYMENT
from sync.match_details import Mentions
from sync.match_dictionary import PHONE_BUILD, formerly, is_app_id, is_bundle, kept_editions, no_windows_build
from sync.match_editions import EDITIONS, PLANS, editions_differ, office_plus
from sync.match_makers import maker_names
from sync.match_names import VAGUE, AliasBook, Name, words_of
from sync.match_rules import RUN_TOGETHER, abbreviates, stem
from sync.match_versions import major
from sync.matching import Item, Matcher, normalise
from sync.scorer_details import CLOUDS

EXACT, SAME, ALIAS, ACRONYM, CORE, ABBREVIATION, LOOSE, ONLY, PRODUCT = 100, 96, 94, 92, 90, 90, 88, 88, 88
# suggestions only: a product's service that the name's other words fit less well (PRODUCT_OTHERWISE); a
# two-letter acronym for part of a name, or one without the S of System (GUESSED)
PRODUCT_OTHERWISE = GUESSED = 86
LISTED = 88
LEXICAL_CAP, EVIDENCE, LEXICAL_WITH_EVIDENCE, MINOR = 84, 4, 87, 2
PRESELECT_AT = 88
UNSAID = frozenset({"service", "system", "and"})  # generic words `_only` does not ask a target to have
WITHIN = 88
# the people a service is for, other than staff: "Guest Wi-Fi" is not the organisation's own
AUDIENCES = frozenset(["guest", "visitor", "public", "student", "pupil", "patient", "customer", "resident"])
# tools an install always names, as normalised ("MySQL Workbench", "VMware Tools"): no product's bare name
TOOLS = frozenset(["workbench", "studio", "console", "shell", "sdk", "cli", "tool", "editor", "designer"])
GENERIC_ONLY = "same name apart from generic words"  # a reason, read again by sync.scorer_choices
SPOKEN = {"host": "hosting", "provision": "provisioning"}  # stemmed words as a reason shows them
DASH = re.compile(r"\s+[-–—]\s+")  # before which one: "Mobile Device Management - Intune"
EDITION_NAMES = normalise(
    "enterprise standard professional pro community datacenter plus premium ultimate advanced lite lt express"
).split() + ["home"]
# what alone tells two records of one product and version apart: "Tableau Desktop" and "Tableau Server"
EDITIONS_OF_ONE = frozenset(
    [*EDITION_NAMES, *normalise("essentials developer workstation studio").split(), *DEPLOYMENT]
)
WRITTEN_SHORT = frozenset(["app", "apps", "dev", "prod", "ops", "admin", "infra", "env"])  # IT's short words
NAMING_WORDS = frozenset(["se", "ee"])  # generic, yet the platform's name ("Java SE"), not an edition
EDITION_WORDS = frozenset(  # a word more that makes another edition of a product ("NGINX Plus"); not "SE",
    EDITION_NAMES
    # or another part of it: "Tenable Nessus Agent" is not the scanner, "MySQL Workbench" not the database
    + normalise("agent client console manager viewer reader sdk driver plugin connector runtime").split()
    + normalise("forwarder workbench designer player cli toolkit redistributable collector").split()
    + ["iot"]  # a device maker's build, licensed apart: "Windows 10 IoT Enterprise"
    + ["build"]  # another's build of it: "Microsoft Build of OpenJDK" is not a distribution's "openjdk"
    # or a distribution of its own: "Java 8 Update 401", Oracle's, is not "Eclipse Temurin JRE 8"
    + normalise("temurin corretto zulu liberica semeru graalvm adoptopenjdk dragonwell").split()
)
APART = {frozenset(["support"]), frozenset(["provision"])}  # fixing a thing, delivering it
PLATFORMS = frozenset(["window", "linux", "mac", "maco", "android", "io", "unix"])
BETWEEN = frozenset(["at", "in", "on", "by", "from", "via", "outside"])  # a service's words, placed apart
# the words that make a service one sort of the service its other words name: "OT Security Monitoring"
# "Major Incident Management": ITIL's practice of its own; "External Web Conferencing" one kind of it
SORTS = VAGUE | {"ot", "physical", "major", "external", "internal"}
FOR_PLATFORM = re.compile(
    r"\bfor\s+(?:windows|linux|mac|macos|android|ios|unix)\b", re.I
)  # "Git for Windows"


def supported(score: int) -> int:
    """A score once supporting evidence is found (EVIDENCE): lexical likeness stays a suggestion, at most
    LEXICAL_WITH_EVIDENCE, as does a suggestion above it; at PRESELECT_AT it only breaks a tie."""
    if score >= CORE:
        cap = 99
    elif score >= PRESELECT_AT:
        cap = PRESELECT_AT + 1
    elif score <= LEXICAL_CAP:
        cap = LEXICAL_WITH_EVIDENCE
    else:
        cap = PRESELECT_AT - 1
    return min(score + EVIDENCE, cap)


def core_of(words: Iterable[str], generic: frozenset[str], core: str = "") -> str:
    """The core of some of a name's words; `core`: the whole name's, whose kept edition words ("Final Cut
    Pro") stay."""
    words, generic = list(words), generic.difference(core.split()) if core else generic
    if plus := office_plus(words):  # "Office Professional Plus 2016": "Office 2016"
        words = [w for n, w in enumerate(words) if n not in plus] or words
    return " ".join(sorted(set(w for w in words if w not in generic) or words))


Found = tuple[int, list[str]]  # a target's score and the reasons for it


class NameEvidence:
    """Mixed into sync.scorer.Scorer."""

    targets: list[Item]
    versioned: bool
    book: AliasBook
    names: list[Name]
    majors: list[str]
    brandless: list[int]
    words: dict[str, tuple[int, ...]]
    cores_having: dict[tuple[str, ...], frozenset[int]]  # `_having`'s, kept
    _word_set: Callable[[str], frozenset[int]]  # sync.scorer_index.NameIndex's
    cores: dict[str, tuple[int, ...]]  # a target's core → the targets of that core
    index: dict[str, dict[str, tuple[int, ...]]]
    lexical: Matcher
    mentions: Mentions | None  # and the Scorer's _found, DetailsEvidence's _named
    made: bool  # whether any target has a manufacturer
    _spans: Callable[[list[str], int], bool]  # sync.scorer_index.NameIndex's
    _sharing: Callable[[tuple[str, ...]], frozenset[int]]  # sync.scorer_index.NameIndex's
    _few_more: Callable[[int, list[str], str | None], bool]  # sync.scorer_products.ProductEvidence's
    _within_product: Callable[[Name, int], bool]  # sync.scorer_products.ProductEvidence's
    _brandless_core: Callable[[int], frozenset[str]]  # sync.scorer_installs.InstallNames'

    def _compounds_split(self, name: str) -> tuple[str, list[str]]:
        """The name with each word the targets do not use written as the target words it runs together,
        and those words: "UniversalForwarder" is "Universal Forwarder", "QualysCloudAgent" "Qualys Cloud
        Agent", "EdgeWebView2Runtime" "Edge WebView2 Runtime" (a number inside kept with the words before
        it); ("", []) when no word is."""
        split, phrases = [], []
        if name.count(" ") > 12:  # a sentence, not a product's name
            return "", []
        for word in re.split(r"(\W+)", name):
            lower = word.lower()
            if 7 <= len(lower) <= 32 and not self._known(lower):
                pieces = RUN_TOGETHER.fullmatch(word)
                apart = [self._apart(p) for p in pieces.group(1, 3)] if pieces else [self._apart(word)]
                if all(apart) and (pieces or apart[0] != word):
                    phrases.extend(normalise(piece) for piece in apart)
                    word = f"{apart[0]}{pieces.group(2)} {apart[1]}" if pieces else apart[0]
            split.append(word)
        return ("".join(split), phrases) if phrases else ("", [])

    def _apart(self, word: str) -> str:
        """The word of letters as the target words it runs together, or as it is when a target's name has
        it; "" for neither."""
        lower = word.lower()
        if len(lower) < 3 or not lower.isalpha():
            return ""
        if self._known(lower):
            return word
        cuts = self._cuts(lower, word)
        return (
            " ".join(word[a:b] for a, b in zip((0, *cuts), (*cuts, len(word)), strict=True)) if cuts else ""
        )

    def _known(self, piece: str) -> bool:
        """Whether a target's name has this word (lower-case letters), read as names' words are or as
        written (an alias may read "Azure Data Studio" otherwise)."""
        if len(read := words_of(piece)) != 1:
            return False
        return read[0] in self.words or normalise(piece) in self.lexical.postings

    def _cuts(self, word: str, written: str = "") -> tuple[int, ...]:
        """Where to cut a word into the fewest target words of three letters or more, or two written in
        capitals ("PowerBI"), or (): each prefix that ends a known word keeps its cuts, so a word of n
        letters costs at most n² lookups."""
        ends: dict[int, tuple[int, ...]] = {0: ()}
        for end in range(2, len(word) + 1):
            for begin in sorted(
                b for b in ends if end - b >= 3 or (end - b == 2 and written[b:end].isupper())
            ):
                if self._known(word[begin:end]) and (
                    end not in ends or len(ends[begin]) + 1 < len(ends[end])
                ):
                    ends[end] = (*ends[begin], end)
        cuts = ends.get(len(word), ())
        return cuts[:-1] if len(cuts) >= 2 else ()

    def _aliases(self, mine: Name, i: int) -> list[str]:
        """Why two names read alike when not as written: the aliases that fired, else the acronym one
        leads with (sync.match_names), else a version."""
        fired = list(dict.fromkeys(mine.fired + self.names[i].fired))
        if fired:
            return fired
        for name in (mine, self.names[i]):
            words = name.plain.split()
            if (at := own_acronym(words)) is not None:  # "ICS - Internal Control System"
                return [f"same name apart from its acronym ({words[at].upper()})"]
        return ["same name apart from a version or service pack"]

    def _written_first(self, mine: Name, found: dict[int, Found]) -> None:
        """Ranks a record whose name only an alias reads as the portfolio name after one of the name itself,
        its generic words aside ("Disaster Recovery (DR)": "IT Disaster Recovery" before a "Service
        Continuity Management" of the disaster recovery group); `found` (sync.scorer._found's) changed in
        place."""
        if mine.fired or self.versioned:
            return
        own = set(mine.words)

        def writes(j: int) -> bool:
            return own <= {stem(w) for w in self.names[j].plain.split()}

        if not any(
            self.names[j].core == mine.core and writes(j) and not why[0].startswith("alias")
            for j, (_, why) in found.items()
        ):
            return  # no record of the name itself, its generic words aside
        for i, (score, why) in list(found.items()):
            if score > LOOSE and why[0].startswith("alias") and not writes(i):
                found[i] = (LOOSE, why)

    def _generic(self, mine: Name, i: int) -> list[str]:
        dropped = list(dict.fromkeys(mine.dropped + self.names[i].dropped))
        text = f"{GENERIC_ONLY} ({', '.join(dropped)})" if dropped else "same words in another order"
        return [text, *dict.fromkeys(mine.fired + self.names[i].fired)]

    def _having(self, words: list[str]) -> frozenset[int]:
        """The targets whose core has every one of these words. Kept: several rules ask it of one portfolio
        name's core."""
        key = tuple(words)
        found = self.cores_having.get(key)
        if found is None:
            postings = sorted(map(self._word_set, words), key=len)
            found = self.cores_having[key] = postings[0].intersection(*postings[1:]) if words else frozenset()
        return found

    def _component(self, mine: Name, i: int) -> str:
        """Another product an install's name is as much as target i, which only its generic or delivery words
        tell from the name ("Splunk Enterprise", "Control-M Server", "Power BI Desktop"; not "Microsoft SQL
        Server" for "mssql-server"): one with the name's words together, in its order, and some of its own
        that are neither generic nor target i's, of the install's major ("Splunk Universal Forwarder 9",
        "Control-M Agent 9", "Power BI Report Server"; not "Dynamics 365 Business Central" for "Microsoft
        365"); not another release of target i ("MySQL Server 8.0" beside "MySQL Server 8.4 LTS"), nor a tool
        an install always names ("MySQL Workbench"). Its name, or ""."""
        theirs = set(self.names[i].words)
        if not {*self.names[i].dropped, *self.names[i].loose_dropped}.difference(mine.words):
            return ""
        ours, written = major(mine.version), f" {' '.join(mine.words)} "
        for j in sorted(self._having(mine.core.split())):
            extra = set(self.names[j].words) - theirs - self.book.generic
            same_major = self.majors[j] == ours or not (self.majors[j] or mine.named_version)
            if (
                j != i
                and extra
                and TOOLS.isdisjoint(extra)
                and written in f" {' '.join(self.names[j].words)} "
                and same_major
            ):
                return self.targets[j].name
        return ""

    def _only(self, mine: Name, shown: str = "", spanned: bool = False) -> list[int]:
        """The records of the one product whose words include all of the portfolio name's, with at most one
        word more once its manufacturer is out, or three in the same major version ("KeePass 2.57" =
        "KeePass Password Safe 2"), or a known service besides a name the dictionary does not know ("Zoom"
        = "Zoom Web Conferencing"; not "IT Training" = "Security Awareness Training"), or of a service
        whose name the portfolio name spans, what and which one (NameIndex._spans: "SKIDATA Barriers"). A
        service's other generic words, as written, must be the target's too: "IT Ticketing System" is no
        "Ticketing and Admissions", nor "IT Service Desk" a "Student Service Desk"; nor a one-word name other
        details write as a proper name one whose name writes it otherwise ("Teams", "Team Wiki")."""
        words = mine.core.split()
        found = self._having(words)
        if not found:
            return []
        first = next(iter(found))
        core = self.names[first].core
        if core == mine.core or any(self.names[i].core != core for i in found):
            return []  # no product, or two
        theirs = self.names[first]
        # "SAP GUI" = "SAP GUI for Windows": the one product, built for Windows; not a Linux package, written
        # in lower case ("git"), a Mac's bundle ("R.app"), nor a name of a letter or two ("R", "Qt", "Go")
        platform = (
            self.versioned
            and not no_windows_build(shown)
            and len("".join(words)) >= 3
            and set(theirs.core.split()) - set(words) == {"window"}
            and FOR_PLATFORM.search(self.targets[first].name)
        )
        if not platform and not any(len(w) >= 4 and w not in VAGUE for w in words):
            return []  # "Cloud" alone says where, not what; "IBM MQ" may be "IBM MQ Explorer"
        kinds = (
            EDITION_WORDS | self.book.generic.intersection(theirs.core.split()) if self.versioned else SORTS
        )
        given = set(mine.words)
        if CLOUDS.intersection(given) and not self.versioned:
            given.add("cloud")
        if kinds.intersection(theirs.words).difference(given):
            return []  # "Cloud File Sharing" is a kind of "File Sharing", "NGINX Plus" of NGINX, "… LTSC" too
        if self.versioned and any(theirs.words[k] not in given for k in kept_editions(list(theirs.words))):
            return []  # an edition sold apart (separate_editions): "DaVinci Resolve Studio"
        if self.versioned and theirs.plain.endswith(" business") and "business" not in given:
            return []  # for companies, sold apart: "WhatsApp Business", "Dropbox Business"
        apart = PLATFORMS - {"window"} if self.versioned else BETWEEN
        own = {*mine.words, *(("mac", "maco") if is_bundle(shown) else ())}  # a Mac's bundle is the Mac build
        own |= PHONE_BUILD if self.versioned and is_app_id(shown) else set()  # a phone's app id
        if apart.intersection(theirs.words) - own:
            return []  # "… 2019 for Mac" is another build; "Care at Home" no "Care Homes"
        same_major = major(mine.version) if self.versioned and mine.version else None
        # as written or through an alias ("IT"; "EU Support" is Europe's)
        said = self.book.generic.intersection([*mine.plain.split(), *mine.words]) - UNSAID
        only = [
            i
            for i in found
            if (self.versioned or said.issubset([*self.names[i].plain.split(), *self.names[i].words]))
            and not (self.versioned and self.book.another_product(mine.words, self.names[i].words))
            and (self.versioned or not self._within_product(mine, i))
            and (
                (not spanned and self._few_more(i, words, same_major))
                or (
                    not spanned
                    and not self.book.vocabulary.intersection(words)
                    and self._named_extra(set(words), i)
                )
                or (not self.versioned and self._spans(words, i))
            )
        ]
        if only and any(self.names[j].core != core for j in self._sharing(tuple(words))):
            # another has them as written, an alias read away: "Microsoft Teams Collaboration", a rebranded
            # "Clinisys Sunquest Laboratory"
            return []
        written = shown.strip()
        if only and self.mentions is not None and len(words) == 1 and written.isalpha():
            names = (re.findall(r"\w+", self.targets[i].name.lower()) for i in only)
            if written.lower() not in chain(*names) and self.mentions.proper_as_written(written, only):
                return []
        return only

    def _abbreviates(self, mine: Name, i: int) -> str:
        """A word-by-word abbreviation of target i's name; as written too, where an alias reads one of the
        names otherwise, for the words IT abbreviates everywhere ("App Hosting" = "Application Hosting",
        which an alias reads as "Cloud Hosting"; not "BI Support" = "Billing Support")."""
        theirs = self.names[i]
        if found := abbreviates(mine.words, theirs.words):
            return found
        if mine.plain == mine.canon and theirs.plain == theirs.canon:
            return ""
        found = abbreviates(tuple(mine.plain.split()), tuple(theirs.plain.split()))
        return found if found and WRITTEN_SHORT.issuperset(found.partition(" = ")[0].split()) else ""

    def _named_extra(self, words: set[str], i: int) -> bool:
        """The target's words beyond these are a known service or at most one word: "Zoom Web
        Conferencing" for "Zoom", "Data Center Colocation" for "Colocation"."""
        maker = set(words_of(self.targets[i].manufacturer))
        extra = tuple(
            w for w in self.names[i].words if w not in words and w not in self.book.generic and w not in maker
        )
        return len(extra) <= 1 or extra in self.book.phrases

    def _meaning(self, mine: Name, i: int, written: bool = False) -> list[str]:
        """The reasons of a meaning found; `written`: by the portfolio name's words as written, so its
        aliases are not why."""
        theirs = self.names[i]
        if written:
            dropped = [
                w
                for w in (stem(w) for w in mine.plain.split())
                if w in self.book.generic or w in self.book.loose
            ]
            both = (*dropped, *theirs.dropped, *theirs.loose_dropped)
            aliases = [theirs.meaning_alias, *theirs.fired]
        else:
            both = mine.dropped + mine.loose_dropped + theirs.dropped + theirs.loose_dropped
            aliases = [mine.meaning_alias, theirs.meaning_alias, *mine.fired, *theirs.fired]
        left = dict.fromkeys(SPOKEN.get(word, word) for word in both if word != "and")
        how = "same meaning as written" if written else "same meaning"
        return [
            f"{how} apart from the words {', '.join(left)}" if left else how,
            *dict.fromkeys(filter(None, aliases)),
        ]

    def _delivered_otherwise(self, mine: Name, i: int) -> bool:
        """Whether of two services of one meaning one is support and the other provisioning, as written:
        "Desktop Support" is no "Laptop and Desktop Provisioning", however an alias reads them (other
        delivery words differ and agree: "Account Provisioning" is "Identity and Access Management")."""
        if self.versioned:
            return False
        ours = {stem(w) for w in mine.plain.split()} & self.book.loose
        theirs = {stem(w) for w in self.names[i].plain.split()} & self.book.loose
        return {frozenset(ours), frozenset(theirs)} == APART

    def _editions_clash(self, mine: Name, i: int) -> bool:
        """ "Tableau Server" and "Tableau Desktop", "Acrobat Pro" and "Acrobat Reader": software whose
        names differ by an edition or client word on each side may be two products of one family."""
        if self.book.kind != "software_product":
            return False
        theirs = self.names[i]
        maker = set(words_of(self.targets[i].manufacturer))
        extra = set(theirs.core.split()) - set(mine.words) - maker
        mine_out = mine.dropped + mine.loose_dropped
        return editions_differ(
            mine_out, {*theirs.dropped, *theirs.loose_dropped, *extra}, only_editions=False
        )

    def _edition_unsaid(self, mine: Name, i: int) -> bool:
        """ "Tableau" for a "Tableau Server" (or a "Tableau Software") beside a "Tableau Desktop",
        "intellij-idea" for "IntelliJ IDEA Community Edition" beside the Ultimate: the record's name has a
        generic word the portfolio name lacks, and another record of the same version differs from it by
        edition words alone (EDITIONS_OF_ONE). The name does not choose between them. Not "Exchange Server
        2019" beside an unversioned "Exchange Online", nor "MySQL Server 8.0" beside "MySQL Workbench 8.0"."""
        words, said = mine.core.split(), set(mine.words)
        if self.book.kind != "software_product" or not words:
            return False
        theirs = self.names[i]
        said |= {EDITIONS[w] for w in said if w in EDITIONS}  # "Estándar", "Professionnel": their editions
        if not said.union(NAMING_WORDS).issuperset(EDITIONS.get(w, w) for w in theirs.dropped):
            product = self._brandless_core(i)
            return any(
                self.majors[j] == self.majors[i] and EDITIONS_OF_ONE.issuperset(extra)
                for j in self._having(words)
                if (extra := self._brandless_core(j) - product - said)
            ) or any(  # a licence plan beside another plan or edition: "Visio Plan 2", "Visio Standard 2021"
                (self.majors[j] == self.majors[i] or not self.majors[j] or not self.majors[i])
                and set(self.names[j].dropped) != set(theirs.dropped)
                for j in self.cores.get(theirs.core, ())
                if j != i and PLANS.intersection([*theirs.dropped, *self.names[j].dropped])
            )
        return False

    def _made_by(self, mine: Name, add) -> None:
        """The targets whose name is the portfolio name's once its leading words, the target's manufacturer
        or its former name, are left out ("Palo Alto Networks GlobalProtect", "PerkinElmer ChemDraw"), or
        whose name is led by the new name where the portfolio name is led by the former ("Micro Focus
        Reflection Desktop" and "OpenText Reflection Desktop")."""
        for size in (1, 2, 3) if self.made else ():
            rest = core_of(mine.words[size:], self.book.generic, mine.core) if len(mine.words) > size else ""
            lead = mine.words[:size]
            hits, former = [], set()
            # the product's own name, not generic: "Hortonworks Data Platform" is no Cloudera "Data Platform"
            named = any(w not in self.book.vocabulary and w not in self.book.generic for w in rest.split())
            for i in self.index["core"].get(rest, ()):
                maker = words_of(self.targets[i].manufacturer)
                if named and formerly(lead, maker):
                    former.add(i)
                glued = size == 1 and lead[0] in maker_names(self.targets[i].manufacturer)  # a winget id's
                if i in former or maker[:size] == lead or glued:  # words: "Micro Office" is no Microsoft's
                    hits.append(i)
            for i in self.index["maker"].get(rest, ()) if named else ():  # each led by its maker's name
                if i not in former and formerly(lead, words_of(self.targets[i].manufacturer)):
                    former.add(i)
                    hits.append(i)
            add(hits, CORE, lambda i, former=former: [self._maker(i, i in former)])

    def _maker(self, i: int, former: bool = False) -> str:
        if former:
            return f"same name without its manufacturer's former name (now {self.targets[i].manufacturer})"
        return f"same name without the manufacturer ({self.targets[i].manufacturer})"
