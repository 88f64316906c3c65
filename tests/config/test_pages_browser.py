"""Every page an admin uses, in headless Chromium: none logs a console error (a CSP violation is one),
the navigation fits on one line at 1,400 px, and the page scripts (busy buttons, the unsaved-changes
warning, the wizard's search results) work under the Content-Security-Policy."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.models import (
    BusinessApplication,
    Contact,
    ITService,
    Membership,
    ProductContract,
    SoftwareProduct,
    Supplier,
)
from catalog.transfer.importer import import_document
from integrations.servicenow.platform import MATCH_SOURCES
from sync import wizard
from sync.models import AuditEntry, Run, RunKind, RunStatus
from sync.preview import run_preview
from tests.factories import ConnectionFactory
from tests.sync.test_preview import register_data_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SERVICES = wizard.Step.of(MATCH_SOURCES[0])


@pytest.fixture
def admin_page(live_server, page, namespace, sandbox):
    """An admin signed in, with a portfolio, a connection to the sandbox and a finished preview; the
    page records every console error and uncaught exception."""
    import_document(namespace, build_demo_document(DemoShape(apps=6, services=10, seed=3)))
    register_data_source(sandbox)
    # staff, and so with the longest navigation: the Admin link too
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1", is_staff=True)
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    connection = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: page.errors.append(f"{page.url}: {e}"))
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", "a-long-password-1")
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Dashboard')")
    page.connection = connection
    page.preview = run_preview(connection, admin)
    return page


def main_pages(namespace, connection, preview) -> list[str]:
    ns = namespace.slug
    details = [
        reverse(f"catalog:{base}_detail", args=[ns, model.objects.filter(namespace=namespace).first().pk])
        for model, base in (
            (BusinessApplication, "application"),
            (ITService, "itservice"),
            (SoftwareProduct, "softwareproduct"),
            (ProductContract, "contract"),
            (Supplier, "supplier"),
            (Contact, "contact"),
        )
    ]
    lists = [
        reverse(f"catalog:{base}_list", args=[ns])
        for base in ("application", "itservice", "softwareproduct", "contract", "supplier", "contact")
    ]
    return [
        reverse("sync:dashboard"),
        reverse("sync:dashboard_ns", args=[ns]),
        *lists,
        *details,
        reverse("catalog:application_add", args=[ns]),
        reverse("catalog:import", args=[ns]),
        reverse("sync:run_list", args=[ns]),
        reverse("sync:run_detail", args=[ns, preview.pk]),
        reverse("sync:run_audit", args=[ns, preview.pk]),
        reverse("integrations:connection_list", args=[ns]),
        reverse("integrations:connection_add", args=[ns]),
        reverse("integrations:connection_detail", args=[ns, connection.pk]),
        reverse("integrations:connection_edit", args=[ns, connection.pk]),
        reverse("integrations:connection_fields", args=[ns, connection.pk]) + "?table=cmdb_ci_business_app",
        reverse("integrations:update_set_checklist", args=[ns, connection.pk]),
        reverse("sync:match_start", args=[ns]),
        *(reverse("sync:match_step", args=[ns, connection.pk, s.slug]) for s in wizard.steps_of(connection)),
        reverse("sync:match_summary", args=[ns, connection.pk]),
        reverse("admin:index"),
    ]


def test_the_main_pages_render_without_console_errors_and_with_a_one_line_navigation(
    admin_page, live_server, namespace
):
    page = admin_page
    for url in main_pages(namespace, page.connection, page.preview):
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        page.wait_for_load_state("load")
        if page.locator("nav.mainnav").count():
            nav = page.locator("nav.mainnav a").first.bounding_box()
            whole = page.locator("nav.mainnav").bounding_box()
            assert whole["height"] < 2 * nav["height"], f"the navigation wraps on {url}"
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow, f"{url} scrolls sideways at 1,400 px"
    page.goto(live_server.url + "/favicon.ico")
    assert page.errors == []


def test_the_page_scripts_work_under_the_content_security_policy(admin_page, live_server, namespace):
    page = admin_page
    ns, connection = namespace.slug, page.connection

    # a long synchronous action shows it is working, then comes back
    page.goto(live_server.url + reverse("integrations:connection_detail", args=[ns, connection.pk]))
    page.evaluate(
        """() => {
          const button = document.querySelector("form[data-busy] button");
          window.sawBusy = false;
          new MutationObserver(() => {
            if (button.disabled && button.textContent === "Testing…") window.sawBusy = true;
          }).observe(button, {attributes: true, childList: true, characterData: true, subtree: true});
        }"""
    )
    page.click("button:has-text('Test connection')")
    page.wait_for_selector("#checks td.pass")
    assert page.evaluate("window.sawBusy")
    test_button = page.locator("form[data-busy] button")
    assert test_button.inner_text() == "Test connection" and test_button.is_enabled()
    button_opacity = page.evaluate(
        """() => { const b = document.createElement("button"); b.disabled = true; document.body.append(b);
                   return getComputedStyle(b).opacity; }"""
    )
    assert float(button_opacity) < 1  # a disabled button looks disabled

    # the wizard: nothing pulled yet, pulled, a search result chosen, a warning before leaving unsaved
    step = reverse("sync:match_step", args=[ns, connection.pk, SERVICES.slug])
    page.goto(live_server.url + step)
    assert "Nothing has been pulled from snow yet." in page.inner_text("main")
    page.click("button:has-text('Pull from snow')")
    page.wait_for_selector("text=20 service_offering records pulled")
    row = next(r for r in wizard.build_rows(connection, SERVICES) if r.name == "Database Services")
    silver = next(t for t in wizard.targets(connection, SERVICES) if t.name == "Database Services - Silver")
    page.fill(f"tr[data-local='{row.local_id}'] input[type=search]", "silver")
    page.click(f"#found-{row.local_id} button[data-choose='match:{silver.target_id}']")
    assert page.eval_on_selector(f"select[name='decision-{row.local_id}']", "s => s.value") == (
        f"match:{silver.target_id}"
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.click("nav >> text=Runs")
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"] and page.url.endswith(step)
    page.click("button:has-text('Confirm IT services')")
    page.wait_for_selector("h1:has-text('Match software products')")
    assert dialogs == ["beforeunload"]  # saving is not leaving
    choice = wizard.build_rows(connection, SERVICES)
    assert next(r for r in choice if r.local_id == row.local_id).choice_target_id == silver.target_id
    assert page.errors == []


def test_the_live_run_pages_header_follows_the_run(admin_page, live_server, namespace):
    page = admin_page
    run = Run.objects.create(connection=page.connection, kind=RunKind.PUBLISH, status=RunStatus.QUEUED)
    page.goto(live_server.url + reverse("sync:run_detail", args=[namespace.slug, run.pk]))
    assert page.inner_text("#run-state").startswith("Queued") and page.inner_text("#audit-link") == (
        "Audit log (0 calls)"
    )
    Run.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING,
        worker="elsewhere:1",
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        progress={"applications": {"done": 7, "total": 100}},
        stats={"calls": 1, "done_at_start": 0},
    )
    AuditEntry.objects.create(
        run=run, method="POST", path="/api/now/identifyreconcile", status=200, duration_ms=5
    )
    page.wait_for_selector("#run-state .status-running", timeout=10_000)
    assert page.inner_text("#audit-link") == "Audit log (1 call)"
    assert "estimating the time left…" in page.inner_text("#run-progress")
    assert page.errors == []
