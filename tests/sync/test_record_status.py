"""Where a portfolio record is in each target, on its detail page (from the sync map only)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import BusinessApplication
from sync.models import Direction, MatchChoice, RecordKind, SyncMapEntry
from sync.record_status import in_targets
from tests.factories import (
    BusinessApplicationFactory,
    ConnectionFactory,
    ContactFactory,
    DeploymentProfileFactory,
    InfrastructureItemFactory,
    ITServiceFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db
SYS_ID = "0123456789abcdef0123456789abcdef"


def entry(connection, kind, record, **fields):
    return SyncMapEntry.objects.create(
        connection=connection,
        kind=kind,
        record_id=record.pk,
        target_type=fields.pop("target_type", "cmdb_ci_business_app"),
        target_id=fields.pop("target_id", SYS_ID),
        direction=fields.pop("direction", Direction.PUBLISHED),
        **fields,
    )


def test_an_application_and_its_deployments_per_connection(namespace):
    app = BusinessApplicationFactory(namespace=namespace, name="Ledger")
    deployment = DeploymentProfileFactory(application=app, name="Ledger Prod")
    snow = ConnectionFactory(namespace=namespace, name="snow", instance_url="https://acme.service-now.com")
    ConnectionFactory(namespace=namespace, name="other")
    ConnectionFactory(name="elsewhere")  # another namespace: not shown
    entry(snow, RecordKind.APPLICATION, app, last_synced_at=timezone.now() + timedelta(seconds=5))
    rows = in_targets(app)
    assert [(r.record.name, r.connection.name) for r in rows] == [
        ("Ledger", "other"),
        ("Ledger", "snow"),
        ("Ledger Prod", "other"),
        ("Ledger Prod", "snow"),
    ]
    synced = rows[1]
    assert synced.state == "In sync"
    assert synced.url == f"https://acme.service-now.com/nav_to.do?uri=cmdb_ci_business_app.do?sys_id={SYS_ID}"
    assert rows[0].state == "Not in this target yet" and rows[0].url is None
    BusinessApplication.objects.filter(pk=app.pk).update(updated_at=timezone.now() + timedelta(minutes=1))
    app.refresh_from_db()
    assert in_targets(app)[1].state == "Changed since the last sync"
    assert in_targets(deployment) and in_targets(ContactFactory(namespace=namespace)) == []


def test_states_of_unsynced_skipped_and_interrupted_records(namespace):
    service = ITServiceFactory(namespace=namespace)
    one, two, three = (ConnectionFactory(namespace=namespace, name=n) for n in ("a", "b", "c"))
    entry(one, RecordKind.IT_SERVICE, service, direction=Direction.MATCHED, target_type="service_offering")
    entry(two, RecordKind.IT_SERVICE, service, target_id="")
    MatchChoice.objects.create(
        connection=three, kind=RecordKind.IT_SERVICE, record_id=service.pk, decision="skip"
    )
    states = [row.state for row in in_targets(service)]
    assert states == [
        "Matched to an existing record; not synced yet",
        "Create interrupted: publish again",
        "Left out by matching",
    ]


def test_the_application_page_shows_the_target_record_with_its_link(editor_client, namespace):
    app = BusinessApplicationFactory(namespace=namespace, name="Ledger")
    snow = ConnectionFactory(namespace=namespace, name="snow", instance_url="https://acme.service-now.com")
    entry(snow, RecordKind.APPLICATION, app, last_synced_at=timezone.now())
    page = editor_client.get(reverse("catalog:application_detail", args=["acme", app.pk])).content.decode()
    assert "In targets" in page and f"sys_id={SYS_ID}" in page and "snow" in page


def test_infrastructure_items_and_suppliers_show_their_glpi_items_with_links(editor_client, namespace):
    glpi = ConnectionFactory(
        namespace=namespace,
        name="glpi",
        platform="glpi",
        instance_url="https://glpi.example.org/glpi/apirest.php",
    )
    item = InfrastructureItemFactory(namespace=namespace, name="srv-0001")
    supplier = SupplierFactory(namespace=namespace, name="Dell")
    entry(
        glpi,
        RecordKind.INFRASTRUCTURE_ITEM,
        item,
        target_type="Computer",
        target_id="12",
        last_synced_at=timezone.now(),
    )
    entry(glpi, RecordKind.SUPPLIER, supplier, target_type="Supplier", target_id="3")
    (row,) = in_targets(item)
    assert (row.state, row.url) == ("In sync", "https://glpi.example.org/glpi/front/computer.form.php?id=12")
    page = editor_client.get(
        reverse("catalog:infrastructure_detail", args=["acme", item.pk])
    ).content.decode()
    assert "In targets" in page and "front/computer.form.php?id=12" in page
    page = editor_client.get(reverse("catalog:supplier_detail", args=["acme", supplier.pk])).content.decode()
    assert "front/supplier.form.php?id=3" in page and "not synced yet" in page
