"""Norwegian, Slovak, Welsh, Hebrew, Maltese and Swahili organisations' names (issue 19, blind sets 155 to
162): common IT services in those languages; Hebrew read letter by letter, its words the dictionary does not
know read away beside a name's Latin letters; a tier's metal in more languages, and without a dash where a
record of that tier has the rest of the name; "Desk" no abbreviation of "Deskside"."""

import pytest

from sync.match_rules import abbreviates
from sync.match_tiers import tiers_of
from sync.matching import Item, normalise
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import SERVICES, chosen_key, ranked

BACKUP = [Item(f"b{metal}", f"Backup and Restore - {metal}") for metal in ("Gold", "Silver", "Bronze")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sikkerhetskopi", "backup"),  # Norwegian
        ("Brukerstøtte", "desk"),
        ("Tofaktorautentisering", "mfa"),
        ("Fjernaksess", "vpn"),
        ("Datasenter", "dc"),
        ("Timeregistrering", "time"),
        ("Zdieľané disky", "files"),  # Slovak
        ("Obnova po havárii", "dr"),
        ("Lokálna sieť", "lan"),
        ("E-bost", "mail"),  # Welsh, its mutations too ("Canolfan Ddata")
        ("Copi wrth gefn", "backup"),
        ("Desg Gymorth TG", "desk"),
        ("Canolfan Ddata", "dc"),
        ("Cyflogres", "pay"),
        ("Ailosod Cyfrinair", "pwd"),
        ("Mynediad o bell", "vpn"),
        ("גיבוי", "backup"),  # Hebrew
        ("דואר אלקטרוני", "mail"),
        ("הדפסה", "print"),
        ("חתימה דיגיטלית", "sign"),
        ("Ittra elettronika", "mail"),  # Maltese
        ("Appoġġ IT", "desk"),
        ("Barua pepe", "mail"),  # Swahili
        ("Hifadhi nakala", "backup"),
        ("Mishahara", "pay"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, [*SERVICES, Item("dr", "Disaster Recovery")]) == expected


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("גיבוי", "gybvy"),
        ("דואר אלקטרוני", "dvr lktrvny"),  # alef and ayin none
        ("ת״א", "t"),  # an acronym's gershayim none
    ],
)
def test_hebrew_reads_letter_by_letter(name, read):
    assert normalise(name) == read


def test_hebrew_words_no_alias_reads_are_read_away_beside_latin_letters():
    lans = [Item("tlv", "Network - LAN - Tel Aviv HQ"), Item("lan", "Local Area Network")]
    assert chosen_key("LAN מטה ת״א", lans) == "lan"  # "LAN HQ TA": the LAN, its site unread
    assert chosen_key("גיבוי Gold", BACKUP) == "bGold"  # those it reads stay


def test_a_maker_in_hebrew_may_be_the_targets_in_translation():
    payroll = [Item("h", "Payroll Suite", "", "Hilan")]
    found = suggest([Item("l", "Payroll Suite", "7.2", "חילן בע״מ")], payroll, versioned=True)["l"]
    assert found and found[0].preselectable and not any("yours by" in c.why for c in found)


@pytest.mark.parametrize(
    ("name", "tier"),
    [
        ("Backup - Sølv", "silver"),  # Norwegian and Danish, "ø" as typed or as "o"
        ("Backup - Solv", "silver"),
        ("Backup - bronse", "bronze"),
        ("Backup - Stříbrná", "silver"),  # Czech, Slovak's "Strieborná"
        ("Backup - Strieborná", "silver"),
        ("Backup - Kulta", "gold"),  # Finnish
        ("Backup - Hõbe", "silver"),  # Estonian
        ("Backup - Gümüş", "silver"),  # Turkish
        ("Backup - Efydd", "bronze"),  # Welsh
        ("Package Mirrors - AUR", ""),  # Arch Linux's user repository, a tier only where one has the rest
        ("Payments - Arian", ""),  # Welsh money
    ],
)
def test_a_tiers_metal_in_more_languages(name, tier):
    assert tiers_of(name) == ({tier} if tier else set())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Copi wrth gefn - Aur", "bGold"),  # Welsh gold, as AUR is no tier elsewhere
        ("Copi wrth gefn - Arian", "bSilver"),
        ("Sikkerhetskopi Gull", "bGold"),  # a metal without a dash
        ("Rugsteun Silwer (daagliks)", "bSilver"),  # before a remark
        ("Respaldos Bronce", "bBronze"),
    ],
)
def test_a_metal_of_another_language_is_the_tier_a_record_of_the_rest_has(name, expected):
    assert chosen_key(name, BACKUP) == expected


def test_a_metal_that_is_another_word_is_no_tier_where_no_record_has_the_rest():
    mirrors = [Item("m", "Package Mirrors"), Item("g", "Backup - Gold")]
    found = ranked("Package Mirrors - AUR", mirrors)  # the AUR's mirror is no "Package Mirrors" surely
    assert found[0].name == "Package Mirrors" and found[0].score < PRESELECT_AT


def test_a_welsh_councils_scopes():
    printing = [Item(s, f"Print Services - {s}") for s in ("County Hall", "Schools", "Libraries")]
    assert chosen_key("Argraffu Ysgolion", printing) == "Schools"
    assert chosen_key("Argraffu - Neuadd y Sir", printing) == "County Hall"


def test_desk_abbreviates_no_deskside():
    assert abbreviates(("service", "desk"), ("service", "deskside")) == ""
    desks = [
        Item("sd", "End User - Service Desk - Gold"),
        Item("sd2", "End User - Service Desk - Silver"),
        Item("ds", "End User - Desktop Support - Makati HQ"),
    ]
    assert chosen_key("Desktop support (deskside)", desks) not in ("sd", "sd2")
