"""One test per fact of section 0 of the ServiceNow wire reference (../shared/reference/servicenow.md).

Fact 19 (the exported Update Set format) is tested in test_sandbox_update_sets.py; fact 20 (PySNC
needs https) by PySNC running unchanged over HTTPS in test_sandbox_pysnc.py.
"""

import re
import time

import requests

HEX32 = re.compile(r"^[0-9a-f]{32}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def test_fact_01_envelopes_status_codes_and_location(sandbox):
    listed = sandbox.get("/api/now/table/service_offering", params={"sysparm_limit": 2})
    assert isinstance(listed.json()["result"], list)
    created = sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "Payroll engine"})
    assert created.status_code == 201
    record = created.json()["result"]
    assert isinstance(record, dict)
    assert created.headers["Location"] == f"{sandbox.url}/api/now/table/cmdb_ci_appl/{record['sys_id']}"
    one = sandbox.get(f"/api/now/table/cmdb_ci_appl/{record['sys_id']}").json()["result"]
    assert isinstance(one, dict) and one["name"] == "Payroll engine"
    patched = sandbox.patch(
        f"/api/now/table/cmdb_ci_appl/{record['sys_id']}", json={"short_description": "x"}
    )
    assert patched.status_code == 200 and patched.json()["result"]["sys_mod_count"] == "1"
    deleted = sandbox.delete(f"/api/now/table/cmdb_ci_appl/{record['sys_id']}")
    assert deleted.status_code == 204 and deleted.content == b""


def test_fact_02_every_value_is_a_string_and_empty_is_empty_string(sandbox):
    created = sandbox.post(
        "/api/now/table/cmdb_ci_appl", json={"name": "Numbers", "version": 12, "category": True}
    ).json()["result"]
    assert created["version"] == "12" and created["category"] == "true"
    assert created["short_description"] == ""
    assert all(isinstance(v, (str, dict)) for v in created.values())


def test_fact_03_reference_shapes_and_empty_reference(sandbox):
    ci = sandbox.post(
        "/api/now/table/cmdb_ci_appl",
        json={"name": "Ref test", "owned_by": "6816f79cc0a8016401c5a33be04be441"},
    ).json()["result"]
    assert ci["owned_by"] == {
        "link": f"{sandbox.url}/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441",
        "value": "6816f79cc0a8016401c5a33be04be441",
    }
    assert ci["managed_by"] == ""
    plain = sandbox.get(
        f"/api/now/table/cmdb_ci_appl/{ci['sys_id']}", params={"sysparm_exclude_reference_link": "true"}
    )
    assert plain.json()["result"]["owned_by"] == "6816f79cc0a8016401c5a33be04be441"


def test_fact_04_display_value_all_and_true(sandbox):
    ci = sandbox.post(
        "/api/now/table/cmdb_ci_appl",
        json={"name": "Shown", "owned_by": "6816f79cc0a8016401c5a33be04be441", "operational_status": "6"},
    ).json()["result"]
    path = f"/api/now/table/cmdb_ci_appl/{ci['sys_id']}"
    everything = sandbox.get(path, params={"sysparm_display_value": "all"}).json()["result"]
    assert everything["operational_status"] == {"display_value": "Retired", "value": "6"}
    assert everything["owned_by"]["display_value"] == "Admin User"
    assert set(everything["owned_by"]) == {"display_value", "link", "value"}
    no_links = sandbox.get(
        path, params={"sysparm_display_value": "all", "sysparm_exclude_reference_link": "true"}
    ).json()["result"]
    assert set(no_links["owned_by"]) == {"display_value", "value"}
    shown = sandbox.get(
        path, params={"sysparm_display_value": "true", "sysparm_exclude_reference_link": "True"}
    ).json()["result"]
    assert shown["operational_status"] == "Retired" and shown["owned_by"] == "Admin User"


def test_fact_05_total_count_and_suppressing_only_the_link_header(sandbox):
    response = sandbox.get("/api/now/table/service_offering", params={"sysparm_limit": 3})
    assert response.headers["X-Total-Count"] == "20"
    assert "Link" in response.headers
    suppressed = sandbox.get(
        "/api/now/table/service_offering",
        params={"sysparm_limit": 3, "sysparm_suppress_pagination_header": "true"},
    )
    assert "Link" not in suppressed.headers and suppressed.headers["X-Total-Count"] == "20"


def test_fact_06_link_header_format_and_arithmetic(sandbox):
    response = sandbox.get(
        "/api/now/table/service_offering",
        params={"sysparm_limit": 3, "sysparm_offset": 6, "sysparm_fields": "name"},
    )
    base = f"{sandbox.url}/api/now/table/service_offering?sysparm_fields=name"
    assert response.headers["Link"] == (
        f'<{base}&sysparm_offset=0&sysparm_limit=3>;rel="first",'
        f'<{base}&sysparm_offset=3&sysparm_limit=3>;rel="prev",'
        f'<{base}&sysparm_offset=9&sysparm_limit=3>;rel="next",'
        f'<{base}&sysparm_offset=18&sysparm_limit=3>;rel="last"'
    )
    first = sandbox.get("/api/now/table/service_offering", params={"sysparm_limit": 3}).headers["Link"]
    assert 'rel="prev"' not in first
    last = sandbox.get(
        "/api/now/table/service_offering", params={"sysparm_limit": 3, "sysparm_offset": 18}
    ).headers["Link"]
    assert 'rel="next"' not in last and last.endswith('sysparm_offset=18&sysparm_limit=3>;rel="last"')


def test_fact_07_default_limit_is_10000_and_offset_0(sandbox):
    for i in range(12):
        sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": f"App {i}"})
    response = sandbox.get("/api/now/table/cmdb_ci_appl")
    assert len(response.json()["result"]) == 12
    assert "sysparm_offset=0&sysparm_limit=10000" in response.headers["Link"]


def test_fact_08_error_envelope_shape(sandbox):
    body = sandbox.get("/api/now/table/cmdb_ci_appl/" + "0" * 32).json()
    assert set(body) == {"error", "status"} and body["status"] == "failure"
    assert set(body["error"]) == {"message", "detail"}


def test_fact_09_unauthenticated_body(sandbox):
    response = requests.get(
        sandbox.url + "/api/now/table/incident", verify=str(sandbox.server.ca_path), auth=("admin", "wrong")
    )
    assert response.status_code == 401
    assert response.json() == {
        "error": {"message": "User Not Authenticated", "detail": "Required to provide Auth information"},
        "status": "failure",
    }


def test_fact_10_not_found_body(sandbox):
    response = sandbox.get("/api/now/table/incident/" + "a" * 32)
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "message": "No Record found",
            "detail": "Record doesn't exist or ACL restricts the record retrieval",
        },
        "status": "failure",
    }


def test_fact_11_invalid_table_body(sandbox):
    response = sandbox.get("/api/now/table/no_such_table")
    assert response.status_code == 400
    assert response.json() == {
        "error": {"message": "Invalid table no_such_table", "detail": None},
        "status": "failure",
    }


def test_fact_12_rate_limit_headers_and_429(make_sandbox):
    sandbox = make_sandbox(rate_limit=3)
    answers = [sandbox.get("/api/now/table/sys_user", params={"sysparm_limit": 1}) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    for response in answers:
        assert response.headers["X-RateLimit-Limit"] == "3"
        assert int(response.headers["X-RateLimit-Reset"]) > time.time()
        assert HEX32.match(response.headers["X-RateLimit-Rule"])
        assert "X-RateLimit-Remaining" not in response.headers
    assert "Retry-After" not in answers[0].headers
    assert int(answers[3].headers["Retry-After"]) >= 1
    assert answers[3].json() == {
        "error": {
            "message": "Rate limit exceeded",
            "detail": "Rate limit of 3 requests per hour for Table API exceeded",
        },
        "status": "failure",
    }


def test_fact_13_oauth_token_bodies(sandbox):
    data = {
        "grant_type": "password",
        "client_id": "portfolio-bridge",
        "client_secret": "sandbox-secret",
        "username": "integration",
        "password": "integration",
    }
    token = requests.post(sandbox.url + "/oauth_token.do", data=data, verify=str(sandbox.server.ca_path))
    assert token.status_code == 200
    body = token.json()
    assert set(body) == {"access_token", "refresh_token", "scope", "token_type", "expires_in"}
    assert (
        body["scope"] == "useraccount"
        and body["token_type"] == "Bearer"
        and isinstance(body["expires_in"], int)
    )
    assert 1790 <= body["expires_in"] <= 1800
    refused = requests.post(
        sandbox.url + "/oauth_token.do", data={**data, "password": "nope"}, verify=str(sandbox.server.ca_path)
    )
    assert refused.status_code == 401
    assert refused.json() == {"error_description": "access_denied", "error": "server_error"}


def test_fact_14_sys_ids_and_date_times(sandbox):
    record = sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "Formats"}).json()["result"]
    assert HEX32.match(record["sys_id"])
    assert DATETIME.match(record["sys_created_on"]) and DATETIME.match(record["sys_updated_on"])
    assert record["sys_created_by"] == "admin" and record["sys_mod_count"] == "0"


def test_fact_15_ire_item_errors_inside_a_200(sandbox):
    result = sandbox.ire(
        [
            {"className": "cmdb_ci_appl", "values": {"name": "No rule here"}},
            {"className": "cmdb_ci_business_app", "values": {"name": "Fresh app"}},
        ]
    )
    failed, inserted = result["items"]
    assert (
        failed["errorCount"] == 1
        and failed["sysId"] == "Unknown"
        and failed["identifierEntrySysId"] == "Unknown"
    )
    assert failed["errors"][0]["error"] == "IDENTIFICATION_RULE_MISSING"
    assert inserted["operation"] == "INSERT" and HEX32.match(inserted["sysId"])


def test_fact_16_ire_data_source_must_be_a_discovery_source_choice(sandbox):
    item = {"className": "cmdb_ci_business_app", "values": {"name": "Sourced"}}
    invalid = sandbox.ire([item], source="PortfolioBridge")["items"][0]
    assert invalid["errors"][0]["error"] == "INVALID_INPUT_DATA"
    assert "invalid data source [PortfolioBridge]" in invalid["errors"][0]["message"]
    missing = sandbox.ire([item], source="")["items"][0]
    assert "no data source exist" in missing["errors"][0]["message"]
    sandbox.post(
        "/api/now/table/sys_choice",
        json={
            "name": "cmdb_ci",
            "element": "discovery_source",
            "value": "PortfolioBridge",
            "label": "PortfolioBridge",
        },
    )
    assert sandbox.ire([item], source="PortfolioBridge")["items"][0]["operation"] == "INSERT"


def test_fact_17_ire_relation_type_is_the_rel_type_name(sandbox):
    items = [
        {"className": "cmdb_ci_business_app", "values": {"name": "Ledger"}},
        {"className": "cmdb_ci_service_auto", "values": {"name": "Ledger PROD"}},
    ]
    result = sandbox.ire(items, [{"parent": 0, "child": 1, "type": "Consumes::Consumed by"}])
    assert result["relations"][0]["operation"] == "INSERT"
    rel = sandbox.table(
        "cmdb_rel_ci",
        sysparm_query=f"parent={result['items'][0]['sysId']}",
        sysparm_exclude_reference_link="true",
    )[0]
    assert rel["type"] == "41008aa6ef32010098d5925495c0fb94"
    wrong = sandbox.ire(items, [{"parent": 0, "child": 1, "type": "41008aa6ef32010098d5925495c0fb94"}])
    assert "No such relationship with name" in wrong["relations"][0]["errors"][0]["message"]


def test_fact_18_real_identification_tables_exist_and_the_seeds_wrong_ones_do_not(sandbox):
    for table in (
        "cmdb_identifier",
        "cmdb_identifier_entry",
        "cmdb_reconciliation_definition",
        "cmdb_datasource_staleness",
        "cmdb_datasource_last_update",
        "sys_object_source",
    ):
        assert sandbox.get(f"/api/now/table/{table}").status_code == 200, table
    for table in (
        "cmdb_ci_data_source",
        "cmdb_identification_rule",
        "cmdb_reconciliation_rule",
        "cmdb_datasource_priority",
        "alm_product_model",
    ):
        assert sandbox.get(f"/api/now/table/{table}").status_code == 400, table
