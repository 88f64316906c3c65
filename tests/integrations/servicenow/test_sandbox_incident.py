"""The sandbox's incident as ticket sync needs it: dictionary defaults, choice fields and their display
values, the priority lookup, journal fields, resolving and closing, the CI reference and attachments."""

import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from integrations.servicenow.sandbox.auth import ADMIN_SYS_ID

INCIDENTS = "/api/now/table/incident"


def create(sandbox, **values):
    response = sandbox.post(INCIDENTS, json={"short_description": "Orders API answers 502", **values})
    assert response.status_code == 201, response.text
    return response.json()["result"]


def change(sandbox, incident, **values):
    return sandbox.patch(f"{INCIDENTS}/{incident['sys_id']}", json=values)


def read(sandbox, incident, **params):
    response = sandbox.get(f"{INCIDENTS}/{incident['sys_id']}", params=params)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def itil(sandbox):
    return sandbox.as_user("integration", "integration")


# 1. Dictionary defaults -----------------------------------------------------------------------------------


def test_a_new_incident_gets_the_dictionary_defaults(sandbox):
    first, second = create(sandbox), create(sandbox)
    assert (first["number"], second["number"]) == ("INC0010001", "INC0010002")
    assert first["opened_by"]["value"] == ADMIN_SYS_ID
    assert first["opened_by"]["link"].endswith(f"/api/now/table/sys_user/{ADMIN_SYS_ID}")
    opened = datetime.strptime(first["opened_at"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - opened) < timedelta(seconds=5)
    assert (first["state"], first["active"], first["impact"], first["urgency"], first["priority"]) == (
        "1",
        "true",
        "3",
        "3",
        "5",
    )
    assert first["sys_class_name"] == "incident"


def test_the_opener_is_the_caller_and_given_values_are_kept(sandbox):
    client = itil(sandbox)
    opened = create(client)["opened_by"]["value"]
    assert opened != ADMIN_SYS_ID
    assert client.table("sys_user", sys_id=opened, sysparm_fields="user_name") == [
        {"user_name": "integration"}
    ]
    chosen = create(sandbox, opened_by=opened, opened_at="2026-01-02 03:04:05", state="2")
    assert (chosen["opened_by"]["value"], chosen["opened_at"], chosen["state"]) == (
        opened,
        "2026-01-02 03:04:05",
        "2",
    )


def test_other_task_records_get_their_opener_too(sandbox):
    response = sandbox.post("/api/now/table/problem", json={"short_description": "Recurring 502s"})
    problem = response.json()["result"]
    assert problem["number"].startswith("PRB") and problem["opened_by"]["value"] == ADMIN_SYS_ID
    assert problem["opened_at"] != ""


# 2. Choice fields and their display values ----------------------------------------------------------------


def test_choice_fields_answer_their_labels(sandbox):
    incident = create(sandbox, impact="1", urgency="2", state="2")
    shown = read(sandbox, incident, sysparm_display_value="true")
    assert (shown["state"], shown["impact"], shown["urgency"], shown["priority"]) == (
        "In Progress",
        "1 - High",
        "2 - Medium",
        "2 - High",
    )
    both = read(sandbox, incident, sysparm_display_value="all", sysparm_fields="state,priority,number")
    assert both == {
        "state": {"display_value": "In Progress", "value": "2"},
        "priority": {"display_value": "2 - High", "value": "2"},
        "number": {"display_value": incident["number"], "value": incident["number"]},
    }
    assert read(sandbox, incident, sysparm_fields="state,priority") == {"state": "2", "priority": "2"}


@pytest.mark.parametrize(
    ("state", "label"),
    [("1", "New"), ("2", "In Progress"), ("3", "On Hold"), ("8", "Canceled")],
)
def test_every_state_has_its_label(sandbox, state, label):
    incident = create(sandbox, state=state)
    assert read(sandbox, incident, sysparm_display_value="true", sysparm_fields="state") == {"state": label}


def test_an_unknown_choice_value_is_stored_as_given(sandbox):
    incident = create(sandbox, state="42", urgency="9")
    assert (incident["state"], incident["urgency"], incident["priority"]) == ("42", "9", "5")
    shown = read(sandbox, incident, sysparm_display_value="all", sysparm_fields="state")
    assert shown == {"state": {"display_value": "42", "value": "42"}}


def test_a_list_filters_by_stored_value_or_label(sandbox):
    create(sandbox, impact="1", urgency="1")
    create(sandbox)
    by_value = sandbox.table("incident", sysparm_query="priority=1", sysparm_fields="priority")
    by_label = sandbox.table("incident", priority="1 - Critical", sysparm_fields="priority")
    assert by_value == by_label == [{"priority": "1"}]


def test_the_dictionary_describes_the_incident_fields(sandbox):
    rows = sandbox.table(
        "sys_dictionary",
        sysparm_query="name=incident^elementINstate,priority,close_code,close_notes^ORDERBYelement",
        sysparm_fields="element,internal_type,column_label",
    )
    assert [(r["element"], r["internal_type"], r["column_label"]) for r in rows] == [
        ("close_code", "string", "Resolution code"),
        ("close_notes", "string", "Resolution notes"),
        ("priority", "integer", "Priority"),
        ("state", "integer", "State"),
    ]


# 3. Priority from impact × urgency ------------------------------------------------------------------------

LOOKUP = [
    ("1", "1", "1"),
    ("1", "2", "2"),
    ("2", "1", "2"),
    ("1", "3", "3"),
    ("2", "2", "3"),
    ("3", "1", "3"),
    ("2", "3", "4"),
    ("3", "2", "4"),
    ("3", "3", "5"),
]


@pytest.mark.parametrize(("impact", "urgency", "priority"), LOOKUP)
def test_priority_follows_the_lookup_on_insert(sandbox, impact, urgency, priority):
    assert create(sandbox, impact=impact, urgency=urgency, priority="1")["priority"] == priority


def test_priority_follows_impact_and_urgency_on_update_and_ignores_a_written_one(sandbox):
    incident = create(sandbox)
    assert change(sandbox, incident, urgency="1").json()["result"]["priority"] == "3"
    assert change(sandbox, incident, impact="2").json()["result"]["priority"] == "2"
    ignored = change(sandbox, incident, priority="5")
    assert ignored.status_code == 200 and ignored.json()["result"]["priority"] == "2"
    assert ignored.json()["result"]["sys_mod_count"] == "2"  # a write of priority alone changes nothing
    numeric = change(sandbox, incident, impact=1, urgency=1).json()["result"]
    assert (numeric["impact"], numeric["priority"]) == ("1", "1")


# 4. Comments and work notes as journal entries ------------------------------------------------------------


def test_comments_and_work_notes_are_journal_entries(sandbox):
    client = itil(sandbox)
    incident = create(client, comments="We are looking into it", work_notes="Pool exhausted on app-02")
    assert (incident["comments"], incident["work_notes"]) == ("", "")
    time.sleep(1.1)  # entries are stamped to the second: the next one must sort after
    assert change(client, incident, comments="Fixed, please confirm").status_code == 200
    query = f"element_id={incident['sys_id']}^element=comments^ORDERBYDESCsys_created_on"
    entries = client.table("sys_journal_field", sysparm_query=query)
    assert [e["value"] for e in entries] == ["Fixed, please confirm", "We are looking into it"]
    assert {(e["name"], e["element"], e["sys_created_by"]) for e in entries} == {
        ("incident", "comments", "integration")
    }
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", e["sys_created_on"]) for e in entries)
    notes = client.table("sys_journal_field", element_id=incident["sys_id"], element="work_notes")
    assert [n["value"] for n in notes] == ["Pool exhausted on app-02"]


def test_journal_fields_show_in_the_record_newest_first(sandbox):
    client = itil(sandbox)
    incident = create(client, comments="First answer")
    time.sleep(1.1)
    change(client, incident, comments="Second answer", work_notes="Internal: restarted pool")
    shown = read(client, incident, sysparm_display_value="true", sysparm_fields="comments,work_notes")
    assert shown["comments"].index("Second answer") < shown["comments"].index("First answer")
    assert re.match(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d - integration \(Additional comments\)\n", shown["comments"]
    )
    assert "integration (Work notes)\nInternal: restarted pool\n\n" in shown["work_notes"]
    assert "Internal" not in shown["comments"]
    both = read(client, incident, sysparm_display_value="all", sysparm_fields="comments")["comments"]
    assert both["value"] == "" and "First answer" in both["display_value"]


def test_a_comment_counts_as_a_change_and_an_empty_one_does_not(sandbox):
    incident = create(sandbox)
    assert change(sandbox, incident, comments="Any news?").json()["result"]["sys_mod_count"] == "1"
    assert change(sandbox, incident, comments="   ").json()["result"]["sys_mod_count"] == "1"
    assert len(sandbox.table("sys_journal_field", element_id=incident["sys_id"])) == 1


# 5. Resolving and closing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "missing"),
    [
        ({}, "Resolution code, Resolution notes"),
        ({"close_code": "Solution provided"}, "Resolution notes"),
        ({"close_notes": "Restarted the pool", "close_code": ""}, "Resolution code"),
        ({"close_code": "Solution provided", "close_notes": "  "}, "Resolution notes"),
    ],
)
def test_resolving_without_the_resolution_is_refused_and_writes_nothing(sandbox, values, missing):
    incident = create(sandbox)
    refused = change(sandbox, incident, state="6", **values)
    assert refused.status_code == 403
    assert refused.json()["error"] == {
        "message": "Operation Failed",
        "detail": f"Data Policy Exception: The following fields are mandatory: {missing}",
    }
    after = read(sandbox, incident)
    assert (after["state"], after["sys_mod_count"], after["resolved_at"]) == ("1", "0", "")


def test_resolving_sets_who_and_when_and_closing_deactivates(sandbox):
    client = itil(sandbox)
    incident = create(client)
    resolved = change(
        client, incident, state="6", close_code="Solution provided", close_notes="Restarted the pool"
    ).json()["result"]
    assert resolved["state"] == "6" and resolved["active"] == "true"
    assert resolved["resolved_by"]["value"] == incident["opened_by"]["value"]
    assert resolved["resolved_at"] != "" and resolved["closed_at"] == ""
    shown = read(client, incident, sysparm_display_value="true", sysparm_fields="state,close_code")
    assert shown == {"state": "Resolved", "close_code": "Solution provided"}
    emptied = change(client, incident, close_notes="")
    assert emptied.status_code == 403 and "Resolution notes" in emptied.json()["error"]["detail"]
    closed = change(client, incident, state="7").json()["result"]
    assert (closed["state"], closed["active"]) == ("7", "false")
    assert closed["closed_by"]["value"] == incident["opened_by"]["value"] and closed["closed_at"] != ""
    assert closed["resolved_at"] == resolved["resolved_at"]


def test_an_incident_created_resolved_needs_the_resolution_too(sandbox):
    refused = sandbox.post(INCIDENTS, json={"short_description": "Already fixed", "state": "6"})
    assert refused.status_code == 403 and "Resolution code" in refused.json()["error"]["detail"]
    assert sandbox.table("incident") == []
    made = create(sandbox, state="6", close_code="Resolved by caller", close_notes="Went away")
    assert made["resolved_at"] != "" and made["resolved_by"]["value"] == ADMIN_SYS_ID


def test_canceling_needs_no_resolution(sandbox):
    incident = create(sandbox)
    canceled = change(sandbox, incident, state="8").json()["result"]
    assert (canceled["state"], canceled["active"], canceled["resolved_at"]) == ("8", "false", "")


# 6. The configuration item ---------------------------------------------------------------------------------


def test_cmdb_ci_references_a_ci_of_any_class(sandbox):
    server = sandbox.post("/api/now/table/cmdb_ci_linux_server", json={"name": "app-02"}).json()["result"]
    app = sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "Orders"}).json()["result"]
    for ci, name in ((server, "app-02"), (app, "Orders")):
        incident = create(sandbox, cmdb_ci=ci["sys_id"])
        assert incident["cmdb_ci"] == {
            "link": f"{sandbox.url}/api/now/table/cmdb_ci/{ci['sys_id']}",
            "value": ci["sys_id"],
        }
        shown = read(sandbox, incident, sysparm_display_value="true", sysparm_fields="cmdb_ci,cmdb_ci.name")
        assert shown["cmdb_ci"]["display_value"] == name and shown["cmdb_ci.name"] == name
        assert sandbox.table(
            "incident", sysparm_query=f"cmdb_ci={ci['sys_id']}", sysparm_fields="number"
        ) == [{"number": incident["number"]}]


# 7. Attachments ------------------------------------------------------------------------------------------


def test_attachments_on_an_incident_work_as_on_a_change(sandbox):
    client = itil(sandbox)
    incident = create(client)
    response = client.post(
        "/api/now/attachment/file",
        params={"table_name": "incident", "table_sys_id": incident["sys_id"], "file_name": "trace.log"},
        data=b"502 Bad Gateway",
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    meta = response.json()["result"]
    assert (meta["table_name"], meta["table_sys_id"], meta["size_bytes"]) == (
        "incident",
        incident["sys_id"],
        "15",
    )
    listed = client.get("/api/now/attachment", params={"sysparm_query": f"table_sys_id={incident['sys_id']}"})
    assert [a["file_name"] for a in listed.json()["result"]] == ["trace.log"]
    assert client.get(f"/api/now/attachment/{meta['sys_id']}/file").content == b"502 Bad Gateway"
    assert client.delete(f"/api/now/attachment/{meta['sys_id']}").status_code == 204
    assert client.get(f"/api/now/attachment/{meta['sys_id']}").status_code == 404


def test_an_attachment_to_a_missing_incident_is_refused(sandbox):
    response = sandbox.post(
        "/api/now/attachment/file",
        params={"table_name": "incident", "table_sys_id": "f" * 32, "file_name": "trace.log"},
        data=b"x",
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 400 and response.json()["error"]["message"] == "Invalid table_sys_id"
