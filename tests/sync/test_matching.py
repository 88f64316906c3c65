from itertools import product

import pytest

from sync.match_tiers import TIER_SUFFIX, covered_tiers, hours_of, may_end_in_tier, tiers_of
from sync.matching import (
    Candidate,
    Item,
    Matcher,
    normalise,
    preselect,
    preselect_all,
    suggest,
    versions_agree,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Database Services - Gold", "database services"),
        ("Backup & Recovery", "Backup and Recovery"),
        ("Data Centre Facilities", "Data Center Facility"),
        ("Identity & Access Mgmt", "Identity and Access Management"),
        ("Application Hosting (Prod)", "Application hosting"),
        ("Réseau  Services!", "reseau service"),
        ("Digitisation Services", "Digitization Service"),
        ("Problem Managment", "Problem Management"),
        ("Traffic Officer Despatch", "Traffic Officer Dispatch"),
        ("AKS Non-Prod", "AKS"),
        ("Hydraulic Modelling", "Hydraulic Modeling"),
        ("E-mail & Calendar", "Email and Calendar"),
        ("Network Switches", "Network Switch"),
        ("Business Processes", "Business Process"),
        ("Onboard CCTV - Buses", "Onboard CCTV Bus"),
        ("Campus Status Pages", "Campus Statuses Page"),
        ("Season Passes", "Season Pass"),
        ("Analyser Middleware", "Analyzer Middleware"),
        ("Firearms Licencing", "Firearms Licensing"),
        ("Fire Mobilising System", "Fire Mobilizing System"),
        ("2nd Chance Draws", "Second Chance Draws"),
        ("3rd Party Patching", "Third Party Patching"),
        ("Player Contact Centre - Extended Hours", "Player Contact Center"),
        ("SCCM + Intune", "SCCM and Intune"),  # a plus between two words joins them, as "&" does
    ],
)
def test_normalisation_folds_case_punctuation_spelling_plurals_and_tiers(a, b):
    assert normalise(a) == normalise(b)


def test_the_quick_tier_test_lets_every_tier_through():
    """may_end_in_tier only saves the regex's time: whatever TIER_SUFFIX strips, it lets through."""
    tiers = ["gold", "silver tier", "platinum plan", "enterprise tier", "tier 3", "tier 12", "production"]
    tiers += ["non prod", "prod", "basic level", "standard", "premium", "bronze", "gold sla"]
    tiers += ["24x7", "24/7", "24 x 7 x 365", "8x5", "business hours", "uat", "staging", "pre-prod"]
    shapes = ["hosting - {}", "hosting ({})", "hosting [{}] ", "hosting: {} )", "hosting {}", "db {}  "]
    texts = [shape.format(tier) for shape, tier in product(shapes, tiers)]
    stripped = [text for text in texts if TIER_SUFFIX.search(text)]
    assert len(stripped) > len(texts) / 2 and all(may_end_in_tier(text) for text in stripped)
    assert not may_end_in_tier("claims permit - gold 17") and not may_end_in_tier("tier3 hosting")
    assert not may_end_in_tier("office 365") and normalise("Office 365") == "office 365"
    for name in ("PHP 5/7", "Cisco Catalyst 9300 48x5", "Research Computing: Office Hours"):
        assert normalise(name) == normalise(name.replace("/", " ").replace(":", " "))  # no tier there
    assert normalise("Hosting - Premıum") == normalise("Hosting")  # not ASCII: the regex, as before


def test_uat_staging_and_pre_prod_are_tiers_the_non_prod_one_covers():
    assert tiers_of("Reservations (UAT)") == {"uat"} and tiers_of("Hosting - Staging") == {"staging"}
    assert tiers_of("App Hosting [Pre-Prod]") == {"pre prod"} and tiers_of("DB - Premium") == {"premium"}
    assert tiers_of("Backup - Out of Hours (hourly snapshots)") == {"out of hours"}  # before a remark
    assert tiers_of("ERP - Non-Prod (SAP S/4HANA)") == {"non prod"} and not tiers_of("Hosting (Windows)")
    assert not tiers_of("Backup" + " (x)" * 5000) and not tiers_of("Backup - Gold (a) (b)")  # one remark only
    assert tiers_of("24/7 Service Desk - Gold (legacy)") == {"24x7", "gold"}  # hours before it, a tier after
    assert not tiers_of("Backup (" + " " * 100_000 + ")")  # read at once, however long
    assert covered_tiers(frozenset(["uat", "gold"])) == {"non prod", "gold"}
    for name in (
        "Video Streaming - Live",  # the content, or production: the scorer asks its targets (with_tier)
        "Event Live Streaming",
        "UAT Environment Booking",
        "Laptop Pre-Staging",
        "App Go-Live",
        "Ableton Live",
    ):
        assert not tiers_of(name)  # a word of the name, no dash or bracket before it


def test_business_hours_in_brackets_are_said_many_ways():
    for name in (
        "Support (Office Hours)",
        "Help Desk (8-6 weekdays)",
        "Desk (Mon-Fri 9-5)",
        "Desk (weekdays 8am-6pm)",
        "Desk (9-5)",
        "Desk (08:00-18:00)",
        "Sérvice Desk (8-6)",
    ):
        assert tiers_of(name) == {"business hours"}, name
    assert not tiers_of("Research Computing: Office Hours") and not tiers_of("Claims (Friday)")
    assert tiers_of("Help Desk - office hours") == tiers_of("Desk - Mon-Fri 8am-6pm") == {"business hours"}
    assert not tiers_of("Support (Office Hours") and not tiers_of("Support - Office Hours)")  # unbalanced
    assert hours_of("Contact Centre - Extended Hours") == {"extended hours"}  # hours of cover of their own
    assert tiers_of("Extended Hours Service Desk") == {"extended hours"}  # before the name, as "24/7" is
    assert not tiers_of("Childcare Extended Hours")  # words of the name, no dash before them
    assert normalise("Desk (9-5)") == normalise("Désk (9-5)") == "desk"  # ASCII or not, read alike
    for name in ("Desk (24x5 Mon-Fri)", "Desk (Mon-Fri 7am-10pm)", "Backup (Weekdays)", "Release 3-5"):
        assert not tiers_of(name), name  # other hours, or no hours at all


def test_versions_must_agree():
    local = Item("l", "Oracle Database", "19c")
    assert versions_agree(local, Item("t", "Oracle Database 19c Enterprise Edition", "19c"))
    assert not versions_agree(local, Item("t", "Oracle Database 12c", "12c"))
    assert versions_agree(Item("l", "VMware vSphere", "8"), Item("t", "VMware vSphere 8.0", "8.0"))
    assert not versions_agree(local, Item("t", "Oracle Database", ""))


TSOS = [
    Item(f"t{i}", n)
    for i, n in enumerate(
        [
            "Database Services - Gold",
            "Database Services - Silver",
            "Network Services",
            "Backup & Recovery",
            "Service Desk",
            "Identity and Access Management",
        ]
    )
]


def test_ranked_candidates_with_reasons():
    result = suggest(
        [
            Item("a", "Database Services"),
            Item("b", "Identity & Access Management"),
            Item("c", "Quantum Computing"),
        ],
        TSOS,
        versioned=False,
    )
    first = result["a"][0]
    assert first.name == "Database Services - Gold" and first.reason == "normalised" and first.score == 95
    assert len(result["a"]) <= 5 and [c.score for c in result["a"]] == sorted(
        (c.score for c in result["a"]), reverse=True
    )
    assert result["b"][0].name == "Identity and Access Management"
    assert preselect(result["c"]) is None


def test_exact_names_score_100():
    assert suggest([Item("a", "Service Desk")], TSOS, versioned=False)["a"][0].score == 100


def test_software_never_pairs_different_versions():
    models = [
        Item("m1", "Oracle Database 12c", "12c"),
        Item("m2", "Oracle Database 19c Enterprise Edition", "19c"),
    ]
    result = suggest(
        [Item("a", "Oracle Database", "19c"), Item("b", "Oracle Database", "11g")], models, versioned=True
    )
    assert [c.name for c in result["a"]] == ["Oracle Database 19c Enterprise Edition"]
    assert result["b"] == []


def test_taken_candidates_are_marked_and_not_preselected():
    result = suggest([Item("a", "Network Services")], TSOS, versioned=False, taken={"t2": "other-record"})
    assert result["a"][0].taken_by == "other-record"
    assert preselect(result["a"]) is None
    mine = suggest([Item("a", "Network Services")], TSOS, versioned=False, taken={"t2": "a"})
    assert mine["a"][0].taken_by is None


def test_preselect_all_gives_a_target_to_one_record():
    def c(target: str, score: int) -> Candidate:
        return Candidate(target, target.upper(), score, "token")

    ranked = {"a": [c("t1", 96)], "b": [c("t1", 92), c("t2", 90)], "d": [c("t3", 90)], "e": [c("t3", 90)]}
    chosen, contested = preselect_all(ranked, 88)
    assert {k: v.target_id for k, v in chosen.items()} == {"a": "t1"}
    assert contested == {"b": ("a", "T1"), "d": ("e", "T3"), "e": ("d", "T3")}


def test_a_matcher_of_normalised_names_finds_what_a_matcher_of_records_does():
    names = ["database hosting", "database backup", "network service", "backup recovery", "print service"]
    records = Matcher([Item(str(n), name) for n, name in enumerate(names)], versioned=False)
    normalised = Matcher.of_normalised(names)
    for name in ("database hosting", "backup", "network print service", "databse hosting"):
        assert normalised.scored_normalised(name) == records.scored(Item("l", name))
    assert normalised.scored_normalised("database hosting")[0][:2] == (0, 100)


def test_a_name_sharing_no_pair_of_words_is_compared_with_the_records_of_each_of_its_rarest_words():
    records = [Item("ssms", "SQL Server Management Studio"), Item("hcm", "Workday HCM")]
    found = suggest([Item("a", "Workday Human Capital Management")], records, versioned=False)["a"]
    assert [c.target_id for c in found] == ["hcm"]  # "workday" and "management": one record each
    records += [Item(f"m{n}", f"{word} Management") for n, word in enumerate(("Asset", "Project"))]
    found = suggest([Item("a", "Workday Human Capital Management")], records, versioned=False)["a"]
    assert [c.target_id for c in found] == ["hcm"]  # "management" is the word of three


@pytest.mark.parametrize(
    ("plural", "singular"), [("Caches", "cache"), ("Warehouses", "warehouse"), ("Licenses", "license")]
)
def test_a_plural_in_es_keeps_the_e_of_its_singular(plural, singular):
    assert normalise(plural) == singular


def test_a_plus_written_into_a_name_stays_one():
    assert normalise("Notepad++") == normalise("Notepad plus plus") != normalise("Notepad")
    assert normalise("C++ Runtime + Tools") == normalise("C plus plus Runtime and Tools")
    assert normalise("Canal + ") == normalise("Canal+") != normalise("Canal")  # a brand's plus, spaced
    assert normalise("C + +") != normalise("C and plus")
