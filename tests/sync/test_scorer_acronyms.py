"""Acronyms (issue 19, sync.scorer_acronyms): of a service's name before a dash, beside a product's name, and
the acronyms several systems share. Each test names a rule, not a labelled case."""

from sync.match_acronyms import bracketed
from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate as best


def test_an_acronym_of_a_name_before_a_dash_that_says_which_one_is_that_service():
    catalogue = [Item("mdm", "Mobile Device Management - Intune"), Item("sd", "Service Desk - Gold")]
    found = best("MDM", catalogue)
    assert found is not None and found.target_id == "mdm" and found.score >= PRESELECT_AT
    assert found.reasons[0] == "acronym: MDM = Mobile Device Management"
    two = [*catalogue, Item("dm", "Mobile Device Management - Jamf")]
    assert not preselect(suggest([Item("l", "MDM")], two, versioned=False)["l"], PRESELECT_AT)
    found = best("MDM Services (Gold)", catalogue)  # the acronym written in capitals among other words
    assert found is not None and found.target_id == "mdm" and found.score >= PRESELECT_AT


def test_an_acronym_of_several_common_systems_another_name_spells_without_its_s_is_a_persons_choice():
    signs = [Item("dms", "Dynamic Message Signs"), Item("doc", "Document Management (OnBase)")]
    assert not preselect(suggest([Item("l", "DMS")], signs, versioned=False)["l"], PRESELECT_AT)
    found = best("DMS", signs[:1])  # the one expansion
    assert found is not None and found.target_id == "dms" and found.score >= PRESELECT_AT


def test_one_service_in_two_environments_does_not_spell_its_acronym_otherwise():
    licensing = [
        Item("prod", "Driver Licensing System (Prod)", context="The DMV's core system (DLS) for licences"),
        Item("non", "Driver Licensing System (Non-Prod)", context="Test copy of the core system (DLS)"),
    ]
    found = best("DLS", licensing)
    assert found is not None and found.target_id == "prod" and found.score >= PRESELECT_AT
    assert found.preselectable


def test_an_acronym_beside_a_product_is_the_service_it_spells_that_has_the_product():
    catalogue = [
        Item("mdm", "Mobile Device Management", context="Microsoft Intune enrollment for phones"),
        Item("data", "Master Data Management", context="Golden records for customers"),
        Item("vpn", "Remote Access VPN (Cisco AnyConnect)", context="Replaced by GlobalProtect"),
    ]
    found = best("Intune MDM", catalogue)
    assert found is not None and found.target_id == "mdm" and found.score >= PRESELECT_AT
    assert found.reasons[0] == "acronym: MDM = Mobile Device Management"
    found = best("GlobalProtect VPN", catalogue)  # an alias's reading spells it, not the name as written
    assert found is None or not found.reasons[0].startswith("acronym")


def test_an_acronym_beside_a_product_finds_the_service_whose_details_name_it_as_written():
    """The details say "Intune", not the alias's "Microsoft Intune"; nothing else would find the service."""
    catalogue = [
        Item("mdm", "Mobile Device Management", context="Intune management of corporate smartphones"),
        Item("sd", "Service Desk"),
    ]
    for name in ("Intune MDM", "Intune MDM for smartphones"):
        found = best(name, catalogue)
        assert found is not None and found.target_id == "mdm" and found.score >= PRESELECT_AT
        assert found.reasons[0] == "acronym: MDM = Mobile Device Management"
    meters = [  # two services spell it: a mention in the other's details is only a suggestion
        Item("mdm", "Mobile Device Management", context="Phones and tablets"),
        Item("meter", "Meter Data Management", context="Meter readings from Intune-managed handhelds"),
    ]
    assert not preselect(suggest([Item("l", "Intune MDM")], meters, versioned=False)["l"], PRESELECT_AT)


def test_an_acronym_beside_a_name_the_dictionary_does_not_know_is_the_service_whose_details_have_it():
    catalogue = [
        Item(
            "ams", "Athlete Management System - Business Hours", context="Teamworks AMS (formerly Smartabase)"
        ),
        Item("bms", "Building Management System (BMS) - Stadium", context="Schneider EcoStruxure"),
    ]
    found = best("Smartabase AMS", catalogue)
    assert found is not None and found.target_id == "ams" and found.score >= PRESELECT_AT
    assert found.reasons[0] == "acronym: AMS = Athlete Management System - Business Hours"
    assert best("Kinexon AMS", catalogue) is None or not best("Kinexon AMS", catalogue).preselectable


def test_an_acronym_beside_a_product_spells_a_services_name_before_its_dash():
    """What follows the dash says which of the services so named the record is, as the product in its details
    does ("Thycotic PAM", "Unigraphics CAD")."""
    catalogue = [
        Item(
            "pam",
            "Privileged Access Management - Engineering",
            context="Delinea Secret Server (formerly Thycotic)",
        ),
        Item("iam", "Identity and Access Management - Corporate", context="Microsoft Entra ID"),
        Item(
            "cad",
            "Computer-Aided Design - Chassis",
            context="Siemens NX (formerly Unigraphics), Design Office",
        ),
        Item("ecad", "Computer-Aided Design - Electronics", context="Altium Designer PCB design"),
    ]
    for name, expected in (
        ("Thycotic PAM", "pam"),
        ("Unigraphics CAD - chassis", "cad"),
        ("Altium CAD", "ecad"),
    ):
        found = best(name, catalogue)
        assert found is not None and found.target_id == expected and found.score >= PRESELECT_AT, name
        assert found.reasons[0].startswith("acronym: "), name
    both = [
        *catalogue,
        Item("cad2", "Computer-Aided Design - Facilities", context="Altium and AutoCAD viewers"),
    ]
    assert not preselect(suggest([Item("l", "Altium CAD")], both, versioned=False)["l"], PRESELECT_AT)


def test_a_services_name_before_its_dash_spells_an_acronym_only_for_a_live_record_that_gives_the_product():
    """A reviewer's: the record named for the product first; never a test record, nor one whose details
    say the product was replaced, nor one of two the letters spell without their S."""

    def chosen(name: str, catalogue: list[Item]) -> str:
        pick = preselect(suggest([Item("l", name)], catalogue, versioned=False)["l"], PRESELECT_AT)
        return pick.target_id if pick else ""

    okta = [
        Item("okta", "Identity and Access Management - Okta"),
        Item("corp", "Identity and Access Management - Corporate", context="Okta SSO"),
    ]
    assert chosen("Okta IAM", okta) == "okta"
    vault = [
        Item("test", "Privileged Access Management - Corporate (Non-Prod)", context="Thycotic test vault"),
        Item("live", "Privileged Access Management - Corporate", context="CyberArk"),
    ]
    assert chosen("Thycotic PAM", vault) != "test"
    replaced = [
        Item(
            "emea", "Identity and Access Management - EMEA", context="Entra ID Governance; replaced SailPoint"
        ),
        Item("eng", "Identity and Access Management - Engineering", context="Ping Identity"),
    ]
    assert chosen("SailPoint IAM", replaced) == ""
    hotels = [
        Item("crs", "Central Reservations - Hotels", context="Sabre SynXis"),
        Item("crm", "Customer Relations - Hotels", context="SynXis guest data feeds"),
    ]
    assert chosen("SynXis CRS", hotels) == ""


def test_an_acronym_beside_what_a_service_names_after_its_dash_is_that_service():
    catalogue = [
        Item("ora", "Database Administration - Oracle (Prod)"),
        Item("oran", "Database Administration - Oracle (Non-Prod)"),
        Item("sql", "Database Administration - SQL Server"),
        Item("sas", "Statistical Computing Environment - SAS (Prod)"),
        Item("r", "Statistical Computing Environment - R (Posit)"),
    ]
    for name, key in (("Oracle DBA", "ora"), ("MS SQL DBA", "sql"), ("SAS SCE", "sas")):
        chosen = preselect(suggest([Item("l", name)], catalogue, versioned=False)["l"], PRESELECT_AT)
        assert chosen is not None and chosen.target_id == key, name
    found = best("Oracle DBA", catalogue)
    assert found is not None and found.reasons[0] == "acronym: DBA = Database Administration"
    assert not preselect(suggest([Item("l", "Sybase DBA")], catalogue, versioned=False)["l"], PRESELECT_AT)


def test_an_acronym_a_service_gives_in_brackets_beside_words_of_its_name_is_that_service():
    """Set 189: "CIS Billing" is the "Billing - Customer Information System (CIS)", its category's word beside
    the acronym the service gives; not where a word beside it is none of that service's ("CIS Metering")."""
    catalogue = [
        Item("cis", "Billing - Customer Information System (CIS) - Prod"),
        Item("old", "Billing - Legacy Billing System (Oracle Forms)", context="Replaced by the CIS in 2019"),
        Item("amr", "Metering - AMR Head End System"),
    ]
    found = best("CIS Billing", catalogue)
    assert found.target_id == "cis" and found.reasons[0].startswith("acronym: CIS = Billing")
    assert preselect(suggest([Item("l", "CIS Billing")], catalogue, versioned=False)["l"], PRESELECT_AT)
    found = best("CIS Metering", catalogue)
    assert found is None or not found.reasons[0].startswith("acronym: CIS")
    # a maker's or a kind's name in brackets is no acronym of the service's (a reviewer's cases)
    for name, other in (
        ("SAP HR", Item("r", "HR - Recruitment (SAP)")),
        ("ERP Finance", Item("p", "Finance - Payroll (ERP)")),
    ):
        found = best(name, [other, Item("h", "Human Capital Management")])
        assert found is None or not found.reasons[0].startswith("acronym:"), name


def test_a_name_led_by_its_own_acronym_reads_as_the_words_it_spells():
    catalogue = [Item("ics", "Internal Control System"), Item("sst", "Self-Service Lottery Terminals")]
    found = best("ICS - Internal Control System", catalogue)
    assert found is not None and found.target_id == "ics" and found.score >= PRESELECT_AT
    assert found.reasons[0] == "same name apart from its acronym (ICS)"
    found = best("Internal Control System - ICS", catalogue)  # at its end, as "(ICS)" is
    assert found is not None and found.reasons[0] == "same name apart from its acronym (ICS)"
    found = best("SSTs - Self Service Terminals", catalogue)  # its plural, and a word more in the target
    assert found is not None and found.target_id == "sst" and found.score >= PRESELECT_AT
    found = best("ABC - Internal Control System", catalogue)  # no acronym of those words
    assert found is not None and found.reasons[0] != "same name apart from its acronym (ICS)"


def test_a_name_that_spells_out_its_acronym_in_brackets_is_no_other_service_of_those_initials():
    """Set 192: "TFS (Team Foundation Server)" is not read as "TFS" alone, which a "Telephony - Fax Service"
    spells; a product in brackets still is ("MDM (Intune)")."""
    catalogue = [
        Item("fax", "Telephony - Fax Service (Legacy)", context="Fax-to-email gateway"),
        Item("mdm", "Mobile Device Management"),
    ]
    found = best("TFS (Team Foundation Server)", catalogue)
    assert found is None or found.target_id != "fax"
    assert best("TFS", catalogue).target_id == "fax"
    found = best("MDM (Intune)", catalogue)
    assert found is not None and found.target_id == "mdm" and found.score >= PRESELECT_AT


RESERVATIONS = [
    Item(
        "crs", "Central Reservations - Gold", context="Sabre SynXis central reservation system for all brands"
    ),
    Item("crs-t", "Central Reservations - Non-Prod", context="SynXis test chain for rate loading"),
    Item("rate", "Corporate Rate Sourcing - Bronze", context="Cvent RFP tool for corporate rates"),
    Item("bms", "Building Management - Silver", context="Siemens Desigo CC HVAC and plant alarms"),
]


def test_an_acronym_beside_a_product_may_leave_out_the_s_of_system():
    """ "SynXis CRS": the service named "Central Reservations" whose details have SynXis, not the "Corporate
    Rate Sourcing" that spells CRS in full but has no SynXis; the live record, though its test record's
    details lead with SynXis."""
    found = suggest([Item("l", "SynXis CRS")], RESERVATIONS, versioned=False)["l"]
    assert found[0].target_id == "crs" and preselect(found, PRESELECT_AT).target_id == "crs"
    assert found[0].reasons[0] == "acronym: CRS = Central Reservations - Gold (system)"
    test = next(c for c in found if c.target_id == "crs-t")
    assert not test.preselectable and test.score <= found[0].score
    assert (
        preselect(suggest([Item("l", "Desigo BMS")], RESERVATIONS, versioned=False)["l"]).target_id == "bms"
    )
    assert not preselect(suggest([Item("l", "Cvent BMS")], RESERVATIONS, versioned=False)["l"], PRESELECT_AT)
    cases = [
        Item("cm", "Case Management - Gold", context="Salesforce Service Cloud case handling"),
        Item("web", "Public Website"),
    ]  # CMS is several common systems' acronym: a content management system's too
    assert not preselect(suggest([Item("l", "Salesforce CMS")], cases, versioned=False)["l"], PRESELECT_AT)


def test_an_environment_or_tier_in_brackets_is_no_acronym_the_record_declares():
    assert bracketed("Security Log Monitoring (SIEM)") == "siem"
    assert bracketed("Data Warehouse - Marginalia (Dev)") == ""
    assert bracketed("Data Centre Hosting - Lakeshore (DR)") == ""
    assert bracketed("Server Hosting (Gold)") == ""
    assert bracketed("IT Disaster Recovery (DR)") == "dr"  # the name spells it
    warehouse = [Item("dev", "Data Warehouse - Marginalia (Dev)"), Item("bi", "Business Intelligence")]
    found = best("DEV", warehouse)
    assert found is None or not found.reasons[0].startswith("acronym")
    sites = [Item("dc", "Data Centre Hosting - Lakeshore (DR)"), Item("dr", "Disaster Recovery")]
    found = best("DR", sites)
    assert found is not None and found.target_id == "dr"


def test_a_codename_a_record_gives_in_brackets_stays_its_beside_details_that_open_with_it():
    """Set 120: "HELIX" was no more the "Online Storefront (HELIX)" than the checkout described as "HELIX
    basket, checkout …", a part of it; an acronym another record's details open with still is a choice."""
    catalogue = [
        Item("shop", "Online Storefront (HELIX) - Production", context="Customer web shop on commercetools"),
        Item(
            "pay", "Checkout and Order Capture", context="HELIX basket, checkout and order capture services"
        ),
    ]
    found = best("HELIX", catalogue)
    assert found is not None and found.target_id == "shop" and preselect([found], PRESELECT_AT) == found
    mobile = [  # a word in brackets written as a word, not in capitals, is no codename
        Item("tel", "Telephony (Mobile)", context="Corporate mobile phone contracts"),
        Item("mdm", "Device Management", context="Mobile devices enrolled in Microsoft Intune"),
    ]
    assert not preselect(suggest([Item("l", "Mobile")], mobile, versioned=False)["l"], PRESELECT_AT)
    dispatch = [
        Item("cad", "Police Command and Control (CAD)", context="Control room dispatch"),
        Item("fire", "Fire Mobilising System", context="CAD for fire and rescue dispatch"),
    ]
    assert not preselect(suggest([Item("l", "CAD")], dispatch, versioned=False)["l"], PRESELECT_AT)


def test_a_codename_in_capitals_a_record_gives_in_brackets_may_be_longer_than_an_acronym():
    assert bracketed("Carrier Integration Hub (COURIER) - Production") == "courier"
    assert bracketed("Payroll (TRAINING)") == "" and bracketed("Email (ARCHIVED)") == ""  # no codenames
    catalogue = [
        Item("prod", "Carrier Integration Hub (COURIER) - Production", context="Carrier booking on nShift"),
        Item("test", "Carrier Integration Hub (COURIER) - Non-Prod", context="nShift test accounts"),
    ]
    found = suggest([Item("l", "COURIER PRD")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "prod"
    assert found[0].reasons[0].startswith("acronym: COURIER")


def test_an_acronym_its_own_service_in_another_environment_describes_is_not_spelled_otherwise():
    """Set 121: "DCIQ" was a person's choice because the "(DCIQ) - Test" record's details open with
    "Non-production DCIQ instance": that is the same service, not another meaning of the letters."""
    catalogue = [
        Item("prod", "Incident, Risk and Complaints Management (DCIQ) - Production", context="RLDatix DCIQ"),
        Item("test", "Incident, Risk and Complaints Management (DCIQ) - Test", context="Non-production DCIQ"),
    ]
    for name in ("DCIQ", "DCIQ Live"):
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT).target_id == "prod", name
    payments = [  # another service of the same head is another meaning: a person's choice
        Item("cards", "Payment Processing (PSP) - Card Payments", context="Card acquiring"),
        Item("pay", "Payment Processing - Marketplace Payouts", context="PSP payouts to marketplace sellers"),
    ]
    assert not preselect(suggest([Item("l", "PSP")], payments, versioned=False)["l"], PRESELECT_AT)


def test_a_name_spelled_out_finds_the_record_of_its_acronym_less_its_maker():
    """Sets 59, 217, 248 and 259: an install spells out what the catalogue's record writes as an acronym
    after the product's first word, and its maker's name before it ("Fortinet FortiClient EMS")."""
    catalogue = [
        Item("ems", "Fortinet FortiClient EMS 7", "7", "Fortinet"),
        Item("vpn", "Fortinet FortiClient VPN 7", "7", "Fortinet"),
        Item("ssms", "Microsoft SQL Server Management Studio 20", "20", "Microsoft"),
        Item("ltm", "F5 BIG-IP Local Traffic Manager", "", "F5"),
    ]
    for name, version, record in [
        ("FortiClient Endpoint Management Server", "7.2.3.0879", "ems"),
        ("BIG-IP LTM", "17.1.1", "ltm"),
    ]:
        found = suggest([Item("l", name, version)], catalogue, versioned=True)["l"]
        assert preselect(found, PRESELECT_AT).target_id == record, name
        assert found[0].reasons[0].startswith("acronym: ")


def test_an_acronym_beside_a_product_that_delivers_it_is_the_service_giving_it_in_brackets():
    """Sets 137, 187 and 260: "Azure Sentinel SIEM", "SIEM - Wazuh": the product beside the acronym is one
    the dictionary says delivers it, so the one service giving the acronym in brackets is that service,
    however else its name reads; not where two services give it."""
    catalogue = [
        Item("siem", "Security Monitoring (SIEM)", context="Central log collection and alerting."),
        Item("lims", "Laboratory Information Management", context="Lab samples and results."),
        Item("fw", "Firewall and Perimeter Security"),
    ]
    for name in ("SIEM - Wazuh", "Azure Sentinel SIEM"):
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT).target_id == "siem", name
        assert found[0].reasons[1].endswith("delivers Security Information and Event Management")
    two = [*catalogue, Item("soc", "Security Operations Centre (SIEM)", context="Managed SOC.")]
    assert not preselect(suggest([Item("l", "SIEM - Wazuh")], two, versioned=False)["l"], PRESELECT_AT)


def test_a_names_initials_spell_no_english_word_a_record_writes_as_a_word():
    """Set 281: the initials of "Диадок ЭДО с контрагентами (УПД)", read in Latin letters, spell "desk"; the
    catalogue's "Service Desk" writes it as a word, no acronym. Written in capitals, it is one."""
    desk = [Item("sd", "Service Desk", context="IT; Tier 2; incidents and requests")]
    found = suggest([Item("l", "Диадок ЭДО с контрагентами (УПД)")], desk, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None
    assert not any(r.startswith("acronym: ") for c in found for r in c.reasons)
    capital_words = [Item("sd", "SERVICE DESK", context="IT; Tier 2; incidents and requests")]
    found = suggest([Item("l", "Диадок ЭДО с контрагентами (УПД)")], capital_words, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None  # a catalogue in capitals writes no acronym so
    capitals = [Item("cap", "CAP Service", context="Tier 2; planning")]
    found = suggest([Item("l", "Customer Account Portal")], capitals, versioned=False)["l"]
    assert found and found[0].reasons[0] == "acronym: CAP = Customer Account Portal"
