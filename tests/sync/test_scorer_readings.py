"""The scorer's other readings of a portfolio name (issue 19, sync.scorer_readings): hours of cover written
without a dash, and a name with a slip in one of its words. Each test names a rule, not a labelled case."""

import pytest

from sync.match_tiers import tiers_of
from sync.matching import Item, normalise, preselect
from sync.scorer import PRESELECT_AT, suggest
from sync.scorer_readings import renamed_maker
from tests.sync.scoring import first_candidate

DESKS = [Item("bh", "Service Desk - Business Hours"), Item("ooh", "Service Desk - Out of Hours")]


def picked(name: str, catalogue: list[Item]) -> str:
    chosen = preselect(suggest([Item("l", name)], catalogue, versioned=False)["l"], PRESELECT_AT)
    return chosen.target_id if chosen else ""


def test_evenings_and_weekends_are_hours_of_cover_that_no_24x7_record_surely_covers():
    av = [
        Item("bh", "Audio Visual Support - Business Hours"),
        Item("ew", "Audio Visual Support - Evenings and Weekends"),
    ]
    assert tiers_of("AV Support (Evenings & Weekends)") == {"evenings and weekends"}
    assert picked("Audio Visual Support", av) == ""  # which hours: a person's choice
    assert picked("Audio Visual Support (Evenings & Weekends)", av) == "ew"
    desks = [Item("24", "Service Desk - 24x7"), Item("bh", "Service Desk - Business Hours")]
    assert picked("Service Desk - Evenings and Weekends", desks) == ""
    assert picked("Service Desk - Out of Hours", desks) == "24"  # which 24x7 covers
    classes = [Item("c", "Classes"), Item("p", "Parking Permits")]
    assert picked("Evening and Weekend Classes", classes) == ""  # what they are, not hours of cover


def test_hours_of_cover_may_end_a_name_without_a_dash():
    assert picked("Service Desk Business Hours", DESKS) == "bh"
    assert picked("Service Desk Out-of-Hours", DESKS) == "ooh"
    assert picked("Service Desk After Hours", DESKS) == "ooh"  # after hours are out of hours
    # read so only where a record of those hours has the rest of the name
    assert picked("Service Desk Out of Hours", DESKS[:1]) == ""


def test_hours_of_cover_written_short_are_those_hours():
    assert tiers_of("Service Desk (Business Hrs)") == {"business hours"}
    assert tiers_of("IT Support - Out of Hrs") == tiers_of("Helpdesk - After Hrs") == {"out of hours"}
    desks = [Item("24", "Service Desk - 24x7"), Item("bh", "Service Desk - Business Hours")]
    assert picked("Service Desk (Business Hrs)", desks) == "bh"
    assert picked("Service Desk Business Hrs", desks) == "bh"
    assert picked("Business Hrs Service Desk", desks) == "bh"
    assert picked("Service Desk (Office Hrs)", desks) == "bh"


def test_a_slip_beside_an_ordinary_english_word_is_read_as_the_targets_word():
    scanning = [Item("v", "Vulnerability Management"), Item("a", "Availability Management")]
    assert picked("Vulnerabilty Scanning", scanning) == "v"  # "Scanning": no target's word, but English
    assert (
        picked("Accomodation Service", [Item("h", "Accommodation Services")]) == ""
    )  # beside "Service" only


def test_a_slip_in_a_products_name_is_read_as_the_targets_word():
    models = [Item("ff", "Mozilla Firefox", "", "Mozilla"), Item("np", "Notepad++", "", "Notepad++ Team")]
    for name, version, key in (("Mozila Firefox (x64 en-GB)", "125.0.3", "ff"), ("Notpad++", "8.6.5", "np")):
        chosen = preselect(suggest([Item("l", name, version)], models, versioned=True)["l"], PRESELECT_AT)
        assert chosen is not None and chosen.target_id == key, name
    found = suggest([Item("l", "Mozila Firefox", "125.0")], models, versioned=True)["l"][0]
    assert found.reasons[0] == "misspelt: Mozila = Mozilla"


def test_a_name_with_a_slip_keeps_what_its_corrected_reading_finds_below_pre_selection():
    found = first_candidate("Servcie Desk Out of Hours", DESKS)  # the name as written finds nothing
    assert found is not None and found.reasons[0] == "misspelt: Servcie = Service"


def test_the_corrected_reading_keeps_the_names_own_writing():
    crew = [Item("c", "Accreditation and Credentials", context="Crew accreditation, passes and wristbands")]
    found = first_candidate("Accredidation & Passes", crew)
    assert found.reasons[:2] == (
        "misspelt: Accredidation = Accreditation",
        "its description gives the words its name lacks: Passes",
    )


def test_a_non_prod_record_covers_a_uat_or_staging_one_where_none_of_its_own_exists():
    reservations = [Item("p", "Reservations - Prod"), Item("np", "Reservations - Non-Prod")]
    assert picked("Reservations - UAT", reservations) == "np"
    assert picked("Reservations - UAT", [*reservations, Item("uat", "Reservations - UAT")]) == "uat"
    portal = [Item("s", "HR Portal - Staging"), Item("p", "HR Portal - Production")]
    assert picked("HR Portal - UAT", portal) == ""  # two environments, not one
    hosting = [Item("np", "Database Hosting - Non-Prod"), Item("pr", "Database Hosting - Premium")]
    assert picked("Database Hosting - Premium", hosting) == "pr"  # Premium is no pre-production


def test_live_is_the_production_tier_where_a_production_record_has_the_rest_of_the_name():
    hosting = [Item("np", "Server Hosting - Non-Prod"), Item("p", "Server Hosting - Prod")]
    assert picked("Server Hosting - Live", hosting) == "p"
    assert picked("Server Hosting (Live)", hosting) == "p"
    assert picked("ERP Go-Live", [Item("p", "ERP Go - Prod")]) == ""  # going live is no environment
    found = first_candidate("Video Streaming - Live", [Item("v", "Video Streaming")])  # the content
    assert found.target_id == "v" and found.score < PRESELECT_AT


def test_a_target_named_live_is_the_production_record_beside_another_environments():
    hosting = [Item("np", "Server Hosting - Non-Prod"), Item("live", "Server Hosting - Live")]
    assert picked("Server Hosting", hosting) == "live"  # as a "- Prod" record would be, not Non-Prod
    assert picked("Server Hosting (Production)", hosting) == "live"
    assert picked("Server Hosting - Live", hosting) == "live"
    streaming = [Item("l", "Video Streaming - Live"), Item("r", "Video Streaming - Recorded")]
    assert picked("Video Streaming", streaming) == ""  # the content: neither is production
    assert picked("Video Streaming (Production)", streaming) == ""
    for written in ("Server Hosting (Live)", "Server Hosting Live", "Server Hosting Prod"):
        assert picked(written, hosting) == "live", written  # as written, or a Prod tier, still the Live one
    both = [*hosting, Item("prod", "Server Hosting - Prod")]  # production already: "- Live" is its own
    assert picked("Server Hosting", both) == "prod"
    assert picked("Server Hosting - Live", both) == "live"  # a target's very name is no tier of another's


@pytest.mark.parametrize("other", ["Email - Training", "Email (Test)", "Email - UAT"])
def test_a_target_named_live_is_the_production_record_however_the_other_environment_is_named(other):
    assert picked("Email", [Item("t", other), Item("live", "Email - Live")]) == "live"


def test_a_name_of_the_production_tier_is_the_one_live_record_beside_a_test_one():
    membership = [
        Item("bh", "Membership Management - Business Hours"),
        Item("np", "Membership Management - Non-Prod"),
    ]
    assert picked("Membership Management (PROD)", membership) == "bh"
    found = first_candidate("Membership Management - Production", membership)
    assert "the live record (business hours), beside a test one" in found.reasons
    assert picked("Membership Management - Non-Prod", membership) == "np"
    tiers = [Item("g", "Server Hosting - Gold"), Item("s", "Server Hosting - Silver")]
    assert picked("Server Hosting (Prod)", tiers) == ""  # two live records: which one is a person's choice
    hosting = [
        Item("sql", "Database Hosting (SQL Server) - 24x7"),
        Item("sqlnp", "Database Hosting (SQL Server) - Non-Prod"),
        Item("pg", "Database Hosting (PostgreSQL) - 24x7"),
    ]
    assert picked("Database Hosting - Prod", hosting) == ""  # another live record of the name


def test_office_hours_in_brackets_are_business_hours():
    desks = [Item("bh", "Service Desk - Business Hours"), Item("24", "Service Desk - 24x7")]
    assert picked("IT Help Desk (Office Hours)", desks) == "bh"
    assert picked("IT Help Desk (Mon-Fri 8-6)", desks) == "bh"


def test_a_practice_is_read_without_the_word_process():
    incidents = [Item("m", "Major Incident Management"), Item("p", "Problem Management")]
    assert picked("MIM Process", incidents) == "m"
    found = first_candidate("Problem Management Process", incidents)
    assert found.score == 90 and found.reasons[-1] == "read without Process"  # no more than a core's
    # only by the very name, an acronym or an alias: no more words found for a shorter name
    assert picked("Incident Management Process", incidents) == ""
    assert picked("Legal Practice", [Item("l", "Legal Services")]) == ""  # a business, not a practice


def test_a_name_a_letter_longer_is_no_abbreviation_of_it():
    assert picked("Civica Payments", [Item("c", "Civic Payments")]) == ""  # a product, not an abbreviation
    assert picked("Win Server", [Item("w", "Windows Server")]) == "w"


def test_hours_of_cover_before_the_name_and_dev_test_without_a_dash():
    desks = [Item("24", "Service Desk - 24x7"), Item("bh", "Service Desk - Business Hours")]
    found = first_candidate("24/7 Service Desk", desks)
    assert found.target_id == "24" and found.preselectable and found.score >= PRESELECT_AT
    support = [Item("bh", "Support - Business Hours"), Item("24", "24x7 Support")]
    found = first_candidate("Business Hours Support", support)
    assert found.target_id == "bh" and found.preselectable and found.score >= PRESELECT_AT
    kubernetes = [Item("np", "Container Platform - Non-Prod"), Item("p", "Container Platform - Prod")]
    found = first_candidate("Kubernetes Dev/Test", kubernetes)
    assert found.target_id == "np" and found.preselectable and found.score >= PRESELECT_AT
    azure = [Item("g", "Cloud Hosting - Azure - Gold"), Item("np", "Cloud Hosting - Azure - Non-Prod")]
    assert picked("Azure dev/test", azure) == "np"  # a record of that tier with more words
    quality = [Item("dq", "Data Quality Tools - Standard"), Item("np", "Data Quality Tools - Non-Prod")]
    assert picked("Data Quality Standard", quality) == ""  # a standard of its own, maybe


def test_an_environment_in_brackets_whose_words_another_target_has_is_the_records_tier():
    catalogue = [
        Item("np", "Hosting - AWS Sydney - Non-Prod"),
        Item("p", "Hosting - AWS Sydney - Prod"),
        Item("qa", "Test Automation"),  # "Test" in another target's name
    ]
    found = first_candidate("AWS Sydney (Dev/Test)", catalogue)
    assert found.target_id == "np" and found.preselectable and found.score >= PRESELECT_AT


def test_brackets_that_say_which_one_keep_the_record_of_that_one():
    catalogue = [
        Item("net", "Network"),
        Item("sg", "Network - Singapore"),
        Item("pay", "Payroll"),
        Item("au", "Payroll - Australia", context="Sydney and Melbourne staff pay"),
        Item("tix", "Ticketing", context="HaloPSA service desk"),
        Item("box", "Box Office Ticketing", context="Spektrix"),
        Item("vd", "Virtual Desktop", context="Azure Virtual Desktop pooled host pools"),
    ]
    assert picked("Network (Singapore)", catalogue) == "sg"  # a place no list knows: never read away
    assert picked("Payroll (Sydney)", catalogue) == "au"
    assert picked("Ticketing (Spektrix)", catalogue) == "box"  # the product another record's details name
    assert picked("VDI (Citrix)", catalogue) == ""  # a maker the lists know: maybe another product
    assert picked("Server Hosting (Linux)", [Item("sh", "Server Hosting")]) == ""  # a platform


def test_two_names_of_one_service_between_slashes_are_that_service():
    catalogue = [
        Item("ep", "Endpoint Protection", context="Next-generation antivirus and EDR on servers and laptops"),
        Item("br", "Backup and Recovery", context="Daily backups, 30-day retention"),
        Item("dr", "Disaster Recovery", context="Secondary-site replication and failover tests"),
        Item("em", "Email and Calendar", context="Exchange Online mailboxes"),
    ]
    assert picked("Anti-Virus / EDR", catalogue) == "ep"
    assert picked("Backup / DR", catalogue) == ""  # each name finds another record first
    assert picked("Email / Teams", catalogue) == ""  # "Teams" finds nothing like it


def test_an_acronym_and_its_words_either_side_of_a_dash_are_one_service():
    catalogue = [
        Item("psr", "Priority Services Register - Gold", context="Customers who need extra help"),
        Item("pam", "Privileged Access Management", context="Admin accounts in a vault"),
        Item("dbpg", "Database Hosting - PostgreSQL"),
        Item("dbms", "Database Hosting - SQL Server"),
        Item("dba", "Database Administration"),
    ]
    assert picked("PSR - Priority Services", catalogue) == "psr"
    assert picked("PAM - Admin Account Vault", catalogue) == "pam"
    # a dash that says which one, as the targets named for its first part have
    assert picked("Database Hosting - MySQL", catalogue) == ""


def test_a_name_that_finds_nothing_alike_is_read_without_its_brackets():
    catalogue = [
        Item("cctv", "CCTV and Video Surveillance", context="Cameras and recording at all sites"),
        Item("prod", "Hosting - Virtual Servers (Prod)", context="Production cluster"),
        Item("np", "Hosting - Virtual Servers - Non-Prod", context="Development and test machines"),
        Item("sfm", "Service Financial Management", context="IT cost allocation"),
    ]
    found = first_candidate("CCTV (Site Security)", catalogue)
    assert found is not None and found.target_id == "cctv" and "read without its brackets" in found.reasons
    assert picked("CCTV (Site Security)", catalogue) == "cctv"
    # environments say which one it is: never the live record, read without them (sync.scorer_environments)
    assert picked("Virtual Servers (Dev/Test/UAT)", catalogue) == "np"
    assert picked("Finance System (D365)", catalogue) == ""  # a product the lists know: what it is built with
    cdp = [Item("cdp", "Customer Data Platform - Silver"), Item("cc", "Customer Contact Centre - Gold")]
    assert (
        picked("CDP (single customer view)", cdp) == "cdp"
    )  # "view", a word of a product's name, is English


def test_a_name_its_brackets_keep_to_a_likeness_is_read_without_them():
    """A likeness the words outside the brackets find (84: "all words of the shorter name") is no reason
    to keep the brackets' words; hours of cover in them still say which one it is."""
    catalogue = [
        Item("web", "Public Website", context="The organisation's public site"),
        Item("intra", "Intranet", context="Staff news and pages"),
    ]
    found = first_candidate("Corporate website (www)", catalogue)
    assert found.target_id == "web" and found.score >= PRESELECT_AT and found.preselectable
    assert "read without its brackets" in found.reasons
    desk = [
        Item("24", "Service Desk - 24x7"),
        Item("bh", "Service Desk - Business Hours"),
        Item("zz", "zz_Service Desk (duplicate - DO NOT USE)"),
    ]
    found = first_candidate("Service Desk - Extended Hours (07:00-22:00)", desk)
    assert found.target_id in ("24", "bh") and not found.preselectable  # no duplicate before them
    portal = [
        Item("i", "Intranet"),
        Item("h", "HR System"),
        Item("p", "Printing"),
        Item("s", "Pupil Printing"),
    ]
    for name in ("Intranet (Retired)", "Intranet (Planned)", "Printing (Students)"):  # its state, its users
        assert picked(name, portal) == ""
    records = [
        Item("d", "Document Management"),
        Item("r", "Records Management", context="Held in Frobnix ECM"),
    ]
    assert picked("Document Management (Frobnix)", records) == ""  # another target's product
    guards = [
        Item("cctv", "CCTV and Video Surveillance"),
        Item("g", "Guarding", context="Site Security patrols"),
    ]
    assert picked("CCTV (Site Security)", guards) == "cctv"  # nothing alike as written: read without them
    backup = [Item("b", "Backup"), Item("o", "Off-site Backup")]
    assert picked("Backup (Offsite)", backup) == "o"  # read as written first: its words run together


def test_a_namespace_alias_found_once_brackets_are_read_away_is_name_evidence_as_a_shipped_alias_is():
    catalogue = [Item("uc", "Unified Communications"), Item("mail", "Email Security")]
    shipped = first_candidate("Telephony (Old Building)", catalogue)  # the dictionary's alias
    own = first_candidate(
        "Comms Platform (Old Building)", catalogue, aliases=[("Comms Platform", "Unified Communications")]
    )
    assert "read without its brackets" in own.reasons and own.reasons[0].startswith("your alias:")
    assert own.target_id == shipped.target_id == "uc" and own.score == shipped.score >= PRESELECT_AT


def test_brackets_read_away_never_pre_select_another_one_or_what_another_record_is_named_for():
    catalogue = [
        Item("sg", "Network - Singapore", context="Singapore office network"),
        Item("mf", "Managed Firewall - Contoso", context="FortiGate for Contoso Ltd"),
        Item("web", "Website", context="Corporate site, Sitecore"),
        Item("rec", "Recruitment Portal", context="Careers site, Eploy"),
    ]
    found = first_candidate("Network (Manila)", catalogue)  # all its words: another site's, maybe
    assert found.target_id == "sg" and "read without its brackets" in found.reasons
    assert picked("Network (Manila)", catalogue) == ""
    assert picked("Managed Firewall (Fabrikam)", catalogue) == ""  # another customer's
    assert picked("Website (Recruitment)", catalogue) == ""  # the name of another record


def test_one_service_in_two_environments_is_no_two_services_named_for_the_name():
    hosting = [
        Item("prod", "Server Hosting - VMware (Prod)"),
        Item("non", "Server Hosting - VMware (Non-Prod)"),
        Item("db", "Database Hosting"),
    ]
    assert picked("Server Hosting", hosting) == "prod"  # production first, as for any tier
    hosting.append(Item("aws", "Server Hosting - AWS"))
    assert picked("Server Hosting", hosting) == ""  # two services named for it: which one?


def test_the_name_itself_in_another_tier_keeps_what_an_alias_reads_alike_from_pre_selection():
    dba = [
        Item("24", "Database Administration - 24x7"),
        Item("bh", "Database Administration - Business Hours"),
        Item("pg", "Database Hosting (PostgreSQL)"),
    ]
    assert picked("Database Administration - 12x5", dba) == ""  # which hours: a person's choice
    assert picked("Database Hosting", dba) == "pg"
    identity = [Item("bh", "Identity Management - Business Hours"), Item("24", "Identity Services - 24x7")]
    assert picked("Identity Management - 24x7", identity) == "24"  # an alias's record of the name's own tier


def test_a_tier_before_a_remark_in_brackets_is_the_names_tier():
    backup = [Item("g", "Backup and Restore - Gold"), Item("s", "Backup and Restore - Silver")]
    assert picked("Backup - Platinum (hourly snapshots)", backup) == ""  # a tier the target lacks
    found = first_candidate("Backup - Platinum (hourly snapshots)", backup)
    assert found is not None and "another tier (gold): suggested, never pre-selected" in found.reasons
    assert picked("Backup - Gold (hourly snapshots)", backup) == "g"
    assert picked("Backup (hourly snapshots)", backup) != ""  # no tier given: any of them
    cover = [Item("24", "Backup and Restore - 24x7"), Item("bh", "Backup and Restore - Business Hours")]
    found = suggest([Item("l", "Backup - Out of Hours (hourly snapshots)")], cover, versioned=False)["l"]
    covering = next(c for c in found if c.target_id == "24")  # the tier that covers it is no other tier
    assert not any(reason.startswith("another tier") for reason in covering.reasons)
    assert picked("Backup - Out of Hours (hourly snapshots)", cover) == "24"  # as without the remark


def test_extended_hours_are_a_tier_of_their_own():
    centre = [Item("x", "Player Contact Centre - Extended Hours"), Item("w", "Player Website")]
    assert picked("Player Contact Centre", centre) == "x"  # its one record, whatever its hours
    desk = [Item("24", "Service Desk - 24x7"), Item("bh", "Service Desk - Business Hours")]
    assert picked("Service Desk - Extended Hours (07:00-22:00)", desk) == ""  # neither is its hours


def test_an_acronym_in_capitals_with_a_small_s_is_its_plural():
    pcs = [Item("pc", "Instrument PC Support"), Item("net", "Lab Instrument Network")]
    assert picked("Instrument PCs", pcs) == "pc"
    assert normalise("Instrument PCs") == normalise("Instrument PC")
    assert normalise("SAS") == "sas" and normalise("DNS") == "dns"  # no plural: the S is the acronym's
    for name in ("iOS", "macOS", "SaaS", "DevOps"):  # written with a small s, but no capitals' plural
        assert normalise(name) == normalise(name.lower()), name


def test_an_acronym_in_brackets_may_spell_a_generic_word_the_name_leaves_out():
    players = [Item("pam", "Player Account Management - 24x7"), Item("web", "Player Website")]
    assert picked("Player Accounts (PAM) 24/7", players) == "pam"  # "and its Management"
    assert picked("Player Accounts (PAMX) 24/7", players) == ""  # two letters more say something else
    portal = [Item("cp", "Customer Portal"), Item("cpq", "Configure Price Quote")]
    assert picked("Customer Portal (CPQ)", portal) == ""  # a Q is no generic word's: another system


def test_a_numbered_tier_without_a_dash_and_a_metal_before_the_name_are_tiers():
    email = [Item("1", "Email - Tier 1"), Item("2", "Email - Tier 2")]
    assert picked("Email Tier 1", email) == "1"
    assert picked("Email tier2", email) == "2"
    assert picked("Email Tier 10", [*email, Item("10", "Email - Tier 10")]) == "10"
    backup = [Item("g", "Backup - Gold"), Item("s", "Backup - Silver"), Item("b", "Backup - Bronze")]
    assert picked("Gold Backup", backup) == "g"
    assert picked("Silver Backups", backup) == "s"
    assert picked("Gold Coast", [*backup, Item("c", "Coast Guard - Gold")]) == ""  # no "Coast - Gold"


def test_a_service_named_for_a_makers_former_name_reads_as_the_maker_it_became():
    """ "OSIsoft PI Historian" is an "AVEVA PI" historian's; "Bomgar vendor access" the service whose details
    give BeyondTrust; not where the maker became several ("VMware Horizon": Broadcom's or Omnissa's?)."""
    catalogue = [
        Item("hist", "Plant Historian - AVEVA PI"),
        Item(
            "rs",
            "Third-Party Remote Support - Bronze",
            context="BeyondTrust Remote Support for vendor access",
        ),
        Item("vdi", "Virtual Desktop", context="Broadcom Horizon desktops"),
    ]
    found = first_candidate("OSIsoft PI Historian", catalogue)
    assert found.target_id == "hist" and found.score >= PRESELECT_AT and "OSIsoft is AVEVA now" in found.why
    assert first_candidate("Bomgar vendor access", catalogue).target_id == "rs"
    assert preselect(
        suggest([Item("l", "Bomgar vendor access")], catalogue, versioned=False)["l"], PRESELECT_AT
    )
    horizon = suggest([Item("l", "VMware Horizon desktops")], catalogue, versioned=False)["l"]
    assert not any("now" in c.why for c in horizon)


def test_a_name_is_read_with_a_makers_new_name_only_where_it_is_led_by_that_maker_as_written():
    """ "Micro Services" is no "MICROS" (both read "micro"), and "Micro Focus" became two makers; "Dell" still
    makes what it made, though Boomi was Dell's: "Dell Boomi" names Boomi itself."""
    assert renamed_maker("Micro Services Platform") == ("", "")
    assert renamed_maker("Micro Focus Content Manager") == ("", "")
    assert renamed_maker("MICROS POS") == ("Oracle POS", "MICROS is Oracle now")
    assert renamed_maker("Dell Integration Services") == ("", "")
    assert renamed_maker("Dell Boomi Integrations") == ("Boomi Integrations", "Dell is Boomi now")
    catalogue = [Item("m", "Microservices Platform"), Item("o", "Oracle Services Platform")]
    found = suggest([Item("l", "Micro Services Platform")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "m"
