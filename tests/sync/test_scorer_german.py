"""A catalogue written in German (issue 19, blind set 113): its production and tiers ("- Produktion - Stufe
1"), its environments ("- Schulung", "Testumgebung"), its retired records ("(stillgelegt)") and its "ehem."
("formerly") read as an English catalogue's are; and services' words as staff write them in German or
French."""

import pytest

from sync.match_details import Mentions
from sync.match_tiers import tiers_of, without_tiers
from sync.matching import Item, normalise, preselect
from sync.scorer import PRESELECT_AT, suggest
from sync.scorer_environments import environment_of
from sync.scorer_retired import is_retired

CATALOGUE = [
    Item("nls", "Netzleitsystem Strom - Produktion - Stufe 1", context="Netzführung Strom; PSIcontrol"),
    Item("nls-t", "Netzleitsystem Strom - Test - Stufe 3", context="Abnahmesystem PSIcontrol"),
    Item("nls-s", "Netzleitsystem Strom - Schulung - Stufe 3", context="Trainingssimulator PSIcontrol"),
    Item(
        "uc",
        "Telefonie Unified Communications - Produktion - Stufe 2",
        context="Teams-Telefonie mit Direct Routing; ehem. Unify OpenScape Voice; Technical Service",
    ),
    Item(
        "pbx",
        "Telefonanlage OpenScape - Produktion - Stufe 2 (stillgelegt)",
        context="Unify OpenScape Voice 10, 2022 durch Teams abgelöst; Technical Service",
    ),
]


def chosen(name: str, catalogue: list[Item] = CATALOGUE) -> str:
    pick = preselect(suggest([Item("l", name)], catalogue, versioned=False)["l"], PRESELECT_AT)
    return pick.target_id if pick else ""


@pytest.mark.parametrize(
    ("name", "tiers", "read"),
    [
        ("Netzleitsystem Strom - Produktion - Stufe 1", {"prod", "tier 1"}, "netzleitsystem strom"),
        ("Netzleitsystem Strom - Test - Stufe 3", {"tier 3"}, "netzleitsystem strom test"),
        ("Kundenportal (Produktion)", {"prod"}, "kundenportal"),
    ],
)
def test_production_and_its_tier_are_read_as_an_english_catalogues(name, tiers, read):
    assert tiers_of(name) == tiers
    assert normalise(name) == read


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Netzleitsystem Strom - Schulung", ("Netzleitsystem Strom", "Schulung")),
        ("Abrechnung S/4 - Entwicklung", ("Abrechnung S/4", "Entwicklung")),
        ("NIS Testumgebung", ("NIS", "Testumgebung")),
        ("Leitstelle Testsystem", ("Leitstelle", "Testsystem")),
        ("Personalentwicklung", ("Personalentwicklung", "")),  # what a service does
    ],
)
def test_its_environments_are_read(name, read):
    assert environment_of(name) == read


@pytest.mark.parametrize(
    ("name", "details"),
    [
        ("Telefonanlage OpenScape - Produktion - Stufe 2 (stillgelegt)", ""),
        ("Rechenzentrum Nord (außer Betrieb)", ""),
        ("Terminalserver Citrix", "Abgeschaltet 2022, ersetzt durch Horizon"),
    ],
)
def test_its_retired_records_are_read_as_retired(name, details):
    assert is_retired(Item("t", name, context=details))


def test_the_live_record_is_pre_selected_beside_those_of_other_environments():
    assert chosen("Netzleitsystem Strom") == "nls"


def test_ehem_ends_no_sentence():
    assert Mentions(["Teams; ehem. Unify OpenScape Voice"]).text(0)[-1].sentence == 1


@pytest.mark.parametrize("formerly", ["ehem.", "ehemals", "vormals", "früher", "formerly"])
def test_a_product_named_as_a_former_one_is_no_product_the_service_is_delivered_with(formerly):
    """The UC service was formerly OpenScape Voice, which the retired record is."""
    uc = Item("uc", CATALOGUE[3].name, context=f"Teams-Telefonie; {formerly} Unify OpenScape Voice")
    assert chosen("OpenScape Voice (alt)", [*CATALOGUE[:3], uc, CATALOGUE[4]]) == ""


@pytest.mark.parametrize(
    "catalogue", [CATALOGUE, [Item("pms", "Hotel PMS - Gold"), Item("pms-t", "Hotel PMS - Non-Prod")]]
)
def test_production_said_in_german_after_a_name_reads_as_in_english(catalogue):
    def read(name: str) -> list[tuple[str, int, bool]]:
        found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
        return [(c.target_id, c.score, c.preselectable) for c in found]

    name = catalogue[0].name.split(" - ")[0]
    assert read(f"{name} Produktion") == read(f"{name} Production")
    assert read(f"{name} PRODUKTION") == read(f"{name} PRODUCTION")


def test_a_former_name_in_brackets_is_the_products_in_every_german_form():
    """ "(vormals Pardot)" renames the product, as "(formerly Pardot)" does: "vormals" reads as "vormal"."""
    for formerly in ("vormals", "ehemals", "ehem."):
        marketing = Item(
            "mkt",
            "Marketing - Konzern",
            context=f"E-Mail-Kampagnen mit Salesforce Account Engagement ({formerly} Pardot)",
        )
        assert chosen("Pardot Kampagnen", [marketing, CATALOGUE[0]]) == "mkt"


def test_an_environment_before_the_tier_is_the_records():
    """ "- Test - Stufe 3": the test record of tier 3, beside which "… PROD" is the live one."""
    billing = [
        Item(
            "p",
            "Abrechnung S/4HANA Utilities - Produktion - Stufe 1",
            context="SAP S/4HANA Utilities, Projekt Kompass",
        ),
        Item(
            "t",
            "Abrechnung S/4HANA Utilities - Test - Stufe 3",
            context="Qualitätssicherung S/4HANA Utilities",
        ),
    ]
    assert without_tiers(billing[1].name) == "Abrechnung S/4HANA Utilities - Test"
    assert chosen("Kompass S/4HANA Utilities PROD", billing) == "p"


GERMAN = [
    Item("pay-de", "Payroll - Germany", context="German payroll on DATEV"),
    Item("pay-pl", "Payroll - Poland", context="Polish payroll on enova365"),
    Item("cards", "Payment Processing - Card Payments", context="Adyen card acquiring"),
    Item("bnpl", "Payment Processing - Buy Now Pay Later", context="Klarna"),
    Item("time", "Time and Attendance - Warehouse", context="Clocking in at fulfilment centres"),
    Item("phone", "Contact Centre Telephony", context="Genesys Cloud CX"),
    Item("suppliers", "Supplier Portal", context="Supplier onboarding and purchase orders"),
]
FRENCH = [
    Item("mail", "Email and Calendar - Group", context="Exchange Online mailboxes"),
    Item("backup", "Backup and Recovery", context="Veeam Backup & Replication"),
    Item("pay", "Payroll - Silae", context="French payroll"),
    Item("ts", "Time Sheets", context="Project time recording"),
]


@pytest.mark.parametrize(
    "catalogue, name, expected",
    [
        (GERMAN, "DATEV Lohn", "pay-de"),
        (GERMAN, "Adyen Kartenzahlung", "cards"),
        (GERMAN, "Zeiterfassung", "time"),
        (GERMAN, "Genesys Telefonie", "phone"),
        (GERMAN, "Lieferantenportal", "suppliers"),
        (FRENCH, "Messagerie Exchange Online", "mail"),
        (FRENCH, "Veeam sauvegardes", "backup"),
        (FRENCH, "Paie (Silae)", "pay"),
    ],
)
def test_a_services_words_written_in_german_or_french_read_as_the_english_a_catalogue_writes(
    catalogue, name, expected
):
    found = suggest([Item("l", name)], catalogue, versioned=False)["l"]
    chosen = preselect(found, PRESELECT_AT)
    assert chosen is not None and chosen.target_id == expected, found[:2]
