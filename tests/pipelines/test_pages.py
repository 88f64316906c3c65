"""The token page (admins: create shows the secret once, revoke by POST) and the change pages."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from pipelines.models import ChangeRequest, EventKind, PipelineToken
from pipelines.tokens import create_token, hash_secret
from tests.factories import ConnectionFactory, DeploymentProfileFactory

pytestmark = pytest.mark.django_db


def token_page(namespace) -> str:
    return reverse("pipelines:token_list", args=[namespace.slug])


def test_an_admin_creates_a_token_and_sees_its_secret_only_in_that_answer(admin_client, namespace):
    created = admin_client.post(token_page(namespace), {"name": "payments-deploy", "scope": "changes"})
    assert created.status_code == 200
    secret = created.context["secret"]
    token = PipelineToken.objects.get(name="payments-deploy")
    assert token.key_hash == hash_secret(secret) and secret.encode() in created.content
    listed = admin_client.get(token_page(namespace))
    assert secret.encode() not in listed.content and token.prefix.encode() in listed.content


def test_a_duplicate_or_blank_name_is_a_form_error(admin_client, namespace):
    create_token(namespace, "ci")
    again = admin_client.post(token_page(namespace), {"name": "ci", "scope": "changes"})
    assert again.status_code == 200 and again.context["form"].errors["name"]
    blank = admin_client.post(token_page(namespace), {"name": "", "scope": "changes"})
    assert blank.status_code == 200 and blank.context["form"].errors["name"]
    assert PipelineToken.objects.count() == 1


def test_revoking_takes_a_post_with_csrf(admin_client, namespace):
    token = create_token(namespace, "ci").token
    url = reverse("pipelines:token_revoke", args=[namespace.slug, token.pk])
    assert admin_client.get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(get_user_model().objects.get(username=f"admin-{namespace.slug}"))
    assert strict.post(url).status_code == 403
    response = admin_client.post(url)
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert b"revoked" in admin_client.get(token_page(namespace)).content


def test_only_admins_manage_tokens(editor_client, namespace, other_namespace):
    assert editor_client.get(token_page(namespace)).status_code == 403
    assert editor_client.get(token_page(other_namespace)).status_code == 404


@pytest.fixture
def change(namespace):
    deployment = DeploymentProfileFactory(application__namespace=namespace, environment="Production")
    change = ChangeRequest.objects.create(
        namespace=namespace,
        connection=ConnectionFactory(namespace=namespace, name="snow"),
        token=create_token(namespace, "release-train").token,
        deployment=deployment,
        application=deployment.application.app_id,
        environment="Production",
        sys_id="c" * 32,
        number="CHG0040001",
        type="emergency",
        state="-3",
        state_label="Authorize",
        approval="requested",
    )
    change.events.create(kind=EventKind.CREATED, message="emergency change", token_name="release-train")
    change.events.create(kind=EventKind.APPROVAL_REQUESTED, message="Approval requested")
    change.events.create(
        kind=EventKind.ATTACHMENT,
        message="scan.sarif",
        data={
            "file_name": "scan.sarif",
            "size_bytes": 42,
            "content_type": "application/json",
            "download_link": "https://x.invalid/f",
        },
    )
    change.calls.create(
        namespace=namespace, method="PATCH", path="/api/now/table/change_request/x", status=200, duration_ms=7
    )
    return change


def test_the_change_page_shows_its_timeline_attachments_and_token(viewer_client, namespace, change):
    page = viewer_client.get(reverse("pipelines:change_detail", args=[namespace.slug, change.number]))
    assert page.status_code == 200
    text = page.content.decode()
    for expected in (
        "CHG0040001",
        "Authorize",
        "Approval requested",
        "scan.sarif",
        "release-train",
        "emergency",
    ):
        assert expected in text, expected
    missing = viewer_client.get(reverse("pipelines:change_detail", args=[namespace.slug, "CHG9"]))
    assert missing.status_code == 404


def test_the_application_page_lists_its_changes_per_environment(viewer_client, namespace, change):
    application = change.deployment.application
    page = viewer_client.get(reverse("catalog:application_detail", args=[namespace.slug, application.pk]))
    text = page.content.decode()
    assert "Change requests" in text and "CHG0040001" in text and "<h3>Production</h3>" in text
    assert reverse("pipelines:change_detail", args=[namespace.slug, "CHG0040001"]) in text


def test_a_change_of_another_namespace_is_not_found(client, other_namespace, change):
    from tests.conftest import member

    client.force_login(member(other_namespace, "admin"))
    url = reverse("pipelines:change_detail", args=[other_namespace.slug, change.number])
    assert client.get(url).status_code == 404
