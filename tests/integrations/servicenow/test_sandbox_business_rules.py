"""Business rules kept as data (issue 20, behaviour 9): a `sys_script` before-rule whose condition matches
aborts a Table API write with the answer an instance gives; the hard-coded rules still run."""

import base64
import json

import pytest


def add_rule(sandbox, **fields):
    rule = {
        "name": "Reject EICAR",
        "collection": "problem",
        "active": True,
        "when": "before",
        "order": 100,
        "action_insert": True,
        "action_update": True,
        "abort_action": True,
        "add_message": True,
        "message": "rejected by the EICAR rule",
        "filter_condition": "short_descriptionLIKEEICAR^ORdescriptionLIKEEICAR^EQ",
        **fields,
    }
    response = sandbox.post("/api/now/table/sys_script", json=rule)
    assert response.status_code == 201, response.text
    return response.json()["result"]


def problem(sandbox, text):
    return sandbox.post("/api/now/table/problem", json={"short_description": text})


def test_a_matching_before_rule_aborts_an_insert_with_the_instance_answer(sandbox):
    rule = add_rule(sandbox)
    refused = problem(sandbox, "Unit test EICAR sample")
    assert refused.status_code == 403
    assert refused.json() == {
        "error": {
            "message": "Operation Failed",
            "detail": "Operation against file 'problem' was aborted by Business Rule "
            f"'Reject EICAR^{rule['sys_id']}'. Business Rule Stack:Reject EICAR",
        },
        "status": "failure",
    }
    assert sandbox.table("problem", sysparm_query="short_descriptionLIKEEICAR") == []
    assert problem(sandbox, "A harmless problem").status_code == 201


def test_a_rule_aborts_updates_too_and_the_record_stays_as_it_was(sandbox):
    add_rule(sandbox)
    created = problem(sandbox, "Disk full").json()["result"]
    path = f"/api/now/table/problem/{created['sys_id']}"
    refused = sandbox.patch(path, json={"description": "contains EICAR"})
    assert refused.status_code == 403 and refused.json()["error"]["message"] == "Operation Failed"
    assert sandbox.get(path).json()["result"]["description"] == ""
    assert sandbox.patch(path, json={"description": "cleaned"}).status_code == 200


def test_a_batch_of_updates_reports_the_aborted_ones(sandbox):
    """PySNC's update_multiple sends its PATCHes through the Batch API and expects the rule's 403s there."""
    add_rule(sandbox)
    ids = [problem(sandbox, f"Batch {n}").json()["result"]["sys_id"] for n in range(2)]
    bodies = [{"short_description": "fine"}, {"short_description": "EICAR"}]
    batch = {
        "batch_request_id": "1",
        "rest_requests": [
            {
                "id": str(n),
                "method": "PATCH",
                "url": f"/api/now/table/problem/{sys_id}",
                "headers": [{"name": "Content-Type", "value": "application/json"}],
                "body": base64.b64encode(json.dumps(body).encode()).decode(),
            }
            for n, (sys_id, body) in enumerate(zip(ids, bodies, strict=True))
        ],
    }
    served = sandbox.post("/api/now/v1/batch", json=batch).json()["serviced_requests"]
    assert [s["status_code"] for s in sorted(served, key=lambda s: s["id"])] == [200, 403]


@pytest.mark.parametrize(
    ("fields", "table"),
    [
        ({"active": False}, "problem"),
        ({"when": "after"}, "problem"),
        ({"action_insert": False}, "problem"),
        ({"abort_action": False}, "problem"),
        ({"filter_condition": "short_descriptionLIKEnothing-like-this"}, "problem"),
        ({}, "incident"),  # a rule on problem leaves other task tables alone
    ],
)
def test_a_rule_that_does_not_apply_lets_the_write_through(sandbox, fields, table):
    add_rule(sandbox, **fields)
    response = sandbox.post(f"/api/now/table/{table}", json={"short_description": "EICAR sample"})
    assert response.status_code == 201, response.text


def test_a_rule_on_a_parent_table_applies_to_its_children_and_deletes(sandbox):
    add_rule(sandbox, collection="task", action_insert=False, action_delete=True, filter_condition="")
    created = sandbox.post("/api/now/table/incident", json={"short_description": "Keep me"})
    assert created.status_code == 201
    path = f"/api/now/table/incident/{created.json()['result']['sys_id']}"
    assert sandbox.delete(path).status_code == 403
    assert sandbox.get(path).status_code == 200


def test_a_rule_sets_field_values_and_the_built_in_rules_still_run(sandbox):
    add_rule(sandbox, abort_action=False, template="description=screened by rule^EQ", filter_condition="")
    created = problem(sandbox, "Slow VPN").json()["result"]
    assert created["description"] == "screened by rule"
    assert created["number"].startswith("PRB")
    # the hard-coded rule of cmdb_rel_ci still refuses a relationship between non-CIs
    refused = sandbox.post("/api/now/table/cmdb_rel_ci", json={"parent": "x", "child": "y", "type": "z"})
    assert refused.status_code == 403
