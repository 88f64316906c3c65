"""The blind part of the matching benchmark is well formed: a typo in an expected name would silently turn
a case into a miss, and a file that stops parsing would drop the blind figures without a word."""

from bench import matching_quality


def test_the_blind_set_names_only_targets_of_its_own_catalogues():
    blind = matching_quality.load(matching_quality.BLIND)
    for kind in matching_quality.KINDS:
        names = {item.name for item in matching_quality.targets_of(blind, kind)}
        cases = matching_quality.cases_of(blind["cases"][kind])
        assert len(names) >= 60 and len(cases) >= 40
        assert {e for c in cases for e in c.expected} <= names
        create_new = sum(1 for c in cases if not c.expected)
        assert 0.2 * len(cases) <= create_new <= 0.35 * len(cases)
        assert all(c.expected for c in cases if c.suggest_only)
