"""The connection pages for GLPI: GLPI's words, a user token or a login plus the App-Token, the API URL
completed, the entity chosen from those the account sees, the test button; other platforms unchanged."""

import pytest
from django.urls import reverse

from catalog.choices import Role
from integrations.models import Connection
from tests.conftest import member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def add_url(platform: str = "") -> str:
    url = reverse("integrations:connection_add", args=["acme"])
    return f"{url}?platform={platform}" if platform else url


def form_data(**overrides) -> dict:
    return {
        "name": "glpi",
        "platform": "glpi",
        "instance_url": "https://glpi.example.org/apirest.php",
        "auth_method": "user_token",
        "client_secret": "app-token",
        "refresh_token": "user-token",
        "username": "",
        "password": "",
        "ca_bundle": "",
        "sync_direction": "publish",
        "schedule": "manual",
        "is_active": "on",
        "entity_id": "1",
        "page_size": "100",
        **overrides,
    }


def test_the_glpi_form_speaks_glpi(admin_client):
    page = admin_client.get(add_url("glpi")).content.decode()
    for present in ("API URL", "App-Token", "User token", "Login", "Include sub-entities", "Entity"):
        assert present in page
    assert 'name="client_secret"' in page and 'name="refresh_token"' in page and 'name="password"' in page
    assert 'name="client_id"' not in page and "CSDM version" not in page
    assert 'value="user_token"' in page and 'value="oauth_password"' not in page


def test_other_platforms_are_not_offered_the_user_token(admin_client):
    for platform in ("", "haloitsm"):
        assert 'value="user_token"' not in admin_client.get(add_url(platform)).content.decode()


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("https://glpi.example.org/apirest.php", "https://glpi.example.org/apirest.php"),
        ("https://glpi.example.org", "https://glpi.example.org/apirest.php"),
        ("https://example.org/glpi/apirest.php/initSession", "https://example.org/glpi/apirest.php"),
    ],
)
def test_adding_stores_the_api_url_and_encrypted_tokens(admin_client, url, stored):
    response = admin_client.post(add_url("glpi"), form_data(instance_url=url))
    assert response.status_code == 302, response.content.decode()
    connection = Connection.objects.get(name="glpi")
    assert connection.instance_url == stored and connection.auth_method == "user_token"
    assert connection.client_secret == "app-token" and connection.refresh_token == "user-token"
    assert connection.options == {
        "entity_id": 1,
        "entity_recursive": False,
        "page_size": 100,
        "time_zone": "UTC",
    }
    raw = Connection.objects.values_list("refresh_token", flat=True).query
    assert "user-token" not in str(raw)


def test_a_login_and_password_work_too(admin_client):
    data = form_data(auth_method="basic", refresh_token="", username="api", password="secret")
    assert admin_client.post(add_url("glpi"), data).status_code == 302
    connection = Connection.objects.get(name="glpi")
    assert connection.auth_method == "basic" and connection.password == "secret"


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"refresh_token": ""}, "Required for this authentication method."),
        ({"auth_method": "basic", "refresh_token": ""}, "Required for this authentication method."),
        ({"entity_id": "-1"}, "greater than or equal to 0"),
        ({"instance_url": "https://glpi.example.org/apirest.php?x=1"}, "without a path"),
    ],
)
def test_bad_input_is_a_form_error_and_nothing_is_saved(admin_client, overrides, problem):
    response = admin_client.post(add_url("glpi"), form_data(**overrides))
    assert response.status_code == 200
    assert problem in response.content.decode()
    assert not Connection.objects.exists()


def test_a_servicenow_connection_keeps_refusing_a_path(admin_client):
    data = form_data(platform="servicenow", instance_url="https://acme.service-now.com/apirest.php")
    data.update(auth_method="basic", username="u", password="p", csdm_version="5")
    response = admin_client.post(add_url(), data)
    assert response.status_code == 200 and "without a path" in response.content.decode()
    assert not Connection.objects.exists()


def test_editing_keeps_the_tokens(admin_client, namespace, glpi_server):
    connection = glpi_server.connection(namespace)
    url = reverse("integrations:connection_edit", args=["acme", connection.pk])
    assert 'name="refresh_token"' in admin_client.get(url).content.decode()
    data = form_data(instance_url=glpi_server.api, client_secret="", refresh_token="", entity_id="0")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    connection.refresh_from_db()
    assert (
        connection.client_secret == "sandbox-app-token" and connection.refresh_token == "sandbox-user-token"
    )
    assert connection.options["entity_id"] == 0


def test_the_detail_page_and_its_test(admin_client, namespace, glpi_server):
    connection = glpi_server.connection(namespace)
    page = admin_client.get(reverse("integrations:connection_detail", args=["acme", connection.pk])).content
    page = page.decode()
    assert "<dt>API URL</dt>" in page and "<dt>Entity</dt>" in page and "seed 001" in page
    assert "sandbox-user-token" not in page and "sandbox-app-token" not in page
    result = admin_client.post(
        reverse("integrations:connection_test", args=["acme", connection.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "The entity exists" in result and "Fail" not in result


def test_the_entity_is_chosen_from_those_the_account_sees(admin_client, namespace, glpi_server):
    connection = glpi_server.connection(namespace, options={"entity_id": 42})  # a wrong one
    url = reverse("integrations:glpi_entities", args=["acme", connection.pk])
    page = admin_client.get(url).content.decode()
    assert "Root entity &gt; Portfolio Bridge" in page and page.count("Publish here") == 2

    response = admin_client.post(url, {"entity_id": "1"}, follow=True)
    assert "publishes into Root entity &gt; Portfolio Bridge" in response.content.decode()
    connection.refresh_from_db()
    assert connection.options["entity_id"] == 1

    for bad in ("7", "x"):
        response = admin_client.post(url, {"entity_id": bad}, follow=True)
        assert "entit" in response.content.decode()
    connection.refresh_from_db()
    assert connection.options["entity_id"] == 1


def test_the_entity_page_says_why_when_glpi_refuses(admin_client, namespace, glpi_server):
    connection = glpi_server.connection(namespace, client_secret="wrong")
    url = reverse("integrations:glpi_entities", args=["acme", connection.pk])
    page = admin_client.get(url).content.decode()
    assert "refused the App-Token" in page


def test_the_entity_page_is_for_glpi_admins_only(client, namespace, glpi_server):
    glpi = glpi_server.connection(namespace)
    url = reverse("integrations:glpi_entities", args=["acme", glpi.pk])
    assert client.get(url).status_code == 302
    viewer = type(client)()
    viewer.force_login(member(namespace, Role.VIEWER))
    assert viewer.get(url).status_code == 403
    csrf = type(client)(enforce_csrf_checks=True)
    csrf.force_login(member(namespace, Role.ADMIN))
    assert csrf.post(url, {"entity_id": "0"}).status_code == 403
    other = Connection.objects.create(
        namespace=namespace,
        name="sn",
        instance_url="https://acme.service-now.com",
        username="u",
        password="p",
    )
    assert csrf.get(reverse("integrations:glpi_entities", args=["acme", other.pk])).status_code == 404
    glpi.refresh_from_db()
    assert glpi.options["entity_id"] == 1
