"""Finnish, Romanian and Hungarian organisations' names (issue 19, blind sets 135, 136 and 138): services'
words as staff write them ("Varmuuskopiointi", "Etäyhteys", "Salarizare", "Rețea locală", "Biztonsági mentés",
"Távoli hozzáférés"), their catalogues' environments ("testiympäristö", "- mediu de test", "teszt
környezet") and marks of retired records ("käytöstä poistettu", "dezafectat", "kivezetve"), read as an
English catalogue's are; a portfolio record says it is no longer used among other words in its brackets
("(régi, kivezetve)")."""

import pytest

from sync.matching import Item
from sync.scorer_environments import environment_of, kinds_of
from sync.scorer_retired import is_retired
from tests.sync.scoring import chosen_key, ranked

CATALOGUE = [  # names alone: the dictionary reads the words, no description helps
    Item("mail", "Email"),
    Item("backup", "Backup and Recovery"),
    Item("pay", "Payroll"),
    Item("vpn", "Remote Access VPN"),
    Item("lan", "Local Area Network"),
    Item("guest", "Guest Wi-Fi"),
    Item("av", "Endpoint Protection"),
    Item("mfa", "Multi-Factor Authentication"),
    Item("fw", "Firewall Management"),
    Item("files", "File Shares"),
    Item("mnp", "Number Portability"),
    Item("sign", "Electronic Signature"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sähköposti", "mail"),
        ("Sahkoposti", "mail"),  # without its letters ä and ö
        ("Posta electronica", "mail"),
        ("Varmuuskopiointi", "backup"),
        ("Backup si restaurare", "backup"),
        ("Palkanlaskenta", "pay"),
        ("Salarizare", "pay"),
        ("Etäyhteys", "vpn"),
        ("Fjärråtkomst", "vpn"),  # Swedish, as Finland's Swedish-speaking staff write it
        ("Acces la distanta", "vpn"),
        ("Lähiverkko", "lan"),
        ("Rețea locală", "lan"),
        ("Vierasverkko", "guest"),
        ("Virustorjunta", "av"),
        ("Monivaiheinen tunnistautuminen", "mfa"),
        ("Palomuurit", "fw"),
        ("Fisiere partajate", "files"),
        ("Portabilitate numere", "mnp"),
        ("Semnatura electronica", "sign"),
        ("Biztonsági mentés", "backup"),
        ("Bérszámfejtés", "pay"),
        ("Tavoli hozzaferes", "vpn"),
        ("Vírusvédelem", "av"),
        ("Tűzfalak", "fw"),
        ("Fajlszerver", "files"),
    ],
)
def test_services_words_in_finnish_romanian_or_hungarian_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, CATALOGUE) == expected


@pytest.mark.parametrize(
    ("name", "read", "kind"),
    [
        ("CIS testiympäristö", ("CIS", "testiympäristö"), "test"),
        ("CIS koulutusympäristö", ("CIS", "koulutusympäristö"), "training"),
        ("Frends - testi", ("Frends", "testi"), "test"),
        ("Gestione testi", ("Gestione testi", ""), ""),  # Italian for texts
        ("Genesys - mediu de test", ("Genesys", "mediu de test"), "test"),
        ("Amdocs - mediu de instruire", ("Amdocs", "mediu de instruire"), "training"),
        ("Citrix teszt környezet", ("Citrix", "teszt környezet"), "test"),
        ("SAP oktatási környezet", ("SAP", "oktatási környezet"), "training"),
        ("Instruire securitate", ("Instruire securitate", ""), ""),  # a service of its own
    ],
)
def test_their_environments_are_read(name, read, kind):
    assert environment_of(name) == read
    assert kinds_of(read[1]) == ({kind} if kind else set())


@pytest.mark.parametrize(
    "name",
    [
        "Raindance (poistettu käytöstä)",
        "Intranet SharePoint 2016 - kaytosta poistettu",
        "Exchange 2013 on-prem (dezafectat)",
        "Skype for Business (retras din uz)",
        "Payroll - Kulcs-Bér (megszüntetve)",
        "Symantec vírusvédelem - kivezetve",
    ],
)
def test_their_catalogues_marks_of_a_retired_record_are_read(name):
    assert is_retired(Item("t", name))


def test_a_portfolio_record_says_it_is_no_longer_used_among_other_words_in_its_brackets():
    catalogue = [
        Item("qms", "[RETIRED] Quality Management System (TrackWise 8)"),
        Item(
            "archive",
            "GxP Data Archiving",
            context="Archiving of retired GxP data (legacy LIMS, TrackWise 8).",
        ),
    ]
    for name in ("Trackwise 8 (régi, kivezetve)", "Trackwise 8 (old, retired)"):
        found = ranked(name, catalogue)
        assert chosen_key(name, catalogue) == ""  # not the live archive its details name the product in
        assert (
            "your record says it is no longer used"
            in found[[c.target_id for c in found].index("archive")].why
        )
