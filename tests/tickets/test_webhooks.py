"""Ticket webhooks in: a pair's GLPI and ServiceNow endpoints refuse what is unauthenticated, malformed,
too big or too deep (writing nothing), remember each delivery so a replay queues nothing, queue a sync of
just the named ticket, and end to end a GLPI edit plus its webhook reaches ServiceNow once the job runs."""

import json

import django_rq
import pytest
from django.test import Client
from django.urls import reverse

from catalog.choices import Role
from sync.webhooks import MAX_BODY
from tests.conftest import member
from tests.tickets.test_engine import SEEDED, glpi_put, incidents
from tickets import hooks, jobs
from tickets.engine import sync_pair
from tickets.models import TicketHookDelivery, TicketPair

pytestmark = pytest.mark.django_db

SYS_ID = "a" * 32


@pytest.fixture
def default_queue():
    queue = django_rq.get_queue(jobs.QUEUE)
    queue.empty()
    yield queue
    queue.empty()


@pytest.fixture
def secret(pair):
    return hooks.generate_secret(pair)


def deliver(pair, side, body, secret=None, **extra):
    client = Client(enforce_csrf_checks=True)  # no session, no CSRF token: as GLPI / ServiceNow post
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"} if secret else {}
    return client.post(
        reverse("tickets:hook_receive", args=[pair.pk, side]),
        data=data,
        content_type="application/json",
        **headers,
        **extra,
    )


def test_the_secret_is_stored_hashed(pair, secret):
    pair.refresh_from_db()
    assert secret not in pair.hook_secret_digest and len(pair.hook_secret_digest) == 64


@pytest.mark.parametrize(
    ("side", "body", "expected"),
    [
        ("glpi", {"event": "update", "itemtype": "Ticket", "item": {"id": 7, "name": "x"}}, "7"),
        ("servicenow", {"sys_id": SYS_ID, "number": "INC0010001"}, SYS_ID),
    ],
)
def test_a_delivery_queues_its_ticket_once(pair, secret, default_queue, side, body, expected):
    response = deliver(pair, side, body, secret)
    assert response.status_code == 202, response.content
    assert [(j.func_name, j.args) for j in default_queue.jobs] == [
        ("tickets.jobs.sync_ticket", (pair.pk, side, expected))
    ]
    again = deliver(pair, side, body, secret)
    assert again.status_code == 200 and "Already received" in again.json()["detail"]
    assert default_queue.count == 1 and TicketHookDelivery.objects.count() == 1


def test_the_delivery_id_header_makes_the_replay_key(pair, secret, default_queue):
    body = {"item": {"id": 7}}
    assert deliver(pair, "glpi", body, secret, HTTP_X_DELIVERY_ID="d-1").status_code == 202
    assert deliver(pair, "glpi", body, secret, HTTP_X_DELIVERY_ID="d-1").status_code == 200
    default_queue.empty()
    assert deliver(pair, "glpi", body, secret, HTTP_X_DELIVERY_ID="d-2").status_code == 202
    assert TicketHookDelivery.objects.filter(key="d-2").exists()


@pytest.mark.parametrize("auth", [None, "wrong", ""])
def test_a_bad_secret_is_refused(pair, secret, default_queue, auth):
    response = deliver(pair, "glpi", {"item": {"id": 7}}, auth)
    assert response.status_code == 401 and "secret" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert not TicketHookDelivery.objects.exists() and default_queue.count == 0


def test_a_pair_without_a_secret_refuses_everything(pair, default_queue):
    assert deliver(pair, "glpi", {"item": {"id": 7}}, "anything").status_code == 401


@pytest.mark.parametrize(
    ("side", "body", "status", "reason"),
    [
        ("glpi", b"{not json", 400, "not JSON"),
        ("glpi", b"\xff\xfe", 400, "not JSON"),
        ("glpi", b"[1]", 400, "not a JSON object"),
        ("glpi", {"item": {"id": "x"}}, 400, "no GLPI ticket"),
        ("glpi", {"item": {"id": True}}, 400, "no GLPI ticket"),
        ("glpi", {"itemtype": "Computer", "item": {"id": 3}}, 400, "not a GLPI Ticket"),
        ("servicenow", {"sys_id": "../etc"}, 400, "no incident"),
        ("glpi", b"[" * 30 + b"]" * 30, 400, "deeper"),
        ("glpi", b"[" * 100000 + b"]" * 100000, 400, ""),
        ("glpi", b" " * (MAX_BODY + 1), 413, "larger"),
        ("nowhere", {"item": {"id": 7}}, 404, "No ticket webhook"),
    ],
)
def test_bad_input_is_refused_with_a_reason(pair, secret, default_queue, side, body, status, reason):
    response = deliver(pair, side, body, secret)
    assert response.status_code == status, response.content
    assert reason in response.json()["detail"]
    assert not TicketHookDelivery.objects.exists() and default_queue.count == 0


def test_an_unknown_pair_or_a_disabled_one(pair, secret, default_queue):
    TicketPair.objects.filter(pk=pair.pk).update(enabled=False)
    assert deliver(pair, "glpi", {"item": {"id": 7}}, secret).status_code == 409
    pair.pk = 10**9
    assert deliver(pair, "glpi", {"item": {"id": 7}}, secret).status_code == 404


def test_only_post(pair, secret):
    response = Client().get(reverse("tickets:hook_receive", args=[pair.pk, "glpi"]))
    assert response.status_code == 405


def test_a_glpi_edit_and_its_webhook_reach_servicenow(
    live,  # noqa: F811
    glpi_server,
    sandbox,
    default_queue,
):
    sync_pair(live)
    [incident] = incidents(sandbox)
    secret = hooks.generate_secret(live)
    glpi_put(glpi_server, SEEDED, name="srv-0009: disk full")
    body = {"event": "update", "itemtype": "Ticket", "item": {"id": SEEDED, "name": "srv-0009: disk full"}}
    assert deliver(live, "glpi", body, secret).status_code == 202
    [job] = default_queue.jobs
    assert incidents(sandbox)[0]["short_description"] == incident["short_description"]  # not before the job
    assert jobs.sync_ticket(*job.args) == "ok"
    [incident] = incidents(sandbox)
    assert incident["short_description"] == "srv-0009: disk full"


def test_a_servicenow_webhook_for_a_new_incident_creates_the_glpi_ticket(
    live,  # noqa: F811
    glpi_server,
    sandbox,
    default_queue,
):
    created = sandbox.post(
        "/api/now/table/incident", json={"short_description": "printer on fire", "urgency": "1"}
    )
    assert created.status_code == 201, created.text
    sys_id = created.json()["result"]["sys_id"]
    before = len(glpi_server.rows("Ticket"))
    secret = hooks.generate_secret(live)
    assert deliver(live, "servicenow", {"sys_id": sys_id}, secret).status_code == 202
    [job] = default_queue.jobs
    assert jobs.sync_ticket(*job.args) == "ok"
    rows = glpi_server.rows("Ticket")
    assert len(rows) == before + 1 and any(r["name"] == "printer on fire" for r in rows)


def secret_url(pair) -> str:
    return reverse("tickets:pair_hook_secret", args=[pair.namespace.slug, pair.pk])


def test_an_admin_sees_the_urls_and_gets_a_new_secret_once(admin_client, pair, default_queue):
    page = admin_client.get(secret_url(pair)).content.decode()
    assert f"/hooks/tickets/{pair.pk}/glpi/" in page and f"/hooks/tickets/{pair.pk}/servicenow/" in page
    assert "none yet" in page
    response = admin_client.post(secret_url(pair))
    assert response.status_code == 200
    [secret] = [
        line.split(">")[1].split("<")[0] for line in response.content.decode().split('class="secret"')[1:]
    ]
    pair.refresh_from_db()
    assert hooks.authenticated(pair, f"Bearer {secret}")
    assert secret not in admin_client.get(secret_url(pair)).content.decode()
    assert deliver(pair, "glpi", {"item": {"id": 7}}, secret).status_code == 202


def test_the_secret_page_is_for_admins_and_needs_csrf(pair):
    for role, csrf in ((Role.VIEWER, False), (Role.ADMIN, True)):
        browser = Client(enforce_csrf_checks=csrf)
        browser.force_login(member(pair.namespace, role))
        assert browser.post(secret_url(pair)).status_code == 403
    assert Client().post(secret_url(pair)).status_code == 302  # to the login page
    pair.refresh_from_db()
    assert not pair.hook_secret_digest


@pytest.mark.parametrize(("value", "saved", "error"), [("", 1, ""), ("15", 15, ""), ("0", None, "greater")])
def test_the_interval_is_edited_with_the_pair(admin_client, pair, value, saved, error):
    url = reverse("tickets:pair_edit", args=[pair.namespace.slug, pair.pk])
    data = {"name": pair.name, "glpi": pair.glpi.pk, "servicenow": pair.servicenow.pk, "enabled": "on"}
    response = admin_client.post(url, {**data, "mapping": pair.mapping, "sync_interval": value})
    pair.refresh_from_db()
    if error:
        assert response.status_code == 200 and error in response.content.decode()
        assert pair.sync_interval == 1
    else:
        assert response.status_code == 302 and pair.sync_interval == saved
