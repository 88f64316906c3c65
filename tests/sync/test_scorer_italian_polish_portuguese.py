"""Italian, Polish, Brazilian and German-speaking organisations' names (issue 19, blind sets 127 to 130):
services' words as staff write them ("Posta elettronica", "Kopie zapasowe", "Correio eletrônico",
"Datensicherung"), their catalogues' environments ("- Collaudo", "- środowisko testowe", "[HOMOLOG]", "HML")
and marks of retired records ("(DISMESSO)", "[WYCOFANA]", "[DESATIVADO]"), read as an English catalogue's
are; the little words of their names ("de", "di", "y") pass as "of" and "and" do."""

import pytest

from sync.match_acronyms import initials, little_words
from sync.match_products import product_words
from sync.matching import Item, normalise
from sync.scorer_environments import environment_bracketed, environment_of, kinds_of
from sync.scorer_retired import is_retired
from tests.sync.scoring import chosen_key

CATALOGUE = [  # names alone: the dictionary reads the words, no description helps
    Item("mail", "Email"),
    Item("backup", "Backup and Recovery"),
    Item("print", "Print Services"),
    Item("cctv", "CCTV"),
    Item("door", "Physical Access Control"),
    Item("swd", "Software Distribution"),
    Item("dwh", "Data Warehouse"),
    Item("pay", "Payroll"),
    Item("lan", "Local Area Network"),
    Item("wifi", "Wi-Fi"),
    Item("vuln", "Vulnerability Management"),
    Item("mfa", "Multi-Factor Authentication"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Posta elettronica", "mail"),
        ("Correio eletrônico", "mail"),
        ("Poczta elektroniczna", "mail"),
        ("Kopie zapasowe", "backup"),
        ("Datensicherung", "backup"),
        ("Backup e ripristino", "backup"),
        ("Gestione stampanti", "print"),
        ("Drukarki", "print"),
        ("Videosorveglianza", "cctv"),
        ("Zutrittskontrolle", "door"),
        ("Kontrola dostępu", "door"),
        ("Softwareverteilung", "swd"),
        ("Hurtownia danych", "dwh"),
        ("Paghe e stipendi", "pay"),
        ("Kadry i place", "pay"),  # "Kadry i płace", as staff type it without its letter ł
        ("Rete locale", "lan"),
        ("Rede sem fio", "wifi"),
        ("Gestão de vulnerabilidades", "vuln"),
        ("Autenticação multifator", "mfa"),
    ],
)
def test_services_words_in_italian_polish_portuguese_or_german_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, CATALOGUE) == expected


def test_a_word_that_is_english_or_another_languages_too_is_no_alias_alone():
    """ "Płace" (payroll) folds to "place", "Rede" is German for a speech: only the phrases are the
    dictionary's ("Kadry i płace", "Rede de dados")."""
    assert chosen_key("Place", CATALOGUE) == ""
    network = [Item("net", "Network Services"), Item("talk", "Speech Recognition")]
    assert chosen_key("Rede de dados", network) == "net"
    assert chosen_key("Rede", network) == "" and chosen_key("Rete", network) == ""


def test_letters_unicode_does_not_decompose_are_folded_as_staff_type_them():
    assert normalise("Wysyłka przesyłek") == normalise("Wysylka przesylek") == "wysylka przesylek"
    assert normalise("Straße") == "strasse"
    assert normalise("Støtte") == "stotte"
    assert product_words("Wysyłka Støtte") == ("wysylka", "stotte")


@pytest.mark.parametrize(
    ("name", "read", "kind"),
    [
        ("SEI HML", ("SEI", "HML"), "test"),
        ("AGHU - HML", ("AGHU", "HML"), "test"),
        ("Sistema acadêmico - Homologação", ("Sistema acadêmico", "Homologação"), "test"),
        ("Sistema acadêmico - Treinamento", ("Sistema acadêmico", "Treinamento"), "training"),
        ("ERP SAP S/4HANA - Collaudo", ("ERP SAP S/4HANA", "Collaudo"), "test"),
        ("MES - Formazione", ("MES", "Formazione"), "training"),
        (
            "Zarządzanie magazynem WMS - środowisko testowe",
            ("Zarządzanie magazynem WMS", "środowisko testowe"),
            "test",
        ),
        ("Kasy - srodowisko szkoleniowe", ("Kasy", "srodowisko szkoleniowe"), "training"),
        ("Kasy  -  środowisko  testowe", ("Kasy", "środowisko  testowe"), "test"),  # however spaced
        ("Corsi di formazione", ("Corsi di formazione", ""), ""),  # a service of its own
        ("E-learning e formazione", ("E-learning e formazione", ""), ""),
        ("Gene Homolog", ("Gene Homolog", ""), ""),  # a biologist's word
    ],
)
def test_their_environments_are_read(name, read, kind):
    assert environment_of(name) == read
    assert kinds_of(read[1]) == ({kind} if kind else set())


def test_an_environment_in_square_brackets_before_the_name_is_the_records():
    assert environment_bracketed("[HOMOLOG] Sistema de recursos humanos") == (
        "Sistema de recursos humanos",
        "HOMOLOG",
    )
    assert environment_bracketed("[TEST] CRM sprzedaży B2B") == ("CRM sprzedaży B2B", "TEST")
    assert environment_bracketed("[GOLD] CRM") == ("[GOLD] CRM", "")
    assert environment_bracketed("[QA] Quality Assurance") == ("[QA] Quality Assurance", "")  # its initials
    catalogue = [
        Item("hr", "Sistema de recursos humanos"),
        Item("hr-hml", "[HOMOLOG] Sistema de recursos humanos"),
        Item("hr-trn", "Sistema de recursos humanos - Treinamento"),
    ]
    assert chosen_key("Sistema de recursos humanos", catalogue) == "hr"
    assert chosen_key("Sistema de recursos humanos HML", catalogue) == "hr-hml"


@pytest.mark.parametrize(
    "name",
    [
        "Reportistica QlikView (DISMESSO)",
        "[WYCOFANA] Sieć WAN MPLS",
        "[DESATIVADO] Cluster Jatobá",
    ],
)
def test_their_catalogues_marks_of_a_retired_record_are_read(name):
    assert is_retired(Item("t", name))


def test_the_little_words_of_their_names_are_no_initials():
    for name, acronym in (
        ("Sistema Eletrônico de Informações", "sei"),
        ("Sistema Integrado di Gestione", "sig"),
    ):
        assert initials(normalise(name).split(), little_words(name)) == acronym
    assert little_words("DEI Analytics") == little_words("Payroll DE") == frozenset()  # acronyms, codes
    catalogue = [Item("sei", "Sistema Eletrônico de Informações"), Item("sig", "Sistema de Gestão")]
    assert chosen_key("SEI", catalogue) == "sei"
