"""Regions (issue 19, sync.scorer_ranking, sync/data/aliases.yaml): where a service runs, another region's
record another offering, a region abbreviated the record that writes it out, and a name without a region
beside two regions' records a person's choice."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate as best


def test_a_region_says_where_a_service_runs_and_another_region_is_another_offering():
    assert best("IT Support Desk (APAC)", [Item("desk", "Service Desk")]).score >= PRESELECT_AT
    regional = [Item("emea", "Service Desk - EMEA")]
    assert best("Service Desk (EMEA)", regional).preselectable
    other = best("Service Desk (AMER)", regional)
    assert not other.preselectable and "another region (emea): suggested, never pre-selected" in other.reasons
    americas = best(
        "Service Desk (EMEA)", [Item("am", "Service Desk (Americas)"), Item("ap", "Service Desk (APAC)")]
    )
    assert not americas.preselectable
    payroll = [Item("all", "Payroll"), Item("latam", "Payroll - LATAM")]
    assert (
        preselect(suggest([Item("l", "LATAM Payroll")], payroll, versioned=False)["l"], 88).target_id
        == "latam"
    )


def test_a_region_abbreviated_is_the_record_that_writes_it_out():
    """ "Payroll MENA", "Payroll Asia Pacific", "Latin America Payroll": a region's record; another region's
    record ranks after the name's own ("Payroll LATAM" is no "Payroll - APAC" first). Not GCC (a compiler,
    Microsoft's Government Community Cloud) nor EU (an end user's), which no alias reads as a region."""
    payroll = [
        Item("eu", "Payroll - Europe"),
        Item("me", "Payroll - Middle East"),
        Item("ap", "Payroll - APAC"),
        Item("la", "Payroll - LATAM"),
    ]
    for name, expected in (
        ("Payroll MENA", "me"),
        ("Payroll Asia Pacific", "ap"),
        ("Latin America Payroll", "la"),
    ):
        found = suggest([Item("l", name)], payroll, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT).target_id == expected, name
    toolchain = [Item("b", "Build Toolchain - Middle East"), Item("g", "Build Toolchain - Europe")]
    assert not preselect(suggest([Item("l", "GCC Toolchain")], toolchain, versioned=False)["l"], PRESELECT_AT)
    found = suggest([Item("l", "Payroll LATAM")], payroll, versioned=False)["l"]
    assert found[0].target_id == "la" and all(c.score < found[0].score for c in found[1:])
    apac = next(c for c in found if c.target_id == "ap")
    assert apac.score < PRESELECT_AT and not apac.preselectable
    support = [Item("d", "End User Devices"), Item("e", "Devices - Europe"), Item("a", "Application Support")]
    for name in ("EU Support", "APJ Support"):  # a region read through an alias is a word the target lacks
        assert not preselect(suggest([Item("l", name)], support, versioned=False)["l"], PRESELECT_AT), name


def test_a_name_without_a_region_beside_two_regions_records_is_a_persons_choice():
    """ "ADP payroll" beside a "Payroll - EU" and a "Payroll - LATAM": Europe is a region as LATAM is, so
    neither reads as the plain "Payroll"; a region the name gives still says which ("SD-WAN Europe")."""
    payroll = [Item("eu", "Payroll - EU"), Item("la", "Payroll - LATAM")]
    found = suggest([Item("l", "ADP payroll")], payroll, versioned=False)["l"]
    assert {c.target_id for c in found[:2]} == {"eu", "la"} and preselect(found, PRESELECT_AT) is None
    wan = [
        Item("eu", "Corporate WAN - Europe", context="SD-WAN links between the European sites"),
        Item("na", "Corporate WAN - North America", context="MPLS and SD-WAN links for the plants"),
    ]
    assert (
        preselect(suggest([Item("l", "SD-WAN Europe")], wan, versioned=False)["l"], PRESELECT_AT).target_id
        == "eu"
    )


def test_a_regions_record_read_as_the_plain_name_is_no_surer_than_another_regions():
    """ "ADP payroll" beside a "Payroll - EU" and a "Payroll - LATAM": LATAM is a region word the reading
    drops, EU is not, yet neither is surer; unless the name's own words single one out in its details
    ("Field Support US" for the "- North America" whose details say US)."""
    payroll = [Item("eu", "Payroll - EU"), Item("la", "Payroll - LATAM")]
    found = suggest([Item("l", "ADP payroll")], payroll, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None and "a region's record, beside Payroll - EU" in found[0].why
    field = [
        Item("na", "Field Support - North America", context="Field engineers for US and Canada sites"),
        Item("em", "Field Support - EMEA", context="Field engineers for European sites"),
    ]
    found = suggest([Item("l", "Field Support US")], field, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "na"
