"""Namespace isolation and roles, on every catalog URL."""

import pytest
from django.urls import reverse

from catalog.models import BusinessApplication
from tests.factories import (
    BusinessApplicationFactory,
    ContactFactory,
    DeploymentProfileFactory,
    InfrastructureItemFactory,
    ITServiceFactory,
    ProductContractFactory,
    SoftwareProductFactory,
    SupplierFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    "application": BusinessApplicationFactory,
    "itservice": ITServiceFactory,
    "softwareproduct": SoftwareProductFactory,
    "contract": ProductContractFactory,
    "supplier": SupplierFactory,
    "contact": ContactFactory,
    "infrastructure": InfrastructureItemFactory,
}


def object_urls(slug: str, records: dict, actions=("detail", "edit", "delete")) -> list[str]:
    urls = []
    for base, obj in records.items():
        if base == "deployment":
            urls += [
                reverse(f"catalog:deployment_{a}", args=[slug, obj.pk]) for a in actions if a != "detail"
            ]
            urls.append(reverse("catalog:deployment_add", args=[slug, obj.application.pk]))
        else:
            urls += [reverse(f"catalog:{base}_{a}", args=[slug, obj.pk]) for a in actions]
    return urls


def namespace_urls(slug: str) -> list[str]:
    urls = [reverse(f"catalog:{base}_{a}", args=[slug]) for base in FACTORIES for a in ("list", "add")]
    urls += [reverse("catalog:import", args=[slug])]
    urls += [reverse("catalog:export", args=[slug, fmt]) for fmt in ("xlsx", "json")]
    return urls


def records_in(namespace) -> dict:
    records = {base: factory(namespace=namespace) for base, factory in FACTORIES.items()}
    records["deployment"] = DeploymentProfileFactory(application=records["application"])
    return records


def test_anonymous_users_are_sent_to_login_from_every_url(client, namespace):
    urls = [reverse("sync:dashboard"), *namespace_urls("acme"), *object_urls("acme", records_in(namespace))]
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url


def test_another_namespaces_records_answer_404_through_my_namespace(editor_client, other_namespace):
    foreign = records_in(other_namespace)
    for url in object_urls("acme", foreign):
        assert editor_client.get(url).status_code == 404, url
    for url in object_urls("acme", foreign, actions=("edit", "delete")):
        assert editor_client.post(url, {"name": "Hijacked"}).status_code == 404, url
    assert BusinessApplication.objects.filter(name="Hijacked").count() == 0
    assert BusinessApplication.objects.filter(pk=foreign["application"].pk).exists()


def test_a_namespace_i_do_not_belong_to_answers_404(editor_client, other_namespace):
    foreign = records_in(other_namespace)
    for url in namespace_urls("globex") + object_urls("globex", foreign):
        assert editor_client.get(url).status_code == 404, url
        assert editor_client.post(url, {}).status_code == 404, url


def test_viewers_read_but_cannot_change_anything(viewer_client, namespace):
    records = records_in(namespace)
    for base in FACTORIES:
        assert viewer_client.get(reverse(f"catalog:{base}_list", args=["acme"])).status_code == 200
        assert (
            viewer_client.get(reverse(f"catalog:{base}_detail", args=["acme", records[base].pk])).status_code
            == 200
        )
        assert viewer_client.get(reverse(f"catalog:{base}_add", args=["acme"])).status_code == 403
        assert (
            viewer_client.post(reverse(f"catalog:{base}_add", args=["acme"]), {"name": "x"}).status_code
            == 403
        )
    for url in object_urls("acme", records, actions=("edit", "delete")):
        assert viewer_client.get(url).status_code == 403, url
        assert viewer_client.post(url, {"name": "Changed"}).status_code == 403, url
    assert viewer_client.post(reverse("catalog:import", args=["acme"]), {}).status_code == 403
    assert all(type(obj).objects.filter(pk=obj.pk).exists() for obj in records.values())
    assert viewer_client.get(reverse("catalog:export", args=["acme", "json"])).status_code == 200


def test_form_choices_only_offer_my_namespace(editor_client, namespace, other_namespace):
    mine = ContactFactory(namespace=namespace, name="Ada Mine")
    theirs = ContactFactory(namespace=other_namespace, name="Eve Theirs")
    page = editor_client.get(reverse("catalog:application_add", args=["acme"])).content.decode()
    assert "Ada Mine" in page and "Eve Theirs" not in page
    data = {
        "app_id": "APP-0001",
        "name": "Ledger",
        "operational_status": "operational",
        "lifecycle_stage": "Operational",
        "lifecycle_status": "In Use",
        "business_criticality": "3",
        "owner": str(theirs.pk),
    }
    response = editor_client.post(reverse("catalog:application_add", args=["acme"]), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not BusinessApplication.objects.filter(name="Ledger").exists()
    response = editor_client.post(
        reverse("catalog:application_add", args=["acme"]), {**data, "owner": str(mine.pk)}
    )
    assert response.status_code == 302
    app = BusinessApplication.objects.get(name="Ledger")
    assert app.namespace == namespace and app.owner == mine


def test_superusers_see_every_namespace(client, namespace, other_namespace):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    app = BusinessApplicationFactory(namespace=other_namespace)
    assert client.get(reverse("catalog:application_detail", args=["globex", app.pk])).status_code == 200
    page = client.get(reverse("sync:dashboard")).content.decode()
    assert "Acme" in page and "Globex" in page


def test_state_changes_need_post_and_csrf(editor, namespace):
    from django.test import Client

    app = BusinessApplicationFactory(namespace=namespace)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    response = strict.post(reverse("catalog:application_delete", args=["acme", app.pk]))
    assert response.status_code == 403
    assert BusinessApplication.objects.filter(pk=app.pk).exists()
    strict.get(reverse("catalog:application_delete", args=["acme", app.pk]))
    assert BusinessApplication.objects.filter(pk=app.pk).exists()
