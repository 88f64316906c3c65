"""Edges found in review: binary evidence, readers that must not write, parents of other namespaces,
numbers two instances both issued, odd content types and ids, and the secret kept out of caches."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.choices import Role
from pipelines.models import ChangeCall, ChangeRequest, Scope
from pipelines.tokens import create_token
from tests.conftest import member
from tests.factories import ConnectionFactory
from tests.pipelines.conftest import API, api_client, new_change

pytestmark = pytest.mark.django_db


def deployment_connection(deployment):
    from sync.models import SyncMapEntry

    return SyncMapEntry.objects.filter(record_id=deployment[0].pk).first().connection


@pytest.fixture
def no_poll_wait(pipeline_settings):
    pipeline_settings.PIPELINE_POLL_INTERVAL = 0


def test_binary_evidence_is_attached_and_summed_up_in_the_audit(api, deployment, snow):
    number = new_change(api, deployment).json()["number"]
    archive = b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)) * 4
    answer = api.post(
        f"{API}/changes/{number}/attachments/",
        {"file": SimpleUploadedFile("logs.zip", archive, content_type="application/zip")},
        format="multipart",
    )
    assert answer.status_code == 201, answer.content
    assert answer.json()["size_bytes"] == len(archive)
    upload = ChangeCall.objects.get(change__number=number, path__contains="attachment")
    assert "binary content, not kept" in upload.request_body and "\x00" not in upload.request_body


def test_a_reader_polls_but_never_asks_for_approval(namespace, api, token, deployment, snow, no_poll_wait):
    """A change whose approval its create could not ask for (still New, "not requested" in ServiceNow):
    a read-all token's poll reads it and leaves it; its creator's poll asks."""
    made = snow.as_user("admin", "admin").post(
        "/api/now/table/change_request", json={"short_description": "x"}
    )
    remote = made.json()["result"]
    change = ChangeRequest.objects.create(
        namespace=namespace,
        connection=deployment_connection(deployment),
        token=token.token,
        sys_id=remote["sys_id"],
        number=remote["number"],
        type="normal",
        state="-5",
        state_label="New",
        approval="not requested",
    )
    reader = api_client(create_token(namespace, "auditor", Scope.CHANGES_READ_ALL).secret)
    assert reader.get(f"{API}/changes/{change.number}/").json()["state_label"] == "New"
    assert not ChangeCall.objects.filter(change=change, method="PATCH")
    assert api.get(f"{API}/changes/{change.number}/").json()["state_label"] == "Assess"


def test_a_parent_must_be_a_change_this_caller_may_see(namespace, api, deployment, other_namespace):
    mine = new_change(api, deployment).json()["number"]
    sibling = api_client(create_token(namespace, "other").secret)
    refused = new_change(sibling, deployment, parent=mine)
    assert refused.status_code == 400 and "No change request" in refused.json()["errors"]["parent"][0]
    assert new_change(api, deployment, parent=mine).status_code == 201


def test_a_number_two_instances_issued_is_never_a_500(client, namespace, api, deployment):
    doc = new_change(api, deployment).json()
    first = ChangeRequest.objects.get(number=doc["number"])
    other = ConnectionFactory(namespace=namespace, name="snow-eu", instance_url="https://eu.service-now.com")
    twin = ChangeRequest.objects.create(
        namespace=namespace,
        connection=other,
        sys_id="f" * 32,
        number=first.number,
        type="normal",
        state="-5",
        state_label="New",
    )
    assert api.get(f"{API}/changes/{doc['number']}/").json()["sys_id"] == doc["sys_id"]  # the token's own
    client.force_login(member(namespace, Role.ADMIN))
    page = client.get(reverse("pipelines:change_detail", args=[namespace.slug, first.number]))
    assert page.status_code == 200 and page.context["change"] == twin  # the newest


def test_an_odd_content_type_goes_on_as_octet_stream(api, deployment, snow):
    number = new_change(api, deployment).json()["number"]
    answer = api.post(
        f"{API}/changes/{number}/attachments/",
        {"file": SimpleUploadedFile("notes.txt", b"all green", content_type="text/pl\u00e4in")},
        format="multipart",
    )
    assert answer.status_code == 201 and answer.json()["content_type"] == "application/octet-stream"


def test_a_deployment_id_that_is_no_uuid_is_a_usage_error(connection):
    with pytest.raises(CommandError, match="is no deployment id") as failed:
        call_command(
            "change", "create", "--connection", "snow", "--deployment", "nope", "--short-description", "x"
        )
    assert failed.value.returncode == 3


def test_the_page_showing_a_new_secret_is_never_cached(client, namespace):
    client.force_login(member(namespace, Role.ADMIN))
    answer = client.post(
        reverse("pipelines:token_list", args=[namespace.slug]), {"name": "ci", "scope": "changes"}
    )
    assert answer.status_code == 200 and "no-store" in answer["Cache-Control"]
