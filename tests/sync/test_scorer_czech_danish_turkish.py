"""Czech, Slovak, Danish and Turkish organisations' names (issue 19, blind sets 131 to 134): services' words
as staff write them ("Zálohování", "Mzdy", "Sikkerhedskopiering", "Yedekleme"), their catalogues'
environments ("testovací prostředí", "testmiljø", "eğitim ortamı") and marks of retired records
("vyřazeno", "udfaset", "iptal"), read as an English catalogue's are; a word the dictionary knows only
inside a phrase is none of its words alone, an install's language tag or name ("- tr-tr", "Čeština") is
none of its product's words, nor its "klient" another product, a compound's head is another record's word
too, and a name given two ways between slashes is no record other than the one either way surely names."""

import pytest

from sync.match_acronyms import little_words
from sync.matching import Item
from sync.scorer import PRESELECT_AT
from sync.scorer_environments import environment_of, kinds_of
from sync.scorer_retired import is_retired
from tests.sync.scoring import chosen_key, chosen_name, ranked

CATALOGUE = [  # names alone: the dictionary reads the words, no description helps
    Item("backup", "Backup and Recovery"),
    Item("pay", "Payroll"),
    Item("desk", "Desktop Support"),
    Item("vpn", "Remote Access VPN"),
    Item("pki", "PKI and Certificates"),
    Item("vuln", "Vulnerability Management"),
    Item("time", "Time and Attendance"),
    Item("mobile", "Mobile Telephony"),
    Item("hw", "Hardware Procurement"),
    Item("net", "Network Services"),
    Item("dwh", "Data Warehouse"),
    Item("fw", "Perimeter Firewall"),
    Item("cc", "Contact Centre"),
    Item("dr", "Disaster Recovery"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Zálohování", "backup"),
        ("Zalohovanie", "backup"),  # Slovak, without its accent
        ("Sikkerhedskopiering", "backup"),
        ("Yedekleme", "backup"),
        ("Mzdy", "pay"),
        ("Bordro", "pay"),
        ("Podpora uzivatelu", "desk"),
        ("Vzdálený přístup", "vpn"),
        ("Fjernadgang", "vpn"),
        ("Uzaktan erisim", "vpn"),
        ("Certifikáty", "pki"),
        ("Skenovani zranitelnosti", "vuln"),
        ("Docházka", "time"),
        ("Mobilni telefony", "mobile"),
        ("Nákup HW", "hw"),
        ("Netværk", "net"),
        ("Netvaerk", "net"),  # æ typed as ae
        ("Veri ambarı", "dwh"),
        ("Guvenlik duvari", "fw"),
        ("Çağrı merkezi", "cc"),
        ("Felaket kurtarma", "dr"),
    ],
)
def test_services_words_in_czech_slovak_danish_or_turkish_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, CATALOGUE) == expected


@pytest.mark.parametrize(
    ("name", "read", "kind"),
    [
        ("Citrix testovaci prostredi", ("Citrix", "testovaci prostredi"), "test"),
        ("Helios - testovací prostředí", ("Helios", "testovací prostředí"), "test"),
        ("S4 skolici prostredi", ("S4", "skolici prostredi"), "training"),
        ("Opus Løn testmiljø", ("Opus Løn", "testmiljø"), "test"),
        ("Momentum - uddannelsesmiljoe", ("Momentum", "uddannelsesmiljoe"), "training"),
        ("Cicero - kursusmiljø", ("Cicero", "kursusmiljø"), "training"),
        ("Digitalt uddannelsesmiljø", ("Digitalt uddannelsesmiljø", ""), ""),  # a learning platform
        ("Transact egitim ortami", ("Transact", "egitim ortami"), "training"),
        ("Internet bankacılığı test ortamı", ("Internet bankacılığı", "test ortamı"), "test"),
        ("Transact EĞİTİM ORTAMI", ("Transact", "EĞİTİM ORTAMI"), "training"),  # "İ" lowers to "i̇"
        ("Eğitim", ("Eğitim", ""), ""),  # a service of its own
    ],
)
def test_their_environments_are_read(name, read, kind):
    assert environment_of(name) == read
    assert kinds_of(read[1]) == ({kind} if kind else set())


def test_a_name_and_its_environment_find_the_records_of_that_environment():
    catalogue = [
        Item("apps", "Virtual Applications (Citrix)"),
        Item("test", "Virtual Applications (Citrix) - TEST"),
    ]
    assert chosen_key("Citrix testovaci prostredi", catalogue) == "test"
    assert chosen_key("Citrix", catalogue) == "apps"


@pytest.mark.parametrize(
    "name",
    [
        "Skype for Business - vyřazeno",
        "Lotus Notes (zruseno)",
        "KMD Care (udfaset)",
        "DDElibra - nedlagt",
        "Cognos Raporlama (kullanım dışı)",
        "Avaya Cagri Merkezi - kullanım dışı",
        "Avaya Cagri Merkezi - KULLANIM DIŞI",  # "DIŞI" lowers to "dişi"
    ],
)
def test_their_catalogues_marks_of_a_retired_record_are_read(name):
    assert is_retired(Item("t", name))
    assert not is_retired(Item("t", "Kredi Karti - Iptal"))  # "iptal" is a card's cancellation too


def test_danish_and_turkish_little_words_are_no_words_a_name_gives():
    assert little_words("Pas og kørekort") == {"og"}
    assert little_words("Vergi ve SGK Tahsilati") == {"ve"}
    assert little_words("Bureau af Statistik") == {"af"}


def test_a_word_the_dictionary_knows_only_inside_a_phrase_is_another_languages_alone():
    # "Sprava" is known in "Sprava zranitelnosti" (vulnerability management), not in "Sprava uctu"
    catalogue = [
        Item(
            "users", "User Account Management", context="Joiners and leavers (nastup/vystup) in AD and SAP."
        ),
        Item("vuln", "Vulnerability Management"),
    ]
    found = ranked("Sprava uctu nastup/vystup", catalogue)
    assert found and found[0].target_id == "users" and not found[0].preselectable
    assert "read without Sprava, uctu, which no record has" in found[0].why


def test_a_word_another_records_details_give_as_a_compounds_head_is_no_sure_description():
    catalogue = [
        Item(
            "booking",
            "Citizen Service Appointment Booking",
            context="Tidsbestilling til pas, kørekort og borgerservice.",
        ),
        Item(
            "licences",
            "Passport and Driving Licence Processing",
            context="Pas- og kørekortsagsbehandling i Borgerservice.",
        ),
    ]
    assert chosen_key("Pas og kørekort", catalogue) == ""
    assert chosen_key("Pas og kørekort", catalogue[:1]) == "booking"  # no other record has the word
    accounts = [
        Item("acc", "Customer Accounts", context="Account management and billing."),
        Item("rep", "Finance Reporting", context="Accountants and management reporting."),
    ]
    assert (
        chosen_key("Account Management", accounts) == "acc"
    )  # "Accountants" is an English word, no compound


def test_a_name_between_slashes_one_of_whose_names_surely_finds_a_record_pre_selects_no_other():
    catalogue = [
        Item("files", "File Services", context="Fællesdrev og personlige drev på Windows Server DFS."),
        Item("files-dr", "File Services - DR", context="Replikerede filservere i DC2 til genetablering."),
    ]
    assert chosen_key("Fællesdrev", catalogue) == "files"
    assert chosen_key("Fællesdrev / filservere", catalogue) == ""  # its description alone says the DR one
    found = ranked("Fællesdrev / filservere", catalogue)
    assert found[0].target_id == "files-dr" and found[0].score < PRESELECT_AT
    assert "each of its names between slashes: one is File Services" in found[0].why
    exact = [Item("both", "SOC / SIEM"), Item("soc", "Security Operations Center")]
    assert chosen_key("SOC / SIEM", exact) == "both"  # its own name, whatever either name finds


@pytest.mark.parametrize(
    ("name", "version", "target"),
    [
        (
            "Microsoft 365 Apps for enterprise - tr-tr",
            "16.0.17328.20282",
            "Microsoft 365 Apps for enterprise",
        ),
        ("Skype for Business 2016 - cs-cz", "16.0.5435.1000", "Skype for Business"),
        ("Adobe Acrobat Reader DC - Turkce", "24.002.20759", "Adobe Acrobat Reader"),
        ("SBSYS Klient", "5.5.1", "SBSYS"),  # its client, as Danish and Czech installs name it
        ("Helios Orange klient", "2.0.2020.1101", "HELIOS Orange"),
    ],
)
def test_an_installs_language_and_client_in_their_words_are_read(name, version, target):
    assert chosen_name(name, [Item("t", target, "", "")], version, True) == target
