"""A portfolio name read without the words no target record has (issue 19, sync.scorer_unknown): another
language's words around a product's name leave what the product finds, suggested, never pre-selected."""

import pytest

from sync.matching import Item, preselect
from sync.scorer import PRESELECT_AT, suggest
from sync.scorer_unknown import known_part

CATALOGUE = [
    Item(
        "exp",
        "Expense & Travel Management - Silver",
        context="SAP Concur expense reports and travel requests",
    ),
    Item("pm", "ERP Plant Maintenance - Gold", context="SAP S/4HANA PM maintenance orders"),
    Item("reefer", "Reefer Monitoring", context="Refrigerated container telemetry"),
    Item("mon", "Monitoring and Alerting", context="Zabbix and Grafana"),
    Item("sp", "SharePoint Online & OneDrive", context="Intranet sites and file sharing"),
    Item("web", "Intranet - Staff Hub", context="Microsoft Sharepoint intranet pages"),
    Item("noc", "Operations Centre", context="Telemetry and alarms for the fleet"),
    Item("iot", "Device Platform", context="Telemetry from sensors"),
    Item("old", "RETIRED - Lift Ticketing", context="Skidata ticket gates, replaced 2022"),
]


def found(name: str) -> list:
    return suggest([Item("l", name)], CATALOGUE, versioned=False)["l"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Rimborsi spese Concur", "exp"),  # Italian: expense refunds
        ("Spesenabrechnung Concur", "exp"),  # German: expense claims
        ("SAP PM - ordini di manutenzione impianti", "pm"),  # a little word between unknown ones goes too
        ("Rimborsi e di spese Concur", "exp"),  # and a run of them
    ],
)
def test_a_products_name_among_another_languages_words_suggests_what_the_product_finds(name, expected):
    """Sets 107, 110 and 111: staff write their own language around a product's name; the catalogue's
    records have none of those words, and "Concur" alone would be pre-selected."""
    candidates = found(name)
    assert candidates[0].target_id == expected
    assert not candidates[0].preselectable and candidates[0].score < PRESELECT_AT
    assert "which no record has: suggested, never pre-selected" in candidates[0].why
    assert preselect(candidates, PRESELECT_AT) is None


@pytest.mark.parametrize(
    "name",
    [
        "Sharepoint Onine",  # a slip of a word a record has, not another language's
        "Koelcontainer Monitoring",  # Dutch "reefer": what is left names nothing a record is told by
        "Koelcontainer Telemetry",  # an English word two descriptions mention: nothing sure, nothing named
        "Concur",  # nothing unknown: the rules' own reading
    ],
)
def test_no_words_are_read_away_from_a_slip_a_name_nothing_is_left_of_or_a_known_name(name):
    assert not any("which no record has" in c.why for c in found(name))


def test_codes_brands_and_words_of_retired_records_are_never_unknown():
    def unknown(name: str) -> list[str]:
        return [token for token, _ in known_part(name, lambda word: word in ("terminal", "skidata"))[1]]

    assert unknown("GTECH Terminal") == []  # a code's capitals
    assert unknown("Guidewire InsuranceSuite") == ["Guidewire"]  # not a brand's with an inner capital
    assert unknown("ordini di manutenzione Skidata") == ["ordini", "di", "manutenzione"]
    assert unknown("SAP PM ordini") == ["ordini"]  # a little word beside a known one stays
    assert not any("which no record has" in c.why for c in found("Skidata Concur"))  # a retired record's


def test_no_words_are_read_away_where_a_rule_found_the_name_already():
    """The details' own reading of the words no record has (sync.scorer_details._mentioned_less) found the
    warranty service: its evidence stands, not another reading's."""
    warranty = [
        Item("w", "Warranty Claims Management - Platinum", context="Tavant Warranty claims from dealers")
    ]
    found = suggest([Item("l", "Garanzie Tavant")], warranty, versioned=False)["l"]
    assert found[0].why == "its description mentions Tavant (no record has Garanzie)"


def test_an_acronym_before_a_dash_is_the_service_it_stands_for_where_what_follows_says_no_other():
    """Set 270: "RIS - bookings and reports" finds nothing by its words; the acronym alone pre-selects the
    Radiology Information System, whose details say what follows. Another language's words no record has
    leave it as sure ("CPOE - kauka orders"); English words the record lacks, another record's words, a
    product, a tier, an environment, a copy, a number, a record old or new, or nothing of its own after the
    dash make it a suggestion, after what the rules found; what follows spelling the acronym out is read by
    the rules already; and only the record the acronym alone pre-selects is read so."""
    catalogue = [
        Item(
            "ris", "Radiology Information System (RIS)", context="Radiology requests, bookings and reports."
        ),
        Item("cpoe", "Computerized Provider Order Entry", context="Medication and lab orders."),
        Item("qcs", "Quality Control System (QCS)", context="Paper quality scanners."),
        Item("pm1", "Paper Machine 1 Drives"),
        Item("siem", "Security: SIEM & Log Monitoring (Wazuh)"),
        Item("crm", "Customer Relationship Management (CRM)", context="Salesforce Sales Cloud"),
        Item("sap", "SAP ERP (SAP)"),
        Item("email", "Email Security Gateway"),
        Item("hr", "HR - Employee Self-Service Portal"),
    ]

    def ranked(name: str, targets: list[Item] = catalogue) -> list:
        return suggest([Item("l", name)], targets, versioned=False)["l"]

    def chosen(name: str) -> str:
        best = preselect(ranked(name), PRESELECT_AT)
        return best.target_id if best else ""

    for name, expected in (
        ("RIS - bookings and reports", "ris"),
        ("RIS - Production", "ris"),
        ("CPOE - kauka orders", "cpoe"),
    ):
        assert chosen(name) == expected, name
    for name, suggested in (
        ("RIS - xray bookings & reports", "ris"),  # an English word the record lacks
        ("RIS - upgrade", "ris"),
        ("RIS - Test", "ris"),
        ("RIS - qa", "ris"),
        ("RIS - dr", "ris"),
        ("RIS - Disaster Recovery", "ris"),
        ("RIS - old", "ris"),
        ("RIS - nuevo", "ris"),
        ("RIS - v2", "ris"),
        ("RIS - B", "ris"),
        ("QCS - Paper Machine 2", "qcs"),
        ("QCS - business hours only", "qcs"),
        ("SIEM - Splunk Enterprise", "siem"),
        ("CRM - Dynamics 365", "crm"),
        ("SAP - HANA", "sap"),
    ):
        found = ranked(name)
        assert found and found[0].target_id == suggested and not found[0].preselectable, name
    assert chosen("ESS - employee self service") == ""
    teams = [Item("m365", "Microsoft 365 (M365)"), Item("teams", "Microsoft Teams")]
    assert ranked("M365 - Teams", teams)[0].target_id == "teams"  # what the rules found, then the acronym's
    hr = [Item("hris", "HR Information System (HRIS)"), Item("hr", "Human Resources (HR)")]
    assert preselect(ranked("HR - Payroll", hr), PRESELECT_AT) is None  # "HR" alone pre-selects neither
