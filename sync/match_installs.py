"""Install names that may be several products, as the shipped dictionary lists them: editions sold apart
under one installer (`shared_installs`), and suites whose parts a catalogue keeps apart (`suites`)."""

from functools import lru_cache
from typing import NamedTuple

from sync.match_dictionary import shipped_dictionary, whole_words
from sync.match_names import GENERIC
from sync.matching import normalise


@lru_cache(maxsize=1)
def shipped_shared_installs() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Install names of editions sold apart (`shared_installs`), normalised, to the products they may be."""
    return {
        tuple(normalise(str(name)).split()): tuple(str(p) for p in products)
        for name, *products in shipped_dictionary().get("shared_installs") or []
    }


def shared_install(name: str) -> tuple[str, ...]:
    """The products a software install of this whole name may be ("Adobe Acrobat (64-bit)": Acrobat or
    Reader), an inventory's noise in brackets aside (not "Adobe Acrobat 2020", its own product), or ()."""
    words = whole_words(name)
    return shipped_shared_installs().get(words, ()) if words else ()


@lru_cache(maxsize=1)
def shipped_suites() -> dict[tuple[str, ...], "Suite"]:
    """A suite's normalised name, and that name less its maker's word, → the suite."""
    generic, found = GENERIC["software_product"], {}
    for name, *parts in shipped_dictionary().get("suites") or []:
        words = tuple(normalise(str(name)).split())
        suite = frozenset(words)
        own = tuple((str(p), frozenset(normalise(str(p)).split()) - suite - generic) for p in parts)
        if len(words) < 2 or len(own) < 2 or not all(own_words for _, own_words in own):
            continue  # a maker and a name, and two parts each with a word of its own: none else is read
        for key in (words, words[1:]):
            found.setdefault(key, Suite(str(name), suite, frozenset(words[1:]), own))
    return found


@lru_cache(maxsize=1)
def whole_suites() -> tuple["Suite", ...]:
    """The suites a part's install is recorded as where the catalogue keeps no record of the part: not a
    client's entry ("VMware vSphere Client" is no suite of ESXi and vCenter Server, only a client of both)."""
    return tuple(dict.fromkeys(s for s in shipped_suites().values() if "client" not in s.words))


def suite_of(words: list[str]) -> "Suite | None":
    """The suite a name's words (versions out) are, with or without its maker ("vSphere"), if any."""
    return shipped_suites().get(tuple(words))


class Suite(NamedTuple):
    """A suite of the dictionary (`suites`), read."""

    name: str
    words: frozenset[str]
    own_words: frozenset[str]  # less its maker's
    parts: tuple[tuple[str, frozenset[str]], ...]  # each part's name and the words the suite's name lacks
