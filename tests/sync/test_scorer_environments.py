"""A service name that ends in an environment not in production, without a tier's dash or brackets (issue
19, sync.scorer_environments): the service's record of that environment, never its live one."""

import pytest

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, Scorer, suggest
from sync.scorer_environments import environment_bracketed, environment_of, environment_within, kinds_of
from tests.sync.scoring import first_candidate

CATALOGUE = [
    Item("eam", "Enterprise Asset Management - Gold", context="IBM Maximo work orders and asset register"),
    Item("eam-t", "Enterprise Asset Management - Non-Prod", context="Maximo test and training"),
    Item("portal", "Customer Self-Service Portal - Gold"),
    Item("portal-t", "Customer Self-Service Portal (UAT)"),
    Item("cc", "Contact Centre - Prod"),
    Item("cc-t", "Contact Centre - Non-Prod"),
    Item("app", "Mobile App - Gold"),
    Item("app-t", "Mobile App - Non-Prod"),
    Item("pay", "Payroll"),
]


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Maximo Test/Train", ("Maximo", "Test/Train")),
        ("Salesforce sandboxes (UAT/SIT)", ("Salesforce", "sandboxes (UAT/SIT)")),
        ("S/4 QA & Dev", ("S/4", "QA & Dev")),
        ("AMOS Training Environment", ("AMOS", "Training Environment")),
        ("Fault Management System - Training", ("Fault Management System", "Training")),
        ("My Account UAT", ("My Account", "UAT")),
        ("AWS dev/test accounts", ("AWS", "dev/test accounts")),
        ("AD DS Dev", ("AD DS", "Dev")),  # after an acronym
        ("Tessitura TEST", ("Tessitura", "TEST")),
        ("Payroll (Test Environment)", ("Payroll", "(Test Environment)")),  # its place in the brackets
        ("CRM (UAT instance)", ("CRM", "(UAT instance)")),
        ("HR Portal preprod", ("HR Portal", "preprod")),
        ("CRM Pre-Prod", ("CRM", "Pre-Prod")),
        # what a service does, not where it runs
        ("Penetration Testing", ("Penetration Testing", "")),
        ("Till Training", ("Till Training", "")),
        ("Mobile App Development", ("Mobile App Development", "")),
        ("Derivatives UAT (member test)", ("Derivatives UAT (member test)", "")),
        ("Test", ("Test", "")),
        ("Mobile App Dev", ("Mobile App Dev", "")),
        ("Contact Centre Training System", ("Contact Centre Training System", "")),
        ("Learning and Development System", ("Learning and Development System", "")),  # one phrase
        ("Dev & Test", ("Dev & Test", "")),
        (")", (")", "")),  # nothing but a bracket, a record's name all the same
        (" ) ", (" ) ", "")),
        ("CRM (UAT)\t", ("CRM", "(UAT)\t")),  # whitespace after the bracket, as spreadsheets leave it
        ("CRM (UAT)\xa0", ("CRM", "(UAT)\xa0")),
        ("Salesforce Sandboxes", ("Salesforce", "Sandboxes")),
        ("Email - Tier 10", ("Email - Tier 10", "")),
        ("Court Case Management [TEST]", ("Court Case Management", "[TEST]")),  # in square brackets
        ("Computer-Aided Dispatch [TRAIN]", ("Computer-Aided Dispatch", "[TRAIN]")),
        ("Jail Management [Archive]", ("Jail Management [Archive]", "")),
        ("Adobe Creative Cloud (ACC)", ("Adobe Creative Cloud (ACC)", "")),  # the name's own initials
        ("Quality Assurance (QA)", ("Quality Assurance (QA)", "")),
    ],
)
def test_the_environment_a_name_ends_in(name, read):
    assert environment_of(name) == read


def test_a_product_its_services_records_name_in_every_environment_is_the_live_one_in_square_brackets():
    catalogue = [
        Item(
            "ccm",
            "Court Case Management",
            context="Tyler Enterprise Justice (formerly Odyssey) for the courts",
        ),
        Item(
            "ccm-t", "Court Case Management [TEST]", context="Tyler Enterprise Justice (Odyssey) for releases"
        ),
        Item(
            "ccm-tr", "Court Case Management [TRAIN]", context="Tyler Enterprise Justice (Odyssey) for clerks"
        ),
        Item("jail", "Jail Management", context="CentralSquare Inform Jail"),
    ]
    chosen = preselect(suggest([Item("l", "Odyssey")], catalogue, versioned=False)["l"], PRESELECT_AT)
    assert chosen is not None and chosen.target_id == "ccm"


def test_a_product_in_an_environment_is_its_services_record_of_that_environment():
    found = suggest([Item("l", "Maximo Test/Train")], CATALOGUE, versioned=False)["l"]
    chosen = preselect(found, PRESELECT_AT)
    assert chosen is not None and chosen.target_id == "eam-t"
    assert "read without Test/Train" in chosen.why
    assert all(c.target_id != "eam" or not c.preselectable or c.score < PRESELECT_AT for c in found)


def test_the_name_without_its_environment_finds_the_record_however_the_catalogue_marks_it():
    portal = first_candidate("Customer Self-Service Portal UAT", CATALOGUE)
    assert (portal.target_id, portal.preselectable) == ("portal-t", True) and portal.score >= PRESELECT_AT


def test_the_live_record_the_name_finds_as_written_is_kept_from_pre_selection():
    found = suggest([Item("l", "Contact Centre UAT")], CATALOGUE, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "cc-t"
    live = next(c for c in found if c.target_id == "cc")
    assert live.score < PRESELECT_AT or not live.preselectable


def test_a_word_that_may_be_what_a_service_does_is_no_environment():
    found = suggest([Item("l", "Mobile App Development")], CATALOGUE, versioned=False)["l"]
    assert not any(c.target_id == "app-t" and c.score >= PRESELECT_AT and c.preselectable for c in found)
    payroll = suggest([Item("l", "Payroll Test")], CATALOGUE, versioned=False)["l"]  # no test record
    assert all("read without" not in c.why for c in payroll)


def test_a_live_record_whose_details_give_the_environments_word_is_not_pre_selected_for_it():
    catalogue = [
        Item("eam", "Enterprise Asset Management - Gold", context="IBM Maximo production, test and training"),
        Item("eam-t", "Enterprise Asset Management - Non-Prod", context="Maximo test and training"),
    ]
    found = suggest([Item("l", "Maximo Test")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "eam-t"
    live = next(c for c in found if c.target_id == "eam")
    assert live.score < PRESELECT_AT and "in production, where the name gives Test" in live.why


def test_two_services_in_that_environment_are_a_persons_choice_whatever_its_word_finds():
    catalogue = [
        Item("fin", "Finance - Non-Prod", context="SAP S/4HANA quality and development systems"),
        Item("bill", "Customer Billing - Non-Prod", context="SAP IS-U test copies"),
        Item("fin-p", "Finance - Gold", context="SAP S/4HANA finance"),
    ]
    found = suggest([Item("l", "SAP Test Systems")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None
    billing = next(c for c in found if c.target_id == "bill")
    assert "as likely as Finance - Non-Prod, read without Test Systems" in billing.why


def test_the_services_own_word_is_no_environment():
    catalogue = [Item("st", "Security Testing - Gold"), Item("st-t", "Security Testing - Non-Prod")]
    found = suggest([Item("l", "Security Test")], catalogue, versioned=False)["l"]
    assert all("read without" not in c.why for c in found)
    assert preselect(found, PRESELECT_AT).target_id == "st"  # as before: the name's words, its live record


def test_a_record_of_another_environment_by_its_name_is_no_live_record():
    catalogue = [Item("f", "Finance - Gold"), Item("f-t", "Finance - Non-Prod"), Item("f-d", "Finance - Dev")]
    found = suggest([Item("l", "Finance UAT")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "f-t"  # its UAT is no Dev (kinds_of)
    assert (
        "a record of Dev: suggested, never pre-selected" in next(c for c in found if c.target_id == "f-d").why
    )
    assert not any(c.target_id == "f-t" and "another environment, beside live" in c.why for c in found)


def test_an_environment_and_its_place_in_brackets_find_the_services_record_of_it():
    found = suggest([Item("l", "Mobile App (Test Environment)")], CATALOGUE, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "app-t"
    assert "read without (Test Environment)" in found[0].why


@pytest.mark.parametrize("other", ["Intranet (Test)", "Intranet (Test Environment)", "Intranet (QA)"])
@pytest.mark.parametrize("live", ["Intranet - Gold", "Intranet (Production)"])
def test_a_name_without_a_tier_is_the_live_record_beside_one_named_for_an_environment(live, other):
    """However the catalogue names its test record, as "(Non-Prod)" or "(UAT)" before it: the live one is
    first and pre-selected, the test one only suggested (not "as likely as" each other)."""
    found = suggest([Item("l", "Intranet")], [Item("t", other), Item("p", live)], versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "p" and found[0].target_id == "p"
    test = next(c for c in found if c.target_id == "t")
    assert not test.preselectable and "another environment, beside live records" in test.why


def test_the_record_of_the_environment_a_name_gives_is_chosen_before_a_non_prod_one():
    portal = [
        Item("p", "HR Portal - Production"),
        Item("np", "HR Portal - Non-Prod"),
        Item("pp", "HR Portal - Pre-Production"),
    ]
    found = suggest([Item("l", "HR Portal preprod")], portal, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "pp"
    non_prod = next(c for c in found if c.target_id == "np")
    assert not non_prod.preselectable and "another environment: suggested" in non_prod.why


def test_a_product_found_in_a_services_live_and_test_records_is_the_live_ones():
    """However the name finds them (here by what the product delivers, and the test record's description
    names it as well): a name without a tier is the production record's."""
    platform = [
        Item("np", "Container Platform - Non-Prod", context="EKS clusters for development and QA"),
        Item("g", "Container Platform - Gold", context="Amazon EKS clusters for the game backends, 24x7"),
    ]
    found = suggest([Item("l", "EKS")], platform, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "g"
    test = next(c for c in found if c.target_id == "np")
    assert not test.preselectable and "another environment, beside live records" in test.why


ENVIRONMENTS = ["uat", "sit", "qa", "qas", "sandbox", "sandboxes", "staging", "preprod", "pre-prod", "test"]
ENVIRONMENTS += ["testing", "dev", "development", "train", "training", "tst", "trn", "stg", "sbx"]


@pytest.mark.parametrize("word", ENVIRONMENTS)
@pytest.mark.parametrize("place", ["", " environment", " environments", " systems", " vms", " databases"])
def test_every_environment_and_place_the_pattern_knows_ends_a_name(word, place):
    """The quick test of a name's last word (LAST_WORDS) lets through every name the pattern reads."""
    assert environment_of(f"CRM ({word.upper()}{place})")[1] == f"({word.upper()}{place})"


PMS = [
    Item("pms", "Property Management System - Gold", context="Oracle OPERA Cloud for the hotels, 24x7"),
    Item("pms-t", "Property Management System - Non-Prod", context="OPERA test and training"),
    Item("print", "Print Services - Gold"),
    Item("print-t", "Print Services - Non-Prod"),
    Item("video", "Video Conferencing - Gold"),
    Item("video-t", "Video Conferencing - Non-Prod"),
    Item("tv", "TV Platform - Gold"),
    Item("tv-t", "TV Platform - Non-Prod"),
]


@pytest.mark.parametrize(
    "name",
    [
        "PMS prod",
        "PMS PRD",
        "PMS production",
        "PMS live",
        "PMS (Live)",
        "PMS - PRD",
        "PMS: live",
        "PMS PROD tenant",
    ],
)
def test_a_name_ending_in_production_is_the_live_record(name):
    """However it writes production ("PMS prod", without a tier's dash or brackets), where the rest of the
    name finds a service with a test record: the live one, never the "- Non-Prod", whose tier names no
    "Prod" product beside the acronym."""
    found = suggest([Item("l", name)], PMS, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "pms"
    assert not next(c for c in found if c.target_id == "pms-t").preselectable


def test_a_name_ending_in_production_is_the_live_record_where_only_it_has_the_rest():
    """ "Passport login prd": the live record's description has Passport, its test record's does not; so
    it is found alone, and is no "- Gold" of another tier than production."""
    login = [
        Item(
            "g", "Customer Identity and Login - Gold", context="Subscriber login on Auth0 (codename Passport)"
        ),
        Item("t", "Customer Identity and Login - Non-Prod", context="Auth0 development and staging tenants"),
    ]
    found = suggest([Item("l", "Passport login prd")], login, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "g"


@pytest.mark.parametrize(
    "name",
    ["Print production", "Print Production", "Video Production", "PRINT PRODUCTION", "TV Production"]
    + ["PMS pre prod", "PMS not live", "PMS prod copy", "PMS Production Copy"],
)
def test_production_is_no_environment_where_no_test_record_tells_it_or_a_word_denies_it(name):
    """What a service does ("Print production": only a "Print Services" here), or an environment that is
    not production: no live record pre-selected."""
    found = suggest([Item("l", name)], PMS, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None


ERP = [
    Item("erp", "Finance ERP - Gold", context="Oracle NetSuite general ledger, payables and consolidation"),
    Item("erp-t", "Finance ERP - Non-Prod", context="NetSuite sandbox accounts"),
    Item("p2p", "Procurement - Gold", context="Coupa requisitions, invoices posted to NetSuite"),
]


@pytest.mark.parametrize("name", ["NetSuite prod", "NetSuite PRD", "NetSuite - live"])
def test_production_said_after_a_name_nothing_finds_for_sure_suggests_what_the_rest_finds_live(name):
    """Set 104's "NetSuite prod" found nothing, though "NetSuite" finds the ERP its description mentions: the
    live record is suggested, never pre-selected, and not the "- Non-Prod" the production word rules out."""
    found = suggest([Item("l", name)], ERP, versioned=False)["l"]
    assert {c.target_id for c in found} == {"erp", "p2p"}
    assert preselect(found, PRESELECT_AT) is None
    assert all("read without" in c.why for c in found)


def test_production_said_after_a_name_only_a_test_record_has_suggests_nothing_read_so():
    """ "X prod" is no test record's: where the rest finds only records of another environment, the
    production word adds none of them."""
    catalogue = [ERP[1], Item("crm", "Customer Relationship Management - Gold", context="Salesforce")]
    assert suggest([Item("l", "NetSuite prod")], catalogue, versioned=False)["l"] == []


def test_an_environment_in_brackets_before_the_rest_of_a_targets_name_is_its_environment():
    """Sets 111 and 112 name a service's records of other environments "Capability (TEST) - Scope - Tier": the
    "(TEST)" record is no live one, and production said after a name pre-selects the live record."""
    assert environment_bracketed("Core Administration Platform (SIT) - Enterprise") == (
        "Core Administration Platform - Enterprise",
        "SIT",
    )
    assert environment_bracketed("Product Lifecycle Management (TEST) [Group]")[1] == "TEST"
    assert environment_bracketed("Learning (Training) - Gold")[1] == ""  # what a service may do
    assert environment_bracketed("Warranty (UAT)")[1] == ""  # at its end: environment_of's
    assert environment_bracketed("(UAT) Portal")[1] == ""  # first: nothing it is one of
    assert environment_bracketed("Quality Assurance (QA) - Manufacturing")[1] == ""  # the name's initials
    plm = [
        Item("plm", "Product Lifecycle Management - Platinum", context="Siemens Teamcenter parts and BOMs"),
        Item("plm-t", "Product Lifecycle Management (TEST) - Silver", context="Teamcenter test and training"),
    ]
    found = suggest([Item("l", "Teamcenter")], plm, versioned=False)["l"]
    assert [c.target_id for c in found] == ["plm", "plm-t"] and not found[1].preselectable
    found = suggest([Item("l", "Teamcenter PRD")], plm, versioned=False)["l"]  # the live one, as "PMS prod"
    assert preselect(found, PRESELECT_AT).target_id == "plm" and not found[1].preselectable


def test_production_said_after_a_name_only_a_live_record_has_is_only_suggested():
    """No test record says that "prod" is an environment: the live record the rest names is suggested, never
    pre-selected (sync.scorer_environments._live_meant reads it so only beside a test record)."""
    found = suggest([Item("l", "NetSuite prod")], [ERP[0]], versioned=False)["l"]
    assert [c.target_id for c in found] == ["erp"] and found[0].score == PRESELECT_AT - 1
    assert preselect(found, PRESELECT_AT) is None


LEDGERS = [
    Item("fa", "Financial Accounting - Gold", context="Infor SunSystems general ledger and payables"),
    Item("fa-t", "Financial Accounting - Non-Prod", context="SunSystems test and training ledgers"),
    Item("web", "Brand Websites - Gold", context="Sitecore XM Cloud public websites"),
    Item("web-t", "Brand Websites - Non-Prod", context="Sitecore staging and content preview"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SunSystems TST ledgers", "fa-t"),  # an environment in capitals among the other words
        ("Sitecore STG / preview", "web-t"),
        ("SunSystems TST", "fa-t"),  # system ids' abbreviations at the end
        ("Sitecore - STG", "web-t"),
    ],
)
def test_an_environment_in_capitals_within_a_name_or_abbreviated_is_its_record(name, expected):
    found = suggest([Item("l", name)], LEDGERS, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == expected


def test_an_environment_within_a_name_is_one_word_in_capitals_never_the_first():
    assert environment_within("Adyen UAT merchant account") == ("Adyen merchant account", "UAT")
    for name in (
        "UAT Environment Booking",  # its first word
        "Test data masking",
        "Payroll DEV and TEST copies",  # two
        "PENETRATION TESTING SERVICE",  # a name all in capitals
        "Supplier QA Portal",  # another abbreviation too: quality assurance
        "VAT TRN Lookup",  # a tax registration number
        "Experian QAS Address Validation",  # a product
        "PAT TEST Records",  # portable appliance testing
    ):
        assert environment_within(name) == (name, ""), name


def test_a_targets_own_name_ending_in_live_however_written_is_no_environment_of_another():
    events = [Item("pl", "Events Live"), Item("g", "Events - Gold"), Item("np", "Events - Non-Prod")]
    for name in ("Events live", "Events Live ", "Events Live"):
        assert (
            preselect(suggest([Item("l", name)], events, versioned=False)["l"], PRESELECT_AT).target_id
            == "pl"
        )


def test_production_said_reads_as_the_live_record_of_a_service_whose_broader_name_has_a_test_record():
    """Sets 54 and 108: "PRD" after "Simphony POS US" is production where the "Restaurant POS - Simphony"
    it is one of has a "- Non-Production" record."""
    catalogue = [
        Item("us", "Restaurant POS - Simphony (US) - Gold"),
        Item("ca", "Restaurant POS - Simphony (CA) - Gold"),
        Item("test", "Restaurant POS - Simphony - Non-Production"),
    ]
    found = suggest([Item("l", "Simphony POS US PRD")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "us"


def test_production_said_is_no_environment_beside_a_test_record_of_a_one_word_service_it_begins_with():
    """A reviewer's: one "SAP - Non-Production" makes no "SAP Ariba PRD" a live record's name."""
    catalogue = [Item("ariba", "SAP Ariba - Gold"), Item("sap", "SAP - Non-Production")]
    assert Scorer(catalogue, versioned=False)._live_meant(Item("l", "SAP Ariba PRD")) == ""
    catalogue = [Item("pos", "Restaurant POS - Simphony (US) - Gold"), Item("t", "Restaurant POS - Non-Prod")]
    assert (
        Scorer(catalogue, versioned=False)._live_meant(Item("l", "Simphony POS US PRD")) == "Simphony POS US"
    )


def test_a_record_of_another_kind_of_environment_than_the_name_gives_is_only_suggested():
    """Set 121: "DCIQ Training instance" had pre-selected the "(DCIQ) - Test" record, "Heron UAT" a "-
    Development" one; a "- Non-Prod" gives no kind, and is still the record of any."""
    catalogue = [
        Item("prod", "Data Warehouse (Heron) - Production", context="Heron SQL Server data warehouse"),
        Item("dev", "Data Warehouse (Heron) - Development", context="Heron build environment"),
    ]
    found = suggest([Item("l", "Heron UAT")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None
    assert found[0].target_id == "dev" and "a record of Development" in found[0].why
    found = suggest([Item("l", "Heron DEV")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "dev"
    general = [catalogue[0], Item("np", "Data Warehouse (Heron) - Non-Prod", context="Heron test copies")]
    found = suggest([Item("l", "Heron UAT")], general, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "np"
    assert kinds_of("Dev/Test") == {"dev", "test"} and kinds_of("Schulung") == {"training"}
    assert kinds_of("Pre-Prod") == kinds_of("pre prod") == kinds_of("STG") == kinds_of("UAT") == {"test"}


def test_live_after_a_brand_written_in_mixed_case_is_production():
    """Set 121: "RiO Live" found nothing at all, "Live" read as a word of the service's name ("Events live")
    after a word of English letters; "RiO", written so, is a brand."""
    catalogue = [
        Item("prod", "Mental Health EPR (RiO) - Production", context="RiO for community mental health"),
        Item("uat", "Mental Health EPR (RiO) - UAT", context="Non-production RiO environment"),
        Item("ev", "Events", context="Conference bookings"),
    ]
    found = suggest([Item("l", "RiO Live")], catalogue, versioned=False)["l"]
    assert found and found[0].target_id == "prod" and preselect(found, PRESELECT_AT) == found[0]


def test_a_live_record_is_only_suggested_for_a_name_that_gives_a_tier_of_another_environment():
    """Set 122: "Corporate Website - staging" pre-selected the "Corporate Website", its one live record."""
    catalogue = [
        Item("web", "Corporate Website", context="Public website on Drupal"),
        Item("hr", "HR Portal"),
    ]
    found = suggest([Item("l", "Corporate Website - staging")], catalogue, versioned=False)["l"]
    assert found[0].target_id == "web" and not found[0].preselectable
    assert "a live record, where the name gives staging" in found[0].why
    found = suggest([Item("l", "Corporate Website - Prod")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "web"


def test_production_is_no_word_another_environments_details_give():
    """Set 214: "SMS gateway prod" is no "SMS Notification Gateway - Non-Prod" described as "Non-Prod, Tier 4.
    Test SMS gateway", its "prod" the details' "Non-Prod"; its live record is first."""
    catalogue = [
        Item("prod", "SMS Notification Gateway - Prod", context="Transaction SMS via telco aggregators"),
        Item("np", "SMS Notification Gateway - Non-Prod", context="Non-Prod, Tier 4. Test SMS gateway"),
        Item("api", "API Gateway"),
    ]
    found = first_candidate("SMS gateway prod", catalogue)
    assert found.target_id == "prod"
    ranked = suggest([Item("l", "SMS gateway prod")], catalogue, versioned=False)["l"]
    np = next(c for c in ranked if c.target_id == "np")
    assert not (np.preselectable and np.score >= PRESELECT_AT)
