"""What PySNC's and the Ansible collection `servicenow.itsm`'s own suites found different from an instance
when run against the sandbox (issue 20, verification), each as the instance behaves."""

import json
from pathlib import Path

from integrations.servicenow.sandbox import dictionary

STOCK = Path(dictionary.__file__).parent / "seeds" / "stock.json"


def attach(sandbox, table: str, sys_id: str, data: bytes = b"this is a sample attachment") -> dict:
    response = sandbox.post(
        "/api/now/attachment/file",
        params={"table_name": table, "table_sys_id": sys_id, "file_name": "test.txt"},
        data=data,
        headers={"Content-Type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    return response.json()["result"]


def test_deleting_a_record_deletes_its_attachments(sandbox):
    """PySNC's attachment test finds its own `test.txt` by name after earlier runs deleted theirs."""
    problem = sandbox.post("/api/now/table/problem", json={"short_description": "Attached"}).json()["result"]
    kept = sandbox.post("/api/now/table/problem", json={"short_description": "Kept"}).json()["result"]
    gone, other = attach(sandbox, "problem", problem["sys_id"]), attach(sandbox, "problem", kept["sys_id"])
    assert sandbox.delete(f"/api/now/table/problem/{problem['sys_id']}").status_code == 204
    assert sandbox.get(f"/api/now/attachment/{gone['sys_id']}").status_code == 404
    assert sandbox.get(f"/api/now/attachment/{gone['sys_id']}/file").status_code == 404
    listed = sandbox.get("/api/now/attachment", params={"sysparm_query": "file_name=test.txt"}).json()
    assert [a["sys_id"] for a in listed["result"]] == [other["sys_id"]]


def test_a_download_carries_the_attachment_record_and_an_unknown_id_is_not_found(sandbox):
    """The Ansible collection reads a download's size from `X-Attachment-Metadata` and expects a 404 whose
    detail names the record for an id that is no attachment's, whatever its form."""
    problem = sandbox.post("/api/now/table/problem", json={"short_description": "Download"}).json()["result"]
    meta = attach(sandbox, "problem", problem["sys_id"], b"0123456789")
    download = sandbox.get(f"/api/now/attachment/{meta['sys_id']}/file")
    assert download.status_code == 200 and download.content == b"0123456789"
    header = json.loads(download.headers["X-Attachment-Metadata"])
    assert header["size_bytes"] == "10" and header["sys_id"] == meta["sys_id"]
    assert header["file_name"] == "test.txt" and header["table_sys_id"] == problem["sys_id"]
    for wrong in ("wrongid", "0" * 32):
        for path in (f"/api/now/attachment/{wrong}/file", f"/api/now/attachment/{wrong}"):
            missing = sandbox.get(path)
            assert missing.status_code == 404, path
            assert missing.json()["error"] == {
                "message": "No Record found",
                "detail": "Record doesn't exist or ACL restricts the record retrieval",
            }


def test_application_files_are_one_class_with_hundreds_of_rows(sandbox):
    """`sys_metadata` is the base class of tables, dictionary entries, choices and business rules; PySNC
    pages through more than 500 of its rows. The dictionary lists the system columns under each base
    class, as an instance's does."""
    total = sandbox.get("/api/now/table/sys_metadata", params={"sysparm_limit": "1"})
    assert int(total.headers["X-Total-Count"]) > 500
    classes = {r["sys_class_name"] for r in sandbox.table("sys_metadata", sysparm_fields="sys_class_name")}
    assert {"sys_db_object", "sys_dictionary", "sys_choice"} <= classes
    rule = sandbox.post("/api/now/table/sys_script", json={"name": "Noop", "collection": "incident"})
    found = sandbox.table("sys_metadata", sysparm_query=f"sys_id={rule.json()['result']['sys_id']}")
    assert [r["sys_class_name"] for r in found] == ["sys_script"]
    system = sandbox.table("sys_dictionary", sysparm_query="name=task^elementSTARTSWITHsys_")
    assert {"sys_id", "sys_created_on", "sys_updated_by", "sys_class_name"} <= {r["element"] for r in system}
    assert sandbox.table("sys_dictionary", sysparm_query="name=incident^element=sys_id") == []
    entry = sandbox.table("sys_dictionary", name="task", element="number")[0]
    assert (
        sandbox.get(f"/api/now/table/sys_metadata/{entry['sys_id']}").json()["result"]["sys_class_name"]
        == "sys_dictionary"
    )
    incident = sandbox.post("/api/now/table/incident", json={"short_description": "Still plain"}).json()
    assert "sys_id" in incident["result"] and incident["result"]["sys_mod_count"] == "0"


def test_the_system_log_is_a_table(sandbox):
    created = sandbox.post("/api/now/table/syslog", json={"message": "Hello", "source": "test"})
    assert created.status_code == 201 and created.json()["result"]["level"] == "0"
    assert [r["message"] for r in sandbox.table("syslog", source="test")] == ["Hello"]


def test_columns_the_ansible_collection_writes(sandbox):
    """A server's classification, a change's category (Other unless given) and a group's active flag
    are real columns: a write keeps them."""
    server = sandbox.post(
        "/api/now/table/cmdb_ci_server", json={"name": "srv-1", "classification": "Development"}
    ).json()["result"]
    assert server["classification"] == "Development"
    assert (
        "classification"
        not in sandbox.post("/api/now/table/cmdb_ci_computer", json={"name": "pc"}).json()["result"]
    )
    change = sandbox.post("/api/now/table/change_request", json={"short_description": "c"}).json()["result"]
    assert change["category"] == "Other"
    software = sandbox.post("/api/now/table/change_request", json={"category": "Software"}).json()["result"]
    assert software["category"] == "Software"
    group = sandbox.post("/api/now/table/sys_user_group", json={"name": "Night shift"}).json()["result"]
    assert group["active"] == "true"
    problem = sandbox.post(
        "/api/now/table/problem",
        json={"user_input": "notes", "resolution_code": "fix_applied", "duplicate_of": "", "fix_notes": "f"},
    ).json()["result"]
    assert problem["user_input"] == "notes" and problem["resolution_code"] == "fix_applied"
    assert "duplicate_of" in problem and "resolved_by" in problem


def test_the_stock_seed_has_what_the_third_party_suites_read(make_sandbox):
    sandbox = make_sandbox(seed_files=[STOCK])
    log = sandbox.get("/api/now/table/syslog", params={"sysparm_limit": "1"})
    assert int(log.headers["X-Total-Count"]) > 600  # PySNC pages through the system log
    cools = sandbox.table("cmdb_rel_type", sysparm_query="sys_name=Cools::Cooled By")
    assert [r["parent_descriptor"] for r in cools] == ["Cools"]  # the Ansible relations target
    managers = sandbox.table(
        "sys_user", sysparm_query="JOINsys_user.sys_id=sys_user_group.manager!active=true"
    )
    assert len(managers) > 1  # PySNC's join query
    described = sandbox.table("cmdb_ci", sysparm_query="short_descriptionISNOTEMPTY")
    assert described and all(r["short_description"] for r in described)
    template = sandbox.table("std_change_template", name="Clear BGP sessions on a Cisco router")[0]
    assert "Resend the complete BGP table to neighboring routers" in template["template"]
    assert sandbox.table("sys_user", user_name="problem.manager")[0]["name"] == "Problem Manager"


def test_change_and_problem_tasks_are_task_tables(sandbox):
    """The collection's change_request_task and problem_task modules write these stock tables."""
    change = sandbox.post("/api/now/table/change_request", json={"short_description": "c"}).json()["result"]
    task = sandbox.post(
        "/api/now/table/change_task",
        json={"change_request": change["sys_id"], "change_task_type": "testing", "short_description": "t"},
    ).json()["result"]
    assert (
        task["number"].startswith("CTASK") and task["state"] == "1" and task["change_task_type"] == "testing"
    )
    assert task["change_request"]["value"] == change["sys_id"]
    problem = sandbox.post("/api/now/table/problem", json={"short_description": "p"}).json()["result"]
    ptask = sandbox.post("/api/now/table/problem_task", json={"problem": problem["sys_id"]}).json()["result"]
    assert ptask["number"].startswith("PTASK") and ptask["state"] == "151"
    assert ptask["problem_task_type"] == "general"
    found = sandbox.table("task", sysparm_query=f"sys_id={task['sys_id']}^ORsys_id={ptask['sys_id']}")
    assert {r["sys_class_name"] for r in found} == {"change_task", "problem_task"}


def test_an_iso_date_time_is_stored_in_the_instance_form(sandbox):
    """An instance takes `2021-07-15T08:00:00` for a date-time and answers `2021-07-15 08:00:00`."""
    task = sandbox.post(
        "/api/now/table/change_task",
        json={"planned_end_date": "2021-07-15T08:00:00", "short_description": "2021-07-15T08:00:00"},
    ).json()["result"]
    assert task["planned_end_date"] == "2021-07-15 08:00:00"
    assert task["short_description"] == "2021-07-15T08:00:00"  # text stays as written
    found = sandbox.table("change_task", sysparm_query="planned_end_date=2021-07-15 08:00:00")
    assert [r["sys_id"] for r in found] == [task["sys_id"]]
    dated = sandbox.post("/api/now/table/sc_task", json={"due_date": "2024-12-31"}).json()["result"]
    assert dated["due_date"] == "2024-12-31 00:00:00"  # a date alone is midnight


def test_catalog_requests_items_and_tasks(sandbox):
    """The collection's catalog_request(_task) targets: a submitted request that needs no approval goes
    on to in process; a request in draft stays in draft."""
    draft = sandbox.post("/api/now/table/sc_request", json={"request_state": "draft"}).json()["result"]
    assert draft["number"].startswith("REQ") and draft["request_state"] == "draft"
    assert draft["requested_for"]["value"] == "6816f79cc0a8016401c5a33be04be441"  # the caller
    submitted = sandbox.patch(
        f"/api/now/table/sc_request/{draft['sys_id']}", json={"request_state": "submitted"}
    ).json()["result"]
    assert submitted["request_state"] == "in_process"
    waiting = sandbox.post(
        "/api/now/table/sc_request", json={"request_state": "submitted", "approval": "requested"}
    ).json()["result"]
    assert waiting["request_state"] == "submitted"
    item = sandbox.post("/api/now/table/sc_req_item", json={"request": draft["sys_id"]}).json()["result"]
    task = sandbox.post(
        "/api/now/table/sc_task", json={"request": draft["sys_id"], "request_item": item["sys_id"]}
    ).json()["result"]
    assert item["number"].startswith("RITM") and task["number"].startswith("SCTASK") and task["state"] == "1"


def test_a_tiny_url_stands_for_a_long_query(sandbox):
    """The collection shortens a URL past its length limit with `POST /api/now/tinyurl`, then sends the
    same path with only `sysparm_tiny`."""
    wanted = sandbox.post("/api/now/table/incident", json={"short_description": "Tiny target"}).json()
    sandbox.post("/api/now/table/incident", json={"short_description": "Other"})
    long_query = "short_description=Tiny target" + "^ORshort_description=x" * 300
    url = f"{sandbox.url}/api/now/table/incident?sysparm_query={long_query}&sysparm_fields=sys_id"
    short = sandbox.post("/api/now/tinyurl", json={"url": url})
    assert short.status_code == 200
    tiny = short.json()["result"].split("sysparm_tiny=")[1]
    rows = sandbox.get("/api/now/table/incident", params={"sysparm_tiny": tiny}).json()["result"]
    assert rows == [{"sys_id": wanted["result"]["sys_id"]}]
    unknown = sandbox.get("/api/now/table/incident", params={"sysparm_tiny": "nope"})
    assert unknown.status_code == 400
    assert sandbox.post("/api/now/tinyurl", json={}).status_code == 400


def test_cloud_instances_are_configuration_items(sandbox):
    """The collection's batch target registers AWS instances as `cmdb_ci_ec2_instance` by `vm_inst_id`."""
    ec2 = sandbox.post("/api/now/table/cmdb_ci_ec2_instance", json={"name": "web-1", "vm_inst_id": "i-0abc"})
    assert ec2.status_code == 201 and ec2.json()["result"]["vm_inst_id"] == "i-0abc"
    found = sandbox.table("cmdb_ci_vm_instance", vm_inst_id="i-0abc")
    assert [r["sys_class_name"] for r in found] == ["cmdb_ci_ec2_instance"]
    assert sandbox.table("cmdb_ci", name="web-1")[0]["sys_id"] == ec2.json()["result"]["sys_id"]
