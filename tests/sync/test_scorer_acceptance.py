"""An acceptance environment apart from the other test ones (issue 19, sync.scorer_environments; sets 195,
214 and 245): a name's UAT is no "- Test" record nor its pre-production a "- UAT" one, a person says; a
record of both covers either."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from sync.scorer_environments import acceptance
from tests.sync.scoring import first_candidate


def test_an_acceptance_environment_is_apart_from_the_other_test_ones():
    """Sets 195, 214 and 245: a name's UAT is no "- Test" record, nor its pre-production a "- UAT" one,
    however alike they are; a person says. UAT is the UAT record, as its other spellings are."""
    catalogue = [
        Item("gis", "GIS - Enterprise GIS - Production"),
        Item("gis-t", "GIS - Enterprise GIS - Test"),
        Item("t24", "Core Banking - Temenos T24 - Production"),
        Item("t24-u", "Core Banking - Temenos T24 - UAT"),
    ]
    for name, target in [("Enterprise GIS UAT", "gis-t"), ("Temenos T24 Pre-Prod", "t24-u")]:
        found = first_candidate(name, catalogue)
        assert found.target_id == target and found.score < PRESELECT_AT, name
    for name, target in [("Enterprise GIS test", "gis-t"), ("Temenos T24 UAT", "t24-u")]:
        found = first_candidate(name, catalogue)
        assert found.target_id == target and found.score >= PRESELECT_AT and found.preselectable, name


def test_a_record_of_test_and_uat_covers_either_and_a_non_prod_one_is_no_other_environment():
    """A reviewer's: "HR Portal QA" is the "- Test/UAT" record as before; "UAT2" is UAT."""
    portal = [Item("p", "HR Portal - Production"), Item("t", "HR Portal - Test/UAT")]
    for name in ("HR Portal QA", "HR Portal SIT", "HR Portal UAT"):
        assert (
            preselect(suggest([Item("l", name)], portal, versioned=False)["l"], PRESELECT_AT).target_id == "t"
        )
    assert acceptance("UAT2") == (True, False) and acceptance("Test/UAT") == (True, True)
    assert acceptance("Pre-Prod") == (False, True)
    catch_all = [Item("p", "HR Portal - Production"), Item("np", "HR Portal - Non-Prod")]
    catch_all.append(Item("pp", "HR Portal - Pre-Production"))
    found = suggest([Item("l", "HR Portal UAT")], catch_all, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "np"  # pre-production is no acceptance environment
    assert "a record of pre prod: suggested" in next(c.why for c in found if c.target_id == "pp")
