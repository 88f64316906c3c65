"""The scorer's evidence from a target's description or classification (sync.match_details): a
description that names the portfolio record, or the word of its name that the target's name lacks. Kept
apart from sync.scorer, whose Scorer mixes this in."""

from sync.match_details import MENTIONS_AT_MOST, Mentions
from sync.match_names import NO_INITIALS, VAGUE, AliasBook, Name

NAMED, MENTIONED_NAME, MENTIONED, EXPLAINED = 88, 86, 80, 88


class DetailsEvidence:
    """Mixed into sync.scorer.Scorer, whose index it reads."""

    book: AliasBook
    names: list[Name]
    words: dict[str, frozenset[int]]  # a core word of the targets' names → those targets
    versioned: bool
    mentions: Mentions | None

    def _mentioned(self, mine: Name, shown: str, add) -> None:
        """Targets whose details name the portfolio record: pre-selectable when one alone names it, as a
        proper name that leads (sync.match_details), for services."""
        words = tuple(mine.plain.split())
        if self.mentions is None or not any(
            len(w) >= 3 and w not in self.book.generic | self.book.loose | VAGUE | NO_INITIALS for w in words
        ):
            return
        found = self.mentions.of(words)
        for m in found:
            known = m.opening and (words[0] in self.book.vocabulary or words[0] in self.words)
            if m.proper and m.leads and not known and len(found) == 1 and not self.versioned:
                add([m.target], NAMED, f"its description names {shown}")
            elif m.proper and not known:
                add([m.target], MENTIONED_NAME, f"its description mentions {shown}")
            else:
                add([m.target], MENTIONED, f"its description mentions {mine.plain}")

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
