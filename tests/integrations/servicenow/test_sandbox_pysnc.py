"""ServiceNow's own Python client, PySNC, run unchanged against the sandbox over HTTPS."""

import pytest
from pysnc import ServiceNowClient
from pysnc.exceptions import AuthenticationException, RequestException, RoleException


@pytest.fixture
def client_for(sandbox, monkeypatch):
    # PySNC sets `verify` on its session, which requests lets these variables override.
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)

    def make(user="admin", password="admin") -> ServiceNowClient:
        return ServiceNowClient(sandbox.url, (user, password), verify=str(sandbox.server.ca_path))

    return make


def test_encoded_queries_with_or_and_ordering(client_for):
    gr = client_for().GlideRecord("service_offering")
    gr.add_query("name", "STARTSWITH", "Database")
    gr.add_query("name", "STARTSWITH", "Application").add_or_condition("name", "STARTSWITH", "Backup")
    gr.order_by_desc("name")
    gr.query()
    assert [r.name for r in gr] == []  # AND of disjoint prefixes
    gr = client_for().GlideRecord("service_offering")
    gr.add_encoded_query("nameSTARTSWITHDatabase^ORnameSTARTSWITHBackup^ORDERBYDESCname")
    gr.query()
    names = [r.get_value("name") for r in gr]
    assert names == ["Database Services - Silver", "Database Services - Gold", "Backup & Recovery"]


def test_iterates_over_more_than_three_pages(client_for):
    gr = client_for().GlideRecord("cmdb_software_product_model", batch_size=7)
    gr.query()
    names = [r.get_value("name") for r in gr]
    assert len(names) == 30 and len(set(names)) == 30
    assert gr.get_row_count() == 30


def test_get_insert_update_delete(client_for):
    client = client_for("integration", "integration")
    gr = client.GlideRecord("cmdb_ci_business_app")
    gr.initialize()
    gr.name = "PySNC App"
    gr.short_description = "Created by PySNC"
    sys_id = gr.insert()
    assert sys_id and len(str(sys_id)) == 32
    fetched = client.GlideRecord("cmdb_ci_business_app")
    assert fetched.get(sys_id)
    assert fetched.get_value("short_description") == "Created by PySNC"
    fetched.short_description = "Updated by PySNC"
    fetched.update()
    again = client.GlideRecord("cmdb_ci_business_app")
    again.get(sys_id)
    assert again.get_value("short_description") == "Updated by PySNC"
    assert again.get_value("sys_mod_count") == "1"
    again.delete()
    assert not client.GlideRecord("cmdb_ci_business_app").get(sys_id)


def test_update_multiple_goes_through_the_batch_api(client_for, sandbox):
    client = client_for()
    gr = client.GlideRecord("service_offering")
    gr.add_query("name", "STARTSWITH", "Database")
    gr.query()
    for record in gr:
        record.short_description = "Batched"
    sandbox.post("/sandbox/stats/reset")
    gr.update_multiple()
    stats = sandbox.get("/sandbox/stats").json()
    assert stats["by_api"]["batch"] >= 1
    assert [
        r["short_description"]
        for r in sandbox.table("service_offering", sysparm_query="nameSTARTSWITHDatabase")
    ] == ["Batched", "Batched"]


def test_errors_map_to_pysnc_exceptions(client_for, sandbox):
    readonly = client_for("readonly", "readonly")
    gr = readonly.GlideRecord("cmdb_ci_business_app")
    gr.initialize()
    gr.name = "Not allowed"
    with pytest.raises(RoleException):
        gr.insert()
    gr = client_for().GlideRecord("cmdb_ci_business_app")
    assert gr.get("0" * 32) is False
    with pytest.raises(AuthenticationException):
        client_for("admin", "wrong").GlideRecord("incident").query()
    with pytest.raises(RequestException, match="Invalid table no_such_table"):
        client_for().GlideRecord("no_such_table").query()
