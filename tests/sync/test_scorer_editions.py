"""The scorer's reading of software (issue 19): a manufacturer left out of a name, an edition kept or
sold apart, which edition a name chooses, the client words and release noise of an install, and a year its
installs report as a major version."""

import pytest

from sync.match_dictionary import long_term_build, renumbered, words_of
from sync.match_rules import abbreviates
from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from sync.scorer_names import TOOLS
from tests.sync.scoring import first_candidate as best


def chosen(name: str, targets: list[Item], version: str = "", versioned: bool = True) -> str:
    found = suggest([Item("l", name, version)], targets, versioned=versioned)["l"]
    pick = preselect(found, PRESELECT_AT)
    return pick.name if pick else ""


def test_a_target_without_a_version_named_with_a_client_word_is_the_product():
    workspace = [Item("app", "Citrix Workspace app", "", "Citrix")]
    assert best("Citrix Workspace", workspace, "24.5.0.131", True).preselectable
    assert best("Docker.app", [Item("dd", "Docker Desktop", "", "Docker")], "4.34.2", True).preselectable
    edition = [Item("pro", "Genesys Cloud Desktop App Professional", "", "Genesys")]
    found = best("Genesys Cloud", edition, "2.39.791", True)  # and an edition: it could be another
    assert found.reasons[0].startswith("same meaning") and not found.preselectable


def test_editions_on_each_side_are_only_suggested():
    tableau = [Item("d", "Tableau Desktop 2024", "2024", "Salesforce")]
    server = best("Tableau Server", tableau, "2024.2", versioned=True)
    assert server.name == "Tableau Desktop 2024" and not server.preselectable
    assert "another edition? suggested, never pre-selected" in server.reasons
    assert best("Tableau", tableau, "2024.2", versioned=True).preselectable


def test_a_half_year_release_is_inventory_noise():
    windows = [Item("w", "Microsoft Windows 11 Enterprise", "11", "Microsoft")]
    found = best("Windows 11 Enterprise 23H2", windows, "11", versioned=True)
    assert found.name == "Microsoft Windows 11 Enterprise" and found.score >= PRESELECT_AT


def test_a_manufacturer_of_three_words_is_left_out_too():
    pan = [Item("p", "Palo Alto Networks PAN-OS 11", "11", "Palo Alto Networks")]
    found = best("PAN-OS", pan, "11.1", versioned=True)
    assert (
        found.reasons[0] == "same name without the manufacturer (Palo Alto Networks)" and found.preselectable
    )
    gp = [Item("g", "GlobalProtect", "6", "Palo Alto Networks"), Item("x", "GlobalScape EFT", "8", "Fortra")]
    named = best("Palo Alto Networks GlobalProtect", gp, "6.2.1", versioned=True)  # the maker written first
    assert named.name == "GlobalProtect" and named.reasons[0].startswith("same name without the manufacturer")
    assert named.preselectable and named.score >= PRESELECT_AT


def test_the_manufacturer_is_left_out_and_an_edition_of_its_own_kept():
    apple = [Item("fcp", "Apple Final Cut Pro", "", "Apple"), Item("x", "Apple Xcode 16", "16", "Apple")]
    found = best("Final Cut Pro", apple, "10.7.1", versioned=True)
    assert found.reasons[0] == "same name without the manufacturer (Apple)" and found.preselectable
    sas = [Item("jmp", "JMP Pro 18", "18", "SAS")]
    assert (
        best("JMP 18", sas, "18.0.1", versioned=True).score < PRESELECT_AT
    )  # "JMP Pro" is a product of its own
    studio = [Item("s", "DaVinci Resolve Studio", "18", "Blackmagic Design")]  # a word no edition's elsewhere
    assert best("DaVinci Resolve", studio, "18.6.4", versioned=True).score < PRESELECT_AT
    assert best("DaVinci Resolve Studio", studio, "18.6.6", versioned=True).preselectable
    # the paid edition: the free one installs as "ZebraDesigner 3" too
    zebra = [Item("z", "ZebraDesigner 3 Professional", "3", "Zebra Technologies")]
    assert best("ZebraDesigner 3", zebra, "3.2.2.644", versioned=True).score < PRESELECT_AT
    assert best("OBS", [Item("o", "OBS Studio", "30", "OBS Project")], "30.2.2", versioned=True).preselectable
    indesign = [Item("i", "Adobe InDesign 2024", "2024", "Adobe")]  # nor by its meaning, "Server" left out
    assert best("InDesign Server 2024", indesign, "19.0", versioned=True).score < PRESELECT_AT
    rstudio = [Item("r", "RStudio", "", "Posit Software")]  # the IDE; its server edition installs apart
    assert best("rstudio-server", rstudio, "2024.09.1-394", versioned=True).score < PRESELECT_AT
    qgis = [Item("q", "QGIS", "3.34", "QGIS.org")]  # the desktop application; the map server installs apart
    assert best("QGIS Server", qgis, "3.34.5", versioned=True).score < PRESELECT_AT
    redis = [Item("r", "Redis Enterprise", "", "Redis")]  # the commercial server; open-source redis apart
    assert best("redis", redis, "7.2.4-1.el9", versioned=True).score < PRESELECT_AT
    assert best("redislabs", redis, "7.4.2-169", versioned=True).preselectable  # its own package
    ltsc = [Item("w", "Windows 10 Enterprise LTSC 2021", "21H2", "Microsoft")]  # a release of its own
    for name in ("Windows 10 Enterprise LTSC 2019", "Windows 10 Enterprise 2019 LTSC"):
        assert not best(name, ltsc, "1809", versioned=True).preselectable, name
    assert best("Windows 10 Enterprise LTSC 2021", ltsc, "10.0.19044", versioned=True).preselectable
    any_year = [Item("w", "Windows 10 Enterprise LTSC", "10", "Microsoft")]
    assert best("Windows 10 Enterprise LTSC 2019", any_year, "10.0.17763", versioned=True).preselectable
    iot = [Item("w", "Windows 10 IoT Enterprise LTSC", "10", "Microsoft")]  # a device maker's, licensed apart
    assert best("Windows 10 Enterprise LTSC", iot, "10.0.19044", versioned=True).score < PRESELECT_AT
    # the server operating system at the build it shares with Windows 10 (set 128): no Windows 10
    windows = [
        Item("w", "Microsoft Windows", "10", "Microsoft"),
        Item("s", "Microsoft Windows Server", "2022"),
    ]
    assert chosen("Windows Server", windows, "10.0.20348") == ""
    assert chosen("Windows Server 2022 Standard", windows, "2022") == "Microsoft Windows Server"
    # SketchUp Pro's desktop install lists no "Pro" (its free edition runs in a browser only)
    trimble = [Item("su", "Trimble SketchUp Pro 2024", "2024", "Trimble")]
    found = best("SketchUp 2024", trimble, "24.0.553", versioned=True)
    assert found.score >= PRESELECT_AT and found.preselectable


def test_a_makers_former_name_leading_a_name_is_its_new_name_leading_the_targets():
    models = [
        Item("r", "OpenText Reflection Desktop", "", "OpenText"),
        Item("x", "OpenText Exceed", "", "OpenText"),
        Item("d", "OpenText Desktop", "", "OpenText"),
    ]
    found = best("Micro Focus Reflection Desktop", models, "17.0.3", True)
    assert found.target_id == "r" and found.preselectable and found.score >= PRESELECT_AT
    assert found.reasons[0] == "same name without its manufacturer's former name (now OpenText)"
    moveit = [Item("m", "Progress MOVEit Transfer", "", "Progress Software")]
    assert best("Ipswitch MOVEit Transfer", moveit, "2023.0.6", True).preselectable
    assert best("Micro Focus Desktop", models, "17.0.3", True).score < PRESELECT_AT  # no name of its own


def test_how_an_install_was_licensed_is_no_word_of_its_name():
    editions = [
        Item("ent", "Microsoft SQL Server 2022 Enterprise", "2022", "Microsoft"),
        Item("std", "Microsoft SQL Server 2022 Standard", "2022", "Microsoft"),
    ]
    for name in (
        "SQL Server 2022 Enterprise Edition: Core-based Licensing (64-bit)",
        "Microsoft SQL Server 2022 Enterprise: Core-based Licensing (64-bit)",
    ):
        found = best(name, editions, "16.0.4155.4", True)
        assert found.target_id == "ent" and found.preselectable and found.score >= PRESELECT_AT


def test_a_studio_is_an_edition_the_name_does_not_choose():
    editions = [
        Item("pro", "SketchUp Pro 2024", "2024", "Trimble"),
        Item("studio", "SketchUp Studio 2024", "2024", "Trimble"),
    ]
    found = best("SketchUp 2024", editions, "24.0.594", True)
    assert found.target_id == "pro" and not found.preselectable  # Pro or Studio: a person's choice
    assert best("SketchUp Pro 2024", editions, "24.0.594", True).preselectable


def test_an_edition_the_record_leaves_out_as_generic_is_not_chosen_by_a_name_without_it():
    tableau = [
        Item("desk", "Tableau Desktop", "", "Salesforce"),
        Item("srv", "Tableau Server", "", "Salesforce"),
    ]
    found = suggest([Item("l", "Tableau 2023.3", "20233.24.0215.0850")], tableau, versioned=True)["l"]
    assert found[0].target_id == "desk"  # as Tableau Desktop installs (a whole-name alias), never the server
    server = suggest([Item("l", "Tableau 2023.3", "20233.24.0215.0850")], tableau[1:], versioned=True)["l"]
    assert server[0].target_id == "srv" and preselect(server, PRESELECT_AT) is None  # only a suggestion
    assert chosen("Tableau Server 2023.3", tableau, "2023.3", versioned=True) == "Tableau Server"
    twins = [*tableau, Item("sw", "Tableau Software", "", "Salesforce")]  # "Tableau" too, as a maker
    assert chosen("Tableau 2023.3", twins, "2023.3", versioned=True) == "Tableau Desktop"  # as it installs
    assert chosen("Tableau Reader", twins, "2023.3", versioned=True) == ""  # another product


def pair(first: tuple[str, str, str], second: tuple[str, str, str]) -> list[Item]:
    return [Item("a", *first), Item("b", *second)]


@pytest.mark.parametrize(
    ("name", "version", "catalogue", "expected"),
    [
        (
            "intellij-idea",
            "2024.1",
            pair(
                ("JetBrains IntelliJ IDEA Community Edition", "", "JetBrains"),
                ("JetBrains IntelliJ IDEA Ultimate", "", "JetBrains"),
            ),
            "",
        ),
        (
            "Java 8 Update 401 (64-bit)",
            "8.0.4010.10",
            pair(("Oracle Java SE 8", "8", "Oracle"), ("Eclipse Temurin JDK 21", "21", "Eclipse")),
            "Oracle Java SE 8",
        ),
        (
            "Microsoft SQL Server 2022",
            "16.0.1000.6",
            pair(
                ("Microsoft SQL Server 2022 Enterprise", "2022", "Microsoft"),
                ("Microsoft SQL Server 2022 Express", "2022", "Microsoft"),
            ),
            "",
        ),
        # another record of the product that is no edition of it, or of no version, leaves the name's choice
        (
            "MySQL 8.0",
            "8.0.36",
            pair(("MySQL Server 8.0", "8.0", "Oracle"), ("MySQL Workbench 8.0", "8.0", "Oracle")),
            "MySQL Server 8.0",
        ),
        (
            "Exchange 2019",
            "",
            pair(("Exchange Server 2019", "2019", "Microsoft"), ("Exchange Online", "", "Microsoft")),
            "Exchange Server 2019",
        ),
    ],
)
def test_which_edition_a_name_chooses(name, version, catalogue, expected):
    assert chosen(name, catalogue, version, versioned=True) == expected


def test_a_year_and_the_major_version_its_installs_report_are_one_version():
    sql = [
        Item("19", "Microsoft SQL Server 2019", "2019", "Microsoft"),
        Item("22", "Microsoft SQL Server 2022", "2022", "Microsoft"),
    ]
    assert chosen("mssql-server", sql, "16.0.4135.4-2", versioned=True) == "Microsoft SQL Server 2022"
    assert chosen("MSSQL 2019 Standard", sql, "15.0.2000.5", versioned=True) == "Microsoft SQL Server 2019"
    found = suggest([Item("l", "mssql-server", "15.0.4355.3-2")], sql, versioned=True)["l"]
    assert [c.target_id for c in found] == ["19"]  # never 2022: another major, however numbered
    assert renumbered(["sql", "server"], "16.0.4135")[0] == "2022"
    assert renumbered(["sql", "server"], "2019") == ("15", "SQL Server 2019 is version 15")
    assert renumbered(["postgresql"], "16") == ("", "") and renumbered(["sql", "server"], "9") == ("", "")
    assert renumbered(["sql", "server", "management", "studio"], "16") == ("", "")  # SSMS numbers its own
    tools = [*sql, Item("odbc", "Microsoft ODBC Driver 17 for SQL Server", "17", "Microsoft")]
    assert [c.target_id for c in suggest([Item("l", "SQL Server 2025")], tools, versioned=True)["l"]] == []
    assert not suggest([Item("l", "ODBC Driver 17 for SQL Server", "17.10.6.1")], sql, versioned=True)["l"]
    shown = suggest([Item("l", "mssql-server", "16.0.4135.4-2")], sql[1:], versioned=True)["l"][0]
    assert "SQL Server 2022 is version 16" in shown.reasons


def test_a_creative_cloud_apps_year_is_the_major_its_installs_report():
    adobe = [
        Item("ps24", "Adobe Photoshop 2024", "2024", "Adobe"),
        Item("ps25", "Adobe Photoshop 2025", "2025", "Adobe"),
        Item("ai25", "Adobe Illustrator 2025", "2025", "Adobe"),
    ]
    assert chosen("Adobe Photoshop", adobe, "25.4.0", versioned=True) == "Adobe Photoshop 2024"
    assert chosen("Photoshop", adobe, "26.1", versioned=True) == "Adobe Photoshop 2025"
    assert not suggest([Item("l", "Adobe Illustrator", "28.7.1")], adobe, versioned=True)["l"]  # 2024's
    server = [Item("ids", "Adobe InDesign Server 2024", "2024", "Adobe")]  # sold apart from InDesign
    assert chosen("Adobe InDesign", server, "19.0", versioned=True) == ""
    # by the year in the install's name, in the apps that number as InDesign does, or joined the year late
    numbered = [
        Item("ids", "Adobe InDesign Server 19", "19", "Adobe"),
        Item("ic", "Adobe InCopy 19", "19", "Adobe"),
        Item("au", "Adobe Audition 24", "24", "Adobe"),
        Item("qx", "QuarkXPress 14", "14", "Quark"),
    ]
    assert (
        chosen("Adobe InDesign Server 2024", numbered, "19.4", versioned=True) == "Adobe InDesign Server 19"
    )
    assert chosen("Adobe InCopy 2024", numbered, "19.0.1", versioned=True) == "Adobe InCopy 19"
    assert chosen("Adobe Audition 2024", numbered, "24.0.3", versioned=True) == "Adobe Audition 24"
    assert chosen("QuarkXPress 2018", numbered, "14.3.2", versioned=True) == "QuarkXPress 14"
    assert not suggest([Item("l", "Adobe Audition 2021", "14.4")], numbered, versioned=True)["l"]


def test_techsmiths_year_is_the_major_its_installs_report():
    techsmith = [
        Item("s24", "TechSmith Snagit 2024", "", "TechSmith"),
        Item("c23", "TechSmith Camtasia 2023"),
    ]
    assert chosen("Snagit 24", techsmith, "24.1.0", versioned=True) == "TechSmith Snagit 2024"
    assert chosen("Snagit", techsmith, "24.0.1", versioned=True) == "TechSmith Snagit 2024"
    assert chosen("Camtasia", techsmith, "23.4.5", versioned=True) == "TechSmith Camtasia 2023"
    assert not suggest([Item("l", "Snagit 2023", "23.1.0")], techsmith, versioned=True)["l"]


def test_a_name_that_generic_words_tell_from_one_product_and_its_own_words_from_another_is_a_choice():
    splunk = [
        Item("ent", "Splunk Enterprise 9", "9", "Splunk"),
        Item("uf", "Splunk Universal Forwarder 9", "9", "Splunk"),
    ]
    found = suggest([Item("l", "Splunk", "9.2.1", "Splunk Inc.")], splunk, versioned=True)["l"]
    assert not preselect(found, PRESELECT_AT)  # the server, or its forwarder?
    assert "Splunk Universal Forwarder 9 is one too: suggested, never pre-selected" in found[0].reasons
    alone = suggest([Item("l", "Splunk", "9.2.1", "Splunk Inc.")], splunk[:1], versioned=True)["l"]
    assert preselect(alone, PRESELECT_AT).target_id == "ent"
    sql = [
        Item("sql", "Microsoft SQL Server 2022", "16", "Microsoft"),
        Item("ssms", "SQL Server Management Studio", "", "Microsoft"),
    ]
    found = suggest([Item("l", "mssql-server", "16.0.4125.3-1", "")], sql, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "sql"  # the name says server: no tool of it
    mysql = [Item("srv", "MySQL Server 8.0", "8.0", "Oracle"), Item("sh", "MySQL Shell 8.0", "8.0", "Oracle")]
    found = suggest([Item("l", "MySQL", "8.0.36", "Oracle")], mysql, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "srv"  # its shell is named so whenever installed
    assert words_of("VMware Tools")[-1] in TOOLS  # as names are read: "tool"


def test_a_name_that_a_delivery_word_tells_from_one_product_and_its_own_words_from_another_is_a_choice():
    power_bi = [
        Item("desk", "Microsoft Power BI Desktop", "", "Microsoft"),
        Item("rs", "Microsoft Power BI Report Server", "", "Microsoft"),
    ]
    found = suggest([Item("l", "Power BI", "", "")], power_bi, versioned=True)["l"]
    assert found[0].target_id == "desk" and not preselect(found, PRESELECT_AT)
    assert "Microsoft Power BI Report Server is one too: suggested, never pre-selected" in found[0].reasons
    alone = suggest([Item("l", "Power BI", "", "")], power_bi[:1], versioned=True)["l"]
    assert preselect(alone, PRESELECT_AT).target_id == "desk"
    office = [
        Item("apps", "Microsoft 365 Apps for enterprise", "", "Microsoft"),
        Item("bc", "Microsoft Dynamics 365 Business Central", "", "Microsoft"),
    ]
    found = suggest([Item("l", "Office 365", "", "")], office, versioned=True)["l"]
    assert found[0].target_id == "apps"  # its words apart in Dynamics 365: no Microsoft 365 of another kind
    assert not any("Business Central is one too" in reason for reason in found[0].reasons)


def test_an_editions_word_shortens_that_edition_and_no_other_word():
    models = [Item("pro", "Jamf Pro", "", "Jamf"), Item("w11", "Microsoft Windows 11 Pro", "11", "Microsoft")]
    assert chosen("Jamf Protect.app", models, "5.3.0", True) == ""
    assert (
        chosen("Microsoft Windows 11 Professionnel", models, "10.0.22631", True) == "Microsoft Windows 11 Pro"
    )
    assert abbreviates(("data", "standard"), ("data", "standardization")) == ""  # an edition's word whole


def test_a_long_term_release_is_the_one_its_year_names_by_the_build_its_installs_report():
    """Set 206: an install of "Windows 10 IoT Enterprise LTSC" at 10.0.17763 (LTSC 2019's build) is no
    "… LTSC 2021" (19044), whatever its name leaves out; at 19044 it is, and a record without a year any."""
    ltsc = [Item("w", "Microsoft Windows 10 IoT Enterprise LTSC 2021", "2021", "Microsoft")]
    old = best("Windows 10 IoT Enterprise LTSC (old VMT image)", ltsc, "10.0.17763.5576", versioned=True)
    assert old.target_id == "w" and not old.preselectable
    assert "build 19044, this one 17763" in old.why
    assert best("Windows 10 IoT Enterprise LTSC", ltsc, "10.0.19044.4170", versioned=True).preselectable
    any_year = [Item("w", "Microsoft Windows 10 IoT Enterprise LTSC", "10", "Microsoft")]
    assert best("Windows 10 IoT Enterprise LTSC", any_year, "10.0.17763.5576", versioned=True).preselectable
    ltsb = [Item("w", "Windows 10 Enterprise 2016 LTSB", "2016", "Microsoft")]  # Microsoft's own order
    assert not best("Windows 10 Enterprise LTSB", ltsb, "10.0.17763", versioned=True).preselectable
    assert best("Windows 10 Enterprise LTSB", ltsb, "10.0.14393", versioned=True).preselectable
    assert long_term_build("Microsoft Office LTSC Professional Plus 2021", "2021") == ""  # no Windows


def test_the_year_beside_office_ltsc_is_its_version():
    """Set 269: Windows' "LTSC 2019" is a release of its own, told by its build, also where the name leaves
    "Windows" out; Office's "Standard LTSC 2021", whichever order it writes its words in, is version 2021, as
    "LTSC Standard 2021" is, and so are other products' LTSC years."""
    office = [Item("o", "Microsoft Office LTSC 2021 Standard", "2021", "Microsoft")]
    for name in ("Microsoft Office Standard LTSC 2021 - fr-fr", "Microsoft Office LTSC Standard 2021"):
        assert chosen(name, office, "16.0.14332.20651") == office[0].name, name
    access = [Item("a", "Microsoft Access LTSC 2021", "2021", "Microsoft")]
    assert chosen("Microsoft Access LTSC 2021 - ar-sa", access, "16.0.14332.20624") == access[0].name
    skype = [Item("s", "Skype for Business LTSC 2021", "2021", "Microsoft")]  # its year too
    assert chosen("Skype for Business LTSC 2021", skype, "16.0.14332.20651") == skype[0].name
    studio = [Item("v", "Visual Studio Enterprise 2022", "2022", "Microsoft")]
    assert chosen("Visual Studio Enterprise 2022 LTSC 17.8", studio, "17.8.5") == studio[0].name
    windows = [Item("w", "Microsoft Windows 10 IoT Enterprise LTSC 2021", "2021", "Microsoft")]
    for name in ("IoT Enterprise LTSC 2021", "W10 Enterprise LTSC 2021"):  # Windows' own, by its build
        found = suggest([Item("l", name, "10.0.19044")], windows, versioned=True)["l"]
        assert found and found[0].target_id == "w", name


def test_windows_11_reports_its_builds_as_10_0():
    """An install of Windows at a build from 22000 on is Windows 11, which reports itself as 10.0 (set 230);
    Windows Server's builds stay its own."""
    windows = [
        Item("10", "Microsoft Windows 10 Pro", "10", "Microsoft"),
        Item("11", "Microsoft Windows 11 Pro", "11", "Microsoft"),
    ]
    assert chosen("Windows", windows, "10.0.22631") == "Microsoft Windows 11 Pro"
    assert chosen("Windows Pro", windows, "10.0.26100.2033") == "Microsoft Windows 11 Pro"
    assert chosen("Windows", windows, "10.0.19045") == "Microsoft Windows 10 Pro"
    assert chosen("Microsoft Windows 11 Pro", windows, "10.0.22631") == "Microsoft Windows 11 Pro"
    versionless = [Item("s", "Microsoft Windows Server", "10", "Microsoft")]  # not Windows itself
    assert chosen("Windows Server", versionless, "10.0.26100") == "Microsoft Windows Server"
    kit = [Item("k", "Windows Software Development Kit 10", "10", "Microsoft")]  # named for it
    assert chosen("Windows Software Development Kit", kit, "10.0.22621.3233") == kit[0].name
    server = [Item("s", "Microsoft Windows Server 2025", "2025", "Microsoft"), *windows]
    assert (
        chosen("Microsoft Windows Server 2025 Standard", server, "10.0.26100")
        == "Microsoft Windows Server 2025"
    )


def test_a_server_sold_apart_is_no_edition_of_its_client():
    tally = [Item("t", "TallyPrime 5", "5", "Tally Solutions")]
    assert chosen("TallyPrime Server", tally, "5.0") == ""  # set 230
    assert chosen("TallyPrime", tally, "5.1") == "TallyPrime 5"


@pytest.mark.parametrize(
    ("install", "version", "record", "major"),
    [
        ("SOLIDWORKS 2024 (Student Edition)", "2024", "SOLIDWORKS 2024", "2024"),
        ("On-premises data gateway (personal mode)", "3000.230.13", "On-premises data gateway", ""),  # set 40
        ("1С:Предприятие 8 (учебная версия)", "8.3.22.1923", "1C:Enterprise 8.3", "8.3"),  # set 258
        ("1С:Бухгалтерия для Казахстана (базовая)", "3.0.41.1", "1C:Accounting for Kazakhstan 3.0", "3.0"),
    ],
)
def test_a_licence_in_brackets_is_no_inventory_noise(install: str, version: str, record: str, major: str):
    """A student's, a training or a basic licence given in brackets makes the install another product than
    the catalogue's record: suggested, as the same words unbracketed are; the 64-bit noise beside it is
    read away."""
    target = [Item("t", record, major, "")]
    found = best(install, target, version, versioned=True)
    assert found.name == record and not preselect([found], PRESELECT_AT)
    assert chosen(install.split(" (")[0] + " (64-bit)", target, version) == record


def test_windows_at_a_bare_10_0_may_be_10_or_11():
    """Sets 156 to 260: an inventory's "Microsoft Windows Enterprise" at "10.0", without its build, is
    Windows 10's or 11's (11 reports 10.0 too): both suggested, neither pre-selected; the build or the
    name's own number says which."""
    windows = [
        Item("10", "Microsoft Windows 10 Enterprise", "10", "Microsoft"),
        Item("11", "Microsoft Windows 11 Enterprise", "11", "Microsoft"),
    ]
    found = suggest([Item("l", "Microsoft Windows Enterprise", "10.0")], windows, versioned=True)["l"]
    assert {c.target_id for c in found} == {"10", "11"} and not preselect(found, PRESELECT_AT)
    assert chosen("Microsoft Windows Enterprise", windows, "10.0.19045") == windows[0].name
    assert chosen("Microsoft Windows 11 Enterprise", windows, "10.0") == windows[1].name


def test_one_products_words_are_no_others_where_an_alias_reads_the_other_otherwise():
    """Set 262: "Sunquest" is Clinisys' Sunquest Laboratory or its Sunquest CoPathPlus; an alias reads the
    first as "Clinisys Laboratory" (its rebrand), which keeps the word it writes from the second alone."""
    catalogue = [
        Item("lab", "Clinisys Sunquest Laboratory", "", "Clinisys"),
        Item("path", "Clinisys Sunquest CoPathPlus", "", "Clinisys"),
    ]
    found = suggest([Item("l", "Sunquest", "")], catalogue, versioned=True)["l"]
    assert {c.target_id for c in found} == {"lab", "path"} and not preselect(found, PRESELECT_AT)


@pytest.mark.parametrize("locale", ["he-il", "cy-gb", "sw-ke", "ar-sa", "kk-kz", "th-th"])
def test_an_installs_locale_after_a_dash_is_inventory_noise(locale: str):
    """Sets 145 to 258: Office's installs end with their locale, of any language ("- he-il", "- cy-gb"),
    not only the languages the noise words know ("- en-us")."""
    office = [
        Item("m365", "Microsoft 365 Apps for enterprise", "", "Microsoft"),
        Item("std", "Microsoft Office Standard 2019", "2019", "Microsoft"),
    ]
    install = f"Microsoft 365 Apps for enterprise - {locale}"
    assert chosen(install, office, "16.0.17328.20162") == office[0].name
    assert chosen(f"Microsoft Office Standard 2019 - {locale}", office, "16.0.10410.20026") == office[1].name


def test_a_products_name_after_a_dash_is_no_locale():
    """A product written in capitals after its maker's dash ("Palo Alto Networks - PA-VM") is kept."""
    firewalls = [Item("vm", "Palo Alto Networks PA-VM", "", "Palo Alto Networks")]
    found = best("Palo Alto Networks - PA-VM", firewalls, "11.1.2", versioned=True)
    assert found.target_id == "vm" and found.reasons[0].startswith("same name")
