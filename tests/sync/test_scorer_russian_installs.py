"""Russian and Ukrainian installs (issue 19, blind set 255): a maker an inventory writes in Cyrillic letters
is the target's maker where its brand's Latin name sounds the same ("АСКОН" is ASCON, "ООО «ЯНДЕКС»"
Yandex), and Microsoft's editions as those installs name them are read as their English names ("Microsoft
Office профессиональный плюс 2016" is "… Professional Plus 2016"), as is a product "для" (for) a platform
("Kaspersky Endpoint Security для Windows")."""

import pytest

from sync.match_languages import english_edition
from sync.match_makers import other_maker, sounded
from sync.match_packages import package_file
from sync.matching import Item, normalise, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import chosen_name


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("АСКОН", "ASCON"),
        ("ООО «ЯНДЕКС»", "Yandex"),
        ("ОАО «ИнфоТеКС»", "InfoTeCS"),
        ("Компания КРИПТО-ПРО", "CryptoPro"),  # its legal words left out
        ("КонсультантПлюс", "ConsultantPlus"),
        ("Киберпротект", "Cyberprotect"),
        ("ТОВ «Аскон»", "ASCON Technologies"),  # Ukrainian legal forms and English legal words left out
        ("ТОО «Яндекс»", "Yandex N.V."),  # a Kazakh legal form and a Dutch one's initials
    ],
)
def test_a_maker_in_cyrillic_letters_is_its_brands_latin_name(mine, theirs):
    assert sounded(mine) == sounded(theirs)
    assert not other_maker(mine, (), theirs, ())


def test_a_maker_in_cyrillic_letters_that_sounds_otherwise_is_another_maker():
    assert other_maker("ООО Яндекс", (), "Google", ())
    assert other_maker("Иванов", (), "Ivanoff Software", ())  # "ivanov" and "ivanof" sound otherwise
    assert other_maker("ООО", (), "ZAO", ())  # legal forms alone are no maker's sound


def test_an_install_whose_maker_is_written_in_cyrillic_pre_selects_the_brands_record():
    catalogue = [
        Item("kompas", "ASCON KOMPAS-3D v22", "22", "ASCON"),
        Item("vipnet", "InfoTeCS ViPNet Client 4", "4", "InfoTeCS"),
    ]
    for install, version, maker, record in (
        ("КОМПАС-3D v22 x64", "22.0.3", "АСКОН", "kompas"),
        ("ViPNet Client", "4.5.3.65102", "ОАО «ИнфоТеКС»", "vipnet"),
    ):
        found = suggest([Item("l", install, version, maker)], catalogue, versioned=True)["l"]
        chosen = preselect(found, PRESELECT_AT)
        assert chosen and chosen.target_id == record, found


@pytest.mark.parametrize(
    ("install", "version", "record"),
    [
        (
            "Microsoft Office профессиональный плюс 2016 - ru-ru",
            "16.0.4266.1001",
            "Microsoft Office Professional Plus 2016",
        ),
        (
            "Microsoft Office LTSC професійний плюс 2021 - uk-ua",
            "16.0.14332.20812",
            "Microsoft Office LTSC Professional Plus 2021",
        ),
        (
            "Microsoft Visio профессиональный 2019 - ru-ru",
            "16.0.10412.20006",
            "Microsoft Visio Professional 2019",
        ),
        ("Microsoft Office стандартный 2019 - ru-ru", "16.0.10411.20011", "Microsoft Office Standard 2019"),
        ("Windows 10 Корпоративная", "10.0.19045", "Microsoft Windows 10 Enterprise"),
        ("Microsoft Windows 11 Корпоративна", "10.0.22631", "Microsoft Windows 11 Enterprise"),
        ("Windows 7 Профессиональная SP1", "6.1.7601", "Microsoft Windows 7 Professional"),
    ],
)
def test_microsofts_editions_in_russian_and_ukrainian_are_their_english_names(install, version, record):
    catalogue = [
        Item("pp", "Microsoft Office Professional Plus 2016", "2016", "Microsoft"),
        Item("ltsc", "Microsoft Office LTSC Professional Plus 2021", "2021", "Microsoft"),
        Item("std", "Microsoft Office Standard 2019", "2019", "Microsoft"),
        Item("visio", "Microsoft Visio Professional 2019", "2019", "Microsoft"),
        Item("w10", "Microsoft Windows 10 Enterprise", "10", "Microsoft"),
        Item("w10p", "Microsoft Windows 10 Pro", "10", "Microsoft"),
        Item("w11", "Microsoft Windows 11 Enterprise", "11", "Microsoft"),
        Item("w7", "Microsoft Windows 7 Professional", "7", "Microsoft"),
    ]
    assert chosen_name(install, catalogue, version, True) == record


def test_an_edition_word_in_another_makers_name_is_left_as_written():
    assert english_edition("1С-Битрикс: Корпоративный портал") == "1С-Битрикс: Корпоративный портал"
    licence = "Dr.Web Desktop Security Suite для Windows Корпоративная лицензия"  # a licence for Windows
    assert english_edition(licence) == licence
    assert english_edition("Windows 10 Корпоративная LTSC") == "Windows 10 Enterprise LTSC"


def test_for_in_russian_is_the_english_for():
    assert normalise("Kaspersky Endpoint Security для Windows") == normalise(
        "Kaspersky Endpoint Security for Windows"
    )
    catalogue = [
        Item("win", "Kaspersky Endpoint Security for Windows 12", "12", "Kaspersky"),
        Item("lin", "Kaspersky Endpoint Security for Linux 12", "12", "Kaspersky"),
    ]
    assert (
        chosen_name("Kaspersky Endpoint Security для Windows", catalogue, "12.4.0.467", True)
        == catalogue[0].name
    )


@pytest.mark.parametrize(
    ("install", "version", "record"),
    [
        ("1С:Предприятие 8 (8.3.24.1548)", "8.3.24.1548", "p83"),
        ("1С:Предприятие 8.2 (8.2.19.130)", "8.2.19.130", "p82"),
        ("1C:Enterprise 8.3 (8.3.23.1688)", "8.3.23.1688", "p83"),  # "1C" is the maker's name, no version
        ("1С:Предприятие 8 Тонкий клиент (8.3.24.1548)", "8.3.24.1548", "thin"),
        ("1c-enterprise-8.3.22.1709-server", "8.3.22.1709", "server"),  # its Linux package
        ("1c-enterprise-8.3.22.1709-server-8.3.22-1709.x86_64", "8.3.22.1709", "server"),  # its rpm file
        ("1c-enterprise-8.3.22.1709-thin-client", "8.3.22.1709", "thin"),
        ("1С:Зарплата и управление персоналом 3.1", "3.1.28.45", "hr"),
        ("1С:ERP Управление предприятием 2", "2.5.14.84", "erp"),
    ],
)
def test_1cs_products_as_russian_installs_name_them_are_their_english_names(install, version, record):
    catalogue = [
        Item("p82", "1C:Enterprise 8.2", "8.2", "1C"),
        Item("p83", "1C:Enterprise 8.3", "8.3", "1C"),
        Item("thin", "1C:Enterprise 8.3 Thin Client", "8.3", "1C"),
        Item("server", "1C:Enterprise Server 8.3", "8.3", "1C"),
        Item("hr", "1C:Salary and HR Management 3", "3", "1C"),
        Item("erp", "1C:ERP Enterprise Management 2", "2", "1C"),
    ]
    found = suggest([Item("l", install, version, "1C-Soft")], catalogue, versioned=True)["l"]
    chosen = preselect(found, PRESELECT_AT)
    assert chosen and chosen.target_id == record, found


def test_a_packages_part_after_its_version_is_kept():
    assert package_file("1c-enterprise-8.3.22.1709-server", "8.3.22.1709") == "1c-enterprise server"
    assert package_file("1c-enterprise-8.3.22.1709-thin-client", "8.3.22.1709") == "1c-enterprise thin-client"
    rpm = "1c-enterprise-8.3.22.1709-server-8.3.22-1709.x86_64"
    assert package_file(rpm, "8.3.22.1709") == "1c-enterprise server"
    assert package_file("openssh-server-8.7p1-38.el9.x86_64", "8.7p1") == "openssh-server"  # its name's own


@pytest.mark.parametrize(
    ("install", "version", "record"),
    [
        ("1С:Предприятие 8 (x86-64)", "8.3.23.1865", "1C:Enterprise 8.3"),  # set 203
        ("МойОфис Стандартный (x64)", "2.7.0", "МойОфис Стандартный 2"),  # set 251
        ("1С:Предприятие 8.3 Сервер (64-bit)", "8.3.23.1865", "1C:Enterprise 8.3 Server"),
    ],
)
def test_an_installs_noise_in_brackets_is_no_gloss_of_its_russian_name(install, version, record):
    """A name in Cyrillic letters beside an English gloss is read by its gloss ("Почта (Email)"); beside an
    install's bits or build alone it is read itself, not as "(x64)"."""
    catalogue = [Item("e", "1C:Enterprise 8.3", "8.3"), Item("s", "1C:Enterprise 8.3 Server", "8.3")]
    catalogue.append(Item("m", "МойОфис Стандартный 2", "2"))
    assert chosen_name(install, catalogue, version, True) == record


@pytest.mark.parametrize(
    ("install", "version", "record"),
    [
        ("КриптоПро CSP", "5.0.13000", "CryptoPro CSP 5.0"),  # sets 186, 202, 215, 225, 255, 257
        ("КонсультантПлюс", "4024.00.11", "ConsultantPlus"),  # set 257: alone, no other word known
        ("ВЕРТИКАЛЬ 2022", "22.0.3.1", "ASCON Vertical 2022"),  # set 225
    ],
)
def test_a_product_written_in_cyrillic_letters_is_the_latin_name_it_sounds_as(install, version, record):
    """A product's name an install writes in Cyrillic letters is the one Latin word of the catalogue's names
    it sounds as, its transliteration spelling "k" for "c", "i" for "y" ("КриптоПро" is CryptoPro)."""
    catalogue = [
        Item("c", "CryptoPro CSP 5.0", "5.0", "CryptoPro"),
        Item("p", "CryptoPro EDS Browser plug-in", "", "CryptoPro"),
        Item("k", "ConsultantPlus", "", "ConsultantPlus"),
        Item("v", "ASCON Vertical 2022", "2022", "ASCON"),
        Item("o", "Continent TLS Client 2", "2", "Security Code"),
    ]
    found = suggest([Item("l", install, version)], catalogue, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT).name == record
    assert found[0].reasons[0].startswith("transliterated: ")


def test_a_cyrillic_word_that_sounds_as_two_latin_words_reads_as_neither():
    """Two spellings of one sound ("CryptoPro", "KryptoPro"), neither the transliteration's ("kriptopro"):
    which one is a person's choice; a legal word alone ("Компания") sounds as nothing, not "Corporation"."""
    catalogue = [Item("a", "CryptoPro CSP", "", ""), Item("b", "KryptoPro Suite", "", "")]
    found = suggest([Item("l", "КриптоПро", "1.0")], catalogue, versioned=True)["l"]
    assert not any(reason.startswith("transliterated") for c in found for reason in c.reasons)
    legal = [Item("c", "Tools Corporation Suite", "", "")]
    found = suggest([Item("l", "Компания Тулс", "1.0")], legal, versioned=True)["l"]
    assert not any(reason.startswith("transliterated: Компания") for c in found for reason in c.reasons)


@pytest.mark.parametrize(
    ("install", "version", "record"),
    [
        ("Агент администрирования Kaspersky Security Center", "14.2.0.26967", "agent"),  # 13 seen sets
        ("Agent d'administration de Kaspersky Security Center", "14.2.0.26967", "agent"),  # set 243
        ("Сервер администрирования Kaspersky Security Center 14.2", "14.2.0.26967", "ksc"),
        ("Skype для бизнеса 2016 - ru-ru", "16.0.5435.1001", "sfb"),
        ("Клиент Configuration Manager", "5.00.9106.1000", "sccm"),
        ("Cliente de Configuration Manager", "5.00.9106.1000", "sccm"),  # set 263, in Spanish
        ("Kaspersky Endpoint Security 11 pour Windows", "11.11.0.452", "kes"),  # set 243, French "for"
    ],
)
def test_microsofts_and_kasperskys_parts_as_russian_and_french_installs_name_them(install, version, record):
    """Kaspersky's Network Agent and Administration Server, Skype for Business and the Configuration Manager
    client, by the names their Russian (and French, Spanish) installs give them."""
    catalogue = [
        Item("agent", "Kaspersky Security Center Network Agent 14", "14", "Kaspersky"),
        Item("ksc", "Kaspersky Security Center 14", "14", "Kaspersky"),
        Item("kes", "Kaspersky Endpoint Security for Windows 11", "11", "Kaspersky"),
        Item("sfb", "Microsoft Skype for Business 2016", "2016", "Microsoft"),
        Item("sccm", "Microsoft Configuration Manager", "", "Microsoft"),
    ]
    found = suggest([Item("l", install, version)], catalogue, versioned=True)["l"]
    assert preselect(found, PRESELECT_AT).target_id == record


def test_a_maker_named_in_russian_and_a_1c_configurations_release_word():
    """Sets 225 to 257: Security Code as its Russian installs name it ("ООО «Код Безопасности»", its legal
    form first), and 1C's "редакция 3.0", the release of a configuration its version gives."""
    catalogue = [
        Item("sns", "Security Code Secret Net Studio 8", "8", "Security Code"),
        Item("acc", "1C:Accounting 3.0", "3.0", "1C"),
    ]
    assert not other_maker("ООО «Код Безопасности»", (), "Security Code", ())
    assert other_maker("ООО «Яндекс»", (), "Security Code", ())
    install = Item("l", "Secret Net Studio", "8.8.24170.0", "ООО «Код Безопасности»")
    assert preselect(suggest([install], catalogue, versioned=True)["l"], PRESELECT_AT).target_id == "sns"
    release = Item("l", "Бухгалтерия предприятия, редакция 3.0", "3.0.150.25", "Фирма «1С»")
    assert preselect(suggest([release], catalogue, versioned=True)["l"], PRESELECT_AT).target_id == "acc"


def test_1cs_edition_words_are_no_words_of_its_configurations_name():
    """Sets 182 to 278: 1C sells its configurations in editions, "КОРП" (CORP) and "ПРОФ" (PROF); a
    catalogue's record of the configuration, with or without its edition, is the install's."""
    catalogue = [
        Item("do", "1C:Document Management 3.0", "3.0", "1C"),
        Item("corp", "1C:Document Management CORP 3", "3", "1C"),
    ]
    for records, key in ((catalogue[:1], "do"), (catalogue[1:], "corp")):
        install = Item("l", "1С:Документооборот КОРП, редакция 3.0", "3.0.12.44", "1С-Софт")
        assert preselect(suggest([install], records, versioned=True)["l"], PRESELECT_AT).target_id == key
    editions = [
        Item("prof", "1C:Accounting PROF 3", "3", "1C"),
        Item("corp", "1C:Accounting CORP 3", "3", "1C"),
    ]
    for name, key in (
        ("1С:Бухгалтерия предприятия ПРОФ", "prof"),
        ("1С:Бухгалтерия предприятия КОРП", "corp"),
    ):
        pick = preselect(
            suggest([Item("l", name, "3.0.150.22")], editions, versioned=True)["l"], PRESELECT_AT
        )
        assert pick is not None and pick.target_id == key, name  # each edition its own record
        other = [e for e in editions if e.key != key]
        assert (
            preselect(suggest([Item("l", name, "3.0.150.22")], other, versioned=True)["l"], PRESELECT_AT)
            is None
        )
    enterprise = [Item("acc", "1C:Enterprise Accounting 3.0", "3.0", "1C")]  # the platform's name, no edition
    install = Item("l", "1С:Бухгалтерия предприятия КОРП, редакция 3.0", "3.0.152.17", "1С-Софт")
    assert preselect(suggest([install], enterprise, versioned=True)["l"], PRESELECT_AT).target_id == "acc"


def test_yandex_browser_as_its_windows_and_russian_installs_name_it():
    """Sets 169 to 266: the browser installs as "Yandex" and, in Russian, "Яндекс Браузер"; Yandex's other
    apps keep their names."""
    catalogue = [
        Item("yb", "Yandex Browser", "", "Yandex"),
        Item("yd", "Yandex Disk", "", "Yandex"),
        Item("yt", "Yandex Telemost", "", "Yandex"),
    ]
    assert chosen_name("Yandex", catalogue, "24.4.1.951", versioned=True) == "Yandex Browser"
    assert chosen_name("Яндекс.Браузер", catalogue, "24.4.1.915", versioned=True) == "Yandex Browser"
    assert chosen_name("Yandex Disk", catalogue, "3.2.39", versioned=True) == "Yandex Disk"
    assert chosen_name("Яндекс Диск", catalogue, "3.2.39", versioned=True) != "Yandex Browser"


def test_microsofts_name_its_redistributables_and_runtimes_as_russian_installs_name_them():
    """Sets 169 to 278: Russian Windows writes Microsoft as "Майкрософт" and puts what a package is before
    its name ("Распространяемый пакет": its Redistributable, "Среда выполнения": its Runtime); another
    maker's runtime keeps its words."""
    assert (
        english_edition("Майкрософт Windows 10 Корпоративная LTSC") == "Microsoft Windows 10 Enterprise LTSC"
    )
    assert (
        english_edition("Распространяемый пакет Microsoft Visual C++ 2015-2022 (x64) - 14.38.33130")
        == "Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130"
    )
    assert english_edition("Среда выполнения Java") == "Среда выполнения Java"
    catalogue = [
        Item("wv", "Microsoft Edge WebView2 Runtime", "", "Microsoft"),
        Item("edge", "Microsoft Edge", "", "Microsoft"),
        Item("vc", "Microsoft Visual C++ 2010 Redistributable", "2010", "Microsoft"),
        Item("w10", "Microsoft Windows 10 Pro", "10", "Microsoft"),
    ]
    installs = [
        ("Среда выполнения Microsoft Edge WebView2", "126.0.2592.102", "Microsoft Edge WebView2 Runtime"),
        (
            "Распространяемый пакет Microsoft Visual C++ 2010 x86 - 10.0.40219",
            "10.0.40219",
            "Microsoft Visual C++ 2010 Redistributable",
        ),
        ("Майкрософт Windows 10 Pro", "10.0.19045", "Microsoft Windows 10 Pro"),
    ]
    for name, version, record in installs:
        assert chosen_name(name, catalogue, version, versioned=True) == record, name
