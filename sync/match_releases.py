"""Releases the shipped dictionary names (sync/data/aliases.yaml): those whose support ended long ago, which a
record without a version does not stand for (`ended_releases`), and products whose name ends in a number that
is no version of theirs (`named_numbers`)."""

from functools import lru_cache
from typing import NamedTuple

from sync.match_dictionary import shipped_dictionary, words_of


class Ended(NamedTuple):
    """A product's releases no longer supported (`ended_releases`)."""

    name: str
    years: frozenset[str]  # its releases by year, long unsupported: "2017"
    editions: frozenset[str]  # the words of its editions and tracks
    before: dict[str, frozenset[str]]  # a track's word → the releases before it: "dc" → "xi", "11", …


@lru_cache(maxsize=1)
def ended_releases() -> dict[tuple[str, ...], Ended]:
    """A product's words → its releases no longer supported (`ended_releases`)."""
    return {
        words_of(str(name)): Ended(
            str(name),
            frozenset(map(str, given["ended"])),
            frozenset(w for edition in given["editions"] for w in words_of(str(edition))),
            {
                " ".join(words_of(str(track))): frozenset(" ".join(words_of(str(r))) for r in releases)
                for track, releases in (given.get("before") or {}).items()
            },
        )
        for name, given in (shipped_dictionary().get("ended_releases") or {}).items()
    }


@lru_cache(maxsize=1)
def named_numbers() -> frozenset[tuple[str, ...]]:
    """Products whose name ends in a number that is no version (`named_numbers`), as words are read:
    "Zabbix Agent 2" at 7.0.4 is release 7 of Zabbix's second agent."""
    return frozenset(words_of(str(name)) for name in shipped_dictionary().get("named_numbers") or [])
