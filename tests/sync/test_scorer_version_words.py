"""Words beside a software name's version that say what it is (issue 19, sync.match_rules): a product's own
"Update" before its version, a hotfix after a release, and HP's versions behind a letter."""

from sync.match_rules import software_words, version_field
from sync.matching import Item
from sync.scorer import PRESELECT_AT
from tests.sync.scoring import first_candidate as best


def test_a_products_own_update_word_before_its_version_is_a_word_of_its_name():
    """The seen sets' "Dell Command Update 5": the tool's name ends in "Update", so its record of 5 is the
    install at 5.2; after a version, a release, an edition or "Cumulative", "Update" still numbers an
    update."""
    dell = [Item("5", "Dell Command Update 5", "5", "Dell"), Item("4", "Dell Command Update 4", "4", "Dell")]
    found = best("Dell Command Update for Windows Universal", dell, "5.2.0", True)
    assert found.target_id == "5" and found.preselectable and found.score >= PRESELECT_AT
    lenovo = [Item("l", "Lenovo System Update 5", "5", "Lenovo")]
    assert best("Lenovo System Update", lenovo, "5.08.02", True).preselectable
    for name, version, record in [
        (
            "Microsoft Exchange Server 2019 Cumulative Update 14",
            "15.2.1544.4",
            "Microsoft Exchange Server 2019",
        ),
        ("TIA Portal V18 Update 3", "18.0.3", "Siemens TIA Portal V18"),
        ("Adobe Reader XI Update 11.0.23", "11.0.23", "Adobe Reader XI"),  # a release named in numerals
        ("Java SE Update 381", "8.0.3810", "Java SE 8"),  # after its edition
    ]:
        found = best(name, [Item("r", record, "", "")], version, True)
        assert found.preselectable and found.score >= PRESELECT_AT, name


def test_a_hotfix_after_a_release_at_a_names_end_is_no_word_of_it():
    """The seen sets' Palo Alto firewalls: "PAN-OS 11.1.2-h3" is PAN-OS 11.1.2's third hotfix."""
    pan = [Item("11", "Palo Alto Networks PAN-OS 11", "11", "Palo Alto Networks")]
    found = best("PAN-OS 11.1.2-h3", pan, "11.1.2-h3", True)
    assert found.preselectable and found.score >= PRESELECT_AT
    assert software_words(["pan", "os", "11.1.2", "h3"]) == ["pan", "os", "11.1.2"]
    assert software_words(["fluke", "h3", "viewer"]) == ["fluke", "h3", "viewer"]  # no release before it
    assert software_words(["tool", "2.0", "h2", "driver"]) == ["tool", "2.0", "h2", "driver"]  # not its end


def test_an_hp_version_behind_its_letter_is_that_version():
    """The seen sets' Data Protector installs: HP and Micro Focus wrote its versions "A.10.91", "A.09.00";
    Agilent's lettered revisions ("A.04.10", "C.01.10") are versions of their own, left as written."""
    protector = [Item("dp", "OpenText Data Protector 10", "10", "OpenText")]
    found = best("Micro Focus Data Protector A.10.91", protector, "A.10.91", True)
    assert found.preselectable and found.score >= PRESELECT_AT
    nine = [Item("dp9", "HPE Data Protector 9", "9", "Hewlett Packard Enterprise")]
    assert best("HP Data Protector A.09.00", nine, "A.09.00", True).target_id == "dp9"
    assert version_field("A.11.00", ["data", "protector"]) == "11.00"
    assert version_field("A.04.10", ["openlab", "ezchrom"]) == "A.04.10"
    assert version_field("C.01.10", ["chemstation"]) == "C.01.10"


def test_a_monthly_release_at_a_names_end_is_no_version():
    """The seen sets' report servers: "Power BI Report Server - January 2024" is the January release of the
    product, version 15.0, not a product of 2024; a month within a name stays its word."""
    server = [Item("rs", "Microsoft Power BI Report Server", "", "Microsoft")]
    for name, version in [
        ("Microsoft Power BI Report Server - September 2023", "15.0.1113.165"),
        ("Power BI Report Server - January 2024", "15.0.1114.30"),
    ]:
        found = best(name, server, version, True)
        assert found.preselectable and found.score >= PRESELECT_AT, name
    assert software_words(["report", "server", "may", "2023"]) == ["report", "server"]
    assert software_words(["may", "2023"]) == ["may", "2023"]  # nothing before it
    assert software_words(["march", "2024", "tool"]) == ["march", "2024", "tool"]  # not its end


def test_words_after_a_products_name_and_version_name_a_part_or_edition_of_it():
    """The seen sets' "Kaspersky Security Center 14.2 Administration Server", "TeamViewer 15 Host", "memoQ
    10.4 translator pro": the product and its version come first, then the part or edition installed. Not a
    setup, a language pack, a LocalDB, its own reporting services, or a release ("2012 R2")."""
    for name, version, record, major in [
        (
            "Kaspersky Security Center 14.2 Administration Server",
            "14.2.0.26967",
            "Kaspersky Security Center",
            "14",
        ),
        ("TeamViewer 15 Host", "15.48.5", "TeamViewer", "15"),
        ("memoQ 10.4 translator pro", "10.4.8", "memoQ", ""),
    ]:
        named = f"{record} {major}".strip()
        found = best(name, [Item("r", named, major, ""), Item("o", f"{record} Cloud", "", "")], version, True)
        assert found.target_id == "r" and found.preselectable and found.score >= PRESELECT_AT, name
    sql = [Item("sql", "Microsoft SQL Server 2019", "2019", "Microsoft")]
    for name, version in [
        ("Microsoft SQL Server 2019 Express LocalDB", "15.0.4153.1"),
        ("SQL Server 2019 Reporting Services", "15.0.8599.29"),
        ("Microsoft SQL Server 2019 Setup (English)", "15.0.4013.40"),
    ]:
        found = best(name, sql, version, True)
        assert not (found.preselectable and found.score >= PRESELECT_AT), name
    windows = [Item("w", "Microsoft Windows 10", "10", "Microsoft")]
    found = best("Microsoft Windows 10 Enterprise LTSC 2019", windows, "10.0.17763", True)
    assert not (found.preselectable and found.score >= PRESELECT_AT)
    kaspersky = [Item("k", "Kaspersky Security Center 14", "14", "Kaspersky")]
    found = best(
        "Kaspersky Security Center 14.2 Administration Server (64-bit)", kaspersky, "14.2.0.26967", True
    )
    assert found.preselectable and found.score >= PRESELECT_AT  # its build read away
    others = [  # another install, a build not released or a release candidate
        ("Kaspersky Security Center 14.2 Network Agent", "14.2.0.1", "Kaspersky Security Center 14", "14"),
        ("TeamViewer 15 Setup", "15.1", "TeamViewer 15", "15"),
        ("Mozilla Firefox 124 Nightly", "124.0a1", "Mozilla Firefox", ""),
        ("WinSCP 6.1 Portable", "6.1.2", "WinSCP 6", "6"),
        ("Acme Tool 1.2 RC1", "1.2.0", "Acme Tool 1", "1"),
        ("Acme Tool 1.2 Beta", "1.2.0", "Acme Tool 1", "1"),
        ("Microsoft Visual Studio 2022 Installer", "3.8.2", "Microsoft Visual Studio 2022", "2022"),
    ]
    for name, version, record, major in others:
        found = best(name, [Item("r", record, major, "")], version, True)
        assert not (found.preselectable and found.score >= PRESELECT_AT), name


def test_a_part_after_a_version_is_of_the_release_the_name_gives_beside_a_record_alike_by_an_alias():
    """The seen sets' "Microsoft Dynamics NAV 2018 RoleTailored Client": NAV reads as Business Central, so
    the catalogue's "… Business Central 23" holds its words too; the NAV 2018 record is the release named."""
    catalogue = [
        Item("bc", "Microsoft Dynamics 365 Business Central 23", "23", "Microsoft"),
        Item("nav", "Microsoft Dynamics NAV 2018", "2018", "Microsoft"),
    ]
    found = best("Microsoft Dynamics NAV 2018 RoleTailored Client", catalogue, "11.0.48822.0", True)
    assert found.target_id == "nav" and found.preselectable and found.score >= PRESELECT_AT


def test_a_makers_build_of_a_product_is_its_distributions_package_not_anothers():
    """The seen sets' "Red Hat build of OpenJDK 17": Red Hat's "java-17-openjdk-headless" at ".el9" is
    it; Debian's package ("~deb12u1") is not, nor is Red Hat's a "Microsoft Build of OpenJDK"."""
    red_hat = [Item("rh", "Red Hat build of OpenJDK 17", "17", "Red Hat")]
    found = best("java-17-openjdk-headless", red_hat, "1:17.0.12.0.7-2.el9", True)
    assert found.preselectable and found.score >= PRESELECT_AT
    debian = best("openjdk-17-jre-headless", red_hat, "17.0.13+11-1~deb12u1", True)
    assert debian.target_id == "rh" and not debian.preselectable and "a Debian package" in debian.why
    fedora = best("java-17-openjdk", red_hat, "17.0.12.0.7-1.fc40", True)  # the same name, Fedora's build
    assert not fedora.preselectable and "a Fedora package" in fedora.why
    assert not best("java-17-openjdk", red_hat, "17.0.12", True).preselectable  # no build given
    microsoft = [Item("ms", "Microsoft Build of OpenJDK 21", "21", "Microsoft")]
    assert not best("java-21-openjdk", microsoft, "1:21.0.2.0.13-1.el9", True).preselectable
