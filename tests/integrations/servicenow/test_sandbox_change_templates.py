"""The change management round a CI/CD pipeline drives: standard change templates, approval and
rejection (by the approver and automatic), the emergency path, work notes, attachments as an instance
returns them, and the assignment groups."""

import time

import pytest
from django.core.management import CommandError, call_command

from integrations.servicenow.sandbox.seed import stable_id

TEMPLATES = (
    "Deploy application release",
    "Restart application service",
    "Apply OS security patches",
    "Rotate TLS certificate",
)


def version_of(sandbox, template: str) -> dict:
    rows = sandbox.table(
        "std_change_producer_version",
        sysparm_query=f"std_change_producer.name={template}^ORDERBYDESCversion",
    )
    assert rows, template
    return rows[0]


def post_change(sandbox, **values):
    return sandbox.post("/api/now/table/change_request", json=values)


def create(sandbox, **values) -> dict:
    response = post_change(sandbox, **values)
    assert response.status_code == 201, response.text
    return response.json()["result"]


def move(sandbox, change, **values):
    return sandbox.patch(f"/api/now/table/change_request/{change['sys_id']}", json=values)


def read(sandbox, change, **params) -> dict:
    response = sandbox.get(f"/api/now/table/change_request/{change['sys_id']}", params=params)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def refusal(response) -> str:
    assert response.status_code == 403, response.text
    assert response.json()["status"] == "failure"
    assert response.json()["error"]["message"] == "Operation Failed"
    return response.json()["error"]["detail"]


# Standard change templates -------------------------------------------------------------------------------


def test_the_catalog_is_readable_through_the_table_api(sandbox):
    itil = sandbox.as_user("integration", "integration")
    producers = itil.table("std_change_record_producer", sysparm_query="active=true^ORDERBYname")
    assert [p["name"] for p in producers] == sorted(TEMPLATES)
    version = version_of(itil, "Rotate TLS certificate")
    assert version["version"] == "1" and version["name"] == "Rotate TLS certificate - 1"
    assert version["std_change_producer"]["value"] == stable_id(
        "std_change_record_producer", "Rotate TLS certificate"
    )
    template = itil.table("std_change_template", sys_id=version["template"]["value"])[0]
    assert template["template"].startswith("short_description=Rotate TLS certificate^")
    assert "risk=4" in template["template"].split("^")


def test_a_standard_change_receives_the_template_values_it_was_not_sent(sandbox):
    itil = sandbox.as_user("integration", "integration")
    version = version_of(itil, "Deploy application release")
    change = create(
        itil,
        type="standard",
        std_change_producer_version=version["sys_id"],
        short_description="Deploy billing-api 2.4.0",
        impact="2",
    )
    assert change["short_description"] == "Deploy billing-api 2.4.0"
    assert change["impact"] == "2"
    assert change["risk"] == "4" and change["priority"] == "4"
    assert change["implementation_plan"].startswith("Deploy the release artefact")
    assert change["backout_plan"] == "Redeploy the previous release artefact with the pipeline."
    assert change["assignment_group"]["value"] == stable_id("sys_user_group", "Application Support")
    assert change["std_change_producer_version"]["value"] == version["sys_id"]
    assert change["approval"] == "approved" and change["state"] == "-5" and change["type"] == "standard"
    assert itil.table("sysapproval_approver", sysapproval=change["sys_id"]) == []
    for state in ("-2", "-1", "0"):
        assert move(itil, change, state=state).status_code == 200, state
    closed = move(itil, change, state="3", close_code="successful", close_notes="Deployed by run 88")
    assert closed.json()["result"]["state"] == "3"


def test_a_standard_change_as_the_ansible_collection_creates_it(sandbox):
    """Issue 20, behaviour 12: servicenow.itsm's change_request module finds the template version by name
    (`std_change_producer_version?name=…`), posts it with its own low priority, risk and impact, then reads
    the change back by number and expects the template's description on it."""
    [version] = sandbox.table("std_change_producer_version", name="Rotate TLS certificate - 1")
    posted = create(
        sandbox,
        type="standard",
        state="-5",
        std_change_producer_version=version["sys_id"],
        short_description="some short description",
        priority="4",
        risk="4",
        impact="3",
    )
    [change] = sandbox.table("change_request", number=posted["number"])
    assert change["type"] == "standard" and change["state"] == "-5"
    assert (change["priority"], change["risk"], change["impact"]) == ("4", "4", "3")
    assert change["short_description"] == "some short description"
    assert "Replace a TLS certificate before it expires." in change["description"]
    assert change["implementation_plan"] == "Install the new certificate and key; reload the listeners."


def test_standard_changes_without_a_usable_template_are_refused(sandbox):
    before = len(sandbox.table("change_request"))
    missing = post_change(sandbox, type="standard", short_description="Deploy")
    assert "needs a standard change template" in refusal(missing)
    unknown = post_change(sandbox, type="standard", std_change_producer_version="0" * 32)
    assert refusal(unknown) == (
        f"Invalid std_change_producer_version: {'0' * 32} is not a standard change template version."
    )
    version = version_of(sandbox, "Restart application service")
    template_id = version["template"]["value"]
    sandbox.patch(f"/api/now/table/std_change_template/{template_id}", json={"active": "false"})
    inactive = post_change(sandbox, type="standard", std_change_producer_version=version["sys_id"])
    assert "is missing or inactive" in refusal(inactive)
    patching = version_of(sandbox, "Apply OS security patches")
    sandbox.patch(
        f"/api/now/table/std_change_record_producer/{patching['std_change_producer']['value']}",
        json={"active": "false"},
    )
    retired = post_change(sandbox, type="standard", std_change_producer_version=patching["sys_id"])
    assert (
        refusal(retired) == "The standard change template “Apply OS security patches” is inactive (retired)."
    )
    assert len(sandbox.table("change_request")) == before


def test_templates_are_read_only_for_pipelines(sandbox):
    itil = sandbox.as_user("integration", "integration")
    version = version_of(itil, "Deploy application release")
    response = itil.patch(
        f"/api/now/table/std_change_template/{version['template']['value']}", json={"active": "false"}
    )
    assert response.status_code == 403


# Approval and rejection ----------------------------------------------------------------------------------


def requested(sandbox, kind="normal", **values) -> dict:
    change = create(sandbox, type=kind, short_description="Deploy orders 3.1", **values)
    for state in ("-4", "-3") if kind == "normal" else ("-3",):
        assert move(sandbox, change, state=state).status_code == 200
    assert read(sandbox, change)["approval"] == "requested"
    return change


def decide(sandbox, change, state: str):
    approval = sandbox.table("sysapproval_approver", sysapproval=change["sys_id"], state="requested")[0]
    return sandbox.as_user("approver", "approver").patch(
        f"/api/now/table/sysapproval_approver/{approval['sys_id']}", json={"state": state}
    )


def test_the_approver_rejects_and_the_change_returns_to_new(sandbox):
    itil = sandbox.as_user("integration", "integration")
    change = requested(itil)
    assert decide(sandbox, change, "rejected").status_code == 200
    after = read(itil, change, sysparm_fields="state,approval")
    assert after == {"state": "-5", "approval": "rejected"}
    assert "Invalid state transition New → Scheduled" in refusal(move(itil, change, state="-2"))
    assert move(itil, change, state="-4").json()["result"]["approval"] == "requested"


def test_only_an_approver_decides(sandbox):
    itil = sandbox.as_user("integration", "integration")
    change = requested(itil)
    approval = itil.table("sysapproval_approver", sysapproval=change["sys_id"])[0]
    denied = itil.patch(
        f"/api/now/table/sysapproval_approver/{approval['sys_id']}", json={"state": "approved"}
    )
    assert refusal(denied) == "Only an approver can decide an approval."
    assert read(itil, change)["approval"] == "requested"


def test_automatic_rejection_of_matching_changes_after_the_delay(make_sandbox):
    sandbox = make_sandbox(approval_delay=0.4, reject_matching="DROP DATABASE")
    itil = sandbox.as_user("integration", "integration")
    doomed = create(itil, short_description="Run drop database on orders")
    fine = create(itil, short_description="Deploy orders 3.2")
    for change in (doomed, fine):
        move(itil, change, state="-4")
    assert read(itil, doomed)["approval"] == "requested"
    time.sleep(0.6)
    assert read(itil, doomed, sysparm_fields="state,approval") == {"state": "-5", "approval": "rejected"}
    assert read(itil, fine, sysparm_fields="state,approval") == {"state": "-4", "approval": "approved"}
    approval = itil.table("sysapproval_approver", sysapproval=doomed["sys_id"])[0]
    assert approval["state"] == "rejected" and "DROP DATABASE" in approval["comments"]


def test_automatic_decisions_settle_on_a_list_read_too(make_sandbox):
    sandbox = make_sandbox(approval_delay=0.2)
    change = requested(sandbox)
    time.sleep(0.4)
    rows = sandbox.table(
        "change_request", sysparm_query=f"number={change['number']}", sysparm_fields="approval"
    )
    assert rows == [{"approval": "approved"}]


def test_rejection_without_a_delay_is_immediate_and_others_wait_for_the_approver(make_sandbox):
    sandbox = make_sandbox(reject_matching="reject me")
    doomed = create(sandbox, type="emergency", short_description="Please REJECT ME")
    move(sandbox, doomed, state="-3")
    assert read(sandbox, doomed)["approval"] == "rejected"
    waiting = requested(sandbox)
    time.sleep(0.2)
    assert read(sandbox, waiting)["approval"] == "requested"


# The emergency path --------------------------------------------------------------------------------------


def test_an_emergency_change_walks_new_authorize_scheduled_implement_review_closed(sandbox):
    itil = sandbox.as_user("integration", "integration")
    change = create(itil, type="emergency", short_description="EMERGENCY: patch CVE-2026-0001", priority="1")
    assert change["state"] == "-5" and change["approval"] == "not requested"
    assert "Invalid state transition New → Assess" in refusal(move(itil, change, state="-4"))
    assert move(itil, change, state="-3").json()["result"]["approval"] == "requested"
    assert "not approved" in refusal(move(itil, change, state="-2"))
    assert decide(sandbox, change, "approved").status_code == 200
    assert read(itil, change)["approval"] == "approved"
    assert "Invalid state transition Authorize → Implement" in refusal(move(itil, change, state="-1"))
    for state in ("-2", "-1", "0"):
        assert move(itil, change, state=state).status_code == 200, state
    assert "only open changes before Review" in refusal(move(itil, change, state="4"))
    closed = move(itil, change, state="3", close_code="successful_issues", close_notes="Patched; one retry")
    assert closed.json()["result"]["state"] == "3" and closed.json()["result"]["active"] == "false"
    assert "Invalid state transition Closed → Implement" in refusal(move(itil, change, state="-1"))


def test_a_rollback_change_names_its_parent(sandbox):
    failed = create(sandbox, short_description="Deploy orders 3.3")
    rollback = create(
        sandbox,
        type="standard",
        std_change_producer_version=version_of(sandbox, "Deploy application release")["sys_id"],
        short_description="ROLLBACK: orders 3.3",
        parent=failed["sys_id"],
    )
    assert rollback["parent"]["value"] == failed["sys_id"]
    assert (
        read(sandbox, rollback, sysparm_display_value="true")["parent"]["display_value"] == failed["number"]
    )


# Work notes ----------------------------------------------------------------------------------------------


def test_work_notes_are_journal_entries(sandbox):
    itil = sandbox.as_user("integration", "integration")
    change = create(itil, short_description="Deploy orders 3.4", work_notes="Created by pipeline run 41")
    assert change["work_notes"] == ""
    before = read(itil, change)["sys_mod_count"]
    assert move(itil, change, work_notes="Deployment started").status_code == 200
    assert read(itil, change)["sys_mod_count"] == str(int(before) + 1)
    entries = itil.table(
        "sys_journal_field",
        sysparm_query=f"element_id={change['sys_id']}^element=work_notes^ORDERBYsys_created_on",
    )
    assert [e["value"] for e in entries] == ["Created by pipeline run 41", "Deployment started"]
    assert {e["name"] for e in entries} == {"change_request"}
    shown = read(itil, change, sysparm_display_value="true", sysparm_fields="work_notes")["work_notes"]
    assert shown.index("Deployment started") < shown.index("Created by pipeline run 41")
    assert "integration (Work notes)\nDeployment started\n" in shown
    assert read(itil, change, sysparm_fields="work_notes") == {"work_notes": ""}


def test_an_empty_work_note_changes_nothing(sandbox):
    change = create(sandbox, short_description="Deploy orders 3.5")
    assert move(sandbox, change, work_notes="  ").json()["result"]["sys_mod_count"] == "0"
    assert sandbox.table("sys_journal_field", element_id=change["sys_id"]) == []


# Attachments ---------------------------------------------------------------------------------------------


def upload(sandbox, change, path="/api/now/attachment/file", data=b"<testsuite tests='3'/>", **headers):
    return sandbox.post(
        path,
        params={"table_name": "change_request", "table_sys_id": change["sys_id"], "file_name": "results.xml"},
        data=data,
        headers={"Content-Type": "application/xml", **headers},
    )


@pytest.mark.parametrize("prefix", ["/api/now", "/api/now/v1"])
def test_uploads_answer_with_the_instance_location_and_the_download_link_of_their_path(sandbox, prefix):
    """Issue 20, behaviour 8: the `Location` is the file's versioned URL, as an instance answers and as
    PySNC compares it with an attachment's link; `download_link` follows the request's path."""
    change = create(sandbox, short_description="Deploy orders 3.6")
    response = upload(sandbox, change, f"{prefix}/attachment/file")
    assert response.status_code == 201, response.text
    meta = response.json()["result"]
    assert response.headers["Location"] == f"{sandbox.url}/api/now/v1/attachment/{meta['sys_id']}/file"
    assert (
        sandbox.get(response.headers["Location"].removeprefix(sandbox.url)).content
        == b"<testsuite tests='3'/>"
    )
    assert meta["download_link"] == f"{sandbox.url}{prefix}/attachment/{meta['sys_id']}/file"
    assert meta["table_name"] == "change_request" and meta["table_sys_id"] == change["sys_id"]
    assert meta["content_type"] == "application/xml" and meta["size_bytes"] == "22"
    assert sandbox.get(meta["download_link"].removeprefix(sandbox.url)).content == b"<testsuite tests='3'/>"
    listed = sandbox.get(f"{prefix}/attachment", params={"sysparm_query": f"table_sys_id={change['sys_id']}"})
    assert [a["download_link"] for a in listed.json()["result"]] == [meta["download_link"]]


def test_a_record_lists_only_its_own_attachments(sandbox):
    first, second = (create(sandbox, short_description=f"Deploy {n}") for n in ("a", "b"))
    upload(sandbox, first)
    upload(sandbox, second, data=b"scan: 0 critical")
    listed = sandbox.get("/api/now/attachment", params={"sysparm_query": f"table_sys_id={second['sys_id']}"})
    assert [a["size_bytes"] for a in listed.json()["result"]] == ["16"]


def test_an_oversized_upload_gets_413_and_stores_nothing(make_sandbox):
    sandbox = make_sandbox(max_attachment=1024)
    change = create(sandbox, short_description="Deploy orders 3.7")
    response = upload(sandbox, change, data=b"x" * 1025)
    assert response.status_code == 413
    assert response.json()["error"]["message"] == "Request Entity Too Large"
    assert "max allowed 1024 bytes" in response.json()["error"]["detail"]
    assert upload(sandbox, change, data=b"x" * 1024).status_code == 201
    assert len(sandbox.table("sys_attachment", table_sys_id=change["sys_id"])) == 1


def test_an_upload_to_a_missing_record_is_refused(sandbox):
    response = upload(sandbox, {"sys_id": "f" * 32})
    assert response.status_code == 400 and response.json()["error"]["message"] == "Invalid table_sys_id"


# Groups --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Change Management", "Application Support", "Platform Operations"])
def test_a_pipeline_finds_an_assignment_group_by_name(sandbox, name):
    itil = sandbox.as_user("integration", "integration")
    rows = itil.table("sys_user_group", sysparm_query=f"name={name}", sysparm_fields="sys_id,name")
    assert rows == [{"sys_id": stable_id("sys_user_group", name), "name": name}]


def test_a_restarted_sandbox_keeps_one_catalog(make_sandbox, tmp_path):
    first = make_sandbox(data_dir=tmp_path)
    first.server.stop()
    again = make_sandbox(data_dir=tmp_path)
    assert len(again.table("std_change_producer_version")) == len(TEMPLATES)
    assert len(again.table("sys_user_group", name="Change Management")) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reject-matching", " "], "--reject-matching needs a non-empty TEXT"),
        (["--max-attachment", "0"], "--max-attachment must be positive"),
        (["--approval-delay", "-1"], "--approval-delay must not be negative"),
    ],
)
def test_command_line_errors(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("sandbox", "servicenow", *args)
