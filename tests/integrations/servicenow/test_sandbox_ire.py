"""Identification and Reconciliation: insert, update, no change, duplicates, missing rules, invalid
sources, native keys, reconciliation rules, relations and the non-committing endpoints."""

import pytest

APP = "cmdb_ci_business_app"


def app_item(name, **values):
    return {"className": APP, "values": {"name": name, **values}}


def test_insert_then_update_then_no_change(sandbox):
    inserted = sandbox.ire([app_item("Ledger", short_description="v1")])["items"][0]
    assert inserted["operation"] == "INSERT"
    assert inserted["identificationAttempts"][0]["attemptResult"] == "NO_MATCH"
    updated = sandbox.ire([app_item("Ledger", short_description="v2")])["items"][0]
    assert updated["operation"] == "UPDATE" and updated["sysId"] == inserted["sysId"]
    assert updated["identificationAttempts"][0] == {
        "identifierName": "Business Application Rule",
        "attemptResult": "MATCHED",
        "attributes": ["name"],
        "searchOnTable": APP,
        "hybridEntryCiAttributes": [],
    }
    unchanged = sandbox.ire([app_item("Ledger", short_description="v2")])["items"][0]
    assert unchanged["operation"] == "NO_CHANGE"
    record = sandbox.get(f"/api/now/table/{APP}/{inserted['sysId']}").json()["result"]
    assert record["short_description"] == "v2" and record["sys_mod_count"] == "1"
    assert record["discovery_source"] == "ServiceNow"


def test_seeded_collisions_are_identified_by_name(sandbox):
    item = sandbox.ire([app_item("Sage 300")])["items"][0]
    assert item["operation"] in ("UPDATE", "NO_CHANGE")
    existing = sandbox.table(APP, sysparm_query="name=Sage 300")[0]
    assert item["sysId"] == existing["sys_id"]


def test_rule_missing_for_a_class_without_one_and_inherited_rules(sandbox):
    missing = sandbox.ire([{"className": "cmdb_ci_appl", "values": {"name": "Orphan"}}])["items"][0]
    assert missing["errors"] == [
        {"error": "IDENTIFICATION_RULE_MISSING", "message": "Identity Rule Missing for table [cmdb_ci_appl]"}
    ]
    inherited = sandbox.ire([{"className": "cmdb_ci_service_auto", "values": {"name": "Ledger PROD"}}])[
        "items"
    ][0]
    assert inherited["operation"] == "INSERT"
    assert inherited["identificationAttempts"][0]["identifierName"] == "Service Rule"


def test_missing_matching_attributes(sandbox):
    item = sandbox.ire([{"className": APP, "values": {"short_description": "nameless"}}])["items"][0]
    assert item["errors"][0]["error"] == "MISSING_MATCHING_ATTRIBUTES"


def test_duplicates_below_the_threshold_pick_the_oldest_and_flag_the_rest(sandbox):
    first = sandbox.post(f"/api/now/table/{APP}", json={"name": "Twin"}).json()["result"]["sys_id"]
    second = sandbox.post(f"/api/now/table/{APP}", json={"name": "Twin"}).json()["result"]["sys_id"]
    item = sandbox.ire([app_item("Twin", short_description="which one?")])["items"][0]
    assert item["identificationAttempts"][0]["attemptResult"] == "MULTI_MATCH"
    assert item["sysId"] == first and item["operation"] == "UPDATE"
    duplicate = sandbox.get(
        f"/api/now/table/{APP}/{second}", params={"sysparm_exclude_reference_link": "true"}
    ).json()["result"]
    assert duplicate["duplicate_of"] == first
    assert len(sandbox.table("reconcile_duplicate_task")) == 1


def test_duplicates_at_the_threshold_are_an_error(make_sandbox):
    sandbox = make_sandbox(duplicate_threshold=2)
    for _ in range(2):
        sandbox.post(f"/api/now/table/{APP}", json={"name": "Crowd"})
    item = sandbox.ire([app_item("Crowd")])["items"][0]
    assert item["errors"][0]["error"] == "MULTIPLE_DUPLICATE_RECORDS" and item["sysId"] == "Unknown"


def test_source_native_key_identifies_before_the_rules(sandbox):
    info = {"source_name": "ServiceNow", "source_native_key": "uuid-42"}
    first = sandbox.ire([{**app_item("Original name"), "sys_object_source_info": info}])["items"][0]
    renamed = sandbox.ire([{**app_item("Renamed app"), "sys_object_source_info": info}])["items"][0]
    assert renamed["operation"] == "UPDATE" and renamed["sysId"] == first["sysId"]
    assert renamed["identificationAttempts"][0]["attemptResult"] == "MATCHED"
    assert sandbox.table("sys_object_source", id="uuid-42")[0]["target_sys_id"] == first["sysId"]


def test_relations_by_index_and_internal_id_are_created_once(sandbox):
    items = [
        {**app_item("Payroll"), "internal_id": "app"},
        {"className": "cmdb_ci_service_auto", "internal_id": "svc", "values": {"name": "Payroll PROD"}},
    ]
    first = sandbox.ire(items, [{"parent_id": "app", "child_id": "svc", "type": "Consumes::Consumed by"}])
    assert first["relations"][0]["operation"] == "INSERT"
    again = sandbox.ire(items, [{"parent": 0, "child": 1, "type": "Consumes::Consumed by"}])
    assert again["relations"][0]["operation"] == "NO_CHANGE"
    assert len(sandbox.table("cmdb_rel_ci")) == 1
    bad = sandbox.ire(items, [{"parent": 0, "child": 7, "type": "Consumes::Consumed by"}])
    assert "invalid child record index" in bad["relations"][0]["errors"][0]["message"]


def test_a_relation_to_a_failed_item_is_not_created(sandbox):
    items = [app_item("Fine"), {"className": "cmdb_ci_appl", "values": {"name": "No rule"}}]
    result = sandbox.ire(items, [{"parent": 0, "child": 1, "type": "Depends on::Used by"}])
    assert result["relations"][0]["errors"][0]["error"] == "MISSING_DEPENDENCY"
    assert sandbox.table("cmdb_rel_ci") == []


def test_query_endpoints_simulate_and_commit_nothing(sandbox):
    sandbox.post("/sandbox/stats/reset")
    before = len(sandbox.table(APP))
    items = [app_item("Dry run app"), app_item("Sage 300", short_description="changed")]
    for variant in ("query", "queryEnhanced"):
        result = sandbox.ire(items, [{"parent": 0, "child": 1, "type": "Uses::Used by"}], variant=variant)
        assert [i["operation"] for i in result["items"]] == ["INSERT", "UPDATE"]
        assert result["items"][0]["sysId"] == "Unknown"
        assert result["relations"][0]["operation"] == "INSERT"
    assert len(sandbox.table(APP)) == before
    assert sandbox.table(APP, sysparm_query="name=Sage 300")[0]["short_description"] == ""
    assert sandbox.table("cmdb_rel_ci") == []


def test_enhanced_adds_flags_summary_and_validates_options(sandbox):
    result = sandbox.ire([app_item("Enhanced")], variant="enhanced", options="generate_summary:true")
    assert result["hasError"] is False and result["summary"][APP]["inserted"] == 1
    response = sandbox.post(
        "/api/now/identifyreconcile/enhanced",
        params={"sysparm_data_source": "ServiceNow", "options": "partial:maybe"},
        json={"items": []},
    )
    assert response.status_code == 500
    assert response.json()["error"]["detail"] == "Chunk [partial:maybe] is not a valid entry"


@pytest.fixture
def portfolio_source(sandbox):
    sandbox.post(
        "/api/now/table/sys_choice",
        json={
            "name": "cmdb_ci",
            "element": "discovery_source",
            "value": "PortfolioBridge",
            "label": "PortfolioBridge",
        },
    )
    sandbox.post(
        "/api/now/table/cmdb_reconciliation_definition",
        json={
            "name": "Portfolio owns lifecycle",
            "applies_to": APP,
            "discovery_source": "PortfolioBridge",
            "attributes": "operational_status,short_description",
            "priority": "200",
        },
    )
    return sandbox


def test_non_authoritative_sources_cannot_write_governed_attributes(portfolio_source):
    sandbox = portfolio_source
    created = sandbox.ire(
        [app_item("Governed", short_description="from portfolio")], source="PortfolioBridge"
    )["items"][0]
    other = sandbox.ire(
        [app_item("Governed", short_description="from discovery", comments="free text")], source="ServiceNow"
    )["items"][0]
    assert other["operation"] == "UPDATE"
    record = sandbox.get(f"/api/now/table/{APP}/{created['sysId']}").json()["result"]
    assert record["short_description"] == "from portfolio" and record["comments"] == "free text"
    history = sandbox.table(
        "cmdb_datasource_last_update",
        sysparm_query=f"ci={created['sysId']}",
        sysparm_fields="attribute,discovery_source",
    )
    assert {"attribute": "short_description", "discovery_source": "PortfolioBridge"} in history
    only_governed = sandbox.ire([app_item("Governed", short_description="again")], source="ServiceNow")[
        "items"
    ][0]
    assert only_governed["operation"] == "NO_CHANGE"


def test_a_higher_priority_source_keeps_its_values(portfolio_source):
    sandbox = portfolio_source
    sandbox.post(
        "/api/now/table/cmdb_reconciliation_definition",
        json={
            "name": "Manual wins",
            "applies_to": APP,
            "discovery_source": "Manual Entry",
            "attributes": "short_description",
            "priority": "50",
        },
    )
    sandbox.ire([app_item("Contested", short_description="manual")], source="Manual Entry")
    sandbox.ire([app_item("Contested", short_description="portfolio")], source="PortfolioBridge")
    assert sandbox.table(APP, name="Contested")[0]["short_description"] == "manual"


def test_bad_payloads_are_refused_without_crashing(sandbox):
    response = sandbox.post(
        "/api/now/identifyreconcile", params={"sysparm_data_source": "ServiceNow"}, json={"items": "nope"}
    )
    assert response.status_code == 400
    items = sandbox.ire(
        [{"className": "no_such_class", "values": {}}, "not an object", {"values": {"name": "x"}}]
    )["items"]
    assert [i["errors"][0]["error"] for i in items] == [
        "INVALID_INPUT_DATA",
        "INVALID_INPUT_DATA",
        "NO_CLASS_NAME_FOR_INDEPENDENT_CI",
    ]


def test_ire_needs_the_itil_or_asset_role(sandbox):
    response = sandbox.as_user("readonly", "readonly").post(
        "/api/now/identifyreconcile/query", params={"sysparm_data_source": "ServiceNow"}, json={"items": []}
    )
    assert response.status_code == 403 and response.json()["error"]["message"] == "User Not Authorized"


def ci(sandbox, table, sys_id):
    response = sandbox.get(
        f"/api/now/table/{table}/{sys_id}", params={"sysparm_exclude_reference_link": "true"}
    )
    assert response.status_code == 200, response.text
    return response.json()["result"]


def test_a_partial_item_with_a_sys_id_updates_only_its_fields(sandbox):
    integration = sandbox.as_user("integration", "integration")
    values = {"short_description": "v1", "correlation_id": "pb-7", "comments": "keep"}
    inserted = integration.ire([app_item("Partial", **values)])["items"][0]
    before = ci(sandbox, APP, inserted["sysId"])
    assert before["number"].startswith("APM") and before["sys_mod_count"] == "0"
    partial = {"className": APP, "values": {"sys_id": inserted["sysId"], "short_description": "v2"}}
    item = integration.ire([partial])["items"][0]
    assert item["operation"] == "UPDATE" and item["sysId"] == inserted["sysId"] and item["errorCount"] == 0
    after = ci(sandbox, APP, inserted["sysId"])
    assert after["short_description"] == "v2" and after["sys_mod_count"] == "1"
    kept = ("name", "number", "correlation_id", "comments", "discovery_source", "sys_created_on")
    assert {k: after[k] for k in kept} == {k: before[k] for k in kept}
    assert integration.ire([partial])["items"][0]["operation"] == "NO_CHANGE"
    unchanged = ci(sandbox, APP, inserted["sysId"])
    assert unchanged["sys_mod_count"] == "1" and unchanged["last_discovered"] == after["last_discovered"]


def test_fields_a_class_does_not_have_and_system_fields_change_nothing(sandbox):
    sys_id = sandbox.ire([app_item("Strict")])["items"][0]["sysId"]
    noise = {"sys_id": sys_id, "u_not_a_column": "x", "sys_mod_count": "99", "sys_updated_by": "mallory"}
    item = sandbox.ire([{"className": APP, "values": noise}])["items"][0]
    assert item["operation"] == "NO_CHANGE" and item["sysId"] == sys_id
    record = ci(sandbox, APP, sys_id)
    assert record["sys_mod_count"] == "0" and record["sys_updated_by"] == "admin"
    assert "u_not_a_column" not in record


def test_the_sys_id_wins_over_the_identification_rule(sandbox):
    mapped = sandbox.ire([app_item("Mapped")])["items"][0]["sysId"]
    other = sandbox.ire([app_item("Other")])["items"][0]["sysId"]
    item = sandbox.ire([{"className": APP, "values": {"sys_id": mapped, "name": "Other"}}])["items"][0]
    assert item["operation"] == "UPDATE" and item["sysId"] == mapped
    assert item["identificationAttempts"] == []
    assert ci(sandbox, APP, mapped)["name"] == "Other"
    assert ci(sandbox, APP, other)["sys_mod_count"] == "0"


def test_a_sys_id_of_a_subclass_ci_identifies_it(sandbox):
    created = sandbox.post(
        "/api/now/table/cmdb_ci_service_auto", json={"name": "Ledger PROD", "environment": "Production"}
    ).json()["result"]
    same_class = {"sys_id": created["sys_id"], "short_description": "same class"}
    item = sandbox.ire([{"className": "cmdb_ci_service_auto", "values": same_class}])["items"][0]
    assert item["operation"] == "UPDATE" and item["sysId"] == created["sys_id"]
    parent_class = {"sys_id": created["sys_id"], "short_description": "parent class"}
    item = sandbox.ire([{"className": "cmdb_ci_service", "values": parent_class}])["items"][0]
    assert item["sysId"] == created["sys_id"] and item["errorCount"] == 0
    # as on an instance (glide.class.downgrade.enabled is true in the base system) the CI takes the
    # payload's class
    assert item["operation"] == "UPDATE_WITH_DOWNGRADE"
    record = ci(sandbox, "cmdb_ci", created["sys_id"])
    assert record["sys_class_name"] == "cmdb_ci_service" and record["name"] == "Ledger PROD"
    assert record["short_description"] == "parent class" and record["sys_mod_count"] == "2"


def test_an_unknown_sys_id_falls_back_to_the_rule(sandbox):
    ghost = "0" * 32
    item = sandbox.ire([{"className": APP, "values": {"sys_id": ghost, "short_description": "?"}}])["items"][
        0
    ]
    assert item["errors"][0]["error"] == "MISSING_MATCHING_ATTRIBUTES" and item["sysId"] == "Unknown"
    named = sandbox.ire([{"className": APP, "values": {"sys_id": ghost, "name": "Ghost"}}])["items"][0]
    assert named["operation"] == "INSERT" and named["sysId"] == ghost


def test_table_api_updates_that_change_nothing_are_not_written(sandbox):
    created = sandbox.post(
        f"/api/now/table/{APP}", json={"name": "Quiet", "short_description": "same"}
    ).json()["result"]
    path = f"/api/now/table/{APP}/{created['sys_id']}"
    integration = sandbox.as_user("integration", "integration")
    for method in (integration.put, integration.patch):
        response = method(path, json={"name": "Quiet", "short_description": "same", "u_unknown": "x"})
        assert response.status_code == 200
        result = response.json()["result"]
        assert result["sys_mod_count"] == "0" and result["sys_updated_by"] == "admin"
    changed = integration.put(path, json={"name": "Quiet", "short_description": "different"}).json()["result"]
    assert changed["sys_mod_count"] == "1" and changed["sys_updated_by"] == "integration"
    twice = integration.patch(path, json={"short_description": "again", "comments": "and this"}).json()[
        "result"
    ]
    assert twice["sys_mod_count"] == "2"
