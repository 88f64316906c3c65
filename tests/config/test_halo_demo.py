"""The run command's HaloITSM part: the sandbox command it starts parses, and the demo connection it adds
works against a served sandbox, stays one connection across restarts and follows a new port and CA."""

import io
import subprocess

import pytest
from django.core.management import call_command, load_command_class

from catalog.models import Namespace
from config import halo_demo, launcher
from integrations.models import Connection
from integrations.services import connection_test

pytestmark = pytest.mark.django_db
WEB = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


@pytest.fixture
def demo(db):
    return Namespace.objects.create(slug=halo_demo.NAMESPACE, name="Demo")


def test_the_sandbox_command_is_the_halo_sandbox_on_its_port():
    command = halo_demo.sandbox_command(8444)
    parser = load_command_class("integrations", "sandbox").create_parser("manage.py", "sandbox")
    options = vars(parser.parse_args(command[1:]))
    assert options["platform"] == "haloitsm" and options["port"] == 8444 and options["host"] == "127.0.0.1"
    assert str(options["data_dir"]).endswith("var/sandbox-haloitsm")


def test_the_run_command_starts_it_on_8444_by_default(monkeypatch):
    monkeypatch.delenv("PB_HALO_SANDBOX_PORT", raising=False)
    started = {}
    monkeypatch.setattr(launcher, "run", lambda args: started.setdefault("args", args) and 0)
    monkeypatch.setattr(launcher, "ensure_env_file", lambda: None)
    monkeypatch.setattr("sys.argv", ["bootstrap.py", "run"])
    with pytest.raises(SystemExit):
        launcher.main()
    assert started["args"].halo_sandbox_port == 8444


def test_the_demo_connection_works_and_restarts_keep_one(demo, make_halo_server, monkeypatch, tmp_path):
    monkeypatch.setenv("PB_CLIENT_SECRET", halo_demo.CLIENT_SECRET)
    first = make_halo_server()
    ca = tmp_path / "ca.pem"
    ca.write_text(first.ca_pem)
    for _ in range(2):  # a restart runs the same commands
        for command in halo_demo.connection_commands(first.url, ca):
            call_command(*command)
    connection = Connection.objects.get(namespace=demo, name=halo_demo.NAME)
    assert connection.platform == "haloitsm" and connection.client_id == halo_demo.CLIENT_ID
    assert all(check.ok for check in connection_test(connection))

    second = make_halo_server()  # another port, another CA (a removed data directory)
    ca.write_text(second.ca_pem)
    for command in halo_demo.connection_commands(second.url, ca):
        call_command(*command)
    connection = Connection.objects.get(namespace=demo, name=halo_demo.NAME)
    assert connection.instance_url == second.url
    assert all(check.ok for check in connection_test(connection))
    assert Connection.objects.filter(name=halo_demo.NAME).count() == 1


def test_start_serves_the_sandbox_then_adds_the_connection(tmp_path):
    calls = []

    class Process:
        def poll(self):
            return None

    def popen(command, **kwargs):
        calls.append(("start", command))
        return Process()

    def run(command, **kwargs):
        calls.append(("run", command, kwargs["env"].get("PB_CLIENT_SECRET")))

    processes = []
    original = subprocess.Popen, subprocess.run
    subprocess.Popen, subprocess.run = popen, run
    try:
        url = halo_demo.start(
            ["manage"], {}, tmp_path, 8444, WEB, processes, lambda u, p: True, lambda m: None
        )
    finally:
        subprocess.Popen, subprocess.run = original
    assert url == "https://127.0.0.1:8444" and len(processes) == 1
    assert calls[0] == ("start", ["manage", *halo_demo.sandbox_command(8444)])
    assert [c[1][1:3] for c in calls[1:]] == [
        ["connection", "add"],
        ["connection", "edit"],
        ["webhook", "register"],
    ]
    assert all(c[2] == halo_demo.CLIENT_SECRET for c in calls[1:3])
    assert calls[3][1][-2:] == ["--base-url", WEB] and calls[3][2] is None


def test_restarts_register_one_webhook_that_follows_the_web_address(
    demo, make_halo_server, monkeypatch, tmp_path
):
    monkeypatch.setenv("PB_CLIENT_SECRET", halo_demo.CLIENT_SECRET)
    sandbox = make_halo_server()
    ca = tmp_path / "ca.pem"
    ca.write_text(sandbox.ca_pem)
    for command in halo_demo.connection_commands(sandbox.url, ca):
        call_command(*command, stdout=io.StringIO())
    for web in (WEB, "http://127.0.0.1:8001"):
        call_command(*halo_demo.webhook_command(web), stdout=io.StringIO())
    connection = Connection.objects.get(namespace=demo, name=halo_demo.NAME)
    (hook,) = sandbox.rows("Webhook")
    assert hook["url"] == f"http://127.0.0.1:8001/hooks/{connection.pk}/"
