"""A change's life through the API: wait verdicts, implement, notes, evidence, close, and the variants."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pipelines.models import ChangeCall, ChangeEvent, ChangeRequest, EventKind
from tests.pipelines.conftest import API, approve, new_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_poll_wait(settings):
    settings.PIPELINE_POLL_INTERVAL = 0


def status(api, number):
    response = api.get(f"{API}/changes/{number}/")
    assert response.status_code == 200, response.content
    return response.json()


def created(api, deployment, **values) -> dict:
    response = new_change(api, deployment, **values)
    assert response.status_code == 201, response.content
    return response.json()


def test_the_full_lifecycle_with_the_approver_and_evidence(api, deployment, snow, no_poll_wait):
    doc = created(api, deployment)
    assert status(api, doc["number"])["verdict"] == "wait"
    approve(snow, doc["sys_id"])
    polled = status(api, doc["number"])
    assert (polled["approval"], polled["verdict"]) == ("approved", "proceed")

    implemented = api.post(f"{API}/changes/{doc['number']}/implement/")
    assert implemented.status_code == 200, implemented.content
    assert (implemented.json()["state"], implemented.json()["state_label"]) == ("-1", "Implement")

    note = api.post(f"{API}/changes/{doc['number']}/notes/", {"text": "Deployed build 812"}, format="json")
    assert note.status_code == 201 and note.json() == {"ok": True}

    report = SimpleUploadedFile("junit.xml", b"<testsuite tests='3'/>", content_type="application/xml")
    attached = api.post(f"{API}/changes/{doc['number']}/attachments/", {"file": report}, format="multipart")
    assert attached.status_code == 201, attached.content
    info = attached.json()
    assert (info["file_name"], info["size_bytes"], info["content_type"]) == (
        "junit.xml",
        22,
        "application/xml",
    )
    assert info["download_link"].endswith(f"/api/now/attachment/{info['sys_id']}/file")
    assert snow.get(f"/api/now/attachment/{info['sys_id']}/file").content == b"<testsuite tests='3'/>"

    closed = api.post(
        f"{API}/changes/{doc['number']}/close/", {"code": "successful", "notes": "All green"}, format="json"
    )
    assert closed.status_code == 200, closed.content
    assert (closed.json()["state_label"], closed.json()["verdict"]) == ("Closed", "proceed")
    remote = snow.table("change_request", sys_id=doc["sys_id"])[0]
    assert (remote["state"], remote["close_code"], remote["close_notes"]) == ("3", "successful", "All green")

    kinds = list(ChangeEvent.objects.filter(change__number=doc["number"]).values_list("kind", flat=True))
    for kind in (
        EventKind.CREATED,
        EventKind.APPROVAL_REQUESTED,
        EventKind.APPROVED,
        EventKind.IMPLEMENT,
        EventKind.WORK_NOTE,
        EventKind.ATTACHMENT,
        EventKind.CLOSED,
    ):
        assert kind in kinds, kind
    assert set(ChangeEvent.objects.values_list("token_name", flat=True)) == {"deploy"}


def test_a_rejection_by_the_approver_aborts(api, deployment, snow, no_poll_wait):
    doc = created(api, deployment)
    approve(snow, doc["sys_id"], "rejected")
    polled = status(api, doc["number"])
    assert (polled["approval"], polled["verdict"]) == ("rejected", "abort")
    assert ChangeEvent.objects.filter(kind=EventKind.REJECTED).count() == 1


class TestApprovalDelay:
    @pytest.fixture
    def sandbox_options(self):
        return {"approval_delay": 0.3}

    def test_the_sandbox_approves_after_its_delay(self, api, deployment, no_poll_wait):
        import time

        doc = created(api, deployment)
        assert status(api, doc["number"])["verdict"] == "wait"
        time.sleep(0.4)
        assert status(api, doc["number"])["verdict"] == "proceed"


def test_implementing_an_unapproved_change_is_a_409_that_moves_nothing(api, deployment, snow):
    doc = created(api, deployment)
    refused = api.post(f"{API}/changes/{doc['number']}/implement/")
    assert refused.status_code == 409
    assert refused.json()["detail"] == (
        "The change is not approved (state Assess, approval requested): it cannot move to Implement."
    )
    assert ChangeRequest.objects.get(number=doc["number"]).state_label == "Assess"
    assert snow.table("change_request", sys_id=doc["sys_id"])[0]["state"] == "-4"  # still Assess there
    approve(snow, doc["sys_id"], "rejected")  # back to New, rejected: implementing never asks again
    assert api.post(f"{API}/changes/{doc['number']}/implement/").status_code == 409
    assert snow.table("change_request", sys_id=doc["sys_id"])[0]["approval"] == "rejected"


def test_an_emergency_change_and_its_rollback_change_with_a_parent(api, deployment, snow, no_poll_wait):
    first = created(api, deployment, type="emergency", justification="Outage P1")
    assert (first["state_label"], first["approval"]) == ("Authorize", "requested")
    approve(snow, first["sys_id"])
    assert status(api, first["number"])["verdict"] == "proceed"
    assert api.post(f"{API}/changes/{first['number']}/implement/").json()["state_label"] == "Implement"
    rollback = created(api, deployment, short_description="Roll back 1.4.2", parent=first["number"])
    sent = ChangeCall.objects.get(change__number=rollback["number"], method="POST")
    assert json.loads(sent.request_body)["parent"] == first["sys_id"]
    assert not ChangeCall.objects.filter(change__number=rollback["number"], method="GET")  # known here


def test_closing_needs_a_known_code_and_notes(api, deployment):
    doc = created(api, deployment)
    bad = api.post(f"{API}/changes/{doc['number']}/close/", {"code": "great", "notes": ""}, format="json")
    assert bad.status_code == 400 and {"code", "notes"} <= set(bad.json()["errors"])


def test_an_attachment_over_the_limit_is_a_413_and_nothing_is_sent(api, deployment, snow, settings):
    settings.PIPELINE_MAX_ATTACHMENT = 1000
    doc = created(api, deployment)
    big = SimpleUploadedFile("scan.json", b"x" * 70_000, content_type="application/json")
    response = api.post(f"{API}/changes/{doc['number']}/attachments/", {"file": big}, format="multipart")
    assert response.status_code == 413 and "1,000 bytes" in response.json()["detail"]
    streamed = SimpleUploadedFile("scan.json", b"x" * 5000, content_type="application/json")
    response = api.post(f"{API}/changes/{doc['number']}/attachments/", {"file": streamed}, format="multipart")
    assert response.status_code == 413
    assert snow.table("sys_attachment") == []
    missing = api.post(f"{API}/changes/{doc['number']}/attachments/", {}, format="multipart")
    assert missing.status_code == 400 and "file" in missing.json()["errors"]


def test_an_unknown_change_is_a_404(api, deployment):
    assert api.get(f"{API}/changes/CHG0999999/").status_code == 404
    assert api.post(f"{API}/changes/CHG0999999/implement/").status_code == 404
