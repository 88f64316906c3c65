"""How the scorer reads the conventions of real catalogues and inventories (issue 19): "Category: Name"
services, editions, inventory build numbers, languages and patch levels. Each test names a rule,
not a labelled case."""

import pytest

from sync.match_rules import software_words, uncategorised
from sync.matching import Item
from sync.scorer import ACRONYM, PRESELECT_AT
from tests.sync.scoring import chosen_name as chosen
from tests.sync.scoring import ranked


def test_a_category_before_a_colon_is_read_apart():
    catalogue = [
        Item("wan", "Network: Wide Area Network"),
        Item("lis", "Clinical: Laboratory Information System"),
        Item("ehr", "Clinical: Electronic Health Record"),
        Item("mdi", "Medical Device Integration", context="Bedside devices feeding the EHR"),
        Item("nurse", "Nurse Call System"),
    ]
    assert uncategorised("Clinical: PACS") == "PACS" and uncategorised("https://x") == ""
    lis = ranked("LIS", catalogue)[0]
    assert (lis.target_id, lis.score) == ("lis", ACRONYM)
    assert chosen("WAN", catalogue) == "Network: Wide Area Network"
    assert chosen("EHR", catalogue) == "Clinical: Electronic Health Record"  # not the one mentioning it
    assert chosen("Clinical: Nurse Call", catalogue) == "Nurse Call System"


def test_two_editions_are_two_products_and_abbreviated_editions_are_one():
    models = [
        Item("vs", "Microsoft Visual Studio Professional 2022", "2022", "Microsoft"),
        Item("acro", "Adobe Acrobat Pro", "", "Adobe"),
        Item("gl", "GitLab Enterprise Edition", "", "GitLab"),
    ]
    community = ranked("Visual Studio Community 2022", models, "2022", True)[0]
    assert community.target_id == "vs" and not community.preselectable
    assert chosen("Adobe Acrobat Standard", models, versioned=True) == ""
    assert (
        chosen("Visual Studio Pro 2022", models, "2022", True) == "Microsoft Visual Studio Professional 2022"
    )
    assert chosen("GitLab EE", models, versioned=True) == "GitLab Enterprise Edition"


def test_an_inventory_build_number_is_not_the_products_version():
    models = [
        Item("w10", "Microsoft Windows 10", "10", "Microsoft"),
        Item("ws22", "Windows Server 2022", "2022", "Microsoft"),
        Item("sql19", "Microsoft SQL Server 2019", "2019", "Microsoft"),
    ]
    assert chosen("Windows Server 2022 Datacenter", models, "10.0.20348", True) == "Windows Server 2022"
    assert chosen("Windows Server 2016 Standard", models, "10.0.14393", True) == ""
    assert chosen("Windows 10 Pro 22H2", models, "22H2", True) == "Microsoft Windows 10"
    assert chosen("SQL Server 2019", models, "15.0.2000.5", True) == "Microsoft SQL Server 2019"


def test_languages_patch_levels_and_brackets_are_inventory_noise():
    assert software_words(["microsoft", "365", "apps", "for", "enterprise", "en", "us"]) == [
        "microsoft",
        "365",
        "apps",
        "for",
        "enterprise",
    ]
    assert software_words(["sap", "gui", "8.00", "patchlevel", "9"]) == ["sap", "gui", "8.00"]
    assert software_words(["en", "us"]) == ["en", "us"]  # a name that is only a language stays
    assert software_words(["adobe", "acrobat", "reader", "dc", "mui"]) == ["adobe", "acrobat", "reader", "dc"]
    reader = [Item("r", "Adobe Acrobat Reader DC", "24", "Adobe")]
    for language in ("Nederlands", "Deutsch", "Français"):  # as each language names itself, after a dash
        assert chosen(f"Adobe Acrobat Reader DC - {language}", reader, "24.002.20736", True), language
    for language in ("Russian", "Serbian", "Hebrew", "Arabic", "Thai", "Vietnamese"):  # as English names it
        assert chosen(f"Adobe Acrobat Reader DC - {language}", reader, "24.002.20736", True), language
    polish = [Item("p", "OctoNus Helium Polish", "", "OctoNus")]  # a word, not the language
    assert chosen("Helium", polish, "3.4", True) == ""
    autocad = [
        Item("a", "Autodesk AutoCAD 2024", "2024", "Autodesk"),
        Item("lt", "Autodesk AutoCAD LT 2024", "2024", "Autodesk"),
    ]
    for language in ("Italiano (Italian)", "Français (French)"):  # Autodesk's, with the English name after
        assert chosen(f"AutoCAD 2024 - {language}", autocad, "24.3.61.0", True) == "Autodesk AutoCAD 2024"
    assert chosen("AutoCAD 2024 - Italiano (LT)", autocad, "24.3.61.0", True) == ""  # an edition, no language
    dictionary = [Item("l", "Langenscheidt", "", "Langenscheidt")]  # no dash: a word of the name
    assert chosen("Langenscheidt Deutsch", dictionary, "", True) == ""
    models = [
        Item("ff", "Mozilla Firefox", "", "Mozilla"),
        Item("o19", "Microsoft Office Professional Plus 2019", "2019", "Microsoft"),
    ]
    firefox = ranked("Mozilla Firefox (x64 en-US)", models, "128.0.3", True)[0]
    assert firefox.name == "Mozilla Firefox" and firefox.preselectable and firefox.score >= PRESELECT_AT
    office = "Microsoft Office Professional Plus 2019 - en-us"
    assert chosen(office, models, "16.0.10411.20011", True) == "Microsoft Office Professional Plus 2019"


def test_a_macos_bundle_name_is_its_application():
    models = [Item("ff", "Mozilla Firefox", "", "Mozilla"), Item("zoom", "Zoom Workplace", "6.0", "Zoom")]
    assert chosen("Firefox.app", models, "125.0.3", True) == "Mozilla Firefox"
    assert chosen("zoom.us.app", models, "6.0.2", True) == "Zoom Workplace"
    notes = [Item("hcl", "HCL Notes", "", "HCL"), Item("onenote", "Microsoft OneNote", "", "Microsoft")]
    assert chosen("Notes.app", notes, "4.11", True) == ""  # the Notes that comes with macOS: Apple's
    assert chosen("Notes.app", [Item("notes", "Notes", "", "Apple")], "4.11", True) == "Notes"
    remote = [Item("rd", "Remote Desktop App", "", "Microsoft")]
    assert chosen("Remote Desktop.app", remote, "3.9.8", True) == ""  # Apple Remote Desktop's bundle
    adobe = [
        Item("ps24", "Adobe Photoshop 24", "24", "Adobe"),
        Item("ps25", "Adobe Photoshop 25", "25", "Adobe"),
    ]
    photoshop = "Adobe Photoshop 2023.app (com.adobe.Photoshop)"  # a Mac inventory's bundle and its id
    assert chosen(photoshop, adobe, "24.7.1", True) == "Adobe Photoshop 24"


def test_a_homebrew_tap_formula_is_its_product():
    models = [Item("tf", "Terraform", "", "HashiCorp"), Item("vault", "HashiCorp Vault", "", "HashiCorp")]
    assert chosen("hashicorp/tap/terraform", models, "1.8.2", True) == "Terraform"
    assert chosen(
        "hashicorp/tap/vault", [*models, Item("adsk", "Vault", "", "Autodesk")], "1.17.1", True
    ) == (
        "HashiCorp Vault"  # the tap's owner is the maker: not Autodesk's Vault
    )
    assert chosen("github.com/go-sql-driver/mysql", [Item("m", "MySQL", "", "Oracle")], "1.8.1", True) == ""


def test_a_whole_name_alias_stands_for_its_product_only_as_the_whole_name():
    models = [
        Item("zw", "Zoom Workplace", "6.0", "Zoom"),
        Item("zp", "Zoom Phone", "", "Zoom"),
        Item("zr", "Zoom Rooms", "6.0", "Zoom"),
    ]
    zoom = ranked("Zoom (64-bit)", models, "6.0.2", True)[0]
    assert (zoom.name, zoom.preselectable) == ("Zoom Workplace", True)
    assert "alias: Zoom = Zoom Workplace" in zoom.reasons
    assert chosen("Zoom", models, "6.0.11", True) == "Zoom Workplace"
    assert (
        chosen("Zoom Phone", models, "", True) == "Zoom Phone"
    )  # "Zoom" inside a longer name: its own words
    assert chosen("Zoom VDI", models, "6.0", True) == ""
    assert chosen("Zoom", models, "5.17", True) == ""  # another major of Zoom Workplace, never Zoom Rooms


@pytest.mark.parametrize(
    ("package", "version", "product"),
    [
        ("code", "1.89.1-1715060508", "Visual Studio Code"),
        ("docker-ce", "5:26.0.0-1~ubuntu.22.04~jammy", "Docker Engine"),
        ("slack-desktop", "4.37.94", "Slack"),
        ("git-core", "2.43.0-1.el9", "Git"),
        ("nginx", "1.24.0-1.el9.ngx", "NGINX Open Source"),
        ("splunkforwarder", "9.1.5-29befd543def", "Splunk Universal Forwarder"),
        ("intel-hpckit", "2024.2.1-39", "Intel oneAPI HPC Toolkit"),
        ("filezilla", "3.63.0-1", "FileZilla Client"),  # the client, as Windows lists it too
    ],
)
def test_a_linux_package_named_apart_from_its_product(package, version, product):
    models = [
        Item("vsc", "Visual Studio Code", "", "Microsoft"),
        Item("docker", "Docker Engine", "", "Docker"),
        Item("docker-ee", "Docker Engine - Enterprise", "", "Mirantis"),
        Item("slack", "Slack", "", "Slack Technologies"),
        Item("git", "Git", "", ""),
        Item("nginx", "NGINX Open Source", "", "F5"),
        Item("plus", "NGINX Plus", "", "F5"),
        Item("uf", "Splunk Universal Forwarder", "", "Splunk"),
        Item("splunk", "Splunk Enterprise", "", "Splunk"),
        Item("hpc", "Intel oneAPI HPC Toolkit", "", "Intel"),
        Item("base", "Intel oneAPI Base Toolkit", "", "Intel"),
        Item("fz", "FileZilla Client", "", "Tim Kosse"),
        Item("fzs", "FileZilla Server", "1.8", "Tim Kosse"),
    ]
    assert chosen(package, models, version, True) == product
    assert chosen(f"{package}-tools", models, version, True) != product  # the whole name only


def test_a_release_name_in_quotes_after_the_version_is_no_word_of_the_product():
    models = [Item("qgis", "QGIS", "", "QGIS.org"), Item("qfield", "QField", "", "OPENGIS.ch")]
    assert chosen("QGIS 3.34.4 'Prizren'", models, "3.34.4", True) == "QGIS"


def test_a_product_abbreviation_in_a_services_name_reads_as_the_product():
    catalogue = [
        Item("pg", "Database Hosting - PostgreSQL"),
        Item("sql", "Database Hosting - SQL Server"),
        Item("m365", "Microsoft 365 Administration"),
        Item("ad", "Active Directory Administration"),
        Item("k8s", "Container Platform", context="Managed Kubernetes clusters for product teams"),
        Item("vm", "Virtual Server Hosting"),
    ]
    assert chosen("Postgres Database Service", catalogue) == "Database Hosting - PostgreSQL"
    assert chosen("Office 365 Admin", catalogue) == "Microsoft 365 Administration"
    assert chosen("MSSQL Database Hosting", catalogue) == "Database Hosting - SQL Server"
    assert chosen("K8s Platform", catalogue) == "Container Platform"


def test_a_word_abbreviated_as_written_though_an_alias_reads_the_name_otherwise():
    catalogue = [  # the dictionary reads "Application Hosting" as "Cloud Hosting"
        Item("silver", "Application Hosting - Silver"),
        Item("gold", "Application Hosting - Gold"),
        Item("web", "Website Hosting", context="Public websites on Azure App Service"),
    ]
    assert chosen("App Hosting - Silver", catalogue) == "Application Hosting - Silver"
    assert chosen("App Hosting (Gold SLA)", catalogue) == "Application Hosting - Gold"


def test_a_whole_name_alias_needs_the_whole_name():
    models = [
        Item("vsc", "Visual Studio Code", "", "Microsoft"),
        Item("insiders", "Visual Studio Code - Insiders", "", "Microsoft"),
        Item("zw", "Zoom Workplace", "", "Zoom"),
        Item("zr", "Zoom Rooms", "", "Zoom"),
        Item("ee", "Docker Engine - Enterprise", "", "Mirantis"),
        Item("connector", "Zscaler App Connector", "", "Zscaler"),
        Item("qgis", "QGIS", "", "QGIS.org"),
        Item("qgis-server", "QGIS Server", "", "QGIS.org"),
    ]
    assert chosen("Code42", models, "11.1.1", True) == ""  # a glued number is no version of "code"
    assert chosen("Code 42", models, "11.1.1", True) == ""
    assert chosen("Code (Insiders)", models, "1.90", True) != "Visual Studio Code"
    assert chosen("Zoom (Rooms)", models, "6.0.2", True) != "Zoom Workplace"
    assert chosen("docker-ce", models, "5:26.0.0-1~ubuntu.22.04~jammy", True) == ""  # the community engine
    assert chosen("Zscaler", models, "4.2.0.601", True) == ""  # the client, not the App Connector
    assert chosen('QGIS 3.34.4 "Server"', models, "3.34.4", True) == "QGIS Server"  # an edition, no release


def test_one_install_name_for_two_editions_sold_apart_is_only_suggested():
    adobe = [Item("pro", "Adobe Acrobat", "", "Adobe"), Item("reader", "Adobe Acrobat Reader", "", "Adobe")]
    found = ranked("Adobe Acrobat (64-bit)", adobe, "24.003.20112", True)  # Reader's install is named so too
    assert {c.target_id for c in found} == {"pro", "reader"} and not any(c.preselectable for c in found)
    assert "another edition? suggested, never pre-selected" in found[0].reasons
    assert chosen("Adobe Acrobat (64-bit)", adobe[:1], "24.003.20112", True) == "Adobe Acrobat"  # one edition
    perpetual = [*adobe, Item("2020", "Adobe Acrobat 2020", "", "Adobe")]  # a product of its own
    assert chosen("Adobe Acrobat 2020", perpetual, "20.005.30574", True) == "Adobe Acrobat 2020"
    resolve = [
        Item("19", "DaVinci Resolve 19", "19", "Blackmagic Design"),
        Item("studio-18", "DaVinci Resolve Studio 18", "18", "Blackmagic Design"),
    ]
    assert chosen("DaVinci Resolve", resolve, "19.0.1", True) == "DaVinci Resolve 19"  # Studio: another major


def test_a_hyphen_or_space_inside_a_word_the_dictionary_reads_otherwise():
    catalogue = [
        Item("deskside", "Deskside Support"),
        Item("desk", "IT Service Desk"),
    ]  # an alias: End User Computing
    assert chosen("Desk-side Support", catalogue) == "Deskside Support"


def test_only_the_words_it_abbreviates_everywhere_are_read_as_written():
    catalogue = [
        Item("bill", "Billing Support"),
        Item("bi", "Business Intelligence"),
        Item("srv", "Server Hosting"),
    ]
    assert chosen("BI Support", catalogue) != "Billing Support"  # BI is Business Intelligence, not "Bi…"
    assert chosen("Serverless Hosting", catalogue) == ""
    rooms = [Item("class", "Classroom Scheduling"), Item("rooms", "Room Booking")]
    assert chosen("Class Scheduling", rooms) == ""


def test_a_product_named_alone_is_the_service_it_delivers_not_a_narrower_record_of_it():
    catalogue = [
        Item("db", "Database Services", context="Hosted SQL Server and Oracle databases"),
        Item("lic", "SQL Server Licensing"),
        Item("sw", "Software Licensing"),
    ]
    assert chosen("MSSQL", catalogue) == "Database Services"
    assert chosen("SQL Server Licensing", catalogue) == "SQL Server Licensing"


def test_a_number_ending_both_names_is_no_version_when_their_fields_are_two_majors():
    zabbix = [Item("agent2", "Zabbix Agent 2", "6.0", "Zabbix")]
    assert chosen("zabbix-agent2", zabbix, "1:6.0.33-1+ubuntu22.04", True) == "Zabbix Agent 2"
    assert chosen("zabbix-agent2", zabbix, "1:7.0.3-1+ubuntu24.04", True) == ""  # Agent 2 of release 7
    windows = [Item("w11", "Windows 11", "22H2", "Microsoft")]  # fields in another numbering say nothing
    assert chosen("Windows 11", windows, "23H2", True) == "Windows 11"


def test_a_number_ending_both_names_is_no_version_when_their_fields_are_two_minor_releases():
    lts = [Item("agent2", "Zabbix Agent 2 (7.0 LTS)", "7.0.3", "Zabbix SIA")]
    assert chosen("Zabbix Agent 2 (64-bit)", lts, "7.0.5", True) == "Zabbix Agent 2 (7.0 LTS)"
    assert chosen("Zabbix Agent 2 (64-bit)", lts, "7.2.0", True) == ""  # 7.2 is no release of the 7.0 track


def test_a_number_that_names_a_product_leaves_its_release_to_its_version_field():
    """Sets 268 and 269: "Zabbix Agent 2" at 7.0.4, its Debian package "zabbix-agent2" at 6.0.27, is the
    catalogue's "Zabbix Agent" of that major (the dictionary's named_numbers), as "kafka_2.13" at 3.7.0 is
    Apache Kafka 3, not 2; a number of another name is a version still: "grandMA2 onPC" at 3.9.60 is no "grandMA3
    onPC", nor "Python 2.7.18" at 3.11.4 a "Python 3", nor "Windows 11" at 10.0 a "Windows 10"."""
    agents = [Item("6", "Zabbix Agent 6", "6", "Zabbix"), Item("7", "Zabbix Agent 7", "7", "Zabbix")]
    assert chosen("Zabbix Agent 2 (64-bit)", agents, "7.0.4.2400", True) == "Zabbix Agent 7"
    assert chosen("zabbix-agent2", agents, "1:6.0.27-1+ubuntu22.04", True) == "Zabbix Agent 6"
    kafka = [Item("k", "Apache Kafka 3", "3", "Apache Software Foundation")]
    assert chosen("kafka_2.13", kafka, "3.7.0", True) == "Apache Kafka 3"
    two = [Item("k2", "Apache Kafka 2", "2", "Apache Software Foundation")]  # its Scala build's number
    assert chosen("kafka_2.12", two, "3.7.0", True) == ""
    for name, version, record in (
        ("grandMA2 onPC", "3.9.60", Item("3", "grandMA3 onPC", "", "MA Lighting")),
        ("grandMA2 onPC", "3.9.60", Item("3", "grandMA3 onPC", "3", "MA Lighting")),
        ("Python 2.7.18", "3.11.4", Item("3", "Python 3", "3", "Python Software Foundation")),
        ("Windows 11 Pro", "10.0.22631", Item("10", "Windows 10 Pro", "10", "Microsoft")),
    ):
        assert chosen(name, [record], version, True) == "", name


def test_windows_ltsc_is_licensed_apart_from_windows_enterprise():
    ltsc = [Item("ltsc", "Microsoft Windows 10 Enterprise LTSC 2021", "2021", "Microsoft")]
    assert chosen("Windows 10 Enterprise", ltsc, "10.0.19045.4780", True) == ""
    assert chosen("Windows 10 Enterprise LTSC 2021", ltsc, "10.0.19044.4780", True) == ltsc[0].name


def test_a_product_another_service_names_in_its_details_is_only_suggested_for_what_it_delivers():
    catalogue = [
        Item("teams", "Collaboration - Teams", context="Chat, meetings and channels (Microsoft Teams)"),
        Item("docs", "Document Management", context="Team sites and document libraries (SharePoint Online)"),
    ]
    assert chosen("SharePoint Online", catalogue) != "Collaboration - Teams"


NAMED_SO = [
    Item("pkg", "Software Packaging"),
    Item("kb", "Knowledge Management"),
    Item("pki", "Certificate Management"),
    Item("rel", "Deployment Management"),
    Item("fw", "Firewall Management"),
    Item("chg", "Change Enablement"),
    Item("dc", "Data Centre Colocation"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("App Packaging", "Software Packaging"),
        ("KB Articles", "Knowledge Management"),
        ("SSL Certs", "Certificate Management"),
        ("Firewall Rule Requests", "Firewall Management"),
        ("Firewall Rule Changes", "Firewall Management"),
        ("Colocation", "Data Centre Colocation"),
    ],
)
def test_the_words_catalogues_use_for_a_service(name, expected):
    assert chosen(name, NAMED_SO) == expected


def test_autocad_lt_is_another_edition_than_autocad():
    lt = [Item("lt", "Autodesk AutoCAD LT", "2024", "Autodesk")]
    assert chosen("Autodesk AutoCAD 2024", lt, "24.3.61.0", True) == ""
    assert chosen("AutoCAD LT 2024", lt, "24.3.61.0", True) == lt[0].name


def test_pos_and_epos_are_the_point_of_sale():
    catalogue = [Item("pos", "Point of Sale"), Item("pay", "Card Payments"), Item("rm", "Room Service")]
    assert chosen("POS", catalogue) == "Point of Sale"
    assert chosen("EPOS", catalogue) == "Point of Sale"
    assert chosen("Shop EPOS", [Item("shop", "Shop Point of Sale"), *catalogue[1:]]) == "Shop Point of Sale"


def test_one_of_the_things_a_service_name_lists_is_pre_selected_unless_another_says_whose():
    catalogue = [
        Item("box", "Cinema Ticketing and Box Office"),
        Item("ddi", "DNS, DHCP and IP Address Management"),
        Item("siem", "Security Information and Event Management"),
        Item("cap", "Capacity and Performance Management"),
        Item("att", "AT&T Mobile Services"),
    ]
    listed = "one of the things its name lists"
    for name, found in (("Box Office", "box"), ("IPAM", "ddi")):
        best = ranked(name, catalogue)[0]
        assert (best.target_id, best.why) == (found, listed) and best.score >= PRESELECT_AT
        assert chosen(name, catalogue) == best.name
    # the other things say whose it is, or another service's details name it too: a person decides
    guests = [Item("ent", "Guest Entertainment and Wi-Fi")]
    assert ranked("Wi-Fi", guests)[0].reasons[1] == "for guests: suggested, never pre-selected"
    assert chosen("Wi-Fi", guests) == ""
    contractors = [Item("co", "Contractor Onboarding and Remote Access"), Item("h", "Staff Home Working")]
    assert chosen("Remote Access", contractors) == ""
    pensions = [
        Item("pen", "Pensions Administration and Payroll", context="pensioner payroll"),
        Item("hr", "HR and Workforce System", context="iTrent HR and payroll for council staff"),
    ]
    assert chosen("Payroll", pensions) == ""  # another service's details have it too
    directory = Item("ad", "Directory Services", context="Active Directory and AD-integrated DNS")
    dns = ranked("DNS", [*catalogue, directory])
    assert dns[0].target_id == "ddi" and chosen("DNS", [*catalogue, directory]) == ""
    assert "Directory Services has it too: suggested, never pre-selected" in dns[0].reasons
    # the last word said of each thing: one word before it is no thing of its own; no split inside a word
    for name in ("Event Management", "Performance Management", "T Mobile Services"):
        assert all(listed not in c.why for c in ranked(name, catalogue)), name
    # another service with all its words: not even that
    more = [*catalogue, Item("bor", "Box Office Reporting")]
    assert all(listed not in c.why for c in ranked("Box Office", more))


def test_initials_skip_generic_words_only_at_a_names_ends():
    catalogue = [
        Item("dpr", "Data Platform and Reporting"),
        Item("drs", "Data and Reporting Support"),
        Item("bhs", "Baggage Handling System Support"),
    ]
    assert chosen("DR", catalogue) == ""  # no Disaster Recovery here, and "Platform" is inside the name
    assert chosen("BHS", catalogue) == "Baggage Handling System Support"  # the system's, then its support


def test_a_category_with_no_words_after_it_reads_as_the_category():
    catalogue = [Item("b", "Backup"), Item("sd", "Service Desk")]
    assert chosen("Backup: The", catalogue) == "Backup"
    assert (
        chosen("Service Desk: Служба поддержки", catalogue) == "Service Desk"
    )  # a gloss (sync.scorer_unknown)
    assert chosen("Service Desk: サービスデスク", catalogue) == "Service Desk"
