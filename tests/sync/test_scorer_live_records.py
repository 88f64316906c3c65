"""A record of another environment beside live records (issue 19, sync.scorer_ranking._live_named): never
pre-selected beside a live record of its service and which one, of its family or of its head, unless its
own description finds it where they are only alike."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest


def test_no_test_record_is_pre_selected_beside_a_live_record_named_for_its_service_and_which_one():
    """Set 108: "KDS ConnectSmart" had pre-selected the "Kitchen Display System - Non-Production", whose whole
    name the letters spell, beside the live "Kitchen Display System - ConnectSmart (US) - Gold" and "(CA)".
    A name that gives an environment still may be ("Dev/Test Kitchen Display")."""
    catalogue = [
        Item("us", "Kitchen Display System - ConnectSmart (US) - Gold"),
        Item("ca", "Kitchen Display System - ConnectSmart (CA) - Gold"),
        Item("test", "Kitchen Display System - Non-Production", context="ConnectSmart test controllers"),
    ]
    for name in ("KDS ConnectSmart", "Kitchen display"):
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        test = next(c for c in found if c.target_id == "test")
        assert preselect(found, PRESELECT_AT) is None and not test.preselectable, name
        assert "another environment, beside live records" in test.why
    found = suggest([Item("l", "Dev/Test Kitchen Display")], catalogue, versioned=False)["l"]
    assert (
        "another environment, beside live records" not in next(c for c in found if c.target_id == "test").why
    )


def test_a_test_record_its_description_finds_is_pre_selected_beside_a_live_record_only_alike():
    """A reviewer's: the "Payroll - ADP - Gold" is named for the service but only alike to the name."""
    catalogue = [
        Item("live", "Payroll - ADP - Gold"),
        Item("test", "Payroll - Non-Production", context="Payroll parallel run copies and the ADP sandbox"),
    ]
    found = suggest([Item("l", "Payroll Parallel Run")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "test"


def test_a_record_of_another_environment_is_not_pre_selected_beside_live_sites_of_its_service():
    """ "Manhattan WMS": the product delivers warehouse management, whose "- Non-Prod" record is no more it
    than the distribution centres' live records, found only alike."""
    warehouses = [
        Item(
            "cdg",
            "Warehouse Management - Mesnil-Amelot DC",
            context="on Manhattan Active Warehouse Management",
        ),
        Item("sec", "Warehouse Management - Secaucus DC", context="on Manhattan Active Warehouse Management"),
        Item(
            "test", "Warehouse Management - Non-Prod", context="Manhattan Active and Generix WMS test systems"
        ),
    ]
    found = suggest([Item("l", "Manhattan WMS")], warehouses, versioned=False)["l"]
    assert found[0].target_id == "test" and not found[0].preselectable


def test_a_record_of_another_environment_of_a_family_of_services_is_not_pre_selected_beside_them():
    """ "SAP S/4HANA": the "ERP - Non-Prod" of every "ERP …" service is no more it than they are."""
    erp = [
        Item("fin", "ERP Finance - Group", context="General ledger and payables on SAP S/4HANA"),
        Item("scm", "ERP Supply Chain - Ateliers", context="Production planning on SAP S/4HANA"),
        Item("test", "ERP - Non-Prod", context="SAP S/4HANA development and quality systems"),
    ]
    found = suggest([Item("l", "SAP S/4HANA")], erp, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None


def test_a_family_of_services_is_one_of_a_word_no_generic_one():
    """ "IT - Sandbox" is the sandbox of no "IT Service Desk": "IT" names no family of services."""
    catalogue = [
        Item("box", "IT - Sandbox", context="Jira Cloud sandbox site"),
        Item("desk", "IT Service Desk - Global", context="Jira Cloud for the developers"),
    ]
    found = suggest([Item("l", "Jira Cloud")], catalogue, versioned=False)["l"]
    assert "beside live records" not in next(c for c in found if c.target_id == "box").why


def test_a_test_record_of_a_wider_scope_is_not_pre_selected_beside_its_services_live_records():
    """ "Dayforce payroll IE": the "- UK & IE - UAT" record of a Dayforce preview is no more it than the
    Irish and British live records on Dayforce, only alike to the name; a test record whose description
    alone gives the words is still pre-selected beside records only alike (the "Payroll Parallel Run")."""
    others = [
        "IT Service Desk",
        "Email",
        "Cinema Website",
        "Box Office",
        "Finance",
        "Recruitment",
        "Data Platform",
    ]
    others += ["CCTV - UK & IE", "Telephony - UK & IE", "Access Control - Poland"]  # payroll's a rare word
    live = [
        Item("uk", "HR and Payroll - UK", context="Dayforce HR, payroll and RTI for UK employees"),
        Item("ie", "HR and Payroll - Ireland", context="Dayforce payroll for Irish employees"),
        *(Item(f"other{n}", name) for n, name in enumerate(others)),
    ]
    payroll = [
        *live,
        Item("uat", "HR and Payroll - UK & IE - UAT", context="Non-production Dayforce preview"),
    ]
    found = suggest([Item("l", "Dayforce payroll IE")], payroll, versioned=False)["l"]
    uat = next(c for c in found if c.target_id == "uat")
    assert {"ie", "uk"} <= {c.target_id for c in found}  # alike, each on Dayforce
    assert preselect(found, PRESELECT_AT) is None and "beside live records" in uat.why
    on_adp = [*live, Item("uat", "HR and Payroll - UK & IE - UAT", context="ADP preview environment")]
    found = suggest([Item("l", "ADP payroll IE")], on_adp, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "uat"


def test_the_one_test_record_found_of_a_service_whose_live_records_a_dash_tells_apart_is_a_persons_choice():
    """Set 120: "Manhattan Active WM", by the product it delivers, found only the "Warehouse Management
    (MERIDIAN) - Non-Prod", whose details write the product so; its live records are each site's. Without
    live records of its own, it is still pre-selected."""
    catalogue = [
        Item("vnl", "Warehouse Management (MERIDIAN) - VNL", context="Venlo fulfilment centre"),
        Item("erf", "Warehouse Management (MERIDIAN) - ERF", context="Erfurt fulfilment centre"),
        Item("np", "Warehouse Management (MERIDIAN) - Non-Prod", context="Manhattan Active WM test systems"),
    ]
    found = suggest([Item("l", "Manhattan Active WM")], catalogue, versioned=False)["l"]
    test = next(c for c in found if c.target_id == "np")
    assert preselect(found, PRESELECT_AT) is None and not test.preselectable
    assert "another environment, beside live records" in test.why
    found = suggest([Item("l", "Manhattan Active WM lab")], catalogue, versioned=False)["l"]  # not live
    assert found[0].target_id == "np" and found[0].preselectable
    alone = [catalogue[2], Item("tms", "Transport Management")]  # no live record of its own
    found = suggest([Item("l", "Manhattan Active WM")], alone, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is not None and found[0].target_id == "np"
