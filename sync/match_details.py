"""Portfolio names that a target record's description or classification names: "Exchange Online" in
"Exchange Online mailboxes and calendars", "Qualtrics" in "online surveys and forms (Qualtrics)". Such a
mention nominates the record as a candidate even when the names share no word.

A mention is a run of the description's words equal to the portfolio name's. It is a proper name when its
words are written with capitals (an acronym or "DocuSign" anywhere; a plain capital not as a sentence's first
word, and not in a Title Case text such as "Business Service Offering"). It leads when it opens a sentence, or
follows only capitalised words there that the scorer finds to be its maker's ("IBM Maximo for …", a product of
the dictionary; not "Nightly Workday feed"), or stands in brackets: what a service is delivered with. A proper
name met elsewhere ("a nightly feed from Workday", "replaced Splunk") is often another system, so only a
leading one may be pre-selected (see sync.scorer). A leading word also explains a word of a portfolio name
that the target's name lacks ("Intune Device Management" = "Mobile Device Management (… Intune)").
"""

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from sync.match_names import words_of
from sync.match_rules import is_english, stem
from sync.matching import normalise

TOKEN = re.compile(r"[^\W_]+(?:[.+-][^\W_]+)*|[()&]")  # "&" is "and", as names normalise it
# details are joined by "; ": each value starts a text; "ehem." (a German catalogue's "formerly") ends none
SENTENCE = re.compile(r"(?<!\behem)[.;:|!?\n]+\s", re.I)
LABEL_WORDS = 3  # a codename's sentence, of at most so many words, labels the details: "Codename Orbit."
# the words a codename's label opens with, as normalised: "programme Boussole"
LABELLING = frozenset(["program", "project", "projekt", "codename", "code"])
MENTIONS_AT_MOST = 25  # a word in more descriptions than this tells none of them apart
# what a description says a service is not for, in a few words: "Wi-Fi in offices (not on factory floors)";
# not "not only", "whether or not", nor past a dash, "but", "with" or "using" ("not encrypted but replicated")
NEGATED = re.compile(
    r"(?<!\bor )\b(?:not|except|excluding)\b(?!\s+only\b)"
    r"(?:\s+(?!(?:but|with|using)\b)[^\s,;:.()|–—-][^\s,;:.()|–—]*){1,4}",
    re.I,
)


def without_negated(text: str) -> str:
    """A target's details without what they say the service is not, or leaves out ("802.1X staff Wi-Fi
    in offices (not on factory floors)" gives no "factory floor"): no evidence for a portfolio name."""
    if not text or ("not" not in (low := text.lower()) and "xcept" not in low and "xcluding" not in low):
        return text  # most details, at once
    return NEGATED.sub("", text)


@dataclass(frozen=True)
class Mention:
    target: int
    proper: bool  # written as a name
    leads: bool  # opens a sentence or stands in brackets
    opening: bool = False  # one plain capitalised word opening a sentence: a name only if nothing knows it
    # the capitalised words before it that make it lead, if they are its maker's (sync.scorer_details)
    maker: tuple[str, ...] = ()
    # it opens a longer name in another language, two capitalised words more: "Kredit Usaha Rakyat"
    longer: bool = False


def as_written(word: str, shown: str) -> str:
    """A normalised, stemmed word as the name writes it ("antiviru" → "Antivirus"), for a reason."""
    return next((raw for raw in re.findall(r"[^\W_]+", shown) if word in words_of(raw)), word)


class Word(NamedTuple):
    text: str  # normalised
    capital: int  # 0 lower case (or a capital proving nothing), 1 a capital or number, 2 "EDR", "NetID"
    opens: bool  # a sentence's first word
    bracketed: bool
    sentence: int = 0  # which sentence of the text
    after: str = ""  # the word it follows as written, lower case, stop words too ("from", "to")


class Mentions:
    """An index of the targets' details, word by word, built once per pull."""

    def __init__(self, details: list[str]) -> None:
        self.details = details
        self.texts: dict[int, tuple[Word, ...]] = {}  # read when a mention is looked for
        self.postings: dict[str, set[int]] = defaultdict(set)
        # stem → {target: only as a plain capital opening a sentence, which proves less}
        self.leading: dict[str, dict[int, bool]] = defaultdict(dict)
        self.spelled: dict[str, str] = {}  # a leading word as written ("os" → "OS")
        for i, text in enumerate(details):
            if text:
                self._file(i, text)
        self.heads: dict[str, frozenset[int]] = {}  # a word → the targets with it only in compounds
        self.stemmed: dict[str, list[str]] = defaultdict(list)  # "patch" → ["patching"]
        for word in self.postings:
            if (key := stem(word)) != word:
                self.stemmed[key].append(word)

    def _file(self, i: int, text: str) -> None:
        """Files target i's words, and those that lead: `parts`, read only as far as the index needs, as
        it reads every word of 10,000 descriptions (most words neither open a sentence nor stand in
        brackets)."""
        postings, leading = self.postings, self.leading
        for sentence in SENTENCE.split(f"{text} "):
            found = TOKEN.findall(sentence)
            depth, opens, title = 0, True, None
            for raw in found:
                if raw in "()":
                    depth = max(0, depth + (1 if raw == "(" else -1))
                    continue
                words = words_in(raw)
                for word in words:
                    postings[word].add(i)
                if opens or depth:
                    capital = mark_of(raw)
                    if capital == 1:
                        title = in_title_case(found) if title is None else title
                        capital = 0 if title else 1
                    for word in words if capital else ():
                        key = stem(word)
                        opened = leading[key].get(i, True)
                        leading[key][i] = opened and opens and not depth and capital == 1
                        self.spelled.setdefault(key, raw)
                opens = False

    def has(self, word: str, i: int) -> bool:
        """Whether target i's details have this stemmed word."""
        return i in self.postings.get(word, ()) or any(
            i in self.postings[o] for o in self.stemmed.get(word, ())
        )

    def having(self, word: str) -> set[int]:
        """The targets whose details have this stemmed word."""
        found = self.postings.get(word, set())
        for other in self.stemmed.get(word, ()):
            found = found | self.postings[other]
        return found

    def heading(self, word: str) -> frozenset[int]:
        """The targets whose details write this word only as the first part of a longer word no English
        dictionary has, as Danish, German, Dutch and Swedish compounds are written ("Pas- og
        kørekortsagsbehandling"; not "Accountants" for "Account"); each word read once."""
        if len(word) < 5:
            return frozenset()
        found = self.heads.get(word)
        if found is None:
            keys = [k for k in self.postings if len(k) > len(word) + 2 and k.startswith(word)]
            compounds = frozenset(i for key in keys if not is_english(key) for i in self.postings[key])
            found = self.heads[word] = compounds - self.having(word)
        return found

    def count(self, word: str) -> int:
        """How many descriptions have this stemmed word (each counted once per spelling)."""
        return len(self.postings.get(word, ())) + sum(
            len(self.postings[o]) for o in self.stemmed.get(word, ())
        )

    def proper_as_written(self, written: str, besides: list[int]) -> bool:
        """Whether a word as written, with its capital ("Teams", which reads as "team"), is a proper name in
        the details of a target besides these."""
        spelled = re.compile(rf"\b{re.escape(written)}\b")
        return written[:1].isupper() and any(
            m.proper and m.target not in besides and spelled.search(self.details[m.target])
            for m in self.of(tuple(normalise(written).split()))
        )

    def as_spelled(self, word: str, shown: str) -> str:
        """A word the description gives, as the portfolio name writes it, or as the details write it where
        it came of an alias ("EXO": "Exchange"), or as read."""
        if word in words_of(shown):
            return as_written(word, shown)
        raw = self.spelled.get(word, word)
        return raw if words_of(raw) == (word,) else word

    def in_a_row(self, words: list[str], among: list[int]) -> bool:
        """Whether the details of one of these targets give these words in a row."""
        return any(m.target in among for m in self.of(tuple(words)))

    def text(self, i: int) -> tuple[Word, ...]:
        if i not in self.texts:
            self.texts[i] = tuple(Word(*f[:4], *f[5:]) for f in read(self.details[i] or ""))
        return self.texts[i]

    def of(self, words: tuple[str, ...]) -> list[Mention]:
        """The targets whose details contain these normalised words in a row."""
        if not words or any(w not in self.postings for w in words):
            return []
        postings = sorted((self.postings[w] for w in words), key=len)
        if len(postings[0]) > MENTIONS_AT_MOST:
            return []
        found = postings[0].intersection(*postings[1:])
        size = len(words)
        result = []
        for i in sorted(found):
            text = self.text(i)
            starts = [
                s for s in range(len(text) - size + 1) if tuple(w.text for w in text[s : s + size]) == words
            ]
            if starts:
                best = max(
                    (
                        mention_of(
                            i, text[s : s + size], text[max(0, s - 3) : s], text[s + size : s + size + 2]
                        )
                        for s in starts
                    ),
                    key=lambda m: (m.proper, m.leads, not m.opening),
                )
                result.append(best)
        return result


def read(text: str) -> Iterator[tuple[str, int, bool, bool, str, int, str]]:
    """The fields of a Word, then the word as written, its sentence and the word before it, for each word
    of the text, sentence by sentence."""
    for raw, capital, opens, bracketed, number, before in parts(text):
        for word in words_in(raw):
            yield word, capital, opens, bracketed, raw, number, before


def parts(text: str) -> Iterator[tuple[str, int, bool, bool, int, str]]:
    """Each part of the text as written (a word, or words joined by ".", "+" or "-"), with its capital
    mark, whether it opens its sentence or stands in brackets, its sentence and the part before it (plain
    tuples: an index of 10,000 descriptions reads every part)."""
    for number, sentence in enumerate(SENTENCE.split(f"{text} ")):
        found = TOKEN.findall(sentence)
        title = in_title_case(found)
        depth, position, before = 0, 0, ""
        for part in found:
            if part in "()":
                depth = max(0, depth + (1 if part == "(" else -1))
                continue
            capital = mark_of(part)
            if title and capital == 1:
                capital = 0
            yield part, capital, position == 0, depth > 0, number, before
            position, before = position + 1, part.lower()


def in_title_case(found: list[str]) -> bool:
    """Whether a sentence's parts (`TOKEN`'s) are written in Title Case, three words or more, where a
    capital says nothing ("Business Service Offering")."""
    raws = [t for t in found if t not in "()"]
    return len(raws) >= 3 and all(r[:1].isupper() or not r[:1].isalpha() for r in raws)


def mention_of(
    i: int, run: tuple[Word, ...], before: tuple[Word, ...] = (), after: tuple[Word, ...] = ()
) -> Mention:
    """`before`, `after`: a few words before the run and the two after it: a maker's name opening the
    sentence leads it too ("IBM Maximo for substation maintenance", "SAP Concur travel and expenses"; not
    "Microsoft Teams Phone" for "Teams", the start of another name, nor a product the name is for: "Veeam
    Backup for Microsoft 365")."""
    proper = all(w.capital for w in run)
    maker = [w for w in before if w.sentence == run[0].sentence]
    made = bool(maker) and maker[0].opens and all(w.capital and not w.bracketed for w in maker)
    made = (
        made
        and not any(  # a number after it is its version: "Ocuco Acuitas 3 patient records"
            w.capital and w.sentence == run[0].sentence and not w.text.isdigit() for w in after[:1]
        )
    )
    made = made and proper and not run[0].bracketed and run[0].after != "for"  # `after`: the word before it
    leads = run[0].opens or all(w.bracketed for w in run)
    opening = len(run) == 1 and run[0].opens and run[0].capital == 1 and not run[0].bracketed
    # a longer name in another language opens the sentence ("Kredit Usaha Rakyat"; not "Sage Intacct")
    longer = opening and len(after) == 2 and all(_foreign_capital(w, run[0].sentence) for w in after)
    made_by = tuple(w.text for w in maker) if made and not leads else ()
    return Mention(i, proper, leads or made, opening, made_by, longer)


def _foreign_capital(word: Word, sentence: int) -> bool:
    """A plain capitalised word of the sentence no English has ("Usaha"; not "Asset", "HCM", "2"), as
    normalised: "Plus" is "plu"."""
    text = word.text
    return (
        word.capital == 1
        and word.sentence == sentence
        and text.isalpha()
        and not is_english(text + "s")
        and not is_english(text)
    )


@lru_cache(maxsize=100_000)
def mark_of(raw: str) -> int:
    """2: written as a name wherever it stands ("EDR", "DocuSign", "NetID"); 1: a capital or a number;
    0: lower case."""
    rest = raw[1:]
    if rest and (raw.isupper() or rest != rest.lower()):
        return 2
    return int(raw[:1].isdigit() or raw[:1].isupper() or raw == "&")  # "Backup & Replication": as named


@lru_cache(maxsize=100_000)
def words_in(part: str) -> tuple[str, ...]:
    return tuple(normalise(part).split())


def labels_of(text: tuple[Word, ...]) -> set[int]:
    """The sentences of details (`Mentions.text`) that label them with a codename, said of every sentence:
    "Codename Orbit.", "…; programme Boussole; …", or one word in capitals: "FORGE: Siemens Teamcenter …"."""
    sizes: dict[int, int] = {}
    first: dict[int, Word] = {}
    for w in text:
        sizes[w.sentence] = sizes.get(w.sentence, 0) + 1
        first.setdefault(w.sentence, w)
    return {
        n
        for n, size in sizes.items()
        if (size <= LABEL_WORDS and first[n].text in LABELLING) or (size == 1 and first[n].capital == 2)
    }
