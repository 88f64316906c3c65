"""change_request state models, approvals and closing rules; the Attachment API."""

import time

import pytest

from integrations.servicenow.sandbox.seed import stable_id


def create_change(sandbox, kind="normal", **values):
    if kind == "standard":
        values.setdefault(
            "std_change_producer_version",
            stable_id("std_change_producer_version", "Deploy application release", "1"),
        )
    response = sandbox.post(
        "/api/now/table/change_request", json={"type": kind, "short_description": "Deploy 1.4.2", **values}
    )
    assert response.status_code == 201, response.text
    return response.json()["result"]


def move(sandbox, change, **values):
    return sandbox.patch(f"/api/now/table/change_request/{change['sys_id']}", json=values)


def test_a_normal_change_walks_its_state_model_with_an_approval(sandbox):
    itil = sandbox.as_user("integration", "integration")
    change = create_change(itil)
    assert (
        change["number"].startswith("CHG")
        and change["state"] == "-5"
        and change["approval"] == "not requested"
    )
    assert move(itil, change, state="-4").json()["result"]["approval"] == "requested"
    assert move(itil, change, state="-3").status_code == 200
    refused = move(itil, change, state="-2")
    assert refused.status_code == 403
    assert (
        refused.json()["error"]["detail"]
        == "Invalid state transition Authorize → Scheduled: the change is not approved."
    )
    assert move(itil, change, approval="approved").status_code == 403
    approval = sandbox.table("sysapproval_approver", sysapproval=change["sys_id"])[0]
    approver = sandbox.as_user("approver", "approver")
    assert (
        approver.patch(
            f"/api/now/table/sysapproval_approver/{approval['sys_id']}", json={"state": "approved"}
        ).status_code
        == 200
    )
    assert (
        itil.get(f"/api/now/table/change_request/{change['sys_id']}").json()["result"]["approval"]
        == "approved"
    )
    for state in ("-2", "-1", "0"):
        assert move(itil, change, state=state).status_code == 200, state
    no_code = move(itil, change, state="3")
    assert no_code.status_code == 403 and "Close code and close notes" in no_code.json()["error"]["detail"]
    closed = move(itil, change, state="3", close_code="successful", close_notes="Pipeline run #123").json()[
        "result"
    ]
    assert closed["state"] == "3" and closed["active"] == "false"


@pytest.mark.parametrize(
    ("kind", "path", "invalid"),
    [
        ("standard", ["-2", "-1", "0"], "-4"),
        ("emergency", ["-3"], "-4"),
        ("normal", ["-4"], "-1"),
    ],
)
def test_each_model_refuses_transitions_it_does_not_have(sandbox, kind, path, invalid):
    change = create_change(sandbox, kind)
    for state in path:
        assert move(sandbox, change, state=state).status_code == 200, (kind, state)
    refused = move(sandbox, change, state=invalid)
    assert refused.status_code == 403 and refused.json()["error"]["message"] == "Operation Failed"
    assert "Invalid state transition" in refused.json()["error"]["detail"]


def test_standard_changes_are_preapproved_and_bad_types_are_refused(sandbox):
    assert create_change(sandbox, "standard")["approval"] == "approved"
    response = sandbox.post("/api/now/table/change_request", json={"type": "urgent"})
    assert response.status_code == 403


def test_cancel_only_before_review_and_rejection_returns_to_new(sandbox):
    change = create_change(sandbox, "emergency")
    move(sandbox, change, state="-3")
    approval = sandbox.table("sysapproval_approver", sysapproval=change["sys_id"])[0]
    sandbox.as_user("approver", "approver").patch(
        f"/api/now/table/sysapproval_approver/{approval['sys_id']}", json={"state": "rejected"}
    )
    rejected = sandbox.get(f"/api/now/table/change_request/{change['sys_id']}").json()["result"]
    assert rejected["approval"] == "rejected" and rejected["state"] == "-5"
    assert move(sandbox, change, state="-3").json()["result"]["approval"] == "requested"
    pending = sandbox.table("sysapproval_approver", sysapproval=change["sys_id"], state="requested")
    assert len(pending) == 1
    assert move(sandbox, change, state="4").json()["result"]["state"] == "4"


def test_approvals_arrive_automatically_after_the_configured_delay(make_sandbox):
    sandbox = make_sandbox(approval_delay=0.5)
    change = create_change(sandbox)
    move(sandbox, change, state="-4")
    move(sandbox, change, state="-3")
    assert move(sandbox, change, state="-2").status_code == 403
    time.sleep(1.1)
    read = sandbox.get(
        f"/api/now/table/change_request/{change['sys_id']}", params={"sysparm_fields": "approval"}
    )
    assert read.json()["result"] == {"approval": "approved"}
    assert move(sandbox, change, state="-2").status_code == 200


def test_attachments_upload_list_download_delete(sandbox):
    change = create_change(sandbox)
    upload = sandbox.post(
        "/api/now/attachment/file",
        params={
            "table_name": "change_request",
            "table_sys_id": change["sys_id"],
            "file_name": "test-report.txt",
        },
        data=b"all 312 tests passed",
        headers={"Content-Type": "text/plain"},
    )
    assert upload.status_code == 201
    meta = upload.json()["result"]
    assert upload.headers["Location"].endswith(f"/{meta['sys_id']}/file") and meta["size_bytes"] == "20"
    listed = sandbox.get(
        "/api/now/attachment", params={"sysparm_query": f"table_sys_id={change['sys_id']}"}
    ).json()["result"]
    assert [a["file_name"] for a in listed] == ["test-report.txt"]
    download = sandbox.get(f"/api/now/attachment/{meta['sys_id']}/file")
    assert download.content == b"all 312 tests passed" and download.headers["Content-Type"].startswith(
        "text/plain"
    )
    assert sandbox.delete(f"/api/now/attachment/{meta['sys_id']}").status_code == 204
    assert sandbox.get(f"/api/now/attachment/{meta['sys_id']}").status_code == 404
    missing = sandbox.post("/api/now/attachment/file", params={"table_name": "change_request"}, data=b"x")
    assert missing.status_code == 400
