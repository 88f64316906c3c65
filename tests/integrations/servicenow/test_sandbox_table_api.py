"""Table API behaviour beyond the reference's headline facts, and bad input that must not crash."""

import pytest


def names(rows):
    return [r["name"] for r in rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nameSTARTSWITHDatabase", ["Database Services - Gold", "Database Services - Silver"]),
        ("nameENDSWITHGold", ["Database Services - Gold"]),
        ("nameLIKEhosting^nameNOT LIKELinux", ["Cloud Hosting - Standard", "Application Hosting - Windows"]),
        ("nameINTelephony,Print Services", ["Print Services", "Telephony"]),
        (
            "nameSTARTSWITHData^nameNOT INData Center Facilities",
            ["Database Services - Gold", "Database Services - Silver"],
        ),
        ("nameCONTAINSMainframe", ["Mainframe Services"]),
        ("nameSTARTSWITHTele^NQnameSTARTSWITHPrint", ["Print Services", "Telephony"]),
        ("name=service desk", ["Service Desk"]),
        ("name!=Service Desk^nameSTARTSWITHServ", []),
        ("nameBETWEENS@Sz^ORDERBYname", ["Security Operations Center", "Service Desk", "Storage Services"]),
    ],
)
def test_encoded_query_operators(sandbox, query, expected):
    rows = sandbox.table("service_offering", sysparm_query=query, sysparm_fields="name")
    assert sorted(names(rows)) == sorted(expected)


def test_ordering_empty_checks_comparisons_and_dot_walk(sandbox):
    ordered = names(
        sandbox.table(
            "service_offering", sysparm_query="nameSTARTSWITHD^ORDERBYDESCname", sysparm_fields="name"
        )
    )
    assert ordered == sorted(ordered, reverse=True)
    sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "With version", "version": "10"})
    sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "Small version", "version": "9"})
    sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "No version"})
    assert names(sandbox.table("cmdb_ci_appl", sysparm_query="versionISEMPTY")) == ["No version"]
    assert set(names(sandbox.table("cmdb_ci_appl", sysparm_query="versionISNOTEMPTY"))) == {
        "With version",
        "Small version",
    }
    assert names(sandbox.table("cmdb_ci_appl", sysparm_query="version>9")) == ["With version"]
    assert set(names(sandbox.table("cmdb_ci_appl", sysparm_query="version<=10"))) == {
        "With version",
        "Small version",
    }
    rels = sandbox.table("cmdb_rel_type", sysparm_query="parent_descriptor=Consumes")
    assert names(rels) == ["Consumes::Consumed by"]
    model = sandbox.table(
        "cmdb_software_product_model",
        sysparm_query="manufacturer.name=Veeam",
        sysparm_fields="name,manufacturer.name",
    )
    assert model == [{"name": "Veeam Backup & Replication 12", "manufacturer.name": "Veeam"}]


def test_unknown_operators_and_fields_are_ignored_like_servicenow(sandbox):
    everything = len(sandbox.table("service_offering"))
    assert len(sandbox.table("service_offering", sysparm_query="nameFROBNICATEx")) == everything
    assert len(sandbox.table("service_offering", sysparm_query="no_such_field=1^nameSTARTSWITHTele")) == 1


def test_instanceof_and_parent_table_reads_name_the_actual_class(sandbox):
    app = sandbox.post("/api/now/table/cmdb_ci_service_auto", json={"name": "Payroll PROD"}).json()["result"]
    through_parent = sandbox.get(f"/api/now/table/cmdb_ci/{app['sys_id']}").json()["result"]
    assert through_parent["sys_class_name"] == "cmdb_ci_service_auto"
    assert "service_classification" not in through_parent and "name" in through_parent
    services = sandbox.table(
        "cmdb_ci",
        sysparm_query="sys_class_nameINSTANCEOFcmdb_ci_service",
        sysparm_fields="name,sys_class_name",
    )
    assert {r["sys_class_name"] for r in services} == {"service_offering", "cmdb_ci_service_auto"}


def test_name_value_filters_accept_display_values(sandbox):
    sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "Retired one", "operational_status": "6"})
    assert names(sandbox.table("cmdb_ci_appl", operational_status="Retired")) == ["Retired one"]
    assert names(sandbox.table("cmdb_ci_appl", operational_status="6")) == ["Retired one"]


def test_v1_answers_404_on_an_empty_result_and_v2_an_empty_list(sandbox):
    params = {"sysparm_query": "name=Nothing at all"}
    assert sandbox.get("/api/now/v1/table/service_offering", params=params).status_code == 404
    v2 = sandbox.get("/api/now/v2/table/service_offering", params=params)
    assert v2.status_code == 200 and v2.json() == {"result": []}
    assert sandbox.get("/api/now/table/service_offering", params=params).json() == {"result": []}


def test_put_is_a_partial_update_unknown_fields_are_ignored_and_system_fields_are_read_only(sandbox):
    ci = sandbox.post(
        "/api/now/table/cmdb_ci_appl",
        json={"name": "Keep", "version": "1", "u_nonsense": "x", "sys_created_by": "mallory"},
    ).json()["result"]
    assert "u_nonsense" not in ci and ci["sys_created_by"] == "admin"
    updated = sandbox.put(f"/api/now/table/cmdb_ci_appl/{ci['sys_id']}", json={"version": "2"}).json()[
        "result"
    ]
    assert updated["name"] == "Keep" and updated["version"] == "2"


def test_no_response_body_header(sandbox):
    response = sandbox.post(
        "/api/now/table/cmdb_ci_appl", json={"name": "Quiet"}, headers={"X-no-response-body": "true"}
    )
    assert response.status_code == 201 and response.content == b"" and "Location" in response.headers


def test_a_relationship_must_join_two_cis(sandbox):
    model = sandbox.table("cmdb_software_product_model", sysparm_limit=1)[0]["sys_id"]
    app = sandbox.post("/api/now/table/cmdb_ci_service_auto", json={"name": "Runs on a model?"}).json()[
        "result"
    ]["sys_id"]
    response = sandbox.post(
        "/api/now/table/cmdb_rel_ci",
        json={"parent": app, "child": model, "type": "60bc4e22c0a8010e01f074cbe6bd73c3"},
    )
    assert response.status_code == 403
    assert response.json()["error"] == {
        "message": "Operation Failed",
        "detail": f"Invalid child: {model} is not a configuration item (cmdb_ci)",
    }
    other = sandbox.post("/api/now/table/cmdb_ci_service_auto", json={"name": "Another"}).json()["result"][
        "sys_id"
    ]
    ok = sandbox.post(
        "/api/now/table/cmdb_rel_ci",
        json={"parent": app, "child": other, "type": "1a9cb166f1571100a92eb60da2bce5c5"},
    )
    assert ok.status_code == 201


def test_readonly_user_reads_but_writes_are_refused(sandbox):
    readonly = sandbox.as_user("readonly", "readonly")
    assert readonly.get("/api/now/table/service_offering").status_code == 200
    refused = readonly.post("/api/now/table/cmdb_ci_business_app", json={"name": "Nope"})
    assert refused.status_code == 403
    assert refused.json()["error"] == {
        "message": "Operation Failed",
        "detail": "ACL Exception Insert Failed due to security constraints",
    }
    sys_id = sandbox.table("service_offering", sysparm_limit=1)[0]["sys_id"]
    assert (
        readonly.patch(f"/api/now/table/service_offering/{sys_id}", json={"name": "x"})
        .json()["error"]["detail"]
        .startswith("ACL Exception Update")
    )
    assert readonly.delete(f"/api/now/table/service_offering/{sys_id}").status_code == 403
    denied = readonly.get("/api/now/table/change_request")
    assert (
        denied.status_code == 403
        and denied.json()["error"]["message"] == "Insufficient rights to query records"
    )


@pytest.mark.parametrize(
    ("send", "status", "message"),
    [
        (
            lambda s: s.post(
                "/api/now/table/cmdb_ci_appl", data="{not json", headers={"Content-Type": "application/json"}
            ),
            400,
            "Exception while reading request",
        ),
        (
            lambda s: s.post(
                "/api/now/table/cmdb_ci_appl", data="name=x", headers={"Content-Type": "text/plain"}
            ),
            415,
            "Unsupported Media Type",
        ),
        (
            lambda s: s.post("/api/now/table/cmdb_ci_appl", json=["a", "b"]),
            400,
            "Exception while reading request",
        ),
        (lambda s: s.get("/api/now/not_an_api"), 400, "Requested URI does not represent any resource"),
        (lambda s: s.put("/api/now/table/cmdb_ci_appl"), 405, "Method not Supported"),
        (lambda s: s.post("/api/now/table/nope", json={}), 400, "Invalid table nope"),
    ],
)
def test_bad_requests_get_envelopes_and_the_sandbox_keeps_serving(sandbox, send, status, message):
    response = send(sandbox)
    assert response.status_code == status
    assert response.json()["error"]["message"] == message
    assert sandbox.get("/api/now/table/sys_user", params={"sysparm_limit": 1}).status_code == 200


def test_bodies_over_10_mb_are_refused_as_documented(sandbox):
    body = b'{"name": "' + b"x" * 10_485_760 + b'"}'
    response = sandbox.post(
        "/api/now/table/cmdb_ci_appl", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"] == {
        "message": "Exception while reading request",
        "detail": f"Rejected large REST payload with content-length = {len(body)} bytes. Max allowed: 10485760 bytes.",
    }


def test_delete_without_content_type_works_as_pysnc_sends_it(sandbox):
    ci = sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "Gone"}).json()["result"]
    response = sandbox.session.delete(
        f"{sandbox.url}/api/now/table/cmdb_ci_appl/{ci['sys_id']}",
        verify=str(sandbox.server.ca_path),
        headers={"Content-Type": ""},
    )
    assert response.status_code == 204


def test_several_clients_at_once(sandbox):
    from concurrent.futures import ThreadPoolExecutor

    def create(i):
        return sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": f"Parallel {i}"}).status_code

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(create, range(40))) == {201}
    assert len(sandbox.table("cmdb_ci_appl", sysparm_query="nameSTARTSWITHParallel")) == 40


def test_a_client_may_choose_the_sys_id_of_a_new_record_once(sandbox):
    chosen = "0123456789abcdef0123456789abcdef"
    first = sandbox.post("/api/now/table/ast_contract", json={"sys_id": chosen, "short_description": "Mine"})
    assert first.status_code == 201 and first.json()["result"]["sys_id"] == chosen
    again = sandbox.post("/api/now/table/ast_contract", json={"sys_id": chosen, "short_description": "Again"})
    assert again.status_code == 403 and "Unique Key violation" in again.json()["error"]["detail"]
    assert len(sandbox.table("ast_contract", sysparm_query=f"sys_id={chosen}")) == 1
    odd = sandbox.post("/api/now/table/ast_contract", json={"sys_id": "not-hex", "short_description": "x"})
    assert odd.status_code == 201 and odd.json()["result"]["sys_id"] != "not-hex"
