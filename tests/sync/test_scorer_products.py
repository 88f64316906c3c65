"""Products in a service's name, and the words that make another product (issue 19): the shipped list of
which product delivers which service (sync.match_products), a product "for Windows" that is not
Windows, edition words that make another product, tiers written without a dash and the S of
"System" left out of an acronym. Each test names a rule, not a labelled case."""

import pytest
import yaml

from sync.match_products import PRODUCT_FILE, product_words, products_in, shipped_products
from sync.match_tiers import tiers_of
from sync.matching import Item, normalise, preselect
from sync.scorer import PRESELECT_AT, suggest
from sync.scorer_products import same_product
from tests.sync.scoring import first_candidate

SERVICES = [
    Item("sec", "Security: Email Security", context="Inbound mail filtering"),
    Item("arch", "Email Archiving", context="Journaling and retention of mailboxes"),
    Item("backup", "Backup and Restore", context="Nightly backups of servers"),
    Item("pay", "Payroll Integration", context="Nightly feed from Workday to the ledger"),
    Item("wms", "Warehouse Management", context="Stock, picking and dispatch in the distribution centres"),
    Item("yms", "Yard Management", context="Trailer check-in and dock scheduling"),
    Item("db-gold", "Database Hosting - Gold"),
    Item("db-bronze", "Database Hosting - Bronze"),
]


def best(name: str, catalogue: list[Item] = SERVICES, *args, **kwargs):
    return first_candidate(name, catalogue, *args, **kwargs)


def test_a_product_in_the_name_reads_as_the_service_it_delivers():
    mimecast = best("Mimecast Email Filtering")
    assert (mimecast.target_id, mimecast.score) == ("sec", PRESELECT_AT) and mimecast.preselectable
    assert "Mimecast delivers Email Security" in mimecast.reasons
    veeam = best("Veeam")  # the product alone: its service
    assert (veeam.target_id, veeam.score) == ("backup", PRESELECT_AT)


def test_a_service_built_with_another_product_is_only_suggested():
    databases = [
        Item("sql", "Database Services (SQL Server)"),
        Item("vdi", "Virtual Desktop (Azure Virtual Desktop)"),
    ]
    oracle = first_candidate("Oracle Database", databases)
    assert oracle.target_id == "sql" and oracle.score < PRESELECT_AT
    assert "its name gives SQL Server: suggested, never pre-selected" in oracle.why
    avd = first_candidate("AVD", databases)  # the product it gives, by another of its names
    assert avd.target_id == "vdi" and avd.score >= PRESELECT_AT and avd.preselectable


def test_other_words_pointing_elsewhere_leave_the_product_a_suggestion():
    archive = best("Mimecast Archiving")  # Mimecast's service, but the catalogue has Email Archiving
    assert archive is None or archive.score < PRESELECT_AT or archive.target_id == "arch"
    found = {
        c.target_id: c for c in suggest([Item("l", "Mimecast Archiving")], SERVICES, versioned=False)["l"]
    }
    assert "sec" not in found or found["sec"].score < PRESELECT_AT
    payroll = best("Workday Payroll")  # Payroll Processing is not "Payroll Integration" by name
    assert payroll.score < PRESELECT_AT


def test_a_service_whose_details_declare_another_product_is_only_suggested_for_a_product_it_delivers():
    mail = [
        Item(
            "mail", "Email and Calendar", context="Exchange Online mailboxes, shared mailboxes and calendars"
        )
    ]
    google = best("Google Workspace", mail)
    assert google.target_id == "mail" and not preselect([google], PRESELECT_AT)
    assert (
        best(
            "Google Workspace", [Item("mail", "Email and Calendar", context="Mailboxes and calendars")]
        ).score
        >= PRESELECT_AT
    )


@pytest.mark.parametrize(
    ("name", "details"),
    [
        ("AKS", "Container hosting platform (Azure Kubernetes Service)"),  # its initials
        ("Zscaler ZIA", "Internet filtering for remote users (Zscaler Internet Access)"),  # an acronym
        ("OSIsoft PI", "Time-series plant data (AVEVA PI System)"),  # its maker's later name
    ],
)
def test_details_that_declare_the_product_by_another_of_its_names_declare_no_other_product(name, details):
    product = products_in(product_words(name))[0]
    catalogue = [Item("s", product.service, context=details)]
    found = best(name, catalogue)
    assert found.target_id == "s" and preselect([found], PRESELECT_AT) == found


def test_another_product_of_the_same_makers_line_is_no_other_name_of_the_product():
    historian = [Item("h", "Process Historian", context="Plant data historian (Wonderware Historian)")]
    found = best("AVEVA PI System", historian)
    assert found.target_id == "h" and not preselect([found], PRESELECT_AT)


def test_the_one_service_named_with_the_product_where_its_own_service_names_another():
    devices = [
        Item("mdm", "Mobile Device Management", context="Phones and tablets (Microsoft Intune)"),
        Item("mac", "Mac Device Management", context="macOS enrolment and app catalogue (Jamf Pro)"),
    ]
    jamf = best("Jamf", devices)
    assert jamf.target_id == "mac" and jamf.score >= PRESELECT_AT and jamf.preselectable
    devices[0] = Item("mdm", "Mobile Device Management", context="Phones and tablets")  # declares nothing
    assert best("Jamf", devices).reasons[-1] == "as likely as Mobile Device Management"
    passing = [  # products named in passing declare nothing
        Item("mdm", "Mobile Device Management", context="Phones and tablets; guides are kept in Confluence"),
        Item("mac", "Mac Support", context="Mac desktops. Software is deployed through Jamf Pro policies"),
    ]
    assert preselect(suggest([Item("l", "Jamf Pro")], passing, versioned=False)["l"], PRESELECT_AT) is None
    managers = [  # "Configuration Manager" names the product without its maker's word
        Item("sd", "Software Distribution", context="App deployment (Microsoft Intune)"),
        Item("srv", "Server Management", context="Servers patched with Configuration Manager"),
    ]
    sccm = suggest([Item("l", "Microsoft Configuration Manager")], managers, versioned=False)["l"]
    assert preselect(sccm, PRESELECT_AT) is None


def test_a_product_is_looked_up_as_written_and_an_ordinary_word_product_only_suggested():
    assert [p.name for p in products_in(product_words("ADF pipelines"))] == []  # not ADFS
    sso = [Item("sso", "Single Sign-On"), Item("dns", "Domain Name Registration", context="Public domains")]
    adf = best("ADF", sso)
    assert adf is None or adf.score < PRESELECT_AT
    solutions = best("Network Solutions", sso)  # a registrar, but its name is two ordinary words
    assert solutions is None or solutions.score < PRESELECT_AT


def test_evidence_does_not_lift_a_suggestion():
    described = [*SERVICES[:2], Item("sec2", "Email Filtering", context="Mimecast gateway")]
    archive = suggest([Item("l", "Mimecast Archiving")], described, versioned=False)["l"]
    assert all(c.score < PRESELECT_AT for c in archive if c.target_id != "arch")


def test_a_tier_is_no_word_a_products_service_lacks_and_another_product_of_its_maker_is_no_fit():
    email = [Item("gold", "Email - Gold"), Item("std", "Email - Standard")]
    gold = best("Exchange Online - Gold", email)
    assert (gold.target_id, gold.preselectable) == ("gold", True) and gold.score >= PRESELECT_AT
    gateway = [Item("swg", "Secure Web Gateway", context="Zscaler Internet Access for all staff")]
    other = best("Zscaler Digital Experience", gateway)  # another product of the maker the details name
    assert other is None or other.score < PRESELECT_AT


def test_two_products_of_two_services_leave_it_to_a_person():
    assert [p.service for p in products_in(product_words("Veeam and Mimecast"))] == [
        "Backup and Recovery",
        "Email Security",
    ]
    both = best("Veeam and Mimecast")
    assert both is None or both.score < PRESELECT_AT


def test_the_longest_product_name_wins():
    words = product_words("CrowdStrike Falcon Insight EDR")
    assert products_in(words)[0].name == "CrowdStrike Falcon Insight"


def test_the_product_list_is_well_formed():
    data = yaml.safe_load(PRODUCT_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and len(data) >= 100
    seen: dict[str, str] = {}
    for service, products in data.items():
        assert isinstance(service, str) and isinstance(products, list) and products, service
        for product in products:
            key = " ".join(product_words(str(product)))
            assert key and key not in seen, f"{product} under {service} and {seen.get(key)}"
            seen[key] = service
    for word in ("box", "teams", "exchange", "access", "word", "outlook", "edge", "office", "gateway"):
        assert word not in seen, word  # ordinary words would read "Box Office" as a product
    assert sum(len(p) for p in shipped_products().values()) == len(seen)


def test_a_product_for_a_platform_is_not_the_platform():
    products = [
        Item("git", "Git for Windows", "", "The Git Development Community"),
        Item("w10", "Microsoft Windows 10", "10", "Microsoft"),
    ]
    server = suggest([Item("l", "Windows Server 2016 Standard", "10.0.14393")], products, versioned=True)["l"]
    assert all(c.target_id != "git" or c.score < PRESELECT_AT for c in server)
    windows = best("Windows 10 Pro 22H2", products, "22H2", versioned=True)
    assert (windows.target_id, windows.preselectable) == ("w10", True) and windows.score >= PRESELECT_AT


def test_a_product_with_a_word_more_is_only_suggested_against_a_target_without_a_version():
    rooms = [Item("rooms", "Zoom Rooms", "", "Zoom"), Item("sign", "Adobe Acrobat Sign", "", "Adobe")]
    for name, version in (("Zoom", "5.17.5"), ("Adobe Acrobat", "2020")):
        found = best(name, rooms, version, versioned=True)
        assert found is None or found.score < PRESELECT_AT or not found.preselectable, name


def test_an_edition_word_more_makes_another_product():
    nginx = [Item("plus", "NGINX Plus", "", "F5"), Item("java", "Java SE Development Kit 21", "21", "Oracle")]
    open_source = best("NGINX 1.26", nginx, "1.26", versioned=True)
    assert open_source is None or open_source.score < PRESELECT_AT  # NGINX Plus is F5's commercial edition
    jdk = best("JDK 21", nginx, "21.0.3", versioned=True)  # "SE" is the product's name, not an edition
    assert jdk.target_id == "java"
    jmp = best(
        "JMP Pro 17", [Item("jmp", "JMP 17", "17", "JMP Statistical Discovery")], "17.2.0", versioned=True
    )
    assert jmp is None or jmp.score < PRESELECT_AT  # JMP Pro is sold apart (separate_editions)
    power_bi = best("Power BI Pro", [Item("pbi", "Microsoft Power BI", "", "Microsoft")], versioned=True)
    assert power_bi.target_id == "pbi"  # elsewhere "Pro" is the edition of the same product


def test_a_tier_without_a_dash_and_the_s_of_system():
    assert normalise("DB Hosting Gold") == normalise("Database Hosting - Gold")
    assert tiers_of("Database Hosting Silver Tier") == {"silver"}
    assert tiers_of("AKS Non-Prod") == {"non prod"} == tiers_of("DB Hosting Non Production")  # no "- Prod"
    gold = best("DB Hosting Gold")
    assert (gold.target_id, gold.preselectable) == ("db-gold", True) and gold.score >= PRESELECT_AT
    yms = best("YMS")  # ranked first, but only suggested: "CMS" could be Change or Configuration Management
    assert (yms.target_id, yms.score) == ("yms", 86)
    assert yms.reasons[0] == "acronym: YMS = Yard Management (system)"
    wms = best("WMS")  # one the dictionary knows: a warehouse's, wherever it is written
    assert wms.target_id == "wms" and wms.preselectable and wms.score >= PRESELECT_AT
    centre = [Item("wfm", "Workforce Management - Contact Centre"), Item("tel", "Contact Centre Telephony")]
    wfm = suggest([Item("l", "Contact Centre WFM")], centre, versioned=False)["l"][0]  # not "WM": its own
    assert wfm.target_id == "wfm" and wfm.preselectable and wfm.score >= PRESELECT_AT
    itsm = [Item("chg", "Change Management"), Item("cfg", "Configuration Management")]
    assert all(c.score < PRESELECT_AT for c in suggest([Item("l", "CMS")], itsm, versioned=False)["l"])


def test_a_record_of_one_of_the_tiers_a_name_gives_after_a_record_of_all_of_them():
    gold = best("Database Hosting - Gold 24x7")  # hours of cover the catalogue does not sell apart
    assert gold.target_id == "db-gold" and gold.preselectable and "a tier of yours (gold)" in gold.reasons
    both = [*SERVICES, Item("db-gold-24", "Database Hosting - Gold 24x7")]
    found = suggest([Item("l", "Database Hosting - Gold 24x7")], both, versioned=False)["l"]
    assert [c.target_id for c in found[:2]] == ["db-gold-24", "db-gold"] and found[0].score > found[1].score
    untiered = [Item("any", "Database Hosting"), Item("gold", "Database Hosting - Gold")]
    assert best("Database Hosting - Gold (Prod)", untiered).target_id == "gold"  # one of its tiers first
    each = [Item("gold", "Database Hosting - Gold"), Item("prod", "Database Hosting - Prod")]
    either = suggest([Item("l", "Database Hosting - Gold (Prod)")], each, versioned=False)["l"]
    assert preselect(either, PRESELECT_AT) is None and either[0].reasons[-1].startswith("as likely as")


def test_the_services_acronym_beside_its_product_fits_the_service():
    catalogue = [
        Item("pam", "Privileged Access Management", context="Credential vaulting for administrators"),
        Item("iam", "Identity and Access Management", context="Joiners, movers and leavers"),
    ]
    pam = best("PAM - CyberArk", catalogue)  # each part finds it too (sync.scorer_readings._slashed)
    assert (pam.target_id, pam.preselectable) == ("pam", True) and pam.score >= PRESELECT_AT
    other = best("IGA - CyberArk", catalogue)  # initials of neither service: a suggestion
    assert other is None or other.score < PRESELECT_AT


def test_a_tier_word_without_a_dash_where_a_target_of_that_tier_has_the_rest_of_the_name():
    catalogue = [Item("std", "End User Computing - Standard"), Item("prem", "End User Computing - Premium")]
    catalogue += [Item("dq", "Data Quality")]
    premium = first_candidate("EUC Premium", catalogue, versioned=False)
    assert (premium.target_id, premium.preselectable) == ("prem", True) and premium.score >= PRESELECT_AT
    assert "same name" not in premium.reasons  # the name as written is not the target's
    found = suggest([Item("l", "Data Quality Standard")], catalogue, versioned=False)[
        "l"
    ]  # a standard, no tier
    assert not any(c.target_id == "dq" and c.preselectable and c.score >= PRESELECT_AT for c in found)


def test_a_service_named_for_the_product_and_its_service_is_the_products():
    teams = [
        Item("c", "Microsoft Teams Collaboration", context="Teams chat, channels and meetings"),
        Item("p", "Telephony - Teams Phone", context="Microsoft Teams Phone with Direct Routing"),
        Item("r", "Meeting Room AV", context="Microsoft Teams Rooms in boardrooms"),
    ]
    for name in ("Microsoft Teams", "MS Teams"):
        found = suggest([Item("l", name)], teams, versioned=False)["l"][0]
        assert (found.target_id, found.preselectable) == ("c", True) and found.score >= PRESELECT_AT
        assert found.reasons[0] == f"{name} delivers Collaboration Services"


def test_a_product_is_known_by_its_other_names_too():
    teams = [Item("tp", "Telephony - Microsoft Teams Phone"), Item("ms", "Microsoft Teams Collaboration")]
    calling = first_candidate("Teams Calling", teams)  # the dictionary's name for Teams Phone's calling
    assert calling.target_id == "tp" and calling.preselectable and calling.score >= PRESELECT_AT
    iam = [
        Item("iam", "Identity and Access Management", context="Microsoft Entra ID accounts and groups"),
        Item("bk", "Microsoft 365 Backup"),
    ]
    azure_ad = first_candidate("Azure AD", iam)  # its details name it by its new name, Entra ID
    assert azure_ad.target_id == "iam" and preselect([azure_ad], PRESELECT_AT) == azure_ad


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Jamf Pro", "Jamf", True),  # named longer or shorter
        ("Intune", "Microsoft Intune", True),
        ("AVD", "Azure Virtual Desktop", True),  # by another of its names
        ("Azure AD", "Microsoft Entra ID", True),
        ("MCAS", "Microsoft Defender for Cloud Apps", True),  # its words as products are read, no plural
        ("Jamf Pro", "Microsoft Intune", False),
    ],
)
def test_a_product_is_itself_by_any_of_its_names(one, other, same):
    [first], [second] = products_in(product_words(one)), products_in(product_words(other))
    assert same_product(first, second) is same and same_product(second, first) is same


def test_a_product_in_brackets_a_described_service_neither_names_nor_is_built_with_is_a_persons_choice():
    catalogue = [
        Item("pay", "Payroll - US", context="US payroll and benefits for NYC staff on ADP Workforce Now"),
        Item("web", "Webinar Platform - Marketing", context="Live webinars for authors"),
    ]
    found = first_candidate("Staff benefits platform (Perkbox)", catalogue)
    assert found is not None and found.target_id == "pay" and not found.preselectable
    assert found.reasons[-1] == "its details do not name Perkbox: suggested, never pre-selected"
    named = [catalogue[0], Item("perk", "Employee Perks", context="Discounts and rewards")]
    named[0] = Item("pay", "Payroll - US", context="Payroll on ADP Workforce Now; staff benefits on Perkbox")
    found = first_candidate("Staff benefits platform (Perkbox)", named)
    assert found is not None and found.target_id == "pay" and found.preselectable  # its details name it
    voice = [Item("voice", "Telephony - Hotels", context="Hosted Mitel MiVoice for hotels"), named[1]]
    found = first_candidate("Hosted voice (Aastra handsets)", voice)  # Aastra is Mitel's
    assert found is not None and found.target_id == "voice" and preselect([found], PRESELECT_AT) == found
    found = first_candidate("Hosted voice (Yealink handsets)", voice)  # not Mitel's
    assert found is not None and found.target_id == "voice" and not preselect([found], PRESELECT_AT)


def test_a_service_whose_details_name_a_rival_of_another_brand_is_not_the_products():
    bi = Item(
        "bi", "Business Intelligence and Reporting", context="Self-service reporting with Microsoft Power BI"
    )
    found = first_candidate("Qlik Sense Reporting", [bi, Item("dw", "Data Warehouse")])
    assert found is not None and found.target_id == "bi"
    assert not preselect([found], PRESELECT_AT)
    automation = Item(
        "ia",
        "Infrastructure Automation - Bronze",
        context="Provisioning automation with Red Hat Ansible Automation Platform and Terraform",
    )
    found = first_candidate("Ansible Tower", [automation, Item("dw", "Data Warehouse")])  # its family, beside
    assert found is not None and found.target_id == "ia" and preselect([found], PRESELECT_AT) == found


def test_a_category_before_a_dash_adds_no_word_where_what_follows_has_the_names_words_alone():
    """Set 157: "Chatbot / virtual agent" is the "Contact Center - Virtual Agent Chatbot", its category's
    words none of the name's; not where what follows has a word more ("Collaboration - OneDrive File
    Storage" for "File storage"), nor where another service's details have the name's words ("Samsara")."""
    catalogue = [
        Item("bot", "Contact Center - Virtual Agent Chatbot", context="Conversational AI answering FAQs"),
        Item("chat", "Contact Center - Chat and Messaging", context="Web chat and WhatsApp"),
        Item("files", "Collaboration - OneDrive File Storage"),
        Item("drives", "Collaboration - Shared Network Drives"),
        Item("fleet", "Fleet Telematics - Samsara - Silver"),
        Item("reefer", "Reefer Trailer Monitoring - Silver", context="Samsara sensors in trailers"),
    ]
    found = first_candidate("Chatbot / virtual agent", catalogue)
    assert found.target_id == "bot" and found.score >= PRESELECT_AT and found.preselectable
    for name in ("File storage", "Samsara"):
        found = first_candidate(name, catalogue)
        assert found is None or not (found.preselectable and found.score >= PRESELECT_AT), name


def test_a_word_that_ends_a_products_name_is_not_the_portfolio_names_word_without_the_product():
    """Sets 195, 196, 200, 207: "Database servers" names no "SQL Server", so "Database - SQL Server - Prod"
    is not the one product having its words; "SQL databases" names it, and "Linux Hosting" (Linux no
    English word) is still the "Hosting - Red Hat Enterprise Linux" it names."""
    catalogue = [
        Item("sql", "Database - SQL Server - Prod", context="Production SQL Server instances"),
        Item("hana", "Database - SAP HANA - Prod", context="HANA database for S/4HANA"),
        Item("rhel", "Hosting - Red Hat Enterprise Linux (Prod)"),
        Item("win", "Hosting - Windows (Prod)"),
    ]
    found = best("Database servers", catalogue)
    assert found.target_id == "sql" and not (found.preselectable and found.score >= PRESELECT_AT)
    found = best("SQL databases", catalogue)
    assert found.target_id == "sql" and found.preselectable and found.score >= PRESELECT_AT
    found = best("Linux Hosting (Prod)", catalogue)
    assert found.target_id == "rhel" and found.preselectable and found.score >= PRESELECT_AT


def test_a_product_is_no_service_of_its_shorter_namesake_however_its_details_speak():
    """Set 218: "Webex Calling", telephony, is no "Video Conferencing - Webex" described as "Calls with green
    coffee buyers"; "Webex calls" still is."""
    catalogue = [
        Item("vc", "Video Conferencing - Webex", context="Calls with green coffee buyers and importers"),
        Item("tel", "Telephony - Desk Phones", context="Avaya desk phones at head office"),
    ]
    found = best("Webex Calling", catalogue)
    assert found is None or not (found.preselectable and found.score >= PRESELECT_AT)
    found = best("Webex calls with buyers", catalogue)
    assert found.target_id == "vc" and found.preselectable and found.score >= PRESELECT_AT
