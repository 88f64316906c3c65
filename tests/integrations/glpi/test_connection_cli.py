"""`manage.py connection add --platform glpi …` (secrets from PB_APP_TOKEN plus PB_USER_TOKEN or
PB_PASSWORD) and `connection test` against the served sandbox."""

import pytest
from django.core.management import CommandError, call_command

from integrations.models import Connection

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings, monkeypatch):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True
    for variable in ("PB_APP_TOKEN", "PB_USER_TOKEN", "PB_PASSWORD", "PB_CLIENT_SECRET"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def ca(glpi_server, tmp_path):
    path = tmp_path / "ca.pem"
    path.write_text(glpi_server.ca_pem)
    return str(path)


def add(*extra: str, name: str = "glpi") -> None:
    call_command("connection", "add", "--namespace", "acme", "--name", name, "--platform", "glpi", *extra)


def test_add_with_a_user_token_then_test_passes(namespace, glpi_server, ca, monkeypatch, capsys):
    monkeypatch.setenv("PB_APP_TOKEN", "sandbox-app-token")
    monkeypatch.setenv("PB_USER_TOKEN", "sandbox-user-token")
    add("--url", glpi_server.url, "--entity", "1", "--ca-bundle", ca)  # the GLPI address alone
    call_command("connection", "test", "glpi")

    connection = Connection.objects.get(name="glpi")
    assert connection.instance_url == glpi_server.api and connection.auth_method == "user_token"
    assert (
        connection.client_secret == "sandbox-app-token" and connection.refresh_token == "sandbox-user-token"
    )
    assert connection.options == {
        "entity_id": 1,
        "entity_recursive": False,
        "page_size": 100,
        "time_zone": "UTC",
    }
    out = capsys.readouterr().out
    assert out.count("PASS") == 6 and "FAIL" not in out
    assert "sandbox-user-token" not in out and "sandbox-app-token" not in out


def test_add_with_a_login_and_password(namespace, glpi_server, ca, monkeypatch, capsys):
    monkeypatch.setenv("PB_APP_TOKEN", "sandbox-app-token")
    monkeypatch.setenv("PB_PASSWORD", "sandbox-password")
    add("--url", glpi_server.api + "/", "--username", "portfolio-bridge", "--ca-bundle", ca)
    connection = Connection.objects.get(name="glpi")
    assert connection.auth_method == "basic" and connection.password == "sandbox-password"
    assert connection.options["entity_id"] == 0 and connection.refresh_token == ""
    call_command("connection", "test", "glpi")
    assert "Log in with the login and password" in capsys.readouterr().out


def test_an_empty_app_token_is_allowed_when_set(namespace, glpi_server, ca, monkeypatch, capsys):
    monkeypatch.setenv("PB_APP_TOKEN", "")
    monkeypatch.setenv("PB_USER_TOKEN", "sandbox-user-token")
    add("--url", glpi_server.api, "--entity", "1", "--ca-bundle", ca)
    with pytest.raises(CommandError, match="1 check"):
        call_command("connection", "test", "glpi")  # the demo API client wants its token
    assert "FAIL  The App-Token is valid: " in capsys.readouterr().out


def test_missing_secrets_are_asked_for_by_name(namespace, glpi_server):
    with pytest.raises(CommandError, match="PB_USER_TOKEN"):
        add("--url", glpi_server.api)
    assert not Connection.objects.exists()


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (("--client-id", "x"), "leave out --auth and --client-id"),
        (("--auth", "oauth_client_credentials"), "leave out --auth"),
        (("--entity", "-3"), "entity"),
        (("--tenant", "demo"), "HaloITSM connections only"),
    ],
)
def test_bad_options_are_clear_errors(namespace, glpi_server, monkeypatch, extra, problem):
    monkeypatch.setenv("PB_APP_TOKEN", "t")
    monkeypatch.setenv("PB_USER_TOKEN", "u")
    with pytest.raises(CommandError, match=problem):
        add("--url", glpi_server.api, *extra)
    assert not Connection.objects.exists()


def test_entity_is_for_glpi_only(namespace, monkeypatch):
    monkeypatch.setenv("PB_CLIENT_SECRET", "s")
    with pytest.raises(CommandError, match="--entity is for GLPI"):
        call_command(
            "connection", "add", "--namespace", "acme", "--name", "h", "--platform", "haloitsm",
            "--url", "https://acme.haloitsm.com", "--client-id", "c", "--entity", "1",
        )  # fmt: skip


def test_edit_follows_a_new_address_and_entity(namespace, glpi_server, monkeypatch):
    connection = glpi_server.connection(namespace)
    call_command("connection", "edit", "glpi", "--url", "https://127.0.0.1:9/glpi/", "--entity", "0")
    connection.refresh_from_db()
    assert connection.instance_url == "https://127.0.0.1:9/glpi/apirest.php"
    assert connection.options["entity_id"] == 0
    with pytest.raises(CommandError, match="whole number"):
        call_command("connection", "edit", "glpi", "--entity", "-1")
