"""Halo's resource conventions in the sandbox (halo_glpi.md §2): case-insensitive paths, list
envelopes, paging, search, single GETs, upserts by id and deletes. Every request these tests send
through `halo_api` is also checked against Halo's OpenAPI document."""

import pytest

ENVELOPES = {
    "Asset": "assets",
    "Service": "services",
    "Supplier": "suppliers",
    "ClientContract": "contracts",
    "Client": "clients",
    "Site": "sites",
    "Users": "users",
    "Tickets": "tickets",
}


@pytest.mark.parametrize(("path", "key"), ENVELOPES.items())
def test_lists_come_in_an_envelope_with_the_total(halo_api, halo_sandbox, path, key):
    body = halo_api.get(f"/api/{path}").json

    assert set(body) == {"record_count", key}
    assert body["record_count"] == len(body[key]) == halo_sandbox.store.counts()[path.lower()]


@pytest.mark.parametrize("path", ["AssetType", "AssetGroup", "Status", "Webhook"])
def test_lookups_are_bare_arrays(halo_api, path):
    assert isinstance(halo_api.get(f"/api/{path}").json, list)


def test_actions_come_in_an_envelope_per_ticket(halo_api):
    ticket = halo_api.post("/api/Tickets", [{"summary": "Printer on fire"}]).json
    halo_api.post("/api/Actions", [{"ticket_id": ticket["id"], "outcome": "Note", "note": "Water"}])

    body = halo_api.get("/api/Actions", ticket_id=ticket["id"]).json

    assert body["record_count"] == 1
    assert body["actions"][0]["note"] == "Water"


def test_paths_ignore_case(halo_api):
    upper = halo_api.client.get("/api/ASSET/1", headers=halo_api.headers())
    lower = halo_api.get("/api/asset/1")

    assert upper.status_code == lower.status_code == 200
    assert upper.json == lower.json


def test_paging_counts_every_match_and_runs_dry_after_the_last_page(halo_api):
    first = halo_api.get("/api/Asset", pageinate="true", page_size=4, page_no=1).json
    third = halo_api.get("/api/Asset", pageinate="true", page_size=4, page_no=3).json
    past = halo_api.get("/api/Asset", pageinate="true", page_size=4, page_no=4).json

    assert first["record_count"] == third["record_count"] == past["record_count"] == 9
    assert (first["page_no"], first["page_size"], len(first["assets"])) == (1, 4, 4)
    assert len(third["assets"]) == 1
    assert past["assets"] == []


def test_python_style_booleans_are_understood(halo_api):
    response = halo_api.client.get("/api/Asset?pageinate=True&page_size=2", headers=halo_api.headers())

    assert len(response.json["assets"]) == 2


def test_count_caps_rows_without_paging(halo_api):
    body = halo_api.get("/api/Supplier", count=2).json

    assert body["record_count"] == 5
    assert [s["name"] for s in body["suppliers"]] == ["Microsoft", "Oracle"]


def test_search_filters_and_the_asset_type_filter(halo_api):
    servers = halo_api.get("/api/Asset", assettype_id=1).json["assets"]
    found = halo_api.get("/api/Asset", search="SRV-DB").json["assets"]
    service = halo_api.get("/api/Service", search="database").json["services"]

    assert len(servers) == 6 and all(a["assettype_name"] == "Server" for a in servers)
    assert [a["key_field"] for a in found] == ["srv-db-01", "srv-db-02"]
    assert [s["name"] for s in service] == ["Database Services"]


def test_inventory_number_lookup_is_exact(halo_api):
    exact = halo_api.get("/api/Asset", inventory_number="srv-0001").json["assets"]
    only = halo_api.get("/api/Asset", search="tableau", search_inventory_number_only="true").json

    assert [a["key_field"] for a in exact] == ["srv-db-01"]
    assert only["assets"] == []


def test_inactive_records_are_listed_only_when_asked(halo_api):
    halo_api.post("/api/Asset", [{"id": 1, "inactive": True}])

    default = halo_api.get("/api/Asset").json
    everything = halo_api.get("/api/Asset", includeinactive="true").json

    assert 1 not in [a["id"] for a in default["assets"]]
    assert everything["record_count"] == default["record_count"] + 1


def test_order_and_orderdesc(halo_api):
    names = [
        s["name"] for s in halo_api.get("/api/Supplier", order="name", orderdesc="true").json["suppliers"]
    ]

    assert names == sorted(names, key=str.lower, reverse=True)


def test_get_one_returns_the_bare_record_with_its_labels(halo_api):
    asset = halo_api.get("/api/Asset/1").json

    assert asset["id"] == 1 and asset["inventory_number"] == "SRV-0001"
    assert (asset["assettype_name"], asset["site_name"], asset["status_name"]) == (
        "Server",
        "Head Office",
        "Active",
    )


@pytest.mark.parametrize("path", ["/api/Asset/999", "/api/Asset/abc", "/api/Nothing", "/elsewhere"])
def test_missing_things_are_404(halo_api, path):
    assert halo_api.client.get(path, headers=halo_api.headers()).status_code == 404


def test_posting_an_array_creates_records_without_an_id_and_updates_those_with_one(halo_api):
    response = halo_api.post(
        "/api/Asset",
        [
            {"assettype_id": 4, "inventory_number": "APP-0001", "key_field": "LegalEdge"},
            {"id": 0, "assettype_id": 4, "inventory_number": "APP-0002", "key_field": "Sage 300"},
            {"id": 2, "key_field2": "PowerEdge R760"},
        ],
    )

    assert response.status_code == 201
    created_a, created_b, updated = response.json
    assert created_a["id"] == 10 and created_b["id"] == 11
    assert (
        updated["id"] == 2
        and updated["key_field"] == "srv-db-02"
        and updated["key_field2"] == "PowerEdge R760"
    )
    assert halo_api.get("/api/Asset/11").json["inventory_number"] == "APP-0002"


def test_one_record_is_answered_with_an_object(halo_api):
    created = halo_api.post("/api/Supplier", [{"name": "Atlassian"}])

    assert created.status_code == 201 and created.json["name"] == "Atlassian"


def test_a_bare_object_and_post_to_the_id_as_haloitsm_python_sends_them(halo_api):
    created = halo_api.client.post(
        "/api/Supplier", json={"name": "Atlassian"}, headers=halo_api.headers()
    ).json
    updated = halo_api.client.post(
        f"/api/Supplier/{created['id']}",
        json={"website": "https://atlassian.com"},
        headers=halo_api.headers(),
    ).json

    assert created["name"] == "Atlassian"
    assert updated == {
        **created,
        "website": "https://atlassian.com",
        "last_modified": updated["last_modified"],
    }


def test_updating_an_id_that_does_not_exist_is_refused(halo_api):
    response = halo_api.post("/api/Service", [{"id": 404, "name": "Ghost"}])

    assert response.status_code == 400
    assert response.json == "Service 404 does not exist"


def test_delete_answers_with_the_deleted_record(halo_api):
    response = halo_api.delete("/api/Service/5")

    assert response.status_code == 200 and response.json["name"] == "Printing"
    assert halo_api.get("/api/Service/5").status_code == 404
    assert halo_api.delete("/api/Service/5").status_code == 404


def test_a_record_in_use_cannot_be_deleted(halo_api):
    response = halo_api.delete("/api/AssetType/1")

    assert response.status_code == 400
    assert response.json == "This record is in use by a Asset and cannot be deleted"
    assert halo_api.get("/api/AssetType").json[0]["name"] == "Server"


def test_deleting_a_ticket_takes_its_actions(halo_api, halo_sandbox):
    ticket = halo_api.post("/api/Tickets", [{"summary": "Disk full"}]).json
    halo_api.post("/api/Actions", [{"ticket_id": ticket["id"], "note": "Cleaned up"}])

    assert halo_api.delete(f"/api/Tickets/{ticket['id']}").status_code == 200
    assert halo_sandbox.store.counts()["actions"] == 0


def test_webhooks_have_guid_ids(halo_api):
    hook = halo_api.post("/api/Webhook", [{"name": "Bridge", "url": "https://example.org/hook"}]).json

    assert len(hook["id"]) == 36
    assert halo_api.get(f"/api/Webhook/{hook['id']}").json["url"] == "https://example.org/hook"
