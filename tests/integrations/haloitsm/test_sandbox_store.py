"""The store saves and loads as JSON (for the shared core's persistence), and the demo instance
collides with the demo portfolio where the product must match rather than duplicate."""

import json

import pytest

from catalog.demo import PRODUCTS, SERVICE_NAMES, SUPPLIERS
from integrations.haloitsm.sandbox import HaloSandbox, HaloStore, SandboxSettings

from .conftest import HaloApi


def test_a_saved_store_loads_back_identical_and_keeps_numbering(halo_api, halo_sandbox):
    halo_api.post("/api/Supplier", [{"name": "Atlassian"}])
    saved = json.loads(json.dumps(halo_sandbox.store.dump()))

    restored = HaloApi(HaloSandbox(SandboxSettings(rate_limit=None), store=HaloStore.load(saved)))

    assert restored.sandbox.store.dump() == halo_sandbox.store.dump()
    assert restored.post("/api/Supplier", [{"name": "Zoom"}]).json["id"] == 7


def test_only_an_empty_store_gets_the_demo_data():
    store = HaloStore()
    store.put("supplier", {"id": 1, "name": "Kept"})

    assert HaloSandbox(SandboxSettings(), store=store).store.counts()["asset"] == 0
    assert sum(HaloSandbox(SandboxSettings(seed=False)).store.counts().values()) == 0
    assert HaloSandbox(SandboxSettings()).store.counts()["asset"] == 9


@pytest.mark.parametrize("data", [{}, [], {"format": 99}, "text"])
def test_something_else_is_not_loaded(data):
    with pytest.raises(ValueError, match="unknown format"):
        HaloStore.load(data)


def test_demo_asset_types_leave_work_for_the_setup_step(halo_api):
    names = {t["name"] for t in halo_api.get("/api/AssetType").json}

    assert {"Server", "Workstation", "Software"} <= names
    assert not names & {"Business application", "Application instance"}


def test_demo_names_collide_with_the_demo_portfolio(halo_api):
    services = {s["name"] for s in halo_api.get("/api/Service").json["services"]}
    suppliers = {s["name"] for s in halo_api.get("/api/Supplier").json["suppliers"]}
    software = {a["key_field"] for a in halo_api.get("/api/Asset", assettype_id=4).json["assets"]}

    assert len(services & {name for name, _ in SERVICE_NAMES}) == 4
    assert "Printing" in services
    assert {"Microsoft", "Oracle", "Red Hat"} <= suppliers & set(SUPPLIERS)
    assert software <= {name for name, _, _ in PRODUCTS}


def test_demo_servers_carry_what_subscribe_pulls(halo_api):
    servers = halo_api.get("/api/Asset", assettype_id=1, pageinate="true", page_size=50).json["assets"]

    assert len(servers) == 6
    fields = {f["name"]: f["value"] for f in servers[0]["fields"]}
    assert fields == {
        "Hostname": "srv-db-01",
        "Model": "PowerEdge R750",
        "Serial Number": "DL7Q2K3",
        "Manufacturer": "Dell",
        "Operating System": "Red Hat Enterprise Linux",
        "OS Version": "9.3",
        "OS Licence": "",
    }
    assert servers[0]["warranty_end"].startswith("2027-03-31")
    assert servers[0]["supplier_name"] == "Dell Technologies"


def test_demo_has_a_client_a_site_and_statuses(halo_api):
    assert [c["name"] for c in halo_api.get("/api/Client").json["clients"]] == ["Demo Organisation"]
    assert halo_api.get("/api/Site").json["sites"][0]["client_name"] == "Demo Organisation"
    statuses = halo_api.get("/api/Status", domain="assets").json
    assert [s["name"] for s in statuses] == ["Active", "In Repair", "Retired"]
