"""Greek, Brazilian, Estonian, Latvian, Lithuanian and Indonesian organisations' names (issue 19, blind sets
139 to 142): services' words as staff write them, in Greek letters too ("Μισθοδοσία", "Folha de pagamento",
"Varundus", "Algu aprēķins", "Penggajian"), their environments ("ambiente de QA", "testkeskkond"), marks of
retired records ("descontinuado", "tidak aktif") and installs' languages ("- el-gr", "- Eesti"), read as an
English catalogue's are."""

import pytest

from sync.matching import Item, normalise, preselect
from sync.scorer import PRESELECT_AT, suggest
from sync.scorer_environments import environment_of, kinds_of
from sync.scorer_retired import is_retired
from tests.sync.scoring import SERVICES, chosen_key, chosen_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Correio corporativo", "mail"),  # Brazilian
        ("Copia de seguranca", "backup"),
        ("Outsourcing de impressão", "print"),
        ("Servidor de arquivos", "files"),
        ("Banco de dados", "db"),
        ("Monitoramento de infraestrutura", "mon"),
        ("Ponto eletronico", "time"),
        ("Varundus", "backup"),  # Estonian
        ("Palgaarvestus", "pay"),
        ("Vorgukettad", "files"),
        ("Kaugligipääs", "vpn"),
        ("Viirusetorje", "av"),
        ("Andmekeskus", "dc"),
        ("Algu aprēķins", "pay"),  # Latvian
        ("Tikla diski", "files"),
        ("Datu centrs", "dc"),
        ("Darbo užmokestis", "pay"),  # Lithuanian
        ("Tinklo diskai", "files"),
        ("Elektroninis parašas", "sign"),
        ("Surat Elektronik", "mail"),  # Indonesian
        ("Penggajian", "pay"),
        ("Cadangan Data", "backup"),
        ("Pusat Data", "dc"),
        ("Absensi", "time"),
        ("Μισθοδοσία", "pay"),  # Greek, in its letters
        ("ΜΙΣΘΟΔΟΣΙΑ", "pay"),
        ("Misthodosia", "pay"),  # and as staff type it in Latin letters
        ("Ηλεκτρονικό ταχυδρομείο", "mail"),
        ("Κινητή τηλεφωνία", "mobile"),
        ("Kiniti tilefonia", "mobile"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Μισθοδοσία υπαλλήλων", "misthodosia ypallilon"),
        ("Ηλεκτρονικό ταχυδρομείο", "ilektroniko tachydromeio"),  # "ου" as Greeklish writes it
        ("ΕΥΡΩΠΗ", "evropi"),
        ("Электронная почта", "elektronnaya pochta"),  # Cyrillic, as a Russian passport transliterates
        ("Сергей", "sergei"),  # "й" as the "и" it decomposes to
        ("Резервне копіювання", "rezervne kopiyuvannya"),  # Ukrainian
        ("Управљање документима", "upravljanje dokumentima"),  # Serbian's own letters
        ("Προϋπολογισμός", "proypologismo"),  # a diaeresis keeps its vowels apart
        ("µTorrent", "utorrent"),  # the micro sign as typed, no Greek "m"
        ("Wysyłka", "wysylka"),  # the letters no decomposition gives, as before
    ],
)
def test_greek_and_cyrillic_letters_read_as_latin_ones(written, read):
    assert normalise(written) == read


@pytest.mark.parametrize(
    ("name", "read", "kind"),
    [
        ("VTEX ambiente de QA", ("VTEX", "ambiente de QA"), "test"),
        ("Protheus - ambiente de homologação", ("Protheus", "ambiente de homologação"), "test"),
        ("Protheus ambiente de treinamento", ("Protheus", "ambiente de treinamento"), "training"),
        ("Loja - Teste", ("Loja", "Teste"), "test"),
        ("CarLo testkeskkond", ("CarLo", "testkeskkond"), "test"),
        ("WMS - koolituskeskkond", ("WMS", "koolituskeskkond"), "training"),  # after a dash only
        ("Ambiente de trabalho digital", ("Ambiente de trabalho digital", ""), ""),  # a workplace
    ],
)
def test_their_environments_are_read(name, read, kind):
    assert environment_of(name) == read
    assert kinds_of(read[1]) == ({kind} if kind else set())


@pytest.mark.parametrize(
    "name",
    [
        "Skype for Business (descontinuado)",
        "Impressoras fiscais ECF (desativadas)",
        "Lotus Notes (tidak aktif)",
    ],
)
def test_their_catalogues_marks_of_a_retired_record_are_read(name):
    assert is_retired(Item("t", name))


SOFTWARE = [
    Item("m365", "Microsoft 365 Apps for enterprise", "", "Microsoft"),
    Item("reader", "Adobe Acrobat Reader", "", "Adobe"),
    Item("acad", "AutoCAD", "2024", "Autodesk"),
]


@pytest.mark.parametrize(
    ("name", "version", "expected"),
    [
        (
            "Microsoft 365 Apps for enterprise - el-gr",
            "16.0.17928.20114",
            "Microsoft 365 Apps for enterprise",
        ),
        (
            "Microsoft 365 Apps for enterprise - et-ee",
            "16.0.17928.20156",
            "Microsoft 365 Apps for enterprise",
        ),
        (
            "Microsoft 365 Apps para Grandes Empresas - pt-br",
            "16.0.17726.20160",
            "Microsoft 365 Apps for enterprise",
        ),
        ("Adobe Acrobat Reader DC - Eesti", "24.003.20112", "Adobe Acrobat Reader"),
        ("Adobe Acrobat Reader DC - Greek", "24.002.20933", "Adobe Acrobat Reader"),
        ("Autodesk AutoCAD 2024 - Português (Brasil)", "24.3.61.0", "AutoCAD"),
    ],
)
def test_an_installs_language_is_read_away(name, version, expected):
    assert chosen_name(name, SOFTWARE, version, versioned=True) == expected


def test_a_word_opening_a_longer_name_in_another_language_names_no_record():
    catalogue = [
        Item(
            "kur",
            "Lending - KUR Program (SIKP)",
            context="Business Service. Kredit Usaha Rakyat subsidised credit eligibility checks.",
        ),
        Item(
            "consumer", "Lending - Loan Origination - Consumer", context="Business Service. Consumer loans."
        ),
    ]
    assert chosen_key("Kredit", catalogue) == ""  # "Kredit Usaha Rakyat" is a programme of its own
    plus = [Item("shop", "Online Shop", context="Shopify Plus webshop for cheese and hampers")]
    assert chosen_key("Shopify", plus) == "shop"  # "Plus" is an English word: Shopify's edition
    made = [Item("gl", "General Ledger", context="Sage Intacct general ledger and consolidation.")]
    assert chosen_key("Sage", made) == "gl"  # a maker and one product's name: not a longer name


def test_an_environments_record_is_no_pre_selection_beside_its_services_live_scopes():
    catalogue = [
        Item("cajamar", "Warehouse Management - DC Sao Paulo (Cajamar)"),
        Item("extrema", "Warehouse Management - DC Minas Gerais (Extrema)"),
        Item("nonprod", "Warehouse Management - Non-Prod"),
    ]
    assert chosen_key("WMS", catalogue) == ""  # not the QA and training copy: a person chooses
    assert chosen_key("WMS homologacao", catalogue) == "nonprod"


def test_a_translated_names_description_gives_its_words_as_the_english_name_would():
    catalogue = [
        Item(
            "alm",
            "Risk Management - ALM & Liquidity",
            context="Business Service. Asset-liability management, LCR and interest rate risk.",
        ),
        Item("itsm", "IT Service Management - ServiceNow Platform"),
    ]
    for name in ("IT Asset Management", "Manajemen Aset TI"):  # the alias's words, "IT Asset", as written
        assert chosen_key(name, catalogue) == ""
    aliases = [("Gestione asset IT", "IT Asset Management")]  # an admin's alias reads so too
    found = suggest([Item("l", "Gestione asset IT")], catalogue, versioned=False, aliases=aliases)["l"]
    assert preselect(found, PRESELECT_AT) is None
