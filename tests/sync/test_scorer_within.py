"""The scorer's rules for a portfolio name that holds a target's whole name (issue 19): the words more an
inventory adds, words run together, a product's platform, what a service is for, regions, the initials
people say and the products a name gives in brackets. Each test names a rule, not a labelled case."""

import pytest

from sync.matching import Item, normalise, tiers_of
from sync.scorer import PRESELECT_AT
from tests.sync.scoring import first_candidate

SOFTWARE = [
    Item("slack", "Slack", "", "Slack Technologies"),
    Item("chrome", "Google Chrome", "", "Google"),
    Item("cisco", "Cisco Secure Client", "", "Cisco"),
    Item("nessus", "Tenable Nessus", "", "Tenable"),
    Item("ps", "Adobe Photoshop 2024", "2024", "Adobe"),
    Item("m365", "Microsoft 365 Apps for enterprise", "", "Microsoft"),
    Item("ff", "Mozilla Firefox", "", "Mozilla"),
    Item("temurin", "Eclipse Temurin JDK 21", "21", "Eclipse Foundation"),
    Item("uf", "Splunk Universal Forwarder 9", "9", "Splunk"),
    Item("qualys", "Qualys Cloud Agent", "", "Qualys"),
    Item("r", "R", "", "R Foundation"),
    Item("win", "Windows 11", "11", "Microsoft"),
    Item("pi", "AVEVA PI Server", "", "AVEVA"),
    Item("agent", "Trellix Agent", "", "Trellix"),
    Item("zoom", "Zoom Rooms", "", "Zoom"),
]


def best(name: str, version: str = "", catalogue: list[Item] = SOFTWARE, versioned: bool = True):
    return first_candidate(name, catalogue, version, versioned=versioned)


def preselected(found) -> bool:
    return found is not None and found.score >= PRESELECT_AT and found.preselectable


@pytest.mark.parametrize(
    ("name", "version", "expected", "reason"),
    [
        ("Slack Deployment", "4.38.125", "slack", "its whole name, beside words no target uses (Deployment)"),
        ("google-chrome-stable", "125.0.6422.141-1", "chrome", "its whole name, beside words no target uses"),
        ("Cisco Secure Client - AnyConnect VPN", "5.1.2.42", "cisco", "its whole name, beside words"),
        ("Eclipse Temurin JDK with Hotspot 21.0.3+9 (x64)", "21.0.3.9", "temurin", "its whole name"),
        ("R for Windows 4.3.3", "4.3.3", "r", "its whole name, for Windows"),
    ],
)
def test_a_target_whose_whole_name_the_record_holds_beside_words_no_target_uses(
    name, version, expected, reason
):
    found = best(name, version)
    assert found.target_id == expected and preselected(found)
    assert found.reasons[0].startswith(reason)


@pytest.mark.parametrize(
    ("name", "version", "not_this"),
    [
        ("Tenable Nessus Agent", "10.6", "nessus"),  # a part of the product
        ("Adobe Photoshop Elements 2024", "2024", "ps"),  # a lesser edition
        ("Microsoft 365 Apps for business - en-us", "16.0", "m365"),  # the target's tier is not the record's
        ("Mozilla Firefox 115.9.1esr (x64 en-GB)", "115.9.1", "ff"),  # another release channel
        ("Zoom", "5.17.5", "zoom"),  # a word fewer: the one product with it may be another one
        ("Google Chrome Trellix Agent", "1.0", "chrome"),  # two products in one name
    ],
)
def test_a_word_more_that_may_make_another_product_is_only_suggested(name, version, not_this):
    found = best(name, version)
    assert found is None or found.target_id != not_this or not preselected(found)


def test_words_run_together_are_read_as_the_targets_write_them():
    forwarder = best("UniversalForwarder", "9.2.1.0")
    assert forwarder.target_id == "uf" and preselected(forwarder)
    agent = best("QualysCloudAgent", "5.5.0.37")
    assert agent.target_id == "qualys" and agent.reasons[0] == "same name"


def test_a_build_number_after_a_plus_is_not_the_word_plus_and_a_suffix_after_a_version_is_a_word():
    assert normalise("Temurin 21.0.3+9") == "temurin 21.0.3 9"
    assert normalise("Notepad++") == "notepad plu plu"  # the plural "s" out, as every word
    assert normalise("Firefox 115.9.1esr") == "firefox 115.9.1 esr"
    assert normalise("Oracle 19c") == "oracle 19c"


def test_a_renamed_manufacturer_reads_as_its_new_name():
    pi = best("OSIsoft PI Server 2018 SP3", "3.4.430.460")
    assert pi.target_id == "pi" and preselected(pi) and "alias: OSIsoft = AVEVA" in pi.reasons
    agent = best("McAfee Agent", "5.7.9.139")
    assert agent.target_id == "agent" and preselected(agent)


SERVICES = [
    Item("patch", "Patch Management", context="Monthly security updates for servers and laptops"),
    Item("print", "Print Services", context="Managed printers and copiers"),
    Item("desk", "Service Desk", context="Single point of contact for IT incidents and requests"),
    Item("pos", "Point of Sale", context="Tills and card terminals in the shops"),
    Item("ptw", "Permit to Work", context="Electronic permits and isolations on site"),
    Item("cms", "Casino Management System", context="Slot accounting and player tracking"),
    Item("payroll-uk", "Payroll - UK", context="Monthly payroll for UK staff"),
    Item("endpoint", "Endpoint Management", context="Build and configuration of laptops (Intune, ConfigMgr)"),
    Item("provision", "Laptop and Desktop Provisioning", context="Supply and imaging of staff computers"),
    Item("pms", "Property Management System", context="Reservations, check-in and folios (Oracle OPERA)"),
    Item("rds", "Research Data Storage", context="Petabyte storage for research groups"),
]


def service(name: str, catalogue: list[Item] = SERVICES):
    return first_candidate(name, catalogue)


def test_a_service_name_with_words_for_what_it_serves_is_that_service():
    patching = service("Windows Server Patching")
    assert patching.target_id == "patch" and preselected(patching)
    assert patching.reasons[0] == "its whole name, for Server, Windows"


def test_a_service_name_with_any_other_word_more_is_only_suggested():
    found = service("3D Printing Lab")
    assert found is None or not preselected(found)


def test_a_region_after_a_service_name_is_read_as_its_tier():
    assert tiers_of("Global Service Desk (EMEA)") == {"emea"} and tiers_of("Visio 2016 - en-us") == set()
    desk = service("Global Service Desk (EMEA)")
    assert desk.target_id == "desk" and preselected(desk)
    other_region = service("Payroll - US")
    assert other_region.target_id == "payroll-uk" and not preselected(other_region)


def test_the_initials_people_say_include_the_small_words():
    for name, expected in (("POS", "pos"), ("PTW", "ptw")):
        found = service(name)
        assert found.target_id == expected and preselected(found), name


def test_an_acronym_beside_a_word_of_what_it_stands_for():
    casino = service("CMS - Casino")
    assert casino.target_id == "cms" and preselected(casino)
    assert casino.reasons[0] == "acronym: CMS = Casino Management System"


def test_a_product_in_brackets_that_only_another_target_gives_stops_a_pre_selection():
    desktop = service("Desktop Management (SCCM/Intune)")
    assert desktop is None or desktop.target_id != "provision" or not preselected(desktop)
    without = service("Desktop Management")
    assert without is None or without.target_id != "endpoint" or not preselected(without)


def test_a_product_in_brackets_that_one_target_alone_gives_finds_it():
    hotel = service("Hotel Reservations (OPERA)")
    assert hotel.target_id == "pms" and preselected(hotel)
    assert hotel.reasons[0] == "its details give OPERA, as the name's brackets do"
    nothing_else = service("Staff Canteen (OPERA)")  # no other word of the name agrees
    assert nothing_else is None or not preselected(nothing_else)


def test_store_and_storage_are_one_word():
    data = service("Research Data Store (RDS)")
    assert data.target_id == "rds" and preselected(data)


def test_a_target_without_a_version_that_only_adds_how_it_is_delivered():
    rstudio = [Item("rs", "RStudio Desktop", "", "Posit"), Item("zoom", "Zoom Rooms", "", "Zoom")]
    found = first_candidate("RStudio", rstudio, "2023.12.1+402", versioned=True)
    assert found.target_id == "rs" and preselected(found)
    rooms = first_candidate("Zoom", rstudio, "5.17.5", versioned=True)
    assert rooms is None or not preselected(rooms)


def test_a_matlab_release_is_the_version_its_install_reports():
    catalogue = [
        Item("23b", "MATLAB R2023b", "R2023b", "MathWorks"),
        Item("24a", "MATLAB R2024a", "R2024a", "MathWorks"),
    ]
    installed = first_candidate("MATLAB R2023b", catalogue, "23.2.0.2515942", versioned=True)
    assert installed.target_id == "23b" and preselected(installed)
    assert "release: MATLAB R2023b = MATLAB 23.2" in installed.reasons
    by_field = first_candidate("MATLAB", catalogue, "R2024a", versioned=True)
    assert by_field.target_id == "24a" and preselected(by_field)
    older = first_candidate("MATLAB R2022a", catalogue, "9.12.0.1884302", versioned=True)
    assert older is None  # another major: never a candidate
