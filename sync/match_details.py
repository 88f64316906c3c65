"""Portfolio names that a target record's description or classification names: "Exchange Online" in
the description of "Microsoft 365 Email", "Canvas" in that of "Learning Management System". Such a
mention nominates the record as a candidate even when the names share no word.

A mention is a run of the description's words equal to the portfolio name's. It is a proper name when
each of its words is written with a capital or is a number, not merely because it opens the text, or when
it is an acronym ("EDR"); only a proper name that one target alone mentions may be pre-selected (see
sync.scorer); "backup" in "snapshots and backup" is a suggestion at most, and so is "Epic" in "Epic
inpatient modules": the capital of a text's first word proves nothing.
A word written as a name ("PaperCut", "(Intune)") also explains a word of a portfolio name that the
target's name lacks ("Intune Device Management" = "Mobile Device Management").
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from sync.matching import normalise

TOKEN = re.compile(r"[^\W_]+(?:[.+-][^\W_]+)*")


@dataclass(frozen=True)
class Mention:
    target: int
    proper: bool


class Mentions:
    """An index of the targets' details, word by word, built once per pull."""

    def __init__(self, details: list[str]) -> None:
        self.texts: list[tuple[tuple[str, ...], tuple[int, ...]]] = []  # words; 0 lower, 1 capital, 2 name
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.names: dict[str, set[int]] = defaultdict(set)  # a word written as a name → targets
        self.spelled: dict[str, str] = {}  # such a word as written ("os" → "OS")
        for i, text in enumerate(details):
            words, capitals = [], []
            for position, raw in enumerate(TOKEN.findall(text or "")):
                mark = mark_of(raw)
                for word in normalise(raw).split():
                    words.append(word)
                    capitals.append(mark)
                    self.postings[word].add(i)
                    if mark == 2 or (mark and position):
                        self.names[word].add(i)
                        self.spelled.setdefault(word, raw)
            self.texts.append((tuple(words), tuple(capitals)))

    def of(self, words: tuple[str, ...]) -> list[Mention]:
        """The targets whose details contain these normalised words in a row."""
        if not words or any(w not in self.postings for w in words):
            return []
        postings = sorted((self.postings[w] for w in words), key=len)
        found = postings[0].intersection(*postings[1:])
        size = len(words)
        result = []
        for i in sorted(found):
            text, capitals = self.texts[i]
            starts = [s for s in range(len(text) - size + 1) if text[s : s + size] == words]
            if starts:
                result.append(Mention(i, any(proper(capitals[s : s + size], s) for s in starts)))
        return result


def mark_of(raw: str) -> int:
    """2: written as a name wherever it stands ("EDR", "DocuSign", "NetID"); 1: a capital or a number
    (a name, unless it opens the text); 0: lower case."""
    if len(raw) > 1 and (raw.isupper() or any(c.isupper() for c in raw[1:])):
        return 2
    return int(raw[:1].isdigit() or raw[:1].isupper())


def proper(capitals: tuple[int, ...], start: int) -> bool:
    """Capitals on every word; the opening word of a text counts only as an acronym or with others."""
    return all(capitals) and (start > 0 or len(capitals) > 1 or capitals[0] == 2)
