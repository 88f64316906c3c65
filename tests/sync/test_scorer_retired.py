"""Target records their names or descriptions say are retired, duplicates or not to be used (issue 19,
sync.scorer_retired): read apart, so that a live record is pre-selected before them."""

import pytest

from sync.matching import Candidate, Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from sync.scorer_retired import is_copy, is_retired, with_retired


@pytest.mark.parametrize(
    ("name", "details"),
    [
        ("Skype for Business (Decommissioned)", "Replaced by Microsoft Teams"),
        ("Printing Services (DUPLICATE - use Workplace: Printing)", ""),
        ("BlackBerry Enterprise Service - RETIRED", ""),
        ("VPN Remote Access (old record)", ""),
        ("TEST SERVICE - do not use", ""),
        ("zz_OLD Citrix Farm", ""),
        ("Lotus Notes Mail", "RETIRED 2016"),
        ("Print Services (legacy)", "Retired 2019, kept for history"),
        ("Core Banking T24", "Duplicate record - use Core Banking - Temenos Transact (Prod)"),
        ("[Retired] Lotus Notes", ""),
        ("Retired - Fax Gateway", ""),
        ("Fax Gateway (Retired in 2016)", ""),
        ("Fax Gateway [Decommissioned 2019-05]", ""),
        ("Fax Gateway - DNU", ""),
        ("Fax_Gateway_OLD", ""),
        ("ZZZ_Fax Gateway", ""),
        ("Fax Gateway (End of Life)", ""),
        ("Fax Gateway", "Retired"),
        ("Fax Gateway", "Obsolete - replaced by cloud fax"),
        ("Email Archive", "Duplicate - see Email"),
        ("Fax Gateway", "This service was retired in 2016."),
        (
            "Legacy Property Management",
            "Business Service; Tier 3; Retired - OPERA V5, replaced by OPERA Cloud",
        ),
    ],
)
def test_a_record_marked_retired_in_its_name_or_description(name, details):
    assert is_retired(Item("t", name, context=details))


@pytest.mark.parametrize(
    ("name", "details"),
    [
        ("Duplicate Payment Detection", "Flags invoices paid twice"),  # a live service of the word
        ("Virtual Servers - Legacy", "The older vSphere cluster"),  # a legacy platform may well be live
        ("Application Support (Legacy Systems)", ""),
        ("Retired Members Portal", "Pension statements for retired members"),
        ("Old Town Car Parks", ""),
        ("Device Decommissioning", "Decommissioning and disposal of end-of-life devices"),
        ("DUPLICATE INVOICE CHECKS", ""),  # a name all in capitals says nothing by them
        ("Microsoft Teams", "Chat and meetings; replaces Skype for Business (retired 2021)"),  # another's
        ("Secure File Transfer", "Managed SFTP. Do not use for patient data."),
        ("Asset Disposal", "Decommissioned equipment collected and wiped"),
        ("Accounts Payable", "Invoice processing with DUPLICATE payment checks"),
        ("Pension Payroll (Retired, Deferred)", ""),  # its members
        ("Gold Support", "Old and new sites alike"),
        ("Pool Bar Wi-Fi", "Technical Service; Tier 2; retired members' lounge and pool bar"),
        ("Backup", "Veeam backups to disk; archived (cold) copies on LTO tape"),  # a weak mark in a detail
        ("Pensions", "Member administration; retired, deferred and active members"),
        ("Data Quality", "Data Service; duplicate: detection across CRM"),
    ],
)
def test_a_live_record_is_not_read_as_retired(name, details):
    assert not is_retired(Item("t", name, context=details))


def chosen(name: str, catalogue: list[Item]) -> str:
    pick = preselect(suggest([Item("l", name)], catalogue, versioned=False)["l"], PRESELECT_AT)
    return pick.target_id if pick else ""


def test_a_live_record_is_pre_selected_before_a_retired_one_of_the_very_name():
    printing = [
        Item("old", "Print Services (legacy)", context="RETIRED 2019 - replaced by Workplace: Printing"),
        Item("live", "Workplace: Printing", context="Managed print and follow-me printing"),
    ]
    assert chosen("Print Services", printing) == "live"
    found = suggest([Item("l", "Print Services")], printing, versioned=False)["l"]
    assert [c.target_id for c in found] == ["live", "old"]
    assert found[1].reasons[-1].startswith("retired in the target") and not found[1].preselectable


def test_a_retired_record_makes_no_live_one_a_persons_choice():
    vpn = [Item("live", "Remote Access VPN"), Item("old", "VPN Remote Access (old record)")]
    assert chosen("VPN", vpn) == "live"  # the two expand it alike: without the old one, no tie


def test_a_retired_record_is_never_pre_selected_even_alone():
    notes = [Item("old", "Lotus Notes Mail", context="RETIRED 2016"), Item("hr", "HR Information System")]
    assert chosen("Lotus Notes Mail", notes) == ""  # a person decides whether it is the retired one
    found = suggest([Item("l", "Lotus Notes Mail")], notes, versioned=False)["l"]
    assert found[0].target_id == "old" and found[0].score == 100  # first, at its name's score
    assert (
        found[0].reasons[-1]
        == "retired in the target, as its name or description says: suggested, never pre-selected"
    )
    skype = [
        Item("old", "Skype for Business (Decommissioned)", context="Replaced by Microsoft Teams"),
        Item("hr", "HR Information System"),
    ]
    found = suggest([Item("l", "Microsoft Teams")], skype, versioned=False)["l"]
    assert found[0].target_id == "old" and found[0].score == 82  # its description: a likeness at most


def test_a_live_record_merely_like_a_retired_records_name_is_not_pre_selected():
    notes = [Item("old", "Lotus Notes Mail (Retired)"), Item("archive", "Lotus Notes Mail Archive")]
    found = suggest([Item("l", "Lotus Notes Mail")], notes, versioned=False)["l"]
    assert [c.target_id for c in found] == ["old", "archive"]
    assert found[0].name == "Lotus Notes Mail (Retired)"  # read without its mark, shown with it
    assert preselect(found, PRESELECT_AT) is None
    assert found[1].reasons[-1] == "a retired record has the name: suggested, never pre-selected"


def test_a_retired_records_likeness_of_spelling_is_shown_only_where_nothing_live_is_found():
    flash = [Item("old", "Adobe Flash Player - Decommissioned"), Item("hr", "HR Information System")]
    found = suggest([Item("l", "Adobe Flash Player 32 NPAPI")], flash, versioned=False)["l"]
    assert found and found[0].target_id == "old"
    with_live = [*flash, Item("pdf", "Adobe Acrobat Reader")]
    found = suggest([Item("l", "Adobe Flash 32")], with_live, versioned=False)["l"]
    assert "old" not in [c.target_id for c in found if c.score < 80]


def test_the_namespaces_aliases_reach_the_retired_records_too():
    catalogue = [Item("old", "Payroll (Retired)"), Item("live", "Workforce Hub")]
    found = suggest(
        [Item("l", "Paie")], catalogue, versioned=False, aliases=(p for p in [("Paie", "Payroll")])
    )
    assert found["l"][0].target_id == "old" and found["l"][0].reasons[0] == "your alias: Paie = Payroll"


def test_a_record_its_name_says_is_a_duplicate_is_never_pre_selected_even_alone():
    dms = [
        Item("dup", "Legal: iManage DMS - DUPLICATE", context="Duplicate of Legal: Document Management"),
        Item("live", "Legal: Document Management - iManage Work"),
    ]
    found = suggest([Item("l", "iManage DMS")], dms, versioned=False)["l"]
    assert found[0].target_id == "dup" and preselect(found, PRESELECT_AT) is None


def test_a_record_its_status_says_is_retired_is_read_apart_though_its_name_is_unmarked():
    printing = [Item("old", "Print Services", retired=True), Item("live", "Print Services")]
    assert is_retired(printing[0]) and not is_retired(printing[1])
    found = suggest([Item("l", "Print Services")], printing, versioned=False)["l"]
    assert [c.target_id for c in found] == ["live", "old"]
    assert found[1].reasons[-1] == "retired in the target, as its status says: suggested, never pre-selected"
    assert preselect(found, PRESELECT_AT).target_id == "live"
    unflagged = [Item("old", "Print Services"), Item("live", "Print Services")]
    assert chosen("Print Services", unflagged) == "old"  # unflagged, the first of one name


def test_a_record_retired_by_its_status_alone_is_suggested_first_and_not_pre_selected():
    notes = [Item("old", "Lotus Notes Mail", retired=True), Item("hr", "HR Information System")]
    assert chosen("Lotus Notes Mail", notes) == ""
    found = suggest([Item("l", "Lotus Notes Mail")], notes, versioned=False)["l"]
    assert found[0].target_id == "old"
    assert found[0].reasons[-1] == "retired in the target, as its status says: suggested, never pre-selected"


def test_a_live_record_a_product_delivers_is_only_suggested_beside_a_retired_record_named_for_it():
    erp = [
        Item("bc", "ERP - Dynamics 365 Business Central - Prod", context="Finance and supply chain"),
        Item("nav", "ERP - Dynamics NAV 2018 - RETIRED"),
    ]
    found = suggest([Item("l", "Dynamics NAV")], erp, versioned=False)["l"]
    assert found[0].target_id == "bc"
    assert found[0].reason.startswith("a service named for")  # by the product's new name
    assert found[0].reasons[-1] == "a retired record has the name: suggested, never pre-selected"
    assert preselect(found, PRESELECT_AT) is None
    assert preselect(suggest([Item("l", "Dynamics NAV")], erp[:1], versioned=False)["l"], PRESELECT_AT)


def test_a_duplicate_not_to_be_used_keeps_no_live_record_its_name_finds_from_pre_selection():
    acrobat = [
        Item("dup", "zz_Adobe Acrobat Pro DC (duplicate - DO NOT USE)", "24", "Adobe"),
        Item("live", "Adobe Acrobat Pro", "24", "Adobe"),
    ]
    found = suggest([Item("l", "Adobe Acrobat Pro DC", "24.004.20220")], acrobat, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "live"
    for mark in ("(Retired)", "(Retired - DO NOT USE)", "(DO NOT USE)"):  # a predecessor: a person's choice
        retired = [Item("old", f"Adobe Acrobat Pro DC {mark}", "24", "Adobe"), acrobat[1]]
        found = suggest([Item("l", "Adobe Acrobat Pro DC", "24.004.20220")], retired, versioned=True)["l"]
        assert preselect(found, PRESELECT_AT) is None, mark


def test_a_live_record_its_rebrand_names_is_pre_selected_before_the_retired_record_of_the_old_name():
    workspace = [
        Item("old", "G Suite (Retired)"),
        Item("live", "Google Workspace"),
        Item("mail", "Email Archiving"),
        Item("gsm", "Gas Supply Monitoring"),
    ]
    found = suggest([Item("l", "G Suite")], workspace, versioned=False)["l"]
    assert [c.target_id for c in found[:2]] == ["live", "old"]  # the retired one scores more, yet comes next
    assert found[0].reasons == ("alias: G Suite = Google Workspace",) and found[1].score > found[0].score
    assert preselect(found, PRESELECT_AT).target_id == "live"


@pytest.mark.parametrize(
    "catalogue",
    [
        [Item("old", "Lotus Notes Mail", retired=True)],
        [Item("old", "Lotus Notes Mail", context="RETIRED 2016"), Item("fax", "Fax Gateway (Retired)")],
        [Item("old", "Lotus Notes Mail (Retired)")],
        [Item("old", "Lotus Notes Mail (Discontinued)")],
    ],
)
def test_a_catalogue_of_retired_records_only_is_read_as_retired_all_the_same(catalogue):
    found = suggest([Item("l", "Lotus Notes Mail")], catalogue, versioned=False)["l"]
    assert found[0].target_id == "old" and not found[0].preselectable
    assert found[0].reasons[-1].startswith("retired in the target")


def test_a_retired_record_read_apart_is_not_read_apart_again_by_its_own_scorer():
    printing = [
        Item("a", "Print Services", retired=True),
        Item("b", "Print Services", context="RETIRED 2016"),
        Item("live", "Email"),
    ]
    found = suggest([Item("l", "Print Services")], printing, versioned=False)["l"]
    assert [(c.target_id, c.score) for c in found] == [("a", 100), ("b", 100)]
    assert all(len([r for r in c.reasons if r.startswith("retired")]) == 1 for c in found)


def test_a_live_record_its_acronym_finds_is_pre_selected_beside_a_retired_record_of_the_acronym():
    fleet = [Item("old", "FTP (Retired)"), Item("live", "Fleet Telematics Portal"), Item("hr", "HR System")]
    found = suggest([Item("l", "FTP")], fleet, versioned=False)["l"]
    assert [c.target_id for c in found[:2]] == ["live", "old"]
    assert found[0].reasons[0] == "acronym: FTP = Fleet Telematics Portal"
    assert preselect(found, PRESELECT_AT).target_id == "live"


def test_a_retired_record_named_for_the_product_comes_before_a_live_one_it_merely_delivers():
    """Sets 105 and 106: "Kronos WFC (old)" is the "[RETIRED] … (Kronos Workforce Central)", not surely the
    live time and attendance service the dictionary's Kronos delivers (now UKG's); a duplicate is no such
    record, and a live record sure by its own evidence stays pre-selected."""
    catalogue = [
        Item("ta", "Time and Attendance - Gold", context="UKG Pro Workforce Management clocks and rosters"),
        Item(
            "old", "[RETIRED] Time and Attendance (Kronos Workforce Central) - Silver", context="Former WFC 8"
        ),
    ]
    found = suggest([Item("l", "Kronos WFC (old)")], catalogue, versioned=False)["l"]
    assert [c.target_id for c in found[:2]] == ["old", "ta"] and preselect(found, PRESELECT_AT) is None
    assert "a retired record is named for Kronos" in found[1].why
    copies = [
        Item("qms", "Quality Management System - Gold", context="ETQ Reliance"),
        Item("dup", "Quality Management System (TrackWise) - DUPLICATE", context="Do not use"),
    ]
    found = suggest([Item("l", "TrackWise WIC")], copies, versioned=False)["l"]
    assert found[0].target_id == "qms"
    printing = [
        Item("print", "Workplace: Printing", context="PaperCut MF follow-me print queues"),
        Item("fm", "Workplace: Follow-Me Printing (PaperCut) - RETIRED", context="Old print release"),
    ]
    found = suggest([Item("l", "PaperCut print")], printing, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "print"
    # set 129: the retired record is the product by its later name, beside the telephony it delivered
    phones = [
        Item("voip", "Telefonia IP", context="Ramais VoIP e URA nos campi"),
        Item(
            "sfb", "[DESATIVADO] Skype for Business", context="Skype for Business Server 2015 (antigo Lync)"
        ),
    ]
    found = suggest([Item("l", "Lync")], phones, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT) is None
    assert "a retired record is named for Lync" in found[1].why


def test_a_name_that_says_it_is_no_longer_used_finds_the_retired_record_first_and_pre_selects_nothing():
    """ "Skype for Business (old)": the live service whose description names it replaced it."""
    meetings = [
        Item(
            "live",
            "Online Meetings and Chat - Enterprise",
            context="Microsoft Teams (formerly Skype for Business)",
        ),
        Item(
            "old", "[RETIRED] Online Meetings and Chat - Enterprise", context="Skype for Business Server 2015"
        ),
    ]
    found = suggest([Item("l", "Skype for Business (old)")], meetings, versioned=False)["l"]
    assert [c.target_id for c in found[:2]] == ["old", "live"]
    assert preselect(found, PRESELECT_AT) is None
    assert chosen("Skype for Business", meetings) == "live"  # nothing says it is old


def test_a_bracket_that_only_begins_with_a_mark_or_says_legacy_says_nothing_of_the_record():
    """ "(Old Street)" is a site, "(Legacy)" may be a live platform, and a record of the very name is live."""
    access = [
        Item("live", "Building Access - Old Street"),
        Item("old", "Building Access - Moorgate (Retired)"),
    ]
    assert chosen("Building Access (Old Street)", access) == "live"
    servers = [Item("vs", "Virtual Servers - Legacy"), Item("old", "Virtual Servers - Legacy 2008 (Retired)")]
    assert chosen("Virtual Servers (Legacy)", servers) == "vs"


def test_a_duplicate_of_a_service_named_for_retiring_things_is_no_retired_record():
    """A duplicate is no retired predecessor, whatever its service does: "Hardware Decommissioning
    (DUPLICATE)" keeps no live "Hardware Decommissioning Services" from pre-selection, as the marks of
    retirement themselves (not their stems) tell a retired duplicate."""
    assert is_copy("Hardware Decommissioning (DUPLICATE)") and is_copy("Retirement Planning - duplicate")
    assert not is_copy("Lotus Notes (Retired - duplicate)")
    catalogue = [
        Item("dup", "Hardware Decommissioning (DUPLICATE)"),
        Item("live", "Hardware Decommissioning Services"),
        Item("mail", "Email"),
    ]
    found = suggest([Item("l", "Hardware Decommissioning")], catalogue, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "live"


def test_the_retired_records_a_name_says_it_no_longer_uses_come_first_by_their_own_scores():
    def candidate(key: str, name: str, score: int, why: str) -> Candidate:
        return Candidate(key, name, score, why, None, (why,), True)

    retired = [
        candidate("r9", "Lotus Notes 9", 90, "same words"),
        candidate("r", "Lotus Notes", 92, "same name"),
    ]
    shown = {"r": ("Lotus Notes (Retired)", "retired"), "r9": ("Lotus Notes 9 (Retired)", "retired")}
    live = [candidate("mail", "Email", 86, "Lotus Notes delivers Email")]
    ranked = with_retired("Lotus Notes (old)", live, retired, shown, 5)
    assert [c.target_id for c in ranked] == ["r", "r9", "mail"]
    assert not any(c.preselectable for c in ranked)


def test_a_retired_record_of_one_of_its_names_between_slashes_leaves_the_product_a_suggestion():
    """Set 264: "Lync / Skype for Business", whose second name a retired "Collaboration - Skype for
    Business" has, is no surer a live "Telephony - Desk Phones" that Lync delivers than "Skype for Business"
    alone is: a person's choice."""
    catalogue = [
        Item("phones", "Telephony - Desk Phones", context="Cisco desk phones and voicemail; tier 2."),
        Item("sfb", "Collaboration - Skype for Business", context="Retired - replaced by Microsoft Teams."),
    ]
    for name in ("Skype for Business", "Lync / Skype for Business"):
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        assert {c.target_id for c in found} == {"phones", "sfb"} and not preselect(found, PRESELECT_AT), name


def test_a_product_alone_is_the_retired_service_named_for_it_by_another_of_its_names():
    """Set 279: a Spanish catalogue names the retired service for Skype for Business by its Spanish name;
    the product alone is that record, a person's choice, not the live telephony Skype delivers. A name of
    more words than the product may still be the live service it delivers."""
    services = [
        Item("tel", "Telefonía IP", context="Comunicaciones; Tier 2; Anexos telefónicos IP y troncales."),
        Item("old", "Videoconferencia (Skype Empresarial)", context="Retired - Infraestructura TI; Tier 3"),
    ]
    found = suggest([Item("l", "Skype for Business")], services, versioned=False)["l"]
    assert not preselect(found, PRESELECT_AT)
    assert found[0].target_id == "old" and "another name of Skype for Business" in found[0].why
    printing = [
        Item("print", "Workplace: Printing", context="Managed print fleet, follow-me secure printing"),
        Item("pc", "Workplace: Follow-Me Printing (PaperCut) - RETIRED", context="Retired 2023"),
    ]
    found = suggest([Item("l", "PaperCut follow-me print")], printing, versioned=False)["l"]
    assert preselect(found, PRESELECT_AT).target_id == "print"
