"""The incident's choice lists in the ServiceNow sandbox as a stock instance keeps them: `sys_choice` rows
(name=incident) that field discovery reads through the Table API, and `sys_dictionary` reporting
state, impact, urgency and priority as integer columns and close_code as a string one, each with a
choice list."""

import pytest

from integrations.servicenow.sandbox.columns import IMPACT, INCIDENT_CLOSE_CODE, INCIDENT_STATE, PRIORITY
from integrations.servicenow.sandbox.seed import stable_id

LISTS = {
    "state": INCIDENT_STATE,
    "impact": IMPACT,
    "urgency": IMPACT,
    "priority": PRIORITY,
    "close_code": INCIDENT_CLOSE_CODE,
}


def choices(sandbox, element: str, **extra) -> list[dict]:
    return sandbox.table(
        "sys_choice",
        sysparm_query=f"name=incident^element={element}^ORDERBYsequence",
        sysparm_fields="name,element,value,label,sequence,language,inactive",
        **extra,
    )


@pytest.mark.parametrize("element", list(LISTS))
def test_each_incident_choice_list_is_seeded_in_order(sandbox, element):
    rows = choices(sandbox, element)
    assert [(r["value"], r["label"]) for r in rows] == list(LISTS[element])
    assert [int(r["sequence"]) for r in rows] == list(range(1, len(rows) + 1))
    assert {(r["name"], r["element"], r["language"], r["inactive"]) for r in rows} == {
        ("incident", element, "en", "false")
    }


def test_the_seeded_labels_are_the_display_values_incidents_show(sandbox):
    created = sandbox.post("/api/now/table/incident", json={"short_description": "x", "impact": "1"})
    assert created.status_code == 201, created.text
    shown = sandbox.get(
        f"/api/now/table/incident/{created.json()['result']['sys_id']}",
        params={"sysparm_display_value": "true", "sysparm_fields": "state,impact,urgency,priority"},
    ).json()["result"]
    labels = {e: dict(rows) for e, rows in LISTS.items()}
    assert shown == {
        "state": labels["state"]["1"],
        "impact": labels["impact"]["1"],
        "urgency": labels["urgency"]["3"],
        "priority": labels["priority"]["3"],
    }


def test_an_integration_user_reads_the_choices_but_cannot_change_them(sandbox):
    itil = sandbox.as_user("integration", "integration")
    assert len(itil.table("sys_choice", sysparm_query="name=incident^element=impact")) == 3
    row_id = stable_id("sys_choice", "incident", "impact", "1")
    answer = itil.patch(f"/api/now/table/sys_choice/{row_id}", json={"label": "Huge"})
    assert answer.status_code == 403
    assert choices(sandbox, "impact")[0]["label"] == "1 - High"


def test_an_unknown_choice_element_has_no_rows(sandbox):
    assert choices(sandbox, "no_such_field") == []


def test_the_dictionary_reports_integer_and_string_choice_columns(sandbox):
    rows = sandbox.table(
        "sys_dictionary",
        sysparm_query="name=incident^elementINstate,impact,urgency,priority,close_code,close_notes",
        sysparm_fields="element,internal_type,choice",
    )
    found = {r["element"]: (r["internal_type"], r["choice"]) for r in rows}
    assert found == {
        "state": ("integer", "3"),
        "impact": ("integer", "3"),
        "urgency": ("integer", "3"),
        "priority": ("integer", "3"),
        "close_code": ("string", "1"),
        "close_notes": ("string", "0"),
    }


def test_other_choice_columns_follow_the_same_rule(sandbox):
    rows = sandbox.table(
        "sys_dictionary",
        sysparm_query="nameINchange_request,sysapproval_approver^element=state",
        sysparm_fields="name,internal_type",
    )
    assert {r["name"]: r["internal_type"] for r in rows} == {
        "change_request": "integer",
        "sysapproval_approver": "string",
    }


def test_a_restarted_sandbox_keeps_one_list_and_retypes_older_dictionary_rows(make_sandbox, tmp_path):
    first = make_sandbox(data_dir=tmp_path)
    records = first.server.app.records
    (row,) = first.table("sys_dictionary", sysparm_query="name=incident^element=impact")
    with records.store.transaction():  # as sandboxes before this one wrote it
        records.update(
            "sys_dictionary",
            records.store.locate("sys_dictionary", row["sys_id"])[1],
            {"internal_type": "choice", "choice": "0"},
            "system",
        )
    assert first.table("sys_dictionary", sys_id=row["sys_id"])[0]["internal_type"] == "choice"
    first.server.stop()
    again = make_sandbox(data_dir=tmp_path)
    assert len(choices(again, "state")) == len(INCIDENT_STATE)
    (retyped,) = again.table("sys_dictionary", sys_id=row["sys_id"])
    assert (retyped["internal_type"], retyped["choice"]) == ("integer", "3")
