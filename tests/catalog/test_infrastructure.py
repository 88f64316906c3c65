"""Infrastructure items: the pages, the filters, the deployments they run, and their natural keys."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalog.models import InfrastructureItem
from tests.factories import (
    BusinessApplicationFactory,
    DeploymentProfileFactory,
    InfrastructureItemFactory,
    NamespaceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def form_data(**changes) -> dict:
    return {"name": "srv-web-01", "item_type": "server", "manufacturer": "Dell", **changes}


def test_create_edit_and_delete_an_item_with_the_deployments_it_runs(editor_client, namespace):
    deployment = DeploymentProfileFactory(application=BusinessApplicationFactory(namespace=namespace))
    add = reverse("catalog:infrastructure_add", args=["acme"])
    response = editor_client.post(
        add,
        form_data(
            operating_system="Windows Server",
            os_version="2022",
            os_license="00454-12345",
            service_end_date="2028-06-30",
            deployments=[deployment.pk],
        ),
    )
    item = InfrastructureItem.objects.get(name="srv-web-01")
    assert response.status_code == 302 and response["Location"].endswith(f"{item.pk}/")
    assert item.namespace == namespace and item.source == "manual"
    assert list(item.deployments.all()) == [deployment] and str(item.service_end_date) == "2028-06-30"
    response = editor_client.post(add, form_data())
    assert response.status_code == 200 and "already exists" in response.content.decode()
    edit = reverse("catalog:infrastructure_edit", args=["acme", item.pk])
    editor_client.post(edit, form_data(item_type="virtual_machine"))
    item.refresh_from_db()
    assert item.item_type == "virtual_machine" and not item.deployments.exists()
    editor_client.post(reverse("catalog:infrastructure_delete", args=["acme", item.pk]))
    assert not InfrastructureItem.objects.filter(pk=item.pk).exists()


def test_the_deployment_chooser_offers_only_this_namespaces_deployments(editor_client, namespace):
    ours = DeploymentProfileFactory(
        application=BusinessApplicationFactory(namespace=namespace, name="Ledger")
    )
    theirs = DeploymentProfileFactory(application=BusinessApplicationFactory(namespace=NamespaceFactory()))
    page = editor_client.get(reverse("catalog:infrastructure_add", args=["acme"])).content.decode()
    assert f"Ledger · {ours.name}" in page and theirs.name not in page
    response = editor_client.post(
        reverse("catalog:infrastructure_add", args=["acme"]), form_data(deployments=[theirs.pk])
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not InfrastructureItem.objects.exists()


def test_the_list_filters_by_type_and_source_and_searches_serials(editor_client, namespace):
    InfrastructureItemFactory(namespace=namespace, name="srv-a", item_type="server", serial_number="ZX81")
    InfrastructureItemFactory(namespace=namespace, name="vm-b", item_type="virtual_machine", source="import")
    InfrastructureItemFactory(namespace=NamespaceFactory(), name="elsewhere", source="HaloITSM: other")
    url = reverse("catalog:infrastructure_list", args=["acme"])
    page = editor_client.get(url).content.decode()
    assert "2 infrastructure items" in page and "elsewhere" not in page
    assert '<option value="import">' in page and "HaloITSM: other" not in page
    page = editor_client.get(url, {"item_type": "virtual_machine"}).content.decode()
    assert "1 infrastructure item" in page and "vm-b" in page and "srv-a" not in page
    page = editor_client.get(url, {"source": "manual"}).content.decode()
    assert "srv-a" in page and "vm-b" not in page
    page = editor_client.get(url, {"q": "zx81"}).content.decode()
    assert "srv-a" in page and "vm-b" not in page
    page = editor_client.get(url, {"q": "vm-", "source": "manual"}).content.decode()
    assert "0 infrastructure items" in page and "Select a valid choice" not in page
    response = editor_client.get(url, {"item_type": "mainframe"})
    assert response.status_code == 200 and "0 infrastructure items" in response.content.decode()
    assert "Select a valid choice" in response.content.decode()


def test_the_detail_page_lists_the_deployments_it_runs(viewer_client, namespace):
    application = BusinessApplicationFactory(namespace=namespace, name="Ledger")
    deployment = DeploymentProfileFactory(application=application, name="Ledger — Prod")
    item = InfrastructureItemFactory(
        namespace=namespace, operating_system="Ubuntu", os_license="KEY-1", deployments=[deployment]
    )
    page = viewer_client.get(
        reverse("catalog:infrastructure_detail", args=["acme", item.pk])
    ).content.decode()
    assert "Ledger — Prod" in page and "Ubuntu" in page and "KEY-1" in page
    assert "OS licence / product id" in page
    lonely = InfrastructureItemFactory(namespace=namespace)
    page = viewer_client.get(reverse("catalog:infrastructure_detail", args=["acme", lonely.pk]))
    assert "Runs no deployment." in page.content.decode()


def test_an_applications_page_shows_the_infrastructure_its_deployments_run_on(viewer_client, namespace):
    application = BusinessApplicationFactory(namespace=namespace)
    prod, test = (DeploymentProfileFactory(application=application) for _ in range(2))
    shared = InfrastructureItemFactory(namespace=namespace, name="srv-shared", deployments=[prod, test])
    InfrastructureItemFactory(namespace=namespace, name="srv-unrelated")
    page = viewer_client.get(reverse("catalog:application_detail", args=["acme", application.pk]))
    body = page.content.decode()
    assert body.count(reverse("catalog:infrastructure_detail", args=["acme", shared.pk])) == 3
    assert "srv-unrelated" not in body
    assert list(application.infrastructure_items) == [shared]


def test_names_are_unique_per_namespace_and_source_ids_per_source(namespace):
    InfrastructureItemFactory(namespace=namespace, name="srv-1", source="HaloITSM: prod", source_id="42")
    InfrastructureItemFactory(namespace=NamespaceFactory(), name="srv-1")
    twin = InfrastructureItem(namespace=namespace, name="srv-2", source="HaloITSM: prod", source_id="42")
    with pytest.raises(ValidationError, match="already has this id in this source"):
        twin.full_clean()
    twin.source_id = ""
    twin.full_clean()
    InfrastructureItemFactory(namespace=namespace, name="srv-3", source_id="")
    with pytest.raises(ValidationError, match="already exists"):
        InfrastructureItem(namespace=namespace, name="srv-1").full_clean()


def test_control_characters_are_refused_in_names(editor_client):
    response = editor_client.post(
        reverse("catalog:infrastructure_add", args=["acme"]), form_data(name="a\tb")
    )
    assert response.status_code == 200 and "single line" in response.content.decode()
    assert not InfrastructureItem.objects.exists()


def test_the_navigation_links_the_infrastructure_list(viewer_client):
    page = viewer_client.get(reverse("catalog:application_list", args=["acme"])).content.decode()
    nav = page.split('<nav class="mainnav"', 1)[1].split("</nav>", 1)[0]
    link = f'<a href="{reverse("catalog:infrastructure_list", args=["acme"])}">Infrastructure</a>'
    assert link in nav and nav.index(">Software</a>") < nav.index(link)


def test_the_django_admin_lists_filters_and_edits_items(client, namespace):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    item = InfrastructureItemFactory(namespace=namespace, name="srv-admin", serial_number="ZX81")
    changelist = reverse("admin:catalog_infrastructureitem_changelist")
    page = client.get(changelist, {"q": "zx81", "item_type__exact": "server"}).content.decode()
    assert "srv-admin" in page
    change = client.get(reverse("admin:catalog_infrastructureitem_change", args=[item.pk]))
    assert change.status_code == 200 and "OS licence / product id" in change.content.decode()
