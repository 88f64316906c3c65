"""A Dutch organisation's names (issue 19, blind set 123): services' words as its staff write them in Dutch
("Salarisadministratie", "Portbase koppeling", "Teams bellen") and its environments ("[ACC]",
"acceptatie omgeving", "productie"), read as an English catalogue's words are."""

import pytest

from sync.match_tiers import tiers_of
from sync.matching import Item
from sync.scorer_environments import environment_of, kinds_of
from tests.sync.scoring import chosen_key

CATALOGUE = [
    Item("pay", "Payroll", context="Payroll for terminal staff on AFAS; Business Service"),
    Item("pcs", "Port Community System Integration", context="Portbase messaging for the terminals"),
    Item("bill", "Terminal Billing & Invoicing", context="Invoicing of terminal handling charges"),
    Item("portal", "Customer Portal Ankerplaats", context="Self-service for shipping lines"),
    Item("portal-a", "Customer Portal Ankerplaats [ACC]", context="Acceptance copy of Ankerplaats"),
    Item("eam", "Equipment Maintenance Management", context="IBM Maximo for cranes and straddle carriers"),
    Item("ot", "OT Network - MV2", context="Industrial network of the automated terminal"),
    Item("cctv", "CCTV Video Surveillance", context="Milestone XProtect cameras on the quays"),
    Item("av", "Endpoint Protection", context="Microsoft Defender for Endpoint on every laptop"),
    Item("work", "Workplace Management", context="Managed Windows laptops with Intune"),
    Item("gate", "Gate Automation - MV2", context="Camco OCR gate portals and driver kiosks"),
    Item("gate-a", "Gate Automation [ACC]", context="Camco GOS acceptance environment"),
    Item("backup", "Backup & Restore", context="Veeam backup for on-premises servers"),
    Item("voice", "Teams Telephony", context="Teams Phone with Direct Routing"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Salarisadministratie", "pay"),
        ("Portbase koppeling", "pcs"),
        ("Facturatie terminal", "bill"),
        ("Ankerplaats klantportaal", "portal"),
        ("Maximo onderhoudsbeheer", "eam"),
        ("Camerabewaking (Milestone)", "cctv"),
        ("Virusscanner Defender", "av"),
        ("Werkplekbeheer", "work"),
        ("Ankerplaats ACC", "portal-a"),
        ("Camco GOS - acceptatie", "gate-a"),
        ("Back-up (Veeam)", "backup"),  # "Back-up", as English writes it too
        ("Teams bellen", "voice"),
    ],
)
def test_a_services_words_written_in_dutch_read_as_the_english_a_catalogue_writes(name, expected):
    assert chosen_key(name, CATALOGUE) == expected


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("N4 acceptatie omgeving", ("N4", "acceptatie omgeving")),
        ("PIN acceptatie", ("PIN acceptatie", "")),  # accepting card payments: what a service does
        ("PCS Portbase ACC", ("PCS Portbase", "ACC")),
        ("Terminal Operating System [ACC]", ("Terminal Operating System", "[ACC]")),
        ("Card Acceptance", ("Card Acceptance", "")),  # what a service does
        ("Air Traffic Acc", ("Air Traffic Acc", "")),  # no environment written so
    ],
)
def test_its_environments_are_read(name, read):
    assert environment_of(name) == read
    assert not read[1] or kinds_of(read[1]) == {"test"}  # acceptance: the UAT family


def test_production_in_dutch_is_a_tier_as_in_english():
    assert tiers_of("Terminal Operating System - Productie") == {"prod"}
