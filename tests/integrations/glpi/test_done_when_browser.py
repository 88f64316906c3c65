"""Issue 15's done-when in headless Chromium: an admin connects to the GLPI sandbox, sees each
prerequisite check pass (and a clear message for one made to fail), previews and publishes; then every
computer is in GLPI once, with its serial and its contract."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model

from catalog.choices import Role
from catalog.models import InfrastructureItem, Membership
from integrations.glpi.sandbox.seed import DEMO_APP_TOKEN, DEMO_USER_TOKEN
from integrations.models import Connection
from sync.models import Run, RunKind, RunStatus
from tests.browser import decide_every_record, log_in
from tests.worker import kill, start_worker

from .publish.publishing import import_portfolio

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def test_an_admin_connects_checks_previews_and_publishes_to_glpi(
    live_server, page, namespace, glpi_server, queue
):
    import_portfolio(namespace)
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    worker = start_worker()
    page.on("dialog", lambda dialog: dialog.accept())
    try:
        log_in(page, live_server.url, "ada", "a-long-password-1")
        page.goto(f"{live_server.url}/n/{namespace.slug}/connections/add/?platform=glpi")
        page.fill("#id_name", "glpi")
        page.fill("#id_instance_url", glpi_server.url)  # completed to …/apirest.php
        page.select_option("#id_auth_method", "user_token")
        page.fill("#id_client_secret", DEMO_APP_TOKEN)
        page.fill("#id_refresh_token", DEMO_USER_TOKEN)
        page.fill("#id_ca_bundle", glpi_server.ca_pem)
        page.fill("#id_entity_id", "1")
        page.click("form button[type=submit]:has-text('Save')")
        page.wait_for_selector("h2:has-text('Test connection')")
        connection = Connection.objects.get(name="glpi")
        assert connection.instance_url == glpi_server.api

        page.click("button:has-text('Test connection')")
        page.wait_for_selector("#checks table")
        assert page.locator("#checks td.fail").count() == 0
        assert page.locator("#checks td.pass").count() >= 6

        glpi_server.settings(enable_api=False)
        page.click("button:has-text('Test connection')")
        page.wait_for_selector("#checks td.fail")
        assert "API disabled" in page.inner_text("#checks")
        glpi_server.settings(enable_api=True)

        page.goto(f"{live_server.url}/")
        page.click("button:has-text('Preview')")
        page.wait_for_selector("h1:has-text('Preview of glpi')")
        page.wait_for_selector("text=/need a decision|No decision pending/", timeout=60_000)
        if page.locator("text=Show the records to decide").count():
            decide_every_record(page)
        page.click("button:has-text('Publish to glpi')")
        page.wait_for_selector("h1:has-text('Publish of glpi')")
        page.wait_for_selector("#run-progress .status-succeeded", timeout=120_000)
        assert Run.objects.get(kind=RunKind.PUBLISH).status == RunStatus.SUCCEEDED
    finally:
        kill(worker)
        worker.wait(10)

    computers = [c for c in glpi_server.rows("Computer") if c["entities_id"] == 1 and not c["is_deleted"]]
    serials = Counter(c["serial"] for c in computers if c["serial"])
    expected = set(
        InfrastructureItem.objects.exclude(serial_number="").values_list("serial_number", flat=True)
    )
    assert expected <= set(serials) and max(serials.values()) == 1
    with_end = InfrastructureItem.objects.exclude(service_end_date=None).values_list("name", flat=True)
    contracts = {c["name"] for c in glpi_server.rows("Contract")}
    assert set(with_end) <= contracts
