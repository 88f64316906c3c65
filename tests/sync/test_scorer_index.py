"""How the scorer keeps its index of the target records: small, in order, and light on the collector."""

import gc
import sys
import threading

from sync import matching
from sync.match_tiers import tiers_of
from sync.matching import Item, grouped
from sync.scorer import Scorer

WORDS = [
    "claims",
    "permit",
    "fleet",
    "payroll",
    "asset",
    "billing",
    "portal",
    "network",
    "backup",
    "storage",
    "email",
    "print",
]


def catalogue(count: int) -> list[Item]:
    """Service names of two or three words, a tier on some, each made unique by a number, as a CMDB's."""
    tiers = ["", " - Gold", " - Silver", " (Prod)"]
    return [
        Item(
            f"t{i}",
            " ".join(WORDS[(i + k * 5) % len(WORDS)].title() for k in range(2 + i % 2))
            + f"{tiers[i % 4]} {i}",
        )
        for i in range(count)
    ]


def test_grouped_keeps_each_keys_records_in_order():
    found = grouped([("a", 3), ("b", 1), ("a", 1), ("a", 3), ("c", 2)], 4)

    assert found == {"a": (3, 1, 3), "b": (1,), "c": (2,)}


def test_a_records_keys_share_its_one_tuple():
    """Most keys are one record's: each index files that record's one tuple, not a tuple of its own."""
    scorer = Scorer(catalogue(20), versioned=False)
    name = scorer.names[7]

    assert scorer.index["plain"][name.plain] is scorer.index["canon"][name.canon]
    assert scorer.index["plain"][name.plain] is grouped([("another", 7)], 8)["another"]


def kept_objects(targets: list[Item]) -> int:
    """The objects the cycle collector has to walk once a scorer of these targets is built and kept."""
    gc.collect()
    before = len(gc.get_objects())
    scorer = Scorer(targets, versioned=False)
    gc.collect()
    assert scorer.index["plain"][scorer.names[0].plain] == (0,)
    return len(gc.get_objects()) - before


def test_the_index_keeps_about_one_collected_object_per_target():
    """Each target's reading (a named tuple) is one; its index keys hold tuples of numbers, which the
    collector stops walking. Counted as the difference between two catalogues, so that what a process has
    read once (the shipped dictionaries) counts for neither: about 14 per target before keys held tuples."""
    small, large = catalogue(1_000), catalogue(2_000)
    Scorer(small[:10], versioned=False)  # the shipped dictionaries, read once per process
    per_target = (kept_objects(large) - kept_objects(small)) / 1_000

    assert per_target < 2, f"{per_target:.2f} objects per target for the collector to walk"


def test_a_target_read_two_ways_is_filed_once_under_a_key_both_give():
    scorer = Scorer([Item("t0", "Asset Register (Finance)"), Item("t1", "Asset Register")], versioned=False)

    assert scorer.index["plain"]["asset register"] == (0, 1)
    assert scorer.candidates(Item("l", "Asset Register"))[0].name == "Asset Register"


def test_names_of_one_tier_share_its_set():
    """Each target's tiers are kept: names of the same tiers hold one set between them."""
    assert tiers_of("Database Hosting - Gold (Prod)") is tiers_of("Web Hosting (Prod) - Gold")
    assert tiers_of("Database Hosting - Gold (Prod)") == {"gold", "prod"}


def test_pulls_indexed_at_once_number_their_records_right(monkeypatch):
    """Two pulls may be indexed at once, in two threads of one web process: each record's shared tuple must
    still be its own, however the two grow the tuples they share."""
    sizes, wrong = [10_000 * (n + 2) for n in range(4)], []

    def index(size: int, start: threading.Barrier) -> None:
        start.wait()
        found = grouped(((f"k{i}", i) for i in range(size)), size)
        wrong.extend(i for i in range(size) if found[f"k{i}"] != (i,))

    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can: as under load
    try:
        for _ in range(5):
            monkeypatch.setattr(matching, "_ALONE", type(matching._ALONE)())  # a new process
            start = threading.Barrier(len(sizes))
            threads = [threading.Thread(target=index, args=(size, start)) for size in sizes]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        sys.setswitchinterval(switching)

    assert wrong == []
