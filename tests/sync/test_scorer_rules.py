"""The scorer's general rules for names it has never seen (issue 19, tuning for unseen names): stemming,
glued versions and inventory noise, word-by-word abbreviations, delivery words, the one product with all
the words, and the shipped dictionary's hygiene. Each test names a rule, not a labelled case."""

import pytest

from sync.match_dictionary import shipped_groups, words_of
from sync.match_kinds import runtime_or_kit
from sync.match_names import AliasBook
from sync.match_rules import abbreviates, java_package, software_words, stem
from sync.matching import Item, preselect
from sync.scorer import LOOSE, ONLY, PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate

SERVICES = [
    Item("db", "Database Services - Gold"),
    Item("fw", "Firewall Management"),
    Item("iam", "Identity and Access Management"),
    Item("euc", "End User Computing"),
    Item("host", "Cloud Hosting - Standard"),
    Item("siem", "Security Information and Event Management"),
    Item("pay", "Payroll Processing"),
    Item("print", "Print Services"),
    Item("grant", "Grant Administration"),
]
MODELS = [
    Item("veeam", "Veeam Backup & Replication 12", "12", "Veeam"),
    Item("pg16", "PostgreSQL 16", "16", "PostgreSQL Global Development Group"),
    Item("java", "Java SE 17", "17", "Oracle"),
    Item("webex", "Cisco Webex Meetings", "", "Cisco"),
    Item("jira", "Atlassian Jira Software 9", "9", "Atlassian"),
    Item("jsm", "Atlassian Jira Service Management 5", "5", "Atlassian"),
    Item("sales", "Salesforce Sales Cloud", "", "Salesforce"),
    Item("pbi", "Microsoft Power BI", "", "Microsoft"),
    Item("docker", "Docker Engine 24", "24", "Docker"),
    Item("atp", "Contoso Advanced Threat Protection 3", "3", "Contoso"),
]


def top(name: str, targets: list[Item] = SERVICES, *args, **kwargs):
    return first_candidate(name, targets, *args, **kwargs)


def chosen(name: str, targets=SERVICES, version: str = "", versioned: bool = False) -> str:
    found = suggest([Item("l", name, version)], targets, versioned=versioned)["l"]
    pick = preselect(found, PRESELECT_AT)
    return pick.name if pick else ""


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("patching", "patch"),
        ("logging", "log"),
        ("scanning", "scan"),
        ("billing", "bill"),
        ("string", "string"),
        ("building", "building"),  # a noun of its own, not the doing of "build"
        ("accounting", "accounting"),
        ("training", "training"),
    ],
)
def test_light_stemming_drops_ing_and_keeps_short_words(word, stemmed):
    assert stem(word) == stemmed


def test_software_names_lose_inventory_noise_and_split_glued_versions():
    assert software_words(["postgresql16"]) == ["postgresql", "16"]
    assert software_words(["o365"]) == ["o365"]  # too short a name to be split
    assert software_words(["python39"]) == ["python", "3.9"]  # Red Hat's package: its major and minor
    assert software_words(["python3"]) == ["python", "3"]
    assert software_words(["java", "8", "update", "381", "64", "bit"]) == ["java", "8"]
    assert software_words(["tomcat", "version", "9", "x64"]) == ["tomcat", "9"]
    assert software_words(["windows", "server", "2019", "service", "pack", "2"]) == [
        "windows",
        "server",
        "2019",
    ]


def test_a_version_marked_ver_and_an_installs_site_in_square_brackets_are_no_words_of_the_name():
    """Epson's "Ver3.00", "Ver.6.06E"; BeyondTrust's "[support.example.com]", the site an install serves.
    A target's square brackets are its own: "Google Chrome [duplicate record]" is no second Chrome."""
    assert software_words(["epson", "opo", "adk", "ver3.00"]) == ["epson", "opo", "adk", "3.00"]
    assert software_words(["driver", "6", "ver.6.06e"]) == ["driver", "6", "6.06e"]
    drivers = [
        Item("adk", "Epson OPOS ADK", "3", "Seiko Epson"),
        Item("apd", "Epson Advanced Printer Driver", "6"),
    ]
    assert chosen("EPSON OPOS ADK Ver3.00", drivers, "3.00.19", versioned=True) == "Epson OPOS ADK"
    assert chosen("EPSON Advanced Printer Driver 6 Ver.6.06E", drivers, "6.06", versioned=True) == (
        "Epson Advanced Printer Driver"
    )
    consoles = [Item("rs", "BeyondTrust Remote Support Jump Client", "24", "BeyondTrust")]
    name = "BeyondTrust Remote Support Jump Client [support.example.com]"
    assert chosen(name, consoles, "24.2.1", versioned=True) == "BeyondTrust Remote Support Jump Client"
    chrome = [
        Item("c", "Google Chrome", "", "Google"),
        Item("d", "Google Chrome [duplicate record]", "", "Google"),
    ]
    assert chosen("google-chrome", chrome, "124.0.6367.208", versioned=True) == "Google Chrome"


def test_openjdk_packages_are_read_as_the_product_and_its_version():
    assert java_package(["openjdk", "17", "jre", "headless"]) == ["openjdk", "17"]  # Debian
    assert java_package(["java", "11", "openjdk", "headless"]) == ["openjdk", "11"]  # Red Hat
    assert java_package(["java", "1.8.0", "openjdk"]) == ["openjdk", "8.0"]  # Java's old numbering
    assert java_package(["java", "17", "openjdk", "javadoc"])[:3] == ["java", "17", "openjdk"]  # docs
    jdks = [Item("17", "OpenJDK 17", "17", "Eclipse Adoptium"), Item("21", "OpenJDK 21", "21", "")]
    assert chosen("java-17-openjdk-headless", jdks, "1:17.0.11.0.9-2.el9", versioned=True) == "OpenJDK 17"
    assert chosen("openjdk-21-jre-headless", jdks, "21.0.3+9-1~22.04", versioned=True) == "OpenJDK 21"
    assert chosen("java-11-openjdk", jdks, "11.0.22.0.7-1.el8", versioned=True) == ""  # another major
    split = [Item("jdk", "OpenJDK 17 JDK", "17", ""), Item("jre", "OpenJDK 17 JRE", "17", "")]
    assert chosen("openjdk-17-jre-headless", split, "17.0.11", versioned=True) != "OpenJDK 17 JDK"
    vendors = [Item("ms", "Microsoft Build of OpenJDK 11", "11", "Microsoft")]
    assert chosen("java-11-openjdk-headless", vendors, "11.0.23", versioned=True) == ""  # another's build


def test_glued_version_matches_its_product_version():
    assert chosen("Postgresql16", MODELS, versioned=True) == "PostgreSQL 16"
    assert chosen("Java 17 (64-bit)", MODELS, versioned=True) == "Java SE 17"


def test_word_by_word_abbreviations_both_ways_and_not_without_a_shared_word():
    assert (
        abbreviates(("veeam", "b", "and", "r"), ("veeam", "backup", "and", "replication"))
        == "b r = backup replication"
    )
    assert abbreviates(("window", "server"), ("win", "server")) == "win = window"
    assert abbreviates(("dev", "tool"), ("devop", "toolchain")) == ""  # no word the same
    assert abbreviates(("java", "se"), ("java", "se")) == ""  # nothing shortened
    assert abbreviates(("park", "management"), ("parking", "management")) == ""  # a noun of its own
    assert abbreviates(("data", "migration"), ("database", "migration")) == ""  # a word of its own
    assert abbreviates(("campus", "wir"), ("campus", "wireless")) == ""  # "Campus Wiring", stemmed
    assert abbreviates(("netcdf", "c"), ("netcdf", "cxx4")) == ""  # the C++ library, not the C one
    assert abbreviates(("isc", "kea", "dhcp"), ("isc", "kea", "dhcp4")) == "dhcp = dhcp4"  # a number ends it
    assert abbreviates(("who", "anthro"), ("who", "anthroplu")) == ""  # another edition run on (set 228)
    assert abbreviates(("acme", "note"), ("acme", "notepro")) == ""
    anthro = [Item("a", "WHO Anthro", "", "World Health Organization")]
    assert chosen("WHO AnthroPlus", anthro, "1.0.4", versioned=True) == ""
    assert chosen("WHO Anthro", anthro, "3.2.2", versioned=True) == "WHO Anthro"
    found = top("Contoso Adv Threat Protection 3.1", MODELS, versioned=True)
    assert found.name == "Contoso Advanced Threat Protection 3"
    assert found.reasons[0] == "abbreviation: adv = advanced"
    assert preselect([found], PRESELECT_AT) == found
    assert chosen("Digital Signing", [Item("ds", "Digital Signage")]) == ""  # a noun of its own


def test_delivery_words_give_a_weaker_match_on_the_meaning():
    found = top("Grant Services")
    assert (found.name, found.score) == ("Grant Administration", LOOSE)
    assert found.reasons[0] == "same meaning apart from the words service, administration"
    assert chosen("Database Hosting") == "Database Services - Gold"


def test_a_meaning_reaches_an_alias_group_but_not_through_the_delivery_word_itself():
    identity = top("Identity Support")
    assert identity.name == "Identity and Access Management" and identity.score == LOOSE
    assert "alias: Identity Management = Identity and Access Management" in identity.reasons
    assert chosen("Desktop Support") == "End User Computing"
    # "Application Hosting" is an alias of "Cloud Hosting": its meaning is the hosting, so
    # "Application Support" must not be read as hosting
    assert chosen("Application Support") == ""


def test_a_meaning_shared_by_two_alias_groups_gives_neither():
    book = AliasBook(
        "it_service", (("Mobile Support", "Telephony"), ("Mobile Administration", "Print Services"))
    )
    assert "mobile" not in book.meanings


def test_a_namespace_s_aliases_stay_in_its_own_book():
    """The shipped dictionary's part of a book is read once per process and shared: one namespace's aliases
    and meanings must reach neither the next book nor another namespace's."""
    ours = AliasBook("it_service", (("Quokka Line", "Service Desk"), ("Mobile Support", "Telephony")))
    assert ("quokka", "line") in ours.phrases and "mobile" in ours.meanings
    theirs = AliasBook("it_service")
    assert ("quokka", "line") not in theirs.phrases and "mobile" not in theirs.meanings
    assert theirs.read("Quokka Line").canon == "quokka line"
    assert ours.read("Quokka Line").canon == ours.read("Service Desk").canon


def test_aliases_are_read_in_the_fewest_runs_of_words():
    book = AliasBook("software_product", (("Azure", "Microsoft Azure"),))
    inventory = book.read("Microsoft Azure AD Connect", "2.3.6.0", True)
    assert inventory.canon == "microsoft entra connect"  # not "Microsoft Azure" and two words
    assert inventory.fired == ("alias: Azure AD Connect = Microsoft Entra Connect",)
    assert book.read("Microsoft Azure", "", True).canon == "microsoft azure"  # the longest run on a tie
    connect = [
        Item("c", "Microsoft Entra Connect", "", "Microsoft"),
        Item("az", "Microsoft Azure", "", "Microsoft"),
    ]
    assert chosen("Microsoft Azure AD Connect", connect, "2.3.6.0", True) == "Microsoft Entra Connect"


def test_software_delivery_words_need_two_words_left():
    assert chosen("Power BI Desktop", MODELS, versioned=True) == "Microsoft Power BI"
    book = AliasBook("software_product")
    assert book.meaning_of(words_of("Docker Desktop")) == ""


def test_the_one_product_with_all_the_words():
    assert chosen("Payroll") == "Payroll Processing"
    webex = top("Webex", MODELS, versioned=True)
    assert (webex.name, webex.score) == ("Cisco Webex Meetings", ONLY)
    assert chosen("Webex", MODELS, versioned=True) == "Cisco Webex Meetings"
    assert chosen("Event Management") == ""  # three words short of the SIEM's name
    assert chosen("Jira", MODELS, "9.12", versioned=True) == "Atlassian Jira Software 9"  # the maker rule
    two = suggest([Item("l", "Atlassian", "9")], MODELS, versioned=True)["l"]
    assert preselect(two, PRESELECT_AT) is None  # two products have the word


def test_a_different_minor_version_is_noted_and_ranked_after_the_same_one():
    docker = top("Docker", MODELS, "24.0.7", versioned=True)
    assert docker.name == "Docker Engine 24" and docker.score == PRESELECT_AT and docker.preselectable
    assert docker.reasons[-1] == "same product, different minor version"
    exact = MODELS + [Item("d247", "Docker Engine 24.0.7", "24.0.7", "Docker")]
    assert chosen("Docker", exact, "24.0.7", versioned=True) == "Docker Engine 24.0.7"
    pythons = [Item("311", "Python 3.11", "3.11", "Python"), Item("312", "Python 3.12", "3.12", "Python")]
    found = suggest([Item("l", "Python 3.12.2 (64-bit)", "3.12.2150.0")], pythons, versioned=True)["l"]
    assert [c.target_id for c in found] == ["312", "311"]  # another minor release after its own
    assert found[0].preselectable and not found[1].preselectable
    major_only = suggest([Item("l", "python3")], pythons, versioned=True)["l"]  # any 3.x: a person picks
    assert len(major_only) == 2 and not any(c.preselectable for c in major_only)
    assert major_only[0].reasons[-1].startswith("as likely as Python 3.1")


def test_at_one_score_the_name_that_keeps_more_of_the_words_written_ranks_first():
    """ "Server" is a generic word of software names, so "Tomcat Server" reads as Tomcat made by Apache, as
    both records do: the record that also says "Server" comes first, not the alphabet. ("Windows Server" is
    an edition of its own: sync/data/aliases.yaml, separate_editions.)"""
    tomcat = [
        Item("any", "Apache Tomcat", "", "Apache"),
        Item("server", "Apache Tomcat Server 10", "10", "Apache"),
    ]
    found = suggest([Item("l", "Tomcat Server")], tomcat, versioned=True)["l"]
    assert [c.target_id for c in found] == ["server", "any"] and found[0].score == found[1].score
    assert not any(c.preselectable for c in found)
    tiers = [Item("p", "End User Computing - Premium"), Item("s", "End User Computing - Standard")]
    found = suggest([Item("l", "End User Computing Standard")], tiers, versioned=False)["l"]  # its tier
    assert (
        [c.target_id for c in found] == ["s", "p"] and found[0].preselectable and not found[1].preselectable
    )


@pytest.mark.parametrize("kind", ["it_service", "software_product"])
def test_the_shipped_dictionary_gives_each_name_one_meaning(kind):
    seen: dict[tuple[str, ...], str] = {}
    for group in shipped_groups(kind):
        for name in group:
            words = words_of(name)
            assert words, f"{name!r} has no words"
            assert seen.setdefault(words, group[0]) == group[0], f"{name!r} is in two groups"
    assert len(shipped_groups(kind)) >= 60


def test_ambiguous_acronyms_stay_out_of_the_dictionary():
    """An acronym with two common expansions in the catalogue ("MDM") is left to the acronym rule, which
    shows the tie instead of pre-selecting one: "PIM" is Privileged Identity or Product Information
    Management, "CTI" Threat Intelligence or Computer Telephony Integration, "SIS" a Student Information or
    a Safety Instrumented System, "SRM" Site Recovery Manager or Supplier Relationship Management, "APM"
    Application Performance or Asset Performance Management; nor a name another trade uses for its own
    ("Change Control" in a drug maker's quality system, a "Service Portal" for customers)."""
    names = {
        words_of(n) for kind in ("it_service", "software_product") for g in shipped_groups(kind) for n in g
    }
    ambiguous = ["MDM", "PAM", "PIM", "CTI", "SIS", "SRM", "APM", "PPM", "MPS", "ECM", "ADC", "MDR", "EBS"]
    ambiguous += ["RIS", "OHS", "TWS", "ECC", "DaaS", "Change Control", "Service Portal", "Marketing Cloud"]
    assert not {words_of(a) for a in ambiguous} & names
    found = suggest([Item("l", "PIM")], [Item("pam", "Privileged Access Management")], versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None
    srm = [Item("srm", "VMware Site Recovery Manager", "8.6", "VMware")]  # with its maker it is one product
    assert chosen("VMware SRM", srm, "8.6.0", versioned=True) == "VMware Site Recovery Manager"


def test_a_qualifier_alone_is_no_meaning():
    """ "Cloud Platform Services" and "Cloud Hosting" share only "cloud", which says where, not what."""
    assert chosen("Cloud Platform Services") == ""
    assert AliasBook("it_service").meaning_of(words_of("Web Hosting")) == ""


def test_a_leading_hyphenated_number_is_part_of_the_name_not_a_version():
    book = AliasBook("software_product")
    seven = book.read("7-Zip 24.07", "", True)
    assert seven.version == "24.07" and "7zip" in seven.words
    assert book.read("7-Zip", "", True).version == ""
    zips = [Item("7z", "7-Zip 24", "24", "Igor Pavlov"), Item("winzip", "WinZip 24", "24", "Corel")]
    found = suggest([Item("l", "7-Zip 24.07", "24.07")], zips, versioned=True)["l"]
    assert found and found[0].target_id == "7z"
    assert all(c.target_id != "winzip" for c in found if c.score >= PRESELECT_AT)
    # sets 118, 207, 231, 244 and 247: after its maker's name too, one digit joined to a word ("Igor Pavlov
    # 7-Zip"); not an install's "PowerShell 7-x64", a "64-bit", nor Norwegian's "Microsoft 365-apper" (apps)
    assert book.read("Igor Pavlov 7-Zip", "", True).words == ("igor", "pavlov", "7zip")
    pavlov = [Item("7z", "Igor Pavlov 7-Zip", "", "Igor Pavlov")]
    assert chosen("7-Zip 24.08 (x64)", pavlov, "24.08", True) == "Igor Pavlov 7-Zip"
    assert book.read("PowerShell 7-x64", "7.4.6.0", True).version.startswith("7")
    assert "365" in book.read("Microsoft 365-apper for bedrifter", "", True).canon.split()


def test_a_runtime_is_not_its_development_kit():
    """An alias reads JRE and JDK as Java; a runtime's install still never pre-selects the kit's record,
    and the record of its own kind is shown first."""
    assert [runtime_or_kit(n) for n in ("temurin 17 jre", "java se development kit", "net sdk", "java")] == [
        "runtime",
        "kit",
        "kit",
        "",
    ]
    jdk = Item("jdk", "Eclipse Temurin JDK 17", "17", "Eclipse Foundation")
    jre = Item("jre", "Eclipse Temurin JRE 17", "17", "Eclipse Foundation")
    alone = suggest([Item("l", "Temurin 17 JRE", "17.0.9")], [jdk], versioned=True)["l"]
    assert [c.target_id for c in alone] == ["jdk"] and not alone[0].preselectable
    assert "another edition" in alone[0].why
    both = suggest([Item("l", "Temurin 17 JRE", "17.0.9")], [jdk, jre], versioned=True)["l"]
    assert [c.target_id for c in both] == ["jre", "jdk"]
    assert preselect(both, PRESELECT_AT).target_id == "jre"
    assert chosen("Java Runtime Environment 8", [Item("j8", "Java 8", "8", "Oracle")], "8", True) == "Java 8"


def test_an_acronym_written_in_capitals_may_keep_the_of_of_a_three_word_name():
    """ "BOM" may be "Bill of Materials" (or "POC" Proof of Concept, Point of Care): only suggested, and only
    for a name written as an acronym ("Tor" is no "Terms of Reference", "Docs" no "Declaration of Conformity")."""
    till = [
        Item("bom", "Bill of Materials"),
        Item("tor", "Terms of Reference"),
        Item("doc", "Declaration of Conformity"),
    ]
    bom = suggest([Item("l", "BOM")], till, versioned=False)["l"]
    assert bom[0].target_id == "bom" and bom[0].why == "acronym: BOM = Bill of Materials"
    assert preselect(bom, PRESELECT_AT) is None
    for name in ("Tor", "Docs", "Proof of Concept"):
        assert suggest([Item("l", name)], till, versioned=False)["l"] == [], name


def test_inventories_write_the_same_release_and_tier_several_ways():
    sap = first_candidate(
        "SAP GUI for Windows 8.00", [Item("s", "SAP GUI for Windows 8.00", "8.00", "SAP")], "8.0.9", True
    )
    assert preselect([sap], PRESELECT_AT) == sap  # 8.00 and 8.0.9 are one minor release
    assert not first_candidate("SAP GUI", [Item("s", "SAP GUI", "8.5", "SAP")], "8.05", True).preselectable
    hosting = [
        Item("prod", "Hosting - Windows Server - Prod"),
        Item("np", "Hosting - Windows Server - Non-Prod"),
    ]
    found = first_candidate("Hosting: Windows Server (Production)", hosting)
    assert found.target_id == "prod" and found.preselectable
    only = [Item("np", "App Hosting (Non-Production)")]  # "Non-Production" is no "Production"
    assert not first_candidate("App Hosting (Prod)", only).preselectable


def test_a_service_name_written_as_one_word():
    found = suggest([Item("l", "Servicedesk")], [Item("sd", "Service Desk")], versioned=False)["l"]
    assert found[0].target_id == "sd" and found[0].score >= PRESELECT_AT and found[0].preselectable


def test_a_service_whose_words_a_preposition_places_apart_is_another():
    care = [Item("home", "Care at Home"), Item("res", "Residential Care")]
    found = first_candidate("Care Homes", care)  # residential care is no care at home
    assert found is None or found.score < PRESELECT_AT or not found.preselectable


def test_a_reverse_dns_application_id_is_its_makers_name_and_its_own():
    models = [Item("c", "Google Chrome", "", "Google"), Item("k", "KeePassXC", "2.7", "KeePassXC Team")]
    assert chosen("com.google.Chrome", models, "127.0.6533.120", True) == "Google Chrome"
    assert chosen("org.keepassxc.KeePassXC", models, "2.7.9", True) == "KeePassXC"
    docker = [Item("d", "Docker Desktop", "", "Docker")]  # a code host's user is no maker
    assert chosen("io.github.shiftey.Desktop", docker, "3.3.12", True) == ""
    whatsapp = [Item("w", "WhatsApp Desktop", "", "WhatsApp")]  # another's client, as often as not
    assert chosen("io.github.mimbrero.WhatsAppDesktop", whatsapp, "2.1.0", True) == ""
    assert chosen("asp.net.core", [Item("n", "Net Core", "", "")], "", True) == ""  # no such id
    apps = [Item("w", "WhatsApp", "", "Meta"), Item("d", "Discord", "", "Discord")]
    assert chosen("com.whatsapp", apps, "2.24.5.76", True) == "WhatsApp"  # its maker's one app
    assert chosen("com.discord", apps, "254.16", True) == "Discord"
    assert chosen("io.github", [Item("g", "GitHub Desktop", "", "GitHub")], "3.3", True) == ""  # a code host


def test_a_product_for_companies_sold_apart_is_not_the_product():
    business = [Item("b", "WhatsApp Business", "2.24.17", "WhatsApp LLC")]
    assert chosen("WhatsApp", business, "2.24.17.85", True) == ""
    assert chosen("com.whatsapp", business, "2.24.17.85", True) == ""
    assert chosen("com.whatsapp.w4b", [Item("w", "WhatsApp", "", "Meta")], "2.24.4", True) == ""


def test_mgt_is_management():
    assert chosen("Problem Mgt", [Item("p", "Problem Management")]) == "Problem Management"


def test_a_slip_in_a_word_of_a_known_name_is_read_as_that_word():
    practices = [
        Item("inc", "Incident Management"),
        Item("km", "Knowledge Management"),
        Item("sd", "IT Service Desk"),
    ]
    assert chosen("Incedent Management", practices) == "Incident Management"
    assert chosen("Knowlege Base", practices) == "Knowledge Management"  # the dictionary's "Knowledge Base"
    assert chosen("Servce Desk", practices) == "IT Service Desk"
    found = top("Incedent Management", practices)
    assert found.reasons[0] == "misspelt: Incedent = Incident"
    assert chosen("Testing Service", [Item("t", "Texting Service")]) == ""  # nothing else to go by
    assert chosen("Manager Portal", [Item("m", "Managed Portal")]) == ""  # both English words
    assert chosen("Contact Management", [Item("c", "Contract Management")]) == ""
    assert chosen("Incidnet Management", practices) == "Incident Management"  # two letters swapped
    payroll = [Item("p", "Paycor Payroll"), Item("a", "Business Analyst Services")]
    assert chosen("Paycom Payroll", payroll) == ""  # a product the shipped lists know: no slip
    assert chosen("Business Analysis Services", payroll) == ""  # English before its plural's "s" goes


def test_dev_test_is_the_non_prod_tier():
    hosting = [Item("p", "Database Hosting - Prod"), Item("np", "Database Hosting - Non-Prod")]
    assert chosen("Database Hosting (Dev/Test)", hosting) == "Database Hosting - Non-Prod"
    assert chosen("DB Hosting - Test/Dev", hosting) == "Database Hosting - Non-Prod"
    assert chosen("DB Hosting - Dev & Test", hosting) == "Database Hosting - Non-Prod"
    services = [Item("s", "Application Services"), Item("m", "Application Services - Support")]
    assert chosen("Application Services - Development and Test", services) == ""  # a service's words
    both = [*hosting, Item("dt", "Database Hosting - Dev/Test")]  # the name as written first
    assert chosen("Database Hosting - Non-Prod", both) == "Database Hosting - Non-Prod"
