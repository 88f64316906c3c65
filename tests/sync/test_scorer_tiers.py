"""Tiers and hours of cover in a service's name (issue 19): "- Gold", "(Gold SLA)", "24x7", "Business
Hours". The same service without them, never another record's tier, and the admin's choice where the name
gives none."""

from sync.match_tiers import tiers_of
from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT
from tests.sync.scoring import chosen_name as chosen
from tests.sync.scoring import ranked


def test_a_tier_picks_its_own_tier_and_never_another():
    catalogue = [Item("g", "Virtual Server Hosting - Gold"), Item("s", "Virtual Server Hosting - Silver")]
    assert tiers_of("Virtual Server Hosting - Silver Tier") == {"silver"} and tiers_of("Hosting") == set()
    assert tiers_of("Database Hosting - Gold (Prod)") == {"gold", "prod"}
    assert tiers_of("App Hosting (Gold SLA)") == {"gold"}  # an SLA's tier
    untiered = [Item("u", "Virtual Server Hosting"), *catalogue]
    assert chosen("Virtual Server Hosting (Gold SLA)", untiered) == "Virtual Server Hosting - Gold"
    assert chosen("Virtual Server Hosting - Silver Tier", catalogue) == "Virtual Server Hosting - Silver"
    bronze = ranked("Virtual Server Hosting (Bronze)", catalogue)
    assert bronze and preselect(bronze, PRESELECT_AT) is None
    assert bronze[0].reasons[-1].startswith("another tier (")
    assert chosen("Virtual Server Hosting", catalogue[:1]) == "Virtual Server Hosting - Gold"


def test_hours_of_cover_are_a_tier():
    """ "24x7" or "Business Hours" is the service level of a service, as "Gold" is: the same service
    without it, and never another record's hours."""
    assert tiers_of("Service Desk (24/7)") == tiers_of("Service Desk - 24 x 7") == {"24x7"}
    assert tiers_of("Network Services 8x5") == {"8x5"} and tiers_of("Office 365") == set()
    assert chosen("IT Help Desk (24/7)", [Item("sd", "Service Desk"), Item("h", "Hosting")]) == "Service Desk"
    hours = [Item("a", "Service Desk - 24x7"), Item("b", "Service Desk - Business Hours")]
    assert chosen("Service Desk (24/7)", hours) == "Service Desk - 24x7"
    assert chosen("Service Desk (business hours)", hours) == "Service Desk - Business Hours"
    other = ranked("Service Desk (8x5)", hours)
    assert other and preselect(other, PRESELECT_AT) is None
    assert tiers_of("SOC (24 / 7 x 365)") == tiers_of("SOC 24x 7") == {"24x7"}
    for name in ("SAP - Production Support", "Service Desk - Gold Support", "Patch Tuesday 12/7", "PHP 5/7"):
        assert tiers_of(name) == set(), name  # a service of its own, a date, versions
    either = ranked("Service Desk", hours)  # the hours are the admin's to choose
    assert len(either) == 2 and preselect(either, PRESELECT_AT) is None
    assert either[0].reasons[-1].startswith("as likely as")
    field = [Item("bh", "Field Support - Business Hours", context="Deskside support at offices")]
    described = ranked("Deskside Support", [*field, Item("f24", "Field Support - 24x7")])  # however described
    assert described[0].target_id == "bh" and preselect(described, PRESELECT_AT) is None
    assert described[0].reasons[-1] == "offered with other hours of cover too: suggested, never pre-selected"


def test_a_tier_is_not_pre_selected_away_from_the_records_of_that_tier():
    catalogue = [
        Item("gold", "Managed Hosting - Gold"),
        Item("silver", "Managed Hosting - Silver"),
        Item("web", "Website Hosting", context="Public websites and marketing content (Azure App Service)"),
    ]
    silver = ranked("App Hosting - Silver", catalogue)
    web = next(c for c in silver if c.target_id == "web")
    assert preselect(silver, PRESELECT_AT) is None  # the description's "App" is not the name's tier
    assert not web.preselectable and web.reasons[-1].startswith("no tier, where another record has yours")
    assert chosen("Website Hosting - Silver", catalogue) == "Website Hosting"  # its own name still is
    phones = [
        Item("fixed", "Fixed Line Telephony", context="Desk phones, PSTN lines and SIP trunks"),
        Item("uc", "Unified Communications - Silver", context="Teams calling, desk phones and centre lines"),
    ]
    tied = ranked("Desk Phones and Lines - Silver", phones)  # two descriptions give the words: a tie still
    assert preselect(tied, PRESELECT_AT) is None and all("as likely as" in c.why for c in tied)


def test_a_24x7_record_covers_out_of_hours_not_business_hours():
    support = [Item("bh", "Application Support - Business Hours"), Item("24", "Application Support - 24x7")]
    assert chosen("Out of Hours Application Support", support) == "Application Support - 24x7"
    assert chosen("Application Support - After Hours", support) == "Application Support - 24x7"
    untiered = [Item("as", "Application Support"), support[1]]
    assert chosen("Out of Hours Application Support", untiered) == "Application Support - 24x7"
    ooh = [*support, Item("ooh", "Application Support - Out of Hours")]
    assert chosen("Out of Hours Application Support", ooh) == "Application Support - Out of Hours"
    assert chosen("Application Support - Business Hours", support[1:]) == ""


def test_a_non_production_tier_the_name_gives_chooses_that_record_over_the_live_one():
    """ "(Non-Production)" or "non-prod" is the record of that tier, beside the same service's live record;
    the name without it is the live one."""
    hosting = [Item("live", "Virtual Server Hosting"), Item("np", "Virtual Server Hosting - Non-Prod")]
    for name in ("Virtual Server Hosting (Non-Production)", "Virtual Server Hosting non-prod"):
        assert chosen(name, hosting) == "Virtual Server Hosting - Non-Prod", name
    assert chosen("Virtual Server Hosting", hosting) == "Virtual Server Hosting"
    described = [
        Item("live", "Virtualisation Platform - Ashcombe", context="VMware vSphere clusters at ASH"),
        Item(
            "np",
            "Virtualisation Platform - Ashcombe (Non-Production)",
            context="VMware vSphere test cluster at ASH",
        ),
    ]
    assert chosen("vSphere ASH non-prod", described) == described[1].name
    tiers = [Item("np", "Virtual Server Hosting - Non-Prod"), Item("gold", "Virtual Server Hosting - Gold")]
    assert chosen("Virtual Server Hosting - Gold (Non-Prod)", tiers) == ""  # each of one of its tiers
