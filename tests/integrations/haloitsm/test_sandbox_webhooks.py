"""Outgoing webhooks (halo_glpi.md §3.2): a JSON POST with Basic credentials to every registered URL
when an asset changes, sent in the background."""

import base64
import json
import logging
import threading
import time

import pytest
from werkzeug.wrappers import Request, Response

from .conftest import serve


class Receiver:
    """A webhook endpoint that records what arrives (and can be slow to answer)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.received: list[tuple[str, dict]] = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        request = Request(environ)
        time.sleep(self.delay)
        with self.lock:
            self.received.append((request.headers.get("Authorization", ""), json.loads(request.get_data())))
        return Response("{}", 200, content_type="application/json")(environ, start_response)


@pytest.fixture
def receiver():
    return Receiver()


@pytest.fixture
def receiver_url(receiver):
    yield from serve(receiver)


def register(halo_api, url, **extra):
    return halo_api.post("/api/Webhook", [{"name": "Portfolio Bridge", "url": url, **extra}]).json


def test_asset_changes_are_posted_with_basic_credentials(halo_api, halo_sandbox, receiver, receiver_url):
    hook = register(
        halo_api,
        f"{receiver_url}/hook",
        authentication_type=1,
        basic_username="bridge",
        basic_password="s3cret",
    )

    created = halo_api.post("/api/Asset", [{"assettype_id": 2, "inventory_number": "WS-1"}]).json
    halo_api.post("/api/Asset", [{"id": created["id"], "key_field": "ws-finance-01"}])
    halo_api.delete(f"/api/Asset/{created['id']}")
    assert halo_sandbox.webhooks.wait(10)

    expected = "Basic " + base64.b64encode(b"bridge:s3cret").decode()
    assert [auth for auth, _ in receiver.received] == [expected] * 3
    payloads = [body for _, body in receiver.received]
    assert [p["event"] for p in payloads] == ["Asset Created", "Asset Updated", "Asset Deleted"]
    assert {p["webhook_id"] for p in payloads} == {hook["id"]}
    assert {p["object_id"] for p in payloads} == {created["id"]}
    assert payloads[1]["asset"]["key_field"] == "ws-finance-01"
    assert all(set(p) == {"id", "webhook_id", "event", "object_id", "timestamp", "asset"} for p in payloads)


def test_other_resources_and_inactive_webhooks_send_nothing(halo_api, halo_sandbox, receiver, receiver_url):
    register(halo_api, f"{receiver_url}/hook", active=False)

    halo_api.post("/api/Asset", [{"id": 1, "key_field": "renamed"}])
    register(halo_api, f"{receiver_url}/other")
    halo_api.post("/api/Supplier", [{"name": "Dell"}])
    assert halo_sandbox.webhooks.wait(10)

    assert receiver.received == []


def test_the_request_does_not_wait_for_the_receiver(halo_api, halo_sandbox):
    slow = Receiver(delay=1.5)
    for url in serve(slow):
        register(halo_api, url)
        started = time.monotonic()
        response = halo_api.post("/api/Asset", [{"id": 1, "key_field": "renamed"}])
        elapsed = time.monotonic() - started
        assert halo_sandbox.webhooks.wait(10)

    assert response.status_code == 201
    assert elapsed < 1.0
    assert len(slow.received) == 1


def test_a_failed_delivery_is_logged_and_recorded(halo_api, halo_sandbox, caplog):
    hook = register(halo_api, "http://127.0.0.1:9/nothing-listens", basic_username="u", basic_password="pw-x")

    with caplog.at_level(logging.WARNING, logger="integrations.haloitsm.sandbox.webhooks"):
        halo_api.post("/api/Asset", [{"id": 1, "key_field": "renamed"}])
        assert halo_sandbox.webhooks.wait(10)

    delivery = halo_sandbox.webhooks.deliveries[0]
    assert (delivery.webhook_id, delivery.status, delivery.error) == (hook["id"], None, "ConnectionError")
    assert f"Webhook {hook['id']}: Asset Updated failed" in caplog.text
    assert "pw-x" not in caplog.text


def test_the_basic_password_is_never_answered_and_survives_a_round_trip(halo_api, halo_sandbox):
    hook = register(
        halo_api, "https://example.org/hook", authentication_type=1, basic_username="u", basic_password="pw"
    )

    read = halo_api.get(f"/api/Webhook/{hook['id']}").json
    halo_api.post("/api/Webhook", [{**read, "name": "Renamed"}])

    assert hook["basic_password"] == read["basic_password"] == "********"
    assert [h["basic_password"] for h in halo_api.get("/api/Webhook").json] == ["********"]
    stored = halo_sandbox.store.get("webhook", hook["id"])
    assert (stored["name"], stored["basic_password"]) == ("Renamed", "pw")


def test_close_stops_the_sender_after_the_queued_deliveries(halo_api, halo_sandbox, receiver, receiver_url):
    register(halo_api, f"{receiver_url}/hook")
    halo_api.post("/api/Asset", [{"id": 1, "key_field": "renamed"}])

    halo_sandbox.webhooks.close()

    assert not halo_sandbox.webhooks.worker.is_alive()
    assert len(receiver.received) == 1
