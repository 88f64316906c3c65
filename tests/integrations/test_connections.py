"""Connections: encryption at rest, key rotation, validation, the pages and the command line."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection as db
from django.urls import reverse

from catalog.choices import Role
from integrations.models import Connection
from integrations.services import connection_fields
from tests.conftest import member
from tests.factories import ConnectionFactory, NamespaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    """The sandbox answers on 127.0.0.1, as the demo's does."""
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def raw_row(pk) -> dict:
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT client_secret, password, username FROM integrations_connection WHERE id = %s",
            [pk.hex if db.vendor == "sqlite" else str(pk)],
        )
        secret, password, username = cursor.fetchone()
    return {"client_secret": secret, "password": password, "username": username}


def test_credentials_are_encrypted_at_rest():
    conn = ConnectionFactory(
        auth_method="oauth_password",
        client_id="portfolio-bridge",
        client_secret="sandbox-secret",
        password="hunter2",
    )
    row = raw_row(conn.pk)
    assert "hunter2" not in row["password"] and "sandbox-secret" not in row["client_secret"]
    assert row["password"].startswith("gAAAA")  # Fernet token
    assert Connection.objects.get(pk=conn.pk).password == "hunter2"


def test_rotating_the_key_re_encrypts_every_secret(settings):
    old = settings.FIELD_ENCRYPTION_KEYS[0]
    conn = ConnectionFactory(password="hunter2")
    new = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_encryption_key")
    token = raw_row(conn.pk)["password"]
    assert Fernet(new.encode()).decrypt(token.encode()) == b"hunter2"
    settings.FIELD_ENCRYPTION_KEYS = [new]
    assert Connection.objects.get(pk=conn.pk).password == "hunter2"


@pytest.mark.parametrize(
    ("url", "allow_http", "allow_loopback", "ok"),
    [
        ("https://acme.service-now.com", False, False, True),
        ("https://127.0.0.1:8443", False, False, False),
        ("https://localhost:8443", False, False, False),
        ("https://[::1]:8443", False, False, False),
        ("https://169.254.169.254", False, False, False),
        ("https://0.0.0.0:8443", False, False, False),
        ("https://127.1:8443", False, False, False),
        ("https://2130706433", False, False, False),
        ("https://[::ffff:127.0.0.1]", False, False, False),
        ("https://sub.localhost", False, False, False),
        ("https://10.0.0.5", False, False, True),
        ("https://127.0.0.1:8443", False, True, True),
        ("http://127.0.0.1:8443", False, True, False),
        ("http://127.0.0.1:8443", True, True, True),
        ("http://acme.service-now.com", False, True, False),
        ("http://acme.service-now.com", True, False, True),
        ("https://user:pw@acme.service-now.com", False, False, False),
        ("https://acme.service-now.com:99999", False, False, False),
        ("ftp://acme", True, True, False),
        ("https://acme.service-now.com/api/now", False, False, False),
    ],
)
def test_instance_urls_need_https_to_a_remote_host_unless_allowed(
    settings, url, allow_http, allow_loopback, ok
):
    settings.CONNECTIONS_ALLOW_HTTP, settings.CONNECTIONS_ALLOW_LOOPBACK = allow_http, allow_loopback
    conn = ConnectionFactory.build(namespace=NamespaceFactory(), instance_url=url)
    if ok:
        conn.full_clean()
    else:
        with pytest.raises(ValidationError):
            conn.full_clean()


def test_each_auth_method_requires_its_credentials():
    conn = ConnectionFactory.build(
        namespace=NamespaceFactory(), auth_method="oauth_client_credentials", client_id="", client_secret=""
    )
    with pytest.raises(ValidationError) as raised:
        conn.full_clean()
    assert set(raised.value.message_dict) == {"client_id", "client_secret"}


def form_data(sandbox, **overrides):
    data = {
        "name": "sandbox",
        "platform": "servicenow",
        "instance_url": sandbox.url,
        "auth_method": "oauth_client_credentials",
        "client_id": "portfolio-bridge",
        "client_secret": "sandbox-secret",
        "ca_bundle": sandbox.ca_pem,
        "sync_direction": "publish",
        "schedule": "manual",
        "is_active": "on",
        "data_source": "PortfolioBridge",
        "csdm_version": "5",
        "ire_batch_size": "100",
        "max_calls_per_minute": "0",
        "page_size": "1000",
        "reconciliation_priority": "200",
        "data_refresh_days": "2",
    }
    return {**data, **overrides}


def test_an_admin_creates_a_connection_and_every_check_passes(admin_client, namespace, sandbox):
    response = admin_client.post(reverse("integrations:connection_add", args=["acme"]), form_data(sandbox))
    conn = Connection.objects.get(namespace=namespace, name="sandbox")
    assert response.status_code == 302
    assert conn.options["ire_batch_size"] == 100 and conn.client_secret == "sandbox-secret"
    result = admin_client.post(
        reverse("integrations:connection_test", args=["acme", conn.pk]), headers={"HX-Request": "true"}
    )
    page = result.content.decode()
    assert page.count(">Pass<") == 11 and ">Fail<" not in page
    assert "<html" not in page  # the htmx partial only


def test_a_read_only_user_is_told_exactly_what_fails(admin_client, namespace, sandbox):
    conn = ConnectionFactory(
        namespace=namespace,
        instance_url=sandbox.url,
        ca_bundle=sandbox.ca_pem,
        auth_method="basic",
        username="readonly",
        password="readonly",
    )
    page = admin_client.post(reverse("integrations:connection_test", args=["acme", conn.pk])).content.decode()
    assert page.count(">Pass<") == 10 and page.count(">Fail<") == 1
    assert "<td>The integration user is not allowed to do this" in page
    assert "(403: User Not Authorized" in page and "identifyreconcile" in page


def test_secrets_are_never_rendered_back_and_blank_keeps_them(admin_client, namespace, sandbox):
    conn = ConnectionFactory(
        namespace=namespace,
        auth_method="oauth_client_credentials",
        client_id="portfolio-bridge",
        client_secret="sandbox-secret",
        instance_url=sandbox.url,
    )
    edit = reverse("integrations:connection_edit", args=["acme", conn.pk])
    page = admin_client.get(edit).content.decode()
    assert "sandbox-secret" not in page and 'placeholder="unchanged"' in page
    admin_client.post(
        edit, form_data(sandbox, name=conn.name, client_secret="", client_id="", page_size="500")
    )
    conn.refresh_from_db()
    assert (
        conn.client_secret == "sandbox-secret"
        and conn.client_id == "portfolio-bridge"
        and conn.options["page_size"] == 500
    )
    bad = admin_client.post(
        edit, form_data(sandbox, name=conn.name, page_size="5000", instance_url="http://example.com")
    )
    assert bad.status_code == 200 and "plain http is not allowed" in bad.content.decode()
    worse = admin_client.post(edit, form_data(sandbox, name=conn.name, reconciliation_priority="0"))
    assert worse.status_code == 200 and "greater than or equal to 1" in worse.content.decode()


def test_only_namespace_admins_manage_connections(client, namespace, other_namespace):
    conn = ConnectionFactory(namespace=namespace)
    client.force_login(member(namespace, Role.EDITOR))
    assert client.get(reverse("integrations:connection_list", args=["acme"])).status_code == 403
    assert client.post(reverse("integrations:connection_test", args=["acme", conn.pk])).status_code == 403
    client.force_login(member(other_namespace, Role.ADMIN))
    assert client.get(reverse("integrations:connection_detail", args=["acme", conn.pk])).status_code == 404
    foreign = ConnectionFactory(namespace=other_namespace)
    assert (
        client.get(reverse("integrations:connection_detail", args=["globex", foreign.pk])).status_code == 200
    )
    assert client.get(reverse("integrations:connection_detail", args=["globex", conn.pk])).status_code == 404


def test_cli_add_list_test_remove(namespace, sandbox, monkeypatch, capsys):
    monkeypatch.setenv("PB_CLIENT_SECRET", "sandbox-secret")
    call_command(
        "connection",
        "add",
        "--namespace",
        "acme",
        "--name",
        "snow",
        "--url",
        sandbox.url,
        "--auth",
        "oauth_client_credentials",
        "--client-id",
        "portfolio-bridge",
        "--direction",
        "both",
        "--ca-bundle",
        str(sandbox.server.ca_path),
    )
    assert Connection.objects.get(name="snow").client_secret == "sandbox-secret"
    assert Connection.objects.get(name="snow").sync_direction == "both"
    call_command("connection", "list")
    call_command("connection", "test", "snow")
    out = capsys.readouterr().out
    assert "acme\tsnow\tservicenow" in out and "FAIL" not in out and out.count("PASS") == 11
    monkeypatch.setenv("PB_PASSWORD", "readonly")
    call_command(
        "connection",
        "add",
        "--namespace",
        "acme",
        "--name",
        "ro",
        "--url",
        sandbox.url,
        "--auth",
        "basic",
        "--username",
        "readonly",
        "--ca-bundle",
        str(sandbox.server.ca_path),
    )
    assert Connection.objects.get(name="ro").sync_direction == "publish"
    with pytest.raises(CommandError, match="1 check"):
        call_command("connection", "test", "ro")
    assert "FAIL  Identify and Reconcile API: The integration user is not allowed" in (
        capsys.readouterr().out
    )
    call_command("connection", "remove", "ro")
    assert not Connection.objects.filter(name="ro").exists()


def test_cli_refuses_missing_secrets_and_bad_input(namespace, monkeypatch):
    monkeypatch.delenv("PB_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="Set PB_PASSWORD"):
        call_command(
            "connection",
            "add",
            "--namespace",
            "acme",
            "--name",
            "x",
            "--url",
            "https://x.example",
            "--auth",
            "basic",
            "--username",
            "u",
        )
    monkeypatch.setenv("PB_PASSWORD", "p")
    with pytest.raises(CommandError, match="plain http is not allowed"):
        call_command(
            "connection",
            "add",
            "--namespace",
            "acme",
            "--name",
            "x",
            "--url",
            "http://x.example",
            "--auth",
            "basic",
            "--username",
            "u",
        )
    with pytest.raises(CommandError, match="No namespace"):
        call_command(
            "connection",
            "add",
            "--namespace",
            "nope",
            "--name",
            "x",
            "--url",
            "https://x.example",
            "--auth",
            "basic",
        )
    with pytest.raises(CommandError, match="No connection"):
        call_command("connection", "test", "missing")


def test_field_discovery_includes_inherited_fields(namespace, sandbox, capsys):
    conn = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    fields = {f.name: f for f in connection_fields(conn, "cmdb_ci_business_app")}
    assert fields["number"].table == "cmdb_ci_business_app"
    assert fields["correlation_id"].table == "cmdb_ci"
    assert fields["owned_by"].type == "reference" and fields["owned_by"].reference == "sys_user"
    call_command("discover_fields", "--connection", "snow", "service_offering")
    out = capsys.readouterr().out
    assert "service_offering\tparent\t" in out and "cmdb_ci_service\tservice_classification" in out
    with pytest.raises(CommandError, match="No table nope"):
        call_command("discover_fields", "--connection", "snow", "nope")


def test_field_discovery_page(admin_client, namespace, sandbox):
    conn = ConnectionFactory(namespace=namespace, instance_url=sandbox.url, ca_bundle=sandbox.ca_pem)
    url = reverse("integrations:connection_fields", args=["acme", conn.pk])
    page = admin_client.get(url, {"table": "cmdb_ci_service_auto"}).content.decode()
    assert "<code>environment</code>" in page and "<code>correlation_id</code>" in page
    assert "No table" in admin_client.get(url, {"table": "nope"}).content.decode()


def test_a_hibernating_instance_is_named_as_such(namespace, make_sandbox, capsys):
    sandbox = make_sandbox(faults="hibernate:1")
    ConnectionFactory(namespace=namespace, name="sleepy", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem)
    with pytest.raises(CommandError):
        call_command("connection", "test", "sleepy")
    assert "FAIL  Authenticate: The instance is hibernating" in capsys.readouterr().out


def test_the_connection_delete_page_renders_and_deletes(client, namespace):
    client.force_login(member(namespace, Role.ADMIN))
    connection = ConnectionFactory(namespace=namespace, name="snow")
    url = reverse("integrations:connection_delete", args=["acme", connection.pk])
    page = client.get(url).content.decode()
    assert "Delete connection “snow (ServiceNow)”?" in page and "sync map" in page
    response = client.post(url, follow=True)
    assert "Deleted connection “snow”." in response.content.decode()
    assert not Connection.objects.filter(pk=connection.pk).exists()


@pytest.mark.parametrize("table", ["sys_user^ORname=x", "²", "../x", "A" * 100])
def test_field_discovery_refuses_what_is_no_table_name_without_asking_the_target(client, namespace, table):
    client.force_login(member(namespace, Role.ADMIN))
    connection = ConnectionFactory(namespace=namespace, instance_url="https://unreachable.invalid")
    response = client.get(
        reverse("integrations:connection_fields", args=["acme", connection.pk]), {"table": table}
    )
    assert (
        response.status_code == 200
        and "A table name has only lower-case letters" in response.content.decode()
    )
