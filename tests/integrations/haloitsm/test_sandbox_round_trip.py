"""What the sandbox answers fits Halo's own request schemas, so reading a record and posting it back
(as a sync does) is a valid Halo request; and no input makes the sandbox fail with a 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrations.haloitsm.sandbox import HaloSandbox, SandboxSettings
from integrations.haloitsm.sandbox.resources import RESOURCES

from .conftest import HaloApi


@pytest.mark.parametrize("resource", [r.name for r in RESOURCES.values()])
def test_a_record_read_back_posts_unchanged(halo_api, resource):
    if resource in ("Tickets", "Actions", "Webhook"):
        ticket = halo_api.post("/api/Tickets", [{"summary": "Round trip", "assets": [{"id": 1}]}]).json
        halo_api.post("/api/Actions", [{"ticket_id": ticket["id"], "note": "n"}])
        halo_api.post("/api/Webhook", [{"name": "w", "url": "https://example.org", "basic_password": "x"}])
    listed = (
        halo_api.get(f"/api/{resource}", ticket_id=1)
        if resource == "Actions"
        else halo_api.get(f"/api/{resource}")
    )
    rows = listed.json if isinstance(listed.json, list) else listed.json[RESOURCES[resource.lower()].list_key]
    record = halo_api.get(f"/api/{resource}/{rows[0]['id']}").json

    response = halo_api.post(f"/api/{resource}", [record])

    assert response.status_code == 201
    assert {k: v for k, v in response.json.items() if k != "last_modified"} == {
        k: v for k, v in record.items() if k != "last_modified"
    }


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=15), children, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = st.sampled_from(
    ["id", "assettype_id", "inventory_number", "site_id", "fields", "services", "inactive", "x"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    resource=st.sampled_from([r.name for r in RESOURCES.values()]),
    body=st.lists(st.dictionaries(FIELDS, JSON, max_size=5), max_size=3) | JSON,
)
def test_no_body_makes_the_sandbox_fail(resource, body):
    api = HaloApi(HaloSandbox(SandboxSettings(rate_limit=None)))

    response = api.client.post(
        f"/api/{resource}", data=json.dumps(body), content_type="application/json", headers=api.headers()
    )

    assert response.status_code in (201, 400)
    assert response.is_json


PARAMS = st.sampled_from(
    [
        "pageinate",
        "page_size",
        "page_no",
        "count",
        "search",
        "order",
        "orderdesc",
        "includeinactive",
        "assettype_id",
        "inventory_number",
        "assettypes",
        "assetgroup_id",
        "service_ids",
        "search_inventory_number_only",
        "domain",
        "ticket_id",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    resource=st.sampled_from([r.name for r in RESOURCES.values()]),
    params=st.dictionaries(PARAMS, st.text(max_size=12) | st.integers().map(str), max_size=5),
)
def test_no_query_makes_the_sandbox_fail(resource, params):
    api = HaloApi(HaloSandbox(SandboxSettings(rate_limit=None)))

    response = api.client.get(f"/api/{resource}", query_string=params, headers=api.headers())

    assert response.status_code in (200, 400)
    assert response.is_json
