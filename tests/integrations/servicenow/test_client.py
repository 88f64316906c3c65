"""The ServiceNow client against the sandbox: auth flows, retries, governor, paging, errors, audit."""

import json
import logging
import time

import pytest

from integrations.servicenow.client import ClientSettings, ServiceNowClient
from integrations.servicenow.exceptions import (
    AccessDenied,
    AuthenticationFailed,
    BadRequest,
    InstanceHibernating,
    NotFound,
    ServerError,
)


def client(sandbox, auth="basic", audit=None, **overrides) -> ServiceNowClient:
    credentials = {
        "basic": {"username": "integration", "password": "integration"},
        "oauth_password": {
            "client_id": "portfolio-bridge",
            "client_secret": "sandbox-secret",
            "username": "integration",
            "password": "integration",
        },
        "oauth_client_credentials": {"client_id": "portfolio-bridge", "client_secret": "sandbox-secret"},
    }[auth]
    settings = ClientSettings(
        base_url=sandbox.url,
        auth_method=auth,
        ca_bundle=sandbox.ca_pem,
        **{**credentials, **overrides},
    )
    return ServiceNowClient(settings, audit=audit)


def stats(sandbox) -> dict:
    return sandbox.get("/sandbox/stats").json()


@pytest.mark.parametrize("auth", ["basic", "oauth_password", "oauth_client_credentials"])
def test_each_auth_method_reads_and_writes(sandbox, auth):
    snc = client(sandbox, auth)
    assert len(list(snc.records("service_offering", "nameSTARTSWITHDatabase", ["name"]))) == 2
    created = snc.create("cmdb_ci_appl", {"name": f"Made with {auth}"})
    assert snc.get("cmdb_ci_appl", created["sys_id"])["name"] == f"Made with {auth}"


def test_wrong_credentials_raise_authentication_failed(sandbox):
    with pytest.raises(AuthenticationFailed, match="access_denied"):
        client(sandbox, "oauth_client_credentials", client_secret="wrong").authenticate()
    with pytest.raises(AuthenticationFailed, match="User Not Authenticated"):
        client(sandbox, "basic", password="wrong").authenticate()


def test_a_token_that_expires_mid_run_is_renewed_once(sandbox):
    snc = client(sandbox, "oauth_password")
    snc.count("sys_user")
    sandbox.server.app.auth.expire_all()
    sandbox.post("/sandbox/stats/reset")
    assert snc.count("service_offering") == 20
    after = stats(sandbox)
    assert after["by_api_method"] == {"table GET": 2, "oauth POST": 1}
    assert after["by_status"] == {"401": 1, "200": 2}


def test_tokens_are_renewed_before_they_expire(make_sandbox):
    sandbox = make_sandbox(token_lifetime=61)
    snc = client(sandbox, "oauth_client_credentials")
    snc.count("sys_user")
    first = snc.credentials._token
    time.sleep(1.1)  # within a minute of expiry: renewed before use, no 401
    sandbox.post("/sandbox/stats/reset")
    snc.count("sys_user")
    assert snc.credentials._token != first
    assert stats(sandbox)["by_api_method"] == {"oauth POST": 1, "table GET": 1}


def test_429_with_retry_after_is_waited_out(make_sandbox):
    # The limit resets every second: seven calls meet a 429 unless they take more than three seconds.
    sandbox = make_sandbox(rate_limit=2, time_scale=3600)
    snc = client(sandbox)
    for _ in range(7):
        assert snc.count("sys_user") >= 1
    assert snc.stats.rate_limit_waits >= 1
    assert stats(sandbox)["by_status"]["429"] >= 1


def test_bursts_of_503_and_dropped_connections_are_retried_for_reads(make_sandbox):
    sandbox = make_sandbox(faults="/api/now/table@503:0.3,/api/now/table@reset:0.15", fault_seed=3)
    snc = client(sandbox)
    for _ in range(10):
        assert snc.count("service_offering") == 20
    assert snc.stats.retries >= 1
    assert stats(sandbox)["by_status"].get("503", 0) + stats(sandbox)["by_status"].get("0", 0) >= 1


def test_plain_creates_are_never_retried(make_sandbox):
    sandbox = make_sandbox(faults="/api/now/table/cmdb_ci_appl@503:1")
    snc = client(sandbox)
    with pytest.raises(ServerError):
        snc.create("cmdb_ci_appl", {"name": "Once only"})
    assert stats(sandbox)["by_api_method"]["table POST"] == 1


def test_ire_calls_are_retried(make_sandbox):
    sandbox = make_sandbox(faults="/api/now/identifyreconcile@503:0.5", fault_seed=2)
    snc = client(sandbox)
    for i in range(4):
        result = snc.identify_reconcile(
            [{"className": "cmdb_ci_business_app", "values": {"name": f"Retried {i}"}}],
            data_source="ServiceNow",
            commit=True,
        )
        assert result.items[0].operation == "INSERT" and result.items[0].ok
    assert snc.stats.retries >= 1
    assert len(sandbox.table("cmdb_ci_business_app", sysparm_query="nameSTARTSWITHRetried")) == 4


def test_the_hibernation_page_is_recognised(make_sandbox):
    sandbox = make_sandbox(faults="hibernate:1")
    with pytest.raises(InstanceHibernating, match="hibernating"):
        client(sandbox).count("sys_user")


def test_errors_are_typed_and_keep_the_instance_message(sandbox):
    snc = client(sandbox)
    with pytest.raises(NotFound, match="No Record found"):
        snc.get("cmdb_ci_appl", "0" * 32)
    with pytest.raises(BadRequest, match="Invalid table nope"):
        list(snc.records("nope"))
    with pytest.raises(AccessDenied) as denied:
        client(sandbox, username="readonly", password="readonly").create("cmdb_ci_appl", {"name": "x"})
    assert denied.value.status == 403 and denied.value.message.startswith(
        "The integration user is not allowed"
    )
    assert "ACL Exception Insert Failed due to security constraints" in denied.value.detail


def test_paging_5000_records_streams_in_pages(make_sandbox, tmp_path):
    seed = tmp_path / "many.json"
    seed.write_text(json.dumps({"cmdb_ci_appl": [{"name": f"Bulk {i:05d}"} for i in range(5000)]}))
    sandbox = make_sandbox(seed_files=[seed])
    sandbox.post("/sandbox/stats/reset")
    names = [r["name"] for r in client(sandbox, page_size=1000).records("cmdb_ci_appl", fields=["name"])]
    assert len(names) == 5000 and len(set(names)) == 5000
    assert stats(sandbox)["by_api"]["table"] == 5
    sandbox.post("/sandbox/stats/reset")
    assert len(list(client(sandbox, page_size=2000).records("cmdb_ci_appl", fields=["sys_id"]))) == 5000
    assert stats(sandbox)["by_api"]["table"] == 3


def test_the_governor_holds_calls_per_minute(sandbox):
    snc = client(sandbox, calls_per_minute=300, governor_key="governor-test")  # 5 a second, bursts of 5
    started = time.monotonic()
    for _ in range(16):
        snc.count("sys_user")
    assert time.monotonic() - started >= (16 - 5) / 5 - 0.05


def test_the_governor_is_shared_by_clients_of_one_connection(sandbox):
    from concurrent.futures import ThreadPoolExecutor

    clients = [client(sandbox, calls_per_minute=300, governor_key="shared-key") for _ in range(4)]
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda c: [c.count("sys_user") for _ in range(4)], clients))
    assert time.monotonic() - started >= (16 - 5) / 5 - 0.05


def test_every_call_is_audited_without_secrets(sandbox, caplog):
    records = []
    caplog.set_level(logging.DEBUG)
    snc = client(sandbox, "oauth_password", audit=records.append)
    snc.create("cmdb_ci_appl", {"name": "Audited", "comments": "my password is not here"})
    methods = [(r.method, r.path, r.status) for r in records]
    assert ("POST", "/oauth_token.do", 200) in methods and (
        "POST",
        "/api/now/table/cmdb_ci_appl",
        201,
    ) in methods
    token_call = next(r for r in records if r.path == "/oauth_token.do")
    everything = caplog.text + json.dumps([r.__dict__ for r in records])
    for secret in ("sandbox-secret", "password=integration", snc.credentials._token):
        assert secret not in everything
    assert json.loads(token_call.request_body)["client_secret"] == "********"
    assert "access_token" in token_call.response_body and "********" in token_call.response_body
    assert all(r.duration_ms >= 0 and r.attempt >= 1 for r in records)


def test_retried_attempts_appear_in_the_audit(make_sandbox):
    sandbox = make_sandbox(faults="/api/now/table@503:0.3", fault_seed=4)
    records = []
    snc = client(sandbox, audit=records.append)
    for _ in range(6):
        snc.count("sys_user")
    assert any(r.status == 503 for r in records)
    assert max(r.attempt for r in records) >= 2


def test_settings_never_show_secrets():
    settings = ClientSettings(
        base_url="https://x", auth_method="basic", username="u", password="hunter2", client_secret="s3cret"
    )
    assert "hunter2" not in repr(settings) and "s3cret" not in repr(settings)
