"""The labelled sets of the matching benchmark are well formed: a typo in an expected name would silently
turn a case into a miss, and a file that stops parsing would drop its figures without a word."""

import pytest

from bench import matching_quality

SETS = [*matching_quality.TUNING, *matching_quality.SEEN, matching_quality.HELD_BACK]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_each_set_names_only_targets_of_its_own_catalogues(path):
    data = matching_quality.load(path)
    for kind in matching_quality.KINDS:
        names = {item.name for item in matching_quality.targets_of(data, kind)}
        cases = matching_quality.all_cases(data, kind)
        assert len(names) >= 60 and len(cases) >= 40
        assert {e for c in cases for e in c.expected} <= names
        create_new = sum(1 for c in cases if not c.expected)
        assert 0.1 * len(cases) <= create_new <= 0.35 * len(cases)
        assert all(c.expected for c in cases if c.suggest_only)


def test_the_held_back_set_is_big_enough_to_measure():
    data = matching_quality.load(matching_quality.HELD_BACK)
    assert sum(len(matching_quality.all_cases(data, kind)) for kind in matching_quality.KINDS) >= 150
