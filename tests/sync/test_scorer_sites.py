"""Sites and other services a service's details name (sync.scorer_sites, issue 19): they say what the service
links or serves, not what it is; nor what the details say it is not for (sync.match_details)."""

import pytest

from sync.match_details import without_negated
from sync.matching import Item
from sync.scorer import PRESELECT_AT
from tests.sync.scoring import first_candidate


def test_details_that_name_the_sites_a_service_links_do_not_make_it_a_site_they_name():
    """Sets 191 and 200: "DR site Khabat" is no WAN "between Erbil HQ, Khabat Refinery and the DR site",
    whose details give each of its words, as sites other services' names end in; a service whose details
    name one site is still found by them ("Lustre NCC")."""
    catalogue = [
        Item(
            "wan",
            "Network - WAN MPLS",
            context="MPLS links between Erbil HQ, Khabat Refinery and the DR site",
        ),
        Item("dr", "Infrastructure - Disaster Recovery Site - Khabat Refinery"),
        Item("lan-e", "Network - LAN - Erbil HQ"),
        Item("lan-k", "Network - LAN - Khabat Refinery"),
        Item("av-e", "Security - Access Control - Erbil HQ"),
        Item("hpc", "Scientific Storage", context="Lustre parallel file system at the NCC"),
        Item("hpc-n", "Cluster - NCC"),
        Item("net-n", "Network - NCC"),
    ]
    found = first_candidate("DR site Khabat", catalogue)
    assert found is None or not (found.target_id == "wan" and found.score >= PRESELECT_AT)
    found = first_candidate("Lustre NCC", catalogue)
    assert found.target_id == "hpc" and found.score >= PRESELECT_AT
    plant = [
        Item(
            "ot",
            "Network - OT Network and Plant DMZ",
            context="Segmented networks for DCS, SCADA and lab PCs",
        ),
        Item("scada", "Manufacturing - SCADA - Formulation Plant"),
        Item("dcs", "Manufacturing - DCS - API Plant"),
    ]
    found = first_candidate("SCADA / DCS", plant)  # the services it serves, each named
    assert found is None or not (found.target_id == "ot" and found.score >= PRESELECT_AT)


def test_what_details_say_a_service_is_not_for_is_no_evidence_for_it():
    """Set 205: "Factory floor WiFi" is no "Wi-Fi - Corporate" "in offices (not on factory floors)", nor
    "Printing for Antwerp" one "at all sites except Antwerp"; "Office WiFi" still is."""
    catalogue = [
        Item("corp", "Wi-Fi - Corporate", context="802.1X staff Wi-Fi in offices (not on factory floors)"),
        Item("guest", "Wi-Fi - Guest", context="Voucher Wi-Fi for buyers and visitors"),
        Item("print", "Managed Print", context="Follow-me printing at all sites except Antwerp"),
        Item("ot", "OT Network - Factory Machines"),
    ]
    for name in ("Factory floor WiFi", "Printing for Antwerp"):
        found = first_candidate(name, catalogue)
        assert found is None or not (found.preselectable and found.score >= PRESELECT_AT), name
    found = first_candidate("Office WiFi", catalogue)
    assert found.target_id == "corp" and found.preselectable and found.score >= PRESELECT_AT


@pytest.mark.parametrize(
    ("details", "read"),
    [
        ("Staff Wi-Fi in offices (not on factory floors)", "Staff Wi-Fi in offices ()"),
        ("Wi-Fi (NOT on factory floors)", "Wi-Fi ()"),
        ("Backups not encrypted at rest but replicated to Azure", "Backups  but replicated to Azure"),
        ("Printing at all sites except Antwerp with PaperCut", "Printing at all sites  with PaperCut"),
        ("Citrix is not available - Horizon VDI desktops", "Citrix is  - Horizon VDI desktops"),
        ("Not only mail but also shared mailboxes", "Not only mail but also shared mailboxes"),
        ("Whether or not VPN is up, it works", "Whether or not VPN is up, it works"),
        ("Notifications to all staff", "Notifications to all staff"),
    ],
)
def test_what_details_say_a_service_is_not_for_is_a_few_words_before_a_dash_or_but(details, read):
    """A review: a negation leaves out a few words, never past a dash, "but", "with" or "using", nor "not
    only" or "whether or not"; in any case."""
    assert without_negated(details) == read
