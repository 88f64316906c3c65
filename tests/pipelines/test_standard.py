"""Standard changes: pre-approved, so a pipeline proceeds at once; through the API they name a template."""

import pytest

from integrations.base.changes import ChangeInput
from pipelines import services
from pipelines.models import ChangeRequest, EventKind
from tests.pipelines.conftest import API, new_change

pytestmark = pytest.mark.django_db


def test_a_standard_change_proceeds_at_once(namespace, deployment, snow):
    profile, instance = deployment
    change = services.create_change(
        namespace,
        ChangeInput(
            type="standard", template="Rotate TLS certificate", short_description="Rotate certificates"
        ),
        application=profile.application.app_id,
        environment="Production",
        actor="admin",
    )
    assert (change.type, change.state_label, change.approval, change.verdict) == (
        "standard",
        "New",
        "approved",
        "proceed",
    )
    assert change.cmdb_ci == instance and change.token is None
    assert not change.events.filter(kind=EventKind.APPROVAL_REQUESTED).exists()
    services.implement_change(change, "admin")
    services.close_change(change, "successful", "Rotated", "admin")
    assert (change.state_label, change.verdict) == ("Closed", "proceed")
    assert set(change.events.values_list("token_name", flat=True)) == {"admin"}


def test_an_unknown_template_is_refused_with_nothing_created(api, deployment):
    response = new_change(api, deployment, type="standard", template="No such template")
    assert response.status_code == 400
    assert response.json()["detail"] and not ChangeRequest.objects.exists()


def test_a_standard_change_from_a_template_skips_approval(api, deployment, snow):
    (version,) = snow.table(
        "std_change_producer_version", sysparm_query="std_change_producer.name=Deploy application release"
    )
    response = new_change(api, deployment, type="standard", template="Deploy application release")
    assert response.status_code == 201, response.content
    doc = response.json()
    assert (doc["approval"], doc["verdict"]) == ("approved", "proceed")
    remote = snow.table("change_request", sys_id=doc["sys_id"], sysparm_exclude_reference_link="true")[0]
    assert remote["std_change_producer_version"] == version["sys_id"]
    assert api.get(f"{API}/changes/{doc['number']}/").json()["verdict"] == "proceed"
