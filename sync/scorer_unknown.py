"""A portfolio name read without the words no target record has (sync.scorer): another language's words
around a product's name ("Rimborsi spese Concur", "SAP PM - ordini di manutenzione impianti") tell no record
apart, so what the rest of the name finds is suggested, never pre-selected."""

import re
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz import fuzz, process

from sync.match_acronyms import initials
from sync.match_details import Mentions
from sync.match_dictionary import NOISE
from sync.match_letters import SOUNDED_LETTERS, UNSPELLED, UNSPELLED_LETTERS, UNSPELLED_WORD
from sync.match_names import AliasBook, Name
from sync.match_products import named_words, product_words, products_in, shipped_products
from sync.match_rules import is_english, stem
from sync.match_tiers import TIER_ENDINGS, tiers_of
from sync.matching import Candidate, Item, Matcher, normalise, preselect
from sync.scorer_environments import ENVIRONMENT_WORDS, ENVIRONMENTS_SAID
from sync.scorer_names import LEXICAL_CAP, PRESELECT_AT
from sync.scorer_retired import OLD

Token = tuple[str, list[str]]  # a word of the name as written, and its words as normalised
TRANSLITERATED = re.compile(f"[{SOUNDED_LETTERS}{UNSPELLED_LETTERS}]")  # Greek, Cyrillic, Hangul, …
LATIN = re.compile("[A-Za-z]")
GONE = "\x00"  # a run of words left out, where it was (`_without_unspelled`)
STRAY = frozenset("+&,")  # what joined words left out to the rest (`_without_unspelled`)
# a record old or new, other than the one in use: "RIS - old", "RIS - legacy", "RIS - nuevo"
NEW = "new|nuevo|nueva|nouveau|nouvelle|neu|neue|neuer|novo|nova|nowy|nieuw|ny|nye|uusi|yeni|ndogo"
AGED = re.compile(rf"\b(?:{OLD}|{NEW}|legacy|archived?|retired|decommissioned)\b", re.I)
# what makes a record another copy or environment of a service: "RIS - DR", "RIS - QA", "ERP - replica"
NOT_LIVE_WORDS = ENVIRONMENT_WORDS | frozenset(
    normalise(
        "dr disaster recovery replica standby failover secondary mirror clone copy backup instance pilot "
        "demo poc staging environment environments nonprod"
    ).split()
)
PRODUCTION = ENVIRONMENTS_SAID - ENVIRONMENT_WORDS  # "prod", "prd", "live", "production"
NUMBERED = re.compile(r"^v?\d+(?:\.\d+)*$")  # "RIS - 2", "- v2": another copy
# an acronym, then after a dash what the service does: "RIS - xray bookings & reports"
ACRONYM_HEAD = re.compile(r"^\s*([A-Z][A-Z0-9&]{1,6})\s+[-–—:]\s+(\S.*)$")
GLOSS_APART = re.compile(r"(\s*[:/()]\s*|\s+[-–—]\s+)")
# words in a row in the letters of sync.match_letters' UNSPELLED (Hangul, Hebrew, Arabic, Georgian, …)
UNSPELLED_RUN = re.compile(f"[{UNSPELLED_LETTERS}][{UNSPELLED_WORD}]*(?:\\s+[{UNSPELLED_WORD}]+)*")


class UnknownWords:
    """Mixed into sync.scorer.Scorer, whose index and candidates it reads."""

    versioned: bool
    whole: bool
    book: AliasBook
    lexical: Matcher
    mentions: Mentions | None
    retired: "UnknownWords | None"
    targets: list[Item]
    names: list[Name]
    positions: dict[str, int]  # a target's key → its index, once asked (`_position`)
    _candidates: Callable[..., list[Candidate]]

    def _read_known(
        self, local: Item, ranked: list[Candidate], limit: int, taken: dict[str, str] | None
    ) -> list[Candidate]:
        """`ranked` with what the name finds without the words no record has, where no rule found anything
        (only likeness), each capped below pre-selection and never pre-selected: the words left out may
        say which of the records it is, or that it is none of them."""
        if self.versioned or not self.whole or any(c.score > LEXICAL_CAP for c in ranked):
            return ranked
        read = self._unknown_read(local.name)
        if read is None:
            return ranked
        rest, unknown, named = read
        found = self._candidates(Item(local.key, rest), limit, taken)
        if not named and not any(c.score >= PRESELECT_AT and c.preselectable for c in found):
            return ranked  # what is left tells no record apart: "Koelcontainer Monitoring"
        merged = {c.target_id: c for c in ranked}
        why = f"read without {unknown}, which no record has: suggested, never pre-selected"
        for c in found:
            score = min(c.score, PRESELECT_AT - 1)
            if c.score > LEXICAL_CAP and (c.target_id not in merged or merged[c.target_id].score < score):
                merged[c.target_id] = replace(c, score=score, preselectable=False, reasons=(*c.reasons, why))
        return sorted(merged.values(), key=lambda c: -c.score)[:limit]

    def _read_headed(
        self, local: Item, ranked: list[Candidate], limit: int, taken: dict[str, str] | None
    ) -> list[Candidate]:
        """`ranked`, or, where no rule found a sure candidate for a service named by an acronym and, after a
        dash, what it does ("RIS - xray bookings & reports", "CPOE - kauka orders"), the record the acronym
        alone pre-selects, as sure as what follows lets it be (`_headed_as`): unlike words no record has
        among a name's (`_read_known`), another language's words after an acronym's dash explain it. Not
        where they spell the acronym out ("ESS - employee self service"): the rules have read that already."""
        headed = ACRONYM_HEAD.match(local.name)
        if (
            headed is None
            or self.versioned
            or not self.whole
            or any(c.score >= PRESELECT_AT and c.preselectable for c in ranked)
        ):
            return ranked
        acronym, rest = headed.groups()
        if initials(normalise(rest).split()) == acronym.lower():
            return ranked
        best = preselect(self._candidates(Item(local.key, acronym), limit, taken), PRESELECT_AT)
        if best is None or (at := self._position(best.target_id)) is None:
            return ranked
        merged = {c.target_id: c for c in ranked}
        merged[best.target_id] = self._headed_as(best, at, local.name, rest)
        return sorted(merged.values(), key=lambda c: -c.score)[:limit]

    def _headed_as(self, found: Candidate, i: int, name: str, rest: str) -> Candidate:
        """What an acronym found (target i), read with what follows its dash (`rest`): as found where target
        i's name or details have each of its words, or where those it lacks are another language's words no
        record has ("CPOE - kauka orders"); only suggested, after what the rules found, where it gives no
        word of its own ("RIS - B"), English words target i lacks ("RIS - upgrade"), or another record's
        words, a product, a tier, an environment not in production, another copy, a number or a record old
        or new may be meant ("QCS - Paper Machine 2" beside a "Paper Machine 1 Drives", "SAP - HANA", "SOC -
        business hours only" beside a "SOC - 24x7", "RIS - Test", "RIS - DR", "RIS - v2", "RIS - nuevo")."""
        theirs = {*self.names[i].words, *self.names[i].plain.split()}
        mentions = self.mentions

        def told(word: str) -> bool:  # by target i's name or details
            return word in theirs or stem(word) in theirs or bool(mentions and mentions.has(stem(word), i))

        said = normalise(rest).split()
        # not another language's little words, nor production's, which the live record is
        words = [w for w in said if len(w) > 2 and w not in self.book.generic and w not in PRODUCTION]
        lacks = [w for w in words if not told(w)]
        # a product neither target i's name nor its details give: "SAP - HANA" beside an "SAP ERP"
        named = [p for p in products_in(product_words(name)) if not all(map(told, normalise(p.name).split()))]
        other = (
            not (words or PRODUCTION.intersection(said))
            or bool(tiers_of(rest) or tiers_of(name))
            or bool(NOT_LIVE_WORDS.intersection(said) - theirs)
            or bool(AGED.search(rest))
            or bool(named)
            or any(
                w in shipped_products()
                or w in self.lexical.postings
                or (mentions and mentions.having(stem(w)))
                or NUMBERED.match(w)
                or is_english(w)
                for w in lacks
            )
        )
        if not other:
            why = (
                f"read without {rest}, which no record has"
                if lacks
                else f"its details say what follows: {rest}"
            )
            return replace(found, reasons=(*found.reasons, why))
        why = f"read without {rest}: suggested, never pre-selected"
        score = min(found.score, LEXICAL_CAP)  # after what the rules found for the whole name
        return replace(found, score=score, preselectable=False, reasons=(*found.reasons, why))

    def _position(self, key: str) -> int | None:
        """Where the target of this key is among `targets`; built once asked, as few names need it."""
        if not self.positions:
            self.positions.update((t.key, n) for n, t in enumerate(self.targets))
        return self.positions.get(key)

    def _without_gloss(self, name: str) -> str:
        """The name without its parts, apart by a colon, a slash, a dash or brackets, in Greek, Cyrillic or
        sync.match_letters' UNSPELLED letters (Hangul, Hebrew, Arabic, …) alone beside one in Latin letters,
        where no alias reads them: a gloss, which translates it ("Service Desk: Служба поддержки"); not such
        words among others ("LAN Пловдив"), nor a name the dictionary knows ("Ενδοδίκτυο (SharePoint)" is an
        intranet), nor beside an install's noise alone ("1С:Предприятие 8 (64-bit)")."""
        if not TRANSLITERATED.search(name) or not LATIN.search(name):
            return name  # most names, at once
        parts = GLOSS_APART.split(name)
        if not any(LATIN.search(p) and not TRANSLITERATED.search(p) and not _noise(p) for p in parts[::2]):
            return name
        kept = [
            ""
            if n % 2 == 0 and not LATIN.search(p) and TRANSLITERATED.search(p) and not self.book.read(p).fired
            else p
            for n, p in enumerate(parts)
        ]
        return re.sub(r"\(\s*\)", "", "".join(kept)).strip(" -–—:/") or name

    def _without_unspelled(self, name: str) -> str:
        """The name without its runs of words that no alias reads in the letters of sync.match_letters'
        UNSPELLED (Hangul, Hebrew, Arabic, Georgian, Armenian, the Indic scripts, Ethiopic, Thai, and
        Japanese, not read at all), beside words in Latin letters: IT staff write what a system is for
        around its acronym or product ("천안 사무실 LAN", "SPC 공정관리", "LAN מטה ת״א"), in words no
        English catalogue has, and these letters spell none of its words; those the dictionary reads stay
        ("VPN 원격 접속" is a remote access VPN, "백업 Gold" Backup's Gold tier). A "+" or "&" left alone
        goes too ("بکاپ Veeam + تیپ"), or one before words left out ("ກ້ອງວົງຈອນປິດ ໂຮງງານ + ບໍ່"), not one of a
        name's ("Apple TV+ 配信")."""
        if not UNSPELLED.search(name) or not LATIN.search(name):
            return name  # most names, at once
        read = UNSPELLED_RUN.sub(lambda run: self._aliased_words(run.group()) or f" {GONE} ", name)
        words = re.sub(rf"\(\s*{GONE}?\s*\)", "", read).split()
        words = [w for n, w in enumerate(words) if w not in STRAY or GONE not in words[n + 1 : n + 2]]
        words = [w for w in words if w != GONE]
        while words and words[-1] in STRAY:
            words.pop()
        while words and words[0] in STRAY:
            words.pop(0)
        return " ".join(words).strip(" -–—:/") or name

    def _aliased_words(self, run: str) -> str:
        """The words of a run in such letters that an alias reads, the others left out ("كاميرات المراقبة
        العين" is CCTV, Al Ain's unread), each word kept where any word it reads as is an alias's; and its
        numbers ("Office ৩৬৫")."""
        words = run.split()
        owners = [n for n, word in enumerate(words) for _ in normalise(word).split()]
        said = tuple(stem(token) for word in words for token in normalise(word).split())
        kept = {owners[at] for at in self.book.phrased(said, alone=True)}
        return " ".join(word for n, word in enumerate(words) if n in kept or word.isdigit())

    def _unknown_read(self, name: str) -> tuple[str, str, bool] | None:
        """The name without the words no record's name or details has, nor the dictionary, nor English,
        written as a language writes words (not a code's capitals, "GTECH", nor a brand's, "InsuranceSuite"),
        those words, and whether what is left names something (`_names_one`); None where every word is known
        or a word left out may be a slip of a record's ("Sharepoint Onine")."""
        if all(w in self.lexical.postings or not w.isalpha() for w in normalise(name).split()):
            return None  # most names, at once
        said = normalise(name).split()
        phrased = {said[n] for n in self.book.phrased(tuple(map(stem, said)))}
        known_word = self._known_word()
        rest, unknown = known_part(name, lambda w: w in phrased or known_word(w))
        if not unknown or not rest:
            return None
        choices = self.lexical.words_read()
        for word in (w for _, words in unknown for w in words if len(w) > 3 and not known_word(w)):
            if process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=80):
                return None
        shown = " ".join(t for t, _ in rest).strip(" -–—:/")
        return shown, ", ".join(t for t, _ in unknown), self._names_one(rest)

    def _names_one(self, rest: list[Token]) -> bool:
        """Whether the words left name a product or a system: a word no English has ("Tavant"), one the
        dictionary has as a name of its own, an acronym written in capitals ("SAP PM"), or a product of the
        dictionary ("Exchange Online")."""
        book, said = self.book, [w for _, words in rest for w in words]
        plain = book.vocabulary | book.generic | book.loose | ENVIRONMENTS_SAID
        named = {w for w in said if w not in plain and len(w) >= 2}
        return (
            any(not is_english(w) or (w,) in book.phrases for w in named)
            or any(t.isupper() and len(t) >= 2 and not named.isdisjoint(words) for t, words in rest)
            or bool(products_in(product_words(" ".join(said))))
        )

    def _known_word(self) -> Callable[[str], bool]:
        """Whether a word is one a record has (the retired ones too, read apart), in its name or details, or
        the dictionary, an environment, a tier or English has: no other language's."""
        scorers = [self, *([self.retired] if self.retired else [])]
        indexes = [s.lexical.postings for s in scorers] + [s.mentions.postings for s in scorers if s.mentions]
        lists = (ENVIRONMENTS_SAID, self.book.alone, self.book.generic, TIER_ENDINGS)
        named, phrased = named_words(), self.book.phrase_only

        def known(word: str) -> bool:
            return (
                any(word in words for words in (*indexes, *lists))
                or (word in named and word not in phrased)
                or not word.isalpha()
                or is_english(word)
            )

        return known


def known_part(name: str, known: Callable[[str], bool]) -> tuple[list[Token], list[Token]]:
    """The name's words as written that are known, and the others: a word is unknown when `known` says so and
    it is written as a language writes words; little words (three letters or fewer) only between unknown
    ones ("ordini e di manutenzione"), never beside a known one ("SAP PM") nor at an end ("Viz One …")."""
    tokens = [(t, normalise(t).split()) for t in name.split()]
    words = [w for _, ws in tokens for w in ws]
    written = [t.islower() or t.istitle() for t, ws in tokens for _ in ws]
    little = [len(w) <= 3 and written[n] and w.isalpha() for n, w in enumerate(words)]
    kept = [little[n] or known(w) or not written[n] for n, w in enumerate(words)]
    n = 0
    while n < len(words):  # a run of little words between unknown ones goes too: "ordini e di spese"
        end = next((m for m in range(n, len(words)) if not little[m]), len(words))
        if n < end < len(words) and n > 0 and not kept[n - 1] and not kept[end]:
            kept[n:end] = [False] * (end - n)
        n = end + 1
    rest, unknown, n = [], [], 0
    for token, ws in tokens:
        (rest if all(kept[n : n + len(ws)]) else unknown).append((token, ws))
        n += len(ws)
    return rest, unknown


def _noise(part: str) -> bool:
    """Whether a part of a name is an install's noise alone, as brackets give it: "64-bit", "x64", "RU"."""
    return all(w in NOISE or w.isdigit() for w in normalise(part).split())
