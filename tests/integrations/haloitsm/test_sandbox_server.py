"""The HaloITSM sandbox served on the shared core: HTTPS with its CA, statistics, the status page,
persistence in the data directory, seed files, the rolling rate limit, faults and the command line."""

import dataclasses
import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command

from integrations.haloitsm.sandbox.server import HaloConfig, HaloServer
from tests.sandbox_fixtures import HaloSandboxClient

ASSET = {"inventory_number": "SRV-9001", "assettype_id": 1, "key_field": "srv-new-01"}


def stats(sandbox) -> dict:
    return sandbox.session.get(sandbox.url + "/sandbox/stats", verify=str(sandbox.server.ca_path)).json()


def test_authinfo_names_the_served_address_and_stats_count_the_api(halo_server):
    info = halo_server.session.get(
        halo_server.url + "/api/authinfo", verify=str(halo_server.server.ca_path), timeout=10
    ).json()
    assert info == {"auth_url": halo_server.url + "/auth", "tenant_id": "demo"}
    assert halo_server.get("/api/Asset", params={"count": 1}).status_code == 200
    assert halo_server.post("/api/Asset", json=[ASSET]).status_code == 201
    counted = stats(halo_server)
    assert counted["by_api"] == {"authinfo": 1, "auth": 1, "asset": 2}
    assert counted["by_api_method"]["asset POST"] == 1
    assert counted["committing_calls"] == 1


def test_the_status_page_lists_the_resources(halo_server):
    page = halo_server.session.get(halo_server.url + "/", verify=str(halo_server.server.ca_path)).text
    assert "HaloITSM sandbox" in page
    assert "Asset Type" in page and "Supplier" in page


def test_the_instance_survives_a_restart_and_reset_starts_again(tmp_path):
    config = HaloConfig(port=0, data_dir=tmp_path, rate_limit=None)
    with served(config) as first:
        before = len(first.rows("Asset"))
        assert first.post("/api/Asset", json=[ASSET]).status_code == 201
    assert (tmp_path / "tls" / "ca.pem").is_file()
    with served(config) as second:
        numbers = [a["inventory_number"] for a in second.rows("Asset")]
        assert len(numbers) == before + 1 and "SRV-9001" in numbers
    with served(dataclasses.replace(config, reset=True)) as fresh:
        assert len(fresh.rows("Asset")) == before


def test_seed_files_add_records_and_bad_ones_are_refused(tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"Supplier": [{"id": 900, "name": "Seeded Supplier"}]}))
    with served(HaloConfig(port=0, seed_files=[seed], rate_limit=None)) as sandbox:
        assert {"id": 900, "name": "Seeded Supplier"}.items() <= sandbox.halo.store.get(
            "supplier", 900
        ).items()
    seed.write_text(json.dumps({"Spaceship": [{"id": 1}]}))
    with pytest.raises(ValueError, match="unknown resource “Spaceship”"):
        HaloServer(HaloConfig(port=0, seed_files=[seed]))
    seed.write_text(json.dumps({"Supplier": [{"name": "no id"}]}))
    with pytest.raises(ValueError, match="every Supplier record needs an id"):
        HaloServer(HaloConfig(port=0, seed_files=[seed]))


def test_the_rolling_limit_answers_429_with_retry_after(make_halo_server):
    sandbox = make_halo_server(rate_limit=3)
    assert sandbox.get("/api/Status").status_code == 200  # the token was the first request
    assert sandbox.get("/api/Status").status_code == 200
    refused = sandbox.get("/api/Status")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1


def test_injected_faults_come_in_halos_error_shape(make_halo_server):
    sandbox = make_halo_server(faults="/api/Status@503:1")
    refused = sandbox.get("/api/Status")
    assert refused.status_code == 503
    assert isinstance(refused.json(), str)
    assert sandbox.get("/api/Service").status_code == 200


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--token-lifetime", "0"], "--token-lifetime must be positive"),
        (["--faults", "teapot:1"], "teapot"),
        (["--rate-limit", "-1"], "--rate-limit must not be negative"),
    ],
)
def test_the_command_refuses_bad_options(arguments, message, tmp_path):
    with pytest.raises(CommandError, match=message):
        call_command("sandbox", "haloitsm", "--data-dir", str(tmp_path), *arguments)


def test_the_command_reports_a_port_in_use(halo_server, tmp_path):
    port = str(halo_server.server.httpd.server_port)
    with pytest.raises(CommandError, match="Cannot start the sandbox"):
        call_command("sandbox", "haloitsm", "--port", port, "--data-dir", str(tmp_path))


@contextmanager
def served(config: HaloConfig) -> Iterator[HaloSandboxClient]:
    server = HaloServer(config).start()
    try:
        yield HaloSandboxClient(server)
    finally:
        server.stop()
