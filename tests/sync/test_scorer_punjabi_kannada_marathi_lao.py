"""Punjabi, Kannada, Marathi, Yoruba, isiZulu, Somali, Turkmen and Lao organisations' names (issue 19, blind
sets 209 to 216): common IT services in those languages, and a "+" between words left unread."""

import pytest

from sync.matching import Item
from sync.scorer import PRESELECT_AT
from tests.sync.scoring import SERVICES, chosen_key, first_candidate


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ਪ੍ਰਿੰਟਰ ਸੇਵਾ", "print"),  # Punjabi
        ("ਤਨਖਾਹ", "pay"),
        ("ಕಂಪನಿ ಇಮೇಲ್", "mail"),  # Kannada
        ("ಸಿಸಿಟಿವಿ", "cctv"),
        ("बॅकअप", "backup"),  # Marathi
        ("पगार", "pay"),
        ("Owó oṣù òṣìṣẹ́", "pay"),  # Yoruba
        ("Amakhamera okuphepha", "cctv"),  # isiZulu
        ("Kamaradaha amniga", "cctv"),  # Somali
        ("Ätiýaçlyk nusga", "backup"),  # Turkmen
        ("ອີເມວບໍລິສັດ", "mail"),  # Lao
        ("ສຳຮອງຂໍ້ມູນ", "backup"),
    ],
)
def test_services_words_in_these_languages_read_as_an_english_catalogues(name, expected):
    assert chosen_key(name, SERVICES) == expected


def test_a_plus_before_words_left_unread_goes_with_them():
    """Set 216: "ກ້ອງວົງຈອນປິດ ໂຮງງານ + ບໍ່ (Milestone)", CCTV at the plant and the pit, is the CCTV
    whose details name Milestone, not a listing of CCTV and Milestone."""
    catalogue = [
        Item("site", "CCTV - Mine Site and Process Plant", context="Milestone XProtect cameras"),
        Item("gold", "CCTV - Gold Room", context="Restricted gold room surveillance"),
        Item("hq", "CCTV - VTE", context="Head office cameras"),
    ]
    found = first_candidate("ກ້ອງວົງຈອນປິດ ໂຮງງານ + ບໍ່ (Milestone)", catalogue)
    assert found.target_id == "site" and found.preselectable and found.score >= PRESELECT_AT
