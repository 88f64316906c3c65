"""Uyghur, Tatar, Haitian Creole, Igbo, isiXhosa, Odia, Greenlandic, Sindhi, Dzongkha, Assamese, Twi, Cebuano,
Javanese, Chichewa, Guarani, Lingala, Romansh, Samoan and Sesotho organisations' names (issue 19,
blind sets 224 to 246): common IT services in those languages, and the letters that write them: Uyghur's and
Sindhi's own Arabic letters, Tibetan's syllables apart by their tsheg, Akan's open vowels."""

import pytest

from sync.match_dictionary import words_of
from tests.sync.scoring import SERVICES, chosen_key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ئېلخەت", "mail"),  # Uyghur
        ("ئىش ھەققى", "pay"),
        ("Хезмәт хакы", "pay"),  # Tatar
        ("Видеокүзәтү", "cctv"),
        ("Резерв күчермә", "backup"),
        ("Pewòl", "pay"),  # Haitian Creole
        ("Telefòn", "mobile"),
        ("Ugwo onwa", "pay"),  # Igbo
        ("Imivuzo", "pay"),  # isiXhosa
        ("ଦରମା", "pay"),  # Odia
        ("ହାଜିରା", "time"),
        ("Akissarsiat", "pay"),  # Greenlandic
        ("پگهار", "pay"),  # Sindhi
        ("پرنٽر", "print"),
        ("པར་འཕྲུལ་", "print"),  # Dzongkha
        ("দৰমহা", "pay"),  # Assamese
        ("Akatua", "pay"),  # Twi
        ("Sweldo", "pay"),  # Cebuano
        ("Khatiso", "print"),  # Sesotho
        ("Reset tembung sandi", "pwd"),  # Javanese
        ("Malipiro a antchito", "pay"),  # Chichewa
        ("Ñandutiveve", "mail"),  # Guarani
        ("Lifuti", "pay"),  # Lingala
        ("Copia da segirezza", "backup"),  # Romansh
        ("Lomitusi", "print"),  # Samoan
        ("Meputso", "pay"),  # Sesotho
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_the_letters_of_these_scripts_are_read():
    assert words_of("ئۇيغۇرچە") == ("yxuxyxghxuxrxchxax",)  # Uyghur's vowels, once dropped
    assert words_of("بيڪ اپ") == ("bxyxkx", "axpx")  # Sindhi's own kaf
    assert words_of("གླ་ཆ་ཆུ་ཁ་") == words_of("གླ་ཆ་ ཆུ་ཁ་")  # a tsheg parts syllables, as a space does
    assert len(words_of("པར་འཕྲུལ་")) == 2
    assert words_of("Tɛlɛfon") == ("telefon",)  # Akan's open e
