"""Bad input gets Halo's error shapes (halo_glpi.md §2.7) and nothing half-written."""

import json

import pytest

from integrations.haloitsm.sandbox import HaloSandbox, SandboxSettings
from integrations.haloitsm.sandbox.errors import HaloError
from integrations.haloitsm.sandbox.resources import RESOURCES
from integrations.haloitsm.sandbox.validation import check_types


def test_a_wrong_json_type_answers_with_the_model_state_of_every_bad_field(halo_client, halo_api):
    response = halo_client.post(
        "/api/Asset",
        json=[{"assettype_id": "Server", "inactive": "no"}, {"assettype_id": 1, "fields": {}}],
        headers=halo_api.headers(),
    )

    assert response.status_code == 400
    assert response.json == {
        "[0].assettype_id": [
            "The JSON value could not be converted to System.Int32. Path: $[0].assettype_id"
        ],
        "[0].inactive": ["The JSON value could not be converted to System.Boolean. Path: $[0].inactive"],
        "[1].fields": [
            "The JSON value could not be converted to System.Collections.Generic.List. Path: $[1].fields"
        ],
    }


@pytest.mark.parametrize(
    ("path", "record", "message"),
    [
        ("/api/Asset", {"inventory_number": "X"}, "Please select a valid Asset Type"),
        ("/api/Asset", {"assettype_id": 99}, "Please select a valid Asset Type"),
        ("/api/Asset", {"assettype_id": 1, "site_id": 99}, "Please select a valid Site"),
        ("/api/Asset", {"assettype_id": 1, "services": [{"id": 99}]}, "Please select a valid Service"),
        ("/api/Asset", {"assettype_id": 1, "child_assets": [{"id": 999}]}, "Please select a valid Asset"),
        ("/api/Service", {"summary": "no name"}, "Please enter a value for name"),
        ("/api/ClientContract", {"ref": "C-1"}, "Please select a valid Customer"),
        ("/api/Actions", {"note": "orphan"}, "Please select a valid Ticket"),
        ("/api/Webhook", {"name": "x", "url": "ftp://example.org"}, "Please enter a valid Payload URL"),
        ("/api/Tickets", {"summary": "x", "assets": [{"id": 999}]}, "Please select a valid Asset"),
    ],
)
def test_business_rules_answer_400_with_a_message(halo_api, path, record, message):
    response = halo_api.post(path, [record])

    assert response.status_code == 400
    assert response.json == message


def test_a_batch_with_one_bad_record_writes_nothing(halo_api, halo_sandbox):
    before = halo_sandbox.store.dump()

    response = halo_api.post(
        "/api/Asset",
        [
            {"assettype_id": 1, "inventory_number": "NEW-1"},
            {"id": 1, "key_field": "renamed"},
            {"assettype_id": 77},
        ],
    )

    assert response.status_code == 400
    assert halo_sandbox.store.dump() == before


def test_nul_bytes_are_stripped_from_text(halo_api):
    created = halo_api.post("/api/Supplier", [{"name": "Nul\x00Corp", "notes": "a\x00b"}]).json

    assert (created["name"], created["notes"]) == ("NulCorp", "ab")


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"[{", "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b"[" * 100_000, "application/json", 400),
        (b'"text"', "application/json", 400),
        (b"[]", "application/json", 400),
        (b'[{"name": "x"}]', "text/plain", 415),
        (b'[{"name": "x"}]', "application/x-www-form-urlencoded", 415),
    ],
)
def test_malformed_bodies_are_refused(halo_client, halo_api, halo_sandbox, body, content_type, status):
    before = halo_sandbox.store.counts()

    response = halo_client.post(
        "/api/Supplier", data=body, content_type=content_type, headers=halo_api.headers()
    )

    assert response.status_code == status
    assert response.is_json
    assert halo_sandbox.store.counts() == before


def test_a_body_over_the_limit_is_refused_before_it_is_read(halo_api):
    sandbox = HaloSandbox(SandboxSettings(rate_limit=None, max_body=100))
    api = type(halo_api)(sandbox)
    body = json.dumps([{"name": "x" * 200}]).encode()

    response = api.client.post(
        "/api/Supplier", data=body, content_type="application/json", headers=api.headers()
    )

    assert response.status_code == 413
    assert response.json == "The request body is larger than 100 bytes"
    assert sandbox.store.counts()["supplier"] == 5


def test_numbers_outside_int32_are_type_errors():
    with pytest.raises(HaloError) as raised:
        check_types(RESOURCES["asset"], [{"assettype_id": 2**31}])

    assert raised.value.status == 400
    assert "[0].assettype_id" in raised.value.body


def test_bad_query_parameters_are_model_state_errors(halo_client, halo_api):
    response = halo_client.get("/api/Asset?pageinate=maybe", headers=halo_api.headers())

    assert response.status_code == 400
    assert response.json == {"pageinate": ["The value 'maybe' is not valid."]}


def test_other_methods_are_405(halo_client, halo_api):
    assert halo_client.put("/api/Asset/1", json={}, headers=halo_api.headers()).status_code == 405
    assert halo_client.get("/auth/token").status_code == 405
