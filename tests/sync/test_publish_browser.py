"""From the browser: preview, decide, publish, watch the progress, see the result in the sandbox's page."""

import re

import pytest
from django.contrib.auth import get_user_model

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.models import Membership
from catalog.transfer.importer import import_document
from sync.models import Run, RunKind, RunStatus
from tests.browser import decide_every_record, log_in
from tests.factories import ConnectionFactory
from tests.sync.test_preview import register_data_source
from tests.sync.test_publish import target_state
from tests.worker import kill, start_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_admin_previews_decides_publishes_and_watches_the_progress(
    live_server, page, namespace, sandbox, queue
):
    import_document(namespace, build_demo_document(DemoShape(apps=12, services=6, seed=5)))
    register_data_source(sandbox)
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    ConnectionFactory(
        namespace=namespace,
        name="snow",
        instance_url=sandbox.url,
        ca_bundle=sandbox.ca_pem,
        options={"ire_batch_size": 4, "max_calls_per_minute": 300},  # slow enough to watch
    )
    worker = start_worker()
    page.on("dialog", lambda dialog: dialog.accept())  # the publish and rollback confirmations
    try:
        log_in(page, live_server.url, "ada", "a-long-password-1")
        page.click("button:has-text('Preview')")
        page.wait_for_selector("h1:has-text('Preview of snow')")
        page.wait_for_selector("text=need a decision", timeout=60_000)  # the worker finished it
        publish = page.locator("button:has-text('Publish to snow')")
        assert publish.is_disabled()  # decisions are pending
        decide_every_record(page)
        page.click("button:has-text('Publish to snow')")

        page.wait_for_selector("h1:has-text('Publish of snow')")
        first_publish = page.url
        page.wait_for_selector("#run-progress >> text=API calls", timeout=30_000)
        page.wait_for_selector("#run-progress .status-succeeded", timeout=90_000)  # reloaded when done
        assert page.locator("#run-progress progress").count() >= 4
        calls = int(re.search(r"API calls (\d+)", page.inner_text("#run-progress")).group(1))
        assert calls > 0
        run = Run.objects.get(kind=RunKind.PUBLISH)
        assert run.status == RunStatus.SUCCEEDED and run.started_by == admin
        state = target_state(sandbox)
        assert state["cis"] and max(state["cis"].values()) == 1

        # an admin edits a published application in ServiceNow
        created = run.items.filter(step="applications", outcome="create").order_by("name").first()
        path = f"/api/now/table/cmdb_ci_business_app/{created.target_id}"
        assert sandbox.put(path, json={"short_description": "Edited in ServiceNow"}).status_code == 200
        page.goto(f"{live_server.url}/")
        page.click("button:has-text('Preview')")
        page.wait_for_selector("text=No decision pending", timeout=60_000)
        page.select_option("select[name=outcome]", "changed_in_target")
        page.click("button:has-text('Filter')")
        row = page.locator("tr", has_text=created.name).first
        assert "Changed in target" in row.inner_text() and "Edited in ServiceNow" in row.inner_text()
        blocker = page.locator("#publish-blocker")
        assert not blocker.count(), blocker.inner_text()
        page.click("button:has-text('Publish to snow')")
        page.wait_for_selector("#run-progress .status-succeeded", timeout=90_000)
        assert sandbox.table("cmdb_ci_business_app", sys_id=created.target_id)[0]["short_description"] == (
            "Edited in ServiceNow"
        )

        # rolling back the first publish puts the adopted records' old values back
        adopted = run.items.filter(step="applications", outcome="adopt").exclude(previous={}).first()
        page.goto(first_publish)
        page.click("button:has-text('Roll back')")
        page.wait_for_selector("h1:has-text('Rollback of snow')")
        page.wait_for_selector("#run-progress .status-succeeded", timeout=90_000)
        restored = sandbox.table(
            "cmdb_ci_business_app", sys_id=adopted.target_id, sysparm_exclude_reference_link="true"
        )[0]
        assert all(restored[field] == value for field, value in adopted.previous.items())
        page.goto(first_publish)
        assert "Rolled back" in page.inner_text("main")
    finally:
        kill(worker)

    context = page.context.browser.new_context(ignore_https_errors=True)
    sandbox_page = context.new_page()
    sandbox_page.goto(sandbox.url + "/")
    rows = sandbox_page.inner_text("table")
    assert re.search(r"cmdb_ci_business_app\s+\d+", rows) and "sys_object_source" in rows
    context.close()
