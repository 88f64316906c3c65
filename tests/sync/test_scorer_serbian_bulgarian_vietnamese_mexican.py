"""Serbian, Bulgarian, Vietnamese and Mexican organisations' names (issue 19, blind sets 143 to 146): services'
words as staff write them, in Cyrillic letters too ("Обрачун зарада", "Заплати", "Tính lương", "Respaldos"),
their environments ("test okruženje", "тестова среда", "môi trường test"), a gloss in Cyrillic or Greek
letters beside a name in Latin ones, and a product's runtime, which is no install of the product itself."""

import pytest

from sync.matching import Item, normalise
from sync.scorer_environments import environment_of, kinds_of
from tests.sync.scoring import SERVICES, chosen_key, chosen_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Elektronska pošta", "mail"),  # Serbian, in Latin letters
        ("Електронска пошта", "mail"),  # and in Cyrillic
        ("Obracun zarada", "pay"),
        ("Обрачун зарада", "pay"),
        ("Rezervne kopije OT", ""),  # a word no record has: suggested only
        ("Baze podataka", "db"),
        ("Video nadzor", "cctv"),
        ("ИТ Хелпдеск", "desk"),
        ("Daljinski pristup", "vpn"),
        ("Електронна поща", "mail"),  # Bulgarian
        ("Заплати", "pay"),
        ("Zaplati", "pay"),
        ("Бекъп", "backup"),
        ("Bekap", "backup"),  # "ъ" as Bulgarians write it in Latin letters
        ("Споделени папки", "files"),
        ("Бази данни", "db"),
        ("Видеонаблюдение", "cctv"),
        ("Квалифициран електронен подпис", "sign"),
        ("Thư điện tử", "mail"),  # Vietnamese
        ("Thu dien tu", "mail"),
        ("Tính lương", "pay"),
        ("Trung tâm dữ liệu", "dc"),
        ("Chấm công", "time"),
        ("Respaldos", "backup"),  # Mexican Spanish
        ("Carpetas compartidas", "files"),
        ("Mesa de ayuda", "desk"),
        ("Centro de datos", "dc"),
        ("Reloj checador", "time"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_bulgarian_hard_sign_reads_as_the_vowel_it_is():
    assert normalise("Бекъп Съобщения") == "bekap saobshcheniya"


@pytest.mark.parametrize(
    ("name", "read", "kind"),
    [
        ("ADMS test okruženje", ("ADMS", "test okruženje"), "test"),
        ("БИС - тестова среда", ("БИС", "тестова среда"), "test"),
        ("MES moi truong test", ("MES", "moi truong test"), "test"),
        ("Околна среда", ("Околна среда", ""), ""),  # the natural environment: a service of its own
        ("Moodle koolituskeskkond", ("Moodle koolituskeskkond", ""), ""),  # a learning platform too
    ],
)
def test_their_environments_are_read(name, read, kind):
    assert environment_of(name) == read
    assert kinds_of(read[1]) == ({kind} if kind else set())


def test_a_products_runtime_is_no_install_of_the_product():
    runtime = Item("rt", "Microsoft Access Runtime", "2016", "Microsoft")
    assert chosen_name("Microsoft Access 2016", [runtime], "16.0.4266.1001", versioned=True) == ""
    access = Item("access", "Microsoft Access", "2016", "Microsoft")
    found = chosen_name("Microsoft Access 2016", [runtime, access], "16.0.4266.1001", versioned=True)
    assert found == "Microsoft Access"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Service Desk / Служба поддержки", "desk"),  # a name and its translation
        ("Backup - Резервное копирование", "backup"),
        ("Email (Ηλεκτρονικό ταχυδρομείο)", "mail"),
    ],
)
def test_a_gloss_in_greek_or_cyrillic_letters_is_read_away(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_a_name_in_those_letters_that_the_dictionary_knows_or_among_other_words_is_no_gloss():
    intranet = [Item("intra", "Intranet"), Item("sp", "SharePoint Online")]
    assert chosen_key("Ενδοδίκτυο (SharePoint)", intranet) == "intra"  # the intranet, on SharePoint
    sites = [Item("sofia", "LAN - Sofia"), Item("plovdiv", "LAN - Plovdiv")]
    assert chosen_key("LAN Пловдив", sites) == "plovdiv"
