"""Authentication, rate limits, faults, bookkeeping, persistence and the command line of the sandbox."""

import base64
import json
import time

import pytest
import requests
from django.core.management import CommandError, call_command

from integrations.servicenow.sandbox.config import SandboxConfig
from integrations.servicenow.sandbox.faults import parse_faults
from integrations.servicenow.sandbox.server import SandboxServer

CLIENT = {"client_id": "portfolio-bridge", "client_secret": "sandbox-secret"}


def token(sandbox, **form):
    return requests.post(
        sandbox.url + "/oauth_token.do", data=form, verify=str(sandbox.server.ca_path), timeout=10
    )


def bearer(sandbox, access_token):
    return requests.get(
        sandbox.url + "/api/now/table/service_offering",
        params={"sysparm_limit": 1},
        headers={"Authorization": f"Bearer {access_token}"},
        verify=str(sandbox.server.ca_path),
        timeout=10,
    )


def test_password_grant_refresh_and_reuse_of_the_current_token(sandbox):
    first = token(
        sandbox, grant_type="password", username="integration", password="integration", **CLIENT
    ).json()
    second = token(
        sandbox, grant_type="password", username="integration", password="integration", **CLIENT
    ).json()
    assert second["access_token"] == first["access_token"]
    assert bearer(sandbox, first["access_token"]).status_code == 200
    refreshed = token(sandbox, grant_type="refresh_token", refresh_token=first["refresh_token"], **CLIENT)
    assert refreshed.status_code == 200 and "refresh_token" not in refreshed.json()
    assert bearer(sandbox, refreshed.json()["access_token"]).status_code == 200
    assert token(sandbox, grant_type="refresh_token", refresh_token="bogus", **CLIENT).status_code == 401


def test_client_credentials_in_the_body_or_a_basic_header(sandbox):
    in_body = token(sandbox, grant_type="client_credentials", **CLIENT)
    assert in_body.status_code == 200 and "refresh_token" not in in_body.json()
    basic = base64.b64encode(b"portfolio-bridge:sandbox-secret").decode()
    in_header = requests.post(
        sandbox.url + "/oauth_token.do",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
        verify=str(sandbox.server.ca_path),
    )
    assert in_header.status_code == 200
    assert bearer(sandbox, in_header.json()["access_token"]).status_code == 200


@pytest.mark.parametrize(
    "form",
    [
        {"grant_type": "client_credentials", "client_id": "portfolio-bridge", "client_secret": "wrong"},
        {
            "grant_type": "password",
            "username": "integration",
            "password": "integration",
            "client_id": "unknown",
            "client_secret": "x",
        },
        {"grant_type": "authorization_code", **CLIENT},
    ],
)
def test_oauth_failures_answer_401_with_the_standard_body(sandbox, form):
    response = token(sandbox, **form)
    assert response.status_code == 401
    assert response.json() == {"error_description": "access_denied", "error": "server_error"}


def test_a_json_token_request_fails_as_documented(sandbox):
    response = requests.post(
        sandbox.url + "/oauth_token.do",
        json={"grant_type": "client_credentials", **CLIENT},
        verify=str(sandbox.server.ca_path),
    )
    assert response.status_code == 401


def test_expired_and_unknown_tokens_get_401_with_the_envelope(make_sandbox):
    sandbox = make_sandbox(token_lifetime=1)
    body = token(sandbox, grant_type="client_credentials", **CLIENT).json()
    assert body["expires_in"] == 1
    time.sleep(1.1)
    expired = bearer(sandbox, body["access_token"])
    assert expired.status_code == 401
    assert expired.json()["error"]["message"] == "User Not Authenticated"
    assert bearer(sandbox, "made-up").status_code == 401


def test_rate_limit_windows_follow_the_time_scale(make_sandbox):
    sandbox = make_sandbox(rate_limit=2, time_scale=1800)  # an "hour" of two seconds
    time.sleep(2 - time.time() % 2 + 0.02)  # windows are aligned to the clock: start at the top of one
    statuses = [sandbox.get("/api/now/table/sys_user").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    time.sleep(2.05)
    assert sandbox.get("/api/now/table/sys_user").status_code == 200
    rule = sandbox.table("sys_rate_limit_rules")[0]
    assert rule["limit"] == "2" and rule["sys_id"] == sandbox.get("/api/now/table/sys_user").headers.get(
        "X-RateLimit-Rule", rule["sys_id"]
    )


def test_rate_limits_count_per_user(make_sandbox):
    sandbox = make_sandbox(rate_limit=1)
    assert sandbox.get("/api/now/table/sys_user").status_code == 200
    assert sandbox.get("/api/now/table/sys_user").status_code == 429
    assert sandbox.as_user("integration", "integration").get("/api/now/table/sys_user").status_code == 200


def test_faults_are_deterministic_for_a_seed(make_sandbox):
    def run(seed):
        sandbox = make_sandbox(faults="503:0.3,500:0.1,502:0.1,429:0.1", fault_seed=seed)
        return [sandbox.get("/api/now/table/sys_user").status_code for _ in range(30)]

    first, second, other = run(7), run(7), run(8)
    assert first == second and first != other
    assert {503, 500, 502, 429, 200} <= set(first)


def test_bare_429_has_no_rate_limit_headers_and_503_has_the_envelope(make_sandbox):
    sandbox = make_sandbox(faults="429:0.5,503:0.5", fault_seed=1)
    answers = [sandbox.get("/api/now/table/sys_user") for _ in range(10)]
    bare = next(r for r in answers if r.status_code == 429)
    assert "Retry-After" not in bare.headers and "X-RateLimit-Limit" not in bare.headers
    unavailable = next(r for r in answers if r.status_code == 503)
    assert unavailable.json()["status"] == "failure"


def test_hibernating_instance_answers_200_html(make_sandbox):
    sandbox = make_sandbox(faults="hibernate:1")
    response = sandbox.get("/api/now/table/sys_user")
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
    assert "Instance Hibernating page" in response.text


def test_dropped_connections_and_slow_responses(make_sandbox):
    sandbox = make_sandbox(
        faults="/api/now/table/sys_user@reset:1,/api/now/table/incident@slow:1", slow_seconds=0.3
    )
    with pytest.raises(requests.ConnectionError):
        sandbox.get("/api/now/table/sys_user")
    started = time.monotonic()
    assert sandbox.get("/api/now/table/incident").status_code == 200
    assert time.monotonic() - started >= 0.3
    assert sandbox.get("/api/now/table/service_offering").status_code == 200


@pytest.mark.parametrize("spec", ["bogus:0.1", "503:2", "503:x"])
def test_bad_fault_specs_are_refused(spec):
    with pytest.raises(ValueError):
        parse_faults(spec)


def test_stats_count_by_api_method_and_status_and_reset(sandbox):
    sandbox.post("/sandbox/stats/reset")
    sandbox.get("/api/now/table/sys_user")
    sandbox.get("/api/now/table/nope")
    sandbox.ire([{"className": "cmdb_ci_business_app", "values": {"name": "Stat"}}], variant="query")
    stats = sandbox.get("/sandbox/stats").json()
    assert stats["by_api"] == {"table": 2, "ire_query": 1}
    assert stats["by_status"] == {"200": 2, "400": 1}
    assert stats["committing_calls"] == 0
    sandbox.ire([{"className": "cmdb_ci_business_app", "values": {"name": "Stat"}}])
    assert sandbox.get("/sandbox/stats").json()["committing_calls"] == 1
    sandbox.post("/sandbox/stats/reset")
    assert sandbox.get("/sandbox/stats").json()["total"] == 0


def test_status_page_lists_tables_and_recent_requests(sandbox):
    sandbox.get("/api/now/table/service_offering")
    page = sandbox.get("/").text
    assert "<td>service_offering</td><td class=n>20</td>" in page
    assert "/api/now/table/service_offering" in page and "admin" in page


def test_state_persists_across_restarts_and_reset_starts_fresh(tmp_path, monkeypatch):
    seed = tmp_path / "seed.json"
    seed.write_text(
        json.dumps(
            {"cmdb_ci_appl": [{"sys_id": "a" * 32, "name": "Seeded"}], "u_custom": [{"u_colour": "blue"}]}
        )
    )
    first = SandboxServer(SandboxConfig(port=0, data_dir=tmp_path / "data", seed_files=[seed])).start()
    auth, verify = ("admin", "admin"), str(first.ca_path)
    requests.post(
        first.url + "/api/now/table/cmdb_ci_appl", json={"name": "Survivor"}, auth=auth, verify=verify
    )
    assert (
        requests.get(first.url + "/api/now/table/u_custom", auth=auth, verify=verify).json()["result"][0][
            "u_colour"
        ]
        == "blue"
    )
    first.stop()
    second = SandboxServer(SandboxConfig(port=0, data_dir=tmp_path / "data")).start()
    names = {
        r["name"]
        for r in requests.get(second.url + "/api/now/table/cmdb_ci_appl", auth=auth, verify=verify).json()[
            "result"
        ]
    }
    assert names == {"Seeded", "Survivor"}
    second.stop()
    third = SandboxServer(SandboxConfig(port=0, data_dir=tmp_path / "data", reset=True)).start()
    assert (
        requests.get(third.url + "/api/now/table/cmdb_ci_appl", auth=auth, verify=verify).json()["result"]
        == []
    )
    assert (
        len(
            requests.get(third.url + "/api/now/table/service_offering", auth=auth, verify=verify).json()[
                "result"
            ]
        )
        == 20
    )
    third.stop()


def test_plain_http_option(make_sandbox):
    sandbox = make_sandbox(https=False)
    assert sandbox.url.startswith("http://")
    assert requests.get(sandbox.url + "/api/now/table/sys_user", auth=("admin", "admin")).status_code == 200


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--faults", "boom:1"], "unknown fault kind"),
        (["--user", "nocolons"], "--user takes NAME:PASSWORD"),
        (["--seed", "/nonexistent.json"], "No such seed file"),
        (["--time-scale", "0"], "--time-scale must be positive"),
    ],
)
def test_command_line_errors(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("sandbox", "servicenow", *args)
