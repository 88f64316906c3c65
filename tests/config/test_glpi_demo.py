"""The run command's GLPI part: the sandbox command it starts parses, and the demo connection it adds
works against a served sandbox (into the product's sub-entity), stays one connection across restarts
and follows a new port and CA."""

import subprocess

import pytest
from django.core.management import call_command, load_command_class

from catalog.models import Namespace
from config import glpi_demo, launcher
from integrations.models import Connection
from integrations.services import connection_test

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


@pytest.fixture
def demo(db):
    return Namespace.objects.create(slug=glpi_demo.NAMESPACE, name="Demo")


def test_the_sandbox_command_is_the_glpi_sandbox_on_its_port():
    command = glpi_demo.sandbox_command(8445)
    parser = load_command_class("integrations", "sandbox").create_parser("manage.py", "sandbox")
    options = vars(parser.parse_args(command[1:]))
    assert options["platform"] == "glpi" and options["port"] == 8445 and options["host"] == "127.0.0.1"
    assert str(options["data_dir"]).endswith("var/sandbox-glpi")


def test_the_run_command_starts_it_on_8445_by_default(monkeypatch):
    monkeypatch.delenv("PB_GLPI_SANDBOX_PORT", raising=False)
    started = {}
    monkeypatch.setattr(launcher, "run", lambda args: started.setdefault("args", args) and 0)
    monkeypatch.setattr(launcher, "ensure_env_file", lambda: None)
    monkeypatch.setattr("sys.argv", ["bootstrap.py", "run"])
    with pytest.raises(SystemExit):
        launcher.main()
    assert started["args"].glpi_sandbox_port == 8445


def run_commands(url, ca, monkeypatch) -> None:
    for name, value in glpi_demo.secret_env({}).items():
        monkeypatch.setenv(name, value)
    for command in glpi_demo.connection_commands(url, ca):
        call_command(*command)


def test_the_demo_connection_works_and_restarts_keep_one(demo, make_glpi_server, monkeypatch, tmp_path):
    first = make_glpi_server()
    ca = tmp_path / "ca.pem"
    ca.write_text(first.ca_pem)
    for _ in range(2):  # a restart runs the same commands
        run_commands(first.url, ca, monkeypatch)
    connection = Connection.objects.get(namespace=demo, name=glpi_demo.NAME)
    assert connection.platform == "glpi" and connection.auth_method == "user_token"
    assert connection.instance_url == first.api and connection.options["entity_id"] == 1
    checks = connection_test(connection)
    assert all(check.ok for check in checks) and "Portfolio Bridge" in checks[-1].message

    second = make_glpi_server()  # another port, another CA (a removed data directory)
    ca.write_text(second.ca_pem)
    run_commands(second.url, ca, monkeypatch)
    connection = Connection.objects.get(namespace=demo, name=glpi_demo.NAME)
    assert connection.instance_url == second.api
    assert all(check.ok for check in connection_test(connection))
    assert Connection.objects.filter(name=glpi_demo.NAME).count() == 1


def test_start_serves_the_sandbox_then_adds_the_connection(tmp_path):
    calls = []

    class Process:
        def poll(self):
            return None

    def popen(command, **kwargs):
        calls.append(("start", command))
        return Process()

    def run(command, **kwargs):
        calls.append(("run", command, kwargs["env"].get("PB_USER_TOKEN"), kwargs["env"].get("PB_APP_TOKEN")))

    processes, logged = [], []
    original = subprocess.Popen, subprocess.run
    subprocess.Popen, subprocess.run = popen, run
    try:
        url = glpi_demo.start(["manage"], {}, tmp_path, 8445, processes, lambda u, p: True, logged.append)
    finally:
        subprocess.Popen, subprocess.run = original
    assert url == "https://127.0.0.1:8445" and len(processes) == 1
    assert calls[0] == ("start", ["manage", *glpi_demo.sandbox_command(8445)])
    assert [c[1][1:3] for c in calls[1:]] == [["connection", "add"], ["connection", "edit"]]
    assert all(c[2:] == (glpi_demo.USER_TOKEN, glpi_demo.APP_TOKEN) for c in calls[1:])
    assert "https://127.0.0.1:8445/apirest.php" in logged[0]


def test_a_sandbox_that_does_not_start_stops_the_run(tmp_path):
    original = subprocess.Popen
    subprocess.Popen = lambda command, **kwargs: object()
    try:
        with pytest.raises(SystemExit, match="GLPI sandbox did not start"):
            glpi_demo.start(["manage"], {}, tmp_path, 8445, [], lambda u, p: False, print)
    finally:
        subprocess.Popen = original
