"""Bengali, Tamil, Hindi, Amharic and Urdu organisations' names (issue 19, blind sets 187 to 190): the Indic
scripts and Ethiopic read letter by letter as codes no English word or other script spells, their digits as
digits, so that an alias in them reads them; common IT services in those languages."""

import pytest

from sync.matching import Item, normalise
from sync.scorer import Scorer
from tests.sync.scoring import SERVICES, chosen_key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ইমেইল", "mail"),  # Bengali
        ("সিসিটিভি", "cctv"),
        ("হাজিরা", "time"),
        ("ডেটা সেন্টার", "dc"),
        ("மின்னஞ்சல்", "mail"),  # Tamil
        ("காப்புப்பிரதி", "backup"),
        ("தரவு மையம்", "dc"),
        ("ईमेल", "mail"),  # Hindi
        ("बैकअप", "backup"),
        ("हेल्पडेस्क", "desk"),
        ("ኢሜይል", "mail"),  # Amharic
        ("የደመወዝ ክፍያ", "pay"),
        ("የመረጃ ማዕከል", "dc"),
        ("بیک اپ", "backup"),  # Urdu
        ("ہیلپ ڈیسک", "desk"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_these_scripts_read_as_codes_no_english_word_or_other_block_spells():
    read = [normalise(word) for word in ("ইমেইল", "ईमेल", "மின்னஞ்சல்", "ኢሜይል")]
    assert all(word.isascii() and word.isalpha() and len(word) > 4 for word in read)
    assert len(set(read)) == 4 and normalise("ক") != normalise("क")  # one letter of two blocks: two codes
    assert normalise("অফিস ৩৬৫").endswith(" 365") and normalise("ऑफिस ३६५").endswith(" 365")  # digits
    assert normalise("ሰላም፡ዓለም").count(" ") == 1  # Ethiopic's word space


def test_words_no_alias_reads_in_these_scripts_are_still_left_out_beside_latin_ones():
    scorer = Scorer([Item("t", "Email")], versioned=False)
    assert scorer._without_unspelled("ইমেইল সার্ভার Exchange") == "ইমেইল Exchange"  # server: no alias's
    assert scorer._without_unspelled("የጋራ ሰነዶች SharePoint") == "SharePoint"
