"""Pipeline tokens in the API: hashed, revocable, bound to a namespace and a scope, rate-limited, and
never written anywhere in clear."""

import hashlib

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from pipelines.models import ChangeCall, PipelineRequest, Scope
from pipelines.tokens import create_token, revoke_token
from tests.pipelines.conftest import API, api_client, new_change

pytestmark = pytest.mark.django_db


def test_a_token_is_stored_as_the_hash_of_its_secret(namespace):
    made = create_token(namespace, "ci")
    assert made.secret.startswith("pbt_") and len(made.secret) > 40
    assert made.token.key_hash == hashlib.sha256(made.secret.encode()).hexdigest()
    assert made.token.prefix == made.secret[:12] and made.secret not in str(made.token.__dict__)


def test_no_token_an_unknown_one_or_a_revoked_one_is_a_401_with_the_reason(namespace, token, deployment):
    anonymous = api_client("").get(f"{API}/changes/CHG0000001/")
    assert anonymous.status_code == 401 and "Bearer" in anonymous.json()["detail"]
    assert anonymous["WWW-Authenticate"].startswith("Bearer")
    unknown = api_client("pbt_" + "x" * 43).get(f"{API}/changes/CHG0000001/")
    assert unknown.status_code == 401 and unknown.json()["detail"] == "Unknown pipeline token."
    assert new_change(api_client(token.secret), deployment).status_code == 201
    revoke_token(namespace, "deploy")
    revoked = new_change(api_client(token.secret), deployment)
    assert revoked.status_code == 401 and "revoked" in revoked.json()["detail"]


def test_another_namespaces_token_sees_nothing_here(api, deployment, other_namespace):
    number = new_change(api, deployment).json()["number"]
    stranger = api_client(create_token(other_namespace, "deploy").secret)
    assert stranger.get(f"{API}/changes/{number}/").status_code == 404
    assert stranger.post(f"{API}/changes/{number}/implement/").status_code == 404
    refused = new_change(stranger, deployment, connection="snow")
    assert refused.status_code == 400 and "connection" in refused.json()["errors"]


def test_a_changes_token_sees_only_its_own_and_read_all_reads_every_one(namespace, api, deployment):
    number = new_change(api, deployment).json()["number"]
    sibling = api_client(create_token(namespace, "other").secret)
    assert sibling.get(f"{API}/changes/{number}/").status_code == 404
    reader = api_client(create_token(namespace, "auditor", Scope.CHANGES_READ_ALL).secret)
    assert reader.get(f"{API}/changes/{number}/").json()["number"] == number
    refused = reader.post(f"{API}/changes/{number}/notes/", {"text": "hi"}, format="json")
    assert refused.status_code == 403 and "only the change requests it created" in refused.json()["detail"]


def test_requests_past_the_rate_are_429_with_retry_after(api, settings):
    settings.PIPELINE_RATE = "3/min"
    codes = [api.get(f"{API}/changes/CHG0000001/").status_code for _ in range(4)]
    assert codes == [404, 404, 404, 429]
    limited = api.get(f"{API}/changes/CHG0000001/")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    other = api_client(create_token(limited.wsgi_request.auth.namespace, "second").secret)
    assert other.get(f"{API}/changes/CHG0000001/").status_code == 404


def test_every_call_is_recorded_and_the_secret_is_stored_nowhere(api, token, deployment):
    doc = new_change(api, deployment).json()
    api.post(f"{API}/changes/{doc['number']}/notes/", {"text": "deployed"}, format="json")
    api.get(f"{API}/changes/{doc['number']}/")
    recorded = list(PipelineRequest.objects.values_list("method", "status", "change_number", "token_name"))
    assert recorded == [
        ("POST", 201, "", "deploy"),
        ("POST", 201, doc["number"], "deploy"),
        ("GET", 200, doc["number"], "deploy"),
    ]
    calls = ChangeCall.objects.filter(change__number=doc["number"])
    assert [c.method for c in calls] == ["POST", "PATCH", "PATCH"]  # create, ask for approval, work note
    assert all(c.status in (200, 201) and c.duration_ms >= 0 for c in calls)
    bodies = " ".join(c.request_body + c.response_body for c in calls)
    assert "deployed" in bodies and "integration" not in bodies  # the connection's user name is masked
    for model in apps.get_app_config("pipelines").get_models():
        text_fields = [
            f.name for f in model._meta.fields if isinstance(f, (models.CharField, models.TextField))
        ]
        for row in model.objects.values(*text_fields):
            assert not any(token.secret in str(value) for value in row.values()), model


def test_the_schema_needs_a_token_or_a_session(api, admin_client):
    assert Client().get(f"{API}/schema/").status_code == 401
    with_token = api.get(f"{API}/schema/")
    assert with_token.status_code == 200 and b"/api/pipeline/v1/changes/{number}/close/" in with_token.content
    assert admin_client.get(f"{API}/schema/").status_code == 200
