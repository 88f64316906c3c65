"""The scorer's choices among records as likely (issue 19, sync.scorer_choices and sync.scorer_names): an
acronym's own spelling first, a service named for the portfolio name and a dash, a named cloud's service.
Each test names a rule, not a labelled case."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, Scorer, suggest
from tests.sync.scoring import first_candidate

CONTINUITY = [
    Item("dr", "Disaster Recovery"),
    Item("itscm", "IT Service Continuity Management"),
    Item("mdr", "Managed Detection and Response - 24x7"),
]


def picked(name: str, catalogue: list[Item]) -> str:
    chosen = preselect(suggest([Item("l", name)], catalogue, versioned=False)["l"], PRESELECT_AT)
    return chosen.target_id if chosen else ""


def test_of_an_alias_groups_records_as_likely_the_one_its_acronym_spells_is_pre_selected_first():
    found = suggest([Item("l", "ITSCM")], CONTINUITY, versioned=False)["l"]
    assert [c.target_id for c in found if c.preselectable] == ["itscm"] and found[0].target_id == "itscm"
    assert found[0].reasons[0] == "acronym: ITSCM = IT Service Continuity Management"
    dr = next(c for c in found if c.target_id == "dr")  # the group reads it alike
    assert "ITSCM spells IT Service Continuity Management" in dr.reasons and not dr.preselectable
    # outside the group a spelling proves nothing: "SD" is the dictionary's Service Desk too
    assert picked("SD", [Item("sd", "IT Service Desk"), Item("dist", "Software Distribution")]) == ""
    # no acronym of the dictionary, yet of records the group reads alike the one whose name it spells
    assert picked("DR", CONTINUITY) == "dr"
    assert picked("DR", [*CONTINUITY, Item("dar", "Dailies and Review")]) == ""  # another meaning of it


def test_an_alias_reading_is_only_suggested_beside_records_named_for_the_name_and_a_dash():
    databases = [
        Item("pg", "Database Hosting - PostgreSQL", context="Azure Database for PostgreSQL"),
        Item("sql", "Database Hosting - SQL Server - Prod", context="SQL Server availability groups"),
        Item("dba", "Database Administration", context="Tuning, upgrades and restores"),
    ]
    found = first_candidate("Database Hosting", databases)
    assert found.target_id == "dba" and not found.preselectable
    assert "Database Hosting - PostgreSQL is named for it: suggested, never pre-selected" in found.reasons
    assert picked("Database Hosting", databases[2:]) == "dba"  # alone, the alias reading stands
    tiers = [Item("gold", "Database Hosting - Gold"), databases[2]]  # a tier is no "which one"
    assert picked("Database Hosting", tiers) == "gold"
    for which in ("Database Hosting: {}", "Database Hosting ({})"):  # a colon, brackets
        named = [
            Item("pg", which.format("PostgreSQL")),
            Item("sql", which.format("SQL Server")),
            databases[2],
        ]
        assert picked("Database Hosting", named) == "", which
    # the target's own name holding the portfolio name's words is no alias reading
    assert picked("Email", [Item("mail", "Email Services"), Item("arc", "Email - Archiving")]) == "mail"


def test_a_service_of_a_named_cloud_is_a_cloud_service():
    clouds = [Item("az", "Azure Cloud Hosting"), Item("files", "Cloud File Sharing")]
    assert picked("Azure Hosting", clouds) == "az"
    assert picked("AWS Hosting", [Item("aws", "AWS Cloud Hosting")]) == "aws"
    assert picked("File Sharing", clouds) == ""  # elsewhere "Cloud" still makes another kind


def test_below_records_as_likely_nothing_is_pre_selected():
    support = [
        Item("24", "Application Support - 24x7"),
        Item("bh", "Application Support - Business Hours"),
        Item("am", "Application Management"),  # an alias reads it alike, a little weaker
    ]
    found = suggest([Item("l", "Application Support")], support, versioned=False)["l"]
    assert [c.target_id for c in found[:2]] == ["24", "bh"] and not any(c.preselectable for c in found)
    assert any(r.startswith("below Application Support - 24x7") for r in found[2].reasons)


def test_support_is_no_provisioning_however_an_alias_reads_them():
    euc = [Item("prov", "Laptop and Desktop Provision", context="Autopilot and Jamf enrolment")]
    found = first_candidate("Desktop Support", euc)
    assert found.score >= PRESELECT_AT and not found.preselectable
    assert "support is no provisioning: suggested, never pre-selected" in found.reasons


def test_out_of_hours_is_hours_of_cover():
    desks = [Item("bh", "Service Desk - Business Hours"), Item("ooh", "Service Desk - Out of Hours")]
    assert picked("IT Support Desk", desks) == ""  # which hours, a person decides
    assert picked("Service Desk (Out of Hours)", desks) == "ooh"
    leading = [Item("sd", "Service Desk"), Item("ooh", "Out of Hours Service Desk")]  # hours first
    assert picked("Service Desk - Out-of-Hours", leading) == "ooh"
    assert picked("Service Desk", leading) == "sd"


def test_a_kindred_service_is_the_one_where_the_catalogue_has_none_of_the_names_kind():
    protection, edr = Item("ep", "Endpoint Protection"), Item("edr", "Endpoint Detection and Response")
    assert picked("Antivirus", [edr]) == "edr" and picked("EDR", [protection]) == ""  # one way only
    found = first_candidate("Antivirus", [edr, Item("x", "Email Security")])
    assert (
        found.reasons[0]
        == "kindred: Endpoint Protection ~ Endpoint Detection and Response, and no record of yours"
    )
    assert picked("Antivirus", [protection, edr]) == "ep"  # beside both, each its own
    assert picked("EDR", [protection, edr]) == "edr"


def test_no_kindred_service_where_another_record_has_the_names_kind():
    edr = Item("edr", "Endpoint Detection and Response")
    assert picked("Anti-Virus", [edr, Item("s", "Sophos Endpoint Protection")]) == "s"
    assert picked("Antivirus", [edr, Item("d", "Desktop Antivirus")]) == "d"
    assert (
        picked("API Management", [Item("i", "Integration Services"), Item("a", "Azure API Management")])
        == "a"
    )


def test_a_name_two_records_are_named_for_after_a_dash_is_a_persons_choice():
    assets = [Item("hw", "IT Asset Management - Hardware"), Item("sw", "IT Asset Management - Software")]
    assert picked("IT Asset Management", assets) == ""  # which one is not said
    assert picked("IT Asset Management - Hardware", assets) == "hw"
    assert picked("Hardware Asset Management", assets) == "hw"


def test_of_records_an_alias_group_reads_alike_the_one_that_writes_the_names_words():
    continuity = [Item("dr", "Disaster Recovery - Gold"), Item("scm", "Service Continuity Management")]
    assert picked("IT Service Continuity (ITSCM)", continuity) == "scm"
    found = suggest([Item("l", "IT Service Continuity (ITSCM)")], continuity, versioned=False)["l"]
    dr = next(c for c in found if c.target_id == "dr")
    assert "Service Continuity Management writes its words" in dr.reasons and not dr.preselectable
    both = [*continuity, Item("it", "IT Service Continuity Management")]  # two write them: a person decides
    assert picked("IT Service Continuity (ITSCM)", both) == ""
    hours = [Item("bh", "Service Desk - Business Hours"), Item("ooh", "IT Support - Out of Hours")]
    assert picked("IT Help Desk", hours) == ""  # which hours, a person decides


def test_a_record_of_the_name_itself_ranks_before_one_an_alias_reads_as_it():
    continuity = [Item("scm", "Service Continuity Management"), Item("itdr", "IT Disaster Recovery")]
    for name in ("Disaster Recovery", "Disaster Recovery (DR)"):
        found = suggest([Item("l", name)], continuity, versioned=False)["l"]
        assert [c.target_id for c in found] == ["itdr", "scm"], name
        assert picked(name, continuity) == "itdr"
    assert picked("Disaster Recovery", continuity[:1]) == "scm"  # the group's alone: still the one


def test_the_records_a_name_heads_are_those_named_for_it_and_which_one():
    names = [
        "IT Asset Management - Hardware",
        "IT Asset Management Tools",  # its words and more, no "which one"
        "IT Asset Management: Licences",
        "IT Asset Managementx - Consoles",
        "IT Asset Management - Gold",  # a tier
        "IT Asset",
        "It Asset Management (Cloud)",
        "Asset Management - Fleet",
    ]
    scorer = Scorer([Item(f"t{n}", name) for n, name in enumerate(names)], versioned=False)
    assert scorer._headed_by("it asset management") == [0, 2, 6]
    assert scorer._headed_by("asset management") == [7]
    assert scorer._headed_by("it asset") == []
    # a software name read without its language is its head alone once its tier is read away
    editions = [Item("std", "Foo English (Standard)", "2"), Item("lnx", "Foo English (Linux)", "2")]
    found = suggest([Item("l", "Foo English 2", "2")], editions, versioned=True, kind="software_product")["l"]
    assert {c.target_id for c in found} == {"std", "lnx"} and not any(c.preselectable for c in found)


def test_a_broad_name_of_one_word_is_a_persons_choice_where_several_services_are_of_it_and_none_alone():
    monitoring = [
        Item("infra", "Infrastructure Monitoring"),
        Item("apm", "Application Performance Monitoring (Dynatrace)"),
        Item("desk", "Service Desk"),
    ]
    found = suggest([Item("l", "Monitoring")], monitoring, versioned=False)["l"]
    assert {c.target_id for c in found} >= {"infra", "apm"} and not any(c.preselectable for c in found)
    assert any("a broad name: " in reason for reason in found[0].reasons)
    assert picked("Infrastructure Monitoring", monitoring) == "infra"  # says which one
    # as written too, where an alias reads one of them as any VPN; and not where the name gives a tier
    assert picked("VPN", [Item("ra", "Remote Access VPN"), Item("s2s", "Site-to-Site VPN")]) == ""
    backups = [Item("gold", "Backup and Recovery - Gold"), Item("m365", "Microsoft 365 Backup")]
    assert picked("Backups", backups) == "" and picked("Backup - Gold", backups) == "gold"
    # a tier tells the services with the word as written apart, not those an alias reads alike
    vpns = [Item("ra", "Remote Access VPN - Gold"), Item("s2s", "Site-to-Site VPN")]
    assert picked("VPN - Gold", vpns) == "ra" and picked("VPN", vpns) == ""
    hosting = [Item("vm", "Virtual Server Hosting"), Item("phys", "Physical Server Hosting")]
    assert picked("Server Hosting", hosting) == "" and picked("Virtual Server Hosting", hosting) == "vm"
    monitoring_24x7 = [Item("infra", "Infrastructure Monitoring - 24x7"), monitoring[1]]
    assert picked("24x7 Monitoring", monitoring_24x7) == ""
    assert picked("VPN", [Item("ra", "Remote Access VPN"), Item("fw", "Firewall Management")]) == "ra"
    # one service named for it alone is it; kinds of one service after a dash are one service
    assert picked("Email", [Item("mail", "Email"), Item("sec", "Email Security")]) == "mail"
    # a service the word says which one of is no kind of it
    assert picked("Email", [Item("cal", "Email and Calendar"), Item("sec", "Email Security")]) == "cal"
    gis = [Item("prod", "Enterprise GIS - Prod"), Item("field", "Enterprise GIS - Field Apps")]
    assert picked("GIS", gis) == "prod"


def test_a_broad_name_an_alias_reads_as_one_service_is_a_choice_beside_a_kind_of_it_as_written():
    remote = [Item("vpn", "Remote Access VPN"), Item("ot", "OT Remote Access"), Item("desk", "Service Desk")]
    found = suggest([Item("l", "Remote Access")], remote, versioned=False)["l"]
    assert found[0].target_id == "vpn" and not found[0].preselectable
    assert "a broad name: OT Remote Access is one too: suggested, never pre-selected" in found[0].reasons
    assert picked("Remote Access", remote[::2]) == "vpn"  # the VPN alone: what the alias reads it as
    assert picked("OT Remote Access", remote) == "ot"
    assert picked("Remote Access", [*remote, Item("ras", "Remote Access Service")]) == "ras"  # named for it


def test_a_name_without_a_tier_is_the_live_record_beside_another_environments_whatever_its_hours():
    cad = [
        Item("live", "Police Command and Control (CAD) - 24x7"),
        Item("np", "Police Command and Control (CAD) (Non-Prod)"),
    ]
    assert picked("Police CAD", cad) == "live"
    assert picked("Police CAD (Non-Prod)", cad) == "np"
    # other hours of the live service are still a person's choice
    assert picked("Police CAD", [*cad, Item("bh", "Police Command and Control (CAD) - Business Hours")]) == ""


def test_a_name_without_a_tier_is_no_other_environment_beside_live_records_of_its_words():
    maximo = [
        Item("a", "Work Management (Maximo) - Ashgrove"),
        Item("k", "Work Management (Maximo) - Keel Point"),
        Item("np", "Work Management (Maximo) - Non-Prod"),
    ]
    assert picked("Work Management", maximo) == ""  # which site: a person's choice, never the test system
    found = suggest([Item("l", "Work Management")], maximo, versioned=False)["l"]
    non_prod = next(c for c in found if c.target_id == "np")
    assert "another environment, beside live records: suggested, never pre-selected" in non_prod.reasons
    assert picked("Work Management - Non-Prod", maximo) == "np"
    assert picked("Work Management", maximo[2:]) == "np"  # no live record beside it


def test_a_name_that_spells_its_own_acronym_is_that_acronym_whoever_else_mentions_it():
    catalogue = [
        Item("pnc", "Police National Computer (PNC) - 24x7", context="PNC enquiry and update access"),
        Item("leds", "Law Enforcement Data Service (LEDS)", context="LEDS access (replacing PNC/PND)"),
    ]
    assert picked("PNC", catalogue) == "pnc"
    spelled_apart = [Item("pnc", "PNC Access - 24x7"), catalogue[1]]  # the name does not spell it
    assert picked("PNC", spelled_apart) == ""


def test_an_acronym_another_service_has_in_its_name_is_a_persons_choice():
    catalogue = [
        Item("consent", "Consent Management (Sourcepoint) - Gold"),
        Item("cms", "Editorial CMS (Methode) - Gold"),
        Item("cms-t", "Editorial CMS (Methode) - Non-Prod"),
    ]
    found = suggest([Item("l", "CMS")], catalogue, versioned=False)["l"]
    consent = next(c for c in found if c.target_id == "consent")
    assert not consent.preselectable and "Editorial CMS (Methode) - Gold has it in its name" in consent.why
    # the service's own other environments are no other service
    dams = [
        Item("p", "Digital Asset Management (DAMS) - Prod"),
        Item("t", "Digital Asset Management (DAMS) - Non-Prod"),
    ]
    chosen = preselect(suggest([Item("l", "DAMS")], dams, versioned=False)["l"], PRESELECT_AT)
    assert chosen is not None and chosen.target_id == "p"


def test_a_product_read_so_beside_another_that_writes_its_words_is_a_persons_choice():
    """Sets 94 and 107: "JDK 17" reads as Oracle's Java SE 17, and the "Eclipse Temurin JDK 17" writes
    it: either may be meant. Not beside another major's record ("jdk-21" beside a Temurin 17)."""
    java = [
        Item("oracle", "Oracle Java SE 17", "17", "Oracle"),
        Item("temurin", "Eclipse Temurin JDK 17", "17", "Eclipse Adoptium"),
    ]
    found = suggest([Item("l", "JDK 17 (x64)", "17.0.9")], java, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT) is None
    assert "Eclipse Temurin JDK 17 has its words as written" in found[0].why
    older = [Item("oracle", "Oracle Java SE Development Kit 21", "21", "Oracle"), java[1]]
    found = suggest([Item("l", "jdk-21", "21.0.2-ga")], older, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "oracle"


def test_an_add_on_or_another_makers_record_that_writes_the_name_leaves_the_product_pre_selected():
    """A reviewer's: an add-in for a product ends in its name, "Google Chrome Remote Desktop Host" goes on
    after it, and Temurin is no JDK of Oracle's where the installer says Oracle made it."""
    cases = [
        ("Adobe Acrobat Reader DC", "23", "", [("a", "Acrobat Reader DC", "", "Adobe")], "a"),
        ("Google Chrome", "120.0.6099.130", "Google LLC", [("c", "Chrome", "120", "Google")], "c"),
        ("JDK 17 (x64)", "17.0.9", "Oracle Corporation", [("o", "Oracle Java SE 17", "17", "Oracle")], "o"),
    ]
    others = [
        Item("font", "Extended Asian Language font pack for Adobe Acrobat Reader DC", "", "Adobe"),
        Item("crd", "Google Chrome Remote Desktop Host", "", "Google"),
        Item("temurin", "Eclipse Temurin JDK 17", "17", "Eclipse Adoptium"),
    ]
    for name, version, maker, records, expected in cases:
        catalogue = [*(Item(*record) for record in records), *others]
        found = suggest([Item("l", name, version, maker)], catalogue, versioned=True)["l"]
        assert preselect(found, PRESELECT_AT).target_id == expected, name


def test_a_record_of_a_generic_scope_is_a_persons_choice_beside_one_of_a_named_scope():
    """ "VPN": the "Remote Access VPN - Corporate" or the "- Trackside"? A generic scope says no more than
    the name does; the scope the name gives still chooses, and so does a record alone."""
    vpn = [
        Item("corp", "Remote Access VPN - Corporate"),
        Item("track", "Remote Access VPN - Trackside"),
        Item("wifi", "Wi-Fi - Corporate"),
    ]
    found = suggest([Item("l", "VPN")], vpn, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None
    corp = next(c for c in found if c.target_id == "corp")
    assert corp.why.endswith(
        "Remote Access VPN - Trackside is named for it too: suggested, never pre-selected"
    )
    backup = [
        Item("corp", "Backup and Recovery - Corporate"),
        Item("eng", "Backup and Recovery - Engineering"),
    ]
    assert preselect(suggest([Item("l", "Backups")], backup, versioned=False)["l"], PRESELECT_AT) is None
    alone = suggest([Item("l", "VPN")], [vpn[0], vpn[2]], versioned=False)["l"]
    assert preselect(alone, PRESELECT_AT).target_id == "corp"
    wifi = suggest([Item("l", "Corporate WiFi")], [*vpn, Item("guest", "Wi-Fi - Guest")], versioned=False)[
        "l"
    ]
    assert preselect(wifi, PRESELECT_AT).target_id == "wifi"  # the name gives the scope
    own_test = [
        vpn[0],
        Item("test", "Remote Access VPN - Test"),
        Item("ct", "Remote Access VPN - Corporate - Test"),
    ]
    assert (
        preselect(suggest([Item("l", "VPN")], own_test, versioned=False)["l"], PRESELECT_AT).target_id
        == "corp"
    )


def test_a_word_another_record_writes_is_no_dictionary_reading_to_pre_select():
    """Blind set 287: a port's "ISPS" (its ship and port security code) reads as ISPs, internet access;
    beside records that write "ISPS" as a word of their names, that reading is only a suggestion."""
    port = [
        Item("net", "Internet Access"),
        Item("vila", "ISPS Access Control - Port Vila"),
        Item("pass", "ISPS Visitor and Driver Pass Management"),
    ]
    found = first_candidate("ISPS", port)
    assert not (found.preselectable and found.score >= PRESELECT_AT)
    assert first_candidate("ISPs", [Item("net", "Internet Access")]).preselectable  # no other writes it
