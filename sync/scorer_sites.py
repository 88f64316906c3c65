"""Sites in a service's details (mixed into sync.scorer.Scorer): a network's description that names the sites
it links gives their names, not what the service is."""

from collections.abc import Callable, Iterator

from sync.match_details import Mentions
from sync.match_names import AliasBook, words_of
from sync.match_places import DASH
from sync.match_rules import is_english
from sync.matching import Item


class SiteDetails:
    """The sites a service's details name."""

    targets: list[Item]
    book: AliasBook
    mentions: Mentions | None
    _named: Callable[[str], frozenset[int]]  # sync.scorer_details.DetailsEvidence's

    def _between_sites(self, given: list[str], found: list[int]) -> bool:
        """Whether the details of the service found name the sites it links, a site the portfolio name gives
        among them, sites that other services' names end in after a dash: a WAN "between Erbil HQ, Khabat
        Refinery and the DR site" is no "DR site Khabat", nor one "between Riga, Daugavpils and the data
        centres" a data centre in Daugavpils; or the other services it serves, each word the name has ("SCADA
        / DCS" is no OT network "for DCS, SCADA and lab instruments" beside a "Manufacturing - SCADA - …")."""
        details = self.mentions.details[found[0]] if self.mentions is not None else ""
        sites = {w for w in words_of(details or "") if self._site_word(w, found)}
        if len(sites) >= 2 and not sites.isdisjoint(given):
            return True
        return len(given) > 1 and all(self._part_of_another(w, found) for w in given)

    def _part_of_another(self, word: str, found: list[int]) -> bool:
        """Whether another service's name, apart by dashes, has this word as one of its parts: the
        "Manufacturing - SCADA - Formulation Plant" beside an OT network "for DCS, SCADA and lab PCs"."""
        return any(
            len(named) > 1 and (word,) in set(map(words_of, named))
            for named in self._others_parts(word, found)
        )

    def _site_word(self, word: str, found: list[int]) -> bool:
        """Whether a word, no English word nor the dictionary's, ends the names of two other services or
        more after a dash, as a site's name does ("Network - LAN - Daugavpils")."""
        if is_english(word) or word in self.book.vocabulary:
            return False
        return (
            sum(len(named) > 1 and word in words_of(named[-1]) for named in self._others_parts(word, found))
            >= 2
        )

    def _others_parts(self, word: str, found: list[int]) -> Iterator[list[str]]:
        """The names, apart by dashes, of the other services whose names have this word."""
        return (DASH.split(self.targets[j].name) for j in self._named(word) - set(found))
