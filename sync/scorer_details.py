"""The scorer's evidence from a target's description or classification (sync.match_details): a
description that names the portfolio record, or the word of its name that the target's name lacks. Kept
apart from sync.scorer, whose Scorer mixes this in."""

import re
from collections.abc import Callable

from rapidfuzz import fuzz, process

from sync.match_acronyms import NO_INITIALS, little_words
from sync.match_details import MENTIONS_AT_MOST, Mention, Mentions, as_written, labels_of
from sync.match_names import BRACKETS, REGIONS, VAGUE, AliasBook, Name, words_of
from sync.match_products import named_words, products_as_read, products_in
from sync.match_rules import SHORT_FOR, WHOLE_WORDS, is_english, stem
from sync.match_tiers import PRODUCTION_SAID, tiers_of
from sync.matching import Item, Matcher, normalise

NAMED, MENTIONED_NAME, MENTIONED, EXPLAINED, DESCRIBED = 88, 86, 80, 88, 88
CLOUDS = frozenset(["azure", "aws", "gcp", "oci"])  # a service of one is a cloud's: "Azure Hosting"
# the other words of a service that is the cloud itself: "Cloud: Microsoft Azure", "Public Cloud - AWS"
CLOUD_WORDS = frozenset(normalise("cloud public microsoft amazon web google subscription account").split())
# the little words between a name's words, standing alone ("Linux on Z"; not "Log-on", "AT&T"), and letters
# joined to each other ("M&C", "H&S", "A/B"; not "T-Mobile", "R", "Building B"): no word a description gives
LITTLE = re.compile(r"(?<![\w&/+-])(?:on|in|at|by|via|per|from|or)(?![\w&/+-])", re.I)
JOINED_LETTERS = re.compile(r"(?<![\w&/+-])([^\W\d_])[&/]([^\W\d_])(?![\w&/+-])")
# "formerly", in English and German, as written and as normalised; a product's former name in brackets
# after it is no other system: "Marketing Cloud (formerly Pardot)", but "Teams telephony; formerly OpenScape
# Voice" is
FORMERLY = frozenset(
    ["formerly", "previously", "ehem", "ehemals", "ehemal", "vormals", "vormal", "fruher", "früher"]
)
OTHER_SYSTEM = FORMERLY | frozenset(  # words that introduce a system a service is not delivered with
    ["from", "to", "into", "replaced", "replace", "replacing", "migrated", "migrating", "migration"]
    + ["integration", "integrated", "feed", "feeds", "interface", "legacy"]
    + ["decommissioned", "retired", "retiring", "instead", "than", "not", "except", "export", "import"]
)


class DetailsEvidence:
    """Mixed into sync.scorer.Scorer, whose index it reads."""

    book: AliasBook
    names: list[Name]
    targets: list[Item]
    words: dict[str, tuple[int, ...]]  # a core word of the targets' names → those targets
    _between_sites: Callable[[list[str], list[int]], bool]  # sync.scorer_sites.SiteDetails's
    _word_set: Callable[[str], frozenset[int]]  # sync.scorer_index.NameIndex's
    _service_core: Callable[[int], str]  # sync.scorer_index.NameIndex's
    named: dict[str, frozenset[int]]  # any word of the targets' names, before or after aliases → those
    brackets: dict[str, list[tuple[str, set[int], frozenset[str]]]]  # a portfolio name → _bracket_products
    lexical: Matcher
    kinds: dict[str, set[str]] | None = None
    versioned: bool
    whole: bool
    mentions: Mentions | None
    _tiers: Callable[[int], frozenset[str]]  # sync.scorer_readings.OtherReadings's
    _is_not_live: Callable[[int], bool]  # sync.scorer_environments.EnvironmentReadings's
    _says_environment: Callable[[set[str]], bool]  # sync.scorer_environments.EnvironmentReadings's
    _service: Callable[[int], str]  # sync.scorer_environments.EnvironmentReadings's

    def _mentioned(self, mine: Name, shown: str, add) -> None:
        """Targets whose details name the portfolio record: pre-selectable when one alone names it, as a
        proper name that leads (sync.match_details), for services; only suggested where they name it less
        the words no record has (`_mentioned_less`)."""
        words = tuple(mine.plain.split())
        if self.mentions is None or not any(
            len(w) >= 3 and w not in self.book.generic | self.book.loose | VAGUE | NO_INITIALS for w in words
        ):
            return
        found, named = self.mentions.of(words), [words]
        if not found and (other := self._mentioned_as(mine)):
            words, written, found = other
            named.append(words)
            shown = f"{written} ({mine.fired[0]})" if mine.fired else written
        elif (
            not found
            and not self.versioned
            and self.whole
            and "(" not in shown
            and (less := self._mentioned_less(words, shown))
        ):
            kept, found = less
            found = [m for m in found if self._leads_as_name(m, kept)]
            if len({self._service(m.target) for m in found}) == 1:  # one service's records
                said = " ".join(as_written(w, shown) for w in kept)
                unknown = ", ".join(as_written(w, shown) for w in words if w not in kept)
                # only suggested: what is left out may be another product of the maker ("LabWare ELN"),
                # another site ("DeltaV DCS HUA") or an environment in another language ("… pruebas")
                add(
                    [m.target for m in found],
                    MENTIONED_NAME,
                    f"its description mentions {said} (no record has {unknown})",
                )
            return
        naming = [self._leads_as_name(m, words) for m in found]
        # one service's live record naming it so, and its records of other environments, name it as one:
        # "Maximo" in a "- Gold" and in its "- Non-Prod" ("Maximo test and training", or "Non-production
        # Maximo instance", which does not lead), which ranks after it
        one = len({self._service(m.target) for m in found}) == 1
        live = [n for m, n in zip(found, naming, strict=True) if not self._is_not_live(m.target)]
        alone = len(found) == 1 or (one and live == [True])
        targets = {m.target for m in found}
        # another's name has it: "SharePoint" beside a "… - SharePoint Online"; "Office 365", by any name of
        # it, beside a "Microsoft 365 Backup"
        names = [*named, tuple(mine.canon.split())] if len(named) > 1 else named
        for m, names_it in zip(found, naming, strict=True):
            if names_it and alone:
                if m.longer or any(self._sharing(said) - targets for said in names):
                    add([m.target], MENTIONED_NAME, f"its description mentions {shown}")
                    continue
                add([m.target], NAMED, f"its description names {shown}")
            elif m.proper and not self._known_opening(m, words):
                add([m.target], MENTIONED_NAME, f"its description mentions {shown}")
            else:
                add([m.target], MENTIONED, f"its description mentions {mine.plain}")

    def _mentioned_less(
        self, words: tuple[str, ...], shown: str
    ) -> tuple[tuple[str, ...], list[Mention]] | None:
        """The name less the words no target's name or details have, and the mentions of what is left where
        details have it in a row and it holds a product's name (no English word, nor the dictionary's): a
        site's code or another language's words tell no record apart ("DeltaV DCS concentradora CBY"). Not
        where a word left out is English, the dictionary's or an environment, or a misspelling of a word
        another service's name has ("Sharepoint Onine"); a name with brackets is read without them first
        ("Salesforce (B2B sales)": sync.scorer_readings)."""
        mentions = self.mentions
        kept = tuple(w for w in words if w in self.lexical.postings or w in mentions.postings)
        vocabulary, left_out = self.book.vocabulary, [w for w in words if w not in kept]
        if (
            not left_out
            or self._says_environment({stem(w) for w in left_out})
            or any(is_english(w) or w in vocabulary or w in named_words() for w in left_out)
            or not any(len(w) >= 3 and not is_english(w) and w not in vocabulary for w in kept)
        ):
            return None  # what the words say ("Zscaler Digital Experience", "Cvent BMS") tells records apart
        if not (found := mentions.of(kept)):
            return None
        services, postings = {self._service(m.target) for m in found}, self.lexical.postings
        longer = [w for w in left_out if len(w) >= 4]
        names = list(postings) if longer else []  # asked rarely: most names drop nothing
        for word in longer:  # "concentradora" may be its "Concentrator"; "Onine" is another's "Online"
            for like, _, _ in process.extract(word, names, scorer=fuzz.ratio, score_cutoff=75, limit=5):
                if any(self._service(j) not in services for j in postings[like]):
                    return None
        return kept, found

    def _mentioned_as(self, mine: Name) -> tuple[tuple[str, ...], str, list[Mention]] | None:
        """For a whole name the dictionary knows as a product's, the first other name of it that details
        mention, read and as written, and the mentions: "Yammer" where a service is of "Viva Engage
        communities", which no description calls Yammer or Microsoft Viva Engage."""
        for words, written in self.book.names_of(tuple(mine.canon.split())):
            if words != tuple(mine.plain.split()) and (found := self.mentions.of(words)):
                return words, written, found
        return None

    def _leads_as_name(self, m: Mention, words: tuple[str, ...]) -> bool:
        """Whether a service's details name the portfolio record as a proper name that leads, not a word its
        names or the dictionary use opening a sentence, and after words opening the sentence only as a product
        of the dictionary: "IBM Maximo for …", not "Nightly Workday feed", "Weekly Salesforce export"."""
        made = (*m.maker, *words)
        maker = not m.maker or any(made[: len(p)] == p for p in products_as_read().get(m.maker[0], ()))
        return m.proper and m.leads and maker and not self._known_opening(m, words) and not self.versioned

    def _known_opening(self, m: Mention, words: tuple[str, ...]) -> bool:
        """Whether the mention opens a sentence with a word the dictionary or the targets' names use: a
        capital that proves nothing ("Backup targets")."""
        return m.opening and (words[0] in self.book.vocabulary or words[0] in self.words)

    def _cloud_named(self, cloud: str, j: int) -> bool:
        """Whether target j is the cloud itself as a service: its name's other words only say so ("Cloud:
        Microsoft Azure", "Public Cloud - AWS"; not "Azure DevOps")."""
        other = set(self.names[j].plain.split()) - {cloud} - self.book.generic - self.book.loose
        return other <= CLOUD_WORDS

    def _explained(self, mine: Name) -> list[tuple[int, list[str]]]:
        """Targets whose name has the portfolio name's other words, and whose description names the
        ones it lacks ("Intune Device Management" = "Mobile Device Management (… Intune)"): words that
        no target's name uses, written as names."""
        if self.mentions is None:
            return []
        skip = self.book.generic | self.book.loose | NO_INITIALS
        own = [w for w in dict.fromkeys(mine.words) if w not in skip]
        leading = [self.mentions.leading.get(w, {}) for w in own]
        found = set().union(*(set(n) for n in leading if len(n) <= MENTIONS_AT_MOST))
        result = []
        for i in sorted(found):
            names = set(self.names[i].words)
            missing = [w for w in own if w not in names]
            present = [w for w in own if w in names and len(w) >= 3 and w not in VAGUE]
            if (
                missing
                and present
                and all(self._leads(w, i) for w in missing)
                and self._named_extra(set(mine.words), i)
            ):
                result.append((i, missing))
        return result

    def _leads(self, word: str, i: int) -> bool:
        """Whether target i's details name this word where it leads, and nothing else knows it."""
        opens = self.mentions.leading.get(word, {}).get(i)
        if opens is None or word in self.words:
            return False
        return not opens or word not in self.book.vocabulary

    def _evidence(self, own: set[str], i: int, shown: str) -> str:
        """A word of the portfolio name that the target's name lacks, found in its manufacturer or leading
        in its details: "Microsoft SQL Server" and a "SQL Server" made by Microsoft."""
        extra = own.difference(self.names[i].words)
        if not extra:
            return ""
        target = self.targets[i]
        if target.manufacturer and not extra.isdisjoint(words_of(target.manufacturer)):
            return f"manufacturer: {target.manufacturer}"
        leading = self.mentions.leading if self.mentions is not None else {}
        common = {w for w in extra if i in leading.get(w, ())}  # where it leads (sync.match_details)
        return (
            f"its details mention {', '.join(as_written(w, shown) for w in sorted(common))}" if common else ""
        )

    def _described(self, mine: Name, shown: str) -> tuple[list[int], list[str], bool]:
        """The one service whose name and description together hold every word of the portfolio name, as
        written or through its aliases, its description giving those its name lacks ("Spam Filtering" =
        "Email Security: filtering of inbound mail, spam and phishing"); the words it gave; and whether
        that may be pre-selected: not when a name it gives is another system's ("a feed from Workday"),
        nor when its name has the other words and its description the kind of service, the portfolio
        name's last word, that another service is named for, in a name of two words ("Network Monitoring" =
        "Network Services: switches and monitoring", or "Infrastructure Monitoring"?), nor when a short word
        of its own it gives starts a word of the target's name ("Data Migration" = "Database Migration: …
        data centres", "Log Analytics" = "LogRhythm SIEM"; a mail is a mailbox's, SHORT_FOR). Of two: none."""
        if self.versioned or self.mentions is None:
            return [], [], False
        # a region says which ("SD-WAN Europe"); another language's little word nothing ("Plan de collection")
        skip = (self.book.generic - REGIONS) | NO_INITIALS | little_words(shown)
        aliased = "(".join(f.split(" = ", 1)[1] for f in mine.fired if " = " in f)  # "IT Asset Management"
        # as written, then through its aliases, their names as written beside it
        readings = [(mine.plain.split(), ""), *([(mine.words, aliased)] if mine.fired else [])]
        # letters joined to each other and little words standing alone are no words a description gives
        little = {w.lower() for w in LITTLE.findall(shown)}
        little |= {letter.lower() for pair in JOINED_LETTERS.findall(shown) for letter in pair}
        for words, read in readings:
            written = [w for w in dict.fromkeys(stem(w) for w in words) if w not in skip]
            worded = [w for w in written if w not in little]  # "Front-End Receiver M&C", "Linux on Z"
            tried = [worded, written] if len(worded) >= 2 and worded != written else [written]
            given = (self._reading_given(own, written, little, shown, read) for own in tried)
            if results := [found for found in given if found]:  # the sure reading, as written where sure
                return next((found for found in results if found[2]), results[0])
        return [], [], False

    def _reading_given(
        self, own: list[str], written: list[str], little: set[str], shown: str, read: str = ""
    ) -> tuple[list[int], list[str], bool] | None:
        """`_described` of one reading of the name's words (`own`; `read`: its aliases' names, as written):
        the target, the words its description gives, whether sure; None where no one service holds them."""
        if len(own) >= 2 and (found := self._holding(own)):
            given = [w for w in own if found[0] not in self._named(w)]
            # no letter or little word alone beside one word ("e-Invoicing"; not "F&I", all letters, nor
            # "Customer WiFi in Shops", whose name has the rest)
            real = [w for w in written if w not in little and len(w) > 1]
            if given and not (len(real) == 1 and all(w in little or len(w) == 1 for w in given)):
                # its name has some words, its description the kind of service, the name's last word
                partly = len(given) < len(own) and own[-1] in given and own[-1] not in self.book.loose
                kind = own[-1] if partly else ""
                # of two words only: more say which ("Site WAN Connectivity"; an "Internet Connectivity")
                broad = len(set(written) - {"and"}) <= 2  # its letters too: "Liquor e-store"
                cores = {self.names[j].core for j in found}
                rival = kind and broad and bool(self._kinds().get(kind, set()) - cores)
                theirs = self.names[found[0]].words  # "Data" is no "Database", however described
                longer = any(
                    t != w and t.startswith(w) and not t.startswith(SHORT_FOR.get(w, ()))
                    for w in WHOLE_WORDS.intersection(given)
                    for t in theirs
                )
                # one common word from the description, and only a delivery word from the name:
                # "Quality Management System" is no "Configuration Management" of "data quality"
                thin = (
                    len(given) == 1
                    and all(w in self.book.loose for w in own if w not in given)
                    and not self._capitalised(given[0], found[0])
                )
                # a cloud it gives that another service is named for: "Azure Hosting" and a "Web Hosting"
                # on "Azure App Service", beside a "Cloud: Microsoft Azure" (not an "Azure DevOps")
                elsewhere = any(
                    self._cloud_named(w, j)
                    for w in CLOUDS.intersection(given)
                    for j in self._named(w)
                    if j not in found
                )
                sure = (
                    not rival
                    and not elsewhere
                    and not longer
                    and not thin
                    and not (len(given) == len(own) and self._between_sites(given, found))
                    and self._delivered(given, found[0])
                    # a product's name as written, all of it given, not in another's ("Microsoft … Office
                    # 365"); its alias's words may be spread ("Microsoft Intune, Configuration Manager")
                    and (
                        read
                        or len(given) < len(own)
                        or tuple(own) not in self.book.products.get(own[0], ())
                        or self.mentions.in_a_row(own, found)
                    )
                    and all(self._compounds(text, given, found[0]) for text in (shown, read) if text)
                    and not any(  # another gives a word only in compounds: "Pas- og kørekortsager"
                        all(self._named(o) & {j} or self.mentions.has(o, j) for o in own if o != w)
                        for w in given
                        for j in self.mentions.heading(w) - set(found)
                        if self._service_core(j) != self._service_core(found[0])
                    )
                )
                return found, [self.mentions.as_spelled(w, shown) for w in given], sure
        return None

    def _compounds(self, shown: str, given: list[str], i: int) -> bool:
        """Whether target i's details give each given word after the generic word the portfolio name
        writes before it: "Service Charge Accounting" needs a "service charge", not "Rent charges" (a
        bracket ends a run: "Finance System (Dynamics 365)")."""
        text = self.mentions.text(i)
        for part in re.split(r"[()]", shown):
            words = normalise(part).split()
            for before, word in zip(words, words[1:], strict=False):
                compound = stem(word) in given and before in self.book.generic and before != "and"
                if compound and not any(stem(w.text) == stem(word) and w.after == before for w in text):
                    return False
        return True

    def _delivered(self, given: list[str], i: int) -> bool:
        """Whether target i's details give these words in one sentence, not introduced as another
        system: "Exchange Online mailboxes", "spam … filtering", "via Intune and ConfigMgr"; not "a
        nightly feed from Workday", "replaced Splunk", "synced from the student records system". A
        codename's label is said of every sentence ("Codename Orbit. … on Salesforce Sales Cloud":
        sync.match_details.labels_of)."""
        text = self.mentions.text(i)
        labels = labels_of(text)
        sentences = None
        for word in given:
            places = {
                w.sentence for n, w in enumerate(text) if stem(w.text) == word and self._given(text, n, given)
            }
            if not places:
                return False
            if places & labels:
                continue  # a label is said of every sentence
            sentences = places if sentences is None else sentences & places
        return sentences is None or bool(sentences)

    @staticmethod
    def _given(text: tuple, n: int, given: list[str]) -> bool:
        """Whether the word at n is given as this service's own: the run of given words or names it
        stands in does not follow a word that introduces another system."""
        start = n
        while start and not text[start].opens and text[start].sentence == text[start - 1].sentence:
            previous = text[start - 1]
            if previous.text in OTHER_SYSTEM or not (stem(previous.text) in given or previous.capital):
                break
            start -= 1
        first = text[start]
        before = text[start - 1].text if start and text[start - 1].sentence == first.sentence else ""
        if before in FORMERLY and text[start - 1].bracketed:
            return True  # the product's former name: "(formerly Pardot)"
        return not OTHER_SYSTEM.intersection((first.after, before, first.text))

    def _kinds(self) -> dict[str, set[str]]:
        """The last word of each target's name, as written and through aliases → the cores named for it
        ("Infrastructure Monitoring" is named for monitoring), built once when first needed."""
        if self.kinds is None:
            self.kinds = {}
            for n in self.names:
                for last in {n.words[-1], stem(n.plain.rsplit(" ", 1)[-1])} if n.words else ():
                    self.kinds.setdefault(last, set()).add(n.core)
        return self.kinds

    def _named(self, word: str) -> frozenset[int]:
        """The targets whose name has this word, before or after aliases."""
        found = self.named.get(word)
        if found is None:
            found = self.named[word] = self._word_set(word).union(self.lexical.postings.get(word, ()))
        return found

    def _holding(self, own: list[str]) -> list[int]:
        """The records of the one service whose name or description has each of these words (production not
        in another environment's: "Non-Prod"); none when its rarest word is common or two have them all."""
        mentions, named = self.mentions, {w: self._named(w) for w in own}
        live = PRODUCTION_SAID.intersection(own)
        counts = {w: len(named[w]) + mentions.count(w) for w in own}
        rarest = min(own, key=counts.__getitem__)
        if counts[rarest] > MENTIONS_AT_MOST:  # its rarest word is common: the name tells no record apart
            return []
        found = [
            i
            for i in named[rarest] | mentions.having(rarest)
            if all(i in named[w] or mentions.has(w, i) for w in own if w != rarest)
            and not (live.difference(self.names[i].words) and self._is_not_live(i))
        ]
        return sorted(found) if len({self._service_core(i) for i in found}) == 1 else []

    def _bracket_products(self, shown: str) -> list[tuple[str, set[int], frozenset[str]]]:
        """Each word a portfolio name gives in brackets ("(SCCM/Intune)"), with the few targets whose name
        has it or whose details write it with a capital, and the tier the brackets give where they give
        nothing else ("(Dev/Test)"); read once per name. A name written with capitals writes ordinary words
        in lower case: "(Starters)" beside "… for new starters" is no product, nor "(old name)" beside a
        "Domain Name Services" or "(mass notification to staff)" beside a "Staff Directory"; a product the
        dictionary knows is one however written ("(sccm/intune)")."""
        if "(" not in shown:
            return []
        found = self.brackets.get(shown)
        if found is None:
            found = self.brackets[shown] = []
            capitals = not BRACKETS.sub(" ", shown).islower()
            for part in BRACKETS.findall(shown):
                bracket = f"x ({part})"
                tier = tiers_of(bracket) if normalise(bracket) == "x" else frozenset()  # "(Dev/Test)"
                for raw in re.findall(r"[^\W_]+", part):
                    read = words_of(raw)
                    word = read[0] if len(read) == 1 and len(raw) >= 3 else ""
                    if not word or word in self.book.generic or word in VAGUE:
                        continue
                    ordinary = capitals and raw.islower() and is_english(raw)
                    if ordinary and not products_in(normalise(raw).split()):
                        continue
                    having = set(self._named(word))
                    if self.mentions is not None and 0 < self.mentions.count(word) <= MENTIONS_AT_MOST:
                        having |= {i for i in self.mentions.having(word) if self._capitalised(word, i)}
                    if 0 < len(having) <= MENTIONS_AT_MOST:
                        found.append((raw, having, tier))
        return found

    def _capitalised(self, word: str, i: int) -> bool:
        """Whether target i's details write this stemmed word with a capital, as a name is written."""
        return any(w.capital and stem(w.text) == word for w in self.mentions.text(i))

    def _elsewhere(self, shown: str, i: int) -> str:
        """A product the portfolio name gives in brackets that only other targets describe or name:
        "Desktop Management (SCCM/Intune)" beside an "Endpoint Management" described with Intune is no
        "Laptop and Desktop Provisioning", however close the names read; "(Production)" may be a tier, of a
        target of that tier ("SQL Database Hosting (Production)" and "Database Hosting - SQL Server - Prod"
        beside a "Fish Production Records"), or a business area ("Planning (Production)"); "(Dev/Test)" is
        the environment of a "- Non-Prod", beside a "Test Automation" too."""
        for raw, having, tier in self._bracket_products(shown):
            own = tier or tiers_of(f"x ({raw})")
            if i in having or (own and own <= self._tiers(i)):
                continue  # "(Production)" beside a "- Prod": its tier, not what it is built with
            return f"{raw} is another target's: suggested, never pre-selected"
        return ""
