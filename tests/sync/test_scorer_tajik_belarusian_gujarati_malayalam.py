"""Tajik, Belarusian, Burmese, Dari and Pashto, Gujarati, Malayalam, Hausa and Maltese organisations' names
(issue 19, blind sets 201 to 208): common IT services in those languages."""

import pytest

from tests.sync.scoring import SERVICES, chosen_key


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
