"""Georgian, Armenian, Persian, Macedonian, Kazakh, Quebec French, Japanese and Thai organisations' names
(issue 19, blind sets 171 to 184): Georgian and Armenian read letter by letter, each letter with its script's
mark, Kazakh's letters as its Latin alphabet writes them; words in scripts not read at all left out beside
Latin ones, as Hebrew or Arabic words no alias reads are; common IT services in those languages; a service
named for what it is after its category and a dash; brackets that give the name again; a server's client; a
retired product's record beside the service the product delivers."""

import pytest

from sync.matching import Item, normalise
from sync.scorer import PRESELECT_AT, Scorer
from tests.sync.scoring import SERVICES, chosen_key, chosen_name, ranked


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("კორპორატიული ელფოსტა", "mail"),  # Georgian
        ("სარეზერვო ასლები", "backup"),
        ("ხელფასის დარიცხვა", "pay"),
        ("ჰელპდესკი", "desk"),
        ("პაროლის აღდგენა", "pwd"),
        ("ლოკალური ქსელი", "lan"),
        ("Կորպորատիվ էլ. փոստ", "mail"),  # Armenian
        ("Աշխատավարձ", "pay"),
        ("Տպագրություն", "print"),
        ("Գաղտնաբառի ինքնավերականգնում", "pwd"),
        ("Տվյալների կենտրոն", "dc"),
        ("ایمیل سازمانی", "mail"),  # Persian
        ("حقوق و دستمزد", "pay"),
        ("پشتیبان‌گیری", "backup"),
        ("حضور و غیاب", "time"),
        ("Ресетирање на лозинка", "pwd"),  # Macedonian
        ("Reset na lozinka", "pwd"),
        ("Податочен центар", "dc"),
        ("Двофакторска автентикација", "mfa"),
        ("Корпоративтік пошта", "mail"),  # Kazakh
        ("Сақтық көшірме", "backup"),
        ("Жалақы", "pay"),
        ("Жергілікті желі", "lan"),
        ("Courriel corporatif", "mail"),  # Quebec French
        ("Authentification multifacteur", "mfa"),
        ("Réseau local", "lan"),
        ("Soutien TI", "desk"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("ელფოსტა", "ejljpjojsjtjaj"),  # each letter and Georgian's mark
        ("ᲔᲚᲤᲝᲡᲢᲐ", "ejljpjojsjtjaj"),  # its capitals (Mtavruli) alike
        ("Աշխատավարձ", "awshwkhwawtwawvwawrwdzw"),  # Armenian's
    ],
)
def test_georgian_and_armenian_read_letter_by_letter(name, read):
    assert normalise(name) == read


def test_no_georgian_or_armenian_word_spells_another_scripts_or_english():
    """Georgian "ტი" and Armenian "տի" are no "TI", as Cyrillic "ти" is (typed so), nor one another."""
    assert normalise("ти") == "ti"
    assert len({normalise("ტი"), normalise("տի"), normalise("תי"), "ti"}) == 4


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Teamcenter 検証環境", "Teamcenter"),  # Japanese: a test environment, no word read
        ("SAP タイ ローカライズ (VAT)", "SAP (VAT)"),
        ("ระบบกรองอีเมล Mimecast", "Mimecast"),  # Thai
        ("संग्रहण Veeam", "Veeam"),  # Hindi: storage, no alias's
        ("بکاپ Veeam + تیپ", "بکاپ Veeam"),  # a "+" left alone
        ("Apple TV+ 配信", "Apple TV+"),  # not a name's own
        ("پشتیبان‌گیری Veeam", "پشتیبان‌گیری Veeam"),  # Persian's zero-width non-joiner within a word
    ],
)
def test_words_in_scripts_no_alias_reads_are_left_out_beside_latin_ones(name, read):
    scorer = Scorer([Item("t", "Email")], versioned=False)
    assert scorer._without_unspelled(name) == read


CATEGORISED = [
    Item("sd", "End User Computing - Software Distribution"),
    Item("pm", "End User Computing - Patch Management"),
    Item("mail", "Email - Corporate"),
    Item("sf", "Backup - Salesforce"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Software Distribution", "sd"),
        ("Softwareverteilung", "sd"),  # through an alias
        ("Patch Management", "pm"),
    ],
)
def test_a_service_named_after_its_category_and_a_dash_is_found(name, expected):
    found = ranked(name, CATEGORISED)
    assert found[0].target_id == expected and found[0].score >= PRESELECT_AT
    # or as the one service whose words after its category are the name's (sync.scorer_products._uncategorised)
    assert found[0].why.startswith(("the service its category names after a dash", "all its words"))


def test_a_service_about_a_product_is_not_the_product():
    assert chosen_key("Salesforce", CATEGORISED) == ""


def test_two_services_with_the_words_leave_the_choice_to_a_person():
    targets = [*CATEGORISED, Item("sd2", "Servers - Software Distribution")]
    found = ranked("Software Distribution", targets)
    assert chosen_key("Software Distribution", targets) == ""
    assert found and not any("the service its category names" in c.why for c in found)


def test_a_product_another_services_details_name_is_a_persons_choice():
    targets = [
        Item("fleet", "Fleet Telematics - Samsara", context="Vehicle tracking"),
        Item("reefer", "Reefer Trailer Monitoring", context="Temperature probes through Samsara gateways"),
    ]
    assert chosen_key("Samsara", targets) == ""
    assert chosen_key("Samsara", targets[:1]) == "fleet"


def test_brackets_that_give_the_name_again_with_more_say_which_one_it_is():
    """ "Helpdesk (HR helpdesk)" is HR's helpdesk, no IT Helpdesk; "(dual circuit SD-WAN)" has no "WAN" of
    its own, and is read away."""
    desks = [Item("it", "Service Desk - IT Helpdesk"), Item("hr", "HR - Staff Self-Service Portal")]
    assert chosen_key("Helpdesk (HR helpdesk)", desks) == ""
    assert chosen_key("Helpdesk", desks) == "it"
    wans = [Item("gold", "Wide Area Network - Gold"), Item("silver", "Wide Area Network - Silver")]
    assert chosen_key("WAN - Gold (dual circuit SD-WAN)", wans) == "gold"


def test_a_servers_client_is_no_install_of_the_server():
    """ "PI клиент" (Macedonian: client) is no "AVEVA PI Server"; "PaperCut MF Client" is PaperCut MF's."""
    targets = [Item("pi", "AVEVA PI Server", "2023", "AVEVA"), Item("pc", "PaperCut MF", "", "PaperCut")]
    assert chosen_name("PI клиент", targets, "2023", versioned=True) == ""
    assert chosen_name("PI Client", targets, "2023", versioned=True) == ""
    assert chosen_name("PaperCut MF Client", targets, "22.1", versioned=True) == "PaperCut MF"


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Қонақ", "qonaq"),  # Kazakh's own letters, as its Latin alphabet writes them
        ("Сақтық көшірме", "saqtyq koshirme"),
        ("Жалақы", "zhalaqy"),
    ],
)
def test_kazakh_letters_read_as_its_latin_alphabet_writes_them(name, read):
    assert normalise(name) == read


def test_a_product_whose_own_record_is_retired_is_no_service_it_delivers_even_with_its_former_name():
    """ "Skype for Business (Lync)" beside a retired "Collaboration - Skype for Business" is that record,
    not the telephony service the product delivers, though its bracket names Lync."""
    targets = [
        Item("tel", "Telephony - IP Telephony"),
        Item("sfb", "Collaboration - Skype for Business [RETIRED]"),
    ]
    assert chosen_key("Skype for Business (Lync)", targets) == ""
    assert chosen_key("Skype for Business (Lync)", targets[:1]) == "tel"


@pytest.mark.parametrize(
    ("name", "target", "slip"),
    [
        ("Serveurs virtuels", "Hosting - Virtual Servers - Prod", "Serveurs = Servers"),
        ("Incident Reponse", "Security - Incident Response", "Reponse = Response"),
        ("Vulnerabilite Scanning", "Security - Vulnerability Scanning", "Vulnerabilite = Vulnerability"),
    ],
)
def test_a_french_word_read_as_a_slip_of_an_english_one_stays_so(name, target, slip):
    """No alias has "Serveur", "Réponse" or "Vulnérabilité": names of them are still read as slips."""
    found = ranked(name, [Item("t", target)])
    assert found and f"misspelt: {slip}" in found[0].why
