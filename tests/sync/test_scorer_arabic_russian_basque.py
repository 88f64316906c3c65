"""Arabic, Russian, Basque, Galician, Irish, Māori, Albanian and Hinglish names (issue 19, blind sets 163 to
170): Arabic read letter by letter; the words of a run in such letters that an alias reads kept and the
others read away beside Latin letters; common IT services in those languages; Irish places; and cover out of
hours alone, which a name without hours is not surely."""

import pytest

from sync.matching import Item, normalise
from sync.scorer import Scorer
from tests.sync.scoring import SERVICES, chosen_key, ranked


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("البريد", "axlxbxrxyxdx"),  # each consonant and Arabic's mark
        ("الإلكتروني", "axlxaxlxkxtxrxwxnxyx"),
        ("الالكتروني", "axlxaxlxkxtxrxwxnxyx"),  # the hamza's alif as the bare one
    ],
)
def test_arabic_reads_letter_by_letter(name, read):
    assert normalise(name) == read


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("البريد الإلكتروني", "mail"),  # Arabic
        ("النسخ الاحتياطي", "backup"),
        ("الرواتب", "pay"),
        ("الطباعة", "print"),
        ("Электронная почта", "mail"),  # Russian
        ("Резервное копирование", "backup"),
        ("Техподдержка", "desk"),
        ("Локальная сеть", "lan"),
        ("Posta elektronikoa", "mail"),  # Basque
        ("Babeskopiak", "backup"),
        ("Pasahitza berrezarri", "pwd"),
        ("Copias de seguranza", "backup"),  # Galician
        ("Ríomhphost", "mail"),  # Irish
        ("Cúltaca", "backup"),
        ("Deasc Chabhrach TF", "desk"),
        ("Īmēra", "mail"),  # Māori
        ("Utu Kaimahi", "pay"),
        ("Posta elektronike", "mail"),  # Albanian
        ("Kopje rezervë", "backup"),
        ("Mbështetje IT", "desk"),
        ("Qasje në distancë", "vpn"),
        ("Vetan", "pay"),  # Hindi, as Indian staff write it
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_of_a_run_in_arabic_letters_only_the_words_an_alias_reads_are_kept():
    cctv = [Item(site, f"Video Surveillance (CCTV) - {site}") for site in ("AAN", "AUH")]
    assert chosen_key("CCTV AAN - كاميرات المراقبة العين", cctv) == "AAN"  # Al Ain's name left unread
    scorer = Scorer(cctv, versioned=False)
    assert scorer._without_unspelled("CCTV - كاميرات المراقبة العين") == "CCTV - كاميرات المراقبة"


def test_irish_places_as_an_irish_body_writes_them():
    lans = [Item(site, f"Network - LAN - {site}") for site in ("Cork", "Galway", "Dublin HQ")]
    assert chosen_key("LAN Corcaigh", lans) == "Cork"
    assert chosen_key("LAN Gaillimh", lans) == "Galway"
    assert chosen_key("LAN Baile Átha Cliath", lans) == "Dublin HQ"


def test_cover_out_of_hours_alone_is_no_name_without_hours_surely():
    desks = [Item("group", "Service Desk - Group"), Item("after", "Service Desk - After Hours")]
    found = ranked("Service Desk", desks)
    assert found[0].name == "Service Desk - After Hours" and not found[0].preselectable
    assert chosen_key("Service Desk out of hours", desks) == "after"
    assert chosen_key("Service Desk", [desks[1]]) == "after"  # no record of it without hours beside it


@pytest.mark.parametrize("name", ["LVS", "VKS"])  # Linux Virtual Server; vSphere Kubernetes Service
def test_a_latin_acronym_is_no_cyrillic_aliass_reading(name):
    assert chosen_key(name, [*SERVICES, Item("vc", "Video Conferencing")]) == ""
