"""The CMDB Instance API (issue 20, behaviour 11), as the Ansible collection's configuration_item_relations
module and its api_generic target use it: list, create, read with relations, update, relate, unrelate."""

import pytest

BASE = "/api/now/cmdb/instance/cmdb_ci_linux_server"
DEPENDS_ON = "1a9cb166f1571100a92eb60da2bce5c5"


def create(sandbox, name, **extra):
    response = sandbox.post(BASE, json={"attributes": {"name": name, **extra}, "source": "ServiceNow"})
    assert response.status_code == 200, response.text
    return response.json()["result"]


def test_a_created_ci_answers_its_attributes_and_empty_relations(sandbox):
    ci = create(sandbox, "linux99", os="Linux", owned_by="6816f79cc0a8016401c5a33be04be441")
    attributes = ci["attributes"]
    assert attributes["name"] == "linux99" and attributes["os"] == "Linux"
    assert attributes["sys_class_name"] == "cmdb_ci_linux_server"
    assert attributes["discovery_source"] == "ServiceNow"
    assert attributes["first_discovered"] == attributes["last_discovered"] != ""
    assert attributes["managed_by"] == ""
    admin = sandbox.get("/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441").json()["result"]
    assert attributes["owned_by"] == {
        "display_value": admin["name"],
        "link": f"{sandbox.url}/api/now/table/sys_user/6816f79cc0a8016401c5a33be04be441",
        "value": "6816f79cc0a8016401c5a33be04be441",
    }
    assert ci["outbound_relations"] == [] and ci["inbound_relations"] == []
    table_row = sandbox.get(f"/api/now/table/cmdb_ci_linux_server/{attributes['sys_id']}").json()["result"]
    assert table_row["name"] == "linux99"


def test_the_list_answers_sys_id_and_name_pairs_filtered_and_paged(sandbox):
    made = [create(sandbox, f"cilist{n}")["attributes"]["sys_id"] for n in range(3)]
    listed = sandbox.get(BASE, params={"sysparm_query": "nameSTARTSWITHcilist^ORDERBYname"}).json()["result"]
    assert listed == [{"sys_id": s, "name": f"cilist{n}"} for n, s in enumerate(made)]
    page = sandbox.get(
        BASE,
        params={"sysparm_query": "nameSTARTSWITHcilist^ORDERBYname", "sysparm_limit": 1, "sysparm_offset": 2},
    ).json()["result"]
    assert page == [{"sys_id": made[2], "name": "cilist2"}]
    assert sandbox.get(BASE, params={"sysparm_offset": 5000}).json()["result"] == []


def test_patch_and_put_change_attributes_and_leave_relations(sandbox):
    ci = create(sandbox, "linux-upd")["attributes"]
    path = f"{BASE}/{ci['sys_id']}"
    patched = sandbox.patch(path, json={"attributes": {"os_version": "9.4"}, "source": "ServiceNow"})
    assert patched.status_code == 200 and patched.json()["result"]["attributes"]["os_version"] == "9.4"
    put = sandbox.put(path, json={"attributes": {"ram": "2048"}, "source": "ServiceNow"})
    attributes = put.json()["result"]["attributes"]
    assert (
        attributes["ram"] == "2048"
        and attributes["os_version"] == "9.4"
        and attributes["sys_mod_count"] == "2"
    )


def test_relations_are_added_read_from_both_ends_and_deleted(sandbox):
    """The relations module's flow: read the parent, POST its new relations, DELETE one by its sys_id."""
    parent, first, second = (create(sandbox, f"rel{n}")["attributes"]["sys_id"] for n in range(3))
    added = sandbox.post(
        f"{BASE}/{parent}/relation",
        json={
            "source": "ServiceNow",
            "outbound_relations": [{"type": DEPENDS_ON, "target": first}],
            "inbound_relations": [{"type": DEPENDS_ON, "target": second}],
        },
    )
    assert added.status_code == 200, added.text
    result = added.json()["result"]
    [out] = result["outbound_relations"]
    assert out["type"] == {
        "display_value": "Depends on::Used by",
        "link": f"{sandbox.url}/api/now/table/cmdb_rel_type/{DEPENDS_ON}",
        "value": DEPENDS_ON,
    }
    assert out["target"] == {
        "display_value": "rel1",
        "link": f"{sandbox.url}/api/now/cmdb/instance/cmdb_ci/{first}",
        "value": first,
    }
    [inbound] = result["inbound_relations"]
    assert inbound["target"]["value"] == second
    # the relations are cmdb_rel_ci rows, and the other end sees them the other way round
    rel = sandbox.get(f"/api/now/table/cmdb_rel_ci/{out['sys_id']}").json()["result"]
    assert rel["parent"]["value"] == parent and rel["child"]["value"] == first
    seen_from_first = sandbox.get(f"/api/now/cmdb/instance/cmdb_ci_linux_server/{first}").json()["result"]
    assert [r["target"]["value"] for r in seen_from_first["inbound_relations"]] == [parent]
    deleted = sandbox.delete(f"{BASE}/{parent}/relation/{out['sys_id']}")
    assert deleted.status_code == 204 and deleted.content == b""
    after = sandbox.get(f"{BASE}/{parent}").json()["result"]
    assert after["outbound_relations"] == [] and len(after["inbound_relations"]) == 1


def test_a_ci_created_with_relations_has_them(sandbox):
    target = create(sandbox, "db01")["attributes"]["sys_id"]
    response = sandbox.post(
        BASE,
        json={
            "attributes": {"name": "app01"},
            "source": "ServiceNow",
            "outbound_relations": [{"type": "Depends on::Used by", "target": target}],
        },
    )
    assert [r["target"]["display_value"] for r in response.json()["result"]["outbound_relations"]] == ["db01"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("get", f"{BASE}/0123456789abcdef0123456789abcdef", None, 404),
        ("get", "/api/now/cmdb/instance/sys_user", None, 400),
        ("delete", BASE, None, 405),
        ("post", BASE, [1, 2], 400),
        ("post", f"{BASE}/0123456789abcdef0123456789abcdef/relation", {"outbound_relations": []}, 404),
    ],
)
def test_bad_requests_get_the_error_envelope(sandbox, method, path, body, status):
    response = (
        getattr(sandbox, method)(path, json=body) if body is not None else getattr(sandbox, method)(path)
    )
    assert response.status_code == status
    assert response.json()["status"] == "failure" and response.json()["error"]["message"]


def test_a_relation_to_something_that_is_no_ci_is_refused_and_nothing_is_written(sandbox):
    parent = create(sandbox, "lonely")["attributes"]["sys_id"]
    refused = sandbox.post(
        f"{BASE}/{parent}/relation",
        json={"outbound_relations": [{"type": DEPENDS_ON, "target": "6816f79cc0a8016401c5a33be04be441"}]},
    )
    assert refused.status_code == 403
    assert sandbox.get(f"{BASE}/{parent}").json()["result"]["outbound_relations"] == []
