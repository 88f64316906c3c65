"""Malagasy, Kinyarwanda, Afaan Oromo, Luxembourgish, Faroese and Tigrinya organisations' names (issue 19,
blind sets 217 to 223): common IT services in those languages, and Skype for Business as French installs
name it."""

import pytest

from sync.matching import Item
from tests.sync.scoring import SERVICES, chosen_key, first_candidate


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mailaka ofisialy", "mail"),  # Malagasy
        ("Fandoavana karama", "pay"),
        ("Imishahara", "pay"),  # Kinyarwanda
        ("Kaameraa nageenyaa", "cctv"),  # Afaan Oromo
        ("Maxxansa", "print"),
        ("Lounofrechnung", "pay"),  # Luxembourgish
        ("Teldupostur", "mail"),  # Faroese
        ("Prentarar", "print"),
        ("ኢመይል ትካል", "mail"),  # Tigrinya
        ("ደሞዝ", "pay"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_skype_for_business_as_french_installs_name_it():
    """Set 217: "Skype Entreprise 2016 - fr-fr" is the "Skype for Business 2016" record, not the consumer
    Skype's versionless one."""
    catalogue = [
        Item("sfb", "Microsoft Skype for Business 2016", "2016", "Microsoft"),
        Item("skype", "Microsoft Skype", "", "Microsoft"),
    ]
    found = first_candidate("Skype Entreprise 2016 - fr-fr", catalogue, "16.0.5435.1000", versioned=True)
    assert found.target_id == "sfb" and found.preselectable
