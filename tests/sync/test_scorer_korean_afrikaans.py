"""Korean and South African organisations' names (issue 19, blind sets 153 and 154): Hangul read letter by
letter as the Revised Romanization writes each letter; the Korean words the dictionary knows ("이메일",
"백업", "원격 접속") and those it does not, read away beside a name's Latin letters ("천안 사무실 LAN");
Afrikaans words ("Rugsteun", "Datasentrum"); and a maker written in Hangul, which may be the target's in
translation."""

import pytest

from sync.matching import Item, normalise
from sync.scorer import suggest
from tests.sync.scoring import SERVICES, chosen_key, chosen_name


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("이메일", "imeil"),
        ("백업", "baekeop"),
        ("급여 관리", "geupyeo gwanri"),
        ("위키", "wiki"),
        ("IT 헬프데스크", "it helpeudeseukeu"),
    ],
)
def test_hangul_reads_letter_by_letter(name, read):
    assert normalise(name) == read


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("이메일", "mail"),  # Korean
        ("백업", "backup"),
        ("급여 관리", "pay"),
        ("헬프데스크", "desk"),
        ("VPN 원격 접속", "vpn"),  # the Korean words the dictionary knows are kept
        ("안티바이러스", "av"),
        ("천안 사무실 LAN", "lan"),  # and those it does not are read away beside Latin letters
        ("Service Desk (서비스 데스크)", "desk"),  # a gloss
        ("Rugsteun", "backup"),  # Afrikaans
        ("Datasentrum", "dc"),
        ("Salarisse", "pay"),
        ("Afstandtoegang", "vpn"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_a_korean_name_the_dictionary_does_not_know_finds_nothing_surely():
    assert chosen_key("보고서 관리", SERVICES) == ""  # report management


def test_a_tier_in_afrikaans():
    backup = [Item(f"b{metal}", f"Backup and Restore - {metal}") for metal in ("Gold", "Silver", "Bronze")]
    assert chosen_key("Rugsteun - Goud", backup) == "bGold"
    assert chosen_key("Rugsteun - Silwer", backup) == "bSilver"


def test_a_maker_in_hangul_may_be_the_targets_in_translation():
    catalogue = [Item("pdf", "Hancom PDF", "", "Hancom")]
    found = suggest([Item("l", "한컴PDF", "11.0.0.1890", "(주)한글과컴퓨터")], catalogue, versioned=True)["l"]
    assert found[0].name == "Hancom PDF" and found[0].preselectable
    assert not any("yours by" in c.why for c in found)


def test_a_maker_in_cyrillic_letters_is_still_compared():
    browser = [Item("g", "Browser", "", "Google")]
    found = suggest([Item("l", "Browser", "24.1", "ООО Яндекс")], browser, versioned=True)["l"]
    assert found and not found[0].preselectable and "yours by ООО Яндекс" in found[0].why


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("백신", ""),  # "vaccine": an antivirus in IT slang, a vaccination in a hospital's catalogue
        ("급여", ""),  # pay, and what Korean health insurance covers
        ("E-POS", ""),  # an electronic point of sale, not Afrikaans "e-pos"
    ],
)
def test_words_that_say_more_than_their_group_are_not_in_the_dictionary(name, expected):
    assert chosen_key(name, [*SERVICES, Item("pos", "Point of Sale")]) == expected


def test_an_installs_language_in_afrikaans_and_korean_is_read_away():
    office = [Item("o", "Microsoft Office Professional Plus", "2019", "Microsoft")]
    for name in (
        "Microsoft Office Professional Plus 2019 - af-za",
        "Microsoft Office Professional Plus 2019 - 한국어",
    ):
        assert (
            chosen_name(name, office, "16.0.10417.20012", versioned=True)
            == "Microsoft Office Professional Plus"
        )
