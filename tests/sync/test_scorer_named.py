"""A service named for a product after its dash or in brackets (issue 19, sync.scorer_products): by any of
the product's names, less its maker's name, and with which one it is, beside services that have only some of
its words. Each test names a rule, not a labelled case."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate


def test_a_service_named_for_the_product_after_a_dash_or_in_brackets():
    catalogue = [
        Item("crm", "Recruitment CRM - Bullhorn", context="Candidate and placement records in Bullhorn"),
        Item("pay", "Payments - CHAPS and SWIFT"),
        Item("gsm", "Operational Telecoms (GSM-R)"),
        Item("ats", "Applicant Tracking"),
        Item("zip", "File Compression - 7-Zip"),  # "7zip" alone, "7 zip" after the dash
        Item("ops", "IT Operations - 3-Ops"),  # "3op" alone, "3 operation" after it
        Item("kobo", "Mobile Data Collection - KoboToolbox"),  # its words run together
    ]
    named = (("Bullhorn", "crm"), ("CHAPS", "pay"), ("GSM-R", "gsm"), ("7-Zip", "zip"), ("3-Ops", "ops"))
    named += (("KoBo Toolbox", "kobo"),)
    for name, found in named:
        named = first_candidate(name, catalogue)
        assert (named.target_id, named.score) == (found, PRESELECT_AT) and named.preselectable, name
    # only the whole of what follows the dash, and not a service about the product
    about = [
        Item("bk", "Backup - Salesforce", context="Daily backup of CRM data"),
        Item("crm", "CRM", context="Sales pipeline"),
        Item("mr", "Meeting Rooms - Zoom Rooms"),
        Item("lan", "Local Area Network - Beacon House"),
    ]
    about.append(Item("pp", "Identity - Passport"))  # English words run together are no product's name
    for name in ("Salesforce", "Zoom", "Beacon", "Pass Port"):
        found = first_candidate(name, about)
        assert found is None or not (found.preselectable and found.score >= PRESELECT_AT), name
    # another service built with it: a person decides
    intranet = Item("in", "Group Intranet", context="SharePoint Online communication site")
    docs = [Item("dm", "Document Management - SharePoint Online"), intranet]
    assert preselect(suggest([Item("l", "SharePoint")], docs, versioned=False)["l"], PRESELECT_AT) is None


def test_a_product_of_the_dictionary_is_named_after_a_dash_or_in_brackets_by_any_of_its_names():
    catalogue = [
        Item("mail", "Microsoft 365 Email (Exchange Online)", context="Mailboxes and calendars"),
        Item("intra", "SharePoint Online Intranet"),  # "Online" elsewhere: the whole name counts
        Item("erp", "Wholesale ERP - Business Central", context="Dynamics 365 Business Central for orders"),
    ]
    mail = first_candidate("Exchange Online", catalogue)
    assert (mail.target_id, mail.preselectable, mail.reasons[0]) == (
        "mail",
        True,
        "a service named for Exchange Online",
    )
    erp = first_candidate("Dynamics NAV", catalogue)  # its new name
    assert erp.target_id == "erp" and erp.preselectable and erp.score >= PRESELECT_AT
    assert erp.reasons[0] == "a service named for Business Central, another name of Dynamics NAV"
    # another service whose details open with it: a person decides; one that mentions it in passing uses it
    finance = Item("fin", "Management Accounts", context="Business Central ledgers and month-end packs")
    erp = first_candidate("Dynamics NAV", [*catalogue, finance])
    assert erp is None or not (erp.preselectable and erp.score >= PRESELECT_AT)
    finance = Item("fin", "Management Accounts", context="Ledgers kept in Business Central")
    erp = first_candidate("Dynamics NAV", [*catalogue, finance])
    assert erp.target_id == "erp" and erp.preselectable and erp.score >= PRESELECT_AT


def test_a_products_name_less_its_maker_and_a_backup_of_it_in_the_details():
    catalogue = [
        Item("cm", "Endpoint Management - Configuration Manager"),  # "Microsoft Configuration Manager"
        Item("mail", "Microsoft 365 Email (Exchange Online)"),
        Item("bk", "Microsoft 365 Backup", context="Backup of Exchange Online mailboxes and OneDrive"),
    ]
    for name, key in (("SCCM", "cm"), ("Exchange Online", "mail")):
        found = first_candidate(name, catalogue)
        assert found.target_id == key and found.preselectable and found.score >= PRESELECT_AT, name


def test_a_products_other_name_is_neither_generic_without_its_maker_nor_a_stray_acronym():
    filler = Item("wiki", "Wiki - Confluence")
    for name, service in (
        ("Azure AD", "Identity - Active Directory"),  # "Microsoft Active Directory", less its maker
        ("McAfee Endpoint Security", "Security - Endpoint Security"),
        ("IBM Spectrum Protect", "Rail Operations - TSM"),  # "TSM": no backup service
        ("Cisco Duo", "Language Apps - Duo"),
    ):
        found = first_candidate(name, [Item("s", service), filler])
        assert found is None or not (found.preselectable and found.score >= PRESELECT_AT), name
    clouds = [Item(k, f"Cloud Platform - {k.upper()}") for k in ("azure", "gcp", "aws")]
    for name, key in (("GCP", "gcp"), ("Google Cloud Platform", "gcp"), ("Amazon Web Services", "aws")):
        found = first_candidate(name, clouds)  # an acronym of the product's kind of service
        assert found.target_id == key and found.preselectable and found.score >= PRESELECT_AT, name


def test_a_name_of_what_a_service_is_and_which_one_is_that_service():
    parking = [
        Item("barriers", "Car Park Barrier Equipment - SKIDATA"),
        Item("meters", "Pay and Display Machines - Flowbird"),
        Item("erp", "SAP S/4HANA - ERP"),
        Item("siem", "Security: SIEM and SOC Monitoring (Microsoft Sentinel)"),
        Item("loler", "Equipment Inspection Records (LOLER)"),
        Item("inspections", "Site Inspections"),
    ]

    def chosen(name: str) -> str:
        found = preselect(suggest([Item("l", name)], parking, versioned=False)["l"], PRESELECT_AT)
        return found.target_id if found else ""

    assert chosen("SKIDATA Barriers") == "barriers"  # what it is and which one
    assert chosen("LOLER Inspections") == "loler"  # which one in brackets
    assert chosen("SAP ERP") == ""  # which one a word of the dictionary: ERP is what SAP makes
    assert chosen("Security Monitoring") == ""  # a category's name, no which one


def test_a_product_and_what_a_service_is_find_the_service_named_for_both():
    backups = [
        Item("m365", "Microsoft 365 Backup (Veeam)"),
        Item("gold", "Managed Backup - Gold", context="Veeam backup of servers"),
        Item("silver", "Managed Backup - Silver", context="Veeam backup of servers"),
    ]
    found = first_candidate("Veeam for M365", backups)
    assert found is not None and found.target_id == "m365" and found.score >= PRESELECT_AT
    support = [Item("bt", "Remote Support - BeyondTrust"), Item("desk", "Desktop Support - Remote")]
    found = first_candidate("Bomgar Remote Support", support)  # BeyondTrust's former name, and its service
    assert found is not None and found.target_id == "bt" and found.score >= PRESELECT_AT
    hosting = [
        Item("pg", "Database Hosting - PostgreSQL", context="Managed PostgreSQL on Azure and AWS"),
        Item("sql", "Database Hosting - SQL Server", context="Managed Microsoft SQL Server"),
        Item("vm", "Hosting - VMware Private Cloud", context="Virtual machines in our data centres"),
        Item("aws", "Hosting - AWS Sydney", context="Workloads in AWS ap-southeast-2"),
    ]
    found = first_candidate("Postgres Hosting", hosting)  # its name gives the product, and "Hosting"
    assert found is not None and found.target_id == "pg" and found.score >= PRESELECT_AT
    bracketed = [
        Item(
            "pg", "Database Hosting (PostgreSQL) - 24x7", context="PostgreSQL for web and data applications"
        ),
        Item("sql", "Database Hosting (SQL Server) - 24x7", context="SQL Server clusters"),
        Item("web", "Website Hosting"),
        Item("aws", "AWS Hosting - 24x7"),
    ]
    found = first_candidate(
        "Postgres hosting", bracketed
    )  # of the services it delivers, the one named for it
    assert found is not None and found.target_id == "pg" and found.score >= PRESELECT_AT
    assert found.reasons[0] == "Postgres delivers Database Services"
    vpn = [
        Item("ra", "Remote Access VPN"),
        Item("s2s", "Site-to-Site VPN"),
        Item("dba", "Database Administration"),
    ]
    found = first_candidate("AnyConnect VPN", vpn)  # the service AnyConnect delivers, said again
    assert found is not None and found.target_id == "ra" and found.score >= PRESELECT_AT


def test_a_service_an_alias_reads_otherwise_still_has_the_words_it_is_written_with():
    teams = [
        Item("collab", "Microsoft Teams Collaboration"),
        Item("phone", "Telephony (Microsoft Teams Phone)"),
    ]
    found = first_candidate("MS Teams", teams)  # not "all its words" of the phone service alone
    assert found is not None and found.target_id == "collab" and found.score >= PRESELECT_AT
    assert found.preselectable


def test_a_one_word_name_other_details_write_as_a_proper_name_is_not_a_service_written_otherwise():
    """Set 122: "Teams" reads as "team", all the words of a "Team Wiki"; but the catalogue describes its
    collaboration services with Microsoft Teams, so it is that product, not the wiki."""
    catalogue = [
        Item("wiki", "Team Wiki", context="Confluence spaces for the departments"),
        Item("collab", "Collaboration and Online Meetings", context="Microsoft Teams chat and meetings"),
        Item("phone", "Enterprise Telephony", context="Calling through Microsoft Teams Phone"),
    ]
    found = first_candidate("Teams", catalogue)
    assert found is not None and found.target_id != "wiki"
    catalogue[1:] = [Item("collab", "Collaboration and Online Meetings", context="Slack channels")]
    assert first_candidate("Wikis", catalogue).target_id == "wiki"  # no other record's details write it
    found = first_candidate("Team", catalogue)  # written as the wiki's name writes it
    assert found.target_id == "wiki" and found.score >= PRESELECT_AT


def test_the_service_named_for_a_product_wins_over_the_dictionarys_service_built_with_another():
    library = [
        Item("sso", "Single Sign-On (Shibboleth IdP)"),
        Item("athens", "Off-Campus Library Access (OpenAthens)"),
    ]
    found = first_candidate("OpenAthens", library)  # the dictionary's single sign-on, named for Shibboleth
    assert found is not None and found.target_id == "athens" and found.score >= PRESELECT_AT
    assert found.preselectable


def test_a_service_named_for_a_product_after_its_makers_name_is_named_for_it():
    library = [
        Item("lms", "Reading Lists (Ex Libris Leganto)"),
        Item("disc", "Library Discovery (Primo VE)"),
        Item("int", "Intranet (Acme Widget Works Connect)"),
    ]
    found = first_candidate("Leganto", library)
    assert found is not None and found.target_id == "lms" and found.score >= PRESELECT_AT
    found = first_candidate("Connect", library)  # after three words: no maker's name
    assert found is None or found.score < PRESELECT_AT


def test_a_product_and_a_word_of_its_service_are_no_surer_than_the_word_is():
    devices = [Item("mdm", "Mobile Device Management"), Item("mac", "Mac Device Management")]
    found = first_candidate("Jamf Management", devices)  # Mac or mobile: a person's choice
    assert found is None or not (found.preselectable and found.score >= PRESELECT_AT)
    tails = [
        Item("r", "Statistics (R Studio)"),
        Item("h", "Telephony (Gamma Horizon)"),
        Item("e", "Email Service"),
    ]
    for name in ("Studio", "Horizon"):  # English words, and after a letter or a name
        found = first_candidate(name, tails)
        assert found is None or not (found.preselectable and found.score >= PRESELECT_AT), name


def test_a_product_after_its_makers_name_is_the_service_named_for_the_product():
    catalogue = [
        Item("bi", "Scientific Analytics and Visualisation (Spotfire)"),
        Item("cds", "Chromatography Data System - Chromeleon"),
        Item("bk", "Business Intelligence (Power BI)"),
    ]
    found = first_candidate("TIBCO Spotfire", catalogue)
    assert found is not None and found.target_id == "bi" and found.score >= PRESELECT_AT
    assert found.reasons[0] == "a service named for Spotfire, read without its maker's name (TIBCO)"
    found = first_candidate("Dionex Chromeleon", catalogue)
    assert found is not None and found.target_id == "cds" and found.score >= PRESELECT_AT
    found = first_candidate("Contoso Chromeleon", catalogue)  # no maker the dictionary knows
    assert found is None or found.score < PRESELECT_AT


def test_a_product_and_which_one_is_the_service_named_for_both_beside_other_sites():
    maximo = [
        Item("a", "Work Management (Maximo) - Ashgrove"),
        Item("k", "Work Management (Maximo) - Keel Point"),
        Item("inv", "Inventory and Warehouse (Maximo)"),
    ]
    found = first_candidate("Maximo - Ashgrove", maximo)
    assert found is not None and found.target_id == "a" and found.score >= PRESELECT_AT
    assert found.reasons[0] == "a service named for Maximo - Ashgrove"
    found = first_candidate("Maximo", maximo)  # which one: a person's choice
    assert found is None or found.score < PRESELECT_AT or not found.preselectable


def test_ordinary_words_after_a_makers_name_are_no_product_named_for_a_service():
    catalogue = [Item("rep", "Project Reporting (Power BI)"), Item("st", "Meeting Rooms - Studio")]
    for name in ("Progress Reporting", "Poly Studio"):  # makers of the dictionary, then ordinary words
        found = first_candidate(name, catalogue)
        assert found is None or not found.reasons[0].startswith("a service named for"), name


def test_a_service_named_for_the_product_in_two_environments_beside_a_mention_in_passing():
    """Set 121: "HealthRoster LIVE" found no "e-Rostering (HealthRoster) - Production": its "- Test" record
    was counted as another service, and a warehouse's details that load from HealthRoster as one having it."""
    catalogue = [
        Item("prod", "e-Rostering (HealthRoster) - Production", context="RLDatix HealthRoster for wards"),
        Item("test", "e-Rostering (HealthRoster) - Test", context="Non-production HealthRoster environment"),
        Item(
            "dw",
            "Data Warehouse (Heron)",
            context="SQL Server warehouse with loads from RiO and HealthRoster",
        ),
    ]
    for name in ("HealthRoster", "HealthRoster LIVE"):
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT).target_id == "prod", name
        assert found[0].reasons[0] == "a service named for HealthRoster"
    leading = [*catalogue[:2], Item("wfm", "Workforce Management", context="HealthRoster rotas and SafeCare")]
    assert not preselect(suggest([Item("l", "HealthRoster")], leading, versioned=False)["l"], PRESELECT_AT)
