"""Creating change requests through the pipeline API against the ServiceNow sandbox."""

import pytest

from catalog.models import DeploymentProfile
from pipelines.models import ChangeCall, ChangeRequest, EventKind
from sync.models import RecordKind, SyncMapEntry
from tests.factories import ConnectionFactory, DeploymentProfileFactory
from tests.pipelines.conftest import API, new_change

pytestmark = pytest.mark.django_db


def test_a_change_for_an_application_and_environment_points_at_its_service_instance(api, deployment, snow):
    profile, instance = deployment
    response = new_change(api, deployment, assignment_group="Application Support", risk="3")
    assert response.status_code == 201, response.content
    doc = response.json()
    assert doc["cmdb_ci"] == instance
    assert doc["number"].startswith("CHG") and doc["type"] == "normal"
    assert (doc["state"], doc["state_label"], doc["approval"], doc["verdict"]) == (
        "-4",
        "Assess",
        "requested",
        "wait",
    )
    assert doc["application"] == profile.application.app_id and doc["environment"] == "Production"
    assert doc["connection"] == "snow" and doc["poll_interval"] == 10 and doc["poll_error"] is None
    assert doc["page"].endswith(f"/pipelines/changes/{doc['number']}/")
    assert doc["url"].startswith(snow.url) and doc["sys_id"] in doc["url"]
    remote = snow.table("change_request", sys_id=doc["sys_id"], sysparm_exclude_reference_link="true")[0]
    group = snow.table("sys_user_group", name="Application Support")[0]
    assert remote["cmdb_ci"] == instance and remote["assignment_group"] == group["sys_id"]
    change = ChangeRequest.objects.get(number=doc["number"])
    assert change.deployment == profile and change.token.name == "deploy"
    kinds = list(change.events.values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.APPROVAL_REQUESTED, EventKind.STATE]
    calls = list(ChangeCall.objects.filter(change=change).values_list("method", flat=True))
    assert calls == ["GET", "POST", "PATCH"]  # group lookup, create, ask for approval


def test_a_change_by_deployment_id(api, deployment):
    profile, instance = deployment
    response = api.post(
        f"{API}/changes/",
        {"deployment": str(profile.pk), "short_description": "Deploy", "type": "emergency"},
        format="json",
    )
    assert response.status_code == 201, response.content
    doc = response.json()
    assert doc["cmdb_ci"] == instance and doc["type"] == "emergency"
    assert (doc["state_label"], doc["approval"]) == ("Authorize", "requested")


def test_a_deployment_not_published_is_refused_with_409(api, deployment, connection, snow):
    profile, _ = deployment
    SyncMapEntry.objects.filter(
        connection=connection, kind=RecordKind.DEPLOYMENT, record_id=profile.pk
    ).delete()
    before = len(snow.table("change_request"))
    response = new_change(api, deployment)
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert f"is not published to connection {connection.name}; publish it first." in detail
    assert profile.name in detail
    assert len(snow.table("change_request")) == before and not ChangeRequest.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"short_description": ""}, "short_description"),
        ({"type": "urgent"}, "type"),
        ({"type": "standard"}, "template"),
        ({"application": "APP-9999"}, "application"),
        ({"environment": "Moon"}, "environment"),
        ({"environment": ""}, "environment"),
        ({"start_date": "tomorrow"}, "start_date"),
        ({"start_date": "2026-01-02T10:00:00Z", "end_date": "2026-01-01T10:00:00Z"}, "end_date"),
        ({"assignment_group": "Nobody Here"}, "assignment_group"),
        ({"parent": "CHG9999999"}, "parent"),
        ({"connection": "elsewhere"}, "connection"),
        ({"deployment": "not-a-uuid"}, "deployment"),
    ],
)
def test_bad_input_is_a_400_with_the_field(api, deployment, body, field):
    response = new_change(api, deployment, **body)
    assert response.status_code == 400, response.content
    assert response.json()["detail"] and field in response.json()["errors"]
    assert not ChangeRequest.objects.exists()


def test_unreadable_json_is_a_400(api, deployment):
    response = api.post(f"{API}/changes/", "{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["detail"]


def test_several_deployments_in_one_environment_ask_for_the_deployment(api, deployment, connection):
    profile, _ = deployment
    other = DeploymentProfileFactory(application=profile.application, environment="Production")
    SyncMapEntry.objects.create(
        connection=connection,
        kind=RecordKind.DEPLOYMENT,
        record_id=other.pk,
        target_type="cmdb_ci_service_auto",
        target_id="f" * 32,
        direction="published",
    )
    response = new_change(api, deployment)
    assert response.status_code == 400 and "deployment" in response.json()["errors"]
    assert DeploymentProfile.objects.filter(application=profile.application).count() >= 2


def test_the_connection_may_be_left_out_only_when_one_manages_changes(api, deployment, namespace):
    ConnectionFactory(namespace=namespace, name="glpi", platform="glpi", auth_method="user_token")
    assert new_change(api, deployment).status_code == 201  # GLPI has no change requests
    ConnectionFactory(namespace=namespace, name="snow-test")
    ambiguous = new_change(api, deployment)
    assert ambiguous.status_code == 400 and "connection" in ambiguous.json()["errors"]
    assert new_change(api, deployment, connection="snow").status_code == 201


def test_a_servicenow_failure_is_a_502_with_its_message_and_nothing_stored(api, deployment, connection):
    connection.password = "wrong"
    connection.save()
    response = new_change(api, deployment)
    assert response.status_code == 502
    assert "refused the credentials" in response.json()["detail"]
    assert not ChangeRequest.objects.exists()
