"""Spanish and Swedish organisations' names (issue 19, blind sets 125 and 126): services' words as staff write
them in Spanish or Catalan ("Nóminas", "Control de presencia", "Correo electrónico", "Xarxa"), their
environments ("PRE", "[PRE]", "testmiljö") and a Swedish catalogue's mark of a retired record
("(Avvecklad)"), read as an English catalogue's are."""

import pytest

from sync.matching import Item
from sync.scorer import suggest
from sync.scorer_environments import environment_of, kinds_of
from sync.scorer_retired import is_retired
from tests.sync.scoring import chosen_key, chosen_name

CATALOGUE = [  # names alone: the dictionary reads the words, no description helps
    Item("pay", "Payroll"),
    Item("pay-pre", "Payroll [PRE]"),
    Item("time", "Time and Attendance"),
    Item("ad", "Active Directory"),
    Item("mail", "Email"),
    Item("bill", "Billing"),
    Item("phone", "Telephony"),
    Item("lan", "Network Services"),
    Item("lis", "Laboratory Information System", context="Werfen Modulab for the core laboratories"),
    Item("lis-pre", "Laboratory Information System [PRE]", context="Modulab pre-production environment"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nóminas", "pay"),
        ("Nominas PRE", "pay-pre"),
        ("Control de presencia", "time"),
        ("Fichajes", "time"),
        ("Directorio Activo", "ad"),
        ("Correo electrónico", "mail"),
        ("Facturación", "bill"),
        ("Facturació", "bill"),
        ("Telefonía", "phone"),
        ("Xarxa", "lan"),
        ("Modulab PRE", "lis-pre"),
    ],
)
def test_a_services_words_written_in_spanish_or_catalan_read_as_the_english_a_catalogue_writes(
    name, expected
):
    assert chosen_key(name, CATALOGUE) == expected


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("HCIS PRE", ("HCIS", "PRE")),
        ("Electronic Health Record [PRE]", ("Electronic Health Record", "[PRE]")),
        ("UBW testmiljö", ("UBW", "testmiljö")),
        ("Pay pre", ("Pay pre", "")),  # in capitals, after a dash or in brackets only
        (
            "Aplicación de Campo (Yapu) - Ambiente de Pruebas",
            ("Aplicación de Campo (Yapu)", "Ambiente de Pruebas"),
        ),
        ("Core bancario - Pruebas", ("Core bancario", "Pruebas")),  # set 272
    ],
)
def test_their_environments_are_read(name, read):
    assert environment_of(name) == read
    assert not read[1] or kinds_of(read[1]) == {"test"}


@pytest.mark.parametrize(
    "name", ["Verksamhetssystem Procapita (Avvecklad)", "Äldre lärplattform (avvecklat)"]
)
def test_a_swedish_catalogues_mark_of_a_retired_record_is_read(name):
    assert is_retired(Item("t", name))
    assert not is_retired(Item("t", "Hotel PMS (Antigua)")) and not is_retired(Item("t", "Hotel PMS (Baja)"))


def test_a_swedish_catalogues_retired_record_takes_no_codename_from_the_live_one():
    catalogue = [
        Item(
            "care", "Verksamhetssystem vård och omsorg", context="Lifecare för vård och omsorg, kodnamn FYREN"
        ),
        Item("old", "Verksamhetssystem Procapita (Avvecklad)", context="Ersatt av FYREN 2023; arkiv"),
    ]
    found = suggest([Item("l", "FYREN")], catalogue, versioned=False)["l"]
    assert found[0].target_id == "care"


@pytest.mark.parametrize(
    ("install", "version", "record"),
    [
        ("Microsoft Office Estándar 2016", "16.0.4266.1001", "Microsoft Office Standard 2016"),  # 164, 170
        ("Microsoft Visio Profesional 2019 - es-es", "16.0.10406.20006", "Microsoft Visio Professional 2019"),
        ("MS Office Std 2016", "16.0.4266.1001", "Microsoft Office Standard 2016"),  # set 170: abbreviated
        (
            "Kaspersky Endpoint Security para Windows",
            "12.3.0.493",
            "Kaspersky Endpoint Security for Windows 12",
        ),
    ],
)
def test_an_installs_edition_in_spanish_or_abbreviated_is_that_edition(install, version, record):
    """Beside a record of another edition of the same product and version, the edition the install names in
    Spanish ("Estándar", "Profesional") or abbreviated ("Std") is its own, not a person's choice; Spanish
    "para" is "for" (set 263)."""
    catalogue = [
        Item("o-std", "Microsoft Office Standard 2016", "2016", "Microsoft"),
        Item("o-pro", "Microsoft Office Professional Plus 2016", "2016", "Microsoft"),
        Item("v-pro", "Microsoft Visio Professional 2019", "2019", "Microsoft"),
        Item("v-std", "Microsoft Visio Standard 2019", "2019", "Microsoft"),
        Item("kes", "Kaspersky Endpoint Security for Windows 12", "12", "Kaspersky"),
    ]
    assert chosen_name(install, catalogue, version, versioned=True) == record
