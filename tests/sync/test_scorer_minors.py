"""Version families across minor releases (issue 19): a record of another minor release is only suggested,
unless the product's minor releases are one release line; tracks, years and version fields' updates."""

import pytest

from sync.match_rules import version_field
from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate as best


@pytest.mark.parametrize(
    ("name", "version", "catalogue"),
    [
        ("python3", "3.10.12", [Item("p", "Python", "3.12", "Python Software Foundation")]),
        ("Kubernetes", "1.30.2", [Item("k", "Kubernetes 1.29", "1.29", "CNCF")]),
        ("Tableau Server", "2023.1.4", [Item("t", "Tableau Server", "2023.3", "Tableau")]),
        ("MySQL Server 5.6", "5.6.51", [Item("m", "MySQL Server", "5.7", "Oracle")]),
        # a product of one release line, but not its one record of the major, or a record of a minor
        ("terraform", "1.5.7", [Item("t", "Terraform", "1.9", "HashiCorp"), Item("u", "Terraform", "1.6")]),
        ("git", "1:2.39.2-1.1", [Item("g", "Git 2.45", "2.45", "The Git Development Community")]),
        ("nginx", "1.24.0", [Item("n", "nginx", "1.26 LTS", "F5")]),
    ],
)
def test_another_minor_release_is_only_suggested_even_where_the_catalogue_has_one_record(
    name, version, catalogue
):
    found = best(name, catalogue, version, True)
    assert found is not None and not found.preselectable
    assert "same product, another minor release: suggested, never pre-selected" in found.reasons


@pytest.mark.parametrize(
    ("name", "version", "catalogue"),
    [
        ("terraform", "1.5.7", [Item("t", "Terraform", "1.9", "HashiCorp")]),
        ("git", "1:2.39.2-1.1", [Item("g", "Git", "2.45", "The Git Development Community")]),
        ("Microsoft Azure CLI", "2.61.0", [Item("a", "Azure CLI", "2.66", "Microsoft")]),  # as aliases read
    ],
)
def test_one_record_of_a_product_of_one_release_line_stands_for_its_other_minor_releases(
    name, version, catalogue
):
    found = best(name, catalogue, version, True)
    assert found is not None and found.preselectable and found.score >= PRESELECT_AT
    assert "same product, another minor release of its one release line" in found.reasons


@pytest.mark.parametrize(
    ("name", "version", "catalogue"),
    [
        ("TeamViewer", "15.40.8", [Item("t", "TeamViewer 15", "15.55", "TeamViewer")]),
        (
            "TeamViewer",
            "14.2.3",
            [Item("a", "TeamViewer 14", "14.7.48"), Item("b", "TeamViewer 15", "15.55")],
        ),
    ],
)
def test_a_record_its_name_gives_the_major_of_stands_for_that_majors_minor_releases(name, version, catalogue):
    found = best(name, catalogue, version, True)
    assert found is not None and found.preselectable and found.score >= PRESELECT_AT
    assert "same product, another minor release of its one release line" in found.reasons


@pytest.mark.parametrize(
    ("name", "version", "catalogue"),
    [
        (
            "MySQL Server 8.4",
            "8.4.2",
            [Item("m", "MySQL Server 8.0", "8.0.39", "Oracle")],
        ),  # a minor, read "8"
        (
            "TeamViewer",
            "15.40.8",
            [Item("a", "TeamViewer 15", "15.55"), Item("b", "TeamViewer 15", "15.30")],
        ),
        ("com.adobe.reader", "24.7.0", [Item("r", "Adobe Acrobat Reader (Continuous)", "24.3", "Adobe")]),
        # a name giving the major of a product whose minor releases are their own, its field one of them
        ("Apache Tomcat 8.5", "8.5.99", [Item("t", "Apache Tomcat 8", "8.0.53", "Apache")]),
        ("PostgreSQL 9.5", "9.5.25", [Item("p", "PostgreSQL 9", "9.6", "PostgreSQL")]),
        ("MySQL Server 5.6", "5.6.51", [Item("m", "MySQL Server 5", "5.7.44", "Oracle")]),
        ("QGIS", "3.28.15", [Item("q", "QGIS 3", "3.34", "QGIS")]),
        ("Ubuntu", "22.10", [Item("u", "Ubuntu 22", "22.04", "Canonical")]),
        ("VMware ESXi", "6.5.0", [Item("e", "VMware ESXi", "6.7", "VMware")]),  # 6.5 and 6.7: releases
    ],
)
def test_no_record_stands_for_other_minors_by_a_minor_a_track_or_beside_another_of_its_major(
    name, version, catalogue
):
    found = best(name, catalogue, version, True)
    assert found is None or not found.preselectable


def test_an_update_in_a_version_field_is_that_minors_update():
    esxi = [Item("e", "VMware ESXi", "8.0 U2", "Broadcom Inc.")]
    found = best("ESXi 8.0 Update 2", esxi, "8.0.2-22380479", True)
    assert found.preselectable and found.score >= PRESELECT_AT


def test_ibms_version_and_release_is_that_version():
    assert version_field("V3R1", []) == "3.1" and version_field("V6R1M0", []) == "6.1.0"
    zos = [Item("25", "z/OS 2.5", "2.5", "IBM"), Item("31", "z/OS 3.1", "3.1", "IBM")]
    found = best("z/OS V2R5 (HBB77C0)", zos, "", True)  # as SMP/E lists it, its FMID in brackets
    assert found.target_id == "25" and found.preselectable and found.score >= PRESELECT_AT
    found = best("z/OS", zos, "V3R1", True)
    assert found.target_id == "31" and found.preselectable and found.score >= PRESELECT_AT


def test_a_version_behind_a_tag_of_a_few_letters_is_that_version():
    """AnyDesk reports "ad 8.0.9" (seen sets): version 8.0.9, not a major of its own; an update's word is no
    tag ("SP 3.0"), and the version behind a tag is read as any version field is (Windows 11's build)."""
    assert version_field("ad 8.0.9", []) == "8.0.9" and version_field("Build 4169", []) == "Build 4169"
    assert version_field("SP 3.0", []) == "SP 3.0" and version_field("CU 2.1", []) == "CU 2.1"
    assert version_field("NT 10.0.22631", ["window"]) == "11.0.22631"  # the words as read
    assert version_field("NT 10.0", ["window"]) == ""
    catalogue = [Item("8", "AnyDesk 8", "8", "AnyDesk Software")]
    found = best("AnyDesk", catalogue, "ad 8.0.9", True)
    assert found.target_id == "8" and found.preselectable and found.score >= PRESELECT_AT
    assert best("AnyDesk", catalogue, "ad 7.1.16", True) is None  # another major


def test_a_service_pack_with_a_minor_is_a_service_pack():
    """SOLIDWORKS names its service packs "SP5.0" (tuning and seen sets): no word of the product's name."""
    catalogue = [
        Item("23", "Dassault Systemes SOLIDWORKS 2023", "2023", "Dassault Systemes"),
        Item("24", "Dassault Systemes SOLIDWORKS 2024", "2024", "Dassault Systemes"),
    ]
    found = best("SOLIDWORKS 2023 SP5.0", catalogue, "31.5.0.0062", True)
    assert found.target_id == "23" and found.preselectable and found.score >= PRESELECT_AT
    found = best("SOLIDWORKS 2024 SP1.0", catalogue, "2024 SP1", True)
    assert found.target_id == "24" and found.preselectable and found.score >= PRESELECT_AT


def test_a_year_that_names_both_records_leaves_their_version_fields_updates_of_it():
    found = best(
        "Adobe Photoshop 2024", [Item("ps", "Adobe Photoshop 2024", "25.11", "Adobe")], "25.9.1", True
    )
    assert found.preselectable and found.score >= PRESELECT_AT


def test_a_retired_record_of_the_product_keeps_its_live_one_from_standing_for_other_minors():
    catalogue = [Item("t", "Terraform", "1.9", "HashiCorp"), Item("r", "Terraform", "1.5", retired=True)]
    found = best("terraform", catalogue, "1.5.7", True)
    assert found is not None and not found.preselectable


@pytest.mark.parametrize(
    ("name", "version", "catalogue"),
    [
        ("mysql-community-server", "8.4.3-1.el9", [Item("m", "MySQL Server 8.0", "8.0", "Oracle")]),
        ("openssl@3", "3.4.0", [Item("o", "OpenSSL 3.0", "3.0", "OpenSSL Software Foundation")]),
        ("OpenSSL", "3.4.0", [Item("o", "OpenSSL 3.0", "", "OpenSSL Software Foundation")]),
    ],
)
def test_a_name_giving_a_minor_of_0_names_that_release_line(name, version, catalogue):
    found = best(name, catalogue, version, True)
    assert found is not None and not found.preselectable
    assert "same product, another minor release: suggested, never pre-selected" in found.reasons


@pytest.mark.parametrize(
    ("name", "version", "catalogue"),
    [
        ("mysql-server-8.0", "8.0.39-0ubuntu0.22.04.1", [Item("m", "MySQL Server 8.0", "8.0", "Oracle")]),
        ("MySQL", "8", [Item("m", "MySQL Server 8.0", "8.0", "Oracle")]),  # the major alone: its own
        # the same name on both sides: a generation its name gives, whatever build the field says
        ("MOTOTRBO CPS 2.0", "2.138.263.0", [Item("c", "MOTOTRBO CPS 2.0", "", "Motorola Solutions")]),
        # an extended-support release is numbered by its major; a field of another minor is the record's
        ("Mozilla Firefox ESR", "115.5.0", [Item("f", "Mozilla Firefox ESR 115.0", "", "Mozilla")]),
        ("Veeam Backup & Replication", "12.1.2.172", [Item("v", "Veeam Backup & Replication 12.0", "12.1")]),
        # a product of one release line: its record named for the major's first release stands for it
        ("Node.js", "20.11.1", [Item("n", "Node.js 20.0", "", "OpenJS Foundation")]),
    ],
)
def test_a_release_line_a_name_gives_still_matches_its_own_releases(name, version, catalogue):
    found = best(name, catalogue, version, True)
    assert found is not None and found.preselectable and found.score >= PRESELECT_AT


@pytest.mark.parametrize(
    ("field", "read"),
    [("2018 SP3", "2018"), ("2019 CU12 Patch 2", "2019"), ("V7.5 SP2 Upd12", "7.5"), ("8.00 PL 12", "8.00")]
    + [("2024 SR1", "2024"), ("11.5 FP3", "11.5"), ("2023 FPS01", "2023")],
)
def test_service_packs_and_updates_in_a_version_field_are_updates_of_that_version(field, read):
    assert version_field(field, []) == read


def test_sap_s_feature_package_stack_in_a_name_is_an_update_of_its_release():
    s4 = [Item("s4", "SAP S/4HANA", "", "SAP")]
    found = best("SAP S/4HANA 2022 FPS02", s4, "2022", True)
    assert found is not None and found.preselectable and found.score >= PRESELECT_AT


def test_a_service_pack_in_a_version_field_is_an_update_of_that_version():
    pi = [Item("pi", "AVEVA PI Server", "2018 SP3", "AVEVA")]
    found = best("OSIsoft PI Server", pi, "2018", True)
    assert found is not None and found.preselectable and found.score >= PRESELECT_AT


def test_an_update_a_name_gives_is_no_word_of_it():
    wincc = [Item("w", "SIMATIC WinCC V7.5", "7.5", "Siemens")]
    found = best("SIMATIC WinCC V7.5 SP2 Upd12", wincc, "7.5.2.12", True)
    assert found.preselectable and found.reasons[0] == "same name apart from case, punctuation or tier"
    origin = [Item("o", "OriginPro 2024", "2024", "OriginLab")]
    found = best("OriginPro 2024 (64-bit) SR1", origin, "10.1.0.178", True)  # a service release
    assert found.preselectable and found.reasons[0] == "same name apart from case, punctuation or tier"
    masslynx = [Item("m", "MassLynx", "", "Waters")]
    found = best("MassLynx 4.2 SCN1017", masslynx, "4.2", True)  # Waters' software change notice
    assert found.preselectable and found.score >= PRESELECT_AT
    gui = [Item("8", "SAP GUI for Windows 8", "8", "SAP"), Item("7", "SAP GUI for Windows 7", "7", "SAP")]
    found = best("SAP GUI for Windows 8.00 PL4", gui, "8.00.4", True)  # SAP's patch level (set 105)
    assert found.target_id == "8" and found.reasons[0] == "same name apart from case, punctuation or tier"


WINDOWS = [
    Item("23", "Windows 11 Enterprise 23H2", "", "Microsoft"),
    Item("24", "Windows 11 Enterprise 24H2", "", "Microsoft"),
]


@pytest.mark.parametrize(
    ("name", "version", "update"),
    [
        ("Microsoft Windows 11 Enterprise", "10.0.22631", "23"),
        ("Windows 11 Enterprise x64", "10.0.26100.2605", "24"),
        ("Windows 11 Enterprise", "11", ""),  # no build: which feature update is a person's choice
        ("Windows 11 Enterprise", "10.0.99999", ""),  # a build the table does not know
        ("Windows 11 Enterprise", "23H2 (22631.4037)", "23"),  # a field that names the update
        ("Microsoft Windows 11 Enterprise", "24H2", "24"),
    ],
)
def test_a_windows_build_or_its_field_is_its_feature_update_among_records_of_two(name, version, update):
    found = best(name, WINDOWS, version, versioned=True)
    assert found is not None
    chosen = found.target_id if found.preselectable and found.score >= PRESELECT_AT else ""
    assert chosen == update


def test_an_install_of_a_long_term_release_line_is_that_line():
    catalogue = [Item("ltr", "QGIS 3.34 LTR", "3.34", "QGIS.org"), Item("arc", "ArcGIS Pro", "3.3", "Esri")]
    found = best("QGIS 3.34.13 'Prizren'", catalogue, "3.34.13", versioned=True)
    assert found is not None and found.target_id == "ltr" and found.score >= PRESELECT_AT
    found = best("QGIS 3.40.1 'Bratislava'", catalogue, "3.40.1", versioned=True)
    assert found is not None and not (found.preselectable and found.score >= PRESELECT_AT)  # another line


def test_a_model_number_is_no_service_release():
    servers = [Item("630", "ThinkSystem SR630 XClarity Controller", "2.10", "Lenovo")]
    found = best("ThinkSystem SR650 XClarity Controller", servers, "2.10", True)
    assert found is None or not (found.preselectable and found.score >= PRESELECT_AT)


def chosen(name: str, models: list[Item], version: str) -> str:
    pick = preselect(suggest([Item("l", name, version)], models, versioned=True)["l"], PRESELECT_AT)
    return pick.name if pick else ""


def test_a_build_number_agreeing_to_the_minor_with_a_record_of_no_year_is_its_release():
    models = [
        Item("snag", "Acme Capture", "24.1", "Acme"),
        Item("bt", "BarTender", "11.3", "Seagull Scientific"),
    ]
    assert chosen("Acme Capture 2024", models, "24.1.0") == "Acme Capture"
    assert chosen("BarTender 2022 R8", models, "11.3.207.1") == "BarTender"
    found = suggest([Item("l", "Acme Capture 2024", "24.1.0")], models, versioned=True)["l"][0]
    assert "its version 24.1 is the release your name gives (2024: 24.1)" in found.reasons
    assert chosen("BarTender 2022 R8", [Item("bt", "BarTender", "11", "Seagull")], "11.3.207.1") == ""
    assert chosen("Acme Capture 2023", models, "23.2.0") == ""  # another major


def test_a_record_without_a_version_of_another_name_is_no_major_the_catalogue_records_apart():
    """Sets 103 and 126: "Adobe Acrobat 2017" is a classic release, recorded by its major as "Adobe Acrobat
    2020" is; the subscription's "Adobe Acrobat Pro", without a version, is not that release."""
    catalogue = [
        Item("pro", "Adobe Acrobat Pro", "", "Adobe"),
        Item("2020", "Adobe Acrobat 2020", "2020", "Adobe"),
    ]
    found = best("Adobe Acrobat 2017", catalogue, "17.011.30207", True)
    assert found.target_id == "pro" and not found.preselectable
    assert "Adobe Acrobat 2020 is recorded by its major" in found.why
    found = best("Adobe Acrobat 2020", catalogue, "20.005.30636", True)  # its own major's record
    assert found.target_id == "2020" and found.preselectable
    found = best("Adobe Acrobat 2020", catalogue[:1], "20.005.30636", True)  # no major recorded
    assert found.target_id == "pro" and found.preselectable


def test_a_record_without_a_version_is_no_release_its_maker_no_longer_supports():
    """Sets 81, 96, 174, 180, 210, 229 and 233: "Adobe Acrobat 2017", whose support ended in 2022, is no
    "Adobe Acrobat Pro" without a version, the product as sold now, even where no other major is recorded;
    2020, which the labelled sets read as that record, and the continuous track's "Acrobat Pro DC" still are
    (sets 10, 88 and 124); an "Adobe Acrobat Sign for SharePoint 2017" is another product, its year its own."""
    catalogue = [
        Item("pro", "Adobe Acrobat Pro", "", "Adobe"),
        Item("r", "Adobe Acrobat Reader", "", "Adobe"),
    ]
    for name, version, year in (
        ("Adobe Acrobat 2017", "17.011.30207", "2017"),
        ("Adobe Acrobat 2017 Pro", "17.011.30204", "2017"),
        ("Adobe Acrobat Pro 2015", "15.006.30527", "2015"),
    ):
        found = best(name, catalogue, version, True)
        assert found.target_id == "pro" and not found.preselectable, name
        assert f"Adobe Acrobat {year} is no longer supported" in found.why
    found = best("Acrobat 2017 Pro", [Item("pro", "Acrobat Pro", "", "Adobe")], "17.011.30207", True)
    assert not found.preselectable and "Adobe Acrobat 2017 is no longer supported" in found.why
    sign = [Item("sign", "Adobe Acrobat Sign for SharePoint", "", "Adobe")]  # another product, its year
    assert (
        chosen("Adobe Acrobat Sign for SharePoint 2017", sign, "4.0") == "Adobe Acrobat Sign for SharePoint"
    )
    assert chosen("Adobe Acrobat Pro 2020", catalogue, "20.005.30636") == "Adobe Acrobat Pro"
    assert chosen("Adobe Acrobat Pro DC", catalogue, "24.004.20220") == "Adobe Acrobat Pro"
    assert (
        chosen(
            "Adobe Acrobat 2017",
            [*catalogue, Item("17", "Adobe Acrobat 2017", "2017", "Adobe")],
            "17.011.30207",
        )
        == "Adobe Acrobat 2017"
    )  # its own record


def test_a_release_before_a_track_is_no_record_of_that_track():
    """Set 268: "Adobe Reader XI", an install at 11.0.23, came before Acrobat's Document Cloud track, so it
    is no "Adobe Acrobat Reader DC" without a version; ten sets read it as an "Adobe Acrobat Reader" without
    one, which names no track. Its number in the name or only in its version says as much."""
    dc = [
        Item("dc", "Adobe Acrobat Reader DC", "", "Adobe"),
        Item("pro", "Adobe Acrobat Pro DC", "", "Adobe"),
    ]
    for name, version in (
        ("Adobe Reader XI (11.0.23) - Français", "11.0.23"),
        ("Adobe Acrobat Reader", "11.0.23"),
        ("Adobe Reader X", "10.1.16"),
    ):
        found = best(name, dc, version, True)
        assert found.target_id == "dc" and not found.preselectable, name
        assert "is no longer supported" in found.why
    assert not best("Adobe Acrobat XI Pro", dc, "11.0.1", True).preselectable
    assert chosen("Adobe Acrobat Reader DC", dc, "24.003.20180") == "Adobe Acrobat Reader DC"
    assert chosen("Adobe Reader XI", [Item("r", "Adobe Acrobat Reader", "", "Adobe")], "11.0.23")


def test_a_record_of_the_major_comes_before_the_product_as_a_whole_on_weaker_name_evidence():
    """Set 182: "Adobe Acrobat 2020 Pro" is the "Adobe Acrobat 2020" record, whose name lacks only the edition,
    before the subscription's "Adobe Acrobat Pro" without a version; set 119: a record named for the major
    first ("Progress MOVEit Transfer 2023"), though neither is pre-selected."""
    catalogue = [
        Item("pro", "Adobe Acrobat Pro", "", "Adobe"),
        Item("2020", "Adobe Acrobat 2020", "2020", "Adobe"),
    ]
    found = best("Adobe Acrobat 2020 Pro", catalogue, "20.005.30574", True)
    assert found.target_id == "2020" and found.preselectable
    assert chosen("Adobe Acrobat 2020 Pro", catalogue, "20.005.30574") == "Adobe Acrobat 2020"
    moveit = [
        Item("any", "Progress MOVEit Transfer", "", "Progress"),
        Item("2023", "Progress MOVEit Transfer 2023", "2023", "Progress"),
    ]
    assert best("MOVEit Transfer 2023.0.1", moveit, "15.0.1", True).target_id == "2023"


def test_a_record_without_a_version_is_as_likely_one_of_another_products_majors_as_one_without():
    """Sets 189 and 190: "DICOM Viewer" may be Weasis's, whose record gives a version, as well as
    MicroDicom's, which gives none; "Acrobat" an "Adobe Acrobat Standard 2020" as well as an "Adobe Acrobat
    Pro". A major of the very product a record without a version has is not ("MarkLogic", set 119)."""
    viewers = [
        Item("micro", "MicroDicom DICOM Viewer", "", "MicroDicom"),
        Item("weasis", "Weasis DICOM Viewer", "4.5", "Weasis"),
    ]
    found = suggest([Item("l", "DICOM Viewer")], viewers, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT) is None
    assert any(reason.startswith("as likely as") for reason in found[0].reasons)
    acrobat = [
        Item("pro", "Adobe Acrobat Pro", "", "Adobe"),
        Item("std", "Adobe Acrobat Standard 2020", "2020", "Adobe"),
    ]
    assert chosen("Acrobat", acrobat, "") == ""
    marklogic = [
        Item("any", "Progress MarkLogic Server", "", "Progress"),
        Item("11", "Progress MarkLogic Server 11", "11", "Progress"),
    ]
    assert chosen("MarkLogic", marklogic, "") == "Progress MarkLogic Server"


def test_a_record_without_a_version_is_as_likely_a_product_whose_name_has_its_words_with_more():
    """Blind sets 186 to 196: "Firefox" may be "Mozilla Firefox ESR" as well as "Mozilla Firefox", "Zabbix"
    "Zabbix Agent 2" as well as "Zabbix Server"; not with a version, by its very name, nor where the other
    name has fewer words ("Terraform Cloud" beside a "Terraform")."""
    firefox = [
        Item("ff", "Mozilla Firefox", "", "Mozilla"),
        Item("esr", "Mozilla Firefox ESR", "", "Mozilla"),
    ]
    found = suggest([Item("l", "Firefox")], firefox, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT) is None
    assert any(r.startswith("as likely as Mozilla Firefox ESR") for r in found[0].reasons)
    assert chosen("Mozilla Firefox (x64 en-US)", firefox, "123.0.1") == "Mozilla Firefox"
    zabbix = [Item("srv", "Zabbix Server", "", "Zabbix"), Item("agent", "Zabbix Agent 2", "", "Zabbix")]
    assert chosen("Zabbix", zabbix, "") == ""
    mechanic = [
        *zabbix,
        Item("pm", "Photo Mechanic", "", "Camera Bits"),
        Item("pmp", "Photo Mechanic Plus", ""),
    ]
    assert chosen("Photo Mechanic", mechanic, "") == "Photo Mechanic"  # its very name
    terraform = [Item("hcp", "HCP Terraform", "", "HashiCorp"), Item("tf", "Terraform", "1.9", "HashiCorp")]
    assert chosen("Terraform Cloud", terraform, "") == "HCP Terraform"
