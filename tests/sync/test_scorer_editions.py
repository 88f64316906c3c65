"""The scorer's reading of software (issue 19): a manufacturer left out of a name, an edition kept or
sold apart, the client words and release noise of an install."""

from sync.matching import Item
from sync.scorer import PRESELECT_AT
from tests.sync.scoring import first_candidate as best


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
    ltsc = [Item("w", "Windows 10 Enterprise LTSC 2021", "21H2", "Microsoft")]  # a release of its own
    for name in ("Windows 10 Enterprise LTSC 2019", "Windows 10 Enterprise 2019 LTSC"):
        assert not best(name, ltsc, "1809", versioned=True).preselectable, name
    assert best("Windows 10 Enterprise LTSC 2021", ltsc, "10.0.19044", versioned=True).preselectable
    any_year = [Item("w", "Windows 10 Enterprise LTSC", "10", "Microsoft")]
    assert best("Windows 10 Enterprise LTSC 2019", any_year, "10.0.17763", versioned=True).preselectable
    iot = [Item("w", "Windows 10 IoT Enterprise LTSC", "10", "Microsoft")]  # a device maker's, licensed apart
    assert best("Windows 10 Enterprise LTSC", iot, "10.0.19044", versioned=True).score < PRESELECT_AT
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
