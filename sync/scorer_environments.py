"""A service name that ends in an environment not in production, written without the dash or brackets of a
tier ("Maximo Test/Train", "Jira Dev/Test", "My Account UAT", "Salesforce sandboxes (UAT/SIT)"): the
name without it finds the service, and the service's record of that kind is the one meant, however the
catalogue marks it ("- Non-Prod", "(UAT)", "(Test)"). A tier the name gives already ("- UAT", "(Non-Prod)")
is read as such by sync.match_tiers."""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable

from sync.match_acronyms import initials
from sync.match_names import AliasBook, Name
from sync.match_rules import is_english, stem
from sync.match_tiers import NOT_LIVE, PRODUCED, PRODUCTION_WORDS, tiers_of, without_tiers
from sync.matching import Item, normalise
from sync.scorer_names import CORE, PRESELECT_AT, Found

# environments of one kind, however written: a name's "Training" is no "- Test" record's, its "UAT" no "-
# Dev"; UAT, staging and pre-production are one family, as sync.match_tiers.COVERS reads them. As system ids
# abbreviate them (tst, trn, stg, sbx), and as French (recette), German (entwicklung, schulung,
# testumgebung), Dutch (acc, acceptatie), Swedish (testmiljö), Spanish (pre, preproducción, pruebas),
# Brazilian (homologação, HML, treinamento, ambiente de teste), Italian (collaudo, formazione), Polish
# (testowe, szkoleniowe), Czech (testovací, školicí prostředí), Danish (testmiljø, uddannelsesmiljø), Turkish
# (test, eğitim ortamı), Finnish (testi, testiympäristö, koulutusympäristö), Romanian (mediu de test),
# Hungarian (teszt, oktatási környezet) and Estonian (testkeskkond) catalogues write them; not French
# "formation" nor "AQ" ("SIRH - Formation" is its training module, "Oracle AQ" its queues)
KINDS = {
    "dev": "dev development entwicklung desenvolvimento",
    "training": "train trn training schulung treinamento formazione szkoleniowe školicí skolici "
    "uddannelsesmiljø uddannelsesmiljoe kursusmiljø kursusmiljoe eğitim egitim koulutusympäristö "
    "koulutusymparisto instruire oktatási oktatasi koolituskeskkond",
    "sandbox": "sandbox sandboxes sbx",
    "test": "test testing tst qa qas sit uat staging stg preprod preproduction recette testumgebung "
    "testsystem acc acceptatie testmiljö testmiljo pre preproducción preproduccion pruebas homologação "
    "homologacao homolog hml collaudo testowe testovací testovaci testmiljø testmiljoe testi testiympäristö "
    "testiymparisto teszt testkeskkond teste testes тестова тестовая тестовый тестовое тестовой тестовые",
}
# a test environment for acceptance, apart from the others of its kind: "GIS UAT" is no "GIS - Test" alone
ACCEPTANCE = frozenset(
    ["uat", "acc", "acceptatie", "acceptance", "recette", "homologação", "homologacao", "homolog", "hml"]
)
KINDS_OF = {word: kind for kind, words in KINDS.items() for word in words.split()}
# every kind's words, "Pre-Prod" as written, and a Polish catalogue's environment before its kind
POLISH = tuple(
    f"{place} {kind}" for place in ("środowisko", "srodowisko") for kind in ("testowe", "szkoleniowe")
)
ROMANIAN = ("mediu de test", "mediu de testare", "mediu de instruire")  # "- mediu de test"
KINDS_SAID = ("teste", "testes", "homologação", "homologacao", "qa", "treinamento", "pruebas")
# an environment, wherever it stands, as Portuguese and Spanish write it
PORTUGUESE = (*(f"ambiente de {kind}" for kind in KINDS_SAID), "entorno de pruebas")
# and Bulgarian's and Vietnamese's, in their letters too
SAID_SO = (*PORTUGUESE, "тестова среда", "môi trường test", "moi truong test")
ENVIRONMENTS = (*KINDS_OF, "pre-prod", *POLISH, *ROMANIAN, *SAID_SO)
# where an environment is, after its word: "test system", "dev/test accounts"
WHATS = ("environment", "system", "instance", "tenant", "region", "server", "account", "subscription")
# other languages' word for an environment, after its kind (Dutch, Czech, Turkish, Hungarian, Serbian)
PLACE_WORDS = ("omgeving", "prostředí", "prostredi", "ortamı", "ortami", "környezet", "kornyezet")
PLACE_WORDS += ("okruženje", "okruzenje", "окружење", "среда", "база")  # Serbian, Russian ("тестовая база")
WHATS += ("workspace", "cluster", "vm", "database", *PLACE_WORDS)
WHERE_WORDS = (*WHATS, *(f"{what}s" for what in WHATS))  # where production runs too: "PMS PROD tenant"
WHAT_WORDS = (*WHERE_WORDS, "copy", "copies")  # not production's: "ERP prod copy"


def one_of(words: tuple[str, ...]) -> str:
    """A regex of any of these words, the longest first; the words of a phrase apart by any spacing."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


ENVIRONMENT, WHAT = one_of(ENVIRONMENTS), one_of(WHAT_WORDS)
ENVIRONMENT_WORDS = frozenset(stem(w) for env in ENVIRONMENTS for w in normalise(env).split()) - {"prod"}
ENVIRONMENTS_SAID = ENVIRONMENT_WORDS | {"prod", "prd", "live", *PRODUCTION_WORDS}  # or production
SEVERAL = rf"(?:{ENVIRONMENT})(?:\s*(?:/|&|,|\+|\band\b)\s*(?:{ENVIRONMENT}))*"
ENDING = re.compile(
    rf"\s*[(\[]\s*(?P<inside>{SEVERAL})(?:\s+(?:{WHAT}))?\s*[)\]]\s*$"  # "(UAT/SIT)", "[TEST]"
    rf"|(?P<sep>\s*[-–—:]\s*|\s+)(?P<env>{SEVERAL})(?:\s+(?P<what>{WHAT}))?\s*$",
    re.I,
)
# an environment by its very word, whatever comes before it; "Testing", "Training", "Development" or "Dev"
# alone may be what a service does ("Penetration Testing", "Till Training", "Mobile App Dev"): only after a
# dash or in brackets, in capitals, beside another environment or before an environment's own word ("Dev"
# after an acronym too: "AD DS Dev")
ALWAYS = frozenset(
    ["uat", "sit", "qa", "qas", "sandbox", "sandboxes", "staging", "test", "preprod", "pre-prod"]
)
ALWAYS |= {"tst", "stg", "sbx", "testumgebung", "testsystem", "testmiljö", "testmiljo", "testmiljø"}
ALWAYS |= {"testmiljoe", "testiympäristö", "testiymparisto", "koulutusympäristö", "koulutusymparisto"}
# not Danish "uddannelsesmiljø" alone ("Digitalt uddannelsesmiljø" is a learning platform), nor Finnish
# "testi", Italian for texts ("Gestione testi")
ALWAYS |= {"teszt", "testkeskkond", *SAID_SO}  # Hungarian, Estonian, Brazilian …; not "koolituskeskkond",
# a learning platform too ("Moodle koolituskeskkond"), nor Bulgarian "обучителна среда"
ALWAYS |= {"homologação", "homologacao", "hml", "testovací", "testovaci"}  # not "homolog": "Gene Homolog"
ALWAYS |= {
    "тестовая",
    "тестовый",
    "тестовое",
    "тестовой",
    "тестовые",
}  # Russian's, as "test" is an adjective there
# an environment a name may give among its other words, in capitals: none that is another abbreviation too
# ("Supplier QA Portal", "VAT TRN Lookup", "Experian QAS", "PAT TEST Records", "SIT")
WITHIN = frozenset(["uat", "tst", "stg", "sbx", "dev", "preprod", "staging", "sandbox"])
PLACES = frozenset(
    ["environment", "environments", "instance", "instances", "tenant", "tenants", "copy", "copies"]
)
PLACES |= {*PLACE_WORDS, "omgevingen"}
APART = re.compile(r"[-–—:]")
# production at a name's end, as no tier writes it ("PMS prod", "AKS Production", "HR - PRD", "SITS (Live)",
# "Snowflake PROD account"); not a copy of it
NOT_BEFORE_LIVE = frozenset(["non", "pre", "not"])
WHERE = one_of(WHERE_WORDS)
LIVE_ENDING = re.compile(
    rf"(?P<sep>\s+[-–—:]\s*|\s*\(\s*|\s+)(?P<word>{PRODUCED}|prod|prd|live)(?:\s+(?:{WHERE}))?\s*\)?\s*$",
    re.I,
)
JOINED = re.compile(r"(?:\band|&|,|\+)\s*$", re.I)  # "Learning and Development": one phrase
# an environment in brackets after a name, before its scope: "Core Administration (UAT) - Enterprise"
BRACKETED = re.compile(rf"\s*\(\s*(?P<env>{one_of(tuple(ALWAYS | {'dev'}))})\s*\)(?=\s*\S)", re.I)
# or in square brackets before the name, as a CMDB marks a record: "[HOMOLOG] Sistema de recursos humanos"
LEADING = re.compile(rf"^\s*\[\s*(?P<env>{one_of(tuple(KINDS_OF))})\s*\]\s*(?=\S)", re.I)


# the words such a name may end in (ENDING's): a quick test before the regex, which every candidate of every
# portfolio name asks of (sync.scorer_ranking); "pre-prod" ends in "prod" once split at its dash
LAST_WORDS = frozenset([*ENVIRONMENTS, *(env.split()[-1] for env in ENVIRONMENTS), *WHAT_WORDS, "prod"])


def environment_of(name: str) -> tuple[str, str]:
    """The name without the environments it ends in, and those as written ("Salesforce", "sandboxes
    (UAT/SIT)"); the name and "" where it ends in none, or in a word that may be what the service does."""
    end = name.rstrip()
    while end.endswith((")", "]")):
        end = end[:-1].rstrip()
    last = end.rsplit(None, 1)[-1] if end else ""
    for sep in "/([&,+:-–—":
        if sep in last:
            last = last.rpartition(sep)[2]
    if last.lower() not in LAST_WORDS:
        return name, ""
    rest, said = name, []
    while (found := ENDING.search(rest)) and found.start() > 0:
        env = found.group("inside") or found.group("env")
        words = re.split(r"\s*(?:/|&|,|\+|\band\b)\s*", env.lower())
        apart = found.group("inside") is not None or APART.search(found.group("sep") or "")
        said_so = apart or env.isupper() or (found.group("what") or "").lower() in PLACES
        before = rest[: found.start()].split()[-1:]
        said_so = said_so or (words == ["dev"] and before[0].isupper() and len(before[0]) > 1)  # "AD DS Dev"
        if len(words) == 1 and words[0] not in ALWAYS and not said_so:
            break
        if JOINED.search(rest[: found.start()]):
            break
        if found.group("inside") and initials(normalise(rest[: found.start()]).split()) == words[0]:
            break  # the name's own initials: "Adobe Creative Cloud (ACC)", "Quality Assurance (QA)"
        said.insert(0, rest[found.start() :].strip(" -–—:"))
        rest = rest[: found.start()].rstrip(" -–—:/")
    return (rest, " ".join(said)) if said and re.search(r"\w", rest) else (name, "")


def environment_bracketed(name: str) -> tuple[str, str]:
    """A name with an environment in brackets before the rest of it, never first nor the initials of the words
    before it ("Core Administration Platform (UAT) - Enterprise", "Product Lifecycle Management (TEST)
    [Group]"), or first in square brackets ("[HOMOLOG] Sistema acadêmico"): the name without it, and it; the
    name and "" otherwise."""
    if name.startswith("[") and (leading := LEADING.match(name)):
        rest = name[leading.end() :]
        if initials(normalise(rest).split()) != leading.group("env").lower():  # "[QA] Quality Assurance"
            return rest, leading.group("env")
    found = BRACKETED.search(name) if "(" in name else None
    before = normalise(name[: found.start()]).split() if found else []
    if not found or not before or initials(before) == found.group("env").lower():
        return name, ""  # first, or the name's own initials: "Quality Assurance (QA) - Manufacturing"
    return f"{name[: found.start()]}{name[found.end() :]}", found.group("env")


def environment_within(name: str) -> tuple[str, str]:
    """A name with one environment written in capitals among its other words, never its first ("Adyen TEST
    merchant account", "Citrix UAT Farm"): the name without it, and it; the name and "" otherwise."""
    words = name.split()
    if name.upper() == name:
        return name, ""  # capitals say nothing in a name all written so ("PENETRATION TESTING SERVICE")
    found = [n for n, word in enumerate(words) if n and word.isupper() and word.lower() in ENVIRONMENTS]
    if len(found) != 1 or found[0] == len(words) - 1 or words[found[0]].lower() not in WITHIN:
        return name, ""  # two, another abbreviation too, or at its end: environment_of's
    at = found[0]
    return " ".join(words[:at] + words[at + 1 :]), words[at]


class EnvironmentReadings:
    """Mixed into sync.scorer.Scorer, whose index and rules it reads."""

    book: AliasBook
    names: list[Name]
    targets: list[Item]
    versioned: bool
    index: dict[str, dict[str, tuple[int, ...]]]
    not_live_of: dict[str, list[int]] | None = None  # a service's name → its records not in production
    not_live_read: dict[int, bool]  # `_is_not_live`'s, kept
    environments: dict[int, tuple[str, str]]  # each target's name read by environment_of, once asked
    _found: Callable[..., tuple[dict[int, Found], set[int]]]
    _as_read: Callable[[int], str]
    _tiers: Callable[[int], frozenset[str]]

    def _read_environment(self, local: Item, found: dict[int, Found], limit: int) -> None:
        """Adds to `found` the records not in production of what the name finds without the environment it
        ends in, at most at CORE, and keeps their services' live records from pre-selection."""
        if self.versioned or tiers_of(local.name):
            return
        rest, env = environment_of(local.name)
        if not env:
            rest, env = environment_within(local.name)
        if not env:
            self._read_live(local, found, limit)
            return
        reading = self.book.read(rest)
        if not reading.words:
            return
        more = self._found(reading, Item(local.key, rest), limit)[0]
        not_live, live, read = self._not_live(), set(), {}
        said = {stem(w) for w in normalise(env).split()}
        for i, (score, reasons) in more.items():
            if not said.isdisjoint(self.names[i].words):
                continue  # the service's own word: "Security Test" is a "Security Testing"
            if self._is_not_live(i):
                records, why = [i], f"read without {env}, a record of another environment"
            else:
                records = not_live.get(self.names[i].plain, [])
                why = f"read without {env}: the record of another environment of {self.targets[i].name}"
                live.add(i)
            for j in records:
                read[j] = max(read.get(j, 0), min(score, CORE))
                at, said_why = min(score, CORE), why
                if other := self._other_kind(env, j):
                    at, said_why = min(at, PRESELECT_AT - 1), f"{why}, {other}: suggested, never pre-selected"
                if j not in found or found[j][0] < at:
                    found[j] = (at, [*reasons, said_why])
        self._as_likely(read, found, env)
        for i in live & found.keys():
            if found[i][0] >= PRESELECT_AT and not_live.get(self.names[i].plain):
                score, reasons = found[i]
                reasons = [
                    *reasons,
                    f"in production, where the name gives {env}: suggested, never pre-selected",
                ]
                found[i] = (PRESELECT_AT - 1, reasons)

    def _other_kind(self, env: str, j: int) -> str:
        """Target j's environment where it is of another kind than the one a name gives ("DCIQ Training
        instance" and a "… (DCIQ) - Test", "Heron UAT" and a "… - Development"), or one for acceptance where
        the other is not ("GIS UAT" and a "… - Test", "T24 Pre-Prod" and a "… - UAT"), as "a record of
        Test"; "" where either gives none of a kind, as a "- Non-Prod" gives none."""
        theirs = self._environment(j)[1].strip("() ") or " ".join(sorted(self._tiers(j)))
        mine, kinds = kinds_of(env), kinds_of(theirs)
        if mine and kinds and mine.isdisjoint(kinds):
            return f"a record of {theirs}"
        ours, their = acceptance(env), acceptance(theirs)  # "Test/UAT" covers either
        apart = (ours == (True, False) and not their[0]) or (their == (True, False) and not ours[0])
        return f"a record of {theirs}" if mine == kinds == {"test"} and apart else ""

    def _live_meant(self, local: Item) -> str:
        """A service name ending in production as no tier writes it ("PMS prod", "LabWare Live"), read
        without it where what the rest finds, sure enough to pre-select, is a service's live record with
        records of another environment beside it: the name is its live record, as a name without a tier is
        (not its "- Gold" as another tier than a "(Prod)" would be). "" otherwise: "X prod" is no test
        record's where only that one is found."""
        rest, _ = self._production_said(local)
        if not rest:
            return ""
        more = self._found(self.book.read(rest), Item(local.key, rest), 5)[0]
        sure = [i for i, (score, _) in more.items() if score >= PRESELECT_AT]
        not_live = self._not_live()
        live = [i for i in sure if not self._is_not_live(i)]
        if live and all(self._is_not_live(i) or self._tested(self.names[i].plain, not_live) for i in sure):
            return rest  # a name without a tier: its service's live record, beside a test one
        return ""

    def _production_said(self, local: Item) -> tuple[str, str]:
        """The name without the production it ends in, as an environment, and that word as written; ("", "")
        where it ends in none, or production is what a service does: "Print Production", "Payroll pre prod",
        a target's very name ("Server Hosting - Live") or one written otherwise ("Events live")."""
        if self.versioned or tiers_of(local.name) or local.name.strip() in self.index["name"]:
            return "", ""
        found = LIVE_ENDING.search(local.name)
        if not found or normalise(local.name) in self.index["plain"]:
            return "", ""
        rest = local.name[: found.start()]
        reading = self.book.read(rest)
        if not reading.words or reading.plain.rsplit(" ", 1)[-1] in NOT_BEFORE_LIVE:
            return "", ""
        word, apart, last = found.group("word"), found.group("sep").strip(), rest.split()[-1]
        capitals = local.name.upper() != local.name  # say nothing in a name all in capitals
        ordinary = (
            word.lower() in (*PRODUCTION_WORDS, "live") and not apart and not (capitals and word.isupper())
        )
        acronym = capitals and last.isupper() and len(last) >= 3  # "AKS Production"; not "TV Production"
        branded = last.isalpha() and not (last.islower() or last.istitle() or last.isupper())  # "RiO Live"
        product = acronym or branded or (len(last) >= 3 and not is_english(reading.plain.rsplit(" ", 1)[-1]))
        return ("", "") if ordinary and not product else (rest, word)

    def _read_live(self, local: Item, found: dict[int, Found], limit: int) -> None:
        """Adds to `found` the live records of what the name finds without the production it ends in, where
        nothing is sure enough to read it so (`_live_meant`): "NetSuite prod" finds the "Finance ERP - Gold"
        whose description mentions NetSuite, as "NetSuite" does, but not its "- Non-Prod"; only suggested.
        None where what the rest finds is only another environment's records."""
        if any(score >= PRESELECT_AT for score, _ in found.values()):
            return
        rest, word = self._production_said(local)
        if not rest:
            return
        for i, (score, reasons) in self._found(self.book.read(rest), Item(local.key, rest), limit)[0].items():
            score = min(score, PRESELECT_AT - 1)
            if not self._is_not_live(i) and (i not in found or found[i][0] < score):
                found[i] = (score, [*reasons, f"read without {word}: suggested, never pre-selected"])

    def _tested(self, plain: str, not_live: dict[str, list[int]]) -> bool:
        """Whether a service, or a service of two words or more its name begins with, has a record of another
        environment, so that production said after a name is an environment, not what a service does: the
        "Restaurant POS - Simphony (US) - Gold" beside a "Restaurant POS - Simphony - Non-Production" (not
        every "SAP …" service beside one "SAP - Non-Production")."""
        words = plain.split()
        return plain in not_live or any(
            " ".join(words[:size]) in not_live for size in range(len(words), 1, -1)
        )

    def _as_likely(self, read: dict[int, int], found: dict[int, Found], env: str) -> None:
        """Where the name without its environment finds two services' records of it as likely, the words of
        the environment tell neither apart: "SAP Test Systems" is no more the "Customer Billing - Non-Prod"
        described "SAP IS-U test copies" than the "Finance - Non-Prod" of "SAP quality systems"."""
        top = max(read.values(), default=0)
        likeliest = [j for j, score in read.items() if score == top]
        if len({self._service(j) for j in likeliest}) < 2:
            return
        for j in likeliest:
            score, reasons = found[j]
            if score > top:
                other = next(self.targets[k].name for k in likeliest if self._service(k) != self._service(j))
                found[j] = (top, [*reasons, f"as likely as {other}, read without {env}"])

    def _environment(self, j: int) -> tuple[str, str]:
        """Target j's name as read (`_as_read`) without the environments it ends in, and those
        (environment_of): asked of the same candidates again and again, so kept."""
        found = self.environments.get(j)
        if found is None:
            read = self._as_read(j)
            found = environment_of(without_tiers(read))  # "- Test - Tier 3": the test record of tier 3
            self.environments[j] = found = found if found[1] else environment_bracketed(read)
        return found

    def _service(self, j: int) -> str:
        """Target j's service: its name as normalised, its tier or environment read away."""
        return normalise(self._environment(j)[0])

    def _not_live(self) -> dict[str, list[int]]:
        """The records not in production by their service's name as normalised (its tier read away), read
        once a portfolio name gives an environment."""
        if self.not_live_of is None:
            self.not_live_of = defaultdict(list)
            for j in range(len(self.targets)):
                if self._tiers(j) & NOT_LIVE:
                    self.not_live_of[self.names[j].plain].append(j)
                elif (rest := self._environment(j)[0]) != self._as_read(j):
                    self.not_live_of[normalise(rest)].append(j)
        return self.not_live_of

    def _says_environment(self, words: set[str]) -> bool:
        """Whether these stemmed words give an environment, production too: read apart from a name, never
        as noise (sync.scorer_details: "NetSuite prod")."""
        return not ENVIRONMENTS_SAID.isdisjoint(words)

    def _is_not_live(self, i: int) -> bool:
        """Whether target i is a record of an environment not in production, by its tier ("- Non-Prod",
        "(UAT)") or the environment its name ends in ("- Dev", "(Test)"). Kept: asked of each candidate
        again and again."""
        found = self.not_live_read.get(i)
        if found is None:
            found = self.not_live_read[i] = bool(self._tiers(i) & NOT_LIVE) or bool(self._environment(i)[1])
        return found


def acceptance(environment: str) -> tuple[bool, bool]:
    """Whether these words give an acceptance environment (ACCEPTANCE: "UAT2" too), and another test one."""
    words = [w for w in re.findall(r"[^\W\d_]+", environment.lower()) if KINDS_OF.get(w) == "test"]
    return any(w in ACCEPTANCE for w in words), any(w not in ACCEPTANCE for w in words)


def kinds_of(environment: str) -> set[str]:
    """The kinds of environment these words give (KINDS_OF): "Dev/Test" gives dev and test; their accents
    folded, as Turkish capitals lower to a dot apart ("EĞİTİM")."""
    text = re.sub(r"\bpre[- ]?prod", "preprod", environment.lower())  # "Pre-Prod", a tier's "pre prod"
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return {KINDS_OF[w] for w in re.findall(r"[^\W\d_]+", text) if w in KINDS_OF}
