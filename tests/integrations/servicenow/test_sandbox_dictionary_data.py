"""Fidelity round two (issue 20), behaviours 1 to 6: client-chosen sys_ids, which `sys_*` fields a write
keeps, task defaults and choice lists from the dictionary, real columns, and date-times in the caller's
time zone."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

ADMIN = "6816f79cc0a8016401c5a33be04be441"


def test_1_a_sys_id_in_the_body_is_kept_and_a_used_one_is_refused(sandbox):
    chosen = "feedfacefeedfacefeedfacefeedface"
    first = sandbox.post("/api/now/table/incident", json={"sys_id": chosen, "short_description": "Mine"})
    assert first.status_code == 201 and first.json()["result"]["sys_id"] == chosen
    assert sandbox.get(f"/api/now/table/incident/{chosen}").status_code == 200
    for table in ("incident", "problem"):  # one key space per hierarchy: task's, here
        again = sandbox.post(f"/api/now/table/{table}", json={"sys_id": chosen, "short_description": "Again"})
        assert again.status_code == 403 and "Unique Key violation" in again.json()["error"]["detail"]
    assert len(sandbox.table("task", sysparm_query=f"sys_id={chosen}")) == 1
    other = sandbox.post("/api/now/table/cmdb_ci_appl", json={"sys_id": chosen, "name": "Other hierarchy"})
    assert other.status_code == 201
    capitals = "AAAABBBBCCCCDDDDEEEEFFFF00001111"
    kept = sandbox.post("/api/now/table/problem", json={"sys_id": capitals}).json()["result"]
    assert kept["sys_id"] == capitals and sandbox.get(f"/api/now/table/problem/{capitals}").status_code == 200


def test_2_only_system_maintained_fields_are_ignored_and_sys_name_is_a_column(sandbox):
    created = sandbox.post(
        "/api/now/table/cmdb_rel_type",
        json={
            "name": "Feeds::Fed by",
            "sys_name": "Feeds::Fed by",
            "sys_created_by": "mallory",
            "sys_created_on": "2001-01-01 00:00:00",
            "sys_mod_count": "41",
            "sys_class_name": "cmdb_ci",
        },
    ).json()["result"]
    assert created["sys_name"] == "Feeds::Fed by"
    assert created["sys_created_by"] == "admin" and created["sys_mod_count"] == "0"
    assert created["sys_class_name"] == "cmdb_rel_type" and not created["sys_created_on"].startswith("2001")
    found = sandbox.table("cmdb_rel_type", sysparm_query="sys_name=Feeds::Fed by")
    assert [r["sys_id"] for r in found] == [created["sys_id"]]
    server = sandbox.post(
        "/api/now/table/cmdb_ci", json={"name": "srv-9", "sys_class_name": "cmdb_ci_linux_server"}
    ).json()["result"]
    assert server["sys_class_name"] == "cmdb_ci_linux_server"  # an insert through a parent names the class
    assert sandbox.get(f"/api/now/table/cmdb_ci_linux_server/{server['sys_id']}").status_code == 200
    stray = sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "x", "sys_class_name": "incident"})
    assert stray.json()["result"]["sys_class_name"] == "cmdb_ci_appl"
    patched = sandbox.patch(
        f"/api/now/table/cmdb_rel_type/{created['sys_id']}", json={"sys_name": "Feeds", "sys_mod_count": "9"}
    ).json()["result"]
    assert patched["sys_name"] == "Feeds" and patched["sys_mod_count"] == "1"


def test_3_task_tables_get_their_dictionary_defaults(sandbox):
    for table, prefix, new in (("problem", "PRB", "101"), ("task", "TASK", "1"), ("incident", "INC", "1")):
        record = sandbox.post(f"/api/now/table/{table}", json={"short_description": "Defaults"}).json()
        record = record["result"]
        assert record["number"].startswith(prefix) and len(record["number"]) == len(prefix) + 7
        assert record["opened_by"]["value"] == ADMIN
        opened = datetime.strptime(record["opened_at"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
        assert abs((datetime.now(UTC) - opened).total_seconds()) < 60
        assert record["state"] == new and record["active"] == "true", table
    explicit = sandbox.post("/api/now/table/problem", json={"opened_by": "", "state": "102"}).json()
    assert explicit["result"]["opened_by"]["value"] == ADMIN and explicit["result"]["state"] == "102"


def test_4_state_impact_urgency_priority_are_choices_per_table(sandbox):
    shown = {}
    for table in ("incident", "problem", "change_request", "task"):
        created = sandbox.post(f"/api/now/table/{table}", json={"short_description": "Choices"}).json()
        path = f"/api/now/table/{table}/{created['result']['sys_id']}"
        every = sandbox.get(path, params={"sysparm_display_value": "all"}).json()["result"]
        shown[table] = {f: every[f] for f in ("state", "impact", "urgency", "priority")}
        text = sandbox.get(path, params={"sysparm_display_value": "true"}).json()["result"]
        assert text["state"] == shown[table]["state"]["display_value"]
    assert shown["incident"]["state"] == {"display_value": "New", "value": "1"}
    assert shown["problem"]["state"] == {"display_value": "New", "value": "101"}
    assert shown["change_request"]["state"] == {"display_value": "New", "value": "-5"}
    assert shown["task"]["state"] == {"display_value": "Open", "value": "1"}
    assert shown["problem"]["impact"] == {"display_value": "3 - Low", "value": "3"}
    assert shown["task"]["priority"] == {"display_value": "4 - Low", "value": "4"}
    assert shown["incident"]["priority"] == {"display_value": "5 - Planning", "value": "5"}
    rows = sandbox.table("sys_choice", sysparm_query="name=problem^element=state^ORDERBYsequence")
    assert [(r["value"], r["label"]) for r in rows][:3] == [
        ("101", "New"),
        ("102", "Assess"),
        ("103", "Root Cause Analysis"),
    ]
    entry = sandbox.table("sys_dictionary", sysparm_query="name=task^element=state")[0]
    assert (entry["internal_type"], entry["choice"], entry["default_value"]) == ("integer", "3", "1")


def test_5_real_columns_are_kept_through_inheritance(sandbox):
    computer = sandbox.post(
        "/api/now/table/cmdb_ci_linux_server",
        json={
            "name": "lnx01",
            "environment": "Production",
            "mac_address": "00:11:22:33:44:55",
            "model_number": "R740",
            "no_such_column": "dropped",
        },
    ).json()["result"]
    assert (computer["environment"], computer["mac_address"], computer["model_number"]) == (
        "Production",
        "00:11:22:33:44:55",
        "R740",
    )
    assert "no_such_column" not in computer
    via_base = sandbox.table("cmdb_ci", sysparm_query="mac_address=00:11:22:33:44:55", sysparm_fields="name")
    assert via_base == [{"name": "lnx01"}]
    department = sandbox.post("/api/now/table/cmn_department", json={"name": "Finance"}).json()["result"]
    user = sandbox.post(
        "/api/now/table/sys_user",
        json={"user_name": "fin.user", "department": department["sys_id"], "user_password": "S3cret!"},
    ).json()["result"]
    assert user["department"]["value"] == department["sys_id"] and user["user_password"] == ""
    shown = sandbox.get(
        f"/api/now/table/sys_user/{user['sys_id']}", params={"sysparm_display_value": "all"}
    ).json()["result"]
    assert shown["department"]["display_value"] == "Finance"
    assert shown["user_password"] == {"display_value": "********", "value": ""}
    admin = sandbox.get(f"/api/now/table/sys_user/{ADMIN}", params={"sysparm_display_value": "true"})
    assert admin.json()["result"]["user_password"] == "********"  # the configured users have one
    stored = sandbox.server.app.store.tables["sys_user"][user["sys_id"]]["user_password"]
    assert stored and "S3cret!" not in stored


def test_6_date_time_display_values_follow_the_callers_time_zone(sandbox):
    sandbox.patch(f"/api/now/table/sys_user/{ADMIN}", json={"time_zone": "Asia/Kolkata"})
    created = sandbox.post("/api/now/table/incident", json={"short_description": "Zoned"}).json()["result"]
    path = f"/api/now/table/incident/{created['sys_id']}"
    every = sandbox.get(path, params={"sysparm_display_value": "all"}).json()["result"]
    utc = datetime.strptime(every["sys_created_on"]["value"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    local = utc.astimezone(ZoneInfo("Asia/Kolkata")).strftime("%Y-%m-%d %H:%M:%S")
    assert every["sys_created_on"] == {"display_value": local, "value": utc.strftime("%Y-%m-%d %H:%M:%S")}
    assert sandbox.get(path).json()["result"]["sys_created_on"] == every["sys_created_on"]["value"]
    assert sandbox.get(path, params={"sysparm_display_value": "true"}).json()["result"]["opened_at"] == (
        datetime.strptime(every["opened_at"]["value"], "%Y-%m-%d %H:%M:%S")
        .replace(tzinfo=UTC)
        .astimezone(ZoneInfo("Asia/Kolkata"))
        .strftime("%Y-%m-%d %H:%M:%S")
    )
    other = sandbox.as_user("integration", "integration")
    assert (
        other.get(path, params={"sysparm_display_value": "true"}).json()["result"]["sys_created_on"]
        == (every["sys_created_on"]["value"])
    )
