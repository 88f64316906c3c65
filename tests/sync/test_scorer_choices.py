"""The scorer's choices among records as likely (issue 19, sync.scorer_choices and sync.scorer_names): an
acronym's own spelling first, a service named for the portfolio name and a dash, a named cloud's service.
Each test names a rule, not a labelled case."""

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate

CONTINUITY = [
    Item("dr", "Disaster Recovery"),
    Item("itscm", "IT Service Continuity Management"),
    Item("mdr", "Managed Detection and Response - 24x7"),
]


def picked(name: str, catalogue: list[Item]) -> str:
    chosen = preselect(suggest([Item("l", name)], catalogue, versioned=False)["l"], PRESELECT_AT)
    return chosen.target_id if chosen else ""


def test_of_records_as_likely_for_an_acronym_the_one_it_spells_is_pre_selected_first():
    found = suggest([Item("l", "DR")], CONTINUITY, versioned=False)["l"]
    assert [c.target_id for c in found if c.preselectable] == ["dr"] and found[0].target_id == "dr"
    others = [c for c in found if c.target_id != "dr" and c.score == found[0].score]
    assert others and all("DR spells Disaster Recovery" in c.reasons for c in others)
    itscm = first_candidate("ITSCM", CONTINUITY)  # an alias reads it as Disaster Recovery too
    assert itscm.target_id == "itscm" and itscm.preselectable
    assert itscm.reasons[0] == "acronym: ITSCM = IT Service Continuity Management"
    assert picked("DR", CONTINUITY[1:]) == ""  # spelled by neither: two expansions, a person decides


def test_an_alias_reading_is_only_suggested_beside_records_named_for_the_name_and_a_dash():
    databases = [
        Item("pg", "Database Hosting - PostgreSQL", context="Azure Database for PostgreSQL"),
        Item("sql", "Database Hosting - SQL Server - Prod", context="SQL Server availability groups"),
        Item("dba", "Database Administration", context="Tuning, upgrades and restores"),
    ]
    found = first_candidate("Database Hosting", databases)
    assert found.target_id == "dba" and not found.preselectable
    assert "Database Hosting - PostgreSQL is named for it: suggested, never pre-selected" in found.reasons
    assert picked("Database Hosting", databases[2:]) == "dba"  # alone, the alias reading stands
    tiers = [Item("gold", "Database Hosting - Gold"), databases[2]]  # a tier is no "which one"
    assert picked("Database Hosting", tiers) == "gold"


def test_a_service_of_a_named_cloud_is_a_cloud_service():
    clouds = [Item("az", "Azure Cloud Hosting"), Item("files", "Cloud File Sharing")]
    assert picked("Azure Hosting", clouds) == "az"
    assert picked("AWS Hosting", [Item("aws", "AWS Cloud Hosting")]) == "aws"
    assert picked("File Sharing", clouds) == ""  # elsewhere "Cloud" still makes another kind
