"""In headless Chromium (issue 19): the wizard shows why each candidate is suggested; an admin's match
the wizard had not pre-selected is learned as an alias, shown on the step, and undone."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.models import ITService, Membership
from catalog.transfer.importer import import_document
from integrations.servicenow.platform import MATCH_SOURCES
from sync import wizard
from sync.models import MatchAlias
from tests.browser import log_in
from tests.factories import ConnectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reasons_are_shown_and_a_learned_alias_is_undone(live_server, page, namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=4, services=10, seed=3)))
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    connection = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    services = wizard.Step.of(MATCH_SOURCES[0])
    wizard.pull_targets(connection, services)
    soc = next(t for t in wizard.targets(connection, services) if t.name == "Security Operations Center")
    database = ITService.objects.get(namespace=namespace, name="Database Services")
    cyber = ITService.objects.get(namespace=namespace, name="Cybersecurity Operations")

    log_in(page, live_server.url, "ada", "a-long-password-1")
    page.goto(
        live_server.url + reverse("sync:match_step", args=[namespace.slug, connection.pk, services.slug])
    )
    row = page.locator(f"tr[data-local='{database.pk}']")
    chosen = row.locator("select option:checked").inner_text()
    assert chosen.startswith(
        "Database Services - Gold — 96% · same name apart from case, punctuation or tier"
    )
    assert "Why: same name apart from case, punctuation or tier" in row.locator(".why").inner_text()
    backup = page.locator("tr", has_text="Enterprise Backup").locator(".why").inner_text()
    assert "alias: Enterprise Backup = Backup and Recovery" in backup
    assert page.locator("#aliases").inner_text().count("None yet.") == 1

    page.select_option(f"select[name='decision-{cyber.pk}']", f"match:{soc.target_id}")
    page.click("button:has-text('Confirm IT services')")
    page.wait_for_selector("h1:has-text('Match software products')")
    assert MatchAlias.objects.filter(phrase="Cybersecurity Operations", learned=True).exists()

    page.goto(
        live_server.url + reverse("sync:match_step", args=[namespace.slug, connection.pk, services.slug])
    )
    card = page.locator("#aliases")
    assert (
        "Cybersecurity Operations" in card.inner_text()
        and "learned from a confirmed match" in card.inner_text()
    )
    card.locator("button:has-text('Undo')").click()
    page.wait_for_selector("text=Alias undone: Cybersecurity Operations = Security Operations Center.")
    assert "None yet." in page.locator("#aliases").inner_text()
    assert page.url.endswith(f"/{services.slug}/")
    assert not MatchAlias.objects.exists()
