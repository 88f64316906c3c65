"""The scorer's product rule (mixed into sync.scorer.Scorer): a product a service's name holds delivers the
service it is listed for (sync.match_products), found by that service's own name evidence. The scores
are documented in sync.scorer."""

from collections.abc import Callable, Sequence

from sync.match_acronyms import NO_INITIALS, acronym_within, initials
from sync.match_details import Mentions
from sync.match_makers import lineage, without_maker
from sync.match_names import BRACKETS, AliasBook, Name, words_of
from sync.match_products import Product, product_names, product_words, products_in
from sync.match_rules import is_english, stem
from sync.match_tiers import ENVIRONMENT_CODES, tiers_of
from sync.matching import Item, normalise
from sync.scorer_index import WRAPPERS, Tail
from sync.scorer_names import CORE, DASH, LOOSE, PRODUCT, PRODUCT_OTHERWISE

CATEGORISED = "the service its category names after a dash"
DELIVERS = " delivers "  # the reason's words between a product and its service (sync.scorer_retired reads it)


class ProductEvidence:
    """The Scorer's reading of a product in a service's name as the service it delivers."""

    targets: list[Item]
    versioned: bool
    book: AliasBook
    names: list[Name]
    majors: list[str]
    brandless: list[int]  # sync.scorer_index.NameIndex's
    words: dict[str, tuple[int, ...]]
    mentions: Mentions | None
    serving: dict[tuple[str, int], frozenset[int]]
    _sharing: Callable[[tuple[str, ...]], frozenset[int]]  # sync.scorer_index.NameIndex's
    _tails: Callable[[int], Tail]  # sync.scorer_index.NameIndex's
    _head: Callable[[int], str]  # sync.scorer_index.NameIndex's
    _service_core: Callable[[int], str]  # sync.scorer_index.NameIndex's
    _service: Callable[[int], str]  # sync.scorer_environments.EnvironmentReadings's
    _named: Callable[[str], frozenset[int]]  # sync.scorer_details.DetailsEvidence's
    _having: Callable[[list[str]], frozenset[int]]  # sync.scorer_names.NameEvidence's
    categorised: dict[int, str]  # a service's name after its category (_category_tail), once asked

    def _delivering(self, mine: Name, local: Item, limit: int) -> list[tuple[int, int, str]]:
        """The service a product in the portfolio name delivers (sync.match_products): "Mimecast Email
        Filtering" is "Email Security", found by that name's own evidence, or named for both ("Microsoft
        Teams Collaboration"). Only suggested when the
        name's other words point at another service ("Mimecast Archiving" and an "Email Archiving"), or
        two other services name the product in their details and this one does not ("SharePoint Online"
        beside a "Document Management (SharePoint Online)" and a "Microsoft 365 Backup")."""
        words = product_words(local.name)
        found = products_in(words)
        if not found or len({p.service for p in found}) > 1:
            return []  # no product, or two products of two services: a person decides
        product = found[0]
        targets = self._serving(product.service, limit)
        # or named for the product and its service ("Microsoft Teams Collaboration"): its own name names it
        named_for = frozenset(
            i
            for name in product_names(product.name)
            for i in self.index["core"].get(self.book.read(f"{name} {product.service}").core, ())
        )
        targets |= named_for
        if len({self._service_core(i) for i in targets}) != 1:
            targets = self._holding_product(targets, product)  # "Database Hosting (PostgreSQL)" of several
            if len({self._service_core(i) for i in targets}) != 1:
                return []
        used = {w for p in found for w in p.words}
        tiers = {w for tier in tiers_of(local.name) for w in tier.split()}  # "- Gold" says which, not what
        rest = " ".join(w for w in words if w not in used and w not in tiers)
        reason = f"{product.name}{DELIVERS}{product.service}"
        book = self.book
        common = all(  # "Network Solutions", as written
            w in book.vocabulary or w in book.generic or w in self.words for w in words_of(product.name)
        )
        naming: set[int] = set()  # also without its maker's word ("Configuration Manager"), or by its new
        for name in product_names(product.name) if self.mentions else ():  # name ("Azure AD": Entra ID)
            written = tuple(normalise(name).split())
            for run in (written, written[1:] if len(written) >= 3 else ()):
                naming |= {m.target for m in self.mentions.of(run) if m.proper} if run else set()
        # used across services and not named here; or named by one other, while this one declares another
        # product as what it is built with ("Mobile Device Management (Microsoft Intune)" beside a Mac
        # service naming Jamf): a person's choice
        naming |= named_for
        spread = not naming & targets and (
            len(naming) >= 2 or (len(naming) <= 1 and self._built_otherwise(targets, product))
        )
        return [
            (i, PRODUCT_OTHERWISE, f"{reason}; its name gives {other}: suggested, never pre-selected")
            if (other := self._named_otherwise(i, product))
            else (
                i,
                PRODUCT
                if not spread
                and (not common or i in naming)
                and self._rest_fits(rest, i, product.service, i in named_for)
                else PRODUCT_OTHERWISE,
                reason,
            )
            for i in sorted(targets)
        ]

    def _tail_named(self, shown: str) -> tuple[list[int], str]:
        """The one service named for a product the portfolio name is, after a dash or in brackets, the
        whole of what follows or one of the things listed there, and the reason: "Bullhorn" is
        "Recruitment CRM - Bullhorn", "CHAPS" a "Payments - CHAPS and SWIFT", "KoBo Toolbox" a "… -
        KoboToolbox" (its words run together, where that is no English word); not a "Meeting Rooms - Zoom
        Rooms" for "Zoom", a "LAN - Beacon House", nor a service about the product ("Backup - Salesforce",
        "Migration - Exchange Online"). No other service's name or details may have it, nor may another
        service be the one the dictionary lists the product for (sync/data/products.yaml). Also the name
        less a maker of the dictionary that leads it, where what is left is a product of the dictionary or
        no ordinary words: "TIBCO Spotfire" is a "… (Spotfire)"."""
        found, why = self._tail_named_as(shown)
        rest, maker = without_maker(shown) if not found else ("", "")
        words = product_words(rest) if rest else ()
        if rest and (products_in(words) or not all(map(is_english, words))):  # not "Progress Reporting"
            found, why = self._tail_named_as(rest)
            why = f"{why}, read without its maker's name ({maker})" if found else why
        return found, why

    def _categorised(self, mine: Name) -> list[int]:
        """The one service whose name after its category and a dash is the portfolio name as read
        ("Software Distribution", "Softwareverteilung": "End User Computing - Software Distribution"), no
        other service having all its words, nor another's details a product's one word; not a service about a
        product ("Backup - Salesforce")."""
        having = self._having(mine.core.split())
        if not having or len({self._service_core(i) for i in having}) != 1:
            return []
        found = sorted(j for j in having if self._category_tail(j) == mine.canon)
        mentions = self.mentions
        if found and len(mine.words) == 1 and mentions and mentions.having(mine.words[0]).difference(having):
            return []  # a product another service's details name too ("Samsara"): a person's choice
        return found

    def _few_more(self, i: int, words: list[str], same_major: str | None) -> bool:
        """Whether target i has at most one word more than the portfolio name, or three in its major
        (sync.scorer_names.NameEvidence._only), counted as `_uncategorised` counts them."""
        return self._uncategorised(i, words) <= len(words) + (3 if self.majors[i] == same_major else 1)

    def _uncategorised(self, i: int, words: list[str]) -> int:
        """The number of target i's core words once its manufacturer is out (`brandless`); where the portfolio
        name has none of the words of its category before a dash, and no other service's name or details have
        all its words, at most one more than the words after the dash, as a category adds no word but what
        follows it must be the name's words alone: "Chatbot / virtual agent" is the "Contact Center - Virtual
        Agent Chatbot"; not "Samsara" a "Fleet Telematics - Samsara" beside a "Reefer Trailer Monitoring" by
        it, nor "Zoom" a "Meeting Rooms - Zoom Rooms"."""
        count = self.brandless[i]
        if self.versioned or not self._category_tail(i):
            return count
        head, tail = (set(self.book.read(part).core.split()) for part in DASH.split(self.targets[i].name, 1))
        if head & set(words):
            return count
        core = self._service_core(i)
        if any(self._service_core(j) != core for j in self._named_or_described(words)):
            return count
        return min(count, len(tail) + 1)

    def _within_product(self, mine: Name, i: int) -> bool:
        """Whether an English word of the portfolio name is in target i's name only as the last of a product's
        name whose first word the portfolio name lacks: "Database servers" has no "SQL Server" in "Database -
        SQL Server - Prod"; but "Linux Hosting" is "Hosting - Red Hat Enterprise Linux"."""
        theirs, products = self.names[i].words, self.book.products
        inside: set[str] = set()
        for k, word in enumerate(theirs):
            for run in products.get(word, ()):
                if len(run) > 1 and theirs[k : k + len(run)] == run and word not in mine.words:
                    inside.add(run[-1])
        return bool(inside) and any(
            w in inside and theirs.count(w) == 1 and is_english(w) for w in mine.words
        )

    def _longer_product(self, shown: str, i: int) -> bool:
        """Whether the portfolio name is a product of the dictionary whose shorter namesake, another
        service's, target i's name holds: "Webex Calling" (telephony) is no "Video Conferencing - Webex",
        however its details speak of calls."""
        if not (mine := products_in(product_words(shown))):
            return False
        theirs = products_in(product_words(self.targets[i].name))
        return any(
            len(q.words) < len(p.words) and p.words[: len(q.words)] == q.words and q.service != p.service
            for p in mine
            for q in theirs
        )

    def _details_read(self, i: int) -> str:
        """Target i's details as the index of mentions read them, once per pull: without what they say the
        service is not for (sync.match_details.without_negated)."""
        return self.mentions.details[i] if self.mentions is not None else ""

    def _category_tail(self, j: int) -> str:
        """Service j's name after its first dash, as read, where what comes before is a category: "" for
        none, a service about a product, or a tier's dash."""
        found = self.categorised.get(j)
        if found is None:
            parts = DASH.split(self.targets[j].name, 1)
            head = normalise(parts[0]) if len(parts) == 2 else ""
            about = not WRAPPERS.isdisjoint(map(stem, head.split()))
            found = "" if not head or head == self.names[j].plain or about else self.book.read(parts[1]).canon
            self.categorised[j] = found
        return found

    def _tail_named_as(self, shown: str) -> tuple[list[int], str]:
        said = tuple(product_words(shown))
        products = products_in(said)
        if whole := next((p for p in products if p.words == said), None):
            found, name, named = self._named_by_any(whole)
        else:
            written = tuple(normalise(shown).split())
            found, runs = self._named_as_written(written), [written]
            joined = "".join(written)  # "KoBo Toolbox": "Mobile Data Collection - KoboToolbox"
            if not found and len(written) > 1 and not is_english(joined):  # not "Pass Port" for "Passport"
                found, runs = self._named_as_written((joined,)), [written, (joined,)]
            named = set().union(*map(self._written_in, runs)) if found else set()
            name = shown
        # another service has it too ("Intranet | SharePoint Online sites"): a person's choice
        one = len({self._service_core(j) for j in found}) == 1 or len({self._service(j) for j in found}) == 1
        if not one or named - found:  # one service, its records of other environments too
            return [], ""
        if products and any(
            j not in found and not self._named_otherwise(j, p)
            for p in products
            for j in self._serving(p.service, 5)
        ):
            return (
                [],
                "",
            )  # "Zoom" is the dictionary's web conferencing; not where its name gives another product
        other = "" if normalise(name) == normalise(shown) else f", another name of {shown}"
        return sorted(found), f"a service named for {name}{other}"

    def _named_as_written(self, written: tuple[str, ...]) -> set[int]:
        """The services named for a name as written, none of whose words the dictionary knows as a
        service's."""
        return set() if self._known_words(written) else self._named_after(written)

    def _written_in(self, written: tuple[str, ...]) -> set[int]:
        """The services whose names or details have all the words of a name as written (`_named_as_written`),
        asked only where one is named for it: another site's "Maximo - Keel Point" leaves "Maximo - Ashgrove"
        the "Work Management (Maximo) - Ashgrove"."""
        return set() if self._known_words(written) else self._named_or_described(written)

    def _named_or_described(self, words: Sequence[str]) -> set[int]:
        """The services whose names or details have all these words."""
        having = [self._named(w) | (self.mentions.having(w) if self.mentions else set()) for w in words]
        return set(having[0]).intersection(*having[1:])

    def _known_words(self, written: tuple[str, ...]) -> bool:
        """Whether a name is none or has a word the dictionary knows as a service's."""
        return not written or any(w in self.book.vocabulary or w in self.book.generic for w in written)

    def _named_by_any(self, product: Product) -> tuple[set[int], str, set[int]]:
        """The services named for a product of the dictionary by the first of its names that names any,
        that name, and the services whose names or details have any of its names: a product's whole name,
        whatever its words ("Exchange Online": "Online" may be elsewhere; "Dynamics NAV" is a "Wholesale ERP
        - Business Central"). A name of three words or more also without its first, its maker's, where a
        word the dictionary does not know for a service is left ("SCCM": "… - Configuration Manager"; not
        "Google Cloud Platform" as "Cloud Platform"); another name of three letters or fewer only for a
        service whose name before the dash shares a word with the product's ("TSM" is no "Rail Operations -
        TSM")."""
        book, written = self.book, product_words(product.name)
        names = {name: tuple(normalise(name).split()) for name in product_names(product.name)}
        names |= {
            " ".join(name.split()[1:]): words[1:]
            for name, words in names.items()
            if len(words) >= 3 and any(w not in book.vocabulary and w not in book.generic for w in words[1:])
        }
        kind = {stem(w) for w in normalise(product.service).split()} - book.generic
        found, by = set(), ""
        for name, words in names.items():
            found = self._named_after(words)
            if len("".join(words)) <= 3 and words != tuple(written):
                found = {j for j in found if kind & {stem(w) for w in self._head(j).split()}}
            if found:
                by = name
                break
        named = set().union(*(self._sharing(words) for words in names.values()))
        # details that open with it, not a mention in passing ("Ledgers kept in Business Central"), nor the
        # details of a service about it: a "Microsoft 365 Backup" of its mailboxes
        if self.mentions:
            mentioned = {m.target for words in names.values() for m in self.mentions.of(words) if m.leads}
            named |= {j for j in mentioned if WRAPPERS.isdisjoint(map(stem, self.names[j].plain.split()))}
        return found, by, named

    def _named_after(self, words: tuple[str, ...]) -> set[int]:
        """The services named for these words after a dash or in brackets, whole or as one listed thing, or
        after a maker's name of two words at most that the dictionary does not know as a service's, where they
        are no English words ("MHR iTrent" for "iTrent"; not "R Studio" for "Studio"), whose head is no
        service about a product (sync.scorer_index.WRAPPERS)."""
        return {
            j for j in self._sharing(words) if any(self._names_it(t, words) for t in self._tails(j).things)
        }

    def _names_it(self, thing: tuple[str, ...], words: tuple[str, ...]) -> bool:
        lead = thing[: len(thing) - len(words)]
        if thing[len(lead) :] != words or len(lead) > 2:
            return False
        if lead and (any(is_english(w) for w in words) or any(len(w) < 2 for w in lead)):
            return False  # "Horizon" may be VMware's as well as "(Gamma Horizon)", "Studio" no "(R Studio)"
        return not any(w in self.book.vocabulary or w in self.book.generic for w in lead)

    def _named_within(self, words: tuple[str, ...]) -> set[int]:
        """The services whose name has these words after a dash or in brackets, among others or not ("…
        - SharePoint Online" for "SharePoint"), whose head is no service about a product."""
        return {j for j in self._sharing(words) if self._tails(j).words.issuperset(words)}

    def _built_otherwise(self, targets: frozenset[int], product: Product) -> bool:
        """Whether the details of these targets declare another product as theirs, in brackets or opening a
        sentence, or name a rival of another brand for the product's service: "Mobile Device Management
        (Microsoft Intune)" is not built with Jamf, which a "Mac Device Management (Jamf Pro)" declares;
        "reporting with Microsoft Power BI" is no Qlik Sense's. A mention in passing ("kept in Confluence")
        is not, nor a rival beside the product's own family ("Ansible Automation Platform and Terraform"
        for "Ansible Tower")."""
        for i in targets:
            named = products_in(product_words(self._details_read(i)))
            ours = [p for p in named if same_product(p, product) or renamed(p, product)]
            family = any(not set(p.words).isdisjoint(product.words) for p in named)
            for other in named:
                if other in ours:
                    continue
                said = self.mentions.of(tuple(normalise(other.name).split())) if self.mentions else []
                rival = not family and other.service == product.service
                if any(m.target == i and m.proper and (m.leads or rival) for m in said):
                    return True
        return False

    def _named_otherwise(self, i: int, product: Product) -> str:
        """The other product service i's name gives in brackets as what it is built with, or "": "Oracle
        Database" is no "Database Services (SQL Server)"; "AVD" is the "Virtual Desktop (Azure Virtual
        Desktop)", one product by two names."""
        inside = " ".join(BRACKETS.findall(self.targets[i].name))
        named = products_in(product_words(inside)) if inside else []
        if any(same_product(other, product) for other in named):
            return ""
        return named[0].name if named else ""

    def _holding_product(self, targets: frozenset[int], product: Product) -> frozenset[int]:
        """Of the services a product delivers, those whose names hold it, by any of its names: "Postgres
        Hosting" is the "Database Hosting (PostgreSQL)" beside a "Database Hosting (SQL Server)"."""
        runs = [f" {normalise(name)} " for name in product_names(product.name)]
        return frozenset(i for i in targets if any(run in f" {self.names[i].plain} " for run in runs))

    def _serving(self, service: str, limit: int) -> frozenset[int]:
        """The targets a service's own name finds (not its words inside a longer name), once per service."""
        key = (service, limit)
        if key not in self.serving:
            hits, _ = self._found(self.book.read(service), Item("", service), limit, False)
            self.serving[key] = frozenset(
                i
                for i, (score, why) in hits.items()
                if score >= CORE or (score >= LOOSE and why[0].startswith("same"))
            )
        return self.serving[key]

    def _unnamed_product(self, shown: str, i: int) -> str:
        """A product the portfolio name gives in brackets, written as a name ("Staff benefits platform
        (Perkbox)"; not an acronym, an English word or an environment), that target i neither names nor
        describes, where its name or details name another product the dictionary knows: found by its
        description's words alone, target i is likely another system of that kind ("Payroll - US", whose
        details give benefits for staff on ADP Workforce Now). That name, or ""."""
        for part in BRACKETS.findall(shown):
            for raw in part.split():
                read = words_of(raw)
                if len(read) != 1 or len(raw) < 4 or not raw.isalpha() or raw.isupper() or raw.islower():
                    continue
                word, known = stem(read[0]), products_in(product_words(raw))
                if (is_english(read[0]) and not known) or tiers_of(f"x ({raw})"):
                    continue
                if word in self.book.generic or word in ENVIRONMENT_CODES or word in self.names[i].words:
                    continue
                if self.mentions and self.mentions.has(word, i):
                    continue
                target = self.targets[i]
                theirs = products_in(product_words(f"{target.name} {self._details_read(i)}"))
                makers = lineage(raw) - {tuple(normalise(raw).split())}  # "(Aastra handsets)": Mitel's
                if (
                    theirs
                    and not any(
                        same_product(other, mine) or renamed(other, mine)
                        for other in theirs
                        for mine in known
                    )
                    and not any(other.words[: len(lead)] == lead for other in theirs for lead in makers)
                ):
                    return raw
        return ""

    def _rest_fits(self, rest: str, i: int, service: str, named: bool = False) -> bool:
        """Whether the words of a portfolio name besides its product fit service i: each in its name, the
        product's service or its description, or their initials ("PAM - CyberArk"), and all of them in no
        other service's name ("Mimecast Email Filtering"; not "Google Workspace Administration" beside a
        "Microsoft 365 Administration"), unless service i is `named` for the product and has them all in its
        name too, as read or as written ("Bomgar Remote Support": "Remote Support - BeyondTrust" beside a
        "Desktop Support - Remote"; "Postgres Hosting": "Database Hosting - PostgreSQL", which an alias reads
        as Database Services), or they are the product's service whole, as service i writes it ("AnyConnect
        VPN" beside a "Site-to-Site VPN"; not "Jamf Management" beside a "Mac Device Management")."""
        reading = self.book.read(rest)
        own = set(reading.words) - self.book.generic - NO_INITIALS
        written = {*self.names[i].words, *map(stem, self.names[i].plain.split())}  # "Hosting" as written too
        if not own or (named and own <= written):
            return True
        delivered = self.book.read(service)
        theirs = {*self.names[i].words, *delivered.words, *words_of(service)}
        theirs |= {
            a for n in (self.names[i], delivered) for a in (n.initials, n.core_initials) if len(a) >= 2
        }
        if any(w not in theirs and not (self.mentions and self.mentions.has(w, i)) for w in own):
            return False
        said = {stem(w) for w in reading.plain.split()} - self.book.generic
        whole = set(delivered.words) - self.book.generic - NO_INITIALS
        if own == whole and own <= set(self.names[i].words) and said <= written:
            return True  # the product's service said again, whole, as the service writes it: "AnyConnect VPN"
        postings = [self._named(w) for w in own]
        return not any(
            j != i and self.names[j].core != self.names[i].core
            for j in postings[0].intersection(*postings[1:])
        )


def same_product(other: Product, product: Product) -> bool:
    """Whether `other` is `product` itself, named longer or shorter ("Jamf Pro", "Intune") or by another
    of its names ("AVD" and "Azure Virtual Desktop")."""
    return any(
        within(other.words, mine) or within(mine, other.words)
        for mine in map(product_words, product_names(product.name))
    )


def renamed(other: Product, product: Product) -> bool:
    """Whether `other` may be `product` by another of its names: its initials ("AKS", "Azure Kubernetes
    Service"), an acronym of its words after the maker's ("Zscaler ZIA"), or its maker's name before or
    after a merger or rebrand, the rest of the names sharing a word or one of them the maker's name alone
    ("Cerner Millennium" for "Oracle Health", "AVEVA PI System" for "OSIsoft PI"; not "Wonderware
    Historian" for "AVEVA PI System", two products of one maker)."""
    theirs, mine = (tuple(normalise(" ".join(p.words)).split()) for p in (other, product))  # as makers read
    for one, two in ((theirs, mine), (mine, theirs)):
        if len(one) == 1 and one[0] == initials(two) or acronym_within(one, two):
            return True
        makers = [lead for lead in lineage(" ".join(one)) if lead != one]
        own = max((len(lead) for lead in makers if one[: len(lead)] == lead), default=0)
        for lead in makers:
            if two[: len(lead)] != lead or one[: len(lead)] == lead:
                continue
            rest, other_rest = one[own:], two[len(lead) :]
            if not rest or not other_rest or set(rest) & set(other_rest):
                return True
    return False


def within(run: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether the words hold this run of words ("intune" in "microsoft intune")."""
    return any(words[k : k + len(run)] == run for k in range(len(words) - len(run) + 1))
