"""The sandbox's infrastructure CIs for subscribe: deletions audited in `sys_audit_delete`, class hierarchy
queries through a relationship's ends, relationships created through the Table API, the demo's machines
related to the demo portfolio's service instances when a publish creates them, and the bulk helper
benchmarks use."""

import pytest

from integrations.servicenow.sandbox.infrastructure import DEMO_MACHINES, add_related_servers
from integrations.servicenow.sandbox.seed import REL_TYPES

DEPENDS_ON = REL_TYPES["Depends on::Used by"]


def create(sandbox, table: str, **values) -> dict:
    response = sandbox.post(f"/api/now/table/{table}", json=values)
    assert response.status_code == 201, response.text
    return response.json()["result"]


def relations(sandbox, **params) -> list[dict]:
    return sandbox.table(
        "cmdb_rel_ci", sysparm_fields="parent,child,type", sysparm_exclude_reference_link="true", **params
    )


def test_a_table_api_delete_leaves_an_audit_row_readable_through_the_table_api(sandbox):
    server = create(sandbox, "cmdb_ci_linux_server", name="lnx-gone-01")
    instance = create(sandbox, "cmdb_ci_service_auto", name="Billing — Prod")
    create(sandbox, "cmdb_rel_ci", parent=instance["sys_id"], child=server["sys_id"], type=DEPENDS_ON)

    assert sandbox.delete(f"/api/now/table/cmdb_ci_server/{server['sys_id']}").status_code == 204

    rows = sandbox.table(
        "sys_audit_delete",
        sysparm_query="sys_created_on>=2000-01-01 00:00:00",
        sysparm_fields="tablename,documentkey,display_value,sys_created_on",
    )
    deleted = {(r["tablename"], r["documentkey"]) for r in rows}
    assert ("cmdb_ci_linux_server", server["sys_id"]) in deleted  # the actual class, read through a parent
    assert any(r["tablename"] == "cmdb_rel_ci" for r in rows)  # its relationship went with it
    (own,) = [r for r in rows if r["documentkey"] == server["sys_id"]]
    assert own["display_value"] == "lnx-gone-01" and own["sys_created_on"] >= server["sys_updated_on"]
    assert sandbox.table("sys_audit_delete", sysparm_query="sys_created_on>=2999-01-01 00:00:00") == []


def test_instanceof_tests_the_class_a_dot_walk_names(sandbox):
    instance = create(sandbox, "cmdb_ci_service_auto", name="Payroll — Prod")
    offering = sandbox.table("service_offering", sysparm_limit=1)[0]
    server = create(sandbox, "cmdb_ci_win_server", name="win-pay-01")
    computer = create(sandbox, "cmdb_ci_computer", name="pc-pay-01")
    for child in (server, computer, offering):
        create(sandbox, "cmdb_rel_ci", parent=instance["sys_id"], child=child["sys_id"], type=DEPENDS_ON)

    def children(query: str) -> set[str]:
        return {r["child"] for r in relations(sandbox, sysparm_query=query)}

    assert children("child.sys_class_nameINSTANCEOFcmdb_ci_computer") == {
        server["sys_id"],
        computer["sys_id"],
    }
    assert children("child.sys_class_nameINSTANCEOFcmdb_ci_server") == {server["sys_id"]}
    assert children(
        "parent.sys_class_nameINSTANCEOFcmdb_ci_service^child.sys_class_nameINSTANCEOFcmdb_ci_hardware"
    )
    servers = sandbox.table(
        "cmdb_ci", sysparm_query="sys_class_nameINSTANCEOFcmdb_ci_server", sysparm_fields="name"
    )
    assert [r["name"] for r in servers] == ["win-pay-01"]


def test_a_relationship_is_created_with_its_type_by_sys_id_or_by_name(sandbox):
    instance = create(sandbox, "cmdb_ci_service_auto", name="Fleet — Prod")
    server = create(sandbox, "cmdb_ci_server", name="srv-fleet-01", serial_number="SN-1")
    by_name = create(
        sandbox, "cmdb_rel_ci", parent=instance["sys_id"], child=server["sys_id"], type="Runs on::Runs"
    )
    assert by_name["type"]["value"] == REL_TYPES["Runs on::Runs"]
    refused = sandbox.post(
        "/api/now/table/cmdb_rel_ci",
        json={"parent": instance["sys_id"], "child": server["sys_id"], "type": "Nope"},
    )
    assert refused.status_code == 403 and "relationship type" in refused.json()["error"]["detail"]


def test_infrastructure_columns_and_references_read_back(sandbox):
    location = create(sandbox, "cmn_location", name="HQ Data Centre")
    model = create(sandbox, "cmdb_model", name="PowerEdge R650")
    server = create(
        sandbox,
        "cmdb_ci_linux_server",
        name="lnx-1",
        serial_number="DL1",
        os="Red Hat Enterprise Linux",
        os_version="9.4",
        location=location["sys_id"],
        model_id=model["sys_id"],
        virtual="true",
        install_status="7",
    )
    (row,) = sandbox.table(
        "cmdb_ci_computer",
        sysparm_query=f"sys_id={server['sys_id']}",
        sysparm_fields="os_version,location.name,model_id.name,virtual,install_status,sys_class_name",
    )
    assert row == {
        "os_version": "9.4",
        "location.name": "HQ Data Centre",
        "model_id.name": "PowerEdge R650",
        "virtual": "true",
        "install_status": "7",
        "sys_class_name": "cmdb_ci_linux_server",
    }


def test_without_the_demo_option_no_machines_are_seeded(sandbox):
    assert sandbox.table("cmdb_ci_computer") == []


def test_demo_machines_are_related_to_a_service_instance_of_their_name_once_it_is_created(make_sandbox):
    sandbox = make_sandbox(demo_machines=True)
    machines = sandbox.table("cmdb_ci_computer", sysparm_fields="name,serial_number,os,manufacturer.name")
    assert len(machines) == len(DEMO_MACHINES) and all(m["serial_number"] and m["os"] for m in machines)
    assert relations(sandbox) == []  # nothing to serve before the publish

    result = sandbox.ire(
        [{"className": "cmdb_ci_service_auto", "values": {"name": "Sage 300 — Prod"}}], source="ServiceNow"
    )
    instance = result["items"][0]["sysId"]
    served = {m.name for m in DEMO_MACHINES if "Sage 300 — Prod" in m.serves}
    related = relations(sandbox, sysparm_query=f"parent={instance}")
    names = {sandbox.get(f"/api/now/table/cmdb_ci/{r['child']}").json()["result"]["name"] for r in related}
    assert names == served and {r["type"] for r in related} == {DEPENDS_ON}
    other = create(sandbox, "cmdb_ci_service_auto", name="Unrelated — Prod")
    assert relations(sandbox, sysparm_query=f"parent={other['sys_id']}") == []


def test_demo_machines_relate_to_instances_there_already_and_are_seeded_once(make_sandbox, tmp_path):
    first = make_sandbox(data_dir=tmp_path)
    instance = create(first, "cmdb_ci_service_auto", name="LegalEdge — Prod")
    first.server.stop()
    again = make_sandbox(data_dir=tmp_path, demo_machines=True)
    related = relations(again, sysparm_query=f"parent={instance['sys_id']}")
    assert len(related) == sum("LegalEdge — Prod" in m.serves for m in DEMO_MACHINES)
    again.server.stop()
    third = make_sandbox(data_dir=tmp_path, demo_machines=True)
    assert len(third.table("cmdb_ci_computer")) == len(DEMO_MACHINES)
    assert len(relations(third, sysparm_query=f"parent={instance['sys_id']}")) == len(related)


def test_a_benchmark_adds_related_servers_straight_into_the_store(sandbox):
    one = create(sandbox, "cmdb_ci_service_auto", name="A — Prod")
    two = create(sandbox, "cmdb_ci_service_auto", name="B — Prod")
    ids = add_related_servers(sandbox.server.app.records, 5, parents=[one["sys_id"], two["sys_id"]])
    assert len(ids) == 5 == len(sandbox.table("cmdb_ci_server"))
    assert sorted(r["parent"] == one["sys_id"] for r in relations(sandbox)) == [
        False,
        False,
        True,
        True,
        True,
    ]
    with pytest.raises(ValueError, match="publish a portfolio first"):
        add_related_servers(sandbox.server.app.records, 1, parents=[])
