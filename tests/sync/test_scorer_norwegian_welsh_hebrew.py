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
        ("גיבוי", "gqyqbqvqyq"),  # each consonant and Hebrew's mark
        ("דואר", "dqvqqrq"),  # alef the mark alone
        ("ת״א", "tqq"),  # an acronym's gershayim none
    ],
)
def test_hebrew_reads_letter_by_letter(name, read):
    assert normalise(name) == read


def test_a_word_in_hebrew_letters_spells_no_english_acronym():
    catalogue = [Item("m365", "Microsoft 365"), Item("tax", "Tax Reporting"), Item("mq", "Message Queuing")]
    assert chosen_key("מס", catalogue) == ""  # tax, no "MS"
    assert normalise('בע"מ') == normalise("בע״מ")  # Ltd, its gershayim typed as a quote: no "MQ"
    assert normalise("שרת מ׳") == normalise("שרת")  # a letter alone, a numeral
    assert chosen_key("SAP דיווח מס", [*catalogue, Item("sap", "SAP Finance")]) != "m365"


def test_hebrew_words_no_alias_reads_are_read_away_beside_latin_letters():
    lans = [Item("tlv", "Network - LAN - Tel Aviv HQ"), Item("lan", "Local Area Network")]
    assert chosen_key("LAN מטה ת״א", lans) == "lan"  # "LAN HQ TA": the LAN, its site unread
    assert chosen_key("גיבוי Gold", BACKUP) == "bGold"  # those it reads stay


def test_a_maker_in_hebrew_may_be_the_targets_in_translation():
    payroll = [Item("h", "Payroll Suite", "", "Hilan")]
    found = suggest([Item("l", "Payroll Suite", "7.2", "חילן בע״מ")], payroll, versioned=True)["l"]
    assert found and found[0].preselectable and not any("yours by" in c.why for c in found)
    hilan = suggest([Item("l", "Payroll Suite", "7.2", "חילן Ltd")], payroll, versioned=True)["l"]
    assert hilan and hilan[0].preselectable  # a legal form is no Latin name of its own
    sap = [Item("s", "Payroll Suite", "", "SAP")]  # a maker's Latin name beside Hebrew is still compared
    found = suggest([Item("l", "Payroll Suite", "7.2", "Oracle ישראל בע״מ")], sap, versioned=True)["l"]
    assert found and not found[0].preselectable and "yours by" in found[0].why


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
        ("Backup Altin", "bGold"),  # Turkish "Altın" as typed without its dotless i
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


def test_a_scope_after_a_metal_of_another_language_is_kept():
    backups = [Item("bergen", "Backup - Bergen - Gold"), Item("gold", "Backup - Gold"), *BACKUP[1:]]
    found = ranked("Backup Gull (Bergen)", backups)  # as "Backup Gold (Bergen)" is read
    assert found[0].name == "Backup - Bergen - Gold" and chosen_key("Backup Gull (Bergen)", backups) != "gold"
    assert chosen_key("Rugsteun Silwer (daagliks)", backups) == "bSilver"  # "daily": no record's word
    assert chosen_key("Sikkerhetskopi Gull (Backup)", BACKUP) == "bGold"  # a gloss of the name, no scope
