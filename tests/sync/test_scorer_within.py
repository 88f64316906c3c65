"""The scorer's rules for a portfolio name that holds a target's whole name (issue 19): the words more an
inventory adds, words run together, a product's platform, what a service is for, regions, the initials
people say and the products a name gives in brackets. Each test names a rule, not a labelled case."""

import pytest

from sync.matching import Item, normalise, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate

SOFTWARE = [
    Item("slack", "Slack", "", "Slack Technologies"),
    Item("chrome", "Google Chrome", "", "Google"),
    Item("cisco", "Cisco Secure Client", "", "Cisco"),
    Item("nessus", "Tenable Nessus", "", "Tenable"),
    Item("ps", "Adobe Photoshop 2024", "2024", "Adobe"),
    Item("m365", "Microsoft 365 Apps for enterprise", "", "Microsoft"),
    Item("ff", "Mozilla Firefox", "", "Mozilla"),
    Item("uf", "Splunk Universal Forwarder 9", "9", "Splunk"),
    Item("qualys", "Qualys Cloud Agent", "", "Qualys"),
    Item("r", "R", "", "R Foundation"),
    Item("octave", "GNU Octave", "", "GNU Project"),
    Item("win", "Windows 11", "11", "Microsoft"),
    Item("pi", "AVEVA PI Server", "", "AVEVA"),
    Item("zoom", "Zoom Rooms", "", "Zoom"),
    Item("exchange", "Microsoft Exchange Server 2019", "2019", "Microsoft"),
    Item("solidworks", "SOLIDWORKS 2024", "2024", "Dassault Systemes"),
    Item("mysql", "MySQL 8.0", "8.0", "Oracle"),
    Item("ws2012", "Windows Server 2012", "6.2", "Microsoft"),
    Item("ep", "Endpoint Protection", "", "Microsoft"),
    Item("docker", "Docker", "", "Docker"),
    Item("lightroom", "Adobe Lightroom", "", "Adobe"),
    Item("papercut", "PaperCut MF", "", "PaperCut"),
    Item("qlik", "Qlik Sense", "", "Qlik"),
    Item("rstudio", "RStudio Desktop", "", "Posit"),
    Item("github", "GitHub Desktop", "", "GitHub"),
    Item("jmp", "JMP", "", "JMP Statistical Discovery"),
    Item("diffusion", "Diffusion", "", "DiffusionData"),
    Item("tableau", "Tableau Server", "", "Salesforce"),
    Item("vs", "Microsoft Visual Studio", "", "Microsoft"),
    Item("edge", "Microsoft Edge", "", "Microsoft"),
    Item("acrobat", "Adobe Acrobat 2020", "2020", "Adobe"),
    Item("python", "Python", "", "Python Software Foundation"),
    Item("mac", "Microsoft Office for Mac", "", "Microsoft"),
    Item("temurin", "Eclipse Temurin JDK 17", "17", "Eclipse Adoptium"),
    Item("temurin8", "Eclipse Temurin JRE 8", "8", "Eclipse Adoptium"),
]


def best(name: str, version: str = "", catalogue: list[Item] = SOFTWARE, versioned: bool = True):
    return first_candidate(name, catalogue, version, versioned=versioned)


def preselected(found) -> bool:
    return found is not None and found.score >= PRESELECT_AT and found.preselectable


def only_suggested(name: str, version: str, catalogue: list[Item]) -> bool:
    return not preselected(best(name, version, catalogue))


@pytest.mark.parametrize(
    ("name", "version", "expected", "reason"),
    [
        ("Slack Deployment", "4.38.125", "slack", "its whole name, beside how it was packaged (Deployment)"),
        ("google-chrome-stable", "125.0.6422.141-1", "chrome", "its whole name, beside how it was packaged"),
        ("Exchange Server 2019 Cumulative Update 14", "15.2.1544.4", "exchange", "its whole name, beside"),
        (
            "Eclipse Temurin JDK with Hotspot 17.0.10+7 (x64)",
            "17.0.10.7",
            "temurin",
            "its whole name, beside",
        ),
    ],
)
def test_a_target_whose_whole_name_the_record_holds_beside_its_packaging(name, version, expected, reason):
    found = best(name, version)
    assert found.target_id == expected and preselected(found)
    assert found.reasons[0].startswith(reason)


@pytest.mark.parametrize(
    ("name", "version", "not_this"),
    [
        ("Tenable Nessus Agent", "10.6", "nessus"),  # a part of the product
        ("Adobe Photoshop Elements 2024", "2024", "ps"),  # a lesser edition
        ("Microsoft 365 Apps for business - en-us", "16.0", "m365"),  # the target's tier is not the record's
        ("Mozilla Firefox 115.9.1esr (x64 en-GB)", "115.9.1", "ff"),  # another release channel
        ("Zoom", "5.17.5", "zoom"),  # a word fewer: the one product with it may be another one
        ("Tableau Deployment", "2023.3", "tableau"),  # the target's own word the name lacks
        ("Microsoft Visual Studio Code", "1.89.1", "vs"),  # a word more that names another product
        ("Microsoft Edge WebView2 Runtime", "125.0", "edge"),
        ("Microsoft Edge Update", "1.3", "edge"),
        ("Adobe Acrobat Sign", "2020.1", "acrobat"),
        ("Python Launcher", "3.12", "python"),
        ("Cisco Slack", "4.1", "slack"),  # a word before it that is another target's: no brand
        ("Microsoft Office", "16.0.17328", "mac"),  # a platform is a word of the target's too
        ("mysql-client", "8.0.35-0ubuntu0.22.04.1", "mysql"),  # words that name products of their own
        ("Windows Server 2012 R2", "6.3.9600", "ws2012"),
        ("Symantec Endpoint Protection", "14.3", "ep"),
        ("Docker Desktop", "4.26", "docker"),
        ("Adobe Lightroom Classic", "13.1", "lightroom"),
        ("Qlik Sense Desktop", "14.0", "qlik"),  # a delivery word against a product as a whole
        ("GitHub", "3.3.12", "github"),  # … either way
        ("GNU Octave for Windows 9.2.0", "9.2.0", "octave"),  # a build for a platform may be a product of
        # its own (where the dictionary does not say otherwise: "R for Windows" is R)
        ("Java 8 Update 401 (64-bit)", "8.0.4010.10", "temurin8"),  # Oracle's: another distribution
        ("JMP Pro Deployment", "17.2", "jmp"),  # "Pro" makes "JMP Pro"
        ("Stable Diffusion", "1.5", "diffusion"),  # a packaging word before the name is no packaging
    ],
)
def test_a_word_more_that_may_make_another_product_is_only_suggested(name, version, not_this):
    found = best(name, version)
    assert found is None or found.target_id != not_this or not preselected(found)


def test_the_target_with_the_most_of_the_words_and_packaging_only_after_them():
    windows = [Item("server", "Windows Server", "", "Microsoft"), Item("client", "Windows", "", "Microsoft")]
    found = first_candidate("Windows Server Deployment", windows, "10.0", versioned=True)
    assert found.target_id == "server" and preselected(found)
    services = [Item("svc", "Windows Services", "", "Microsoft")]
    middle = first_candidate("Windows Deployment Services", services, "10.0", versioned=True)
    assert middle is None or not preselected(middle)


def test_likeness_and_the_manufacturer_alone_do_not_pre_select_a_name_with_a_word_more():
    catalogue = [Item("any", "Photoshop", "", "Adobe"), Item("y24", "Photoshop 2024", "2024", "Adobe")]
    for name, version, target in (
        ("Adobe Photoshop Express", "3.1", "any"),  # against the product as a whole
        ("Adobe Photoshop Elements 2024", "2024", "y24"),  # a lesser edition, the same version
    ):
        found = first_candidate(name, catalogue, version, versioned=True)
        assert found.target_id == target and not preselected(found), name


def test_words_run_together_are_read_as_the_targets_write_them():
    forwarder = best("UniversalForwarder", "9.2.1.0")
    assert forwarder.target_id == "uf" and preselected(forwarder)
    agent = best("QualysCloudAgent", "5.5.0.37")
    assert agent.target_id == "qualys" and preselected(agent)
    assert agent.reasons[0] == "same name apart from spacing"
    edge = [
        Item("edge", "Microsoft Edge", "124.0", "Microsoft"),
        Item("wv", "Microsoft Edge WebView2 Runtime", "124.0", "Microsoft"),
    ]
    webview = "Microsoft.EdgeWebView2Runtime"
    found = suggest([Item("l", webview, "124.0.2478.80")], edge, versioned=True)["l"]
    assert found[0].target_id == "wv"  # "Edge" abbreviates no words run together around a number
    assert not any(c.target_id == "edge" and preselected(c) for c in found)
    obs = [
        Item("obs", "OBS Studio", "30", "OBS Project, Inc.")
    ]  # a winget id: its maker's name, then its own
    assert preselected(first_candidate("OBSProject.OBSStudio", obs, "30.2.3", versioned=True))
    office = [Item("lo", "LibreOffice", "24.2", "The Document Foundation")]
    assert preselected(first_candidate("TheDocumentFoundation.LibreOffice", office, "24.2.1", versioned=True))
    palo = [Item("gp", "GlobalProtect", "6.2", "Palo Alto Networks, Inc.")]
    assert preselected(first_candidate("PaloAltoNetworks.GlobalProtect", palo, "6.2.1", versioned=True))
    python = [Item("py", "Python Launcher", "3.12", "Python Software Foundation")]
    assert preselected(first_candidate("Python3Launcher", python, "3.12.1", versioned=True))


def test_a_build_number_after_a_plus_is_not_the_word_plus_and_a_suffix_after_a_version_is_a_word():
    assert normalise("Temurin 21.0.3+9") == "temurin 21.0.3 9"
    assert normalise("Notepad++") == "notepad plu plu"  # the plural "s" out, as every word
    assert normalise("C++17") == normalise("C++ 17") == "c plu plu 17"
    assert normalise("Firefox 115.9.1esr") == "firefox 115.9.1 esr"
    assert normalise("Oracle 19c") == "oracle 19c"


@pytest.mark.parametrize(
    ("name", "catalogue"),
    [
        ("3D Printing Lab", [Item("print", "Print Services", context="Managed printers and copiers")]),
        ("Data Centre Management", [Item("data", "Data Management")]),
        ("Laptop Loans", [Item("loans", "Loans", context="Lending platform")]),
        ("Microsoft 365 Deployment", [Item("m365", "Microsoft 365", context="Email and Office apps")]),
        ("Project and Programme Management", [Item("pm", "Project Management")]),
    ],
)
def test_a_service_name_with_any_other_word_more_is_only_suggested(name, catalogue):
    found = first_candidate(name, catalogue)  # a service's words more may make another service
    assert found is None or not preselected(found)


@pytest.mark.parametrize(
    "endpoint",
    [
        Item("endpoint", "Endpoint Management", context="Laptops are built with Intune and ConfigMgr"),
        Item("endpoint", "Endpoint Management", context="Intune and Autopilot build staff laptops"),
        Item("endpoint", "Intune Endpoint Management"),
    ],
)
def test_a_product_in_brackets_that_only_another_target_gives_stops_a_pre_selection(endpoint):
    provision = Item(
        "provision", "Laptop and Desktop Provisioning", context="Supply and imaging of computers"
    )
    found = suggest([Item("l", "Desktop Management (SCCM/Intune)")], [endpoint, provision], versioned=False)
    provisioning = next(c for c in found["l"] if c.target_id == "provision")
    assert provisioning.score >= PRESELECT_AT and not provisioning.preselectable
    assert "Intune is another target's: suggested, never pre-selected" in provisioning.reasons


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("MS Teams (chat & meetings)", Item("zoom", "Video Meetings - Zoom")),
        ("Everbridge (mass notification to staff)", Item("staff", "Staff Directory")),
    ],
)
def test_an_english_word_written_in_lower_case_in_brackets_is_no_other_targets_product(name, other):
    teams = Item("teams", "Microsoft Teams Collaboration", context="Chat, meetings and calling in Teams")
    everbridge = Item("eb", "Everbridge Mass Notification", context="Alerts to staff by SMS")
    found = suggest([Item("l", name)], [teams, everbridge, other], versioned=False)["l"][0]
    assert found.target_id != other.key and found.preselectable
    assert not any("another target's" in reason for reason in found.reasons)
    zoom = Item("zoom", "Video Meetings - Zoom")  # written with a capital, a name
    capitals = suggest([Item("l", "MS Teams (Chat & Meetings)")], [teams, zoom], versioned=False)["l"][0]
    assert "Meetings is another target's: suggested, never pre-selected" in capitals.reasons


@pytest.mark.parametrize(
    "name",
    [
        "Desktop Management (sccm/intune)",  # a product the dictionary knows, however written
        "desktop management (SCCM/Intune)",
        "desktop management (teams)",  # a name all in lower case tells no ordinary word from a name
        "Desktop Management (Intune - Prod)",  # a product, then the environment
    ],
)
def test_a_product_in_brackets_stops_a_pre_selection_however_written(name):
    endpoint = Item("endpoint", "Endpoint Management", context="Laptops are built with Intune and Teams")
    provision = Item("provision", "Laptop and Desktop Provisioning - Prod", context="Imaging of computers")
    found = suggest([Item("l", name)], [endpoint, provision], versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None


def test_an_ordinary_word_in_brackets_rules_nothing_out():
    people = [
        Item("laptop", "Laptop Provisioning", context="Build and delivery of laptops"),
        Item("onboard", "Onboarding", context="Accounts and laptops for new starters"),
    ]
    found = suggest([Item("l", "Laptop Provisioning (Starters)")], people, versioned=False)["l"]
    laptop = next(c for c in found if c.target_id == "laptop")
    assert not any("another target's" in reason for reason in laptop.reasons)


def test_a_matlab_release_is_the_version_its_install_reports():
    catalogue = [
        Item("23b", "MATLAB R2023b", "R2023b", "MathWorks"),
        Item("24a", "MATLAB R2024a", "R2024a", "MathWorks"),
    ]
    installed = first_candidate("MATLAB R2023b", catalogue, "23.2.0.2515942", versioned=True)
    assert installed.target_id == "23b" and preselected(installed)
    assert "release: MATLAB R2023b = MATLAB 23.2" in installed.reasons
    by_field = first_candidate("MATLAB", catalogue, "R2024a", versioned=True)
    assert by_field.target_id == "24a" and preselected(by_field)
    assert first_candidate("MATLAB R2022a", catalogue, "9.12.0.1884302", versioned=True) is None


def test_a_short_name_glued_to_its_version():
    found = first_candidate("php8.1", [Item("php", "PHP 8", "8", "The PHP Group")], "8.1.2-1ubuntu2.14", True)
    assert found.target_id == "php" and preselected(found)


def test_words_run_together_are_split_only_into_a_target_s_words_in_its_order():
    found = first_candidate("Notebook", [Item("b", "Book Note")], "1.0", versioned=True)
    assert found is None or not preselected(found)
    reporting = [Item("bi", "Enterprise Reporting (Power BI)"), Item("bw", "SAP BW/4HANA Reporting")]
    found = first_candidate("PowerBI Reporting", reporting)  # a word of two capitals run in too
    assert found is not None and found.target_id == "bi" and preselected(found)
    found = first_candidate("Powerbi Reporting", reporting)  # two letters in lower case: no word
    assert found is None or not preselected(found)


def test_a_renamed_product_reads_as_its_new_name_and_itself_first():
    pi = best("OSIsoft PI Server 2018 SP3", "3.4.430.460")
    assert pi.target_id == "pi" and preselected(pi)
    agents = [Item("trellix", "Trellix Agent", "", "Trellix"), Item("mcafee", "McAfee Agent", "", "Trellix")]
    found = first_candidate("Trellix Agent", agents, "5.7.9.139", versioned=True)
    assert found.target_id == "trellix" and preselected(found)  # its own name before its old one


def test_sister_brands_and_acronym_like_words_are_not_one():
    poly = [Item("polycom", "Polycom", "", "HP"), Item("plantronics", "Plantronics", "6.0", "HP")]
    assert first_candidate("Polycom", poly, "6.0", versioned=True).target_id == "polycom"
    payroll = [Item("pay", "Payroll"), Item("adp", "Agency and Direct Payroll")]
    adp = first_candidate("ADP Payroll", payroll)
    assert adp is None or adp.target_id != "adp" or not preselected(adp)
    pos = first_candidate("POST", [Item("pos", "Point of Sale Terminals"), Item("mail", "Mail Room")])
    assert pos is None or not preselected(pos)


def test_an_install_named_as_its_package_or_runtime():
    """Oracle's Java installs are named "Java 8 Update 401" and Debian's nginx "nginx-core": the shipped
    dictionary reads them as the products. A client renamed, a single word of a maker's other products
    ("Zoom" in "Zoom Phone") or a record for each of a product's clients is left to a person."""
    oracle = [
        Item("jre", "Oracle Java SE Runtime Environment 8", "8", "Oracle"),
        Item("jdk", "Oracle Java SE Development Kit 17", "17", "Oracle"),
    ]
    java = best("Java 8 Update 401 (64-bit)", "8.0.4010.10", oracle)  # the JRE's own install name
    assert java.target_id == "jre" and preselected(java)
    nginx = best("nginx-core", "1.22.1-9", [Item("nginx", "nginx", "", "F5")])
    assert nginx.target_id == "nginx" and preselected(nginx)
    teams = [Item("new", "New Microsoft Teams", "", "Microsoft"), Item("old", "Microsoft Teams classic")]
    assert not preselected(best("Microsoft Teams", "24215.1007.3082.1590", teams))
    assert not preselected(best("Zoom Workplace", "6.1.11", [Item("phone", "Zoom Phone", "6", "Zoom")]))


def test_a_years_release_or_quarter_is_that_years_version_but_microsofts_r2_is_a_product():
    catalogue = [
        Item("bt", "BarTender 2022", "2022", "Seagull Scientific"),
        Item("lv", "NI LabVIEW 2023", "2023", "NI"),
        Item("ws", "Windows Server 2012", "6.2", "Microsoft"),
    ]
    for name, version, expected in (
        ("BarTender 2022 R7", "11.3.7", "bt"),
        ("NI LabVIEW 2023 Q3 (64-bit)", "23.3.1", "lv"),
    ):
        found = best(name, version, catalogue)
        assert found.target_id == expected and preselected(found), name
    r2 = best("Windows Server 2012 R2", "6.3.9600", catalogue)
    assert r2 is None or not preselected(r2)
    microsoft = [
        Item("biz", "BizTalk Server 2013", "2013", "Microsoft"),
        Item("ob", "Online Banking", "", "Temenos"),
    ]
    for name in (
        "BizTalk Server 2013 R2",
        "Q2 Online Banking",
    ):  # Microsoft's R2; a quarter only after a year
        assert only_suggested(name, "3.11", microsoft), name


def test_a_version_field_of_a_year_and_its_release_is_that_years_version_too():
    catalogue = [
        Item("xp", "Milestone XProtect Smart Client", "2024 R2", "Milestone Systems"),
        Item("fp", "FIS Prophet Professional", "2023 Q4", "FIS"),
        Item("ws", "Windows Server", "2012 R2", "Microsoft"),
    ]
    client = best("Milestone XProtect Smart Client 2024 R2 (64-bit)", "24.2a", catalogue)
    assert client.target_id == "xp" and preselected(client)
    assert preselected(best("Prophet Professional 2023", "", catalogue))
    r2 = best("Windows Server 2012", "", catalogue)  # Microsoft's R2 stays a product of its own
    assert r2 is None or not preselected(r2)
    assert preselected(best("Milestone XProtect Smart Client", "v2024 R2 SP1", catalogue))
    release = best("Milestone XProtect Smart Client", "2024 R1", catalogue)  # another release of the year
    assert release.target_id == "xp" and not preselected(release)
    named = best("Milestone XProtect Smart Client 2024 R1", "", catalogue)  # so too written in the name
    assert named.target_id == "xp" and not preselected(named)
    server = [Item("ms", "Milestone XProtect Management Server", "2024 R2", "Milestone Systems")]
    other = best("XProtect Management Server 2024 R1", "2024 R1", server)  # "Server" is no Microsoft's R2
    assert other.target_id == "ms" and not preselected(other)
    assert preselected(best("Milestone XProtect Smart Client 2024 R2", "", catalogue))


def test_a_track_is_no_version_but_another_word_is_the_products_own():
    reader = [Item("r", "Adobe Acrobat Reader", "DC", "Adobe")]  # Document Cloud, every release of it
    found = best("Adobe Acrobat Reader DC MUI", "24.002.20991", reader)
    assert found.target_id == "r" and preselected(found)
    assert "the target record has no version: it stands for every version" in found.reasons
    xp = [Item("xp", "Microsoft Windows", "XP", "Microsoft")]  # Windows XP: no Windows 11
    assert best("Windows 11", "10.0.22631", xp) is None
    photoshop = [Item("ps", "Adobe Photoshop", "N/A", "Adobe")]  # a field saying there is none
    assert preselected(best("Adobe Photoshop 2024", "25.4.0", photoshop))


def test_a_makers_former_name_before_a_product_is_its_manufacturer():
    catalogue = [
        Item("chem", "ChemDraw Professional 22", "22", "Revvity Signals Software"),
        Item("cal", "Calibre", "", "Siemens EDA"),
    ]
    chemdraw = best("PerkinElmer ChemDraw Professional", "22.2.0.3300", catalogue)
    assert chemdraw.target_id == "chem" and preselected(chemdraw)
    assert (
        chemdraw.reasons[0]
        == "same name without its manufacturer's former name (now Revvity Signals Software)"
    )
    assert preselected(best("Mentor Graphics Calibre", "2023.2", catalogue))
    logger = [
        Item("log", "OpenText ArcSight Logger 7", "", "Open Text Corporation")
    ]  # its maker run together
    assert best("Micro Focus ArcSight Logger", "7.3.0", logger).target_id == "log"
    assert preselected(best("Micro Focus ArcSight Logger", "7.3.0", logger))
    add_in = [Item("a", "OpenText for Microsoft Office", "", "Open Text Corporation")]
    assert not preselected(best("Microsoft Office", "16.0", add_in))  # its maker's add-in, not Office
    other = best("Synopsys Calibre", "2023.2", catalogue)  # not a name the maker had
    assert other is None or not preselected(other)
    generic = [Item("cdp", "Data Platform", "", "Cloudera"), Item("office", "Office", "", "Microsoft")]
    for name in ("Hortonworks Data Platform", "Micro Office"):  # HDP is no CDP; "Micro" is no Microsoft
        assert only_suggested(name, "3.1.5", generic), name


def test_the_one_product_built_for_a_platform_short_words_too():
    catalogue = [
        Item("gui", "SAP GUI for Windows 8.00", "8.00", "SAP"),
        Item("git", "Git for Windows", "2", "Git"),
    ]
    assert preselected(best("SAP GUI 8.00", "8.00.5", catalogue))
    assert preselected(best("Git", "2.44.0", catalogue))
    package = best("git", "1:2.34.1-1ubuntu1.10", catalogue)  # a Linux package: Git, but not for Windows
    assert package is None or not preselected(package)
    others = [Item("r", "R for Windows", "", "R Foundation"), Item("qt", "Qt for Android", "", "Qt Group")]
    for name in ("R", "R.app", "Qt"):  # a letter or two, a Mac's bundle, another platform: not surely it
        assert only_suggested(name, "4.3.2", others), name
    java = [*catalogue, Item("java", "SAP GUI for Java 8.00", "8.00", "SAP")]  # which platform? a person's
    found = best("SAP GUI 8.00", "8.00.5", java)
    assert found is None or not preselected(found)


def test_a_build_for_another_platform_is_not_the_install_unless_a_mac_bundle_says_so():
    mac = [Item("mac", "Microsoft Office 2019 for Mac", "2019", "Microsoft")]
    assert only_suggested("Microsoft Office 2019", "16.0.10417", mac)
    assert preselected(best("Microsoft Office 2019.app", "16.0.10417", mac))


def test_words_run_together_are_split_into_a_target_s_words_as_written_whatever_an_alias_reads():
    studio = [Item("ads", "Microsoft Azure Data Studio", "", "Microsoft")]  # an alias reads "Looker Studio"
    assert preselected(best("azuredatastudio", "1.49.1", studio))


def test_a_number_of_the_manufacturer_s_name_is_no_version():
    qlab = [Item("q", "Figure 53 QLab", "5", "Figure 53")]
    found = best("QLab.app", "5.4.3", qlab)
    assert preselected(found) and "same product, different minor version" in found.reasons
    assert best("QLab.app", "4.7", qlab) is None  # QLab 5 is no QLab 4
