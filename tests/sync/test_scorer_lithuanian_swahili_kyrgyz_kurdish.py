"""Lithuanian, Swahili, Kyrgyz, Sorani Kurdish, Nepali, Sinhala, Telugu and Khmer organisations' names (issue
19, blind sets 193 to 200): Thai, Lao, Burmese and Khmer read letter by letter as codes, as the Indic scripts
are, and Sorani Kurdish's own letters as Arabic's; common IT services in those languages."""

import pytest

from sync.matching import normalise
from tests.sync.scoring import SERVICES, chosen_key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Elektroninis paštas", "mail"),  # Lithuanian
        ("Vietinis tinklas", "lan"),
        ("Dviejų veiksnių autentifikacija", "mfa"),
        ("Mobilusis ryšys", "mobile"),
        ("Barua pepe ya ofisi", "mail"),  # Swahili
        ("Kamera za usalama", "cctv"),
        ("Mahudhurio", "time"),
        ("Электрондук почта", "mail"),  # Kyrgyz
        ("Резервдик көчүрмө", "backup"),
        ("ئیمەیڵ", "mail"),  # Sorani Kurdish
        ("کامێرای چاودێری", "cctv"),
        ("इमेल सेवा", "mail"),  # Nepali
        ("तलब प्रणाली", "pay"),
        ("ඊමේල් සේවාව", "mail"),  # Sinhala
        ("ఈమెయిల్ సేవ", "mail"),  # Telugu
        ("హాజరు నమోదు", "time"),
        ("សេវាអ៊ីមែល", "mail"),  # Khmer
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_thai_lao_burmese_and_khmer_read_as_codes_their_digits_as_digits():
    read = [normalise(word) for word in ("อีเมล", "ອີເມວ", "အီးမေးလ်", "អ៊ីមែល")]
    assert all(word.isascii() and word.isalpha() for word in read) and len(set(read)) == 4
    assert normalise("ระบบ ๒๐๒๔").endswith(" 2024")
    assert normalise("ئیمەیڵ") == "yxyxmxaxyxlx"  # Kurdish's own letters, and a hamza's letter, none dropped
    assert normalise("أمن") == normalise("امن")  # a letter with its hamza apart is no letter alone
