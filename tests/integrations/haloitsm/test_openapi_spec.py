"""The OpenAPI check itself: it must fail on what Halo's document forbids, or it proves nothing."""

import json

import pytest

from .openapi_spec import check_request, spec_path

TOKEN = {"Authorization": "Bearer anything"}


def post(path: str, payload) -> None:
    body = json.dumps(payload).encode()
    check_request(
        "POST", f"https://demo.haloitsm.com{path}", body=body, content_type="application/json", headers=TOKEN
    )


def test_a_valid_upsert_and_a_paged_search_pass():
    post("/api/Asset", [{"assettype_id": 1, "inventory_number": "APP-0001", "key_field": "LegalEdge"}])
    check_request(
        "GET", "https://demo.haloitsm.com/api/asset?pageinate=true&page_size=50&search=x", headers=TOKEN
    )


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ({"assettype_id": 1}, "is not of type 'array'"),
        ([{"assettype_id": "Server"}], "'Server' is not of type 'integer'"),
        ([{"name": "LegalEdge"}], "'name' was unexpected"),
    ],
)
def test_payloads_halo_would_reject_fail(payload, reason):
    with pytest.raises(AssertionError, match=reason):
        post("/api/Asset", payload)


def test_bad_query_parameters_fail():
    with pytest.raises(AssertionError, match="page_size"):
        check_request("GET", "https://demo.haloitsm.com/api/Asset?page_size=all", headers=TOKEN)


def test_a_request_without_a_bearer_token_fails():
    with pytest.raises(AssertionError, match="Security"):
        check_request("GET", "https://demo.haloitsm.com/api/Asset")


def test_paths_and_operations_outside_the_document_fail():
    assert spec_path("/api/asset/12") == "/api/Asset/12"
    assert spec_path("/api/Asset/12/extra") is None
    with pytest.raises(AssertionError, match="no such path"):
        check_request("GET", "https://demo.haloitsm.com/api/Asset/12/extra", headers=TOKEN)
    with pytest.raises(AssertionError, match="Operation post not found"):
        check_request(
            "POST",
            "https://demo.haloitsm.com/api/Asset/12",
            body=b"{}",
            content_type="application/json",
            headers=TOKEN,
        )
