"""The other ways the scorer reads a portfolio name (mixed into sync.scorer.Scorer): without its category or
what it gives in brackets, and its words run apart as the targets write them (a tier written without a dash:
sync.scorer_tiers). The scores are documented in sync.scorer; how names are read, here:

Words an inventory runs together are read as the targets write them, in their order ("UniversalForwarder"; not
"Notebook" for "Book Note"), and a build number after a "+" is no word ("21.0.3+9"). A word of a portfolio
name that no target's name has and no English dictionary, a slip from one word of a target's name, is read as
that word ("Incedent Management", "Mozila Firefox"; not "Roster" for "Router"), as is one in Greek or Cyrillic
letters that sounds as one Latin word of theirs ("КриптоПро CSP" is CryptoPro's, "КонсультантПлюс"). Acronyms
include one a name gives in brackets ("Security Log Monitoring (SIEM)"), the initials of the rest, and the
initials before aliases are applied. A service named "Category: Name", "Name (…)" or "Name Process" is read as
"Name" too (the last at 90, where that finds the very name, an acronym or an alias: "MIM Process"), and a tier
may follow without a dash ("DB Hosting Gold"; "EUC Premium" where a target of that tier has the rest of the
name) or as an SLA ("(Gold SLA)"), "- Live" the Prod tier where a Prod record has the rest of the name (a
target's where another environment's has it), "Dev/Test" the Non-Prod tier, also without a dash, which covers
"UAT", "Staging" and "Pre-Prod", "Out of Hours" or "24/7" hours of cover, also before the name or after it
without a dash, "(Office Hours)" or "(Mon-Fri 8-6)" business hours; a name with a tier prefers a target of
that tier, then one of its tiers ("- Gold" for "Gold 24x7"; a "- 24x7" for "Out of Hours", which it covers),
then one without. A region (EMEA, APAC …) is a generic word: another region is only suggested, the name's own
ranks first. British spellings are American ones ("Digitisation"). Software names are read as inventories
write them: a reverse-DNS application id is its maker's and its name ("com.google.Chrome"), a number of the
manufacturer's name is no version ("Figure 53 QLab"), a release name is its version ("macOS Sonoma" is macOS
14), the year a product is sold by is the major version its installs report ("mssql-server" 16.0 is SQL Server
2022), a Windows install's build its feature update, of records of two ("Windows 11 Enterprise" at 10.0.22631
is 23H2), a package's epoch and release are left out of its version ("1:7.52.0-1"), a release or a quarter
after a year is its minor, in a name or a version field ("BarTender 2022 R7" is 2022.7, "XProtect 2024 R1"
another release than "2024 R2"; not Microsoft's products: "Windows Server 2012 R2", "Dynamics AX 2012 R3"), a
version field without a number is none (Adobe's "DC", "N/A"; not Windows' "XP"), a deployment word in brackets
is kept ("Confluence (Cloud)"), as is a student's, a trial's or a basic licence ("(Student Edition)":
sync.match_brackets), an install's language at the end is not ("- English", "- Deutsch"), nor how it was
licensed (SQL Server's "Enterprise Edition: Core-based Licensing"), an edition word that names a product of
its own is kept ("JMP Pro" is not "JMP"), and a Microsoft licence plan is an edition, not a version ("Visio
Plan 2"; two plans, or a plan below a perpetual licence, are a person's choice). Only suggested: software that
differs by an edition on each side ("Tableau Server", "Tableau Desktop"; "Community", "Professional"), another
tier than the portfolio record names ("- Gold" for "- Silver"), another build or long-term release than the
install's ("(x64)" for an "(x86)", "LTSC 2021" for "LTSC 2019"), and versions that agree only through an
inventory's build number. At one score, the name that keeps more of the words written, its tier too, ranks
first ("Windows Server": "Windows Server 2022" before "Windows 11 Enterprise"), and where the name gives no
tier, a production record before another environment's ("Server Hosting - Prod" before "- Non-Prod"). Records
a target marks retired, duplicate or not to be used ("(old record)", "RETIRED 2016") are read apart: only
suggested where a live record is found (sync.scorer_retired). A code an MSP heads one client's services with
("FW - Claims Management") is read away on both sides, the names shown as written (sync.match_codes). Two
names of one service, between slashes ("Anti-Virus / EDR") or either side of a dash ("PSR - Priority
Services"; not "Database Hosting - MySQL" beside targets named "Database Hosting - …"), are that service where
each finds it first."""

import re
from collections.abc import Callable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from sync.match_acronyms import bracketed, initials
from sync.match_details import Mentions
from sync.match_dictionary import BRACKETS, bundled, renamed_leads, renamed_makers, still_leading, whole_name
from sync.match_letters import SOUNDED_LETTER
from sync.match_makers import maker_names, sounded
from sync.match_names import AliasBook, Name
from sync.match_places import CODE, Codes, Places
from sync.match_products import named_words, product_words, products_in
from sync.match_rules import is_english, uncategorised
from sync.match_states import MARKS
from sync.match_tiers import (
    covered_tiers,
    tiers_of,
)
from sync.matching import Item, Matcher, normalise
from sync.scorer_details import as_written
from sync.scorer_environments import ENVIRONMENTS_SAID
from sync.scorer_names import AUDIENCES, CORE, GENERIC_ONLY, LEXICAL_CAP, PRESELECT_AT, Found

WRITTEN = re.compile(r"[a-z]+")
# an environment or a tier brackets may give, as a list of them ("Virtual Servers (Dev/Test/UAT)")
STAGES = frozenset(normalise("dev test uat staging prod production preprod live sandbox qa sit").split())
STAGES |= frozenset(normalise("gold silver bronze platinum premium standard basic tier").split())
UNLIKE = 80  # what a name finds below it is no more than alike
CLOCK_HOURS = re.compile(r"\d:\d\d|\d\s*[ap]m\b|^\s*\d{1,2}\s*[-–]\s*\d{1,2}\s*$", re.I)  # "07:00-22:00"
STATUS = re.compile(rf"\b(?:{MARKS}|legacy|proposed|planned|pilot|future)\b", re.I)  # in brackets: a state
SLASHED = re.compile(r"\s+/\s+")  # "Anti-Virus / EDR": two names of one service; not "Dev/Test"
DASHED_PARTS = re.compile(r"\s+[-–—]\s+")  # "PSR - Priority Services": an acronym and its words
SLASHED_AT = 80  # each name's first record at least this likely (a likeness capped at LEXICAL_CAP may be)
# what finds a record by its name or its description: "Network (Manila)" is no "Network - Singapore", all of
# whose words it has
BY_NAME = ("same name", "same words", "alias:", "your alias:", "acronym:", "abbreviation:", "its description")
# "MIM Process": ITIL's word for a practice; not "Legal Practice", a business
PRACTICE = re.compile(r"^(\S.*?\w)\s+(process)$", re.I)


def other_names(name: str, generic: frozenset[str] | None = None) -> list[str]:
    """A service's name read two more ways: without its category ("Clinical: PACS") and without what it
    gives in brackets ("Single Sign-On (SAML/OIDC)"; not a tier, "(Prod)", which normalising drops).
    With `generic` (a portfolio record's name), brackets go only when they hold the name's acronym
    ("IT Disaster Recovery (DR)", "Player Accounts (PAM)") or a product ("MDM (Intune)"): anything else
    there says which one it is ("Time and Attendance (Site Operatives)")."""
    found = [bare] if (bare := uncategorised(name)) else []
    if "(" in name and (bare := BRACKETS.sub(" ", name).strip()) and normalise(bare) != normalise(name):
        words = normalise(bare).split()
        acronyms = {initials(words), initials([w for w in words if w not in (generic or ())])} - {""}
        inside, acronym = " ".join(BRACKETS.findall(name)), bracketed(name)
        # its acronym, or with the letter of a Management, System, Service or Platform it leaves out at its
        # end: "Player Accounts (PAM)", "Customs Declarations (CDS)"; not "Customer Portal (CPQ)"
        spells = acronym in acronyms or (acronym[:-1] in acronyms and acronym[-1:] in ("m", "s", "p"))
        # the name's own acronym, spelled out in its brackets: "TFS (Team Foundation Server)" is no other TFS
        spelled_out = generic is not None and [initials(normalise(inside).split())] == words
        if (generic is None or spells or products_in(product_words(inside))) and not spelled_out:
            found.append(bare)
    return found


def renamed_maker(name: str) -> tuple[str, str]:
    """A service's name led by a maker's former name, read with the one name it became ("Bomgar vendor
    access" as "BeyondTrust vendor access", whose details give BeyondTrust; "OSIsoft PI" as "AVEVA PI"),
    and why; ("", "") otherwise: for the longest former name it is led by that became several makers
    ("VMware": Broadcom, Omnissa; "Micro Focus"), and for a maker whose own name still leads products of
    the dictionary ("Dell", Boomi's former maker, still Dell's laptops' and PowerScale's)."""
    written = name.split()
    first = normalise(written[0]).split()[:1] if written else []
    if not first or first[0] not in renamed_leads():
        return "", ""  # most names, at once
    for size in (4, 3, 2, 1):
        lead = tuple(normalise(" ".join(written[:size])).split())
        if len(written) <= size or lead not in renamed_makers():
            continue
        former, now = renamed_makers()[lead]
        if letters(" ".join(written[:size])) != letters(former) or len(now) > 1:
            return "", ""  # "Micro Services" is no "MICROS", whose reading drops its S
        rest, said = written[size:], f"{' '.join(written[:size])} is {now[0]} now"
        if letters(" ".join(rest[: len(now[0].split())])) == letters(now[0]):
            return " ".join(rest), said  # "Dell Boomi Integrations": the name it became follows
        if size == 1 and lead[0] in still_leading():
            return "", ""
        return " ".join([now[0], *rest]), said
    return "", ""


def letters(name: str) -> str:
    """A name's letters and digits, lower-case: "MICROS-Fidelio" is "microsfidelio"."""
    return re.sub(r"[\W_]", "", name.lower())


class OtherReadings:
    """Mixed into sync.scorer.Scorer, whose index and evidence it reads."""

    versioned: bool
    book: AliasBook
    targets: list[Item]
    names: list[Name]
    read_as: dict[int, str]
    words: dict[str, tuple[int, ...]]  # a core word of the targets' names → those targets
    index: dict[str, dict[str, tuple[int, ...]]]
    tiers_read: dict[int, frozenset[str]]  # each target's tiers as read (_tiers), once asked
    lexical: Matcher
    spellings: dict[str, list[str]] | None = None  # the targets' names' words by first letter, once asked
    heard: dict[str, dict[str, str]] | None = None  # their Latin words by sound (`_sounds_as`), once asked
    places: Places | None = None  # the places the targets' names give, once a name has a code
    coded_places: Codes | None = None  # the site codes the targets' names give, once a name has none
    mentions: Mentions | None
    _elsewhere: Callable[[str, int], str]  # sync.scorer_details.DetailsEvidence's
    _headed_by: Callable[[str], list[int]]  # sync.scorer_index.NameIndex's

    def _read_otherwise(self, local: Item, found: dict[int, Found], limit: int) -> set[int]:
        """Adds to `found` what the name's other readings find; returns the editions that clash."""
        clashes: set[int] = set()
        others = [] if self.versioned else other_names(local.name, self.book.generic)
        practice = PRACTICE.match(local.name) if not self.versioned else None
        practised = practice.group(1) if practice else ""
        split, phrases = self._compounds_split(local.name)
        # an install's unknown words are many: its slips are read only where nothing sure was found
        sure = self.versioned and any(score >= PRESELECT_AT for score, _ in found.values())
        corrected, slips = ("", []) if sure else self._misspelt(local.name)
        renamed, because = renamed_maker(local.name) if not self.versioned else ("", "")
        placed, where = self._placed(local.name) if not self.versioned else ("", "")
        readings = [*others, *([practised] if practised else []), *([split] if split else [])]
        readings += [reading for reading in (renamed, placed) if reading]
        written = bundled(local.name) if self.versioned and whole_name(bundled(local.name))[0] else ""
        readings += [written] if written else []  # "Poly Lens Desktop": Lens, or its own record as written
        for bare in [*readings, *([corrected] if corrected else [])]:
            reading = self.book.read(bare, local.version, self.versioned)
            if not reading.words:  # "Backup: The", "Service Desk: サービスデスク": nothing to read
                continue
            more, more_clashes = self._found(reading, Item(local.key, bare, local.version), limit)
            for i, (score, reasons) in more.items():
                if bare == practised:  # "MIM Process": the practice, by its very name, acronym or alias
                    if score < CORE:
                        continue  # "Incident Management Process" is no "Major Incident Management"
                    reasons, score = [*reasons, f"read without {practice.group(2)}"], CORE
                elif bare == split:  # the target's own words in its order, as "Qualys Cloud-Agent" reads
                    maker = maker_names(self.targets[i].manufacturer)  # "OBSProject.OBSStudio"
                    if score < CORE or not all(
                        f" {p} " in f" {self.names[i].plain} " or p in maker for p in phrases
                    ):
                        continue  # "Notebook" is no "Book Note", "Firewall" no "Fire Wall Safety"
                    together = [*reasons, "its words run together"]
                    reasons = ["same name apart from spacing"] if reasons[0] == "same name" else together
                    score = min(score, CORE)
                elif bare == renamed:  # "Bomgar vendor access" as "BeyondTrust vendor access"
                    if score <= LEXICAL_CAP:
                        continue  # alike as written, or not at all
                    reasons, score = [*reasons, because], min(score, CORE)
                elif bare == written:  # as written, only the record of that very name: no "Tableau Server"
                    if reasons[0].startswith(GENERIC_ONLY):
                        continue
                elif bare == placed:  # "DNC-Max WIC" as "DNC-Max Wichita"
                    reasons, score = [*reasons, where], min(score, CORE)
                elif bare == corrected:
                    if score < PRESELECT_AT and i in found:
                        continue  # likeness the name as written has found already (or nothing)
                    reasons, score = [*slips, *reasons], min(score, CORE)
                if i not in found or found[i][0] < score:
                    found[i] = (score, reasons)
            clashes |= more_clashes
        if "(" in local.name and not self.versioned:  # once the other readings have found what they find
            clashes |= self._read_unbracketed(local, found, limit, others)
        if not self.versioned and SLASHED.search(local.name):
            self._slashed(local, found, limit)
        elif not self.versioned and self._two_names(local.name):
            self._slashed(local, found, limit, DASHED_PARTS, "each part of its name")
        return clashes

    def _placed(self, name: str) -> tuple[str, str]:
        """The name with a site's code written as the place the targets' names give, or else a place
        written as the code they give for it (sync.match_places)."""
        details = self.mentions.postings if self.mentions else {}
        known = (self.lexical.postings, self.book.first_words, ENVIRONMENTS_SAID)
        vocabulary = (self.book.vocabulary, self.book.generic)
        if CODE.search(name):
            if self.places is None:
                self.places = Places([t.name for t in self.targets], frozenset().union(*vocabulary))
            if (placed := self.places.read(name, self.lexical.postings, details, *known[1:]))[0]:
                return placed
        if self.coded_places is None:
            self.coded_places = Codes([t.name for t in self.targets], frozenset().union(*vocabulary))
        return self.coded_places.read(name, details, *known, *vocabulary)

    def _read_unbracketed(
        self, local: Item, found: dict[int, Found], limit: int, others: list[str]
    ) -> set[int]:
        """Adds to `found` what the name finds read without its brackets (`_unbracketed`), pre-selected
        only by its name or description; returns the editions that clash."""
        alike = max((score for score, _ in found.values()), default=0) >= UNLIKE
        lost = self._unbracketed(local.name, found)
        reading = self.book.read(lost, local.version) if lost and lost not in others else None
        if reading is None or not reading.words:
            return set()
        more, clashes = self._found(reading, Item(local.key, lost, local.version), limit)
        for i, (score, reasons) in more.items():
            cap = CORE if reasons[0].startswith(BY_NAME) else PRESELECT_AT - 1
            reasons, score = [*reasons, "read without its brackets"], min(score, cap)
            # beside a likeness, a product another target names: "Document Management (Frobnix)"
            if alike and (elsewhere := self._elsewhere(local.name, i)):
                reasons, score = [*reasons, elsewhere], min(score, PRESELECT_AT - 1)
            tiers, theirs = tiers_of(lost), self._tiers(i)
            if tiers and theirs and not (theirs <= tiers or theirs == covered_tiers(tiers)):
                # "Backup - Platinum (hourly snapshots)" is no "Backup and Restore - Gold"
                other = ", ".join(sorted(theirs - tiers))
                reasons = [*reasons, f"another tier ({other}): suggested, never pre-selected"]
                score = min(score, PRESELECT_AT - 1)
            if i not in found or found[i][0] < score:
                found[i] = (score, reasons)
        return clashes

    def _unbracketed(self, name: str, found: dict[int, Found]) -> str:
        """The name without its brackets where, as written, it finds nothing above LEXICAL_CAP, nor, where it
        finds something at UNLIKE or more, where they say which one it is (`_say_which`): their words, no
        target's, made it unlike the one it is ("CCTV (Site Security)", "Corporate website (www)"); but not
        where they give an environment or a tier, or a product or maker the lists know, by a name of its own
        or whole ("Finance System (D365)"; an English word of one, "view", is no product: "CDP (single
        customer view)"), which say which one it is, nor where a target has all their words ("Website
        (Recruitment)" beside a "Recruitment Portal"), nor where they give the name again with more
        ("Helpdesk (HR helpdesk)"). Else "". What it finds is pre-selected only by its
        name or description (BY_NAME): "Network (Manila)" has all the words of a "Network - Singapore"."""
        best = max((score for score, _ in found.values()), default=0)
        if best > LEXICAL_CAP:
            return ""
        inside = " ".join(BRACKETS.findall(name))
        words = normalise(inside).split()
        if best >= UNLIKE and self._say_which(name, inside, words):
            return ""
        if tiers_of(f"x ({inside})") or not STAGES.isdisjoint(words):
            return ""
        written = {normalise(word).replace(" ", "") for word in inside.split()}  # "SD-WAN" is no "WAN"
        if {normalise(word).replace(" ", "") for word in BRACKETS.sub(" ", name).split()} - {""} < written:
            return ""  # the name again and which one: "Helpdesk (HR helpdesk)"
        names, vocabulary, generic = named_words(), self.book.vocabulary, self.book.generic
        # a product's name of its own, or written as a name ("(Oracle)", "(Sage)"); not a lower-case word
        if products_in(product_words(inside)) or any(
            any(w in names and w not in vocabulary and w not in generic for w in read)
            and not (raw.islower() and all(is_english(w) for w in read))
            for raw in inside.split()
            if (read := normalise(raw).split())
        ):
            return ""
        if self._having(self.book.read(inside).core.split()):  # "Website (Recruitment)": "Recruitment Portal"
            return ""
        return BRACKETS.sub(" ", name).strip()

    def _say_which(self, name: str, inside: str, words: list[str]) -> bool:
        """Whether a name's brackets say which one it is, or in what state, beside a likeness its other words
        find: its hours ("(07:00-22:00)"), another record's initials ("(CPQ)" of a "Configure Price Quote"), a
        status ("Intranet (Retired)", "(Planned)") or an audience ("Printing (Students)"). A product only
        other targets name or describe keeps what is read without them from pre-selection
        (sync.scorer_details._elsewhere)."""
        return bool(
            CLOCK_HOURS.search(inside)
            or (len(words) == 1 and self.index["initials"].get(words[0]))
            or STATUS.search(inside)
            or not AUDIENCES.isdisjoint(words)
        )

    def _two_names(self, name: str) -> bool:
        """Whether a service name's two parts either side of a dash may be two names of one service ("PSR -
        Priority Services"): not a tier, and not a name that targets are named for before a dash that says
        which one ("Database Hosting - MySQL" beside a "Database Hosting - PostgreSQL")."""
        parts = DASHED_PARTS.split(name)
        return len(parts) == 2 and not tiers_of(name) and not self._headed_by(normalise(parts[0]))

    def _slashed(
        self,
        local: Item,
        found: dict[int, Found],
        limit: int,
        between: re.Pattern = SLASHED,
        parts: str = "each of its names between slashes",
    ) -> None:
        """A service given by two of its names between slashes ("Anti-Virus / EDR", "SOC / SIEM"), or on
        either side of a dash ("PSR - Priority Services"): the one record that each name finds first, at
        SLASHED_AT or more, and one of them surely enough to pre-select, is added to `found` at that score (at
        most CORE's). Two records first, another for either name, or a name that finds little: nothing, and
        a record only the whole name's description finds is not pre-selected where a name between slashes
        surely finds another ("Fællesdrev / filservere")."""
        firsts, tops = [], []
        for part in between.split(local.name):
            reading = self.book.read(part)
            more = self._found(reading, Item(local.key, part), limit)[0] if reading.words else {}
            tops.append(max((score for score, _ in more.values()), default=0))
            firsts.append([i for i, (score, _) in more.items() if score == tops[-1]])
        surely = {f[0] for f, top in zip(firsts, tops, strict=True) if len(f) == 1 and top >= PRESELECT_AT}
        if len({tuple(f) for f in firsts}) > 1 or any(len(f) != 1 for f in firsts) or min(tops) < SLASHED_AT:
            for i, (score, reasons) in found.items() if surely and between is SLASHED else ():
                if i not in surely and score >= PRESELECT_AT and reasons[0].startswith("its description"):
                    one = f"{parts}: one is {self.targets[min(surely)].name}"
                    found[i] = (PRESELECT_AT - 1, [*reasons, one])
            return  # "Email / Teams": a likeness of "Teams" alone says nothing
        best, sure = firsts[0][0], max(tops)
        score = min(sure, CORE)
        if sure >= PRESELECT_AT and (best not in found or found[best][0] < score):
            found[best] = (score, [f"{parts} reads as {self.targets[best].name}"])

    def _misspelt(self, name: str) -> tuple[str, list[str]]:
        """A name, a service's or a product's, with each word of six letters or more that no target's name has
        and no English dictionary ("Roster" is no slip of "Router", "Contact" none of "Contract") written as
        the one word of a target's name a slip away (a letter wrong, missing, extra, or two swapped; the first
        right): "Incedent Management", "Mozila Firefox"; the rest as the name writes it ("&", a tier without a
        dash); and the slips, as reasons. ("", []) unless another word of the name, not a generic one, is a
        target's as written, the dictionary's or English ("Vulnerabilty Scanning"): alone, or beside
        "Service" only ("Accomodation Service"), a word a slip away may be a product's name. A word in Greek
        or Cyrillic letters that sounds as one of the targets' words (`_sounds_as`) is read as it first, and
        needs no other word."""
        words = normalise(name).split()
        written = set(WRITTEN.findall(name.lower()))  # before a plural's "s" goes: "Analysis" is English
        if self.spellings is None:  # the targets' names' words as written: the lexical matcher's
            spellings: dict[str, list[str]] = {}
            for word in self.lexical.postings:
                if word.isalpha():
                    spellings.setdefault(word[0], []).append(word)
            self.spellings = spellings
        known = self.lexical.postings
        out, slips, corrected = [], [], name
        for word in words:
            if self._slip(word, written):
                if theirs := self._sounds_as(mine := as_written(word, name)):
                    slips.append(f"transliterated: {mine} = {theirs}")
                    corrected = re.sub(rf"\b{re.escape(mine)}\b", theirs, corrected)
                    out.append(normalise(theirs))
                    continue
                near = process.extract(
                    word,
                    self.spellings.get(word[0], []),
                    scorer=DamerauLevenshtein.distance,
                    score_cutoff=1,
                    limit=2,
                )
                if len(near) == 1:
                    mine = as_written(word, name)
                    theirs = as_written(near[0][0], self.targets[next(iter(known[near[0][0]]))].name)
                    slips.append(f"misspelt: {mine} = {theirs}")
                    corrected = re.sub(rf"\b{re.escape(mine)}\b", theirs, corrected)  # as written: "&", tiers
                    out.append(near[0][0])
                    continue
            out.append(word)
        kept = [w for w, was in zip(out, words, strict=True) if w == was]
        book = self.book
        anchored = any(
            w not in book.generic and (w in known or w in book.vocabulary or is_english(w))
            for w in kept
            if len(w) >= 3
        )
        anchored = anchored or all(slip.startswith("transliterated") for slip in slips)
        return (self.with_tier(corrected) or corrected, slips) if slips and anchored else ("", [])

    def _sounds_as(self, written: str) -> str:
        """The one Latin word of the targets' names, as written, that a word written in Greek or Cyrillic
        letters sounds as (sync.match_makers.sounded): "КриптоПро" is "CryptoPro", "КонсультантПлюс"
        "ConsultantPlus"; a transliteration, surer than a slip, so it needs no other word known."""
        if not SOUNDED_LETTER.search(written) or not (sound := sounded(written)):
            return ""  # a legal word alone ("Компания") sounds as nothing
        if self.heard is None:
            heard: dict[str, dict[str, str]] = {}
            for target in self.targets:
                for raw in re.findall(r"\b[A-Za-z][A-Za-z0-9]{3,}\b", target.name):
                    if said := sounded(raw):
                        heard.setdefault(said, {})[raw.lower()] = raw
            self.heard = heard  # whole before it is read
        spelled = self.heard.get(sound, {})
        return next(iter(spelled.values())) if len(spelled) == 1 else ""

    def _slip(self, word: str, written: set[str]) -> bool:
        """Whether a normalised word may be a slip: six letters or more, in no target's name, no English
        word, as written or read, and no word of a name the shipped lists know ("Paycom", "Securiti")."""
        if len(word) < 6 or not word.isalpha() or word in self.lexical.postings or word in named_words():
            return False
        return not is_english(word) and not any(is_english(w) for w in written if w.startswith(word))

    def _as_read(self, i: int) -> str:
        """Target i's name as read: "- Live" as production where another record is of another environment."""
        return self.read_as.get(i) or self.targets[i].name

    def _tiers(self, i: int) -> frozenset[str]:
        """Target i's tiers as read, so that a "- Live" read as production is compared as one (asked of
        each candidate more than once: kept)."""
        found = self.tiers_read.get(i)
        if found is None:
            found = self.tiers_read[i] = tiers_of(self._as_read(i))
        return found
