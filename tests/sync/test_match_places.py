"""Site codes read as the places a catalogue names in full, places read as the codes a catalogue writes, and
site codes a catalogue writes after its services' names (sync.match_places; sets 105 to 107, 226)."""

from sync.match_places import Codes, Places, coded_sites
from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, Scorer, suggest

NAMES = [
    "Onsite IT Support - Rzeszow - Silver",
    "Onsite IT Support - Wichita - Gold",
    "Site Network - Wichita - Gold",
    "Slope Monitoring - Madrid - Gold",
    "Payroll - Poland - Silver",
]


def test_a_code_that_starts_one_places_name_is_that_place():
    places = Places(NAMES, frozenset())
    assert places.read("Desk-side support RZE", {}) == ("Desk-side support Rzeszow", "RZE read as Rzeszow")


def test_no_code_of_a_word_of_its_own_nor_an_english_word_nor_a_tier_is_a_place():
    places = Places([*NAMES, "Backup - Rzeszowska - Gold"], frozenset())
    assert places.read("Support RZE", {}) == ("", "")  # two places start so
    assert places.read("Support MAD", {}) == ("", "")  # an English word
    assert places.read("Support WIC", {"wic": (1,)}) == ("", "")  # a word of a target's name
    assert places.read("Support Rze", {}) == ("", "")  # not written as a code
    assert Places(["Backup - Premium"], frozenset()).read("Backup PRE", {}) == ("", "")  # a tier is no place


def test_a_name_with_a_sites_code_finds_that_sites_record():
    catalogue = [
        Item("rze", "Harness Electrical Test - Rzeszow - Silver", context="Cirris Easy-Wire test programs"),
        Item("wic", "Harness Electrical Test - Wichita - Silver", context="Cirris Easy-Wire test programs"),
    ]
    found = suggest([Item("l", "Cirris test RZE")], catalogue, versioned=False)["l"]
    chosen = preselect(found, PRESELECT_AT)
    assert chosen.target_id == "rze" and "RZE read as Rzeszow" in chosen.reasons


def test_no_code_a_description_the_dictionary_or_an_environment_has_is_a_place():
    """A reviewer's: "EDI" is electronic data interchange where a description has it, not Edinburgh; "TRN"
    a training environment, not Trnava; "DYN" no Dynatrace, a product's name after a dash."""
    catalogue = [
        Item("net", "Site Network - Edinburgh - Gold"),
        Item("b2b", "B2B Integration - Gold", context="EDI with suppliers"),
        Item("trn", "Site Network - Trnava - Gold"),
        Item("dyn", "Monitoring - Dynatrace - Gold", context="APM"),
    ]
    for name in ("EDI Network", "TRN network", "DYN Monitoring"):
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT) is None and not any("read as" in c.why for c in found)


def test_a_products_word_is_no_place():
    """ "HANA" is SAP's database, not Hanau (a second review)."""
    catalogue = [
        Item("erp", "SAP ERP - Gold", context="SAP S/4HANA finance and logistics"),
        Item("db", "Database Hosting - Gold", context="Oracle and SQL Server"),
        Item("hanau", "SAP ERP - Hanau - Silver", context="Plant maintenance for the site"),
    ]
    found = suggest([Item("l", "SAP ERP HANA")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None and not any("read as" in c.why for c in found)


SITED = [
    "Process Historian VLS - Gold",
    "Process Historian ANT - Silver",
    "Process Historian - Non-Production",
    "Laboratory Information Management VLS - Gold",
    "Laboratory Information Management ANT - Silver",
    "Laboratory Information Management - Non-Production",
    "Weighbridge VLS - Silver",
    "Customer Portal API - Gold",
    "Payments API - Gold",
    "Customer Portal - Gold",
    "Payroll - EU",
    "Virtual Server Hosting DCA - Gold",
]


def known_words() -> frozenset[str]:
    """The dictionary's words no code is: what the scorer gives `coded_sites`."""
    book = Scorer([Item("t", "Warm-up")], versioned=False).book
    return book.vocabulary | book.generic


def test_a_code_ending_several_services_names_one_of_them_also_held_otherwise_is_a_sites():
    """Set 107: "VLS" and "ANT" end the names of several services, and "Process Historian" is also held
    without a code, in another environment. "Weighbridge VLS" is read so too, a code of the catalogue's
    sites; "API" is the dictionary's word, "- EU" a region after a dash, and "DCA" ends one service's name
    alone."""
    assert coded_sites(SITED, known_words()) == {
        0: ("Process Historian - Gold", "VLS"),
        1: ("Process Historian - Silver", "ANT"),
        3: ("Laboratory Information Management - Gold", "VLS"),
        4: ("Laboratory Information Management - Silver", "ANT"),
        6: ("Weighbridge - Silver", "VLS"),
    }


def test_no_environment_product_or_country_is_a_sites_code_nor_a_code_beside_the_live_service_itself():
    """A reviewer's: "UAT" is an environment, "AWS" a product, "UK" and "US" the dictionary's countries;
    "Backup AWS - Gold" beside a live "Backup - Gold" is a variant of it. "Payroll US" ends one service's name
    alone but is read as "Payroll UK" is, beside it."""
    known = known_words()
    assert coded_sites(["Payroll - Gold", "Payroll UAT - Silver", "HR Portal UAT - Silver"], known) == {}
    assert (
        coded_sites(["Backup AWS - Gold", "Data Warehouse AWS - Gold", "Backup - Non-Production"], known)
        == {}
    )
    assert coded_sites(["Payroll UK - Gold", "Payroll US - Gold", "Pensions UK - Gold"], known) == {}
    sites = [
        "Payroll RTM - Gold",
        "Payroll MEC - Gold",
        "Pensions RTM - Gold",
        "Backup RTM - Gold",
        "Backup - Gold",
    ]
    assert coded_sites(sites, known) == {
        0: ("Payroll - Gold", "RTM"),
        1: ("Payroll - Gold", "MEC"),
        2: ("Pensions - Gold", "RTM"),
    }


def test_an_acronym_finds_each_sites_record_and_no_test_record_is_pre_selected_beside_them():
    """ "LIMS" had pre-selected the non-production record, the one whose name has no site's code. A site's
    record read without its code is only suggested where the name gives no site, however the catalogue
    writes its other sites ("- Antwerp - Silver", "ANT (Silver)"): a reviewer's."""
    catalogue = [Item(f"t{n}", name) for n, name in enumerate(SITED)]
    found = suggest([Item("l", "LIMS")], catalogue, versioned=False)["l"]
    assert {c.target_id for c in found[:3]} == {"t3", "t4", "t5"}
    assert preselect(found, PRESELECT_AT) is None
    weighed = suggest([Item("l", "Weighbridge")], catalogue, versioned=False)["l"]
    assert weighed[0].target_id == "t6" and "read without its site's code VLS" in weighed[0].why
    assert preselect(weighed, PRESELECT_AT) is None
    mixed = [
        Item("vls", "Laboratory Information Management VLS - Gold"),
        Item("ant", "Laboratory Information Management ANT (Silver)"),
        Item("test", "Laboratory Information Management - Non-Production"),
        Item("ph", "Process Historian VLS - Gold"),
        Item("ph2", "Process Historian ANT - Gold"),
    ]
    for name in ("LIMS", "Laboratory Information Management"):
        assert preselect(suggest([Item("l", name)], mixed, versioned=False)["l"], PRESELECT_AT) is None


def test_a_word_only_its_description_has_says_which_sites_record():
    """Set 107: "Sloehaven" is the refinery's, in the one site's description."""
    catalogue = [
        Item("vls", "Laboratory Information Management VLS - Gold", context="Sloehaven lab, LabWare LIMS 8"),
        Item("ant", "Laboratory Information Management ANT - Silver", context="Antwerp lab, SampleManager"),
        Item("test", "Laboratory Information Management - Non-Production", context="LabWare test systems"),
        Item("ph", "Process Historian VLS - Gold"),
        Item("ph2", "Process Historian ANT - Gold"),
    ]
    found = suggest([Item("l", "LabWare LIMS lab Sloehaven")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "vls"
    found = suggest([Item("l", "LabWare LIMS")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None  # the test record's description has LabWare too


def test_a_product_delivering_a_service_held_at_several_sites_suggests_each_sites_record():
    """ "OSIsoft PI Vlissingen" had found nothing: the records its product delivers were three names."""
    catalogue = [Item(f"t{n}", name) for n, name in enumerate(SITED)]
    found = suggest([Item("l", "OSIsoft PI Vlissingen")], catalogue, versioned=False)["l"]
    assert {c.target_id for c in found} == {"t0", "t1", "t2"}
    assert all("OSIsoft PI delivers Process Historian" in c.why for c in found)
    assert preselect(found, PRESELECT_AT) is None


def test_a_place_written_in_full_is_the_one_code_it_starts():
    """Set 226: a catalogue writes its sites' codes after a dash, staff the places in full ("Cusco"), as the
    details of that code's records do."""
    names = [
        "Security - CCTV - CUS",
        "Printing - CUS",
        "Security - CCTV - SIC",
        "Printing - SIC",
        "WAN - UAT",
    ]
    codes = Codes(names, frozenset())
    details = {"cusco": {0, 1}, "sicuani": {2}, "canon": {1}}
    assert codes.read("CCTV Cusco", details) == ("CCTV CUS", "Cusco read as CUS")
    assert codes.read("CCTV Sicuani planta", details) == ("CCTV SIC planta", "Sicuani read as SIC")
    assert codes.read("CCTV cusco", details) == ("", "")  # not written as a place
    assert codes.read("CCTV Cusco", {}) == ("", "")  # no record of the code has it in its details
    assert codes.read("CCTV Cusco", details, {"cusco": (1,)}) == ("", "")  # a word of a target's name
    assert Codes(names[:1], frozenset()).read("CCTV Cusco", details) == ("", "")  # a code of one service
    assert Codes(["ERP - SAP", "Reporting - SAP"], frozenset()).codes == set()  # a product's word
    assert Codes(["A - GOLD", "B - GOLD"], frozenset()).codes == set()  # a tier


def test_a_name_with_a_place_in_full_finds_that_codes_record_through_the_scorer():
    catalogue = [
        Item("wpoz", "Warehouse - WMS - POZ", context="SAP EWM at the Poznan warehouse"),
        Item("wwro", "Warehouse - WMS - WRO", context="SAP EWM at the Wroclaw warehouse"),
        Item("ppoz", "Printing - POZ", context="Printers at the Poznan warehouse"),
        Item("pwro", "Printing - WRO", context="Printers at the Wroclaw warehouse"),
    ]
    chosen = preselect(
        suggest([Item("l", "Printers Wroclaw")], catalogue, versioned=False)["l"], PRESELECT_AT
    )
    assert chosen.target_id == "pwro" and "Wroclaw read as WRO" in chosen.reasons
