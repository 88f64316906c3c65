"""An admin walks the whole matching wizard in headless Chromium against the sandbox."""

import pytest
from django.contrib.auth import get_user_model

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.models import ITService, Membership
from catalog.transfer.importer import import_document
from integrations.servicenow.platform import MATCH_SOURCES
from sync import wizard
from sync.models import SyncMapEntry
from tests.factories import ConnectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_walks_the_wizard_overrides_one_suggestion_and_accepts_the_rest(
    live_server, page, namespace, sandbox
):
    import_document(namespace, build_demo_document(DemoShape(apps=6, services=10, seed=3)))
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    connection = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", "a-long-password-1")
    page.click("button[type=submit]")
    page.click("nav >> text=Match")
    page.click("text=snow")
    page.click("button:has-text('Pull from snow')")
    page.wait_for_selector("text=20 service_offering records pulled")

    services = {r.name: r for r in wizard.build_rows(connection, wizard.Step.of(MATCH_SOURCES[0]))}
    database = ITService.objects.get(namespace=namespace, name="Database Services")
    silver = next(
        t
        for t in wizard.targets(connection, wizard.Step.of(MATCH_SOURCES[0]))
        if t.name == "Database Services - Silver"
    )
    assert (
        services["Database Services"].choice_name == "Database Services - Gold"
    )  # the suggestion being overridden
    page.select_option(f"select[name='decision-{database.pk}']", f"match:{silver.target_id}")
    page.click("button:has-text('Confirm IT services')")

    page.wait_for_selector("h1:has-text('Match software products')")
    page.click("button:has-text('Pull from snow')")
    page.wait_for_selector("text=30 cmdb_software_product_model records pulled")
    products = wizard.build_rows(connection, wizard.Step.of(MATCH_SOURCES[1]))
    page.click("button:has-text('Confirm software products')")
    page.wait_for_selector("h1:has-text('Summary')")

    expected = {
        (r.local_id, r.choice_target_id)
        for r in services.values()
        if r.decision == "match" and r.name != "Database Services"
    }
    expected.add((str(database.pk), silver.target_id))
    expected |= {(r.local_id, r.choice_target_id) for r in products if r.decision == "match"}
    actual = {(str(e.record_id), e.target_id) for e in SyncMapEntry.objects.filter(connection=connection)}
    assert actual == expected
    summary = page.inner_text("table")
    assert "IT services" in summary and "Software products" in summary
