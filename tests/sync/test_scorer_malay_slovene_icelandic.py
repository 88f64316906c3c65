"""Malaysian, Slovenian and Icelandic organisations' names (issue 19, blind sets 150 to 152): services' words
as staff write them ("Sandaran data", "Meja bantuan IT"), and an install's language as their inventories
give it ("- ms-my")."""

import pytest

from sync.matching import Item
from tests.sync.scoring import chosen_key, chosen_name

CATALOGUE = [  # names alone: the dictionary reads the words, no description helps
    Item("mail", "Email"),
    Item("backup", "Backup and Recovery"),
    Item("pay", "Payroll"),
    Item("files", "File Shares"),
    Item("db", "Database Services"),
    Item("dc", "Data Center"),
    Item("desk", "Service Desk"),
    Item("vpn", "Remote Access VPN"),
    Item("mfa", "Multi-Factor Authentication"),
    Item("pwd", "Password Reset"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("E-mel korporat", "mail"),  # Malay
        ("Sandaran data", "backup"),
        ("Sistem gaji", "pay"),
        ("Pemacu kongsi rangkaian", "files"),
        ("Pangkalan data", "db"),
        ("Bilik server", "dc"),
        ("Meja bantuan IT", "desk"),
        ("Akses jauh", "vpn"),
        ("Pengesahan dua faktor", "mfa"),
        ("Reset kata laluan", "pwd"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, CATALOGUE) == expected


@pytest.mark.parametrize(
    ("name", "version"),
    [
        ("Microsoft Office Professional Plus 2019 - ms-my", "16.0.10417.20012"),
        ("Microsoft Office Professional Plus 2019 - Bahasa Melayu", "16.0.10417.20012"),
    ],
)
def test_an_installs_language_is_read_away(name, version):
    office = [Item("o", "Microsoft Office Professional Plus", "2019", "Microsoft")]
    assert chosen_name(name, office, version, versioned=True) == "Microsoft Office Professional Plus"


def test_ms_alone_is_still_microsoft():
    office = [Item("o", "Microsoft Office Professional Plus", "2019", "Microsoft")]
    assert chosen_name("MS Office Professional Plus 2019", office, "16.0.10417", versioned=True) == (
        "Microsoft Office Professional Plus"
    )
