"""Errors a person can act on: a wrong host, a closed port, an untrusted certificate, a silent server or
refused credentials each fail fast (no retries where a retry cannot help) with a plain message first."""

import datetime
import gc
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.choices import Role
from integrations.base.errors import (
    FATAL,
    AuthFailed,
    CertificateUntrusted,
    ConnectionRefused,
    HostNotFound,
    Redirected,
    TargetError,
    TimedOut,
)
from integrations.servicenow.client import ClientSettings, ServiceNowClient
from tests.conftest import member
from tests.factories import ConnectionFactory

FAST = 2.0


def client(url: str, records: list | None = None, **overrides) -> ServiceNowClient:
    credentials = {"username": "integration", "password": "integration"}
    settings = ClientSettings(base_url=url, auth_method="basic", **{**credentials, **overrides})
    return ServiceNowClient(settings, audit=records.append if records is not None else None)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def other_ca() -> str:
    """A CA certificate that did not sign the sandbox's certificate."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Some other CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def fails_within(seconds: float, error: type[TargetError], call) -> TargetError:
    started = time.monotonic()
    with pytest.raises(error) as raised:
        call()
    assert time.monotonic() - started < seconds
    return raised.value


def test_a_closed_port_fails_at_once_with_what_to_check():
    port = closed_port()
    records = []
    snc = client(f"https://127.0.0.1:{port}", records)
    error = fails_within(FAST, ConnectionRefused, lambda: snc.count("sys_user"))
    assert error.message == (
        f"The instance could not be reached: nothing answers at 127.0.0.1:{port} — "
        "check the URL and that the instance is up"
    )
    assert "refused" in error.detail.lower()
    assert snc.stats.retries == 0 and [r.attempt for r in records] == [1]
    assert records[0].error.startswith("The instance could not be reached")


def test_an_unknown_host_name_fails_at_once():
    snc = client("https://nonexistent.invalid")
    error = fails_within(FAST, HostNotFound, lambda: snc.count("sys_user"))
    assert error.message == "Host name not found: nonexistent.invalid — check the instance URL"
    assert "nonexistent.invalid" in error.detail
    assert snc.stats.retries == 0


@pytest.mark.parametrize("ca_bundle", ["", "other"], ids=["system-store", "another-ca"])
def test_an_untrusted_certificate_fails_at_once_and_asks_for_the_ca_bundle(sandbox, ca_bundle):
    snc = client(sandbox.url, ca_bundle=other_ca() if ca_bundle else "")
    error = fails_within(FAST, CertificateUntrusted, lambda: snc.count("sys_user"))
    assert error.message == "The server's certificate is not trusted: upload its CA bundle on the connection"
    assert "certificate verify failed" in error.detail
    assert snc.stats.retries == 0


def test_the_right_ca_bundle_is_trusted_and_its_temporary_file_removed(sandbox):
    snc = client(sandbox.url, ca_bundle=sandbox.ca_pem)
    path = Path(snc.ca_file.path)
    assert snc.count("service_offering") == 20
    assert path.read_text() == sandbox.ca_pem and path.stat().st_mode & 0o077 == 0
    del snc
    gc.collect()
    assert not path.exists()
    with client(sandbox.url, ca_bundle=sandbox.ca_pem) as snc:
        path = Path(snc.ca_file.path)
        assert snc.count("sys_user") > 0
    assert not path.exists()


def test_a_server_that_never_answers_times_out_with_a_plain_message():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        snc = client(f"https://127.0.0.1:{port}", attempts=1, timeout=(0.3, 0.3))
        error = fails_within(FAST, TimedOut, lambda: snc.count("sys_user"))
    assert error.message.startswith(f"127.0.0.1:{port} did not answer in time — check the URL")


def test_refused_credentials_say_which_ones_to_check(sandbox):
    snc = client(sandbox.url, ca_bundle=sandbox.ca_pem, password="wrong")
    error = fails_within(FAST, AuthFailed, snc.authenticate)
    assert error.message.startswith("The instance refused the credentials: check the user name and password")
    assert "User Not Authenticated" in error.detail


@pytest.mark.django_db
def test_the_connection_test_page_shows_the_plain_message_first(client, namespace, settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True
    port = closed_port()
    conn = ConnectionFactory(namespace=namespace, instance_url=f"https://127.0.0.1:{port}")
    client.force_login(member(namespace, Role.ADMIN))
    started = time.monotonic()
    page = client.post(
        reverse("integrations:connection_test", args=["acme", conn.pk]), headers={"HX-Request": "true"}
    ).content.decode()
    assert time.monotonic() - started < FAST
    assert (
        f"<td>The instance could not be reached: nothing answers at 127.0.0.1:{port} — check the URL" in page
    )
    assert ">Fail<" in page and "Traceback" not in page and "Errno" in page  # the reason comes after


@pytest.mark.django_db
def test_the_command_line_test_names_the_unknown_host(namespace, capsys):
    ConnectionFactory(namespace=namespace, name="typo", instance_url="https://nonexistent.invalid")
    with pytest.raises(CommandError, match="1 check"):
        call_command("connection", "test", "typo")
    assert "FAIL  Authenticate: Host name not found: nonexistent.invalid" in capsys.readouterr().out


class Recorder(BaseHTTPRequestHandler):
    """A plain-HTTP server that redirects every request to `server.location` (if set) and counts them."""

    def do_GET(self) -> None:
        self.server.hits += 1
        location = self.server.location
        self.send_response(302 if location else 200)
        if location:
            self.send_header("Location", location + self.path)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def http_server():
    servers = []

    def start(location: str = "") -> ThreadingHTTPServer:
        server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        server.hits, server.location = 0, location
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_redirect_to_another_address_is_not_followed(http_server):
    elsewhere = http_server()
    target = f"http://127.0.0.1:{elsewhere.server_address[1]}"
    redirecting = http_server(location=target)
    snc = client(f"http://127.0.0.1:{redirecting.server_address[1]}")
    with pytest.raises(Redirected) as raised:
        snc.count("sys_user")
    assert raised.value.message.startswith("The instance sent the request to another address")
    assert target in raised.value.detail
    assert redirecting.hits == 1 and elsewhere.hits == 0
    assert Redirected in FATAL  # a publish stops instead of failing every record


@pytest.mark.django_db
def test_a_connection_that_cannot_be_tried_is_one_failed_check(client, namespace):
    conn = ConnectionFactory(namespace=namespace, options={"page_size": 0})
    client.force_login(member(namespace, Role.ADMIN))
    page = client.post(reverse("integrations:connection_test", args=["acme", conn.pk])).content.decode()
    assert "Page size must be between 1 and 2000." in page and ">Fail<" in page


def test_a_ca_bundle_that_is_a_path_says_to_upload_the_certificates(sandbox):
    """E.g. a connection whose path the migration could not read."""
    snc = client(sandbox.url, ca_bundle=str(sandbox.server.ca_path))
    error = fails_within(FAST, CertificateUntrusted, lambda: snc.count("sys_user"))
    assert error.message.startswith("The connection's CA bundle is unusable: paste or upload")
    assert "not a file path" in error.detail and snc.ca_file is None
