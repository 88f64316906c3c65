"""A small portfolio published to a real ServiceNow sandbox, pipeline tokens, and an API client."""

import pytest
from rest_framework.test import APIClient

from catalog.demo import DemoShape, build_demo_document
from catalog.models import DeploymentProfile
from catalog.transfer.importer import import_document
from sync.models import RecordKind, SyncMapEntry
from tests.factories import ConnectionFactory
from tests.runs import previewed, publish
from tests.sync.test_preview import register_data_source

API = "/api/pipeline/v1"


@pytest.fixture(autouse=True)
def pipeline_settings(settings):
    settings.PIPELINE_POLL_INTERVAL = 10
    settings.PIPELINE_RATE = "1000/min"
    from django.core.cache import cache

    cache.clear()
    return settings


def published_connection(namespace, sandbox, name="snow"):
    import_document(namespace, build_demo_document(DemoShape(apps=2, services=1, seed=5)))
    register_data_source(sandbox)
    connection = ConnectionFactory(
        namespace=namespace, name=name, instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    previewed(connection)
    publish(connection)
    return connection


@pytest.fixture
def sandbox_options() -> dict:
    """The sandbox's settings (a test module overrides this, e.g. with an approval delay)."""
    return {}


@pytest.fixture
def connection(namespace, make_sandbox, sandbox_options):
    snow = make_sandbox(**sandbox_options)
    connection = published_connection(namespace, snow)
    connection.sandbox = snow
    return connection


@pytest.fixture
def snow(connection):
    return connection.sandbox


def published_deployment(connection) -> tuple[DeploymentProfile, str]:
    """A production deployment the publish made a service instance of, and that instance's sys_id."""
    entries = SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.DEPLOYMENT).exclude(
        target_id=""
    )
    for entry in entries:
        deployment = DeploymentProfile.objects.select_related("application").get(pk=entry.record_id)
        if deployment.environment == "Production":
            return deployment, entry.target_id
    raise AssertionError("the publish made no production service instance")


@pytest.fixture
def deployment(connection):
    return published_deployment(connection)


def api_client(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture
def token(namespace):
    from pipelines.tokens import create_token

    return create_token(namespace, "deploy")


@pytest.fixture
def api(token):
    return api_client(token.secret)


def new_change(api, published, **values):
    profile, _ = published
    body = {
        "application": profile.application.app_id,
        "environment": "Production",
        "short_description": "Deploy 1.4.2",
        **values,
    }
    return api.post(f"{API}/changes/", body, format="json")


def approve(snow, change_sys_id: str, decision: str = "approved") -> None:
    """The sandbox's approver user decides, through the Table API as in ServiceNow."""
    approval = snow.table("sysapproval_approver", sysapproval=change_sys_id)[0]
    answer = snow.as_user("approver", "approver").patch(
        f"/api/now/table/sysapproval_approver/{approval['sys_id']}", json={"state": decision}
    )
    assert answer.status_code == 200, answer.text


def stats(snow) -> dict:
    return snow.get("/sandbox/stats").json()
