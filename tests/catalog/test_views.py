import pytest
from django.urls import reverse

from catalog.models import BusinessApplication, DeploymentProfile, ITService, Supplier
from tests.factories import (
    BusinessApplicationFactory,
    DeploymentProfileFactory,
    ITServiceFactory,
    ProductContractFactory,
    SoftwareProductFactory,
)

pytestmark = pytest.mark.django_db


def test_list_searches_sorts_and_paginates(editor_client, namespace):
    for i in range(60):
        BusinessApplicationFactory(namespace=namespace, name=f"App {i:02d}", app_id=f"APP-{i:04d}")
    BusinessApplicationFactory(namespace=namespace, name="LegalEdge", app_id="APP-9999")
    url = reverse("catalog:application_list", args=["acme"])
    page = editor_client.get(url).content.decode()
    assert "61 business applications" in page and "Page 1 of 2" in page
    assert "App 00" in page and "App 59" not in page
    page = editor_client.get(url, {"sort": "-name"}).content.decode()
    assert page.index("LegalEdge") < page.index("App 59")
    page = editor_client.get(url, {"q": "legal"}).content.decode()
    assert "1 business application" in page and "App 00" not in page
    assert "sort=-name" in editor_client.get(url, {"sort": "name"}).content.decode()


def test_unknown_sort_column_falls_back_to_name(editor_client, namespace):
    BusinessApplicationFactory(namespace=namespace)
    response = editor_client.get(
        reverse("catalog:application_list", args=["acme"]), {"sort": "namespace__slug"}
    )
    assert response.status_code == 200


def test_htmx_search_returns_only_the_results_partial(editor_client, namespace):
    BusinessApplicationFactory(namespace=namespace, name="LegalEdge")
    response = editor_client.get(
        reverse("catalog:application_list", args=["acme"]), {"q": "Legal"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "LegalEdge" in body and "<html" not in body


def test_create_edit_and_delete_an_it_service(editor_client, namespace):
    add = reverse("catalog:itservice_add", args=["acme"])
    response = editor_client.post(
        add, {"name": "Database Services", "scope": "shared", "description": "DBaaS"}
    )
    service = ITService.objects.get(name="Database Services")
    assert response.status_code == 302 and response["Location"].endswith(f"{service.pk}/")
    assert service.namespace == namespace
    response = editor_client.post(add, {"name": "Database Services", "scope": "shared"})
    assert response.status_code == 200 and "already exists" in response.content.decode()
    edit = reverse("catalog:itservice_edit", args=["acme", service.pk])
    editor_client.post(edit, {"name": "Database Services", "scope": "local", "description": ""})
    service.refresh_from_db()
    assert service.scope == "local"
    editor_client.post(reverse("catalog:itservice_delete", args=["acme", service.pk]))
    assert not ITService.objects.filter(pk=service.pk).exists()


def test_application_form_rejects_an_invalid_lifecycle_pair(editor_client):
    response = editor_client.post(
        reverse("catalog:application_add", args=["acme"]),
        {
            "app_id": "APP-0001",
            "name": "Ledger",
            "operational_status": "operational",
            "lifecycle_stage": "Ideation",
            "lifecycle_status": "Retired",
            "business_criticality": "3",
        },
    )
    assert response.status_code == 200
    assert "is not a status of stage" in response.content.decode()
    assert not BusinessApplication.objects.exists()


def test_deployment_profiles_are_edited_on_their_applications_page(editor_client, namespace):
    app = BusinessApplicationFactory(namespace=namespace, name="LegalEdge")
    service = ITServiceFactory(namespace=namespace, name="Application Hosting")
    product = SoftwareProductFactory(namespace=namespace, name="PostgreSQL", version="15")
    response = editor_client.post(
        reverse("catalog:deployment_add", args=["acme", app.pk]),
        {
            "name": "LegalEdge — Prod",
            "environment": "Production",
            "hosting_type": "Cloud",
            "operational_status": "operational",
            "publish_as": "application_service",
            "it_services": [str(service.pk)],
            "software_products": [str(product.pk)],
        },
    )
    detail = reverse("catalog:application_detail", args=["acme", app.pk])
    assert response.status_code == 302 and response["Location"] == detail
    deployment = DeploymentProfile.objects.get(application=app)
    assert deployment.namespace == namespace
    assert list(deployment.it_services.all()) == [service]
    page = editor_client.get(detail).content.decode()
    assert "LegalEdge — Prod" in page and "Application Hosting" in page and "PostgreSQL" in page
    editor_client.post(reverse("catalog:deployment_delete", args=["acme", deployment.pk]))
    assert not DeploymentProfile.objects.exists()


def test_a_deployment_name_is_unique_within_its_application(editor_client, namespace):
    deployment = DeploymentProfileFactory(application=BusinessApplicationFactory(namespace=namespace))
    response = editor_client.post(
        reverse("catalog:deployment_add", args=["acme", deployment.application.pk]),
        {
            "name": deployment.name,
            "environment": "Production",
            "hosting_type": "Cloud",
            "operational_status": "operational",
            "publish_as": "none",
        },
    )
    assert response.status_code == 200 and "already exists" in response.content.decode()


def test_delete_confirmation_and_message(editor_client, namespace):
    supplier = Supplier.objects.create(namespace=namespace, name="Oracle")
    url = reverse("catalog:supplier_delete", args=["acme", supplier.pk])
    assert "Delete supplier “Oracle”?" in editor_client.get(url).content.decode()
    response = editor_client.post(url, follow=True)
    assert "Deleted supplier “Oracle”." in response.content.decode()


def test_list_pages_do_not_query_per_row(editor_client, namespace, django_assert_max_num_queries):
    for _ in range(30):
        BusinessApplicationFactory(namespace=namespace)
    with django_assert_max_num_queries(12):
        editor_client.get(reverse("catalog:application_list", args=["acme"]))


def test_the_deployment_delete_page_renders_and_cancels_to_its_application(editor_client, namespace):
    deployment = DeploymentProfileFactory(application=BusinessApplicationFactory(namespace=namespace))
    response = editor_client.get(reverse("catalog:deployment_delete", args=["acme", deployment.pk]))
    detail = reverse("catalog:application_detail", args=["acme", deployment.application.pk])
    assert response.status_code == 200 and f'href="{detail}">Cancel' in response.content.decode()


def test_application_list_filters_by_status_criticality_and_environment(editor_client, namespace):
    ledger = BusinessApplicationFactory(namespace=namespace, name="Ledger", business_criticality="1")
    BusinessApplicationFactory(namespace=namespace, name="Wiki", operational_status="retired")
    DeploymentProfileFactory(application=ledger, environment="Test")
    DeploymentProfileFactory(application=ledger, environment="Test")
    url = reverse("catalog:application_list", args=["acme"])
    page = editor_client.get(url, {"operational_status": "retired"}).content.decode()
    assert "1 business application" in page and "Wiki" in page and "Ledger" not in page
    page = editor_client.get(url, {"business_criticality": "1", "q": "led"}).content.decode()
    assert "1 business application" in page and "Ledger" in page
    page = editor_client.get(url, {"environment": "Test"}).content.decode()
    assert "1 business application" in page and "Wiki" not in page
    assert 'option value="retired"' in page


def test_an_invalid_filter_value_is_a_form_error_on_the_page(editor_client, namespace):
    BusinessApplicationFactory(namespace=namespace, name="Ledger")
    url = reverse("catalog:application_list", args=["acme"])
    response = editor_client.get(url, {"business_criticality": "²", "lifecycle_stage": "Nope"})
    page = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in page
    assert "Criticality: Select a valid choice" in page and "Stage: Select a valid choice" in page
    assert "0 business applications" in page


def test_it_services_filter_by_scope_and_contracts_by_kind(editor_client, namespace):
    ITServiceFactory(namespace=namespace, name="Hosting", scope="shared")
    ITServiceFactory(namespace=namespace, name="Printing", scope="local")
    page = editor_client.get(reverse("catalog:itservice_list", args=["acme"]), {"scope": "local"})
    assert "Printing" in page.content.decode() and "Hosting" not in page.content.decode()
    ProductContractFactory(namespace=namespace, name="Oracle ULA", kind="vendor")
    ProductContractFactory(namespace=namespace, name="Chargeback", kind="internal_chargeback")
    page = editor_client.get(reverse("catalog:contract_list", args=["acme"]), {"kind": "vendor"})
    assert "Oracle ULA" in page.content.decode() and "Chargeback" not in page.content.decode()


def test_page_numbers_that_are_not_ascii_digits_are_not_found(editor_client, namespace):
    url = reverse("catalog:application_list", args=["acme"])
    assert editor_client.get(url, {"page": "²"}).status_code == 404
    assert editor_client.get(url, {"page": "99999999999999999999999"}).status_code == 404


def test_detail_pages_show_related_records(editor_client, namespace):
    app = BusinessApplicationFactory(namespace=namespace, name="Ledger")
    service = ITServiceFactory(namespace=namespace, name="Hosting")
    product = SoftwareProductFactory(namespace=namespace, name="PostgreSQL", version="15")
    DeploymentProfileFactory(
        application=app, name="Ledger Prod", it_services=[service], software_products=[product]
    )
    contract = ProductContractFactory(
        namespace=namespace, name="PG support", annual_cost="1234.5", currency="EUR"
    )
    contract.software_products.add(product)
    contract.applications.add(app)
    page = editor_client.get(reverse("catalog:itservice_detail", args=["acme", service.pk])).content.decode()
    assert "Ledger Prod" in page and reverse("catalog:application_detail", args=["acme", app.pk]) in page
    page = editor_client.get(
        reverse("catalog:softwareproduct_detail", args=["acme", product.pk])
    ).content.decode()
    assert "Ledger Prod" in page and "PG support" in page and "1,234.50 EUR" in page
    page = editor_client.get(reverse("catalog:contract_detail", args=["acme", contract.pk])).content.decode()
    assert "1,234.50 EUR" in page and "PostgreSQL" in page and "Ledger" in page
    page = editor_client.get(reverse("catalog:application_detail", args=["acme", app.pk])).content.decode()
    assert "PG support" in page


def test_contract_costs_are_listed_with_their_currency(editor_client, namespace):
    ProductContractFactory(namespace=namespace, name="ULA", annual_cost="98000", currency="USD")
    ProductContractFactory(namespace=namespace, name="Free", annual_cost=None, currency="")
    page = editor_client.get(reverse("catalog:contract_list", args=["acme"]), {"sort": "-annual_cost"})
    assert "98,000.00 USD" in page.content.decode()
