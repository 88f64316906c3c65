"""The wizard's match scorer: finds what a person would, and says why.

A pair's score (0–100) is the best of the evidence found for it:

    100  same name
     96  same name apart from case, punctuation, spelling or a tier suffix ("Database Services - Gold")
     94  same name through an alias: the shipped dictionary (sync/data/aliases.yaml) or the namespace's
         own aliases, typed by an admin or learned from confirmed matches ("Postgres" = "PostgreSQL"); 88
         beside a record of the name itself ("IT Disaster Recovery" for "Disaster Recovery": _written_first)
     92  an acronym or initialism, either way ("WAF" = "Web Application Firewall", "IIS"), also one written in
         capitals of a service's name before a dash that says which one ("MDM" = "Mobile Device Management -
         Intune"), or beside a product's name, of the service whose name as written spells it and has the
         product in its name or details ("Intune MDM" = a "Mobile Device Management" of "Microsoft Intune
         enrollment") or that gives it in brackets, where the dictionary says the product delivers what it
         stands for ("SIEM - Wazuh" = "Security Monitoring (SIEM)"), or beside the words of what the service
         it spells names after its dash ("Oracle DBA" = "Database Administration - Oracle", "SAS SCE"); of
         records its alias group reads alike, the one whose name as written it spells ("ITSCM" = "IT
         Service Continuity Management" beside a "Disaster Recovery"), the others only suggested
     90  an acronym for part of a name ("Workday HCM" = "Workday Human Capital Management"), either way,
         of a software record's name less its maker's too ("FortiClient Endpoint Management Server" =
         "Fortinet FortiClient EMS"); of two letters ("Contoso PM"), or without the S of System ("WMS" =
         "Warehouse Management"), 86: only suggested, since "CMS" could be Change or Configuration Management
     90  a word-by-word abbreviation ("Veeam B&R" = "Veeam Backup & Replication", "Win Server"), of the
         names as read or as written ("App Hosting" = "Application Hosting", which an alias reads as
         "Cloud Hosting"); not a noun of its own ("Parks" is no "Parking", "Build" no "Building")
     90  the same words once generic ones ("Services", "Infrastructure", "Edition") are left out, in any
         order or spacing ("Network Infrastructure" = "Network Services", "WiFi" = "Wi-Fi"); or the same
         name once the target's manufacturer is left out ("Tomcat 9" = "Apache Tomcat 9.0"; not "Git for
         Windows" = "Windows", a product for a platform, nor a maker's add-in, "Mimecast for Outlook"), or
         once the portfolio name's leading words, the target's manufacturer, are ("Palo Alto Networks
         GlobalProtect", a winget id's "OBSProject.OBSStudio") or its former name ("PerkinElmer ChemDraw"
         made by Revvity: former_makers); or, for a part of a suite no record is, the suite's record of its
         major ("VMware vCenter Server 7.0 U3" = "VMware vSphere 7": suites; sync.scorer_installs)
     88  all the words of the portfolio name, and no other product has them all, which has at most one
         word more once its manufacturer is left out, three in the same major version ("Workday" =
         "Workday HCM", "Webex" = "Cisco Webex Meetings", "KeePass 2.57" = "KeePass Password Safe 2",
         "SAP GUI 8.00" = "SAP GUI for Windows 8.00", built for a platform, short words too (a Linux
         package, "git", is none for Windows; nor is an install "… for Mac" but a Mac's bundle, nor a
         service "Care at Home" a "Care Homes");
         or a service named for what it is, then after a dash or in brackets which one, the portfolio
         name giving words of both, which one a word the dictionary does not know ("SKIDATA Barriers" =
         "Car Park Barrier Equipment - SKIDATA", also for a name that holds a product, "Veeam for M365" =
         "Microsoft 365 Backup (Veeam)"; not "SAP ERP" = "SAP S/4HANA - ERP", nor a category's "Security:
         SIEM and SOC Monitoring" for "Security Monitoring");
         a service of a named cloud is a cloud service ("Azure Hosting" = "Azure Cloud Hosting");
         not "Event Management" = "Security Information and Event Management", nor "Jira" when two Jira
         products exist, nor "Salesforce Marketing Cloud" one whose name holds another product's ("… Marketing
         Cloud Account Engagement", Pardot's), as the dictionary names them, nor "Teams" a "Team Wiki" where
         other records' details write Teams, nor "File Sharing" = "Cloud File Sharing", "Access Control" =
         "Physical Access Control" or "NGINX" = "NGINX Plus": a qualifier or an edition word makes it one
         kind, as a last word "Business" does ("WhatsApp Business", sold apart, for companies); nor "IT
         Ticketing System" = "Ticketing and Admissions": a generic word a service is written with, such as
         "IT", must be the target's too)
     88  a target's whole name, in a software name whose other words follow it and only say how it was
         packaged ("Slack Deployment", "google-chrome-stable", "SOLIDWORKS 2024 SP1", "SQL Server 2022
         Database Engine Services", as Windows lists the engine); never a word that may name another product
         ("Visual Studio Code", "mysql-client", "Windows Server 2012 R2", "JMP Pro Deployment", "Docker for
         Windows", "Stable Diffusion", "Symantec Endpoint Protection" beside an "Endpoint Protection"), and
         never for services, whose words more may always make another service ("Data Centre Management" is no
         "Data Management"); or written with its version, then a part or edition ("Kaspersky Security
         Center 14.2 Administration Server"; not "SQL Server 2019 Express LocalDB" nor "Reporting Services",
         installs of their own); or followed by the part of it an install is, its client, console or app, or
         the kind of client it is ("PaperCut MF Client", "XProtect Smart Client"; "mysql-client" is no
         "MySQL Server"), also the name less its manufacturer's (sync.scorer_versions)
     88  one service whose name lists the portfolio name among other things, no other service having all
         its words ("IPAM": "DNS, DHCP and IP Address Management", "Box Office": "Ticketing and Box Office");
         86 where the other things say whose it is ("Wi-Fi": "Guest Entertainment and Wi-Fi", "Remote
         Access": "Contractor Onboarding and …") or another service's details have it too ("Payroll" and
         "Pensions Administration and Payroll" beside an HR system "for staff payroll"); where the last
         word is said of each thing, the last needs two words besides it: "Event Management" is not even
         suggested for "Security Information and Event Management" (sync.scorer_index)
     88  a product the service's name holds delivers the service (sync/data/products.yaml, through
         sync.match_products): "Mimecast Email Filtering" = "Email Security", also a service named for the
         product and that service ("MS Teams" = "Microsoft Teams Collaboration"), or of several services it
         delivers the one whose name holds it ("Postgres Hosting" = "Database Hosting (PostgreSQL)" beside a
         "Database Hosting (SQL Server)"); 86 when the name's other words fit the service less well than
         another ("Mimecast Archiving" beside "Email Archiving"; not where it is named for the product and
         them: "Bomgar Remote Support" = "Remote Support - BeyondTrust" beside a "Desktop Support - Remote"),
         or
         the product's name is ordinary words ("Network Solutions") and the service's own details do not
         name it; a tier the name gives is no word the service lacks ("Exchange Online - Gold"); the one
         service named for it after a dash or in brackets, all that follows or one thing listed there
         ("Bullhorn" = "Recruitment CRM - Bullhorn", "iTrent" = "HR & Payroll - MHR iTrent" after its maker's
         name, "TIBCO Spotfire" = "… (Spotfire)" read without a maker of the dictionary; not "Zoom Rooms",
         nor a "Backup - Salesforce"), no other's name or details having it; a product
         of the dictionary by any of its names ("Dynamics NAV" = "Wholesale ERP - Business Central")
         (sync.scorer_products)
     88  a service's description or classification names the portfolio record, as a proper name or an
         acronym where it leads (opening a sentence, after its maker's name there, or in brackets), and no
         other target's does, nor names ("Exchange Online" in "Exchange Online mailboxes", "IBM Maximo for …",
         a maker of the dictionary, "IBM Maximo 7 …", not "Contoso Workday integration"), but the same
         service's records of other environments that name or mention it (a "- Non-Prod" or "[TEST]" of
         "Maximo test", "Non-production Maximo instance"), or names
         the word of the portfolio name that the target's name lacks ("Intune Device Management" = "Mobile
         Device Management (Intune)"); named elsewhere 86, mentioned 80: suggestions (sync.scorer_details);
         also the name less the words no target's name or details have, a product's name left that one
         service's description leads with ("DeltaV DCS concentradora CBY": a site's code, another language)
     88  one service alone whose name and description together hold every word of a portfolio name of
         two words or more, the description's in one sentence ("Spam Filtering" = "Email Security:
         inbound spam … filtering") or in two, one a codename's label ("Orbit (Salesforce CRM)" = "CRM:
         Codename Orbit. … on Salesforce Sales Cloud"), a name that is a product of the dictionary as one
         ("Microsoft 365" is not in "Microsoft Defender for Office 365"); 86 when what it gives is another
         system ("a feed from Workday", "synced from the student records system"; not a product's former
         name in brackets after it, "(formerly Pardot)"), the kind of service another is named for, in a
         name of two words ("Network Monitoring" = "Network Services: … monitoring" beside "Infrastructure
         Monitoring"; not "Site WAN Connectivity" beside an "Internet Connectivity"), or one
         common word while the name gives only a delivery word ("Quality Management System" and a
         "Configuration Management" of "data quality"; "Server Hosting" and "virtual servers" too)
     88  the same meaning once delivery words ("Hosting", "Support", "Management"; for software "Desktop",
         "App") are left out too, directly or through an alias group ("Identity Services" = "Identity
         Management", an alias of "Identity and Access Management"); a kindred group's record where none
         reads as the name's own ("Antivirus" = "Endpoint Detection and Response": kindred, dictionary)
    ≤84  lexical similarity only (rapidfuzz through sync.matching), capped so it is never pre-selected
     +4  supporting evidence: a word of the portfolio name that the target's name lacks is the target's
         manufacturer or leads in its description or classification (lexical stays a suggestion, at most
         87: "Adobe Photoshop Elements" is no "Photoshop" made by Adobe; at 88 it only breaks a tie, to
         89; a suggestion of 86 stays one, at most 87)
     −2  the same product in a different minor version (noted); a target record without a version at
         most 90, after any record of the same major; neither below PRESELECT_AT; different majors
         never match
     −4  another minor release ("3.11" for "3.12.2"; a name's minor of 0 names it: "MySQL Server 8.0" is no
         8.4): only suggested, after the record of its minor; but
         −2 and pre-selectable where the product's minor releases are one release line (the dictionary's
         minor_releases_together) and the record is the catalogue's one record of the product, or the one
         record of the major its name gives alone, its name giving no minor or track and its version no
         long-term track ("Terraform" at 1.9 for a "terraform" 1.5.7, "TeamViewer 15" at 15.55 for 15.40;
         not "Python" at 3.12 for 3.10, nor "MySQL Server 5" at 5.7 for 5.6)

How names are read before they are compared, tiers, versions and retired records among them, is told in
sync.scorer_readings; a service name that ends in an environment not in production, without a tier's dash
("Maximo Test/Train", "My Account UAT"), is the record of that environment of the service the rest finds, at
most at CORE, in sync.scorer_environments. A service named by an acronym, then after a dash what it does
("CPOE - kauka orders"), is the record the acronym alone pre-selects, where nothing else is found surely and
what follows is that record's words or another language's no record has, naming no other record, product,
tier, environment, copy, number or record old or new (sync.scorer_unknown).

A candidate is pre-selected only at PRESELECT_AT or above, a score at which the tuning sets
(bench/data/matching_*.yaml) show 100 % precision; bench/matching_quality.py prints the lowest such score,
never above PRESELECT_AT (a test holds it). Never pre-selected: a portfolio record without a version against a
versioned one; a software name without a version or a maker that says what kind of software it is, as a
sentence would ("PDF reader": sync.match_rules.names_a_kind), against a record of another name no alias gives;
a target without a version below CORE unless the portfolio name holds its whole name (above), is the client
app it ends with or it adds only a maker and a platform ("Git" = "Git for Windows": sync.scorer_versions:
"Zoom 5.17" is not surely "Zoom Rooms" nor "Docker 24" "Docker Desktop"), nor one of another name beside a
record of the portfolio name itself in another major ("Adobe Acrobat 2017" and an "Adobe Acrobat Pro" beside
an "Adobe Acrobat 2020"); a target made by another
manufacturer than the portfolio record's, whose name holds neither maker's words nor a former name of it
(sync.match_makers: "Synergy" by Symless); a record of hours of cover the name does not give beside a record
of other hours ("Deskside Support" and "Field Support - Business Hours" or "- 24x7"), however it was found;
the "IT" one, a region's or the "Corporate" one beside a guests', of several services with the name's words,
for a name without that word ("Asset Management" beside "IT Asset Management" and "Rail Asset Management",
"Deskside Support" beside "- EMEA" and "- North America"); an acronym another target's details give in
brackets or spell out for another service ("MDM" beside "Meter data management …"), or another service's name
has as a word of its own ("CMS" beside an "Editorial CMS (Methode)") or expands too (a "Master Data
Management" described with "MDM", beside "Mobile Device Management"; a bank's "Loan Management System" beside
the dictionary's "LMS"), or, for an acronym of several common systems
(ambiguous_acronyms in the dictionary) a description names, another service's name may be ("CMS": a "Web
Content Management" described with "Sitecore CMS" beside a "Case Management"); a name of two things that an
alias reads as one of them, beside the other ("Release and Deployment Management" beside "Deployment
Management"); a record an alias or a meaning finds beside the portfolio name itself in another tier ("Database
Administration - 12x5" beside a "- 24x7" is no "Database Hosting"); a record in production for a name that
ends in another environment ("Maximo Test" and a "- Gold" described "production, test and training"), nor
one of another environment for a name that gives none, beside its service's live records (by a product it
delivers, "Manhattan WMS", and the distribution centres' records found alike); a live record for a name that
says it is no longer used ("Skype for Business (old)") where a retired record is found by more than its
spelling, which comes first (sync.scorer_retired); a
candidate tied with a different record
(two expansions of one acronym, two services an alias reads alike, two editions the name does not give, as
"Tableau" for a "Tableau Server" beside a "Tableau Desktop": sync.scorer_names._edition_unsaid; a record a
person's choice keeps from pre-selection still ties), nor any record ranked below such records as likely;
support of a service of one meaning with its provisioning ("Desktop Support", "Laptop and Desktop
Provisioning"); a service an alias or its meaning finds, not its own words, beside records named for the
portfolio name and which one after a dash, a colon or in brackets ("Database Hosting" beside "Database Hosting
- PostgreSQL" is no "Database Administration"); and one below CORE when a product the name gives in brackets
(not the target's own tier: "(Production)" for a "- Prod") is only another target's, by its name or by its
details written with a capital ("Desktop Management (SCCM/Intune)" beside an "Endpoint Management" built with
Intune)."""

import re
from collections.abc import Iterable
from dataclasses import replace

from sync.match_acronyms import acronym_within
from sync.match_codes import client_codes, portfolio_code, with_codes, without_code
from sync.match_details import Mentions, without_negated
from sync.match_editions import editions_differ
from sync.match_kinds import kinds_differ
from sync.match_names import AliasBook, Name, words_of
from sync.match_rules import GLUED
from sync.match_tiers import tiers_of
from sync.match_versions import major
from sync.matching import Candidate, Item, normalise
from sync.scorer_acronyms import AcronymEvidence
from sync.scorer_broad import BroadNames
from sync.scorer_choices import ChoiceEvidence
from sync.scorer_details import DESCRIBED, EXPLAINED, MENTIONED_NAME, DetailsEvidence
from sync.scorer_environments import EnvironmentReadings
from sync.scorer_index import LISTED_WHY, NameIndex
from sync.scorer_installs import InstallNames
from sync.scorer_names import (  # noqa: F401 (the documented scores are read from here)
    ABBREVIATION,
    ACRONYM,
    ALIAS,
    CORE,
    EVIDENCE,
    EXACT,
    FOR_PLATFORM,
    GUESSED,
    LEXICAL_CAP,
    LEXICAL_WITH_EVIDENCE,
    LISTED,
    LOOSE,
    MINOR,
    ONLY,
    PLATFORMS,
    PRESELECT_AT,
    PRODUCT,
    SAME,
    WITHIN,
    Found,
    NameEvidence,
    core_of,
    supported,
)
from sync.scorer_products import CATEGORISED, ProductEvidence
from sync.scorer_ranking import Ranking
from sync.scorer_readings import OtherReadings
from sync.scorer_retired import RetiredRecords
from sync.scorer_sites import SiteDetails
from sync.scorer_tiers import TierReadings, live_as_prod
from sync.scorer_unknown import UnknownWords
from sync.scorer_versions import VersionEvidence, makers_number


class Scorer(
    Ranking,
    DetailsEvidence,
    NameEvidence,
    AcronymEvidence,
    NameIndex,
    OtherReadings,
    TierReadings,
    EnvironmentReadings,
    ProductEvidence,
    VersionEvidence,
    ChoiceEvidence,
    BroadNames,
    RetiredRecords,
    UnknownWords,
    SiteDetails,
    InstallNames,
):
    """Indexes the target records once; then scores any number of portfolio records against them."""

    def __init__(
        self,
        targets: list[Item],
        *,
        versioned: bool,
        kind: str = "",
        aliases: Iterable[tuple[str, str]] = (),
        read_apart: bool = True,
    ) -> None:
        aliases = tuple(aliases)
        self.book = AliasBook(kind or ("software_product" if versioned else "it_service"), aliases)
        self.codes = frozenset() if versioned else client_codes(targets, self.book)
        self.coded = {t.key: t.name for t in targets if without_code(t.name, self.codes) != t.name}
        if self.coded:  # read without a client's code, shown with it
            targets = [replace(t, name=without_code(t.name, self.codes)) for t in targets]
        self.targets = targets = self._read_apart(targets, versioned, kind, aliases, read_apart)  # retired
        self.versioned = versioned
        self.whole = read_apart  # the whole catalogue, not its retired records alone (sync.scorer_retired)
        if versioned:  # a maker's name is no version glued to a word, in any name: "KnowBe4 Phish Alert"
            self.book.unsplit.update(w for t in targets for w in words_of(t.manufacturer) if GLUED.match(w))
        self.read_as = {} if versioned else live_as_prod(targets, self.book)  # "- Live" beside "- Non-Prod"
        self.names = [self.book.read(t.name, t.version, versioned) for t in targets]
        for i, name in self.read_as.items():
            self.names[i] = self.book.read(name)
        if versioned:
            self.names = [makers_number(n, t) for n, t in zip(self.names, targets, strict=True)]
        self.majors = [major(n.version) for n in self.names]
        self._index_targets()
        details = [without_negated(t.context) for t in targets]
        self.mentions = Mentions(details) if any(details) else None
        self.made = any(t.manufacturer for t in targets)  # a catalogue of services has no manufacturers
        self.named: dict[str, frozenset[int]] = {}  # filled as words are looked for (_described)
        self.brackets: dict[str, list[tuple[str, set[int], frozenset[str]]]] = {}
        self.serving: dict[tuple[str, int], frozenset[int]] = {}  # a service's name → its targets
        self.spelled_out: dict[str, dict[int, tuple[str, ...]]] | None = None  # details' opening initials
        self.heads, self.tails, self.kinds_of, self.sorted_names = {}, {}, {}, None  # read as rules ask
        self.categorised = {}
        self.heads_spelled: dict[str, list[int]] | None = None
        self.spanned, self.tiers_read, self.head_of, self.environments, self.shared = {}, {}, {}, {}, {}
        self.not_live_read: dict[int, bool] = {}
        self.cores_having: dict[tuple[str, ...], frozenset[int]] = {}
        self.positions: dict[str, int] = {}  # a target's key → its index (_position), once asked

    def candidates(self, local: Item, limit: int = 5, taken: dict[str, str] | None = None) -> list[Candidate]:
        """Up to `limit` ranked candidates with their reasons; `taken` maps target key → local key. A
        service named "Category: Name" or "Name (…)" is also read as "Name", on either side; one with words
        no record has, without them (sync.scorer_unknown)."""
        if (read := self._without_unspelled(self._without_gloss(local.name))) != local.name:
            local = replace(local, name=read)
        ranked = self._read_known(local, self._candidates(local, limit, taken), limit, taken)
        return self._read_headed(local, ranked, limit, taken)

    def _candidates(
        self, local: Item, limit: int = 5, taken: dict[str, str] | None = None
    ) -> list[Candidate]:
        code, name = portfolio_code(local.name, self.codes, self.index["plain"])
        local = replace(local, name=name) if code else local
        # a tier written without its dash ("Email Tier 1"), or production as no tier writes it ("PMS prod")
        if read := self.with_tier(local.name) or self._live_meant(local):
            local = Item(local.key, read, local.version, local.manufacturer, local.context)
        mine = self._portfolio_name(local)
        if not mine.words:  # no letter or digit to go by ("!!!"): nothing is like it
            return []
        found, clashes = self._found(mine, local, limit)
        clashes |= self._read_otherwise(local, found, limit)
        self._read_environment(local, found, limit)
        clashes |= self._shared(mine, local.name, found) if self.versioned else set()
        ranked = self._with_retired(
            local, self._ranked(mine, local, found, limit, taken or {}, clashes), limit, taken
        )
        return with_codes(ranked, self.coded, code, tiers_of(local.name)) if self.coded else ranked

    def _found(
        self, mine: Name, local: Item, limit: int, products: bool = True
    ) -> tuple[dict[int, Found], set[int]]:
        """The evidence for each target found: {target index: (score, reasons)}, and the editions that
        clash. `products`: also read a product the name holds as the service it delivers."""
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
        if (joined := mine.plain.replace(" ", "")) != mine.loose and not self._whole_named(local.name):
            add(self.index["loose"].get(joined, ()), CORE, "same name apart from spacing")  # "Desk-side"
        add(self.index["maker"].get(mine.core, ()), CORE, lambda i: [self._maker(i)])
        self._written_first(mine, found)
        for i, why in self._part_of(mine, local.name):  # before a meaning's: "Teams Rooms App"
            add([i], ONLY, why)
        if mine.meaning:
            add(self.index["meaning"].get(mine.meaning, ()), LOOSE, lambda i: self._meaning(mine, i))
        if written := self._written_meaning(mine):  # "Remote Desktop Support" = "Desktop Support - Remote"
            add(self.index["meaning"].get(written, ()), LOOSE, lambda i: self._meaning(mine, i, written=True))
        self._made_by(mine, add)
        weak = not any(score >= PRESELECT_AT for score, _ in found.values())
        listed: list[int] = []
        if weak:
            # "MSSQL" is what "SQL Server" delivers, not a "SQL Server Licensing"; but "Veeam for M365" is a
            # "Microsoft 365 Backup (Veeam)"
            spanned = self.book.holds_product(mine.words)
            only = self._only(mine, local.name, spanned)
            add(only, ONLY, "all its words, and no other product has them all")
            if not only and not self.versioned:  # what it finds, the one product of those words has already
                add(self._categorised(mine), ONLY, lambda i: [CATEGORISED, *mine.fired])
            within, why = self._within(mine, local.name)
            add(within, WITHIN, why)
            parts, why = self._suite_records(mine) if self.versioned else ((), "")
            add(parts, CORE, why)  # "VMware vCenter Server 7.0 U3" is vSphere 7's
            listed = self._listed(mine)
            add(listed, LISTED, LISTED_WHY)
            if not self.versioned:  # "Bullhorn": "Recruitment CRM - Bullhorn"
                tailed, why = self._tail_named(local.name)
                add(tailed, PRODUCT, why)
            for i, score, reason in (
                self._delivering(mine, local, limit) if products and not self.versioned else ()
            ):
                add([i], score, reason)
        self._alike(mine, found, limit)
        # "SAP ATTP": a brand and an acronym for the rest of a longer name, however unlike its spelling
        led = self._led(mine)
        for i in [*found, *(i for i in dict.fromkeys(led) if i not in found)]:
            score = found[i][0] if i in found else 0
            if score < ABBREVIATION and (short := self._abbreviates(mine, i)):
                found[i] = (ABBREVIATION, [f"abbreviation: {short}", *mine.fired])
            elif score < ABBREVIATION and (
                short := acronym_within(mine.words, self.names[i].words)
                or (self.versioned and acronym_within(mine.words, self._unmade(i)))  # less its maker
            ):
                # "SAP BO" could be Business One or Objects; found by initials alone, "Cisco UCCE" could
                # be Contact Center Express or Enterprise
                said = short.split(" = ", 1)[0]  # spelled out in the name, the acronym the record writes
                theirs = re.findall(r"[A-Z0-9]+", self.targets[i].name.upper())  # "(EMS)", "FortiClient-EMS"
                written = said.lower() not in mine.words and said in theirs
                sure = len(said) >= 3 and (i in found or written)
                found[i] = (ABBREVIATION if sure else GUESSED, [f"acronym: {short}", *mine.fired])
        if weak and self.mentions is not None:
            self._mentioned(mine, local.name, add)
            for i, missing in self._explained(mine):
                spelled = ", ".join(self.mentions.spelled.get(w, w) for w in missing)
                add([i], MENTIONED_NAME if self.versioned else EXPLAINED, f"its description names {spelled}")
            found_in, given, sure = self._described(mine, local.name)
            found_in = [i for i in found_in if not self._longer_product(local.name, i)]
            words = ", ".join(given)
            add(
                found_in,
                DESCRIBED if sure else MENTIONED_NAME,
                f"its description gives the words its name lacks: {words}",
            )
        if weak and listed:
            self._listed_otherwise(listed, found)
        if max((score for score, _ in found.values()), default=0) < LISTED:  # nothing but likeness
            for i, why in self._kindred(mine):
                add([i], LOOSE, why)
        clashes = {
            i
            for i, (score, _) in found.items()
            if (score == LOOSE and self._editions_clash(mine, i))
            or (score < SAME and self.versioned and editions_differ(mine.dropped, self.names[i].dropped))
            or (self.versioned and kinds_differ(mine.plain, self.names[i].plain, normalise(local.name)))
            or (score < SAME and self._edition_unsaid(mine, i))
        }
        return found, clashes


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
