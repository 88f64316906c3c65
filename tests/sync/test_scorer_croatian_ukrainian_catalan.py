"""Croatian, Ukrainian and Catalan organisations' names (issue 19, blind sets 147 to 149): services' words as
staff write them ("Sigurnosna kopija", "Резервне копіювання", "Còpies de seguretat"), and a tier's metal in
another language ("- zlatna razina", "nivel Oro", "- Or"), read as the English catalogue's tier."""

import pytest

from sync.match_tiers import tiers_of
from sync.matching import Item, normalise
from sync.scorer import Scorer
from tests.sync.scoring import SERVICES, chosen_key, chosen_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sigurnosne kopije", "backup"),  # Croatian
        ("Obračun plaća", "pay"),
        ("Obracun placa", "pay"),  # as typed without its letters' marks
        ("Mrežni diskovi", "files"),
        ("Podatkovni centar", "dc"),
        ("Videonadzor", "cctv"),
        ("Višefaktorska autentikacija", "mfa"),
        ("Evidencija radnog vremena", "time"),
        ("Aktivni direktorij", "ad"),
        ("Резервне копіювання", "backup"),  # Ukrainian
        ("Нарахування заробітної плати", "pay"),
        ("Мережеві диски", "files"),
        ("Центр обробки даних", "dc"),
        ("Відеоспостереження", "cctv"),
        ("Віддалений доступ", "vpn"),
        ("Облік робочого часу", "time"),
        ("Còpies de seguretat", "backup"),  # Catalan
        ("Correu electrònic", "mail"),
        ("Bases de dades", "db"),
        ("BBDD", "db"),  # Spain's abbreviation of "bases de datos"
        ("Centre d'atenció a l'usuari", "desk"),
        ("CAU", ""),  # its initials, and universities'
        ("Directori actiu", "ad"),
        ("Control horari", "time"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CPD Portal", ""),  # Spain's data centre, but continuing professional development in English
        ("TPV Redsys", ""),  # a point of sale, or a payment gateway's virtual terminal
        ("Desktop Suport", "dsk"),  # still a misspelling of "Support", no Catalan word
    ],
)
def test_words_another_catalogue_reads_otherwise_are_not_in_the_dictionary(name, expected):
    targets = [
        Item("dc", "Data Center"),
        Item("pos", "Point of Sale"),
        Item("dsk", "Desktop Support - Onsite"),
    ]
    assert chosen_key(name, targets) == expected


def test_asset_management_is_not_read_as_it_asset_management():
    targets = [
        Item("itam", "IT Asset Management - Hardware"),
        Item("water", "Asset Management - Water Network"),
    ]
    assert chosen_key("Upravljanje imovinom", targets) == ""


@pytest.mark.parametrize(
    ("name", "tiers", "read"),
    [
        ("Sigurnosna kopija - zlatna razina", {"gold"}, "sigurnosna kopija"),
        ("Sigurnosne kopije - srebro", {"silver"}, "sigurnosne kopije"),
        ("Windows poslužitelji - brončana razina", {"bronze"}, "window posluzitelji"),
        ("Windows posluzitelji - broncana razina", {"bronze"}, "window posluzitelji"),
        ("Respaldos nivel Oro", {"gold"}, "respaldo"),  # a level word: no dash needed
        ("Hospedagem de máquinas virtuais - Nível Ouro", {"gold"}, "hospedagem de maquina virtuai"),
        ("Wirtualizacja VMware - Srebrny", {"silver"}, "wirtualizacja vmware"),
        ("Backup - Złoty", {"gold"}, "backup"),
        (
            "Резервни копия - Злато",
            {"gold"},
            "rezervni kopiya",
        ),  # as its letters read, as normalise reads them
        ("Backup nivel Platinum", {"platinum"}, "backup"),
        ("Surgical Scheduling - OR", set(), "surgical scheduling or"),  # an operating room, not Catalan gold
        ("Anesthesia Record (OR)", set(), "anesthesia record or"),
        ("Portland Office - OR", set(), "portland office or"),  # Oregon
        ("Backup nivel Gold", {"gold"}, "backup"),
        ("Cash - Oro (Prod)", {"gold", "prod"}, "cash"),
        ("Backup Oro", set(), "backup oro"),  # a word of the name, without a dash or a level word
        ("Mar del Plata", set(), "mar del plata"),
        ("Vendor Monitor", set(), "vendor monitor"),
        ("Support - Niveau 2", set(), "support niveau 2"),  # a support line, not a metal
    ],
)
def test_a_tiers_metal_in_another_language_is_that_tier(name, tiers, read):
    assert tiers_of(name) == tiers
    assert normalise(name) == read


def test_a_tier_in_another_language_chooses_that_tiers_record():
    backup = [Item(f"b{metal}", f"Backup and Restore - {metal}") for metal in ("Gold", "Silver", "Bronze")]
    assert chosen_key("Sigurnosna kopija - zlatna razina", backup) == "bGold"
    assert chosen_key("Sigurnosne kopije - srebro", backup) == "bSilver"
    assert chosen_key("Respaldos nivel Bronce", backup) == "bBronze"
    assert chosen_key("Резервни копия - Злато", backup) == "bGold"
    assert chosen_key("Còpies de seguretat - Or", backup) == ""  # "Or": Catalan's gold, and English's OR


@pytest.mark.parametrize(
    ("name", "version", "expected"),
    [
        (
            "Microsoft Office Professional Plus 2016 - hr-hr",
            "16.0.4266.1001",
            "Microsoft Office Professional Plus",
        ),
        (
            "Microsoft 365 Apps для підприємств - uk-ua",
            "16.0.19426.20186",
            "Microsoft 365 Apps for enterprise",
        ),
        (
            "Microsoft 365 Apps per a empreses - ca-es",
            "16.0.18129.20158",
            "Microsoft 365 Apps for enterprise",
        ),
        ("Adobe Acrobat Reader DC - Hrvatski", "24.004.20272", "Adobe Acrobat Reader"),
        ("Adobe Acrobat Reader DC - Català", "24.005.20320", "Adobe Acrobat Reader"),
        ("Adobe Acrobat Reader DC - Ukrainian", "25.001.20844", "Adobe Acrobat Reader"),
    ],
)
def test_an_installs_language_is_read_away(name, version, expected):
    catalogue = [
        Item("o", "Microsoft Office Professional Plus", "2016", "Microsoft"),
        Item("m", "Microsoft 365 Apps for enterprise", "", "Microsoft"),
        Item("a", "Adobe Acrobat Reader", "", "Adobe"),
    ]
    assert chosen_name(name, catalogue, version, versioned=True) == expected


def test_a_language_code_that_is_also_another_word_is_read_only_with_its_country():
    book = Scorer([Item("t", "Warm-up 1", "1")], versioned=True).book
    tagged, plain = (book.read(name, "", True).words for name in ("Office 2016 - hr-hr", "Office 2016"))
    assert tagged == plain
    assert "hr" in book.read("Sage HR", "", True).words  # human resources
    assert "uk" in book.read("Sage 50 Payroll - UK", "", True).words  # the United Kingdom


def test_a_product_named_by_its_makers_whole_name_is_no_other_name_without_its_maker():
    catalogue = [
        Item("ite", "IT-Enterprise", "", "IT-Enterprise"),
        Item("gp", "Palo Alto Networks GlobalProtect", "", "Palo Alto Networks"),
    ]
    assert chosen_name("1C:Enterprise 8 (x86-64)", catalogue, "8.3.24.1691", versioned=True) == ""
    assert chosen_name("Enterprise", catalogue, "8.3", versioned=True) == ""
    assert (
        chosen_name("GlobalProtect", catalogue, "6.2", versioned=True) == "Palo Alto Networks GlobalProtect"
    )
