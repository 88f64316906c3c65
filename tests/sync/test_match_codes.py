"""Clients' codes an MSP heads its services with (issue 19, sync.match_codes): read away on both sides, the
names shown as written. Each test names a rule, not a labelled case."""

from sync.match_codes import client_codes, with_codes
from sync.match_names import AliasBook
from sync.matching import Candidate, Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from tests.sync.scoring import first_candidate

CLIENT = ["Blue Badge Administration", "Pay by Phone - RingGo", "Visitor Permits", "Bus Lane Enforcement"]
CLIENT += ["Car Park Barriers", "Penalty Charge Processing", "Season Tickets", "Parking Suspensions"]
BOOK = AliasBook("it_service", ())


def headed(code: str, names: list[str] = CLIENT) -> list[Item]:
    return [Item(f"{code}{n}", f"{code} - {name}") for n, name in enumerate(names)]


def picked(name: str, catalogue: list[Item]) -> str:
    chosen = preselect(suggest([Item("l", name)], catalogue, versioned=False)["l"], PRESELECT_AT)
    return chosen.target_id if chosen else ""


def test_a_clients_code_heading_many_services_is_read_away_and_shown():
    catalogue = headed("MCP")
    found = first_candidate("Blue Badges", catalogue)
    assert found is not None and found.score >= PRESELECT_AT
    assert found.name == "MCP - Blue Badge Administration"  # shown as the target names it
    assert picked("RingGo", catalogue) == "MCP1"
    assert picked("MCP - Season Tickets", catalogue) == "MCP6"  # a portfolio may write it too
    assert picked("Blue Badges", catalogue[:7]) == ""  # seven services: it may be a category
    hours = [Item("24", "MCP - Parking Support - 24x7"), Item("bh", "MCP - Parking Support - Business Hours")]
    found = first_candidate("Parking Support", [*catalogue, *hours])
    assert found is not None and found.name.startswith("MCP - Parking Support - ")
    other = "MCP - Parking Support - Business Hours" if found.target_id == "24" else hours[0].name
    assert found.reasons[-1] == f"as likely as {other}"  # named as the target names it there too


def test_a_category_a_place_or_an_environment_is_no_clients_code():
    assert client_codes(headed("ERP"), BOOK) == frozenset()  # a word of the lists
    assert client_codes(headed("SAA"), BOOK) == {"SAA"}  # as the lists write their words: "SaaS" is no "SAA"
    for prefix in ("EU", "DE", "ANZ", "DEV", "UAT"):
        assert client_codes(headed(prefix), BOOK) == frozenset(), prefix
    assert client_codes([Item(f"m{n}", f"MCP – {name}") for n, name in enumerate(CLIENT)], BOOK) == {"MCP"}
    stages = [*headed("PROD"), *headed("DEV"), *headed("UAT")]
    assert picked("Season Tickets", stages) == ""  # which environment is a person's choice


def test_two_clients_services_of_one_name_are_a_persons_choice_unless_the_name_gives_its_code():
    catalogue = [*headed("MCP"), *headed("FWX")]
    assert picked("Season Tickets", catalogue) == ""
    found = first_candidate("Season Tickets", catalogue)
    assert found is not None and found.reasons[-1].startswith("as likely as ")
    assert picked("FWX - Season Tickets", catalogue) == "FWX6"
    assert picked("MCP - Season Tickets", catalogue) == "MCP6"
    assert picked("FWX-Season Tickets", catalogue) == picked("FWX Season Tickets", catalogue) == "FWX6"
    # one client's tier of a service beside another client's: which client's is a person's choice too
    tiers = [
        *headed("MCP"),
        *headed("FWX"),
        Item("mg", "MCP - Backup - Gold"),
        Item("fb", "FWX - Backup - Bronze"),
    ]
    assert picked("Backup", tiers) == ""
    assert picked("Backup - Bronze", tiers) == "fb"  # a tier only one client has
    assert picked("FWX - Backup - Bronze", tiers) == "fb"
    # a code run together is read only where the name is no target's own
    own = [*catalogue, Item("rw", "FWX Rework Station Support"), Item("mrw", "MCP - Rework Station Support")]
    assert picked("FWX Rework Station Support", own) == "rw"
    found = suggest([Item("l", "FWX - Blue Badges")], catalogue, versioned=False)["l"]
    other = next(c for c in found if c.target_id == "MCP0")
    assert not other.preselectable and other.reasons[-1].startswith("MCP's, not FWX's")


def test_the_names_in_reasons_are_shown_whole_as_the_targets_name_them():
    coded = {"h": "FW - Hosting", "p": "FW - Parking Support", "k": "FX - Parking"}
    ranked = [
        Candidate("h", "Hosting", 90, "x", reasons=("as likely as Server Hosting", "as likely as Hosting")),
        Candidate("s", "Server Hosting", 90, "x", reasons=("as likely as Hosting",)),
        Candidate("p", "Parking Support", 80, "x", reasons=("below Parking Support and Hosting",)),
        Candidate("k", "Parking", 70, "x"),
    ]
    shown = with_codes(ranked, coded, "")
    assert [c.name for c in shown] == [
        "FW - Hosting",
        "Server Hosting",
        "FW - Parking Support",
        "FX - Parking",
    ]
    assert shown[0].reasons == ("as likely as Server Hosting", "as likely as FW - Hosting")
    assert shown[1].reasons == ("as likely as FW - Hosting",)
    assert shown[2].reasons == ("below FW - Parking Support and FW - Hosting",)
