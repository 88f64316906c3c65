"""Contracts and the CIs they cover (`ast_contract`, `contract_rel_ci`, `core_company`), the default users'
e-mail addresses, dictionary rows added to an existing sandbox, and long `sys_idIN` queries."""

from integrations.servicenow.sandbox.auth import DEFAULT_USERS, SandboxUser
from integrations.servicenow.sandbox.config import SandboxConfig
from integrations.servicenow.sandbox.server import SandboxServer
from tests.sandbox_fixtures import SandboxClient

APP = "cmdb_ci_business_app"


def created(response) -> dict:
    assert response.status_code == 201, response.text
    return response.json()["result"]


def plain(client: SandboxClient, table: str, sys_id: str) -> dict:
    response = client.get(
        f"/api/now/table/{table}/{sys_id}", params={"sysparm_exclude_reference_link": "true"}
    )
    assert response.status_code == 200, response.text
    return response.json()["result"]


def test_integration_manages_companies_contracts_and_covered_cis(sandbox):
    integration = sandbox.as_user("integration", "integration")
    company = created(integration.post("/api/now/table/core_company", json={"name": "Acme", "vendor": True}))
    assert company["vendor"] == "true" and company["manufacturer"] == "false"
    contract = created(
        integration.post(
            "/api/now/table/ast_contract",
            json={
                "short_description": "Acme support",
                "description": "24x7 support for the ledger",
                "vendor": company["sys_id"],
                "vendor_contract": "ACME-2025-17",
                "starts": "2025-01-01",
                "ends": "2027-12-31",
                "cost": "120000",
                "state": "active",
            },
        )
    )
    assert contract["number"].startswith("CNTR")
    assert contract["vendor"]["value"] == company["sys_id"]
    assert contract["vendor_contract"] == "ACME-2025-17"
    assert contract["description"] == "24x7 support for the ledger"
    assert "currency" not in contract
    ci = created(integration.post(f"/api/now/table/{APP}", json={"name": "Ledger"}))
    covered = created(
        integration.post(
            "/api/now/table/contract_rel_ci", json={"contract": contract["sys_id"], "ci_item": ci["sys_id"]}
        )
    )
    assert covered["contract"] == {
        "link": f"{sandbox.url}/api/now/table/ast_contract/{contract['sys_id']}",
        "value": contract["sys_id"],
    }
    assert covered["ci_item"]["link"].endswith(f"/api/now/table/cmdb_ci/{ci['sys_id']}")
    shown = integration.table(
        "contract_rel_ci",
        sysparm_query=f"contract={contract['sys_id']}",
        sysparm_display_value="true",
        sysparm_fields="contract,ci_item,contract.vendor_contract",
        sysparm_exclude_reference_link="true",
    )
    assert shown == [
        {"contract": contract["number"], "ci_item": "Ledger", "contract.vendor_contract": "ACME-2025-17"}
    ]
    changed = integration.put(
        f"/api/now/table/ast_contract/{contract['sys_id']}", json={"vendor_contract": "ACME-2025-18"}
    )
    assert changed.status_code == 200 and changed.json()["result"]["vendor_contract"] == "ACME-2025-18"
    for table, sys_id in (
        ("contract_rel_ci", covered["sys_id"]),
        ("ast_contract", contract["sys_id"]),
        ("core_company", company["sys_id"]),
    ):
        assert integration.delete(f"/api/now/table/{table}/{sys_id}").status_code == 204
        assert integration.get(f"/api/now/table/{table}/{sys_id}").status_code == 404


def test_readonly_reads_contracts_but_cannot_change_them(sandbox):
    company = created(sandbox.post("/api/now/table/core_company", json={"name": "Initech"}))
    contract = created(sandbox.post("/api/now/table/ast_contract", json={"short_description": "Initech"}))
    ci = created(sandbox.post(f"/api/now/table/{APP}", json={"name": "Stapler"}))
    covered = created(
        sandbox.post(
            "/api/now/table/contract_rel_ci", json={"contract": contract["sys_id"], "ci_item": ci["sys_id"]}
        )
    )
    readonly = sandbox.as_user("readonly", "readonly")
    rows = {
        "core_company": company["sys_id"],
        "ast_contract": contract["sys_id"],
        "contract_rel_ci": covered["sys_id"],
    }
    for table, sys_id in rows.items():
        assert readonly.get(f"/api/now/table/{table}/{sys_id}").status_code == 200
        for response, operation in (
            (readonly.post(f"/api/now/table/{table}", json={"short_description": "x"}), "Insert"),
            (readonly.put(f"/api/now/table/{table}/{sys_id}", json={"short_description": "x"}), "Update"),
            (readonly.delete(f"/api/now/table/{table}/{sys_id}"), "Delete"),
        ):
            assert response.status_code == 403, (table, operation)
            assert response.json()["error"]["detail"] == (
                f"ACL Exception {operation} Failed due to security constraints"
            )
    # integration still may not write users
    denied = sandbox.as_user("integration", "integration").post(
        "/api/now/table/sys_user", json={"user_name": "mallory"}
    )
    assert denied.status_code == 403


def test_deleting_a_ci_or_a_contract_leaves_the_covered_ci_rows(sandbox):
    contract = created(sandbox.post("/api/now/table/ast_contract", json={"short_description": "Keep"}))
    ci = created(sandbox.post(f"/api/now/table/{APP}", json={"name": "Doomed"}))
    covered = created(
        sandbox.post(
            "/api/now/table/contract_rel_ci", json={"contract": contract["sys_id"], "ci_item": ci["sys_id"]}
        )
    )
    assert sandbox.delete(f"/api/now/table/{APP}/{ci['sys_id']}").status_code == 204
    assert sandbox.delete(f"/api/now/table/ast_contract/{contract['sys_id']}").status_code == 204
    left = plain(sandbox, "contract_rel_ci", covered["sys_id"])
    assert left["contract"] == contract["sys_id"] and left["ci_item"] == ci["sys_id"]


def test_the_dictionary_describes_the_contract_tables(sandbox):
    tables = sandbox.table("sys_db_object", sysparm_query="nameINcontract_rel_ci,ast_contract")
    assert {t["name"]: t["label"] for t in tables} == {
        "contract_rel_ci": "Contract CIs",
        "ast_contract": "Contract",
    }
    columns = sandbox.table(
        "sys_dictionary",
        sysparm_query="name=contract_rel_ci^ORname=ast_contract",
        sysparm_fields="name,element,internal_type,reference",
    )
    by_name = {(c["name"], c["element"]): (c["internal_type"], c["reference"]) for c in columns}
    assert by_name[("contract_rel_ci", "contract")] == ("reference", "ast_contract")
    assert by_name[("contract_rel_ci", "ci_item")] == ("reference", "cmdb_ci")
    assert by_name[("ast_contract", "vendor_contract")] == ("string", "")
    assert by_name[("ast_contract", "description")] == ("string", "")
    assert ("ast_contract", "currency") not in by_name


def test_default_users_have_e_mail_addresses_that_queries_find(sandbox):
    users = sandbox.table("sys_user", sysparm_fields="user_name,email")
    emails = {u["user_name"]: u["email"] for u in users}
    assert emails == {
        "admin": "admin@example.com",
        "integration": "integration@example.com",
        "readonly": "readonly@example.com",
        "approver": "approver@example.com",
    }
    found = sandbox.table(
        "sys_user", sysparm_query="emailINadmin@example.com,Readonly@Example.com,nobody@example.com"
    )
    assert sorted(u["user_name"] for u in found) == ["admin", "readonly"]
    admin = sandbox.table("sys_user", sysparm_query="email=ADMIN@example.COM", sysparm_fields="sys_id")
    assert admin == [{"sys_id": "6816f79cc0a8016401c5a33be04be441"}]
    assert sandbox.table("sys_user", sysparm_query="email=admin@example.org") == []
    # the integration user reads users too (the product looks owners up by e-mail)
    integration = sandbox.as_user("integration", "integration")
    assert len(integration.table("sys_user", sysparm_query="emailSTARTSWITHintegration@")) == 1


def test_a_restart_adds_new_dictionary_rows_users_and_e_mails(tmp_path):
    def started(users=DEFAULT_USERS) -> SandboxServer:
        return SandboxServer(SandboxConfig(port=0, data_dir=tmp_path, users=users)).start()

    server = started()
    try:
        client = SandboxClient(server)
        column = client.table("sys_dictionary", sysparm_query="name=ast_contract^element=vendor_contract")
        assert len(column) == 1
        # make it look like a sandbox created before these columns and addresses existed
        assert client.delete(f"/api/now/table/sys_dictionary/{column[0]['sys_id']}").status_code == 204
        admin = "/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441"
        assert client.put(admin, json={"email": ""}).status_code == 200
    finally:
        server.stop()
    auditor = SandboxUser.parse("auditor:secret:itil+asset")
    server = started((*DEFAULT_USERS, auditor))
    try:
        client = SandboxClient(server)
        again = client.table("sys_dictionary", sysparm_query="name=ast_contract^element=vendor_contract")
        assert [c["sys_id"] for c in again] == [column[0]["sys_id"]]
        users = client.table(
            "sys_user", sysparm_query="user_nameINadmin,auditor", sysparm_fields="user_name,email,roles"
        )
        assert sorted((u["user_name"], u["email"], u["roles"]) for u in users) == [
            ("admin", "admin@example.com", "admin"),
            ("auditor", "auditor@example.com", "asset,itil"),
        ]
        assert len(client.table("sys_user")) == 5
    finally:
        server.stop()


def test_sys_id_in_with_150_ids_returns_exactly_those_records(sandbox):
    integration = sandbox.as_user("integration", "integration")
    items = [{"className": APP, "values": {"name": f"Bulk app {n:03d}"}} for n in range(160)]
    result = integration.ire(items)
    ids = [item["sysId"] for item in result["items"]]
    assert len(set(ids)) == 160 and all(len(i) == 32 for i in ids)
    wanted = ids[5:155]
    response = integration.get(
        f"/api/now/table/{APP}",
        params={
            "sysparm_query": "sys_idIN" + ",".join(wanted),
            "sysparm_fields": "sys_id,name,sys_mod_count,sys_updated_by,sys_updated_on",
        },
    )
    assert response.status_code == 200, response.text
    assert len(response.request.url) > 5000
    rows = response.json()["result"]
    assert response.headers["X-Total-Count"] == "150"
    assert sorted(r["sys_id"] for r in rows) == sorted(wanted)
    for row in rows:
        assert set(row) == {"sys_id", "name", "sys_mod_count", "sys_updated_by", "sys_updated_on"}
        assert row["sys_mod_count"] == "0" and row["sys_updated_by"] == "integration"
        assert len(row["sys_updated_on"]) == 19
    assert integration.table(APP, sysparm_query="sys_idNOT IN" + ",".join(ids) + "^nameSTARTSWITHBulk") == []
