"""The scorer's rules for names a catalogue writes with its own words (issue 19): a service whose
description gives the words its name lacks, an acronym for part of a name, release names read as
versions, deployment words in brackets and stop words. Each test names a rule, not a labelled case."""

from sync.match_acronyms import acronym_within
from sync.match_versions import versions_read
from sync.matching import Item, normalise, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate

CATALOGUE = [
    Item(
        "mail", "Security: Email Security", context="Inbound spam, phishing and malware filtering for email"
    ),
    Item("web", "Security: Web Filtering", context="Category-based URL filtering for staff browsing"),
    Item("colo", "Colocation", context="Rack space in our data centre for partners' equipment"),
    Item("pay", "Payroll Integration", context="Nightly feed from Workday to the ledger"),
    Item("net", "Network Services", context="Switches, routers and monitoring of links"),
    Item("mon", "Infrastructure Monitoring", context="Servers and storage alerting"),
    Item("deploy", "Software Deployment", context="Application packaging via Intune and ConfigMgr"),
]


def best(name: str, catalogue: list[Item] = CATALOGUE, *args, **kwargs):
    return first_candidate(name, catalogue, *args, **kwargs)


def test_a_description_giving_the_words_the_name_lacks_is_pre_selected():
    spam = best("Spam Filtering")  # "filtering" is also Web Filtering's, but only Email Security has both
    assert (spam.target_id, spam.score) == ("mail", PRESELECT_AT) and spam.preselectable
    assert spam.reasons[0] == "its description gives the words its name lacks: Spam, Filtering"
    rack = best("Data Centre Rack Space")
    assert (rack.target_id, rack.score) == ("colo", PRESELECT_AT)
    tool = best("ConfigMgr Packaging")  # a product named after "via", and a common word
    assert (tool.target_id, tool.score) == ("deploy", PRESELECT_AT)


def test_two_services_holding_every_word_leave_it_to_a_person():
    both = [*CATALOGUE, Item("mail2", "Mail Relay", context="Outbound filtering of spam for applications")]
    spam = best("Spam Filtering", both)
    assert spam is None or spam.score < PRESELECT_AT


def test_another_system_or_another_kind_of_service_is_only_suggested():
    workday = best("Workday Payroll")  # named after "from": a system the service feeds, not delivers
    assert workday.target_id == "pay" and workday.score < PRESELECT_AT
    assert workday.reasons[0] == "its description gives the words its name lacks: Workday"
    network = best("Network Monitoring")  # Infrastructure Monitoring is named for the same kind
    assert network.score < PRESELECT_AT
    assert {
        c.target_id for c in suggest([Item("l", "Network Monitoring")], CATALOGUE, versioned=False)["l"]
    } >= {
        "net",
        "mon",
    }


def test_words_given_apart_or_as_another_system_are_only_suggested():
    catalogue = [
        Item("hr", "HR Services", context="Records are kept for seven years. Student placements by HR."),
        Item("id", "Identity Management", context="Accounts synced nightly from the student records system"),
        Item("pay", "Payroll Services", context="Starters and leavers are sent to Workday nightly."),
    ]
    for name in ("Student Records", "Workday Leavers"):
        found = best(name, catalogue)
        assert found is None or found.score < PRESELECT_AT, name


def test_a_generic_word_before_a_given_one_is_a_compound_the_description_must_give():
    rent = [Item("rent", "Rent Accounting", context="Rent charges, payments and direct debits")]
    found = best("Service Charge Accounting", rent)  # a service charge is not a rent charge
    assert found.target_id == "rent" and found.score < PRESELECT_AT
    leases = [Item("lease", "Leasehold Accounting", context="Service charges and ground rent billing")]
    assert best("Service Charge Billing", leases).score >= PRESELECT_AT
    finance = [Item("fin", "Financial Management", context="Ledgers and budgets (Microsoft Dynamics 365)")]
    assert best("Finance System (Dynamics 365)", finance).target_id == "fin"  # a bracket ends a run


def test_a_short_word_the_description_gives_is_not_a_longer_word_of_the_name():
    """ "Data" in "data centres" does not make "Database Migration" a "Data Migration"."""
    moves = [Item("db", "Database Migration", context="Moving databases between platforms or data centres")]
    found = best("Data Migration", moves)
    assert found.target_id == "db" and found.score < PRESELECT_AT
    mail = [Item("em", "Email Security", context="Filtering of inbound mail, spam and phishing")]
    assert best("Spam Filtering", mail).score >= PRESELECT_AT
    boxes = [Item("mb", "Mailbox Services", context="Mail archiving and retention (Exchange Online)")]
    assert best("Mail Archiving", boxes).score >= PRESELECT_AT  # a mail is still a mailbox's
    siem = [Item("lr", "LogRhythm SIEM", context="Log analytics, correlation and alerting")]
    assert best("Log Analytics", siem).score < PRESELECT_AT  # a brand that starts with the word


def test_a_building_is_not_what_a_description_builds():
    catalogue = [
        Item("euc", "Endpoint Management", context="Build, patching and software deployment for laptops"),
        Item("qms", "Quality Management System", context="Non-conformances and audits"),
    ]
    found = best("Building Management System", catalogue)
    assert found.target_id != "euc" or found.score < PRESELECT_AT
    assert best("Laptop Build", catalogue).target_id == "euc"  # the word as the description writes it


def test_a_service_name_saying_more_is_not_a_longer_name_holding_its_word():
    catalogue = [Item("tix", "Ticketing and Admissions", context="Ticket sales and timed entry (Tessitura)")]
    assert best("Ticketing", catalogue).score >= PRESELECT_AT  # all its words, one more
    it = best("IT Ticketing System", catalogue)  # "IT" says whose tickets
    assert it.target_id == "tix" and it.score < PRESELECT_AT
    assert best("IT Service Desk", [Item("s", "Student Service Desk")]).score < PRESELECT_AT
    assert best("Fleet Management System", [Item("f", "Vehicle Fleet Management")]).score >= PRESELECT_AT


def test_one_word_in_one_description_stays_a_suggestion():
    spam = best("Spam")  # a single word is too little to go by (a backup target, a feed)
    assert spam is None or spam.score < PRESELECT_AT


def test_an_acronym_for_part_of_a_name():
    assert acronym_within(("workday", "hcm"), ("workday", "human", "capital", "management")) == (
        "HCM = human capital management"
    )
    assert acronym_within(("zscaler", "zia"), ("zscaler", "internet", "access")) == "ZIA = internet access"
    assert acronym_within(("uat",), ()) == ""  # a name of no words ("A - UAT", its tier read away)
    assert acronym_within(("hcm",), ("human", "capital", "management")) == ""  # the dictionary's part
    assert acronym_within(("workday", "hcm"), ("oracle", "human", "capital", "management")) == ""
    pm = best("Contoso PM", [Item("pm", "Contoso Project Management", "", "Contoso")], versioned=True)
    assert (pm.target_id, pm.score) == ("pm", 86)  # two letters: Project Management, or Plant Maintenance?
    products = [
        Item("hcm", "Workday Human Capital Management", "", "Workday"),
        Item("fin", "Workday Financial Management", "", "Workday"),
    ]
    hcm = best("Workday HCM", products, versioned=True)
    assert (hcm.target_id, hcm.score, hcm.reasons[0]) == (
        "hcm",
        90,
        "acronym: HCM = human capital management",
    )
    sap = [
        Item(f"s{n}", f"SAP {name}", "", "SAP") for n, name in enumerate(["ERP", "GUI", "Ariba", "Concur"])
    ]
    sap.append(Item("attp", "SAP Advanced Track and Trace for Pharmaceuticals", "", "SAP"))
    attp = best("SAP ATTP", sap, "3.0", versioned=True)  # too unlike its spelling for the lexical pass
    assert (attp.target_id, attp.reasons[0]) == (
        "attp",
        "acronym: ATTP = advanced track and trace pharmaceutical",
    )
    assert attp.score < PRESELECT_AT  # initials alone: is "Cisco UCCE" Contact Center Enterprise or Express?


def test_an_acronym_may_keep_the_a_of_and_either_way():
    plants = [Item("scada", "SCADA"), Item("grc", "Governance, Risk and Compliance")]
    spelled = best("Supervisory Control and Data Acquisition", plants)
    assert (spelled.target_id, spelled.reasons[0]) == (
        "scada",
        "acronym: SCADA = Supervisory Control and Data Acquisition",
    )
    assert spelled.score >= PRESELECT_AT
    assert best("GRC", plants).target_id == "grc"  # without the "and", as before
    long = [Item("scada", "Supervisory Control and Data Acquisition")]
    assert best("SCADA", long).target_id == "scada" and best("SCDA", long).target_id == "scada"
    short = [Item("rad", "RAD"), Item("sam", "SAM"), Item("sm", "Sales and Marketing")]
    for name, other in (("Research and Development", "rad"), ("R&D", "rad"), ("SAM", "sm")):
        found = suggest([Item("l", name)], short, versioned=False)["l"]
        assert all(c.target_id != other for c in found), name  # such initials are another acronym's


def test_a_release_name_is_read_as_its_version():
    macs = [Item("14", "macOS Sonoma", "", "Apple"), Item("13", "macOS Ventura", "", "Apple")]
    sonoma = best("macOS", macs, "14.4.1", versioned=True)
    assert (sonoma.target_id, sonoma.preselectable) == ("14", True) and sonoma.score >= PRESELECT_AT
    assert "release: macOS Sonoma = macOS 14" in sonoma.reasons
    found = suggest([Item("l", "macOS 12.7", "12.7")], macs, versioned=True)["l"]
    assert found == []  # Monterey is neither: different majors never match


def test_a_deployment_word_in_brackets_is_kept():
    products = [
        Item("cloud", "Atlassian Confluence Cloud", "", "Atlassian"),
        Item("dc", "Atlassian Confluence Data Center 8", "8", "Atlassian"),
    ]
    cloud = best("Atlassian Confluence (Cloud)", products, versioned=True)
    assert (cloud.target_id, cloud.score) == ("cloud", 96)
    firefox = best(
        "Mozilla Firefox (x64 en-US)", [Item("ff", "Mozilla Firefox", "", "Mozilla")], "126.0", True
    )
    assert firefox.target_id == "ff"  # the inventory's noise still goes


def test_versions_as_inventories_and_packages_write_them():
    assert versions_read("1:8.9p1-3ubuntu0.6", "") == ("8.9", "")  # openssh's epoch, patch and release
    assert versions_read("17.0.10+7-1~22.04.1", "") == ("17.0.10", "")
    assert versions_read("22.04 LTS", "") == ("22.04", "")  # a servicing channel is no version
    assert versions_read("2019 LTSC", "") == ("2019", "")
    assert versions_read("6.0 LTS", "") == ("6.0", "")  # that minor's long-term release, no 6.4
    zabbix = [Item("z", "Zabbix Agent", "6.0 LTS", "Zabbix")]
    assert not best("zabbix-agent", zabbix, "1:6.4.10-1+ubuntu22.04", versioned=True).preselectable
    firefox = [Item("f", "Mozilla Firefox", "128 ESR", "Mozilla")]  # the extended support track, apart
    assert best("Mozilla Firefox (x64 en-US)", firefox, "128.0.3", versioned=True) is None
    ubuntu = [Item("u", "Ubuntu Server", "22.04 LTS", "Canonical")]
    assert best("Ubuntu 22.04.4 LTS", ubuntu, "22.04", versioned=True).score >= PRESELECT_AT
    runtimes = [
        Item("14", "Microsoft Visual C++ Redistributable", "14", "Microsoft"),
        Item("12", "Microsoft Visual C++ Redistributable", "12", "Microsoft"),
    ]  # a runtime's year, or a range's first one, is its major: 2015 to 2022 are 14, 2013 is 12
    vc14 = best(
        "Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810", runtimes, "14.40.33810.0", True
    )
    assert (vc14.target_id, vc14.preselectable) == ("14", True)
    vc12 = best(
        "Microsoft Visual C++ 2013 Redistributable (x64) - 12.0.40664", runtimes, "12.0.40664.0", True
    )
    assert (vc12.target_id, vc12.preselectable) == ("12", True)
    x64 = [Item("x64", "Microsoft Visual C++ 2015-2022 Redistributable (x64)", "14.38", "Microsoft")]
    x86 = best(
        "Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.38.33135", x64, "14.38.33135.0", True
    )
    assert x86.target_id == "x64" and not x86.preselectable  # another build: a person's choice
    assert "another build (64-bit): suggested, never pre-selected" in x86.reasons
    pythons = [Item("64", "Python 3.12 (64-bit)", "3.12", "PSF"), Item("any", "Python 3.12", "3.12", "PSF")]
    assert best("Python 3.12.1 x86_64", pythons[:1], "3.12.1", True).preselectable  # x86_64 is 64-bit
    bits32 = best("Python 3.12.1 (32-bit)", pythons, "3.12.1", True)
    assert (bits32.target_id, bits32.preselectable) == ("any", True)  # the record of no build first
    windows = [Item("95", "Windows 95", "95", "Microsoft"), Item("98", "Windows 98", "98", "Microsoft")]
    assert best("Windows 98SE", windows, versioned=True).target_id == "98"
    autodesk = [Item("max", "Autodesk 3ds Max 2025", "2025", "Autodesk")]
    assert best("Autodesk 3ds Max 2025", autodesk, "2025", versioned=True).score == 100


def test_release_channels_and_stop_words_say_nothing():
    citrix = [Item("cvad", "Citrix Virtual Apps and Desktops 7", "7", "Citrix")]
    assert (
        best("Citrix Virtual Apps and Desktops 7 LTSR", citrix, "7.15", versioned=True).score >= PRESELECT_AT
    )
    assert normalise("Traded ICT Services to Schools") == "traded ict service school"
    schools = [Item("s", "Schools ICT Traded Service")]
    assert best("Traded ICT Services to Schools", schools).score >= PRESELECT_AT


def test_a_software_name_that_says_what_kind_it_is_is_a_persons_choice():
    readers = [
        Item("foxit", "Foxit PDF Reader", "", "Foxit Software"),
        Item("adobe", "Adobe Acrobat Reader", "", "Adobe"),
        Item("vault", "Bitwarden Password Manager", "", "Bitwarden"),
        Item("cloud", "Salesforce Sales Cloud", "", "Salesforce"),
    ]
    for kind in ("PDF reader", "Password manager"):
        found = best(kind, readers, versioned=True)
        assert found is not None and not found.preselectable
        assert (
            found.reasons[-1]
            == "what kind of software it is, which several products are: suggested, never pre-selected"
        )
    found = best("Sales Cloud", readers, versioned=True)  # a product's name, capitalised
    assert found.target_id == "cloud" and found.preselectable and found.score >= PRESELECT_AT
    found = best("Password manager", [Item("p", "Password Manager", "", "Acme")], versioned=True)
    assert found.preselectable and found.score >= PRESELECT_AT  # the record of that very name
    foxit = suggest([Item("l", "PDF reader", "", "Foxit Software")], readers, versioned=True)["l"]
    assert preselect(foxit, PRESELECT_AT).target_id == "foxit"  # the maker says which
