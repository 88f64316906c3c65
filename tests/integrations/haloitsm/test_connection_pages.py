"""The connection pages for HaloITSM: client credentials only, Halo's words, options kept, the test
button; ServiceNow's form unchanged."""

import pytest
from django.urls import reverse

from catalog.choices import Role
from integrations.models import Connection
from tests.conftest import member
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def add_url(platform: str = "") -> str:
    url = reverse("integrations:connection_add", args=["acme"])
    return f"{url}?platform={platform}" if platform else url


def form_data(**overrides) -> dict:
    return {
        "name": "halo",
        "platform": "haloitsm",
        "instance_url": "https://acme.haloitsm.com/api",
        "client_id": "portfolio-bridge",
        "client_secret": "sandbox-secret",
        "ca_bundle": "",
        "sync_direction": "publish",
        "schedule": "manual",
        "is_active": "on",
        "auth_url": "",
        "tenant": "",
        "page_size": "100",
        "calls_per_five_minutes": "300",
        **overrides,
    }


def test_the_halo_form_asks_for_client_credentials_only_in_halos_words(admin_client):
    page = admin_client.get(add_url("haloitsm")).content.decode()
    assert "Resource server" in page and "Authorisation server" in page and "Tenant" in page
    assert 'name="client_id"' in page and 'name="client_secret"' in page
    for absent in ('name="username"', 'name="password"', 'name="refresh_token"', 'name="auth_method"'):
        assert absent not in page
    assert "CSDM version" not in page


def test_the_servicenow_form_is_unchanged(admin_client):
    page = admin_client.get(add_url()).content.decode()
    for present in (
        'name="username"',
        'name="password"',
        'name="auth_method"',
        "Instance URL",
        "CSDM version",
    ):
        assert present in page
    assert "Resource server" not in page


def test_adding_a_halo_connection_stores_client_credentials(admin_client):
    response = admin_client.post(add_url("haloitsm"), form_data(tenant="acme"))
    assert response.status_code == 302
    connection = Connection.objects.get(name="halo")
    assert connection.auth_method == "oauth_client_credentials"
    assert connection.instance_url == "https://acme.haloitsm.com"
    assert connection.client_secret == "sandbox-secret" and connection.username == ""
    assert connection.options["tenant"] == "acme" and connection.options["calls_per_five_minutes"] == 300


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"client_secret": ""}, "Required for this authentication method."),
        ({"auth_url": "ftp://acme/auth"}, "Enter a valid URL."),
        ({"instance_url": "https://acme.haloitsm.com/other"}, "without a path"),
        ({"calls_per_five_minutes": "0"}, "greater than or equal to 1"),
    ],
)
def test_bad_input_is_a_form_error_and_nothing_is_saved(admin_client, overrides, problem):
    response = admin_client.post(add_url("haloitsm"), form_data(**overrides))
    assert response.status_code == 200
    assert problem in response.content.decode()
    assert not Connection.objects.exists()


def test_editing_keeps_the_secret_and_the_asset_type_mapping(admin_client, namespace):
    connection = ConnectionFactory(
        namespace=namespace,
        name="halo",
        platform="haloitsm",
        instance_url="https://acme.haloitsm.com",
        auth_method="oauth_client_credentials",
        client_id="portfolio-bridge",
        client_secret="sandbox-secret",
        username="",
        password="",
        options={"asset_types": {"software": 7}, "tenant": "acme"},
    )
    url = reverse("integrations:connection_edit", args=["acme", connection.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="username"' not in page and 'value="acme"' in page
    response = admin_client.post(url, form_data(client_id="", client_secret="", tenant="beta"))
    assert response.status_code == 302
    connection.refresh_from_db()
    assert connection.client_secret == "sandbox-secret" and connection.client_id == "portfolio-bridge"
    assert connection.options["asset_types"] == {"software": 7} and connection.options["tenant"] == "beta"


def test_the_detail_page_reads_well_for_halo_and_its_test_runs(admin_client, namespace, halo_server):
    connection = halo_server.connection(namespace)
    url = reverse("integrations:connection_detail", args=["acme", connection.pk])
    page = admin_client.get(url).content.decode()
    assert "<dt>Resource server</dt>" in page and "discovered from /api/authinfo" in page
    assert "Fields</a>" not in page and "configuration package" not in page
    assert (
        admin_client.get(reverse("integrations:connection_fields", args=["acme", connection.pk])).status_code
        == 404
    )
    result = admin_client.post(
        reverse("integrations:connection_test", args=["acme", connection.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Read asset types" in result and "Fail" not in result


def test_the_pages_need_a_login_and_csrf(client, namespace):
    assert client.get(add_url("haloitsm")).status_code == 302
    csrf = type(client)(enforce_csrf_checks=True)
    csrf.force_login(member(namespace, Role.ADMIN))
    assert csrf.post(add_url("haloitsm"), form_data()).status_code == 403
    assert not Connection.objects.exists()
