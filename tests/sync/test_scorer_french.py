"""A French-speaking organisation's names (issue 19, blind set 131, Québec): services' words as its staff
write them ("Courriel", "Centre d'appels", "Soutien de proximité"), its installs' editions ("Windows 11
Entreprise", "Office Professionnel Plus"), its environments ("- recette"; not "- Formation", a module) and
retired marks ("retiré"), read as an English catalogue's are."""

import pytest

from sync.matching import Item
from sync.scorer_environments import environment_of
from sync.scorer_retired import is_retired
from tests.sync.scoring import chosen_key, chosen_name

CATALOGUE = [  # names alone: the dictionary reads the words, no description helps
    Item("mail", "Email"),
    Item("desk", "Service Desk"),
    Item("euc", "Deskside Support"),
    Item("cc", "Contact Centre"),
    Item("filter", "Email Security"),
    Item("files", "File Shares"),
    Item("vpn", "Remote Access VPN"),
    Item("vdi", "Virtual Desktops"),
    Item("scan", "Document Scanning"),
    Item("ecm", "Document Management"),
    Item("wfm", "Workforce Management"),
    Item("fw", "Firewall"),
    Item("bill", "Billing"),
    Item("time", "Time and Attendance"),
    Item("itam", "IT Asset Management"),
    Item("print", "Printing"),
    Item("patch", "Patch Management"),
    Item("ad", "Active Directory"),
    Item("mobile", "Mobile Telephony"),
    Item("wan", "WAN Link"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Courriel", "mail"),
        ("Centre de services TI", "desk"),
        ("Soutien de proximité", "euc"),
        ("Centre d'appels", "cc"),
        ("Filtrage courriel", "filter"),
        ("Partages de fichiers", "files"),
        ("RPV", ""),  # a reactor pressure vessel too: no alias
        ("Bureaux virtuels", "vdi"),
        ("Numérisation", "scan"),
        ("Gestion documentaire", "ecm"),
        ("Gestion des effectifs", "wfm"),
        ("Pare-feu", "fw"),  # sets 229, 250, 261
        ("Facturation", "bill"),
        ("Pointage", "time"),
        ("Gestion de parc informatique", "itam"),
        ("Imprimantes", "print"),
        ("Mises à jour", "patch"),
        ("Annuaire", "ad"),
        ("Partages fichiers", "files"),  # set 284, French Polynesia
        ("Copieurs / imprimantes", "print"),
        ("Flotte mobile", "mobile"),
        ("Support postes", "euc"),
        ("Liaison WAN", "wan"),
        ("Lien inter-sites", "wan"),
    ],
)
def test_services_words_in_french_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, CATALOGUE) == expected


def test_an_installs_edition_in_french_is_that_edition():
    windows = [
        Item("pro", "Microsoft Windows 11 Pro", "11", "Microsoft"),
        Item("ent", "Microsoft Windows 11 Enterprise", "11", "Microsoft"),
    ]
    assert chosen_name("Microsoft Windows 11 Entreprise", windows, "10.0.22631", True) == windows[1].name
    assert chosen_name("Microsoft Windows 11 Professionnel", windows, "10.0.22631", True) == windows[0].name
    office = [Item("o", "Microsoft Office Professional Plus 2021", "2021", "Microsoft")]
    assert chosen_name("Microsoft Office Professionnel Plus 2021 - fr-fr", office, "16.0.14332.20615", True)


def test_its_environments_and_retired_marks_are_read():
    assert environment_of("SIRH - Formation") == ("SIRH - Formation", "")  # its training module
    assert environment_of("Oracle AQ") == ("Oracle AQ", "")  # Oracle's Advanced Queuing
    assert is_retired(Item("t", "Exchange 2016 sur site (retiré)"))
    assert is_retired(Item("t", "Ancien système vie CICS (décommissionné)"))
