"""The GLPI sandbox served on the shared core: statistics and the status page, persistence in the data
directory and --reset, --seed files, faults (the core's and the expired session), the command module's
arguments and its refusals, and the demo computers that collide with the demo portfolio."""

import argparse
import dataclasses
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.conf import settings

from catalog.demo import DemoShape, build_demo_document
from integrations.glpi.sandbox import command
from integrations.glpi.sandbox.seed import COLLIDING_SERIALS, COMPUTERS
from integrations.glpi.sandbox.server import GlpiConfig, GlpiServer
from tests.sandbox_fixtures import GlpiSandboxClient


@contextmanager
def served(config: GlpiConfig) -> Iterator[GlpiSandboxClient]:
    server = GlpiServer(config).start()
    try:
        yield GlpiSandboxClient(server)
    finally:
        server.stop()


def stats(sandbox: GlpiSandboxClient) -> dict:
    return sandbox.http.get(sandbox.url + "/sandbox/stats", verify=sandbox.ca, timeout=10).json()


def test_stats_count_calls_by_api_in_the_cores_layout(glpi_server):
    assert glpi_server.get("/Computer/1").status_code == 200
    assert glpi_server.post("/Computer", json={"input": {"name": "x"}}).status_code == 201
    assert glpi_server.post("/changeActiveEntities", json={}).status_code == 200
    assert glpi_server.get("/search/Computer").status_code == 200
    counted = stats(glpi_server)
    assert set(counted) == {
        "since",
        "total",
        "by_api",
        "by_method",
        "by_status",
        "by_api_method",
        "committing_calls",
    }
    assert counted["by_api"] == {"session": 2, "Computer": 2, "search": 1}
    assert counted["by_api_method"]["Computer POST"] == 1
    assert counted["committing_calls"] == 1  # changeActiveEntities changes no data


def test_the_status_page_lists_the_itemtypes(glpi_server):
    page = glpi_server.http.get(glpi_server.url + "/", verify=glpi_server.ca, timeout=10).text
    assert "GLPI sandbox" in page and "Item_OperatingSystem" in page and "/sandbox/stats" in page


def test_the_request_log_names_the_sessions_user(glpi_server):
    glpi_server.get("/Computer/1")
    assert glpi_server.server.book.last()[0][1:] == (
        "GET",
        "/apirest.php/Computer/1",
        200,
        "portfolio-bridge",
    )


def test_the_instance_survives_a_restart_and_reset_starts_again(tmp_path):
    config = GlpiConfig(port=0, data_dir=tmp_path)
    with served(config) as first:
        created = first.post("/Computer", json={"input": {"name": "kept", "entities_id": 1}}).json()
        assert first.delete("/Computer/8", params={"force_purge": "true"}).status_code == 200
    with served(config) as second:
        assert second.get(f"/Computer/{created['id']}").json()["name"] == "kept"
        assert second.get("/Computer/8").status_code == 404
        assert second.post("/Computer", json={"input": {"name": "next"}}).json()["id"] == created["id"] + 1
    with served(dataclasses.replace(config, reset=True)) as fresh:
        assert len(fresh.rows("Computer")) == len(COMPUTERS)


def test_seed_files_add_rows_and_bad_ones_are_refused(tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text(
        json.dumps({"Computer": [{"name": "seeded", "serial": "S-1"}, {"id": 1, "name": "renamed"}]})
    )
    with served(GlpiConfig(port=0, seed_files=[seed])) as sandbox:
        names = [c["name"] for c in sandbox.rows("Computer")]
        assert names[0] == "renamed" and names[-1] == "seeded"
    seed.write_text(json.dumps({"Spaceship": [{"id": 1}]}))
    with pytest.raises(ValueError, match="unknown itemtype “Spaceship”"):
        GlpiServer(GlpiConfig(port=0, seed_files=[seed]))
    seed.write_text(json.dumps({"Computer": [{"id": "one"}]}))
    with pytest.raises(ValueError, match="Computer ids must be integers"):
        GlpiServer(GlpiConfig(port=0, seed_files=[seed]))


def test_an_empty_instance_without_the_demo(make_glpi_server):
    sandbox = make_glpi_server(demo=False, app_token="")
    assert sandbox.rows("Computer") == [] and sandbox.rows("User") == []


def test_injected_faults_come_in_glpis_error_shape(make_glpi_server):
    sandbox = make_glpi_server(faults="503:1")
    sandbox.server.faults.enabled = False
    sandbox.session_token()
    sandbox.server.faults.enabled = True
    refused = sandbox.get("/Computer/1")
    assert refused.status_code == 503
    assert refused.json() == ["ERROR", "Service Unavailable (Injected fault)"]
    sandbox.server.faults.faults = [dataclasses.replace(sandbox.server.faults.faults[0], kind="500")]
    failed = sandbox.get("/Computer/1")
    assert failed.status_code == 500 and failed.json() == [
        "ERROR_SQL",
        "Unexpected SQL Error : Injected fault",
    ]


def test_the_expire_fault_ends_the_session(make_glpi_server):
    sandbox = make_glpi_server(faults="/apirest.php/Computer@expire:1")
    token = sandbox.session_token()
    expired = sandbox.get("/Computer/1")
    assert expired.status_code == 401 and expired.json() == [
        "ERROR_SESSION_TOKEN_INVALID",
        "session_token seems invalid",
    ]
    sandbox.server.faults.enabled = False
    assert sandbox.get("/getFullSession", headers={"Session-Token": token}).status_code == 401


def parse(*argv: str) -> dict:
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    return vars(parser.parse_args(argv))


def test_the_command_arguments_and_their_defaults():
    options = parse()
    assert options["port"] == 8445 and options["app_token"] == "sandbox-app-token"
    assert options["data_dir"] == settings.BASE_DIR / "var" / "sandbox-glpi"
    assert options["http"] is False and options["no_demo"] is False
    assert parse("--app-token", "T", "--http", "--port", "9000")["app_token"] == "T"
    assert parse("--allow-ip", "10.0.0.0/8", "--allow-ip", "::1/128")["allow_ip"] == ["10.0.0.0/8", "::1/128"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--faults", "teapot:1"), "unknown fault kind 'teapot'"),
        (("--faults", "503:2"), "fault rate must be between 0 and 1"),
        (("--time-scale", "0"), "--time-scale must be positive"),
        (("--seed", "/no/such/seed.json"), "No such seed file"),
        (("--app-token", "with space"), "--app-token must not contain spaces"),
        (("--allow-ip", "10.0.0.0/33"), "10.0.0.0/33"),
    ],
)
def test_the_command_refuses_bad_options(argv, message):
    with pytest.raises(ValueError, match=message):
        command.serve(parse(*argv), io.StringIO())


def test_the_command_reports_a_taken_port(glpi_server, tmp_path):
    port = int(glpi_server.url.rsplit(":", 1)[1])
    with pytest.raises(ValueError, match="Cannot start the sandbox"):
        command.serve(parse("--port", str(port), "--data-dir", str(tmp_path)), io.StringIO())


def test_the_demo_computers_collide_with_the_demo_portfolio():
    infrastructure = build_demo_document(DemoShape())["infrastructure"]
    by_serial = {item["serial_number"]: item for item in infrastructure}
    for serial, name in COLLIDING_SERIALS.items():
        assert by_serial[serial]["name"] == name
    demo_names = {item["name"] for item in infrastructure}
    sandbox = {name: serial for name, serial, *_ in COMPUTERS}
    assert {"srv-0009", "vm-0004", "ec2-0002", "srv-0019"} <= demo_names
    assert sandbox["legacy-app-host"] == by_serial["HP79937264"]["serial_number"]
    assert not {"print-srv-01", "ws-finance-07", "old-file-server"} & demo_names


def settings_call(sandbox: GlpiSandboxClient, body=None):
    url = sandbox.url + "/sandbox/settings"
    if body is None:
        return sandbox.http.get(url, verify=sandbox.ca, timeout=10)
    return sandbox.http.post(url, json=body, verify=sandbox.ca, timeout=10)


def test_the_settings_page_shows_and_changes_the_api_setup(glpi_server):
    shown = settings_call(glpi_server).json()
    assert shown["enable_api"] is True and shown["clients"][0]["app_token"] == "sandbox-app-token"
    token = glpi_server.session_token()

    changed = settings_call(
        glpi_server, {"login_credentials": False, "clients": [{"name": "far", "addresses": ["10.0.0.0/8"]}]}
    )
    assert changed.status_code == 200 and changed.json()["login_credentials"] is False
    assert glpi_server.get("/getFullSession").json()[0] == "ERROR_NOT_ALLOWED_IP"
    settings_call(
        glpi_server,
        {"clients": [{"name": "local", "addresses": ["127.0.0.1/32"], "app_token": "sandbox-app-token"}]},
    )
    assert glpi_server.get("/getFullSession").status_code == 200
    assert settings_call(glpi_server, {"expire_sessions": True}).status_code == 200
    assert glpi_server.get("/getFullSession", headers={"Session-Token": token}).status_code == 401
    assert settings_call(glpi_server, {"enable_api": False}).status_code == 200
    assert glpi_server.raw("get", "/initSession").json() == ["ERROR", "API disabled"]

    for bad, message in (
        ({"enable_api": "no"}, "enable_api must be true or false"),
        ({"colour": "red"}, "unknown settings: colour"),
        (
            {"clients": [{"name": "x", "addresses": ["not-a-network"]}]},
            "does not appear to be an IPv4 or IPv6 network",
        ),
        ({"session_lifetime": 0}, "session_lifetime must be a positive number"),
        ([1], "send a JSON object"),
    ):
        refused = settings_call(glpi_server, bad)
        assert refused.status_code == 400 and message in refused.json()[1]
    assert settings_call(glpi_server).json()["enable_api"] is False  # nothing half-applied
    assert (
        "API settings" in glpi_server.http.get(glpi_server.url + "/", verify=glpi_server.ca, timeout=10).text
    )
