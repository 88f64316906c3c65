"""The shared poll: one ServiceNow read per interval per change whatever the number of waiting pipelines,
and backoff on errors with the last known state."""

import threading
from datetime import timedelta

import pytest
from django.db import connection as db
from django.utils import timezone

from pipelines.models import ChangeRequest, EventKind
from pipelines.polling import MAX_BACKOFF_SECONDS, backoff
from tests.pipelines.conftest import API, api_client, approve, new_change, stats


def reads_of_changes(snow) -> int:
    return stats(snow)["by_method"].get("GET", 0)


def make_due(number: str) -> None:
    ChangeRequest.objects.filter(number=number).update(next_poll_at=timezone.now() - timedelta(seconds=1))


def concurrent_status(secret: str, number: str, callers: int = 20) -> list[dict]:
    answers: list = [None] * callers
    start = threading.Barrier(callers)

    def wait(i: int) -> None:
        try:
            start.wait()
            response = api_client(secret).get(f"{API}/changes/{number}/")
            answers[i] = (response.status_code, response.json())
        finally:
            db.close()

    threads = [threading.Thread(target=wait, args=(i,)) for i in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return answers


@pytest.mark.django_db(transaction=True)
def test_twenty_waiting_pipelines_make_one_servicenow_call_per_interval(token, deployment, snow):
    doc = new_change(api_client(token.secret), deployment).json()
    approve(snow, doc["sys_id"])
    snow.post("/sandbox/stats/reset")

    fresh = concurrent_status(token.secret, doc["number"])
    assert {status for status, _ in fresh} == {200}
    assert reads_of_changes(snow) == 0  # created just now: within the interval, nobody polls

    make_due(doc["number"])
    answers = concurrent_status(token.secret, doc["number"])
    assert {status for status, _ in answers} == {200}
    assert reads_of_changes(snow) == 1
    change = ChangeRequest.objects.get(number=doc["number"])
    assert change.approval == "approved" and change.verdict == "proceed"
    assert change.next_poll_at > timezone.now() + timedelta(seconds=8)
    assert change.events.filter(kind=EventKind.APPROVED).count() == 1


@pytest.mark.django_db
def test_errors_back_off_and_callers_get_the_last_state_with_the_error(api, deployment, snow):
    doc = new_change(api, deployment).json()
    snow.server.stop()
    make_due(doc["number"])
    first = api.get(f"{API}/changes/{doc['number']}/")
    assert first.status_code == 200
    body = first.json()
    assert (body["state_label"], body["verdict"]) == ("Assess", "wait")
    assert body["poll_error"] and "refused" in body["poll_error"].lower()
    change = ChangeRequest.objects.get(number=doc["number"])
    assert change.poll_failures == 1
    wait = (change.next_poll_at - timezone.now()).total_seconds()
    assert 15 < wait <= 20
    make_due(doc["number"])
    api.get(f"{API}/changes/{doc['number']}/")
    change.refresh_from_db()
    assert change.poll_failures == 2 and 35 < (change.next_poll_at - timezone.now()).total_seconds() <= 40
    assert change.events.filter(kind=EventKind.POLL_ERROR).count() == 2


def test_backoff_doubles_and_is_capped(settings):
    settings.PIPELINE_POLL_INTERVAL = 10
    assert [backoff(n) for n in range(4)] == [10, 20, 40, 80]
    assert backoff(10) == MAX_BACKOFF_SECONDS == 300


@pytest.mark.django_db
def test_a_poll_asks_for_the_approval_a_create_could_not(api, deployment, snow, settings):
    doc = new_change(api, deployment).json()
    stuck = snow.post("/api/now/table/change_request", json={"short_description": "stuck", "type": "normal"})
    sys_id, number = stuck.json()["result"]["sys_id"], stuck.json()["result"]["number"]
    change = ChangeRequest.objects.get(number=doc["number"])
    ChangeRequest.objects.filter(pk=change.pk).update(
        sys_id=sys_id, number=number, state="-5", state_label="New", approval="not requested"
    )
    make_due(number)
    polled = api.get(f"{API}/changes/{number}/").json()
    assert (polled["state_label"], polled["approval"], polled["verdict"]) == ("Assess", "requested", "wait")
