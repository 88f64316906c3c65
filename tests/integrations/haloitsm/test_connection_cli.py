"""`manage.py connection add --platform haloitsm …` and `connection test` against the served sandbox."""

import pytest
from django.core.management import CommandError, call_command

from integrations.models import Connection

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def add(*extra: str, name: str = "halo") -> None:
    call_command("connection", "add", "--namespace", "acme", "--name", name, "--platform", "haloitsm", *extra)


def test_add_with_discovery_then_test_passes(namespace, halo_server, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("PB_CLIENT_SECRET", "sandbox-secret")
    ca = tmp_path / "ca.pem"
    ca.write_text(halo_server.ca_pem)

    add("--url", halo_server.url + "/api/", "--client-id", "portfolio-bridge", "--ca-bundle", str(ca))
    call_command("connection", "test", "halo")

    connection = Connection.objects.get(name="halo")
    assert connection.platform == "haloitsm" and connection.auth_method == "oauth_client_credentials"
    assert connection.instance_url == halo_server.url  # the /api a user copies is dropped
    assert connection.client_secret == "sandbox-secret"
    assert connection.options["auth_url"] == "" and connection.options["tenant"] == ""
    out = capsys.readouterr().out
    assert "FAIL" not in out and out.count("PASS") == 10
    assert "sandbox-secret" not in out


def test_add_with_an_explicit_authorisation_server_and_tenant(namespace, halo_server, monkeypatch):
    monkeypatch.setenv("PB_CLIENT_SECRET", "sandbox-secret")
    add(
        "--url",
        halo_server.url,
        "--auth-url",
        halo_server.url + "/auth",
        "--tenant",
        "demo",
        "--client-id",
        "portfolio-bridge",
    )
    connection = Connection.objects.get(name="halo")
    assert connection.options["auth_url"] == halo_server.url + "/auth"
    assert connection.options["tenant"] == "demo"


def test_a_wrong_tenant_fails_the_test_with_a_reason(namespace, halo_server, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("PB_CLIENT_SECRET", "sandbox-secret")
    ca = tmp_path / "ca.pem"
    ca.write_text(halo_server.ca_pem)
    add(
        "--url",
        halo_server.url,
        "--tenant",
        "other",
        "--client-id",
        "portfolio-bridge",
        "--ca-bundle",
        str(ca),
    )
    with pytest.raises(CommandError, match="1 check"):
        call_command("connection", "test", "halo")
    assert "FAIL  Get a token" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (
            ("--url", "https://acme.haloitsm.com", "--auth", "basic", "--client-id", "x"),
            "client ID and secret",
        ),
        (("--url", "https://acme.haloitsm.com"), "--client-id"),
        (("--url", "https://acme.haloitsm.com", "--client-id", "x", "--username", "u"), "no --username"),
        (
            ("--url", "https://acme.haloitsm.com", "--client-id", "x", "--auth-url", "ftp://x"),
            "http\\(s\\) URL",
        ),
        (("--url", "https://acme.haloitsm.com/foo", "--client-id", "x"), "without a path"),
        (("--url", "http://acme.haloitsm.com", "--client-id", "x"), "plain http"),
    ],
)
def test_bad_input_is_refused_with_a_reason(namespace, monkeypatch, extra, reason):
    monkeypatch.setenv("PB_CLIENT_SECRET", "s")
    with pytest.raises(CommandError, match=reason):
        add(*extra)
    assert not Connection.objects.exists()


def test_a_missing_secret_is_asked_for_by_name(namespace, monkeypatch):
    monkeypatch.delenv("PB_CLIENT_SECRET", raising=False)
    with pytest.raises(CommandError, match="Set PB_CLIENT_SECRET"):
        add("--url", "https://acme.haloitsm.com", "--client-id", "x")


def test_servicenow_still_needs_its_auth_method_and_takes_no_halo_options(namespace, monkeypatch):
    monkeypatch.setenv("PB_CLIENT_SECRET", "s")
    base = ("connection", "add", "--namespace", "acme", "--name", "s", "--url", "https://x.service-now.com")
    with pytest.raises(CommandError, match="Give --auth"):
        call_command(*base, "--client-id", "x")
    with pytest.raises(CommandError, match="HaloITSM connections only"):
        call_command(*base, "--auth", "oauth_client_credentials", "--client-id", "x", "--tenant", "t")
