"""The scorer's acronyms (mixed into sync.scorer.Scorer): a portfolio name that is an acronym or initialism
of a target's name, either way, and an acronym written in capitals beside a product's name or beside what a
service names after its dash. The scores are documented in sync.scorer."""

import re
from collections.abc import Callable

from sync.match_acronyms import bracketed, initials
from sync.match_details import Mentions
from sync.match_dictionary import BRACKETS, shipped_ambiguous, still_leading
from sync.match_names import AliasBook, Name
from sync.match_products import product_words, products_in
from sync.match_rules import is_english, uncategorised
from sync.matching import Item, Matcher, normalise
from sync.scorer_details import as_written
from sync.scorer_index import Tail
from sync.scorer_names import ACRONYM, DASH, GUESSED, core_of


class AcronymEvidence:
    """Mixed into sync.scorer.Scorer."""

    targets: list[Item]
    versioned: bool
    book: AliasBook
    index: dict[str, dict[str, tuple[int, ...]]]
    cores: dict[str, tuple[int, ...]]  # sync.scorer_index.NameIndex's
    mentions: Mentions | None
    _spelling_heads: Callable[[str], list[int]]  # sync.scorer_index.NameIndex's
    _is_not_live: Callable[[int], bool]  # sync.scorer_environments.EnvironmentReadings's
    _delivered: Callable[[list[str], int], bool]  # sync.scorer_details.DetailsEvidence's
    _tails: Callable[[int], Tail]
    _service_core: Callable[[int], str]  # sync.scorer_index.NameIndex's
    _service: Callable[[int], str]  # sync.scorer_environments.EnvironmentReadings's
    names: list[Name]
    lexical: Matcher

    def _written_elsewhere(self, acronym: str, i: int, apart: bool = False) -> str:
        """Another service whose name has the acronym as a word ("Editorial CMS (Methode)" beside a "Consent
        Management" the letters spell), not target i's other tiers or environments (`apart`: nor one read as
        target i, a "Network - LAN - HQ" beside the "Local Area Network" LAN is): the first, or ""."""
        theirs, read = self._service(i), set(self.names[i].canon.split())
        for j in self.lexical.postings.get(acronym, ()):
            if self._service(j) != theirs and not (apart and read <= set(self.names[j].canon.split())):
                return self.targets[j].name
        return ""

    def _acronyms(self, mine: Name, shown: str, add) -> None:
        """Either way, before and after aliases ("SIEM" is in the dictionary, and in "… (SIEM)"); a codename
        in capitals may be longer ("COURIER": "Carrier Integration Hub (COURIER)")."""
        longest = 10 if len(mine.core) > 6 and mine.core.upper() in shown.split() else 6
        if " " not in mine.core and 2 <= len(mine.core) <= longest:
            add(
                self.index["initials"].get(mine.core, ()),
                ACRONYM,
                lambda i: [f"acronym: {shown} = {self.targets[i].name}"],
            )
            written = mine.core.upper()  # "MDM", "MDM Services (Gold)": "Mobile Device Management - Intune"
            if len(mine.core) >= 3 and not self.versioned and written in re.findall(r"\w+", shown):
                add(
                    self._spelling_heads(mine.core),
                    ACRONYM,
                    lambda i: [f"acronym: {written} = {DASH.split(self.targets[i].name, 1)[0]}"],
                )
        self._acronym_beside(mine, shown, add)
        if (
            " " not in mine.core
            and 3 <= len(mine.core) <= 6
            and mine.core.endswith("s")
            and not self.versioned
        ):
            add(  # "WMS" for "Warehouse Management": the S of System or Service is often left out
                self.index["initials"].get(mine.core[:-1], ()),
                GUESSED,
                lambda i: [f"acronym: {shown} = {self.targets[i].name} (system)"],
            )
        if (
            len(shown) == 3 and shown.isalpha() and shown.isupper()
        ):  # "POS": "Point of Sale", or Point of Service?
            add(
                self.index["of"].get(shown.lower(), ()),
                GUESSED,
                lambda i: [f"acronym: {shown} = {self.targets[i].name}"],
            )
        if mine.fired and " " not in mine.plain:  # an acronym the dictionary knows, given in brackets
            add(
                self.index["declared"].get(mine.plain, ()),
                ACRONYM,
                lambda i: [f"acronym: {shown} = {self.targets[i].name}"],
            )
        given = bracketed(shown)  # "(CAD)" after a name whose initials it is not says what it is for
        context = (
            {given} if given and given != initials(normalise(BRACKETS.sub(" ", shown)).split()) else set()
        )
        for initials_ in {mine.initials, mine.core_initials, *mine.other_initials} - {""} - context:
            add(
                self._short_for(initials_),
                ACRONYM,
                lambda i, short=initials_: [f"acronym: {as_written(short, self.targets[i].name)} = {shown}"],
            )

    def _short_for(self, spelled: str) -> list[int]:
        """The targets whose name is one short word a name's initials spell, unless it is an English word
        written as one: "Service Desk" (or "SERVICE DESK", in a catalogue of capitals) is no acronym of
        "Диадок ЭДО с контрагентами" (D, E, S, K); "CAP Service" is."""
        found = self.index["short"].get(spelled, ())
        if not found or not is_english(spelled):
            return list(found)
        return [i for i in found if self._capitals_apart(spelled, self.targets[i].name)]

    @staticmethod
    def _capitals_apart(spelled: str, name: str) -> bool:
        """Whether a name writes a word in capitals as no other of its words: "QMS", "CAP Service"; not
        "SERVICE DESK"."""
        return as_written(spelled, name).isupper() and (" " not in name.strip() or not name.isupper())

    def _declared_beside(self, acronym: str, rest: list[str]) -> list[int]:
        """The one service that gives an acronym in brackets whose name has the words written beside it, and
        its records of other environments: "CIS Billing" is a "Billing - Customer Information System (CIS) -
        Prod"; not a product's or a maker's name in brackets ("SAP HR": "HR - Recruitment (SAP)", as names
        of the dictionary begin with it), nor a kind of system ("(ERP)"), nor one of two services giving it.
        """
        declared = self.index["declared"].get(acronym, ())
        if not declared or acronym in self.book.vocabulary or products_in(product_words(acronym)):
            return []
        if acronym in still_leading() or len({self._service_core(i) for i in declared}) > 1:
            return []
        found = {j for i in declared for j in self.cores.get(self.names[i].core, (i,))}
        return sorted(i for i in found if set(rest) <= set(self.names[i].words))

    def _acronym_beside(self, mine: Name, shown: str, add) -> None:
        """An acronym written in capitals beside the words of what a service it spells names after its
        dash ("Oracle DBA": a "Database Administration - Oracle"), or beside a product's name, or a name the
        dictionary does not know, where the service it spells has it in its name or details, as the alias
        reads it or as written ("Intune MDM": a "Mobile Device Management" of "Microsoft Intune enrollment"
        or of "Intune management of smartphones", where no other service spells it; "Smartabase AMS"): that
        service, by its acronym; not "ADP Payroll", an "Agency and Direct Payroll"."""
        caps = [
            w.lower() for w in re.findall(r"\w+", shown) if w.isupper() and 3 <= len(w) <= 6 and w.isalpha()
        ]
        if not caps or len(caps) > 2 or len(mine.words) < 2 or self.versioned:
            return
        for acronym in caps:  # "Oracle DBA", "SAS SCE": a "Database Administration - Oracle", and so on
            rest = [w for w in mine.words if w != acronym]
            if not rest:
                continue
            which = {*self.index["initials"].get(acronym, ()), *self._spelling_heads(acronym)}
            add(
                sorted(i for i in which if self._tails(i).words.issuperset(rest)),
                ACRONYM,
                lambda i, a=acronym: [
                    f"acronym: {a.upper()} = {DASH.split(self.targets[i].name, 1)[0]}",
                    *mine.fired,
                ],
            )
            add(
                self._declared_beside(acronym, rest),
                ACRONYM,
                lambda i, a=acronym: [f"acronym: {a.upper()} = {self.targets[i].name}", *mine.fired],
            )
        if len(caps) != 1:
            return
        rest = [w for w in mine.words if w != caps[0]]
        named = bool(rest) and all(
            not is_english(w) and w not in self.book.vocabulary for w in rest
        )  # "Smartabase AMS"
        if not named and not any(caps[0] not in p.words for p in products_in(product_words(shown))):
            return  # no product beside it: "ADP Payroll" is ADP's, no "Agency and Direct Payroll"
        delivered, why = self._declared_delivered(caps[0], shown)
        add(
            delivered,
            ACRONYM,
            lambda i: [f"acronym: {caps[0].upper()} = {self.targets[i].name}", why, *mine.fired],
        )
        # "Intune", not the alias's "Microsoft Intune": in details, sure where no other service spells it
        written = [w for w in mine.plain.split() if w != caps[0] and w not in self.book.generic]
        readings = [(caps[0], "")]
        # the S of System or Service left out: "SynXis CRS", a "Central Reservations"; not of an acronym
        # several common systems share ("Salesforce CMS" is no "Case Management")
        if caps[0].endswith("s") and caps[0] not in shipped_ambiguous():
            readings.append((caps[0][:-1], " (system)"))
        for spelled, system in readings:
            sure, guessed = self._beside(spelled, rest, written, exact=not system)
            for found, score in ((sure, ACRONYM), (guessed, GUESSED)):
                add(
                    found,
                    score,
                    lambda i, s=system: [
                        f"acronym: {caps[0].upper()} = {self.targets[i].name}{s}",
                        *mine.fired,
                    ],
                )
            if sure or guessed:
                break

    def _beside(
        self, acronym: str, rest: list[str], written: list[str], exact: bool = True
    ) -> tuple[list[int], list[int]]:
        """The services this acronym spells that have the words beside it in their names or details, sure
        and guessed (`_acronym_beside`); `exact`: the letters as written, not read without an S."""
        spellers = [
            i for i in self.index["initials"].get(acronym, ()) if self._spells(acronym, self.targets[i].name)
        ]

        def having(words: list[str], i: int, described: bool = True) -> bool:
            mentions = self.mentions if described else None
            return all(w in self.names[i].words or (mentions and mentions.has(w, i)) for w in words)

        sure = [
            i for i in spellers if having(rest, i) or (written and having(written, i, len(spellers) == 1))
        ]
        guessed = [i for i in spellers if i not in sure and written and having(written, i)]
        if sure or guessed:
            return sure, guessed
        return self._heads_beside(acronym, rest, exact)

    def _heads_beside(self, acronym: str, rest: list[str], exact: bool) -> tuple[list[int], list[int]]:
        """Where no whole name spells the acronym, the live services whose names before the dash it spells
        that have the words beside it: in their names ("Okta IAM": "Identity and Access Management - Okta"),
        else given in their details as their own ("Thycotic PAM": a "Privileged Access Management -
        Engineering" of "Delinea Secret Server (formerly Thycotic)"; not "replaced SailPoint"). Sure where
        one has them and the letters are read as written, of no acronym several systems share; else guessed
        (`_beside`)."""
        heads = [i for i in self._spelling_heads(acronym) if not self._is_not_live(i)]
        given = [i for i in heads if set(rest) <= set(self.names[i].words)]
        if not given and self.mentions is not None:
            mentions = self.mentions
            for i in heads:
                unnamed = [w for w in rest if w not in self.names[i].words]
                if all(mentions.has(w, i) for w in unnamed) and self._delivered(unnamed, i):
                    given.append(i)
        if len(given) == 1 and exact and acronym not in shipped_ambiguous():
            return given, []
        return [], given

    @staticmethod
    def _spells(acronym: str, name: str) -> bool:
        """Whether a service's name as written, its category and brackets left out, has these initials: an
        alias's reading does not count ("VPN" is no "Remote Access VPN")."""
        return initials(normalise(BRACKETS.sub(" ", uncategorised(name) or name)).split()) == acronym

    def _led(self, mine: Name) -> tuple[int, ...]:
        """The records a name's first word and an acronym of the rest may be, either way: a "SAP Advanced
        Track and Trace for Pharmaceuticals" for "SAP ATTP"; a "Cisco ISE" for "Cisco Identity Services
        Engine", a "Fortinet FortiClient EMS" (less its maker) for "FortiClient Endpoint Management Server".
        Their likeness as written is too little for the lexical matcher to find them."""
        words = mine.words
        if len(words) == 2:
            return self.index["lead"].get(" ".join(words), ())
        if len(words) < 4 or not (short := initials(words[1:])):
            return ()
        lead = [words[0], short]
        made = self.index["maker"].get(core_of(lead, self.book.generic), ())
        return (*self.index["canon"].get(" ".join(lead), ()), *made)

    def _declared_delivered(self, acronym: str, shown: str) -> tuple[list[int], str]:
        """The one service giving an acronym in brackets that a product beside it delivers, as the dictionary
        says, with the reason: "SIEM - Wazuh" is a "Security Monitoring (SIEM)", Wazuh being a SIEM; ([], "")
        where none is or two services give it."""
        declared = self.index["declared"].get(acronym, ())
        if not declared or len({self._service_core(i) for i in declared}) > 1:
            return [], ""
        meant = self.book.read(acronym).canon
        for product in products_in(product_words(shown)):
            if acronym not in product.words and self.book.read(product.service).canon == meant:
                return list(declared), f"{product.name} delivers {product.service}"
        return [], ""
