"""Issue 14's "done when", in headless Chromium against the served HaloITSM sandbox: an admin maps the
asset types, matches the services, previews and publishes the demo portfolio; the sandbox holds each
record once; then a change made in the sandbox arrives by webhook and shows in the subscribe diff."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.models import Membership
from catalog.transfer.importer import import_document
from sync.models import Run, RunKind, RunStatus
from tests.browser import decide_every_record, log_in
from tests.worker import kill, start_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def test_an_admin_publishes_the_portfolio_to_halo_and_a_change_comes_back_by_webhook(
    live_server, page, namespace, halo_server, queue
):
    import_document(namespace, build_demo_document(DemoShape(apps=8, services=4, seed=5)))
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    connection = halo_server.connection(namespace, options={"calls_per_five_minutes": 100_000})
    worker = start_worker()
    page.on("dialog", lambda dialog: dialog.accept())
    try:
        log_in(page, live_server.url, "ada", "a-long-password-1")

        # asset types: "Software" exists in the instance, the other two are created
        page.click("nav >> text=Match")
        page.click("text=halo")
        page.wait_for_selector("h1:has-text('Asset types')")
        page.click("button:has-text('Preview')")
        page.locator("#preview").wait_for()
        page.click("button:has-text('Create 2 and save')")
        page.wait_for_selector("text=Created 2 asset types and saved the asset types of halo.")
        connection.refresh_from_db()
        assert set(connection.options["asset_types"]) == {
            "business_application",
            "application_instance",
            "software",
        }

        # IT services: pull Halo's services and accept the suggestions
        page.click("ol.steps >> text=IT services")
        page.click("button:has-text('Pull from halo')")
        page.wait_for_selector("text=records pulled")
        page.click("button:has-text('Confirm IT services')")
        page.wait_for_selector("h1:has-text('Match software products')")

        # preview, decide, publish
        page.goto(f"{live_server.url}/")
        page.click("button:has-text('Preview')")
        page.wait_for_selector("h1:has-text('Preview of halo')")
        page.wait_for_selector("text=/need a decision|No decision pending/", timeout=60_000)
        if page.locator("text=Show the records to decide").count():
            decide_every_record(page)
        page.click("button:has-text('Publish to halo')")
        page.wait_for_selector("h1:has-text('Publish of halo')")
        page.wait_for_selector("#run-progress .status-succeeded", timeout=120_000)
        run = Run.objects.get(kind=RunKind.PUBLISH)
        assert run.status == RunStatus.SUCCEEDED

        # each record once in the sandbox
        published_types = set(connection.options["asset_types"].values())
        assets = [a for a in halo_server.rows("Asset") if a.get("assettype_id") in published_types]
        numbers = Counter(a.get("inventory_number") for a in assets)
        assert numbers and max(numbers.values()) == 1
        names = Counter(s["name"] for s in halo_server.rows("Service"))
        assert max(names.values()) == 1
        created = run.items.filter(outcome="create").count()
        assert created > 0

        # the webhook: registered from the connection page, then an asset edited in Halo
        page.goto(f"{live_server.url}/n/{namespace.slug}/connections/{connection.pk}/")
        page.click("button:has-text('Generate credentials and register the webhook')")
        page.wait_for_selector("text=Registered in HaloITSM")
        (hook,) = halo_server.rows("Webhook")
        assert hook["url"].startswith(live_server.url) and hook["url"].endswith(f"/hooks/{connection.pk}/")
        asset = next(a for a in halo_server.rows("Asset") if a.get("key_field") == "srv-db-01")
        fields = [{**f, "value": "9.4"} if f["name"] == "OS Version" else f for f in asset["fields"]]
        halo_server.post("/api/Asset", json=[{"id": asset["id"], "fields": fields}]).raise_for_status()
        assert halo_server.halo.webhooks.wait(10)
        assert halo_server.halo.webhooks.deliveries[-1].status == 202

        page.goto(f"{live_server.url}/n/{namespace.slug}/connections/{connection.pk}/")
        page.click("text=Subscribe: pulls and diffs")
        page.wait_for_selector(f"#pulls tr:has-text('asset {asset['id']}') td.status-ready", timeout=30_000)
        page.click(f"#pulls tr:has-text('asset {asset['id']}') a")
        page.wait_for_selector("#diff")
        row = page.locator("#diff > tbody > tr", has_text="srv-db-01").inner_text()
        assert "9.4" in row
    finally:
        kill(worker)
        worker.wait(10)
