"""The scorer's evidence from a target's description (issue 19, sync.scorer_details and
sync.match_details): a description that names the portfolio record where it leads, the word of a
portfolio name that the target's name lacks, and the mentions that stay suggestions."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate

CATALOGUE = [
    Item("mail", "Microsoft 365 Email", context="Exchange Online mailboxes and calendars"),
    Item("lms", "Learning Management System", context="Canvas courses"),
    Item("store", "Storage Services", context="Backup targets, snapshots and disks"),
    Item("gw", "Secure Email Gateway", context="Filtering of inbound mail (EOP)"),
    Item("pay", "Payroll Integration", context="Nightly feed from Workday to SAP"),
    Item("doc", "Business Service", context="Business Service Offering; Records"),
    Item("mdm", "Mobile Device Management", context="Phones and tablets (Intune)"),
    Item("log", "Log Management", context="Replaced Splunk with Elastic"),
    Item("print", "Printing Services", context="PaperCut print queues"),
    Item("net", "Network Services", context="Switches and Monitoring"),
    Item("mon", "Infrastructure Monitoring", context="Servers"),
]


def best(name: str, catalogue: list[Item] = CATALOGUE, *args, **kwargs):
    return first_candidate(name, catalogue, *args, **kwargs)


def test_a_name_the_description_leads_with_is_pre_selected():
    exchange = best("Exchange Online")
    assert (exchange.target_id, exchange.score) == ("mail", PRESELECT_AT) and exchange.preselectable
    assert exchange.reasons == ("its description names Exchange Online",)
    assert best("EOP").target_id == "gw" and best("EOP").score == PRESELECT_AT  # in brackets
    canvas = best("Canvas")  # opens the text, and nothing else knows the word
    assert canvas.target_id == "lms" and canvas.score == PRESELECT_AT


def test_a_name_after_its_makers_name_opening_the_description_leads_it():
    catalogue = [
        Item("eam", "Enterprise Asset Management", context="IBM Maximo for substation maintenance"),
        Item("voice", "Telephony", context="Microsoft Teams Phone for calls and call queues"),
        Item("lab", "Lab Integration", context="Balances and plate readers feeding LabWare LIMS"),
    ]
    maximo = best("Maximo", catalogue)
    assert (maximo.target_id, maximo.score) == ("eam", PRESELECT_AT) and maximo.preselectable
    teams = best("Teams", catalogue)  # the start of another name after the maker's: "Teams Phone"
    assert teams is None or teams.score < PRESELECT_AT
    lims = best("LIMS", catalogue)  # the maker's name does not open the sentence: another system
    assert lims is None or lims.score < PRESELECT_AT
    backup = [Item("bk", "Backup - Microsoft 365", context="Veeam Backup for Microsoft 365 mailboxes")]
    m365 = best("Microsoft 365", backup)  # what the product before it is for, not made by it
    assert m365.target_id == "bk" and m365.score < PRESELECT_AT
    feed = [Item("pay", "Payroll Integration", context="Nightly Workday feed to the general ledger")]
    workday = best("Workday", feed)  # "Nightly Workday" is no product of the dictionary: no maker
    assert workday.target_id == "pay" and workday.score < PRESELECT_AT


def test_a_word_before_a_product_is_its_maker_only_as_the_dictionary_knows_it():
    catalogue = [
        Item("int", "Integration Services", context="Contoso Workday integration to payroll and AD"),
        Item("hr", "HR System", context="Employee records and absence"),
        Item("eam", "Asset Management", context="IBM Maximo 7 for substation maintenance"),
    ]
    workday = best("Workday", catalogue)  # the organisation's name, no maker: another system's feed
    assert workday.target_id == "int" and workday.score < PRESELECT_AT
    maximo = best("Maximo", catalogue)  # a number after the product is its version
    assert (maximo.target_id, maximo.score) == ("eam", PRESELECT_AT) and maximo.preselectable


def test_a_cloud_a_description_gives_is_the_clouds_own_service_where_one_is_named_for_it():
    catalogue = [
        Item("web", "Web Hosting", context="websites on Azure App Service"),
        Item("az", "Cloud: Microsoft Azure", context="tenant and subscriptions governance"),
        Item("ado", "Azure DevOps", context="repos and pipelines"),
    ]
    hosting = best("Azure Hosting", catalogue)  # "Hosting" says how, "Azure" which: the cloud's own?
    assert hosting is None or not hosting.preselectable or hosting.score < PRESELECT_AT
    web = best("Azure Web Hosting", catalogue)  # or an Azure product of its own: a person decides
    assert web.target_id == "web" and not (web.preselectable and web.score >= PRESELECT_AT)
    devops = [catalogue[0], catalogue[2]]  # a service of Azure is not Azure itself
    assert best("Azure Hosting", devops).target_id == "web" and best("Azure Hosting", devops).preselectable


def test_a_tier_in_brackets_is_no_product_of_another_target():
    catalogue = [
        Item("sql", "Database Hosting - SQL Server - Prod", context="SQL Server instances"),
        Item("fish", "Fish Production Records", context="Stocking, feeding and Production reports"),
    ]
    found = best("SQL Database Hosting (Production)", catalogue)
    assert found.target_id == "sql" and found.preselectable and found.score >= PRESELECT_AT
    planning = [Item("fin", "Financial Planning"), catalogue[1]]  # a business area beside no "- Prod"
    assert not best("Planning (Production)", planning).preselectable


def test_one_common_word_of_the_description_and_a_delivery_word_of_the_name_is_only_suggested():
    cmdb = [Item("cmdb", "Service Configuration Management", context="CMDB data quality and CI lifecycle")]
    quality = best("Quality Management System", cmdb)
    assert quality.reasons[0].startswith("its description gives the words") and quality.score < PRESELECT_AT
    vmware = best(
        "VMware Hosting", [Item("vsh", "Virtual Server Hosting", context="VMware vSphere clusters")]
    )
    assert vmware.target_id == "vsh" and vmware.score >= PRESELECT_AT  # a name it gives is more


def test_other_mentions_stay_suggestions():
    backup = best("Backup")  # opens a text too, but the dictionary knows the word
    assert backup.target_id == "store" and backup.score < PRESELECT_AT
    workday = best("Workday")  # another system the description names
    assert (workday.target_id, workday.reasons) == ("pay", ("its description mentions Workday",))
    assert workday.score < PRESELECT_AT
    offering = best("Offering")  # Title Case says nothing
    assert offering is None or offering.score < PRESELECT_AT
    twice = [*CATALOGUE, Item("m2", "Mail Archive", context="Exchange Online journal")]
    assert best("Exchange Online", twice).score < PRESELECT_AT
    java = suggest(
        [Item("l", "Java", "9.0.4")],
        [Item("t", "Apache Tomcat 9.0", "9.0", context="Requires Java 9")],
        versioned=True,
    )["l"]
    assert all(c.score < PRESELECT_AT for c in java)  # software: the details only ever suggest


def test_a_product_named_in_the_description_explains_the_word_the_name_lacks():
    intune = best("Intune Device Management")
    assert (intune.target_id, intune.score, intune.reasons) == (
        "mdm",
        PRESELECT_AT,
        ("its description gives the words its name lacks: Intune",),
    )
    assert best("PaperCut Printing").target_id == "print"
    splunk = best("Splunk Log Management")  # named, but not what the service is delivered with
    assert splunk.target_id == "log" and splunk.score < PRESELECT_AT
    network = best("Network Monitoring")  # "Monitoring" names a service too: no explanation
    assert network is None or network.score < PRESELECT_AT


def test_a_name_another_services_name_has_too_is_only_mentioned_in_a_description():
    catalogue = [
        Item("cafe", "Café POS - Square", context="Square POS terminals and kitchen display in the cafes"),
        Item("retail", "Retail POS - Park Shops", context="Oracle Xstore point of sale in the shops"),
    ]
    found = first_candidate("POS", catalogue)
    assert found is not None and not (found.preselectable and found.score >= PRESELECT_AT)


def test_one_service_in_two_environments_names_it_as_one_the_live_record_first():
    catalogue = [
        Item(
            "eam", "Enterprise Asset Management - Gold", context="IBM Maximo work orders and asset register"
        ),
        Item("eam-t", "Enterprise Asset Management - Non-Prod", context="Maximo test and training"),
        Item("itsm", "IT Service Management", context="ServiceNow incident and change"),
    ]
    maximo = best("Maximo", catalogue)
    assert (maximo.target_id, maximo.score, maximo.preselectable) == ("eam", PRESELECT_AT, True)
    assert maximo.reasons == ("its description names Maximo",)
    # the live record leads with it, the test copy only mentions it: "Non-production Maximo instance"
    catalogue[1] = Item(
        "eam-t", "Enterprise Asset Management - Non-Prod", context="Non-production Maximo copy"
    )
    maximo = best("Maximo", catalogue)
    assert (maximo.target_id, maximo.score, maximo.preselectable) == ("eam", PRESELECT_AT, True)
    # a test record the catalogue marks its own way: "[TEST]"
    catalogue[1] = Item("eam-t", "Enterprise Asset Management [TEST]", context="Maximo test and training")
    maximo = best("Maximo", catalogue)
    assert (maximo.target_id, maximo.score, maximo.preselectable) == ("eam", PRESELECT_AT, True)
    catalogue[1] = Item("eam-t", "Enterprise Asset Management - Non-Prod", context="Maximo test and training")
    # where the live record only mentions it, the test copy that leads with it is not surely it
    catalogue[0] = Item("eam", "Enterprise Asset Management - Gold", context="Assets on IBM Maximo")
    assert best("Maximo", catalogue).score < PRESELECT_AT
    # two live tiers of one service: which one is a person's choice
    tiers = [
        Item("gold", "Service Desk - Gold", context="ServiceNow ITSM for head office"),
        Item("bronze", "Service Desk - Bronze", context="ServiceNow ITSM for the depots"),
    ]
    assert best("ServiceNow", tiers).score < PRESELECT_AT
    # two services, not one in two environments: neither is surely it
    catalogue[0] = Item("fleet", "Fleet Maintenance", context="IBM Maximo work orders for vehicles")
    assert best("Maximo", catalogue).score < PRESELECT_AT


def test_the_kind_another_service_is_named_for_keeps_only_a_name_of_two_words_from_pre_selection():
    catalogue = [
        Item("wan", "Network Services - WAN", context="WAN links and connectivity between sites"),
        Item("inet", "Internet Connectivity", context="Internet breakout"),
    ]
    assert best("WAN Connectivity", catalogue).score < PRESELECT_AT  # connectivity, or the WAN?
    site = best("Site WAN Connectivity", catalogue)
    assert (site.target_id, site.score, site.preselectable) == ("wan", PRESELECT_AT, True)


def test_a_products_other_name_in_a_description_names_it():
    """ "Yammer", renamed Viva Engage: the service whose details name Viva Engage, which none calls Yammer or
    Microsoft Viva Engage; only mentioned where another service's name holds the product ("Office 365",
    which a "Microsoft 365 Backup" is named for, beside details of "M365 licences")."""
    social = [
        Item("es", "Enterprise Social - Bronze", context="Viva Engage communities"),
        Item("i", "Intranet"),
    ]
    for name in ("Yammer", "Microsoft Viva Engage"):
        found = suggest([Item("l", name)], social, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT).target_id == "es"
    assert "its description names Viva Engage (alias: Yammer" in first_candidate("Yammer", social).why
    licences = [
        Item("lic", "Microsoft 365 Licensing", context="M365 E3 licence assignment"),
        Item("bak", "Microsoft 365 Backup"),
    ]
    found = suggest([Item("l", "Office 365")], licences, versioned=False)["l"]
    assert found[0].target_id == "lic" and preselect(found, PRESELECT_AT) is None


def test_services_read_exchange_online_and_virtual_desktop_by_their_short_names():
    """EXO and WVD are products' names, as services' details give them ("Exchange Online mailboxes")."""
    catalogue = [
        Item("mail", "Email and Calendar - Gold", context="Exchange Online mailboxes for all staff"),
        Item("vd", "Virtual Desktop - Silver", context="Azure Virtual Desktop for contact centre agents"),
        Item("web", "Online Check-in"),
    ]
    for name, expected in (("EXO mailboxes", "mail"), ("WVD for contact centre agents", "vd")):
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT).target_id == expected


def test_a_makers_name_before_a_product_leads_however_the_product_is_spelled():
    """ "Infor SunSystems general ledger …": a product of the dictionary, though "SunSystems" reads as
    "sunsystem"; so the one service with it (its test record beside it) is "SunSystems", and "SunSystems
    PRD" its live record."""
    ledgers = [
        Item("fa", "Financial Accounting - Gold", context="Infor SunSystems general ledger and payables"),
        Item("fa-t", "Financial Accounting - Non-Prod", context="SunSystems test and training ledgers"),
        Item("hr", "Core HR - Gold", context="HR ServiceNow case management"),
    ]
    for name in ("SunSystems", "SunSystems PRD"):
        found = suggest([Item("l", name)], ledgers, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT).target_id == "fa"
    assert not preselect(suggest([Item("l", "ServiceNow")], ledgers, versioned=False)["l"], PRESELECT_AT)


def test_a_letter_of_its_own_is_a_word_a_description_must_give():
    """ "R" is a product, "B" a building, the "T" of "T-Mobile" a name's: no "SAS statistical computing",
    "building A" or Vodafone service; nor is "on" of "Log-on" or "in" of "Check-in" a little word apart
    (two reviews)."""
    stats = [Item("sas", "Statistical Analysis - Gold", context="SAS statistical computing")]
    doors = [Item("a", "Access Control - Gold", context="Building A doors and readers")]
    mobiles = [Item("mob", "Mobile Telephony - Silver", context="Vodafone mobile contracts and handsets")]
    kiosks = [Item("lk", "Library Kiosks", context="Self check-out of books")]
    logs = [Item("siem", "Security Monitoring", context="Splunk log collection and monitoring")]
    for name, catalogue in [
        ("R Statistical Computing", stats),
        ("R - Statistical Computing", stats),
        ("Building B Access Control", doors),
        ("Building B - Access Control", doors),
        ("Building B & C Access Control", doors),
        ("T-Mobile Contract", mobiles),
        ("AT&T Mobile Contract", mobiles),
        ("Self Check-in Kiosk", kiosks),
        ("Log-on Monitoring", logs),
    ]:
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        assert preselect(found, PRESELECT_AT) is None, name


def test_a_letter_is_no_word_a_description_gives():
    """Set 105 (a miner): "e-Invoicing" is no surer the Chile record whose description writes "e-invoicing"
    than the Peru one; a letter of "M&C" need not be in a description that gives the other words."""
    invoicing = [
        Item(
            "cl",
            "Electronic Invoicing - Chile - Gold",
            context="Tax documents sent through an e-invoicing provider",
        ),
        Item(
            "pe",
            "Electronic Invoicing - Peru - Gold",
            context="Payment vouchers sent to SUNAT through an OSE provider",
        ),
    ]
    found = suggest([Item("l", "e-Invoicing")], invoicing, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None and {c.target_id for c in found[:2]} == {"cl", "pe"}
    receivers = [
        Item("rmc", "Receiver Monitoring and Control", context="Front-end receiver telemetry and control"),
        Item("ant", "Antenna Control", context="Pointing and tracking"),
    ]
    receiver = best("Front-End Receiver M&C", receivers)
    assert receiver.target_id == "rmc" and receiver.score == PRESELECT_AT and receiver.preselectable
    assert receiver.reasons[0] == "its description gives the words its name lacks: Front, End"
    hosting = [
        Item("lx", "Linux Server Hosting", context="RHEL virtual machines on VMware"),
        Item("zos", "z/OS Platform Hosting", context="Mainframe"),
    ]
    assert best("Linux on Z Hosting", hosting).score < PRESELECT_AT  # "on" is given by no description


def test_an_external_service_is_one_kind_of_it():
    """ "Video conferencing" is not surely the "External Web Conferencing" beside a Teams service."""
    conferencing = [
        Item(
            "ext",
            "External Web Conferencing - Bronze",
            context="Zoom Workplace for webinars with external parties",
        ),
        Item("teams", "Collaboration and Meetings - Gold", context="Microsoft Teams chat and meetings"),
        Item("cctv", "Video Surveillance - Bronze", context="CCTV"),
    ]
    found = suggest([Item("l", "Video conferencing")], conferencing, versioned=False)["l"]
    assert found[0].target_id == "ext" and preselect(found, PRESELECT_AT) is None


def test_travel_and_expense_is_t_and_e_and_a_letter_no_services_word():
    """ "Concur T&E" (sets 95, 103, 105): the dictionary's T&E is travel and expense, whose letters make
    no name with a T a service's words: "T-DOC" is still the service named for it."""
    catalogue = [
        Item(
            "te", "Travel and Expense Management - Bronze", context="SAP Concur Travel and Expense for claims"
        ),
        Item("time", "Time Capture and Rostering - Silver", context="Kronos"),
        Item("sterile", "Sterile Services Instrument Tracking (T-DOC)", context="Instrument sets"),
    ]
    concur = best("Concur T&E", catalogue)
    assert concur.target_id == "te" and concur.score >= PRESELECT_AT and concur.preselectable
    tdoc = best("T-DOC", catalogue)
    assert tdoc.target_id == "sterile" and tdoc.score >= PRESELECT_AT and tdoc.preselectable


PLANTS = [
    Item(
        "cby",
        "Process Control System - Cerro Bayo Concentrator - Gold",
        context="Emerson DeltaV DCS for flotation",
    ),
    Item(
        "hua", "Process Control System - Huaycho Plant - Gold", context="Honeywell Experion PKS for crushing"
    ),
    Item("soc", "Security Operations Centre - Gold", context="Microsoft Sentinel SIEM and 24x7 monitoring"),
    Item("sp", "SharePoint Online & OneDrive", context="Document libraries"),
    Item("intra", "Intranet - Staff Hub", context="SharePoint communication sites"),
    Item("tix", "Ticketing - SecuTix (Prod)", context="SecuTix box office"),
    Item("tixt", "Ticketing - SecuTix (Test)", context="SecuTix test tenant"),
]


def test_words_no_record_has_tell_no_record_apart():
    """Set 105 (a miner): a site's code and another language's words are left out, and what is left is the
    product one service's description leads with ("concentradora" may be its "Concentrator"): suggested,
    as what is left out may be another site, product or environment ("DeltaV DCS HUA", "LabWare ELN")."""
    deltav = best("DeltaV DCS concentradora CBY", PLANTS)
    assert deltav.target_id == "cby" and deltav.score < PRESELECT_AT
    assert deltav.reasons[0] == "its description mentions DeltaV DCS (no record has concentradora, CBY)"
    assert best("Experion PKS HUA", PLANTS).target_id == "hua"
    assert best("DeltaV DCS HUA", PLANTS).score < PRESELECT_AT
    labs = [
        Item("lims", "Laboratory Information - Gold", context="LabWare LIMS for assays"),
        Item("test", "Laboratory Information - Non-Prod", context="LabWare LIMS for assays"),
    ]
    for name in ("LabWare LIMS pruebas", "LabWare ELN"):
        assert preselect(suggest([Item("l", name)], labs, versioned=False)["l"], PRESELECT_AT) is None


def test_no_record_has_a_product_a_generic_acronym_a_slip_or_an_environment_left_out():
    assert best("Splunk SIEM", PLANTS) is None  # what is left is the dictionary's: Splunk is the name
    onine = best("Sharepoint Onine", PLANTS)  # a slip of another service's word: not the intranet's
    assert onine.target_id == "sp" and onine.score < PRESELECT_AT
    recette = best("SecuTix Recette", PLANTS)  # French IT's acceptance test: an environment
    assert recette.target_id == "tixt"


def test_words_no_retired_record_has_may_be_a_live_ones():
    """The retired records' own scorer does not read a name less the words none of them has: a live record
    may have them ("Guidewire InsuranceSuite" is no retired mainframe replaced by Guidewire)."""
    catalogue = [
        Item("pc", "Guidewire PolicyCenter (Prod)", context="Guidewire PolicyCenter for policies"),
        Item(
            "old",
            "Motor Policy Administration - Mainframe - RETIRED",
            context="Guidewire replaced it in 2019",
        ),
    ]
    found = suggest([Item("l", "Guidewire InsuranceSuite")], catalogue, versioned=False)["l"]
    assert found[0].target_id == "pc"


def test_an_ampersand_in_a_description_is_and_as_names_read_it():
    """Set 106 (an aerospace parts maker): "Veeam Backup & Replication" opening a description declares the
    service built with Veeam, so "Commvault backup" is not surely it."""
    backup = [
        Item(
            "bk", "Backup and Recovery - Gold", context="Veeam Backup & Replication 12 with immutable copies"
        ),
        Item("m365", "Microsoft 365 Backup - Silver", context="Mailbox and OneDrive backups"),
    ]
    commvault = best("Commvault backup", backup)
    assert commvault.target_id == "bk" and commvault.score < PRESELECT_AT
    assert best("Veeam B&R", backup).target_id == "bk"


def test_a_former_name_in_brackets_after_a_product_is_that_products():
    """ "(formerly Pardot)" renames the product the service is delivered with; "formerly Pardot" on its own
    says the service was delivered with another system."""
    crm = Item("crm", "CRM - Global", context="Salesforce Sales Cloud")
    said = {
        "renamed": "Email campaigns on Salesforce Marketing Cloud Account Engagement (formerly Pardot)",
        "replaced": "Email campaigns on Salesforce Marketing Cloud; formerly Pardot",
    }
    picks = {
        how: preselect(
            suggest(
                [Item("l", "Pardot campaigns")],
                [Item("mkt", "Marketing Automation - Global", context=details), crm],
                versioned=False,
            )["l"],
            PRESELECT_AT,
        )
        for how, details in said.items()
    }
    assert picks["renamed"] and picks["renamed"].target_id == "mkt"
    assert picks["replaced"] is None


def test_a_codename_labels_every_sentence_of_a_description_but_capitals_alone_do_not():
    """ "Codename Orbit." and "FORGE:" label the whole description; a sentence that opens with a capital, or
    a capitalised word in another sentence, is no name of the service's own ("Marketing on HubSpot")."""
    hr = Item("hr", "HR Core - Global", context="Workday HCM")
    crm = Item("crm", "CRM - Global", context="Codename Orbit. Pipelines on Salesforce Sales Cloud")
    plm = Item("plm", "PLM - UK", context="FORGE: Siemens Teamcenter 14 for Farnborough")
    for name, target in (("Orbit (Salesforce CRM)", crm), ("Teamcenter (FORGE)", plm)):
        found = best(name, [target, hr])
        assert (found.target_id, found.score) == (target.key, PRESELECT_AT) and found.preselectable
    unlabelled = {
        "Salesforce Marketing": "Salesforce Sales Cloud for sales. Marketing on HubSpot.",
        "Spam Filtering": "Spam is quarantined. Filtering of outbound mail by Proofpoint",
    }
    for name, details in unlabelled.items():
        found = best(name, [Item("d", "Digital - Global", context=details), hr])
        assert found.target_id == "d" and found.score < PRESELECT_AT


def test_a_products_name_the_description_gives_in_another_products_name_is_only_mentioned():
    """Set 277: "Microsoft Defender for Office 365" gives "Microsoft" and "365", yet names no Microsoft 365;
    a description that writes the product's name as one is that product's service."""
    gateway = Item("g", "Email Security Gateway", context="Microsoft Defender for Office 365 spam filtering")
    found = best("Microsoft 365", [gateway])
    assert found.target_id == "g" and not preselect([found], PRESELECT_AT)
    suite = Item("s", "Office Suite", context="Microsoft 365 apps and licences for staff")
    assert preselect([best("Microsoft 365", [gateway, suite])], PRESELECT_AT).target_id == "s"
