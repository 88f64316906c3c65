"""Renamed products and makers' former names the shipped dictionary knows, among the seen sets' most frequent
misses (issue 19, sync/data/aliases.yaml): an industrial site's antivirus console, SCADA and print driver, a
port authority's ERP, access control and authenticator, industrial, compliance and endpoint software, and
a reporting runtime as Windows lists it."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import assert_read_as


def chosen(name: str, targets: list[Item], version: str = "", maker: str = "") -> str:
    pick = preselect(suggest([Item("l", name, version, maker)], targets, versioned=True)["l"], PRESELECT_AT)
    return pick.name if pick else ""


def test_an_industrial_sites_antivirus_console_scada_and_print_driver_under_their_former_names():
    """The seen sets' most frequent misses of real products: ESET's Remote Administrator, then Security
    Management Center (2018), is ESET PROTECT since 2020, and its agent the ESET Management Agent;
    Wonderware System Platform is AVEVA's since 2020; Windows lists HP's Universal Print Driver as "HP
    Universal Printing PCL 6", PCL 6 its page language, no version of it."""
    products = [
        Item("protect", "ESET PROTECT", "", "ESET"),
        Item("agent", "ESET Management Agent", "", "ESET"),
        Item("endpoint", "ESET Endpoint Security", "11", "ESET"),
        Item("platform", "AVEVA System Platform", "2020", "AVEVA"),
        Item("upd", "HP Universal Print Driver 7", "7", "HP"),
    ]
    installs = [
        ("ESET Security Management Center", "7.2.1266.0", "ESET, spol. s r.o.", "protect"),
        ("ESET Remote Administrator Server", "6.5.522.0", "ESET, spol. s r.o.", "protect"),
        ("ESET Remote Administrator Agent", "6.5.522.0", "ESET, spol. s r.o.", "agent"),
        ("Wonderware System Platform 2020", "2020", "AVEVA", "platform"),
        ("HP Universal Printing PCL 6", "7.1.0.25570", "HP", "upd"),
        ("HP Universal Printing PCL 6 (v7.2.0)", "7.2.0.25780", "HP", "upd"),
    ]
    assert_read_as(products, installs)
    assert chosen("HP Universal Printing PCL 6", products, "6.8.0.24296", "HP") == ""  # UPD 6, no record


def test_a_port_authoritys_erp_access_control_and_authenticator_under_their_former_names():
    """Set 277: Tyler Technologies renamed Munis Enterprise ERP (2021); OnGuard installs without its maker's
    name, Lenel's, LenelS2's since 2018 and Honeywell's since 2024; Duo Mobile by its Android package id."""
    products = [
        Item("erp", "Tyler Enterprise ERP", "", "Tyler Technologies"),
        Item("onguard", "LenelS2 OnGuard 8", "8", "Honeywell"),
        Item("duo", "Cisco Duo Mobile", "", "Cisco"),
    ]
    installs = [
        ("Munis", "2021.6", "Tyler Technologies", "erp"),
        ("OnGuard 8.1", "8.1", "Lenel Systems International", "onguard"),
        ("Lenel OnGuard 8.1 Client", "8.1.0.1234", "Lenel", "onguard"),
        ("com.duosecurity.duomobile", "4.68.0", "Duo Security", "duo"),
    ]
    assert_read_as(products, installs)


def test_a_regional_councils_software_under_its_former_makers_and_names():
    """Set 285: Geocortex is VertiGIS's, EngagementHQ Granicus's, Aprisa radios Aviat's, DocuWorks
    FUJIFILM's (Fuji Xerox until 2021); MYOB Advanced is MYOB Acumatica, AlphaOne Objective Build."""
    products = [
        Item("geo", "Geocortex Essentials", "", "VertiGIS"),
        Item("ehq", "Granicus EngagementHQ", "", "Granicus"),
        Item("aprisa", "Aprisa SR+ Radio Firmware", "", "Aviat Networks"),
        Item("docuworks", "FUJIFILM DocuWorks 9", "9", "FUJIFILM Business Innovation"),
        Item("myob", "MYOB Acumatica", "", "MYOB"),
        Item("build", "Objective Build", "", "Objective Corporation"),
    ]
    installs = [
        ("Geocortex Essentials 4.14", "4.14.2", "Latitude Geographics Group Ltd.", "geo"),
        ("Bang the Table EngagementHQ", "", "Bang the Table", "ehq"),
        ("Aprisa SR+ Radio Firmware", "1.11.0", "4RF Limited", "aprisa"),
        ("Fuji Xerox DocuWorks 9", "9.0.6", "Fuji Xerox Co., Ltd.", "docuworks"),
        ("MYOB Advanced", "", "MYOB", "myob"),
        ("AlphaOne", "", "AlphaOne", "build"),
    ]
    assert_read_as(products, installs)


def test_a_school_boards_and_a_ports_software_under_former_makers_and_names():
    """Sets 287 and 288: Texthelp is Everway, Athena Software's Penelope Bonterra's, CognisantMD OceanMD;
    Receipt Bank is Dext Prepare, KeyPay Employment Hero Payroll, Avigilon Control Center Unity Video."""
    products = [
        Item("rw", "Read&Write", "", "Everway"),
        Item("penelope", "Penelope", "", "Bonterra"),
        Item("ocean", "Ocean Platform", "", "OceanMD"),
        Item("dext", "Dext Prepare", "", "Dext"),
        Item("payroll", "Employment Hero Payroll", "", "Employment Hero"),
        Item("unity", "Avigilon Unity Video", "", "Motorola Solutions"),
    ]
    installs = [
        ("Read&Write 12", "12.0.81", "Texthelp Ltd", "rw"),
        ("Penelope", "", "Athena Software", "penelope"),
        ("Ocean Platform", "", "CognisantMD", "ocean"),
        ("Receipt Bank", "", "Receipt Bank", "dext"),
        ("KeyPay", "", "KeyPay", "payroll"),
        ("Avigilon Control Center Client", "8.0.2.14", "Avigilon", "unity"),
    ]
    assert_read_as(products, installs)


def test_industrial_compliance_and_endpoint_software_under_their_former_names():
    """The seen sets' most frequent misses of renamed products: Schneider Electric's Unity Pro (Control
    Expert since v14) and SoMachine (Machine Expert), Skype Room Systems (Teams Rooms), World-Check One
    under Refinitiv's and Thomson Reuters' names, Acronis True Image (Cyber Protect Home Office from 2022
    to 2024), Rocscience's Phase2 (RS2), Quick Heal's business products (Seqrite), Geosoft's Oasis montaj
    (Seequent's)."""
    products = [
        Item("ce", "Schneider Electric EcoStruxure Control Expert", "", "Schneider Electric"),
        Item("me", "Schneider Electric EcoStruxure Machine Expert", "", "Schneider Electric"),
        Item("mtr", "Microsoft Teams Rooms", "", "Microsoft"),
        Item("wc", "LSEG World-Check One", "", "London Stock Exchange Group"),
        Item("acronis", "Acronis Cyber Protect Home Office", "", "Acronis"),
        Item("rs2", "Rocscience RS2", "", "Rocscience"),
        Item("seqrite", "Seqrite Endpoint Security", "", "Quick Heal Technologies"),
        Item("oasis", "Seequent Oasis montaj", "", "Seequent"),
    ]
    installs = [
        ("Unity Pro XL V13.1", "13.1", "Schneider Electric", "ce"),
        ("SoMachine", "4.3", "Schneider Electric", "me"),
        ("Skype Room System", "4.19.57.0", "Microsoft", "mtr"),
        ("Refinitiv World-Check One", "", "Refinitiv", "wc"),
        ("Acronis True Image 2021", "25.10.1.39287", "Acronis", "acronis"),
        ("Phase2 9.0", "9.027", "Rocscience", "rs2"),
        ("Quick Heal Endpoint Security", "8.0.5.0", "Quick Heal Technologies", "seqrite"),
        ("Geosoft Oasis montaj 9.10", "9.10.0", "Geosoft Inc.", "oasis"),
    ]
    assert_read_as(products, installs)
    games = [Item("unity", "Unity", "", "Unity Technologies"), products[0]]
    assert chosen("Unity Pro", games, "2019.4", "Unity Technologies") == "Unity"  # the game engine's plan


def test_the_crystal_reports_runtime_as_windows_lists_it_is_the_catalogues_runtime_not_the_designer():
    """The seen sets' most frequent software miss: applications built with Crystal Reports install "SAP
    Crystal Reports runtime engine for .NET Framework (64-bit)" at 13.0.x, a catalogue's "SAP Crystal
    Reports Runtime 13"; the designer, "SAP Crystal Reports 2020", is another product."""
    products = [
        Item("runtime", "SAP Crystal Reports Runtime 13", "13", "SAP"),
        Item("designer", "SAP Crystal Reports 2020", "2020", "SAP"),
    ]
    installs = [
        ("SAP Crystal Reports runtime engine for .NET Framework (64-bit)", "13.0.35.4927", "SAP", "runtime"),
        ("Crystal Reports Runtime (Business Objects)", "13.0.32.4286", "SAP", "runtime"),
        ("SAP Crystal Reports 2020", "14.3.2.4121", "SAP", "designer"),
    ]
    assert_read_as(products, installs)
    for_net = [Item("net", "SAP Crystal Reports Runtime for .NET Framework", "", "SAP"), products[1]]
    name = "SAP Crystal Reports runtime engine for .NET Framework (32-bit)"
    assert chosen(name, for_net, "13.0.33.4485", "SAP") == for_net[0].name
    assert chosen(name, [products[1]], "13.0.33.4485", "SAP") == ""  # the designer alone: no runtime record


def test_an_installs_module_add_in_appliance_or_app_id_the_dictionary_knows_is_its_product():
    """The seen sets' frequent misses: Microsoft renamed the Azure Information Protection unified labeling
    client (2023); McAfee's Threat Prevention is a module of Endpoint Security, Trellix's since 2022; a VPX is
    NetScaler ADC's virtual appliance; KnowBe4's button installs as "Phish Alert"; Concur Expense is
    SAP Concur's; OfficeScan's agent is Apex One's since 2019, and
    "Sense" Defender for Endpoint's sensor."""
    products = [
        Item("mpip", "Microsoft Purview Information Protection client", "", "Microsoft"),
        Item("ens", "Trellix Endpoint Security 10", "10", "Trellix"),
        Item("adc", "NetScaler ADC 13", "13", "Cloud Software Group"),
        Item("pab", "KnowBe4 Phish Alert Button", "", "KnowBe4"),
        Item("concur", "SAP Concur", "", "SAP"),
        Item("apex", "Trend Micro Apex One", "", "Trend Micro"),
        Item("mde", "Microsoft Defender for Endpoint", "", "Microsoft"),
    ]
    installs = [
        ("Azure Information Protection unified labeling client", "2.16.79.0", "Microsoft", "mpip"),
        ("McAfee Endpoint Security Threat Prevention", "10.7.0.5786", "McAfee, LLC", "ens"),
        ("Citrix ADC VPX", "13.1-49.15", "Citrix", "adc"),
        ("Phish Alert", "1.10.11", "KnowBe4", "pab"),
        ("Concur Expense", "", "SAP Concur", "concur"),
        ("Trend Micro OfficeScan Agent", "12.0.5698", "Trend Micro Inc.", "apex"),
        ("Windows Defender Advanced Threat Protection Sense", "10.8760.19", "Microsoft", "mde"),
    ]
    assert_read_as(products, installs)
    assert chosen("Citrix ADC VPX", products, "14.1-12.35", "Citrix") == ""  # no record of 14


def test_a_desktop_app_server_or_phone_app_the_dictionary_knows_is_its_platforms_record():
    """The seen sets' misses of one name each: Genesys Cloud's Windows app under its first name, Zerto's
    management server, ODK Collect's and AnyConnect's Android package ids, Aruba Central after HPE's rename."""
    products = [
        Item("genesys", "Genesys Cloud", "", "Genesys"),
        Item("zerto", "HPE Zerto 10", "10", "Hewlett Packard Enterprise"),
        Item("odk", "ODK Collect", "", "Get ODK"),
        Item("csc", "Cisco Secure Client 5", "5", "Cisco"),
        Item("central", "HPE Aruba Networking Central", "", "Hewlett Packard Enterprise"),
    ]
    installs = [
        ("PureCloud for Windows", "2.27.790", "Genesys", "genesys"),
        ("Zerto Virtual Manager", "10.0.50", "Zerto", "zerto"),
        ("org.odk.collect.android", "v2024.2.4", "Get ODK", "odk"),
        ("com.cisco.anyconnect.vpn.android.avf", "5.1.6.103", "Cisco", "csc"),
        ("Aruba Central", "2.5.8", "Aruba Networks", "central"),
    ]
    assert_read_as(products, installs)


def test_a_whole_install_name_is_its_product_or_the_record_of_its_name_as_written():
    """The seen sets' most frequent whole names: Windows lists WhatsApp's desktop app as "WhatsApp", Poly
    Lens's as "Poly Lens Desktop", EPM's agent as "CyberArk EPM Agent", Aktiv's token drivers in Russian,
    3CX by its package and Endpoint Central's agent by its name before 2022. A catalogue's record of the
    name as written is the install's too, but not one that only adds a generic word ("Tableau Server"); a
    phone's app id ("com.whatsapp") is no desktop app."""
    products = [
        Item("wa", "WhatsApp Desktop", "", "Meta"),
        Item("lens", "Poly Lens", "", "HP"),
        Item("epm", "CyberArk Endpoint Privilege Manager", "", "CyberArk"),
        Item("rutoken", "Aktiv Rutoken Drivers", "", "Aktiv"),
        Item("3cx", "3CX Phone System 20", "20", "3CX"),
        Item("ec", "ManageEngine Endpoint Central", "", "Zoho Corporation"),
    ]
    installs = [
        ("WhatsApp", "2.2412.54.0", "WhatsApp Inc.", "wa"),
        ("Poly Lens Desktop", "1.3.2", "HP Inc.", "lens"),
        ("CyberArk EPM Agent", "24.5.0.1234", "CyberArk Software", "epm"),
        ("Драйверы Рутокен", "4.16.0.0", "Компания «Актив»", "rutoken"),
        ("3cxpbx", "20.0.3.886", "3CX", "3cx"),
        ("ManageEngine Desktop Central - Agent", "11.2.2400.15", "ZOHO Corp.", "ec"),
    ]
    assert_read_as(products, installs)
    as_written = [Item("meta", "Meta WhatsApp", "", "Meta"), Item("hp", "HP Poly Lens Desktop", "", "HP")]
    assert_read_as(as_written, [("WhatsApp.app", "2.24.16", "WhatsApp Inc.", "meta")])
    assert_read_as(as_written, [("Poly Lens Desktop", "1.3.4", "HP Inc.", "hp")])
    assert chosen("com.whatsapp", products, "2.24.1.6", "WhatsApp LLC") == ""  # the phone's app
    server = [Item("ts", "Tableau Server", "", "Salesforce")]
    assert chosen("Tableau", server, "2023.3.1", "Tableau Software") == ""  # Tableau Desktop, no server


def test_the_information_protection_client_as_it_installs_is_the_catalogues_client():
    """The seen sets' "Microsoft Azure Information Protection" at 2.16: the unified labeling client, renamed
    Purview Information Protection client; a catalogue that keeps the product alone has it as the product's."""
    client = [
        Item("client", "Microsoft Purview Information Protection Client", "", "Microsoft"),
        Item("dlp", "Microsoft Purview Data Loss Prevention", "", "Microsoft"),
    ]
    installs = [("Microsoft Azure Information Protection", "2.16.79.0", "Microsoft Corporation", "client")]
    assert_read_as(client, installs)
    product = [Item("aip", "Microsoft Purview Information Protection", "", "Microsoft")]
    assert_read_as(product, [("Microsoft Azure Information Protection", "2.16.79.0", "Microsoft", "aip")])


def test_a_phones_app_id_is_its_products_record_or_that_products_build_for_phones():
    """The seen sets' most frequent misses of phone apps: Outlook's id ("com.microsoft.office.outlook") is
    Outlook, whichever of "Microsoft Outlook", "… Mobile" or "… for iOS and Android" a catalogue keeps;
    "scmx" is Defender's phone app, "rdc.androidx" Remote Desktop's (Windows App since 2025), "w4b"
    WhatsApp Business, "iauditor" SafetyCulture's app. A desktop's install is no build for phones, and the
    product itself comes before another maker's add-in for it."""
    for record in ("Microsoft Outlook", "Microsoft Outlook Mobile", "Microsoft Outlook for iOS and Android"):
        assert (
            chosen("com.microsoft.office.outlook", [Item("o", record, "", "Microsoft")], "4.2433.1") == record
        )
    assert chosen("Microsoft Outlook", [Item("o", "Microsoft Outlook Mobile", "", "Microsoft")], "16.0") == ""
    # a Mac's bundle id, written in capitals, is no phone's, nor is "Teams Phone" a build for phones
    ios_and_android = [Item("o", "Microsoft Outlook for iOS and Android", "", "Microsoft")]
    assert chosen("com.microsoft.Outlook", ios_and_android, "16.80") == ""
    teams = [
        Item("t", "Microsoft Teams", "", "Microsoft"),
        Item("p", "Microsoft Teams Phone", "", "Microsoft"),
    ]
    assert chosen("com.microsoft.teams", teams, "1416/1.0.0.2024183702") == "Microsoft Teams"
    products = [
        Item("mde", "Microsoft Defender for Endpoint", "", "Microsoft"),
        Item("app", "Windows App", "", "Microsoft"),
        Item("wab", "WhatsApp Business", "", "Meta"),
        Item("sc", "SafetyCulture", "", "SafetyCulture"),
    ]
    installs = [
        ("com.microsoft.scmx", "1.0.6615.0101", "", "mde"),
        ("com.microsoft.rdc.androidx", "10.0.19.1290", "", "app"),
        ("com.whatsapp.w4b", "2.24.5.76", "", "wab"),
        ("com.safetyculture.iauditor", "24.22.1", "", "sc"),
    ]
    assert_read_as(products, installs)
    with_add_in = [
        Item("sync", "Google Workspace Sync for Microsoft Outlook", "4.3.68", "Google"),
        Item("o", "Microsoft Outlook for Android", "4.2440.1", "Microsoft"),
    ]
    found = suggest([Item("l", "com.microsoft.office.outlook", "4.2441.0")], with_add_in, versioned=True)["l"]
    assert found[0].target_id == "o"


def test_a_phones_app_id_is_no_server_beside_the_products_build_for_phones():
    """Blind set 290: "com.dhis2", the maker's one app id, read as "DHIS2", took the server's record beside
    the catalogue's "DHIS2 Android Capture App": only suggested there, and still pre-selected alone."""
    dhis2 = Item("server", "DHIS2", "", "HISP Centre, University of Oslo")
    capture = Item("app", "DHIS2 Android Capture App", "", "HISP Centre, University of Oslo")
    assert chosen("com.dhis2", [dhis2, capture], "3.0.1") == ""
    assert chosen("com.dhis2", [dhis2], "3.0.1") == "DHIS2"
    assert chosen("DHIS2", [dhis2, capture], "2.40.1") == "DHIS2"
    tracker = Item("tracker", "DHIS2 Tracker and Dashboard", "", "HISP Centre, University of Oslo")
    assert chosen("com.dhis2", [dhis2, tracker], "3.0.1") == "DHIS2"  # no phone's build


def test_renamed_products_and_their_packages_and_phone_ids_are_the_products_records():
    """The seen sets' frequent misses: PI Data Archive is the PI Server's archive, Mirth Connect NextGen's
    engine, Lexicomp UpToDate Lexidrug since 2024, Lynda.com LinkedIn Learning, Adobe Spark Adobe Express,
    "Dynamics 365 for Financials" Business Central; Koha's Debian package and Zoom's and the Microsoft 365
    app's Android ids."""
    products = [
        Item("pi", "AVEVA PI Server 2018", "2018", "AVEVA"),
        Item("mirth", "NextGen Connect", "", "NextGen Healthcare"),
        Item("lexi", "UpToDate Lexidrug", "", "Wolters Kluwer"),
        Item("li", "LinkedIn Learning", "", "LinkedIn"),
        Item("express", "Adobe Express", "", "Adobe"),
        Item("bc", "Microsoft Dynamics 365 Business Central", "", "Microsoft"),
        Item("koha", "Koha Integrated Library System", "", "Koha Community"),
        Item("zoom", "Zoom Workplace", "", "Zoom"),
        Item("m365", "Microsoft 365 Copilot app", "", "Microsoft"),
    ]
    installs = [
        ("PI Data Archive 2018 SP3 Patch 4", "3.4.430.460", "OSIsoft, LLC", "pi"),
        ("Mirth Connect Server", "4.4.1", "Mirth Corporation", "mirth"),
        ("Lexicomp", "8.3.4", "Wolters Kluwer", "lexi"),
        ("Lynda.com", "", "", "li"),
        ("Adobe Spark", "", "Adobe", "express"),
        ("Dynamics 365 for Financials", "", "Microsoft", "bc"),
        ("koha-common", "23.11.05-1", "", "koha"),
        ("us.zoom.videomeetings", "6.0.12", "", "zoom"),
        ("com.microsoft.office.officehubrow", "16.0.17628.20110", "", "m365"),
    ]
    assert_read_as(products, installs)


def test_an_install_named_webex_is_the_webex_app():
    """The seen sets' misses: Windows lists the Webex App (Webex Teams until 2021) as "Webex"; a
    catalogue's "Webex App" or "Cisco Webex App" is its record, not its Webex Meetings."""
    for record in ("Webex App", "Cisco Webex App"):
        products = [Item("app", record, "", "Cisco"), Item("meet", "Cisco Webex Meetings", "", "Cisco")]
        assert chosen("Webex", products, "44.10.1.31028", "Cisco Systems, Inc.") == record
