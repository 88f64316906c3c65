"""Issue 18's done-when in headless Chromium: a ServiceNow sandbox started as the demo's is (with its demo
machines), a part of the demo portfolio published through the product; an admin edits an application's
description and adds a server under one of its service instances on the sandbox's /sandbox/cmdb page;
"Pull now" on the subscribe screen (the queued job run by an RQ SimpleWorker in burst mode, in the test's
process) shows "Changed in ServiceNow" and "New in ServiceNow" (the server's deployment pre-chosen, and
the demo machines too); taking both updates the application and creates the linked infrastructure item;
the next preview shows that application as unchanged, and the next pull no longer lists it."""

import pytest
from django.contrib.auth import get_user_model
from rq import SimpleWorker

from catalog.choices import Role
from catalog.models import BusinessApplication, InfrastructureItem, Membership
from sync.models import Outcome, RecordKind, SyncMapEntry
from sync.preview import run_preview
from tests.browser import log_in
from tests.sync.subscribe_records_helpers import published_connection

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-password-1"  # noqa: S105
APP, INSTANCE, SERVER = "LegalEdge", "LegalEdge — Prod", "lnx-legal-03"


def pull_now(page, url: str, queue) -> None:
    page.goto(url)
    page.click("form.actions button:has-text('Pull now')")
    page.wait_for_load_state()
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    page.goto(url)


def change_the_cmdb(page, sandbox) -> None:
    """As a ServiceNow admin, on the sandbox's page (its own browser context: Basic sign-in, its CA)."""
    context = page.context.browser.new_context(
        http_credentials={"username": "admin", "password": "admin"}, ignore_https_errors=True
    )
    cmdb = context.new_page()
    cmdb.goto(f"{sandbox.url}/sandbox/cmdb?q={APP}")
    section = cmdb.locator(f"section:has(h2:has-text('{APP}'))")
    section.locator("textarea[name=description]").fill("Case management, edited in ServiceNow")
    section.locator("button:has-text('Save description')").click()
    cmdb.wait_for_selector(f"p.done:has-text('Saved the description of {APP}')")
    form = cmdb.locator(
        f"xpath=//h3[starts-with(normalize-space(.), '{INSTANCE}')]/following-sibling::form[1]"
    )
    form.locator("input[name=name]").fill(SERVER)
    form.locator("select[name=class_name]").select_option("cmdb_ci_linux_server")
    form.locator("input[name=serial_number]").fill("DL7Q2K43")
    form.locator("input[name=os]").fill("Red Hat Enterprise Linux")
    form.locator("input[name=os_version]").fill("9.4")
    form.locator("button:has-text('Add server')").click()
    cmdb.wait_for_selector(f"p.done:has-text('Added {SERVER} under {INSTANCE}')")
    context.close()


def test_an_admin_runs_issue_18s_done_when(live_server, page, namespace, make_sandbox, queue):
    sandbox = make_sandbox(demo_machines=True)
    connection = published_connection(namespace, sandbox)
    admin = get_user_model().objects.create_user("ada", password=PASSWORD)
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    app = SyncMapEntry.objects.get(
        connection=connection,
        kind=RecordKind.APPLICATION,
        record_id=BusinessApplication.objects.get(name=APP).pk,
    )
    (instance,) = sandbox.table("cmdb_ci_service_auto", sysparm_query=f"name={INSTANCE}")
    deployment = SyncMapEntry.objects.get(connection=connection, target_id=instance["sys_id"])
    assert deployment.kind == RecordKind.DEPLOYMENT

    change_the_cmdb(page, sandbox)

    log_in(page, live_server.url, "ada", PASSWORD)
    url = f"{live_server.url}/n/{namespace.slug}/connections/{connection.pk}/subscribe/"
    pull_now(page, url, queue)
    pull = connection.pulls.get()
    changed = pull.changes.get(target_id=app.target_id)
    new = pull.changes.get(name=SERVER)
    described = page.locator(f"#change-{changed.pk}-description")
    assert "Changed in ServiceNow" in described.inner_text()
    assert "Case management, edited in ServiceNow" in described.inner_text()
    assert "New in ServiceNow" in page.inner_text(f"#change-{new.pk}")
    chosen = page.locator(f"select[name='parent-{new.pk}'] option:checked")
    assert chosen.all_inner_texts() == [str(deployment_record(deployment))]  # pre-chosen
    for machine in ("lnx-legal-01", "win-sage-app01", "pc-legal-kiosk"):  # the demo's, related at publish
        row = pull.changes.get(name=machine)
        assert "New in ServiceNow" in page.inner_text(f"#change-{row.pk}")
        assert page.locator(f"select[name='parent-{row.pk}'] option:checked").count() >= 1

    page.check(f"input[name='f:{changed.pk}:description'][value=take]")
    page.check(f"#change-{new.pk} input[name=import]")
    page.click("button:has-text('Apply the decisions')")
    page.wait_for_selector("text=Applied: 1 field(s) taken, 0 kept, 1 record(s) imported.")

    application = BusinessApplication.objects.get(pk=app.record_id)
    assert application.description == "Case management, edited in ServiceNow"
    item = InfrastructureItem.objects.get(namespace=namespace, name=SERVER)
    assert [d.pk for d in item.deployments.all()] == [deployment.record_id]
    assert (item.serial_number, item.source_id) == ("DL7Q2K43", new.target_id)
    assert not InfrastructureItem.objects.filter(name="lnx-legal-01").exists()  # not chosen: still waits

    preview = run_preview(connection)
    assert preview.items.get(record_id=str(application.pk)).outcome == Outcome.UNCHANGED
    pull_now(page, url, queue)
    again = connection.pulls.order_by("-created_at").first()
    assert again.pk != pull.pk and not again.changes.filter(target_id__in=[app.target_id, new.target_id])
    assert page.locator(f"#differences tr:has-text('{app.target_id}')").count() == 0  # the app: agreed


def deployment_record(entry: SyncMapEntry):
    from catalog.models import DeploymentProfile

    return DeploymentProfile.objects.select_related("application").get(pk=entry.record_id)
