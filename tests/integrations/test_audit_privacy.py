"""Audit privacy: user names and OAuth client ids are masked like secrets, in audit rows and logs."""

import json
import logging
import re

import pytest
from django.urls import reverse
from hypothesis import assume, given
from hypothesis import strategies as st

from catalog.choices import Role
from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from integrations.base.credentials import SHARED_TOKENS
from integrations.base.http import REDACTED, Redactor, redact
from sync import runs
from sync.models import AuditEntry, RunStatus
from sync.publish import execute_publish
from tests.conftest import member
from tests.factories import ConnectionFactory
from tests.sync.test_preview import register_data_source

CREDENTIALS = ("integration", "portfolio-bridge", "sandbox-secret")


def mentions(text: str, value: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text) is not None


def test_names_that_identify_someone_are_masked_by_field_name():
    form = {
        "grant_type": "password",
        "username": "bob",
        "client_id": "cid",
        "client_secret": "s",
        "password": "p",
    }
    assert redact(form) == {"grant_type": "password", **dict.fromkeys(list(form)[1:], REDACTED)}
    assert json.loads(redact('{"user_name": "bob", "refresh_token": "r", "name": "App"}')) == {
        "user_name": REDACTED,
        "refresh_token": REDACTED,
        "name": "App",
    }
    assert redact("grant_type=password&username=bob&client_id=cid") == (
        f"grant_type=password&username={REDACTED}&client_id={REDACTED}"
    )
    assert redact("/api?sysparm_limit=1&user=bob") == f"/api?sysparm_limit=1&user={REDACTED}"
    assert redact({"Authorization": "Basic Ym9iOnA="}) == {"Authorization": REDACTED}


def test_a_connections_own_credentials_are_masked_wherever_they_appear():
    scrub = Redactor("bob.smith@acme.example", "cid-123", "ab")
    text = scrub(
        {"sys_created_by": "bob.smith@acme.example", "note": "by bob.smith%40acme.example, cid-123x"}
    )
    assert "bob.smith" not in text and f'"sys_created_by": "{REDACTED}"' in text
    assert "cid-123x" in text  # only whole values
    assert Redactor("ab")("about ab") == "about ab"  # too short to mask by value


@pytest.mark.django_db
def test_a_connection_test_and_a_publish_leave_no_user_name_or_client_id(client, namespace, sandbox, caplog):
    import_document(namespace, build_demo_document(DemoShape(apps=3, services=2, seed=5)))
    register_data_source(sandbox)
    connection = ConnectionFactory(
        namespace=namespace,
        instance_url=sandbox.url,
        ca_bundle=sandbox.ca_pem,
        auth_method="oauth_password",
        client_id="portfolio-bridge",
        client_secret="sandbox-secret",
        username="integration",
        password="integration",
    )
    caplog.set_level(logging.DEBUG)
    client.force_login(member(namespace, Role.ADMIN))
    page = client.post(reverse("integrations:connection_test", args=["acme", connection.pk])).content.decode()
    assert ">Fail<" not in page and page.count(">Pass<") == 11
    SHARED_TOKENS.clear()  # the publish asks for a token of its own, so that its audit shows that call too
    run = execute_publish(runs.start_publish(connection, without_preview=True))
    assert run.status == RunStatus.SUCCEEDED, run.message
    rows = list(
        AuditEntry.objects.filter(run=run).values("method", "path", "request_body", "response_body", "error")
    )
    token_calls = [r for r in rows if r["path"] == "/oauth_token.do"]
    assert token_calls and json.loads(token_calls[0]["request_body"])["username"] == REDACTED
    assert len(rows) > 10
    recorded = json.dumps(rows) + caplog.text
    assert "/oauth_token.do" in caplog.text  # the connection test's calls were logged
    for value in CREDENTIALS:
        assert not mentions(recorded, value), value


@given(
    value=st.text(st.characters(codec="ascii", categories=("L", "N", "P")), min_size=3, max_size=30),
    before=st.text(max_size=40),
    after=st.text(max_size=40),
)
def test_a_credential_between_separators_never_survives(value, before, after):
    assume(value not in before + after)
    for separator in (" ", '"', "=", "\n"):
        text = f"{before}{separator}{value}{separator}{after}"
        assert f"{separator}{value}{separator}" not in Redactor(value)(text)
