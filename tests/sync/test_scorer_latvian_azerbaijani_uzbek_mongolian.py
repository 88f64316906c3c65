"""Latvian, Azerbaijani, Uzbek and Mongolian organisations' names (issue 19, blind sets 185 to 192): common
IT services in those languages read as an English catalogue names them."""

import pytest

from sync.matching import Item, normalise
from sync.scorer import Scorer
from tests.sync.scoring import SERVICES, chosen_key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Korporatīvais e-pasts", "mail"),  # Latvian
        ("Rezerves kopēšana", "backup"),
        ("Paroles atiestatīšana", "pwd"),
        ("Lokālais tīkls", "lan"),
        ("Divfaktoru autentifikācija", "mfa"),
        ("Mobilie sakari", "mobile"),
        ("Korporativ elektron poçt", "mail"),  # Azerbaijani
        ("Ehtiyat nüsxələmə", "backup"),
        ("Əməkhaqqı hesablanması", "pay"),
        ("İş vaxtının uçotu", "time"),
        ("Videomüşahidə", "cctv"),
        ("Elektron imza", "sign"),
        ("Korporativ elektron pochta", "mail"),  # Uzbek
        ("Zaxira nusxalash", "backup"),
        ("Ikki faktorli autentifikatsiya", "mfa"),
        ("Lokal tarmoq", "lan"),
        ("Texnik yordam", "desk"),
        ("Videokuzatuv", "cctv"),
        ("Цахим шуудан", "mail"),  # Mongolian
        ("Цалингийн систем", "pay"),
        ("Дотоод сүлжээ", "lan"),
        ("Цагийн бүртгэл", "time"),
        ("Тусламжийн төв", "desk"),
        ("Дата төв", "dc"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_azerbaijani_schwa_and_uzbek_apostrophes_read_as_typed_without_them():
    assert normalise("Ehtiyat nüsxələmə") == normalise("Ehtiyat nusxeleme")
    assert normalise("Maʼlumotlar markazi") == normalise("Ma'lumotlar markazi")


def test_numbers_in_a_scripts_own_digits_stay_beside_latin_words():
    scorer = Scorer([Item("t", "Email")], versioned=False)
    assert scorer._without_unspelled("Office ৩৬৫") == "Office ৩৬৫"  # Bengali digits: Office 365
    assert scorer._without_unspelled("Office ৩৬৫ সার্ভার") == "Office ৩৬৫"
