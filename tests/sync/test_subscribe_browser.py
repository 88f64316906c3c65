"""Done when: an asset edited in the sandbox arrives by webhook at the live server, a worker pulls it,
and the admin sees the change in the subscribe diff page and applies it."""

import pytest
from django.contrib.auth import get_user_model

from catalog.choices import Role
from catalog.models import InfrastructureItem, Membership
from sync import webhooks
from sync.subscribe import execute_pull, start_pull
from sync.subscribe_apply import apply_pull
from tests.browser import log_in
from tests.worker import kill, start_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_asset_edited_in_the_sandbox_arrives_by_webhook_and_shows_in_the_diff(
    live_server, page, namespace, halo_server, queue
):
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    connection = halo_server.connection(namespace, options={"calls_per_five_minutes": 100_000})
    first = execute_pull(start_pull(connection, queue=False))
    apply_pull(first, {c.pk: [] for c in first.changes.all()})
    assert InfrastructureItem.objects.get(name="srv-db-01").os_version == "9.3"
    credentials, not_registered = webhooks.register_at(connection, live_server.url)
    assert not not_registered

    worker = start_worker()
    try:
        log_in(page, live_server.url, "ada", "a-long-password-1")
        page.goto(f"{live_server.url}/n/{namespace.slug}/connections/{connection.pk}/")
        assert page.inner_text("#webhook-url").endswith(f"/hooks/{connection.pk}/")
        assert "Registered in HaloITSM" in page.inner_text("#subscribe-card")

        # someone upgrades the server's OS in Halo
        asset = next(a for a in halo_server.rows("Asset") if a.get("key_field") == "srv-db-01")
        fields = [{**f, "value": "9.4"} if f["name"] == "OS Version" else f for f in asset["fields"]]
        halo_server.post("/api/Asset", json=[{"id": asset["id"], "fields": fields}]).raise_for_status()
        assert halo_server.halo.webhooks.wait(10)
        assert halo_server.halo.webhooks.deliveries[0].status == 202

        page.click("text=Subscribe: pulls and diffs")
        page.wait_for_selector("h1:has-text('Subscribe from halo')")
        page.wait_for_selector("#pulls td.status-ready:below(:text('webhook'))", timeout=30_000)
        page.click(f"#pulls tr:has-text('asset {asset['id']}') a")
        page.wait_for_selector("#diff")
        row = page.locator("#diff > tbody > tr", has_text="srv-db-01")
        text = row.inner_text()
        assert "Changed" in text and "OS version" in text and "9.3" in text and "9.4" in text
        assert InfrastructureItem.objects.get(name="srv-db-01").os_version == "9.3"  # nothing written yet

        page.click("button:has-text('Apply the chosen changes')")
        page.wait_for_selector("text=Applied: 0 added, 1 updated, 0 removed.")
        assert InfrastructureItem.objects.get(name="srv-db-01").os_version == "9.4"
    finally:
        kill(worker)
        worker.wait(10)
