"""Slovenian, Icelandic and Malaysian organisations' names (issue 19, blind sets 150 to 152): services' words
as staff write them ("Varnostno kopiranje", "Afritun gagna", "Sandaran data"), their tiers ("- Gull",
"- bronasti nivo"), an install's language as their inventories give it ("- is-is", "- ms-my"), a target's
licence plan ("Microsoft Visio (Plan 2)") and a product's short word of its own ("Leapfrog Geo")."""

import pytest

from sync.match_tiers import tiers_of
from sync.matching import Item
from tests.sync.scoring import SERVICES, chosen_key, chosen_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Varnostno kopiranje", "backup"),  # Slovene
        ("Obračun plač", "pay"),
        ("Podatkovne baze", "db"),
        ("Podatkovni center", "dc"),
        ("Oddaljeni dostop", "vpn"),
        ("Večfaktorska avtentikacija", "mfa"),
        ("Tölvupóstur", "mail"),  # Icelandic
        ("Afritun gagna", "backup"),
        ("Launavinnsla", "pay"),
        ("Gagnagrunnar", "db"),
        ("Þjónustuborð UT", "desk"),
        ("Tveggja þátta auðkenning", "mfa"),
        ("Endurstilling lykilorða", "pwd"),
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
    assert chosen_key(name, SERVICES) == expected


@pytest.mark.parametrize(
    ("name", "version"),
    [
        ("Microsoft Office Professional Plus 2019 - sl-si", "16.0.10417.20012"),
        ("Microsoft Office Professional Plus 2019 - Slovenščina", "16.0.10417.20012"),
        ("Microsoft Office Professional Plus 2019 - is-is", "16.0.10417.20012"),
        ("Microsoft Office Professional Plus 2019 - Íslenska", "16.0.10417.20012"),
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


@pytest.mark.parametrize(
    ("name", "tiers"),
    [
        ("Afritun gagna - Gull", {"gold"}),
        ("Varnostno kopiranje - bronasti nivo", {"bronze"}),
        ("Backup - Guld", {"gold"}),  # Danish and Swedish
        ("Seagull", set()),
    ],
)
def test_their_tiers_are_read(name, tiers):
    assert tiers_of(name) == tiers


def test_a_targets_licence_plan_is_its_edition():
    visio = [Item("plan2", "Microsoft Visio (Plan 2)", "", "Microsoft")]
    assert chosen_name("Microsoft Visio Standard 2016", visio, "16.0.4266.1001", versioned=True) == ""
    assert (
        chosen_name("Microsoft Visio Plan 2", visio, "16.0.18129", versioned=True)
        == "Microsoft Visio (Plan 2)"
    )
    exchange = [
        Item("exo", "Microsoft Exchange Online", "", "Microsoft")
    ]  # an install's plan is the product's
    assert (
        chosen_name("Exchange Online (Plan 2)", exchange, "", versioned=True) == "Microsoft Exchange Online"
    )


def test_a_short_word_of_its_own_abbreviates_no_longer_one():
    leapfrog = [Item("geothermal", "Leapfrog Geothermal", "", "Seequent")]
    assert chosen_name("Leapfrog Geo 2024.1", leapfrog, "2024.1.0", versioned=True) == ""
