"""The wizard's match scorer: finds what a person would, and says why.

A pair's score (0–100) is the best of the evidence found for it:

    100  same name
     96  same name apart from case, punctuation, spelling or a tier suffix ("Database Services - Gold")
     94  same name through an alias: the shipped dictionary (sync/data/aliases.yaml) or the namespace's
         own aliases, typed by an admin or learned from confirmed matches ("Postgres" = "PostgreSQL")
     92  an acronym or initialism, either way ("WAF" = "Web Application Firewall", "IIS")
     90  a word-by-word abbreviation ("Veeam B&R" = "Veeam Backup & Replication", "Win Server")
     90  the same words once generic ones ("Services", "Infrastructure", "Edition") are left out, in any
         order or spacing ("Network Infrastructure" = "Network Services", "WiFi" = "Wi-Fi"); or the same
         name once the target's manufacturer is left out ("Tomcat 9" = "Apache Tomcat 9.0")
     88  all the words of the portfolio name, and no other product has them all, which has at most one
         word more once its manufacturer is left out, three in the same major version ("Workday" =
         "Workday HCM", "Webex" = "Cisco Webex Meetings", "KeePass 2.57" = "KeePass Password Safe 2";
         not "Event Management" = "Security Information and Event Management", nor "Jira" when two Jira
         products exist, nor "File Sharing" = "Cloud File Sharing": a qualifier makes it one kind)
     88  a service's description or classification names the portfolio record, as a proper name or an
         acronym where it leads (opening a sentence, or in brackets), and no other target's does
         ("Exchange Online" in "Exchange Online mailboxes"), or names the word of the portfolio name
         that the target's name lacks ("Intune Device Management" = "Mobile Device Management
         (Intune)"); named elsewhere 86, mentioned 80: suggestions (sync.scorer_details)
     88  the same meaning once delivery words ("Hosting", "Support", "Management"; for software "Desktop",
         "App") are left out too, directly or through an alias group ("Identity Services" = "Identity
         Management", an alias of "Identity and Access Management")
    ≤84  lexical similarity only (rapidfuzz through sync.matching), capped so it is never pre-selected
     +4  supporting evidence: a word of the portfolio name that the target's name lacks is the target's
         manufacturer or leads in its description or classification (lexical stays ≤ 88)
     −2  the same product in a different minor version (noted); a target record without a version at
         most 90, after any record of the same major; neither below PRESELECT_AT; different majors
         never match, and two different minor releases ("3.12", "3.11") are only suggested

Acronyms include one a name gives in brackets ("Security Log Monitoring (SIEM)"), the initials of the
rest, and the initials before aliases are applied. A service named "Category: Name" or "Name (…)" is
read as "Name" too. Only suggested: software that differs by an edition on each side ("Tableau Server",
"Tableau Desktop"; "Community", "Professional"), another tier than the portfolio record names ("- Gold"
for "- Silver"), and versions that agree only through an inventory's build number.

A candidate is pre-selected only at PRESELECT_AT or above, a score at which the tuning sets
(bench/data/matching_*.yaml) show 100 % precision; bench/matching_quality.py prints the lowest such
score, never above PRESELECT_AT (a test holds it). Never pre-selected: a portfolio record without a version
against a versioned one, a target without a version when the name evidence is weaker than CORE, and a
candidate tied with a different record (two expansions of one acronym).
"""

from collections import defaultdict
from collections.abc import Iterable

from sync.match_details import Mentions
from sync.match_names import (
    BRACKETS,
    NO_INITIALS,
    VAGUE,
    AliasBook,
    Name,
    agreeing,
    bracketed,
    major,
    version_verdict,
    words_of,
)
from sync.match_rules import abbreviates, editions_differ, uncategorised
from sync.matching import Candidate, Item, Matcher, normalise, tiers_of
from sync.scorer_details import EXPLAINED, MENTIONED_NAME, DetailsEvidence

EXACT, SAME, ALIAS, ACRONYM, CORE, ABBREVIATION, LOOSE, ONLY = 100, 96, 94, 92, 90, 90, 88, 88
LEXICAL_CAP, EVIDENCE, LEXICAL_WITH_EVIDENCE, MINOR = 84, 4, 88, 2
PRESELECT_AT = 88
SPOKEN = {"host": "hosting", "provision": "provisioning"}  # stemmed words as a reason shows them
INDEXES = ("name", "plain", "canon", "core", "loose", "initials", "short", "maker", "meaning", "declared")


def core_of(words: Iterable[str], generic: frozenset[str]) -> str:
    words = list(words)
    return " ".join(sorted(set(w for w in words if w not in generic) or words))


Found = tuple[int, list[str]]  # a target's score and the reasons for it


def other_names(name: str) -> list[str]:
    """A service's name read two more ways: without its category ("Clinical: PACS") and without what it
    gives in brackets ("Single Sign-On (SAML/OIDC)"; not a tier, "(Prod)", which normalising drops)."""
    found = [bare] if (bare := uncategorised(name)) else []
    if "(" in name and (bare := BRACKETS.sub(" ", name).strip()) and normalise(bare) != normalise(name):
        found.append(bare)
    return found


class Scorer(DetailsEvidence):
    """Indexes the target records once; then scores any number of portfolio records against them."""

    def __init__(
        self,
        targets: list[Item],
        *,
        versioned: bool,
        kind: str = "",
        aliases: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.targets = targets
        self.versioned = versioned
        self.book = AliasBook(kind or ("software_product" if versioned else "it_service"), tuple(aliases))
        self.names = [self.book.read(t.name, t.version, versioned) for t in targets]
        self.majors = [major(n.version) for n in self.names]
        self.index: dict[str, dict[str, list[int]]] = {name: defaultdict(list) for name in INDEXES}
        for i, (target, name) in enumerate(zip(targets, self.names, strict=True)):
            self._index(i, target.name, name, list(words_of(target.manufacturer)))
            if not versioned:
                for bare in other_names(target.name):
                    self._index(i, bare, self.book.read(bare), [], again=True)
        words_in: dict[str, list[int]] = defaultdict(list)
        self.brandless: list[int] = []  # the number of core words once the manufacturer is out
        for i, (target, name) in enumerate(zip(targets, self.names, strict=True)):
            words = name.core.split()
            maker = set(words_of(target.manufacturer))
            self.brandless.append(len([w for w in words if w not in maker]) or len(words))
            for word in words:
                words_in[word].append(i)
        self.words = {word: frozenset(found) for word, found in words_in.items()}  # core word → targets
        self.mentions = Mentions([t.context for t in targets]) if any(t.context for t in targets) else None
        self.lexical = Matcher(
            [Item(str(i), n.plain) for i, n in enumerate(self.names)], versioned=False, normalised=True
        )

    def _index(self, i: int, shown: str, name: Name, maker: list[str], again: bool = False) -> None:
        for index, key in (
            ("name", shown),
            ("plain", name.plain),
            ("canon", name.canon),
            ("core", name.core),
            ("loose", name.loose),
            ("initials", name.initials),
            ("meaning", name.meaning),
        ):
            if key and not (again and (index == "name" or i in self.index[index][key])):
                self.index[index][key].append(i)
        for acronym in {name.core_initials, *name.other_initials} - {name.initials, ""}:
            self.index["initials"][acronym].append(i)
        if " " not in name.core and 2 <= len(name.core) <= 6:
            self.index["short"][name.core].append(i)
        if acronym := bracketed(shown):
            self.index["declared"][acronym].append(i)
        for size in (1, 2, 3):
            if len(maker) >= size and list(name.words[:size]) == maker[:size] and name.words[size:]:
                self.index["maker"][core_of(name.words[size:], self.book.generic)].append(i)

    def candidates(self, local: Item, limit: int = 5, taken: dict[str, str] | None = None) -> list[Candidate]:
        """Up to `limit` ranked candidates with their reasons; `taken` maps target key → local key. A
        service named "Category: Name" is also read as "Name", on either side."""
        mine = self.book.read(local.name, local.version, self.versioned)
        if not mine.words:  # no letter or digit to go by ("!!!"): nothing is like it
            return []
        found, clashes = self._found(mine, local, limit)
        if bare := "" if self.versioned else uncategorised(local.name):
            more, more_clashes = self._found(self.book.read(bare), Item(local.key, bare), limit)
            for i, (score, reasons) in more.items():
                if i not in found or found[i][0] < score:
                    found[i] = (score, reasons)
            clashes |= more_clashes
        return self._ranked(mine, local, found, limit, taken or {}, clashes)

    def _found(self, mine: Name, local: Item, limit: int) -> tuple[dict[int, Found], set[int]]:
        """The evidence for each target found: {target index: (score, reasons)}, and the editions that
        clash."""
        found: dict[int, Found] = {}

        def add(indices: Iterable[int], score: int, reason) -> None:
            for i in indices:
                if i not in found or found[i][0] < score:
                    found[i] = (score, reason(i) if callable(reason) else [reason])

        add(self.index["name"].get(local.name, ()), EXACT, "same name")
        add(self.index["plain"].get(mine.plain, ()), SAME, "same name apart from case, punctuation or tier")
        add(self.index["canon"].get(mine.canon, ()), ALIAS, lambda i: self._aliases(mine, i))
        self._acronyms(mine, local.name, add)
        add(self.index["core"].get(mine.core, ()), CORE, lambda i: self._generic(mine, i))
        add(self.index["loose"].get(mine.loose, ()), CORE, "same name apart from spacing or generic words")
        add(self.index["maker"].get(mine.core, ()), CORE, lambda i: [self._maker(i)])
        if mine.meaning:
            add(self.index["meaning"].get(mine.meaning, ()), LOOSE, lambda i: self._meaning(mine, i))
        for size in (1, 2):
            rest = core_of(mine.words[size:], self.book.generic) if len(mine.words) > size else ""
            lead = " ".join(mine.words[:size])
            hits = [
                i
                for i in self.index["core"].get(rest, ())
                if " ".join(words_of(self.targets[i].manufacturer)).startswith(lead)
            ]
            add(hits, CORE, lambda i: [self._maker(i)])
        weak = not any(score >= PRESELECT_AT for score, _ in found.values())
        if weak:
            add(self._only(mine), ONLY, "all its words, and no other product has them all")
        strong = any(score >= CORE for score, _ in found.values())
        # many records of this very name (one per version): likeness adds nothing but time
        many = len(found) >= 4 * limit
        lexical = [] if many else self.lexical.candidates(Item(local.key, mine.plain), limit, scan=False)
        if mine.fired and not strong:  # "OS Patching" reads "os patch management": compare that too
            lexical += self.lexical.candidates(Item(local.key, mine.canon), limit, scan=False)
        if not found and not lexical:  # no shared word at all: compare the spelling with every target
            lexical = self.lexical.candidates(Item(local.key, mine.plain), limit)
        for c in lexical:
            i = int(c.target_id)
            if i not in found or found[i][0] < min(LEXICAL_CAP, c.score):
                words = "all words of the shorter name" if c.reason == "token" else "similar name"
                found[i] = (min(LEXICAL_CAP, c.score), [words, *mine.fired])
        for i, (score, _) in list(found.items()):
            if score < ABBREVIATION and (short := abbreviates(mine.words, self.names[i].words)):
                found[i] = (ABBREVIATION, [f"abbreviation: {short}", *mine.fired])
        if weak and self.mentions is not None:
            self._mentioned(mine, local.name, add)
            for i, missing in self._explained(mine):
                spelled = ", ".join(self.mentions.spelled.get(w, w) for w in missing)
                add([i], MENTIONED_NAME if self.versioned else EXPLAINED, f"its description names {spelled}")
        clashes = {
            i
            for i, (score, _) in found.items()
            if (score == LOOSE and self._editions_clash(mine, i))
            or (score < SAME and self.versioned and editions_differ(mine.dropped, self.names[i].dropped))
        }
        return found, clashes

    def _ranked(
        self, mine: Name, local: Item, found: dict, limit: int, taken: dict[str, str], clashes: set[int]
    ) -> list[Candidate]:
        key, tiers = local.key, tiers_of(local.name)
        scored = []
        own = set(mine.words) - self.book.generic - NO_INITIALS
        for i, (score, reasons) in found.items():
            reasons, preselectable = list(reasons), i not in clashes
            if not preselectable:
                reasons.append("another edition? suggested, never pre-selected")
            if tiers and (theirs := tiers_of(self.targets[i].name)) and theirs != tiers:
                reasons.append(f"another tier ({', '.join(sorted(theirs))}): suggested, never pre-selected")
                preselectable, score = False, score - MINOR
            if self.versioned and mine.version != self.names[i].version:
                readings = agreeing(mine, self.names[i])
                if readings is None:
                    continue  # different majors never match
                ours, theirs, direct = readings
                allowed, note, may = version_verdict(ours, theirs)
                if not allowed:
                    continue
                if not direct:
                    note, may = f"versions agree only by the build number ({ours} ~ {theirs})", False
                preselectable = preselectable and may and (bool(theirs) or score >= CORE)
                if note:
                    reasons.append(note)
                    if preselectable:  # ranked after the same version, never pushed below pre-selection
                        lowered = score - MINOR if theirs else min(score - MINOR, CORE)
                        score = max(lowered, min(score, PRESELECT_AT))
            described = reasons[0].startswith("its description")
            evidence = self._evidence(own, i) if score < EXACT and own and not described else ""
            if evidence:
                reasons.append(evidence)
                score = min(score + EVIDENCE, 99 if score >= CORE else LEXICAL_WITH_EVIDENCE)
            scored.append((score, self.targets[i].name, i, reasons, preselectable))
        exact = mine.version
        scored.sort(key=lambda s: (-s[0], bool(exact) and self.names[s[2]].version != exact, s[1]))
        tied = [s for s in scored if s[0] == scored[0][0] >= PRESELECT_AT] if scored else []
        if len({self.names[s[2]].core for s in tied}) > 1:  # e.g. two expansions of one acronym
            for n, (score, name, i, reasons, _) in enumerate(tied):
                other = next(s[1] for s in tied if s[2] != i)
                scored[n] = (score, name, i, [*reasons, f"as likely as {other}"], False)
        result = []
        for score, name, i, reasons, preselectable in scored[:limit]:
            target = self.targets[i]
            owner = taken.get(target.key)
            result.append(
                Candidate(
                    target.key,
                    name,
                    score,
                    reasons[0],
                    owner if owner != key else None,
                    tuple(reasons),
                    preselectable,
                )
            )
        return result

    def _acronyms(self, mine: Name, shown: str, add) -> None:
        """Either way, before and after aliases ("SIEM" is in the dictionary, and in "… (SIEM)")."""
        if " " not in mine.core and 2 <= len(mine.core) <= 6:
            add(
                self.index["initials"].get(mine.core, ()),
                ACRONYM,
                lambda i: [f"acronym: {shown} = {self.targets[i].name}"],
            )
        if mine.fired and " " not in mine.plain:  # an acronym the dictionary knows, given in brackets
            add(
                self.index["declared"].get(mine.plain, ()),
                ACRONYM,
                lambda i: [f"acronym: {shown} = {self.targets[i].name}"],
            )
        for initials in {mine.initials, mine.core_initials, *mine.other_initials} - {""}:
            add(
                self.index["short"].get(initials, ()),
                ACRONYM,
                lambda i: [f"acronym: {self.targets[i].name} = {shown}"],
            )

    def _aliases(self, mine: Name, i: int) -> list[str]:
        fired = list(dict.fromkeys(mine.fired + self.names[i].fired))
        return fired or ["same name apart from a version or service pack"]

    def _generic(self, mine: Name, i: int) -> list[str]:
        dropped = list(dict.fromkeys(mine.dropped + self.names[i].dropped))
        text = (
            f"same name apart from generic words ({', '.join(dropped)})"
            if dropped
            else "same words in another order"
        )
        return [text, *dict.fromkeys(mine.fired + self.names[i].fired)]

    def _only(self, mine: Name) -> list[int]:
        """The records of the one product whose words include all of the portfolio name's, with at most one
        word more once its manufacturer is out, or three in the same major version ("KeePass 2.57" =
        "KeePass Password Safe 2"), or a known service besides a name the dictionary does not know ("Zoom"
        = "Zoom Web Conferencing"; not "IT Training" = "Security Awareness Training")."""
        words = mine.core.split()
        if not any(len(w) >= 4 and w not in VAGUE for w in words):
            return []  # "Cloud" alone says where, not what
        postings = sorted((self.words.get(w, frozenset()) for w in words), key=len)
        found = postings[0].intersection(*postings[1:])
        products = {self.names[i].core for i in found}
        if len(products) != 1 or mine.core in products:
            return []
        qualified = VAGUE.intersection(self.names[next(iter(found))].words).difference(words)
        if qualified:
            return []  # "Cloud File Sharing" is one kind of "File Sharing": a person decides
        same_major = major(mine.version) if self.versioned and mine.version else None
        return [
            i
            for i in found
            if self.brandless[i] <= len(words) + (3 if self.majors[i] == same_major else 1)
            or (not self.book.vocabulary.intersection(words) and self._named_extra(set(words), i))
        ]

    def _named_extra(self, words: set[str], i: int) -> bool:
        """The target's words beyond these are a known service or at most one word: "Zoom Web
        Conferencing" for "Zoom", "Data Center Colocation" for "Colocation"."""
        maker = set(words_of(self.targets[i].manufacturer))
        extra = tuple(
            w for w in self.names[i].words if w not in words and w not in self.book.generic and w not in maker
        )
        return len(extra) <= 1 or extra in self.book.phrases

    def _meaning(self, mine: Name, i: int) -> list[str]:
        theirs = self.names[i]
        both = mine.dropped + mine.loose_dropped + theirs.dropped + theirs.loose_dropped
        left = dict.fromkeys(SPOKEN.get(word, word) for word in both)
        words = f"same meaning apart from the words {', '.join(left)}" if left else "same meaning"
        aliases = [a for a in (mine.meaning_alias, theirs.meaning_alias) if a]
        return [words, *dict.fromkeys(aliases + list(mine.fired + theirs.fired))]

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

    def _maker(self, i: int) -> str:
        return f"same name without the manufacturer ({self.targets[i].manufacturer})"

    def _evidence(self, own: set[str], i: int) -> str:
        """A word of the portfolio name that the target's name lacks, found in its manufacturer or leading
        in its details: "Microsoft SQL Server" and a "SQL Server" made by Microsoft."""
        extra = own.difference(self.names[i].words)
        if not extra:
            return ""
        target = self.targets[i]
        if extra & set(words_of(target.manufacturer)):
            return f"manufacturer: {target.manufacturer}"
        leading = self.mentions.leading if self.mentions is not None else {}
        common = {w for w in extra if i in leading.get(w, ())}  # where it leads (sync.match_details)
        return f"its details mention {', '.join(sorted(common))}" if common else ""


def suggest(
    locals_: list[Item],
    targets: list[Item],
    *,
    versioned: bool,
    kind: str = "",
    aliases: Iterable[tuple[str, str]] = (),
    taken: dict[str, str] | None = None,
    limit: int = 5,
) -> dict[str, list[Candidate]]:
    """Up to `limit` ranked candidates per local record."""
    scorer = Scorer(targets, versioned=versioned, kind=kind, aliases=aliases)
    return {local.key: scorer.candidates(local, limit, taken) for local in locals_}
