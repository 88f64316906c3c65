"""CA bundles are PEM text kept with the connection: pasted or uploaded on the form, read from a file by
the command line, moved out of the old paths by the migration; never a path on the server."""

import importlib

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from integrations.models import Connection
from tests.factories import ConnectionFactory
from tests.integrations.test_connections import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def add(admin_client, data):
    return admin_client.post(reverse("integrations:connection_add", args=["acme"]), data)


def test_a_pasted_bundle_is_kept_as_text_and_described(admin_client, namespace, sandbox):
    response = add(admin_client, form_data(sandbox, ca_bundle=sandbox.ca_pem.replace("\n", "\r\n")))
    assert response.status_code == 302
    conn = Connection.objects.get(namespace=namespace, name="sandbox")
    assert conn.ca_bundle == sandbox.ca_pem
    page = admin_client.get(response.url).content.decode()
    assert "Portfolio Bridge sandbox CA (expires 20" in page
    assert "BEGIN CERTIFICATE" not in page


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("/etc/ssl/certs/ca-certificates.crt", "not a file path"),
        ("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----", "unreadable certificate"),
        ("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----", "not a CA bundle"),
    ],
)
def test_anything_but_pem_certificates_is_a_form_error(admin_client, namespace, sandbox, text, problem):
    response = add(admin_client, form_data(sandbox, ca_bundle=text))
    assert response.status_code == 200 and problem in response.content.decode()
    assert not Connection.objects.filter(namespace=namespace).exists()


def test_an_uploaded_bundle_replaces_the_text(admin_client, namespace, sandbox):
    upload = SimpleUploadedFile("ca.pem", sandbox.ca_pem.encode(), content_type="application/x-pem-file")
    response = add(admin_client, form_data(sandbox, ca_bundle="", ca_bundle_file=upload))
    assert response.status_code == 302
    conn = Connection.objects.get(namespace=namespace, name="sandbox")
    assert conn.ca_bundle == sandbox.ca_pem
    checks = admin_client.post(reverse("integrations:connection_test", args=["acme", conn.pk]))
    assert ">Fail<" not in checks.content.decode()


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00", "not a PEM file"), (b"hello", "not a CA bundle")],
)
def test_an_upload_that_is_no_bundle_is_refused(admin_client, namespace, sandbox, content, problem):
    upload = SimpleUploadedFile("ca.pem", content)
    response = add(admin_client, form_data(sandbox, ca_bundle="", ca_bundle_file=upload))
    assert response.status_code == 200 and problem in response.content.decode()
    assert not Connection.objects.filter(namespace=namespace).exists()


def test_an_oversized_upload_is_refused_before_it_is_read(admin_client, namespace, sandbox):
    upload = SimpleUploadedFile("ca.pem", b"-" * 1_000_001)
    response = add(admin_client, form_data(sandbox, ca_bundle="", ca_bundle_file=upload))
    assert response.status_code == 200 and "larger than 1000 kB" in response.content.decode()


def test_the_command_line_reads_the_file_and_edits_it(namespace, sandbox, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PB_PASSWORD", "integration")
    base = ["--namespace", "acme", "--url", sandbox.url, "--auth", "basic", "--username", "integration"]
    with pytest.raises(CommandError, match=r"No CA bundle at /nonexistent/ca\.pem"):
        call_command("connection", "add", "--name", "snow", *base, "--ca-bundle", "/nonexistent/ca.pem")
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("hello")
    with pytest.raises(CommandError, match="ca_bundle: This is not a CA bundle"):
        call_command("connection", "add", "--name", "snow", *base, "--ca-bundle", str(not_pem))
    call_command("connection", "add", "--name", "snow", *base, "--ca-bundle", str(sandbox.server.ca_path))
    conn = Connection.objects.get(name="snow")
    assert conn.ca_bundle == sandbox.ca_pem
    call_command("connection", "edit", "snow", "--no-ca-bundle")
    conn.refresh_from_db()
    assert conn.ca_bundle == ""
    with pytest.raises(CommandError, match="1 check"):
        call_command("connection", "test", "snow")
    assert "FAIL  Authenticate: The server's certificate is not trusted" in capsys.readouterr().out
    call_command("connection", "edit", "snow", "--ca-bundle", str(sandbox.server.ca_path))
    call_command("connection", "test", "snow")
    assert "FAIL" not in capsys.readouterr().out
    with pytest.raises(CommandError, match="plain http is not allowed"):
        call_command("connection", "edit", "snow", "--url", "http://acme.example")


def test_the_migration_reads_each_old_path_into_the_connection(sandbox, tmp_path):
    migration = importlib.import_module("integrations.migrations.0002_ca_bundle_pem")
    from_path = ConnectionFactory(ca_bundle=str(sandbox.server.ca_path))
    missing = ConnectionFactory(ca_bundle=str(tmp_path / "gone.pem"))
    (tmp_path / "key.pem").write_text("-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n")
    not_pem = ConnectionFactory(ca_bundle=str(tmp_path / "key.pem"))
    already = ConnectionFactory(ca_bundle=sandbox.ca_pem)
    none = ConnectionFactory(ca_bundle="")
    migration.read_ca_files(apps, None)
    bundles = {c.pk: c.ca_bundle for c in Connection.objects.all()}
    assert bundles[from_path.pk] == sandbox.ca_pem and bundles[already.pk] == sandbox.ca_pem
    assert bundles[missing.pk] == bundles[not_pem.pk] == bundles[none.pk] == ""
