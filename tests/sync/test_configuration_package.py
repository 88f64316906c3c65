"""End to end against a fresh sandbox: without the configuration package nothing can be published and a
hand-made CI is not recognised; with it the preview is clean, that CI is identified, the publish succeeds,
and the data source's attributes are protected from other sources."""

import pytest
from django.urls import reverse

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.models import BusinessApplication
from catalog.transfer.importer import import_document
from integrations.servicenow.update_set import build_update_set
from integrations.services import package_settings
from sync import decisions, runs
from sync.models import Outcome, RunStatus
from sync.preview import run_preview
from sync.publish import execute_publish
from tests.conftest import member
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db


def test_the_package_makes_the_target_ready_for_publishing(namespace, sandbox, client):
    import_document(namespace, build_demo_document(DemoShape(apps=12, services=6, seed=5)))
    connection = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    app = BusinessApplication.objects.filter(namespace=namespace).order_by("name").last()
    made_by_hand = sandbox.post(
        "/api/now/table/cmdb_ci_business_app",
        json={"name": "Legacy name", "correlation_id": str(app.pk), "operational_status": "1"},
    ).json()["result"]

    # 1. without the package: the data source is not registered, and the run page points to the download
    before = run_preview(connection)
    errors = before.items.filter(outcome=Outcome.ERROR)
    assert (
        errors.exists()
        and not before.items.filter(outcome=Outcome.CREATE)
        .exclude(step__in=("software_products", "contracts"))
        .exists()
    )
    messages = {e.message for e in errors.exclude(kind="relation")}
    assert all(m.startswith("INVALID_INPUT_DATA") and "configuration package" in m for m in messages), (
        messages
    )
    client.force_login(member(namespace, Role.ADMIN))
    page = client.get(reverse("sync:run_detail", args=["acme", before.pk])).content.decode()
    assert reverse("integrations:update_set_download", args=["acme", connection.pk]) in page
    # ...and the instance's own rules (by name) would not recognise the hand-made CI
    query = sandbox.ire(
        [{"className": "cmdb_ci_business_app", "values": {"name": app.name, "correlation_id": str(app.pk)}}],
        variant="query",
    )
    assert query["items"][0]["operation"] == "INSERT"

    # 2. the package: a clean preview, the hand-made CI identified by its correlation id
    imported = sandbox.post("/sandbox/update_set", data=build_update_set(package_settings(connection)))
    assert imported.status_code == 200, imported.text
    after = run_preview(connection)
    assert not after.items.filter(outcome=Outcome.ERROR).exists()
    row = after.items.get(record_id=str(app.pk))
    assert row.outcome == Outcome.ADOPT and row.target_id == made_by_hand["sys_id"]
    assert (row.diff["name"]["target"], row.diff["name"]["portfolio"]) == ("Legacy name", app.name)
    assert row.diff["name"]["identity"]  # an adopt keeps it unless the admin says otherwise

    # 3. publish, the admin choosing the portfolio's name for this one
    decisions.decide_all(after, "adopt")
    decisions.record(after, row.pk, "adopt", {"name": "overwrite"})
    run = execute_publish(runs.start_publish(connection))
    assert run.status == RunStatus.SUCCEEDED, run.message
    ci = sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={made_by_hand['sys_id']}")[0]
    assert ci["name"] == app.name and ci["discovery_source"] in ("PortfolioBridge", "")

    # 4. another data source: authoritative attributes are kept, the others change
    other = sandbox.ire(
        [
            {
                "className": "cmdb_ci_business_app",
                "values": {
                    "correlation_id": str(app.pk),
                    "name": app.name,
                    "operational_status": "2",
                    "short_description": "Overwritten by another tool",
                    "data_classification": "Internal",
                },
            }
        ],
        source="ServiceNow",
    )
    assert other["items"][0]["sysId"] == made_by_hand["sys_id"]
    ci = sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={made_by_hand['sys_id']}")[0]
    assert ci["operational_status"] == "1" and ci["short_description"] != "Overwritten by another tool"
    assert ci["data_classification"] == "Internal"  # not published, so not claimed
