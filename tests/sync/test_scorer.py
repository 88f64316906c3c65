"""The wizard's scorer (issue 19): each kind of evidence with its reason, the version rules, and the guard
that keeps pre-selection at 100 % precision on the labelled set."""

import pytest

from bench import matching_quality
from sync.matching import Item, preselect
from sync.scorer import LEXICAL_CAP, PRESELECT_AT, Scorer, suggest
from tests.sync.scoring import first_candidate

SERVICES = [
    Item(f"s{i}", name, context=context)
    for i, (name, context) in enumerate(
        [
            ("Database Services - Gold", "Technical Service"),
            ("Database Services - Silver", "Technical Service"),
            ("Cloud Hosting - Standard", ""),
            ("Network Services", ""),
            ("Backup & Recovery", ""),
            ("Web Application Firewall", ""),
            ("Mobile Device Management", ""),
            ("Master Data Management", ""),
            ("Wi-Fi Services", ""),
            ("HRIS", ""),
            ("Patch Management", "OS and application patching"),
            ("Fleet Management", ""),
            ("Quality Management System", ""),
            ("GMS", ""),
            ("Parking Services", ""),
        ]
    )
]
MODELS = [
    Item("p16", "PostgreSQL 16", "16", "PostgreSQL Global Development Group"),
    Item("p13", "PostgreSQL 13", "13", "PostgreSQL Global Development Group"),
    Item("rhel8", "Red Hat Enterprise Linux 8", "8", "Red Hat"),
    Item("tomcat", "Apache Tomcat 9.0", "9.0", "Apache Software Foundation"),
    Item("m365", "Microsoft 365 E5", "", "Microsoft"),
    Item("sql", "SQL Server 2019", "2019", "Microsoft"),
    Item("nover", "Oracle Database", "", "Oracle"),
    Item("java", "Java SE 17", "17", "Oracle"),
]


def best(name: str, targets: list[Item] = SERVICES, *args, **kwargs):
    return first_candidate(name, targets, *args, **kwargs)


@pytest.mark.parametrize(
    ("local", "target", "score", "reason"),
    [
        ("Network Services", "Network Services", 100, "same name"),
        (
            "database services",
            "Database Services - Gold",
            96,
            "same name apart from case, punctuation or tier",
        ),
        ("Application Hosting", "Cloud Hosting - Standard", 94, "alias: Application Hosting = Cloud Hosting"),
        ("WAF", "Web Application Firewall", 94, "alias: WAF = Web Application Firewall"),
        ("QMS", "Quality Management System", 92, "acronym: QMS = Quality Management System"),
        ("Grant Management System", "GMS", 92, "acronym: GMS = Grant Management System"),
        (
            "Parking Infrastructure",
            "Parking Services",
            90,
            "same name apart from generic words (infrastructure, service)",
        ),
        (
            "Network Infrastructure",
            "Network Services",
            94,
            "alias: Network Infrastructure = Network Services",
        ),
        ("WiFi", "Wi-Fi Services", 90, "same name apart from generic words (service)"),
        ("Wireless Network", "Wi-Fi Services", 90, "same name apart from generic words (service)"),
        ("Patching", "Patch Management", 94, "alias: Patching = Patch Management"),
    ],
)
def test_each_kind_of_evidence_scores_and_says_why(local, target, score, reason):
    found = best(local)
    assert (found.name, found.score, found.reasons[0]) == (target, score, reason)
    assert preselect([found], PRESELECT_AT) == found


def test_software_aliases_versions_and_the_manufacturer():
    postgres = best("Postgres", MODELS, "16.2", versioned=True)
    assert postgres.name == "PostgreSQL 16" and postgres.score == 92
    assert postgres.reasons == ("alias: Postgres = PostgreSQL", "same product, different minor version")
    assert preselect([postgres], PRESELECT_AT) == postgres
    rhel = best("RHEL 8.6", MODELS, versioned=True)
    assert (
        rhel.name == "Red Hat Enterprise Linux 8" and "alias: RHEL = Red Hat Enterprise Linux" in rhel.reasons
    )
    tomcat = best("Tomcat", MODELS, "9", versioned=True)
    assert tomcat.name == "Apache Tomcat 9.0"
    assert tomcat.reasons[0] == "same name without the manufacturer (Apache Software Foundation)"
    office = best("Office 365 E5", MODELS, versioned=True)
    assert office.name == "Microsoft 365 E5" and office.reasons == ("alias: Office 365 = Microsoft 365",)


def test_different_major_versions_never_match():
    assert [c.name for c in suggest([Item("l", "PostgreSQL", "14")], MODELS, versioned=True)["l"]] == []
    assert [c.name for c in suggest([Item("l", "RHEL 7")], MODELS, versioned=True)["l"]] == []


def test_a_record_without_a_version_is_only_suggested():
    found = suggest([Item("l", "PostgreSQL")], MODELS, versioned=True)["l"]
    assert {c.name for c in found} == {"PostgreSQL 16", "PostgreSQL 13"}
    assert all(not c.preselectable for c in found) and preselect(found, 0) is None
    assert "your record has no version: suggested, never pre-selected" in found[0].reasons


def test_a_target_without_a_version_stands_for_every_version_after_the_same_major():
    versioned_local = best("Oracle Database", MODELS, "19c", versioned=True)
    assert versioned_local.name == "Oracle Database" and versioned_local.preselectable
    assert "the target record has no version: it stands for every version" in versioned_local.reasons
    both = MODELS + [Item("o19", "Oracle Database 19c", "19c", "Oracle")]
    ranked = suggest([Item("l", "Oracle Database", "19.22")], both, versioned=True)["l"]
    assert [c.name for c in ranked[:2]] == ["Oracle Database 19c", "Oracle Database"]
    assert ranked[0].score > ranked[1].score >= PRESELECT_AT
    weak = suggest([Item("l", "NGINX", "1.26")], [Item("plus", "NGINX Plus", "", "F5")], versioned=True)["l"]
    assert weak[0].name == "NGINX Plus" and not weak[0].preselectable  # weak name evidence, no version
    veeam = [Item("va", "Veeam Agent for Microsoft Windows", "", "Veeam")]
    found = best("Veeam Agent for Windows", veeam, "6.1.0.349", versioned=True)
    assert found.score >= PRESELECT_AT and not found.preselectable  # and the reasons say why
    assert found.reasons[-1] == (
        "the target record has no version: it stands for every version, and the names differ too much for "
        "that: suggested, never pre-selected"
    )


def test_a_service_means_what_its_words_say_where_an_alias_reads_them_otherwise():
    hosting = [
        Item("win", "Windows Server Hosting - Standard"),
        Item("linux", "Linux Server Hosting - Standard"),
    ]
    found = best("Windows Server (Standard)", hosting)  # the alias reads "Virtual Server Hosting"
    assert found.target_id == "win" and preselect([found], PRESELECT_AT) == found
    assert found.reasons[0] == "same meaning apart from the words hosting"
    desk = [Item("remote", "Desktop Support - Remote"), Item("onsite", "Desktop Support - Onsite")]
    remote = best("Remote Desktop Support", desk)  # an alias reads it "Remote Support"
    assert remote.target_id == "remote" and preselect([remote], PRESELECT_AT) == remote
    assert remote.reasons[0] == "same meaning as written apart from the words support"
    apps = [Item("app", "Application Hosting"), Item("db", "Database Hosting")]
    for name in ("Corporate Applications", "Application Services", "Platform as a Service"):
        found = best(name, apps)  # one word, or none ("as"), is too little a meaning
        assert found is None or preselect([found], PRESELECT_AT) is None, name


def test_an_alias_is_a_reason_only_where_it_found_the_candidate():
    catalogue = [Item("cloud", "Cloud Hosting - Standard"), Item("waf", "Web Application Firewall")]
    found = {
        c.target_id: c for c in suggest([Item("l", "Application Hosting")], catalogue, versioned=False)["l"]
    }
    assert "alias: Application Hosting = Cloud Hosting" in found["cloud"].reasons
    assert found["waf"].reasons == ("similar name",)


def test_two_short_words_are_too_little_for_the_one_product_that_has_them_all():
    for name, version, other in (
        ("IBM MQ", "9.3.0.5", "IBM MQ Explorer"),
        ("IBM Db2", "11.5.8", "IBM Db2 Connect"),
    ):
        found = best(name, [Item("t", other, version.rsplit(".", 1)[0], "IBM")], version, True)
        assert found is None or not preselect([found], PRESELECT_AT), name  # another product of its own


def test_an_acronym_the_catalogue_spells_out_for_something_else_is_a_persons_choice():
    catalogue = [
        Item("mobile", "Mobile Device Management"),
        Item("meter", "Smart Meter Data Service", context="Meter data management for smart meters"),
        Item("desk", "Service Desk", context="Single point of contact for IT incidents"),
    ]
    mdm = best("MDM", catalogue)
    assert mdm.target_id == "mobile" and not mdm.preselectable
    assert (
        "Smart Meter Data Service's details spell it otherwise: suggested, never pre-selected" in mdm.reasons
    )
    spc = [Item("spc", "Statistical Process Control"), catalogue[2]]  # "point of contact" is no service
    assert best("SPC", spc).preselectable
    master = [
        catalogue[0],
        Item("mdm", "Master Data Management", context="Product master data (Informatica MDM)"),
    ]
    found = best("MDM", master)  # the details name it, but the other expands it as well
    assert found.target_id == "mdm" and not found.preselectable
    assert "Mobile Device Management expands it too: suggested, never pre-selected" in found.reasons
    loans = [Item("learn", "E-Learning"), Item("loan", "Loan Management System")]  # the dictionary's LMS
    found = best("LMS", loans)  # is the bank's own expansion too
    assert found.target_id == "learn" and not found.preselectable
    assert "Loan Management System expands it too: suggested, never pre-selected" in found.reasons
    assert best("LMS", loans[:1]).preselectable
    court = [
        Item("wcm", "Web Content Management", context="Sitecore CMS for the public websites"),
        Item("case", "Case Management", context="Civil and family court cases"),
    ]
    cms = best("CMS", court)  # a description names it, but a court's case management system is one too
    assert cms.target_id == "wcm" and not cms.preselectable
    assert "Case Management may be what CMS stands for: suggested, never pre-selected" in cms.reasons
    assert best("CMS", court[:1]).preselectable
    records = [Item("doc", "Document Management"), Item("rec", "Records Management")]
    edrms = best("EDRMS", records)  # documents and records together: either, a person says
    assert edrms is None or edrms.score < PRESELECT_AT or not edrms.preselectable


def test_a_name_of_two_things_is_not_surely_the_one_an_alias_reads():
    both = [Item("rel", "Release Management"), Item("dep", "Deployment Management")]
    found = best("Release and Deployment Management", both)
    assert found.target_id == "rel" and not found.preselectable
    assert best("Release and Deployment Management", both[:1]).preselectable
    wifi = [Item("hotel", "Guest Wi-Fi - Hotels"), Item("library", "Public Wi-Fi - Libraries")]
    assert preselect(suggest([Item("l", "Guest WiFi")], wifi, versioned=False)["l"], PRESELECT_AT) is None


def test_a_name_without_it_is_not_surely_the_it_one_of_several_services_with_its_words():
    assets = [Item("itam", "IT Asset Management"), Item("rail", "Rail Asset Management")]
    found = best("Asset Management", assets)
    assert found.target_id == "itam" and not found.preselectable
    assert best("Asset Management", assets[:1]).preselectable  # beside no other, it is the IT one
    desks = [Item("emea", "Deskside Support - EMEA"), Item("na", "Deskside Support - North America")]
    found = best("Deskside Support", desks)  # nor the one of a region
    assert found.target_id == "emea" and not found.preselectable
    assert "the EMEA one of several with its words" in found.why
    assert best("Deskside Support", desks[:1]).preselectable
    wifi = [Item("corp", "Corporate Wi-Fi"), Item("guest", "Guest Wi-Fi")]
    assert best("Wi-Fi", wifi).target_id == "corp" and not best("Wi-Fi", wifi).preselectable  # or the guests'
    phones = [Item("corp", "Corporate Telephony"), Item("mobile", "Mobile Telephony")]
    assert best("Telephony", phones).preselectable  # another kind of it: the corporate one is the one


def test_a_different_minor_version_never_drops_a_match_below_pre_selection():
    keepass = best("KeePass", [Item("k", "KeePass Password Safe 2", "2", "Dominik Reichl")], "2.57", True)
    assert keepass.score == PRESELECT_AT and keepass.preselectable
    assert keepass.reasons == (
        "all its words, and no other product has them all",
        "same product, different minor version",
    )
    assert (
        best("KeePass", [Item("k", "KeePass Password Safe", "", "Dominik Reichl")], "2.57", True).score
        < PRESELECT_AT
    )


def test_a_product_the_dictionary_names_is_no_other_product_whose_name_holds_its_words():
    pardot = Item("p", "Salesforce Marketing Cloud Account Engagement", "", "Salesforce")
    found = best("Salesforce Marketing Cloud (ExactTarget)", [pardot], "", True)  # Pardot's name since 2022
    assert found.score < PRESELECT_AT
    webex = best("Webex", [Item("w", "Cisco Webex Meetings", "", "Cisco")], "", True)  # a phrase holding it
    assert webex.score == PRESELECT_AT and webex.preselectable


def test_a_qualifier_makes_another_kind_of_service():
    shares = [Item("c", "Cloud File Sharing"), Item("f", "File Storage")]
    assert preselect(suggest([Item("l", "File Sharing")], shares, versioned=False)["l"], PRESELECT_AT) is None
    assert best("File Sharing", [Item("c", "Departmental File Sharing")]).score == PRESELECT_AT
    for name, target in (
        ("Access Control", "Physical Access Control"),
        ("Security Monitoring", "OT Security Monitoring"),
    ):
        assert (
            best(name, [Item("t", target), Item("iam", "Identity and Access Management")]).score
            < PRESELECT_AT
        )


def test_acronyms_given_in_brackets_and_before_aliases():
    catalogue = [
        Item("siem", "Security Log Monitoring (SIEM)"),
        Item("sso", "Single Sign-On (SAML/OIDC)"),
        Item("qms", "Quality Management System"),
    ]
    for local, target in [("SIEM", "siem"), ("QMS", "qms")]:
        found = best(local, catalogue)
        assert (found.target_id, found.score, found.reasons[0]) == (
            target,
            92,
            f"acronym: {local} = {found.name}",
        )
    sso = best("SSO", catalogue)  # the dictionary knows it; the name in front of the brackets is its own
    assert (sso.target_id, sso.score, sso.reasons[0]) == ("sso", 94, "alias: SSO = Single Sign-On")
    assert best("Quality Management System", [Item("x", "QMS")]).score == 92


def test_a_major_incident_is_a_practice_of_its_own_not_the_one_product_with_the_words():
    catalogue = [Item("mim", "Major Incident Management - 24x7"), Item("chg", "Change Management")]
    found = best("Incident Management", catalogue)
    assert found is None or found.score < PRESELECT_AT
    assert best("Major Incident Mgmt", catalogue).score >= PRESELECT_AT


def test_supporting_evidence_from_the_manufacturer_and_the_details():
    java = best("Oracle Java 17", MODELS, versioned=True)
    assert java.name == "Java SE 17" and java.score == 94
    assert java.reasons == ("same name without the manufacturer (Oracle)", "manufacturer: Oracle")
    os_patching = best("OS Patching")
    assert os_patching.name == "Patch Management" and os_patching.reasons == ("its description names OS",)
    assert os_patching.score == 88 and preselect([os_patching], PRESELECT_AT) == os_patching


def test_lexical_likeness_alone_is_never_pre_selected():
    drone = best("Drone Fleet Management")
    assert drone.name == "Fleet Management" and drone.score <= LEXICAL_CAP < PRESELECT_AT
    assert best("Quantum Computing Lab") is None or best("Quantum Computing Lab").score < PRESELECT_AT


def test_two_expansions_of_one_acronym_are_a_tie_and_not_pre_selected():
    found = suggest([Item("l", "MDM")], SERVICES, versioned=False)["l"]
    assert {c.name for c in found[:2]} == {"Master Data Management", "Mobile Device Management"}
    assert preselect(found, PRESELECT_AT) is None and found[0].reasons[-1].startswith("as likely as ")


def test_a_targets_acronym_read_from_an_alias_is_no_initials_of_another_name():
    hr = [Item("hr", "HR Information System")]  # read as HRIS, which normalising makes "hri"
    found = suggest([Item("l", "Hoist Rope Inspection")], hr, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None
    assert preselect(suggest([Item("l", "HRIS")], hr, versioned=False)["l"], PRESELECT_AT).target_id == "hr"
    spelled = suggest([Item("l", "Human Resources Information System")], hr, versioned=False)["l"]
    assert preselect(spelled, PRESELECT_AT).target_id == "hr"


def test_tiers_of_one_offering_are_not_a_tie():
    found = suggest([Item("l", "Database Services")], SERVICES, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).name == "Database Services - Gold"
    environments = [Item("np", "Server Hosting - Non-Prod"), Item("p", "Server Hosting - Prod")]
    found = suggest([Item("l", "Server Hosting")], environments, versioned=False)["l"]
    assert [c.target_id for c in found] == ["p", "np"]  # production first, however the names sort


def test_two_records_read_alike_are_a_tie_a_person_decides():
    hosting = [Item("c", "Cloud Hosting"), Item("a", "Application Hosting")]  # one alias group
    found = suggest([Item("l", "IaaS")], hosting, versioned=False)["l"]
    assert {c.name for c in found} == {"Cloud Hosting", "Application Hosting"}
    assert preselect(found, PRESELECT_AT) is None and "as likely as" in found[0].why
    windows = [
        Item("d", "Windows Server 2022 Datacenter", "2022", "Microsoft"),
        Item("s", "Windows Server 2022 Standard", "2022", "Microsoft"),
    ]
    unsaid = suggest([Item("l", "Windows Server 2022", "10.0.20348")], windows, versioned=True)["l"]
    assert preselect(unsaid, PRESELECT_AT) is None  # the name does not say which edition
    named = Item("l", "Microsoft Windows Server 2022 Datacenter", "10.0.20348")  # another edition: no tie
    said = suggest([named], windows, versioned=True)["l"]
    assert preselect(said, PRESELECT_AT).name == "Windows Server 2022 Datacenter"


def test_a_namespace_alias_wins_and_says_it_is_yours():
    assert best("Enterprise Backup").name == "Backup & Recovery"
    mine = best("Corporate Backbone", aliases=[("Corporate Backbone", "Network Services")])
    assert mine.name == "Network Services" and mine.reasons == (
        "your alias: Corporate Backbone = Network Services",
    )
    assert best("Corporate Backbone") is None or best("Corporate Backbone").score < PRESELECT_AT


def test_the_labelled_set_keeps_pre_selection_precise():
    """The precision guard: at PRESELECT_AT nothing in the tuning sets is pre-selected wrongly, and the
    calibrated threshold (the lowest with 100 % precision) is not above it."""
    sets = matching_quality.tuning_sets()
    assert (
        len(sets) == len(matching_quality.TUNING)
        and sum(
            len(matching_quality.all_cases(sets[matching_quality.CASES], k)) for k in matching_quality.KINDS
        )
        >= 150
    )
    for path, data in sets.items():
        for kind in matching_quality.KINDS:
            scorer = matching_quality.scorer_for(data, kind)
            scored = matching_quality.evaluate(scorer, matching_quality.all_cases(data, kind))
            assert scored.wrong == [] and scored.cross_major == [], (path.name, kind)
            assert scored.right >= 0.5 * scored.expected_preselected  # a floor against a collapse
    assert matching_quality.calibrate(sets) <= PRESELECT_AT


def test_the_seeds_scenario_a():
    result = matching_quality.scenario_a(matching_quality.load())
    assert all(right for *_, right in result)
    assert [chosen for _, chosen, _ in result] == [
        "Database Services - Gold",
        "Cloud Hosting - Standard",
        "Network Services",
        "",
        "Backup & Recovery",
        "",
    ]


def test_a_new_blind_set_is_measured_alone_with_its_wrong_pre_selections_named(tmp_path, capsys):
    blind = tmp_path / "blind.yaml"
    blind.write_text(
        "targets:\n  it_service: [Service Desk, Network Services]\n  software_product: [PostgreSQL 16 | 16 | PGDG]\n"
        "cases:\n  it_service: ['IT Help Desk | | Service Desk', 'Network Infrastructure | | Service Desk']\n"
        "  software_product: ['postgresql-16 | 16.4 | PostgreSQL 16']\n",
        encoding="utf-8",
    )
    assert matching_quality.main(["--set", str(blind)]) == 0
    shown = capsys.readouterr().out
    assert "wrong pre-selection: Network Infrastructure → Network Services" in shown
    assert "both kinds: top-1 66.7 %" in shown and "held back" not in shown


def test_embeddings_are_off_and_asking_for_them_warns_of_the_fallback(settings):
    from sync.checks import matching_embeddings

    assert settings.MATCHING_EMBEDDINGS is False and matching_embeddings(None) == []
    settings.MATCHING_EMBEDDINGS = True
    assert [w.id for w in matching_embeddings(None)] == ["sync.W001"]


def test_names_without_words_or_with_odd_characters_get_no_false_friends():
    targets = [Item("a", "---"), Item("b", "Réseau & Wi-Fi — Gold"), Item("c", "x" * 300, "1.2")]
    found = suggest(
        [Item("1", "!!!"), Item("2", "reseau and wifi"), Item("3", "x" * 300, "1")], targets, versioned=True
    )
    assert found["1"] == []
    assert found["2"][0].name == "Réseau & Wi-Fi — Gold" and found["2"][0].score == 90
    assert found["3"][0].reasons == ("same name", "same product, different minor version")


def test_the_benchmark_reads_a_release_named_in_a_version_field_as_the_scorer_does():
    scorer = Scorer([Item("m", "MATLAB", "R2024a", "The MathWorks, Inc.")], versioned=True)
    assert "24" in matching_quality.majors(scorer, "MATLAB", "R2024a")
    assert matching_quality.majors(scorer, "Node.js", "20 LTS") == {"20"}  # a track of 20
    # Windows' bare "10.0" is 10's or 11's, an inventory's brackets aside, as the scorer reads it
    assert matching_quality.majors(scorer, "Windows Enterprise (Intune Export)", "10.0") == set()
    assert matching_quality.majors(scorer, "Windows Enterprise", "10.0.19045") == {"10"}
    case = matching_quality.Case("matlab/R2024a", "", ("MATLAB",), False)
    scored = matching_quality.evaluate(scorer, [case])
    assert scored.right == 1 and scored.cross_major == []


def test_an_acronym_after_a_dash_that_only_says_which_one_finds_nothing_by_its_letters():
    catalogue = [
        Item("av", "Endpoint Protection - AV"),
        Item("hr", "Recruitment - HR"),
        Item("m", "Meeting Rooms"),
    ]
    for name in ("Audio Visual", "Human Resources"):
        found = best(name, catalogue)
        assert found is None or not preselect([found], PRESELECT_AT), name
