"""Tajik, Belarusian, Burmese, Dari and Pashto, Gujarati, Malayalam, Hausa and Maltese organisations' names
(issue 19, blind sets 201 to 208): common IT services in those languages; Cyrillic letters typed among Latin
ones ("1С"), and Russian's test environments."""

import pytest

from sync.matching import Item, normalise
from sync.scorer import PRESELECT_AT
from sync.scorer_environments import environment_of
from tests.sync.scoring import SERVICES, chosen_key, first_candidate


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Почтаи корпоративӣ", "mail"),  # Tajik
        ("Нусхаи эҳтиётӣ", "backup"),
        ("Шабакаи маҳаллӣ", "lan"),
        ("Карпаратыўная пошта", "mail"),  # Belarusian
        ("Рэзервовае капіраванне", "backup"),
        ("Відэаназіранне", "cctv"),
        ("အီးမေးလ်", "mail"),  # Burmese
        ("လုံခြုံရေးကင်မရာ", "cctv"),
        ("بریښنالیک", "mail"),  # Pashto
        ("کمره های امنیتی", "cctv"),  # Dari
        ("પ્રિન્ટર", "print"),  # Gujarati
        ("પગાર", "pay"),
        ("ശമ്പളം", "pay"),  # Malayalam
        ("ബാക്കപ്പ്", "backup"),
        ("Madadin bayanai", "backup"),  # Hausa
        ("Kyamarorin tsaro", "cctv"),
        ("Reset tal-password", "pwd"),  # Maltese
        ("Ċentru tad-data", "dc"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_cyrillic_letters_typed_among_latin_ones_or_digits_read_as_the_latin_letters_they_look_like():
    """Sets 202 and 203: "1С" with a Cyrillic es is the brand 1C, as Russian-speaking staff type it; a word
    with a Cyrillic letter no Latin one looks like is transliterated as a whole, as Cyrillic words apart are."""
    assert normalise("1С:ERP") == normalise("1C:ERP") == "1c erp"
    assert normalise("SАP S/4HANA") == normalise("SAP S/4HANA")  # a Cyrillic A
    assert (
        normalise("1Сервер") == "1server"
    )  # a "в" no Latin letter looks like: transliterated, not "1cepbep"
    assert normalise("Сервер") == "server"
    assert normalise("АТС2") == "ats2" and normalise("ВКС1") == "vks1"  # digits beside Cyrillic abbreviations
    assert normalise("Музди меҳнат") == "muzdi mehnat"  # Tajik's "ҳ", as romanised
    found = first_candidate("1С:ERP", [Item("erp", "ERP - 1C:ERP"), Item("crm", "CRM - Bitrix24")])
    assert found.target_id == "erp" and found.preselectable and found.score >= PRESELECT_AT


def test_russian_test_environment_words_end_a_name_as_an_environment():
    """Sets 202 and 203: "1С ERP тестовая" and "1С:ERP тестовая база" are the test environment's record."""
    assert environment_of("1С ERP тестовая") == ("1С ERP", "тестовая")
    assert environment_of("1С:ERP тестовая база") == ("1С:ERP", "тестовая база")
    catalogue = [Item("prod", "ERP - 1C:ERP (Prod)"), Item("test", "ERP - 1C:ERP (Test)")]
    found = first_candidate("1С ERP тестовая", catalogue)
    assert found.target_id == "test" and found.preselectable and found.score >= PRESELECT_AT


def test_russian_staffs_prod_ends_a_name_as_production():
    """Sets 251 and 281: "1С ЕРП прод" is the production record beside the test and development ones."""
    catalogue = [
        Item("p", "1C ERP - Production"),
        Item("t", "1C ERP - Test"),
        Item("d", "1C ERP - Development"),
    ]
    found = first_candidate("1С ЕРП прод", catalogue)
    assert found.target_id == "p" and found.preselectable and found.score >= PRESELECT_AT
    assert first_candidate("1С ЕРП тест", catalogue).target_id == "t"
