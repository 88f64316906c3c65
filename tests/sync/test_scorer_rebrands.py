"""Rebrands and makers' former names the shipped dictionary knows, from the blind sets of trades it had not
seen (issue 19, sync/data/aliases.yaml): a fleet telematics maker's, a newspaper publisher's, an airport's, a
telecom operator's, a satellite operator's, a game studio's, a hotel group's, an oil company's, a restaurant
franchisor's, a motor retailer's, a cinema chain's, a health trust's, an online retailer's, a county
government's, a container terminal's and a hospital group's."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import assert_read_as


def chosen(name: str, targets: list[Item], version: str = "", maker: str = "", versioned: bool = True) -> str:
    found = suggest([Item("l", name, version, maker)], targets, versioned=versioned)["l"]
    pick = preselect(found, PRESELECT_AT)
    return pick.name if pick else ""


def test_products_under_a_makers_former_name_or_their_own():
    webfleet = [Item("wf", "Webfleet", "", "Webfleet Solutions")]
    assert chosen("TomTom Telematics WEBFLEET", webfleet) == "Webfleet"
    assert chosen("SHE Assure", [Item("ev", "Evotix Assure", "", "Evotix")]) == "Evotix Assure"


def test_a_publishers_products_under_their_former_names():
    media = [
        Item("sp", "Sage People", "", "Sage"),
        Item("ve", "Varnish Enterprise 6", "6", "Varnish Software"),
        Item("ev", "ECO3 Arkitex Eversify", "", "ECO3"),
    ]
    assert chosen("Fairsail", media) == "Sage People"
    assert chosen("varnish-plus", media, "6.0.12r4") == "Varnish Enterprise 6"
    assert (
        chosen("Arkitex Eversify", media, "", "Agfa Graphics NV") == "ECO3 Arkitex Eversify"
    )  # Agfa's, once


def test_an_airports_products_by_their_makers_former_names():
    airport = [
        Item("v", "Collins Aerospace vMUSE", "", "Collins Aerospace"),
        Item("m", "IDEMIA MorphoManager", "", "IDEMIA"),
    ]
    assert chosen("ARINC vMUSE", airport, "3.1") == "Collins Aerospace vMUSE"
    assert chosen("MorphoManager", airport, "13.2", "Morpho") == "IDEMIA MorphoManager"


def test_a_telecom_operators_systems_under_their_former_names():
    telecom = [
        Item("dsr", "Oracle Communications Diameter Signaling Router 8", "8", "Oracle"),
        Item("ams", "Nokia Access Management System 9", "9", "Nokia"),
        Item("td", "Teradata Vantage 17", "17", "Teradata"),
    ]
    assert chosen("Tekelec DSR", telecom, "8.4.0.5") == telecom[0].name
    assert chosen("Alcatel-Lucent 5520 AMS", telecom, "9.7.05") == telecom[1].name
    assert chosen("Teradata Database", telecom, "17.10") == telecom[2].name
    porting = [Item("np", "Number Portability - 24x7", context="Port-in and port-out of mobile numbers")]
    assert chosen("MNP porting", porting, versioned=False) == "Number Portability - 24x7"


def test_a_satellite_operators_products_by_their_makers_former_names():
    ground = [
        Item("mon", "Kratos Monics", "", "Kratos"),
        Item("stk", "Ansys STK 12", "12", "Ansys"),
        Item("ccc", "Kratos Compass", "", "Kratos"),
    ]
    assert chosen("Monics Client", ground, "7.4.2", "Integral Systems, Inc.") == "Kratos Monics"
    assert chosen("STK 12", ground, "12.2.0", "Analytical Graphics, Inc.") == "Ansys STK 12"


def test_a_game_studios_tools_by_their_makers_former_names():
    studio = [
        Item("rc", "Epic Games RealityCapture", "", "Epic Games"),
        Item("mvn", "Movella MVN Animate", "", "Movella"),
        Item("3d", "UL 3DMark", "", "UL Solutions"),
        Item("st", "Unity SpeedTree Modeler 9", "9", "Unity Technologies"),
        Item("fpt", "Autodesk Flow Production Tracking", "", "Autodesk"),
    ]
    assert chosen("RealityCapture", studio, "1.3.2", "Capturing Reality s.r.o.") == studio[0].name
    assert chosen("MVN Animate 2022.2", studio, "2022.2.0", "Xsens Technologies B.V.") == studio[1].name
    assert chosen("3DMark", studio, "2.28.8217", "Futuremark") == studio[2].name
    assert (
        chosen("SpeedTree Modeler 9.5.2", studio, "9.5.2", "Interactive Data Visualization, Inc.")
        == studio[3].name
    )
    assert chosen("Shotgun Desktop", studio, "1.5.9", "Shotgun Software Inc.") == studio[4].name


def test_a_hotel_groups_systems_by_their_makers_former_names():
    hotel = [
        Item("snc", "Oracle Hospitality OPERA 5 Sales and Catering", "5", "Oracle"),
        Item("pms", "Oracle Hospitality OPERA 5 Property Management", "5", "Oracle"),
        Item("d360", "Amadeus Demand360", "", "Amadeus"),
        Item("ri", "Lighthouse Rate Insight", "", "Lighthouse"),
    ]
    assert chosen("OPERA Sales and Catering 5.6.14", hotel, "5.6.14.0", "MICROS-Fidelio") == hotel[0].name
    assert chosen("TravelClick Demand360", hotel, "", "TravelClick, Inc.") == hotel[2].name
    assert chosen("OTA Insight Rate Insight", hotel, "", "OTA Insight Ltd") == hotel[3].name


def test_an_oil_companys_and_a_restaurant_franchisors_products_by_their_makers_former_names():
    """Sets 107 and 108: the maker as the installer still writes it, before its acquisition."""
    products = [
        Item("opc", "Honeywell MatrikonOPC Tunneller", "", "Honeywell"),
        Item("tp", "Diebold Nixdorf TPLinux", "", "Diebold Nixdorf"),
        Item("dc", "PAR Data Central", "", "PAR Technology"),
        Item("ifix", "GE Vernova Proficy iFIX 2023", "2023", "GE Vernova"),
    ]
    assert chosen("MatrikonOPC Tunneller", products, "6.3.0.0", "Matrikon Inc.") == products[0].name
    assert chosen("Wincor Nixdorf TPLinux", products, "7.3.0", "Wincor Nixdorf") == products[1].name
    assert chosen("Data Central", products, "", "Restaurant Magic Software") == products[2].name
    assert chosen("GE Digital Proficy iFIX 2023", products, "2023.0.0", "GE Digital") == products[3].name


def test_a_motor_retailers_products_by_their_former_names():
    """Set 109: PSA's DiagBox (Stellantis since 2021), ShoreTel Connect (Mitel MiVoice Connect since 2018),
    8x8's Virtual Office (8x8 Work since 2019)."""
    products = [
        Item("diag", "Stellantis Diagbox 9", "9", "Stellantis"),
        Item("mitel", "Mitel MiVoice Connect", "", "Mitel"),
        Item("work", "8x8 Work for Desktop", "", "8x8"),
    ]
    assert chosen("DiagBox 9.164", products, "9.164", "PSA Peugeot Citroen") == products[0].name
    assert chosen("ShoreTel Connect Client", products, "19.49.1500", "ShoreTel, Inc.") == products[1].name
    assert chosen("Virtual Office Desktop", products, "7.12.4", "8x8 Inc.") == products[2].name


def test_a_machinery_makers_products_by_their_former_names():
    """Set 111: Infor EAM (Datastream 7i before 2006), Hexagon's HxGN EAM since 2021, with Infor still the
    installed maker; SIMATIC IT UADM spelled out, Opcenter Execution Discrete since 2019."""
    products = [
        Item("eam", "Hexagon HxGN EAM", "", "Hexagon"),
        Item("mes", "Siemens Opcenter Execution Discrete", "", "Siemens Digital Industries Software"),
    ]
    assert chosen("Infor EAM", products, "11.7", "Infor") == products[0].name
    assert chosen("SIMATIC IT UA Discrete Manufacturing", products, "3.2", "Siemens AG") == products[1].name


def test_a_health_plans_products_by_their_makers_and_their_own_former_names():
    """Set 112: Change Healthcare's and McKesson's products (ClaimsXten, Lyric's since 2024), MultiPlan (Claritev
    since 2025), Demisto (Palo Alto Networks' Cortex XSOAR), Milliman Care Guidelines (MCG), IBM Cognos
    Incentive Compensation Management (Varicent) and the Orion Platform (SolarWinds Platform since 2022)."""
    products = [
        Item("cx", "Lyric ClaimsXten", "", "Lyric"),
        Item("dis", "Claritev Data iSight", "", "Claritev Corporation"),
        Item("soar", "Palo Alto Networks Cortex XSOAR", "", "Palo Alto Networks, Inc."),
        Item("mcg", "MCG Care Guidelines", "", "MCG Health, LLC"),
        Item("icm", "Varicent Incentive Compensation Management", "", "Varicent"),
        Item("sw", "SolarWinds Platform", "", "SolarWinds Worldwide, LLC"),
    ]
    assert chosen("ClaimsXten 6.5", products, "6.5", "McKesson Corporation") == products[0].name
    assert chosen("MultiPlan Data iSight", products, "", "MultiPlan Inc.") == products[1].name
    assert chosen("Demisto Server", products, "5.5.0", "Demisto") == products[2].name
    assert chosen("Milliman Care Guidelines (CareWebQI)", products, "28th ed", "Milliman") == products[3].name
    icm = "IBM Cognos Incentive Compensation Management"
    assert chosen(icm, products, "10.3", "IBM") == products[4].name
    assert chosen("SolarWinds Orion Platform", products, "2020.2.6", "SolarWinds") == products[5].name


def test_a_former_makers_name_is_no_other_maker_that_starts_alike():
    """A reviewer's: HMS Holdings is Gainwell's; HMS Networks, the industrial network maker, is not."""
    products = [Item("pi", "Gainwell Program Integrity", "", "Gainwell Technologies")]
    assert chosen("Program Integrity", products, "", "HMS Networks AB") == ""
    assert chosen("Program Integrity", products, "", "HMS Holdings Corp.") == products[0].name


def test_a_utilitys_and_a_professional_firms_products_under_their_former_names():
    """Sets 113 and 114: ETM's PVSS (WinCC OA), SPPA-T3000 (Omnivise), Kaba (dormakaba), Sabrix and ONESOURCE
    Determination, FWBS MatterCentre, Wall Builder, Ringtail, Forensic Toolkit, Galvanize's ACL, Symantec's
    Enterprise Vault (Veritas') and Tally.ERP 9 (TallyPrime)."""
    products = [
        Item("oa", "Siemens WinCC Open Architecture 3", "3", "Siemens"),
        Item("t3", "Siemens Energy Omnivise T3000", "", "Siemens Energy"),
        Item("exos", "dormakaba exos", "", "dormakaba"),
        Item("idt", "Thomson Reuters ONESOURCE Indirect Tax", "", "Thomson Reuters"),
        Item("ms", "Elite MatterSphere", "", "Elite"),
        Item("walls", "Intapp Walls", "", "Intapp"),
        Item("nd", "Nuix Discover", "", "Nuix"),
        Item("ftk", "Exterro FTK 8", "8", "Exterro"),
        Item("acl", "Diligent ACL Analytics", "", "Diligent"),
        Item("ev", "Veritas Enterprise Vault 12", "12", "Veritas"),
        Item("tally", "TallyPrime", "", "Tally Solutions"),
    ]
    cases = [
        ("PVSS II 3.11", "3.11", "ETM professional control GmbH"),
        ("SPPA-T3000 Client", "R8.2", "Siemens AG"),
        ("Kaba exos 9300", "4.2.1", "Kaba GmbH"),
        ("ONESOURCE Determination", "2023.07", "Thomson Reuters"),
        ("FWBS MatterCentre", "5.3", "FWBS Ltd"),
        ("Intapp Wall Builder", "6.5", "Intapp"),
        ("Ringtail 9", "9.5", "FTI Technology"),
        ("Forensic Toolkit (FTK)", "8.1.0.189", "Exterro, Inc."),
        ("ACLAnalytics", "16.1.0", "Galvanize"),
        ("Symantec Enterprise Vault", "12.5.3", "Symantec Corporation"),
        ("Tally.ERP 9", "6.6.3", "Tally Solutions Pvt. Ltd."),
    ]
    assert [chosen(name, products, version, maker) for name, version, maker in cases] == [
        p.name for p in products
    ]


def test_a_cinema_chains_systems_under_their_former_names_and_makers():
    cinema = [
        Item("tms", "Dolby TMS", "", "Dolby"),
        Item("ims", "Dolby IMS1000", "", "Dolby"),
        Item("sw", "Unique X Screenwriter", "", "Unique X"),
        Item("wfc", "UKG Workforce Central 8", "8", "UKG"),
        Item("res", "Oracle Hospitality RES 3700 5", "5", "Oracle"),
        Item("kip", "Symfonia Kadry i Płace", "", "Symfonia"),
        Item("fk", "Symfonia Finanse i Księgowość", "", "Symfonia"),
    ]
    assert chosen("Doremi TMS", cinema, "2.6.1", "Doremi Labs, Inc.") == "Dolby TMS"
    assert chosen("Doremi IMS1000 software", cinema, "2.8.14-0", "Doremi Labs") == "Dolby IMS1000"
    assert chosen("AAM Screenwriter", cinema, "5.3.2", "Arts Alliance Media") == "Unique X Screenwriter"
    assert chosen("Kronos Workforce Central 8.1", cinema, "8.1.12", "Kronos") == "UKG Workforce Central 8"
    assert chosen("MICROS RES 3700 5.7", cinema, "5.7.7.2", "MICROS Systems") == cinema[4].name
    assert chosen("Sage Symfonia Kadry i Płace", cinema, "2016.1", "Sage") == "Symfonia Kadry i Płace"


def test_a_racing_teams_engineering_tools_under_their_former_names_and_makers():
    tools = [
        Item("lsf", "IBM Spectrum LSF 10", "10", "IBM"),
        Item("dcv", "Amazon DCV 2023", "2023", "Amazon"),
        Item("atlas", "Motion Applied ATLAS 10", "10", "Motion Applied"),
        Item("adams", "Hexagon Adams 2023", "2023", "Hexagon"),
        Item("dmis", "Hexagon PC-DMIS 2023", "2023", "Hexagon"),
        Item("zeiss", "ZEISS INSPECT 2023", "2023", "ZEISS"),
        Item("flex", "Revenera FlexNet Publisher 11", "11", "Revenera"),
        Item("sdwan", "Cisco Catalyst SD-WAN Manager 20", "20", "Cisco"),
        Item("cp", "HPE Aruba Networking ClearPass 6", "6", "Hewlett Packard Enterprise"),
    ]
    installs = [
        ("Platform LSF 10.1", "10.1.0.13", "IBM Corp.", "lsf"),
        ("NICE DCV Server 2023.1 (x64)", "2023.1.16388", "NICE s.r.l.", "dcv"),
        ("McLaren ATLAS 10", "10.5.2.12", "McLaren Applied Technologies", "atlas"),
        ("MSC Adams 2023.1 (x64)", "2023.1", "MSC Software Corporation", "adams"),
        ("PC-DMIS 2023.2 64-bit", "2023.2.1012", "Wilcox Associates, Inc.", "dmis"),
        ("GOM Inspect 2023 Hotfix 4", "2023.0.4", "GOM GmbH", "zeiss"),
        ("FLEXlm License Manager (lmgrd)", "11.16.2", "Flexera Software LLC", "flex"),
        ("vManage 20.9", "20.9.4", "Viptela", "sdwan"),
        ("ClearPass Policy Manager 6.11", "6.11.6", "Aruba Networks", "cp"),
    ]
    assert_read_as(tools, installs)


def test_a_publishers_systems_under_their_former_names_and_makers():
    publishing = [
        Item("s1", "Clarivate ScholarOne Manuscripts", "", "Clarivate"),
        Item("ith", "Turnitin iThenticate", "", "Turnitin"),
        Item("mt", "Wiris MathType 7", "7", "Wiris"),
        Item("ol", "Digital Science Overleaf", "", "Digital Science"),
        Item("ready", "UKG Ready", "", "UKG"),
        Item("clm", "DocuSign CLM", "", "DocuSign"),
        Item("isc", "Ivanti Security Controls", "", "Ivanti"),
        Item("waf", "Akamai App and API Protector", "", "Akamai"),
    ]
    installs = [
        ("ScholarOne Manuscripts", "", "Thomson Reuters", "s1"),
        ("iThenticate", "1.0", "iParadigms, LLC", "ith"),
        ("MathType", "7.4.10.53", "Design Science, Inc.", "mt"),
        ("ShareLaTeX", "", "ShareLaTeX Ltd", "ol"),
        ("Kronos Workforce Ready", "", "Kronos Incorporated", "ready"),
        ("SpringCM", "", "SpringCM Inc.", "clm"),
        ("Shavlik Protect", "9.3", "LANDESK Software", "isc"),
        ("Kona Site Defender", "", "Akamai Technologies", "waf"),
    ]
    assert_read_as(publishing, installs)


def test_a_health_trusts_clinical_systems_under_their_makers_former_names():
    trust = [
        Item("s1", "TPP SystmOne Client", "", "TPP"),
        Item("zt", "Vispero ZoomText 2024", "2024", "Vispero"),
        Item("hr", "RLDatix HealthRoster", "", "RLDatix"),
        Item("dw", "RLDatix DatixWeb 14", "14", "RLDatix"),
    ]
    installs = [
        ("SystmOne Client", "2.0.1104", "The Phoenix Partnership (Leeds) Ltd", "s1"),
        ("ZoomText 2024", "2024.2403.22", "Freedom Scientific", "zt"),
        ("Allocate HealthRoster", "11.3", "Allocate Software plc", "hr"),
        ("DatixWeb", "14.0.42", "Datix Ltd", "dw"),
    ]
    assert_read_as(trust, installs)


def test_an_online_retailers_devices_and_printing_under_their_former_names():
    retail = [
        Item("aos", "HPE Aruba Networking AOS 10", "10", "HPE Aruba Networking"),
        Item("print", "Vasion Print", "", "Vasion"),
    ]
    installs = [
        ("ArubaOS", "10.4.1.1", "Aruba Networks", "aos"),
        ("PrinterLogic Client", "25.1.0.1170", "PrinterLogic", "print"),
    ]
    assert_read_as(retail, installs)


def test_a_county_governments_and_a_terminals_products_under_their_makers_former_names():
    """Sets 123 and 124: TriTech's Inform (CentralSquare), Intermedix's WebEOC (Juvare), Manatron's ProVal
    (Aumentum), Pitney Bowes' Relia-Vote (BlueCrest) and Kewill's customs software (E2open)."""
    products = [
        Item("jail", "CentralSquare Inform Jail", "", "CentralSquare Technologies"),
        Item("eoc", "Juvare WebEOC 9", "9", "Juvare"),
        Item("proval", "Aumentum ProVal", "", "Aumentum Technologies"),
        Item("vote", "BlueCrest Relia-Vote", "", "BlueCrest"),
        Item("customs", "E2open Customs", "", "E2open"),
    ]
    installs = [
        ("Inform Jail", "5.8.2", "TriTech Software Systems", "jail"),
        ("WebEOC", "9.12", "Intermedix", "eoc"),
        ("Manatron ProVal", "", "Manatron, Inc.", "proval"),
        ("Relia-Vote Client", "", "Pitney Bowes", "vote"),
        ("Kewill Customs", "", "Kewill Ltd", "customs"),
    ]
    assert_read_as(products, installs)


def test_a_hospital_groups_imaging_software_under_its_makers_former_names():
    """Set 125: Carestream's Vue Motion (Philips') and Perceptive Software's Acuo VNA (Hyland's)."""
    imaging = [
        Item("vue", "Philips Vue Motion 12", "12", "Philips"),
        Item("vna", "Hyland Acuo VNA 6", "6", "Hyland"),
    ]
    installs = [
        ("Vue Motion 12.1", "12.1", "Carestream Health", "vue"),
        ("Acuo VNA 6.2", "6.2", "Perceptive Software", "vna"),
    ]
    assert_read_as(imaging, installs)


def test_a_universitys_and_a_component_makers_software_under_its_makers_former_names():
    """Sets 129 and 130: DSpace by DuraSpace (LYRASIS's), PaperStream by Fujitsu (PFU's) and DivaSystem by
    DIVA (AVANT's)."""
    products = [
        Item("dspace", "DSpace", "7", "LYRASIS"),
        Item("scan", "PaperStream Capture", "", "PFU"),
        Item("diva", "DivaSystem LCA", "", "AVANT"),
    ]
    installs = [
        ("DSpace 7.6", "7.6", "DuraSpace", "dspace"),
        ("PaperStream Capture", "3.2.0", "Fujitsu", "scan"),
        ("DivaSystem LCA client", "21.0", "DIVA Corporation", "diva"),
    ]
    assert_read_as(products, installs)


def test_a_banks_insurers_and_a_manufacturers_software_under_its_makers_former_names():
    """Sets 131 to 134: Finastra's Trade Innovation by Misys, FICO's Siron by Tonbeller, Precisely's MapInfo
    by Pitney Bowes Software and Asseco Solutions' HELIOS by LCS International."""
    products = [
        Item("trade", "Finastra Trade Innovation", "", "Finastra"),
        Item("siron", "FICO Siron AML", "", "FICO"),
        Item("mapinfo", "MapInfo Pro", "", "Precisely"),
        Item("helios", "HELIOS Orange", "", "Asseco Solutions"),
    ]
    installs = [
        ("Misys Trade Innovation", "2.6", "Misys International Banking Systems", "trade"),
        ("Tonbeller Siron AML", "4.0", "Tonbeller AG", "siron"),
        ("MapInfo Pro v2019.3 (64-bit)", "19.3.0.87", "Pitney Bowes Software", "mapinfo"),
        ("Helios Orange klient", "2.0.2020.1101", "LCS International, a.s.", "helios"),
    ]
    assert_read_as(products, installs)


def test_a_tea_estates_network_finance_and_drawing_software_under_their_former_names_and_makers():
    """Sets 245 to 247: Ubiquiti's UniFi Controller and UNMS, renamed the UniFi Network Application and UISP;
    Mekari's Jurnal.id and Qontak; PrivyID, now Privy; APC's PowerChute, Schneider Electric's since 2007;
    CorelDRAW by Corel, now Alludo; Starlink by SpaceX's company name."""
    products = [
        Item("unifi", "Ubiquiti UniFi Network Application", "", "Ubiquiti"),
        Item("uisp", "Ubiquiti UISP", "", "Ubiquiti"),
        Item("jurnal", "Mekari Jurnal", "", "Mekari"),
        Item("qontak", "Mekari Qontak", "", "Mekari"),
        Item("privy", "Privy", "", "Privy Identitas Digital"),
        Item("ups", "APC PowerChute Personal Edition 3", "3", "Schneider Electric"),
        Item("corel", "CorelDRAW Graphics Suite 2021", "2021", "Alludo"),
        Item("starlink", "Starlink", "", "SpaceX"),
    ]
    installs = [
        ("UniFi Controller", "8.5.6", "Ubiquiti Inc.", "unifi"),
        ("UNMS", "1.4.3", "Ubiquiti Networks", "uisp"),
        ("Jurnal.id", "", "Mekari", "jurnal"),
        ("PrivyID", "", "Privy", "privy"),
        ("PowerChute Personal Edition", "3.1.0", "American Power Conversion Corporation", "ups"),
        ("CorelDRAW Graphics Suite 2021 (64-Bit)", "23.0.0.363", "Corel Corporation", "corel"),
        ("Starlink (Android)", "2024.50.0", "Space Exploration Technologies Corp.", "starlink"),
    ]
    assert_read_as(products, installs)
    qontak = suggest([Item("l", "Qontak CRM", "", "")], products, versioned=True)["l"][0]
    assert qontak.name == "Mekari Qontak" and "alias: Qontak = Mekari Qontak" in qontak.reasons
