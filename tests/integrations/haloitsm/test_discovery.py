"""Subscribe's side in Halo: the discovered assets (not the portfolio's own types), their details as
Halo names them, one asset by id, and the webhook body and registration."""

import pytest

from integrations.base.platform import platform_named

from . import test_client
from .test_client import halo

served = test_client.served  # the checked sandbox fixture

pytestmark = pytest.mark.django_db

PLATFORM = platform_named("haloitsm")


def test_servers_are_discovered_with_their_details_and_software_is_not(halo_server, namespace):
    connection = halo_server.connection(namespace)
    with PLATFORM.client(connection) as client:
        found = {d.name: d for d in PLATFORM.discovered(client, PLATFORM.options(connection.options))}

    assert set(found) == {
        "srv-db-01",
        "srv-db-02",
        "srv-app-01",
        "srv-app-02",
        "srv-web-01",
        "Tableau Server",
    }
    db = found["srv-db-01"]
    assert (db.item_type, db.manufacturer, db.model, db.serial_number) == (
        "server",
        "Dell",
        "PowerEdge R750",
        "DL7Q2K3",
    )
    assert (db.operating_system, db.os_version, db.location) == (
        "Red Hat Enterprise Linux",
        "9.3",
        "Head Office",
    )
    assert db.service_end_date == "2027-03-31"
    assert found["srv-app-01"].os_license == "00454-AA101"
    assert db.target_type == "Asset" and db.target_id.isdigit()


def test_mapped_asset_types_are_left_out_and_ids_narrow_the_pull(halo_server, namespace):
    connection = halo_server.connection(namespace, options={"asset_types": {"application_instance": 1}})
    servers = [a for a in halo_server.rows("Asset") if a["assettype_id"] == 1]
    with PLATFORM.client(connection) as client:
        options = PLATFORM.options(connection.options)
        assert list(PLATFORM.discovered(client, options)) == []  # Server is the portfolio's type here
        other = halo_server.connection(namespace, name="halo2")
        one = list(
            PLATFORM.discovered(
                PLATFORM.client(other), PLATFORM.options({}), ids=[str(servers[1]["id"]), "999"]
            )
        )
    assert [d.target_id for d in one] == [str(servers[1]["id"])]


def test_a_webhook_body_names_its_event_and_asset():
    event = PLATFORM.webhook_event({"id": "e-1", "event": "Asset Updated", "object_id": 7, "webhook_id": "w"})
    assert (event.event_id, event.target_ids, event.test) == ("e-1", ("7",), False)
    assert PLATFORM.webhook_event({"id": "e-2", "event": "Webhook Test", "object_id": 0}).test
    for body, reason in [
        ([], "JSON object"),
        ({"event": "Asset Updated", "object_id": 1}, "event id"),
        ({"id": "x", "object_id": 1}, "name its event"),
        ({"id": "x", "event": "Asset Updated", "object_id": "abc"}, "asset id"),
        ({"id": "x", "event": "New Ticket Logged", "object_id": 3}, "Only asset events"),
    ]:
        with pytest.raises(ValueError, match=reason):
            PLATFORM.webhook_event(body)


def test_registering_twice_updates_the_same_webhook_and_a_test_is_delivered(halo_server, namespace):
    connection = halo_server.connection(namespace)
    client = PLATFORM.client(connection)
    first = PLATFORM.register_webhook(client, "http://127.0.0.1:9/hook", "u", "p1", "Portfolio Bridge")
    again = PLATFORM.register_webhook(
        client, "http://127.0.0.1:9/hook2", "u", "p2", "Portfolio Bridge", first
    )
    hooks = halo_server.rows("Webhook")
    assert first == again and len(hooks) == 1
    assert hooks[0]["url"] == "http://127.0.0.1:9/hook2" and hooks[0]["basic_password"] == "p2"
    halo_server.halo.store.remove("webhook", first)
    third = PLATFORM.register_webhook(client, "http://127.0.0.1:9/hook", "u", "p3", "Portfolio Bridge", first)
    assert third != first and len(halo_server.rows("Webhook")) == 1

    PLATFORM.send_test_event(client, third)
    assert halo_server.halo.webhooks.wait(10)
    delivery = halo_server.halo.webhooks.deliveries[0]
    assert delivery.event == "Webhook Test" and delivery.webhook_id == third
    assert "_test" not in halo_server.rows("Webhook")[0]


def test_every_request_of_discovery_and_webhooks_is_one_halo_accepts(served):  # noqa: F811
    url, app = served
    client = halo(url)
    options = PLATFORM.options({})
    found = list(PLATFORM.discovered(client, options))
    assert len(found) == 6
    assert len(list(PLATFORM.discovered(client, options, ids=[found[0].target_id]))) == 1
    hook = PLATFORM.register_webhook(client, "http://127.0.0.1:9/hook", "u", "p", "Portfolio Bridge")
    PLATFORM.register_webhook(client, "http://127.0.0.1:9/hook", "u", "p2", "Portfolio Bridge", hook)
    PLATFORM.send_test_event(client, hook)

    assert app.problems == []
    assert any("assettypes=" in path and "includeassetfields=true" in path for path in app.paths)
