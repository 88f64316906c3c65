"""Webhooks in: the endpoint refuses what is unauthenticated, malformed or too big (and writes nothing),
records each event once and queues a pull of just the changed asset; credentials are shown once."""

import base64
import json

import pytest
from django.test import Client
from django.urls import reverse

from sync import webhooks
from sync.models import Pull, WebhookDelivery, WebhookEndpoint
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db

EVENT = {"id": "evt-1", "webhook_id": "w-1", "event": "Asset Updated", "object_id": 5, "timestamp": "x"}


@pytest.fixture
def connection(namespace):
    return ConnectionFactory(
        namespace=namespace,
        name="halo",
        platform="haloitsm",
        auth_method="oauth_client_credentials",
        client_id="id",
        client_secret="secret",
        options={},
    )


@pytest.fixture
def credentials(connection):
    return webhooks.generate(connection)


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def deliver(connection, body, auth=None, **extra):
    client = Client(enforce_csrf_checks=True)  # no session, no CSRF token: as the target posts
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
    return client.post(
        reverse("sync:webhook_receive", args=[connection.pk]),
        data=data,
        content_type="application/json",
        **headers,
        **extra,
    )


def nothing_written():
    return not WebhookDelivery.objects.exists() and not Pull.objects.exists()


def test_a_delivery_is_recorded_once_and_queues_a_pull_of_its_asset(
    connection, credentials, queue, django_capture_on_commit_callbacks
):
    auth = basic(credentials.username, credentials.password)
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(connection, EVENT, auth)

    assert response.status_code == 202, response.content
    pull = Pull.objects.get()
    assert (pull.trigger, pull.scope, pull.connection) == ("webhook", ["5"], connection)
    assert [job.args for job in queue.get_jobs()] == [(str(pull.pk),)]
    assert WebhookEndpoint.objects.get().last_event_at

    again = deliver(connection, EVENT, auth)
    assert again.status_code == 200 and "Already received" in again.json()["detail"]
    assert Pull.objects.count() == 1 and WebhookDelivery.objects.count() == 1


@pytest.mark.parametrize(
    "auth",
    [None, "Bearer abc", "Basic !!!", "Basic " + base64.b64encode(b"nocolon").decode(), "wrong-password"],
)
def test_unauthenticated_deliveries_get_401_and_write_nothing(connection, credentials, auth):
    if auth == "wrong-password":
        auth = basic(credentials.username, credentials.password + "x")
    response = deliver(connection, EVENT, auth)
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Basic")
    assert "credentials" in response.json()["detail"]
    assert nothing_written()


def test_nul_bytes_are_stripped_from_what_is_kept(connection, credentials, queue):
    body = {**EVENT, "id": "evt\x00-2", "event": "Asset\x00 Updated"}
    response = deliver(connection, body, basic(credentials.username, credentials.password))
    assert response.status_code == 202, response.content
    delivery = WebhookDelivery.objects.get()
    assert (delivery.event_id, delivery.event) == ("evt-2", "Asset Updated")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        ([1, 2], "JSON object"),
        ({**EVENT, "object_id": "five"}, "asset id"),
        ({"event": "Asset Updated", "object_id": 5}, "event id"),
        ({**EVENT, "event": "New Ticket Logged"}, "Only asset events"),
        ({**EVENT, "id": "\x00 "}, "event id"),
        ({**EVENT, "object_id": "²"}, "asset id"),
        ({**EVENT, "object_id": "9" * 5000}, "asset id"),
        (b"[" * 30 + b"]" * 30, "nests deeper than 20 levels"),
    ],
)
def test_malformed_deliveries_get_400_with_the_reason(connection, credentials, body, reason):
    response = deliver(connection, body, basic(credentials.username, credentials.password))
    assert response.status_code == 400 and reason in response.json()["detail"]
    assert nothing_written()


def test_a_body_too_big_is_refused_before_it_is_read(connection, credentials):
    auth = basic(credentials.username, credentials.password)
    big = json.dumps({**EVENT, "asset": {"notes": "x" * webhooks.MAX_BODY}}).encode()
    response = deliver(connection, big, auth)
    assert response.status_code == 413
    lying = deliver(connection, big, auth, CONTENT_LENGTH="10")  # a wrong length is no way around it
    assert lying.status_code in (400, 413)
    assert nothing_written()


def test_unknown_connections_and_connections_without_credentials_are_404(connection, namespace):
    other = ConnectionFactory(namespace=namespace, platform="haloitsm", name="other")
    for target in (other, type("Gone", (), {"pk": "00000000-0000-0000-0000-000000000000"})()):
        response = deliver(target, EVENT, basic("u", "p"))
        assert response.status_code == 404
    assert nothing_written()


def test_only_post_is_answered(connection, credentials):
    response = Client().get(reverse("sync:webhook_receive", args=[connection.pk]))
    assert response.status_code == 405


def test_a_test_event_is_noted_and_pulls_nothing(connection, credentials):
    auth = basic(credentials.username, credentials.password)
    response = deliver(connection, {"id": "t-1", "event": "Webhook Test", "object_id": 0}, auth)
    assert response.status_code == 202
    assert WebhookEndpoint.objects.get().last_test_at and not Pull.objects.exists()


def test_credentials_are_stored_as_a_digest_and_regenerating_replaces_them(connection, credentials):
    endpoint = WebhookEndpoint.objects.get()
    assert credentials.password not in (endpoint.password_digest, endpoint.username)
    assert len(credentials.password) >= 40
    newer = webhooks.generate(connection)
    assert WebhookEndpoint.objects.count() == 1
    assert deliver(connection, EVENT, basic(credentials.username, credentials.password)).status_code == 401
    assert deliver(connection, EVENT, basic(newer.username, newer.password)).status_code in (202, 503)


def test_the_connection_page_shows_the_url_and_generates_credentials_once(admin_client, connection):
    page = admin_client.get(reverse("integrations:connection_detail", args=["acme", connection.pk]))
    url = reverse("sync:webhook_receive", args=[connection.pk])
    assert url in page.content.decode() and "Generate credentials" in page.content.decode()

    response = admin_client.post(reverse("sync:webhook_credentials", args=["acme", connection.pk]))

    html = response.content.decode()
    endpoint = WebhookEndpoint.objects.get()
    assert response.status_code == 200 and endpoint.username in html and "shown only on this page" in html
    assert "Not registered" in html  # the connection's instance does not answer in this test
    password = html.split('id="webhook-password">')[1].split("<")[0]
    assert webhooks.digest(password) == endpoint.password_digest
    again = admin_client.get(reverse("integrations:connection_detail", args=["acme", connection.pk]))
    assert password not in again.content.decode() and "Regenerate credentials" in again.content.decode()


def test_viewers_and_editors_cannot_generate_credentials(editor_client, connection):
    response = editor_client.post(reverse("sync:webhook_credentials", args=["acme", connection.pk]))
    assert response.status_code == 403 and not WebhookEndpoint.objects.exists()


def test_send_test_event_asks_the_sandbox_for_a_delivery(admin_client, halo_server, namespace):
    connection = halo_server.connection(namespace, options={"calls_per_five_minutes": 100_000})
    base = "http://127.0.0.1:9"  # nothing listens: the delivery is attempted and logged by the sandbox
    credentials, not_registered = webhooks.register_at(connection, base)
    assert not_registered == ""
    (hook,) = halo_server.rows("Webhook")
    assert hook["url"] == base + reverse("sync:webhook_receive", args=[connection.pk])
    assert (hook["basic_username"], hook["basic_password"]) == (credentials.username, credentials.password)

    response = admin_client.post(reverse("sync:webhook_test", args=["acme", connection.pk]), follow=True)

    assert "asked for a test delivery" in response.content.decode()
    assert halo_server.halo.webhooks.wait(10)
    assert halo_server.halo.webhooks.deliveries[0].event == "Webhook Test"


def test_send_test_event_before_registering_says_what_to_do(admin_client, connection):
    response = admin_client.post(reverse("sync:webhook_test", args=["acme", connection.pk]), follow=True)
    assert "register the webhook first" in response.content.decode()


def test_the_command_registers_and_prints_the_credentials_once(halo_server, namespace, capsys):
    from django.core.management import CommandError, call_command

    halo_server.connection(namespace, options={"calls_per_five_minutes": 100_000})
    call_command("webhook", "register", "--connection", "halo", "--base-url", "http://127.0.0.1:8000")
    out = capsys.readouterr().out
    assert "Password: " in out and "Registered" in out
    assert len(halo_server.rows("Webhook")) == 1
    with pytest.raises(CommandError, match="base-url"):
        call_command("webhook", "register", "--connection", "halo")
