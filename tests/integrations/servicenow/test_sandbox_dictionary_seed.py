"""The dictionary as data (issue 20, behaviour 5): `sys_db_object` and `sys_dictionary` rows, from a seed
file or the Table API, add tables and columns, which later writes and reads honour and a restart keeps."""

import json
from pathlib import Path

import pytest
import requests

from integrations.servicenow.sandbox import dictionary
from integrations.servicenow.sandbox.config import SandboxConfig
from integrations.servicenow.sandbox.server import SandboxServer

ADMIN = "6816f79cc0a8016401c5a33be04be441"
ADMIN_ROLE = "2831a114c611228501d4ea6c309d626d"
STOCK = Path(dictionary.__file__).parent / "seeds" / "stock.json"
SEED = {
    "sys_db_object": [
        {"name": "u_asset_tracker", "label": "Asset tracker", "super_class": "cmdb_ci_hardware"}
    ],
    "sys_dictionary": [
        {"name": "u_asset_tracker", "element": "u_tracker_id", "internal_type": "string"},
        {
            "name": "u_asset_tracker",
            "element": "u_keeper",
            "internal_type": "reference",
            "reference": "sys_user",
        },
        {
            "name": "u_asset_tracker",
            "element": "u_grade",
            "internal_type": "integer",
            "choice": "1",
            "default_value": "2",
        },
        {"name": "cmdb_ci", "element": "u_cost_code", "internal_type": "string"},
    ],
    "sys_choice": [
        {"name": "u_asset_tracker", "element": "u_grade", "value": "1", "label": "Gold"},
        {"name": "u_asset_tracker", "element": "u_grade", "value": "2", "label": "Silver"},
    ],
    "u_asset_tracker": [
        {"name": "tracker-1", "u_tracker_id": "T1", "u_keeper": ADMIN, "serial_number": "SN1", "u_junk": "x"}
    ],
}


@pytest.fixture(autouse=True)
def built_in_dictionary():
    """Tables and columns these tests add are forgotten afterwards (the registry is per process)."""
    tables = {name: (table, dict(table.columns)) for name, table in dictionary.TABLES.items()}
    extended = set(dictionary.EXTENDED)
    yield
    forget(tables, extended)


def forget(tables, extended) -> None:
    dictionary.TABLES.clear()
    for name, (table, columns) in tables.items():
        table.columns.clear()
        table.columns.update(columns)
        dictionary.TABLES[name] = table
    dictionary.EXTENDED.clear()
    dictionary.EXTENDED.update(extended)
    dictionary.descendants.cache_clear()


def test_a_seed_file_adds_a_table_its_columns_and_a_column_of_a_built_in_table(make_sandbox, tmp_path):
    seed = tmp_path / "columns.json"
    seed.write_text(json.dumps(SEED))
    sandbox = make_sandbox(seed_files=[seed])
    row = sandbox.table("u_asset_tracker", sysparm_display_value="all")[0]
    assert row["u_tracker_id"]["value"] == "T1" and row["serial_number"]["value"] == "SN1"
    assert row["u_keeper"]["display_value"] == "Admin User" and "u_junk" not in row
    assert row["u_grade"] == {"display_value": "Silver", "value": "2"}
    assert row["sys_class_name"]["value"] == "u_asset_tracker"
    through_parent = sandbox.table(
        "cmdb_ci_hardware", sysparm_query="serial_number=SN1", sysparm_fields="name"
    )
    assert through_parent == [{"name": "tracker-1"}]
    table_row = sandbox.table("sys_db_object", sysparm_query="name=u_asset_tracker")[0]
    hardware = sandbox.table("sys_db_object", sysparm_query="name=cmdb_ci_hardware")[0]
    assert table_row["super_class"]["value"] == hardware["sys_id"]
    app = sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "Coded", "u_cost_code": "CC-7"})
    assert app.json()["result"]["u_cost_code"] == "CC-7"


def test_a_dictionary_row_written_through_the_table_api_adds_a_column(sandbox):
    before = sandbox.post("/api/now/table/incident", json={"u_vendor_ticket": "V-1"}).json()["result"]
    assert "u_vendor_ticket" not in before
    entry = sandbox.post(
        "/api/now/table/sys_dictionary",
        json={"name": "incident", "element": "u_vendor_ticket", "internal_type": "string"},
    )
    assert entry.status_code == 201
    after = sandbox.post("/api/now/table/incident", json={"u_vendor_ticket": "V-2"}).json()["result"]
    assert after["u_vendor_ticket"] == "V-2"
    assert sandbox.table("incident", sysparm_query="u_vendor_ticket=V-2", sysparm_fields="sys_id") == [
        {"sys_id": after["sys_id"]}
    ]


def test_seeded_tables_and_columns_survive_a_restart(tmp_path):
    seed = tmp_path / "columns.json"
    seed.write_text(json.dumps(SEED))
    built_in = {name: (table, dict(table.columns)) for name, table in dictionary.TABLES.items()}
    first = SandboxServer(SandboxConfig(port=0, data_dir=tmp_path / "data", seed_files=[seed])).start()
    first.stop()
    forget(built_in, set())  # a new process: only the stored rows know the added table
    assert not dictionary.known("u_asset_tracker")
    second = SandboxServer(SandboxConfig(port=0, data_dir=tmp_path / "data")).start()
    try:
        created = requests.post(
            second.url + "/api/now/table/u_asset_tracker",
            json={"name": "tracker-2", "u_tracker_id": "T2", "u_junk": "x"},
            auth=("admin", "admin"),
            verify=str(second.ca_path),
            timeout=10,
        ).json()["result"]
    finally:
        second.stop()
    assert created["u_tracker_id"] == "T2" and created["u_grade"] == "2" and "u_junk" not in created


def test_the_stock_seed_holds_what_a_developer_instance_has(make_sandbox):
    sandbox = make_sandbox(seed_files=[STOCK])
    admin = sandbox.get(
        f"/api/now/table/sys_user/{ADMIN}",
        params={
            "sysparm_fields": "name,email,department,department.name,department.dept_head.email,user_password",
            "sysparm_display_value": "all",
        },
    ).json()["result"]
    assert admin["name"]["value"] == "System Administrator" and admin["email"]["value"] == "admin@example.com"
    assert admin["department.name"]["value"] == "Finance"
    assert admin["department.dept_head.email"]["value"] == "natasha.ingram@example.com"
    assert admin["user_password"]["display_value"] == "********"
    assert sandbox.table("sys_user", user_name="admin")[0]["time_zone"] == "America/Los_Angeles"  # a PDI's
    tables = sandbox.table("sys_db_object", sysparm_query="name=alm_asset^ORname=bsm_chart")
    assert len(tables) == 2
    assert sandbox.get("/api/now/table/alm_asset").status_code == 200  # a table, if an empty one
    assert len(sandbox.table("problem", sysparm_query="numberSTARTSWITHPRB00000")) >= 9  # PySNC pages by 3
    assert len(sandbox.table("incident", sysparm_query="numberSTARTSWITHINC000000")) >= 4
    assert sandbox.table("sys_user", sysparm_query="user_name=problem.admin")
    version = sandbox.table("std_change_producer_version", name="Clear BGP sessions on a Cisco router - 1")[0]
    change = sandbox.post(
        "/api/now/table/change_request",
        json={"type": "standard", "std_change_producer_version": version["sys_id"]},
        params={"sysparm_display_value": "true"},
    ).json()["result"]
    assert change["short_description"] == "Clear BGP sessions on a Cisco router"
    assert change["assignment_group"]["display_value"] == "network"
    admins = sandbox.table("sys_user_has_role", role=ADMIN_ROLE)
    assert 10 < len({row["user"]["value"] for row in admins}) < 25
