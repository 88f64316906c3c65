"""How a target's details are read (sync.match_details): the labels a codename gives a description, said of
every sentence of it (sync.scorer_details)."""

import pytest

from sync.match_details import Mentions, labels_of


@pytest.mark.parametrize(
    ("details", "labels"),
    [
        ("Codename Orbit. Pipelines on Salesforce Sales Cloud", {0}),
        ("Data warehouse on Snowflake; programme Boussole; Business Service", {1}),
        ("FORGE: Siemens Teamcenter 14 for Farnborough", {0}),
        ("Spam is quarantined. Filtering of outbound mail", set()),  # a short sentence, no codename's
        ("Salesforce Sales Cloud. Marketing on HubSpot.", set()),
        ("Oracle: general ledger", set()),  # one word, but no capitals' name
        (
            "Project Aurora with SAP and Oracle. Finance",
            set(),
        ),  # a codename's word opening a sentence too long
    ],
)
def test_a_codenames_sentence_labels_the_details(details, labels):
    assert labels_of(Mentions([details]).text(0)) == labels
