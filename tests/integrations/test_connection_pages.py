"""The connection pages' wording, the recorded connection test, and the busy state of the test button."""

import pytest
from django.urls import reverse

from integrations.servicenow.forms import option_fields
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db


def test_empty_options_are_not_listed_as_set(admin_client, namespace):
    conn = ConnectionFactory(
        namespace=namespace, options={"app_service_relationship": "", "csdm_version": 4, "page_size": None}
    )
    page = admin_client.get(
        reverse("integrations:connection_detail", args=["acme", conn.pk])
    ).content.decode()
    assert "<dd>csdm_version = 4</dd>" in page and "app_service_relationship" not in page
    empty = ConnectionFactory(namespace=namespace, options={"app_service_relationship": ""})
    page = admin_client.get(
        reverse("integrations:connection_detail", args=["acme", empty.pk])
    ).content.decode()
    assert "<dt>Options</dt><dd>defaults</dd>" in page


def test_the_csdm_option_is_labelled_in_capitals(admin_client):
    assert option_fields()["csdm_version"].label == "CSDM version"
    page = admin_client.get(reverse("integrations:connection_add", args=["acme"])).content.decode()
    assert "CSDM version" in page and "Csdm version" not in page


def test_a_passing_test_is_recorded_and_a_failing_one_is_not(admin_client, namespace, sandbox):
    good = ConnectionFactory(namespace=namespace, instance_url=sandbox.url, ca_bundle=sandbox.ca_pem)
    bad = ConnectionFactory(
        namespace=namespace,
        instance_url=sandbox.url,
        ca_bundle=sandbox.ca_pem,
        username="readonly",
        password="readonly",
    )
    detail = admin_client.get(
        reverse("integrations:connection_detail", args=["acme", good.pk])
    ).content.decode()
    assert 'hx-indicator="#test-indicator" data-busy="Testing…"' in detail
    for conn in (good, bad):
        admin_client.post(reverse("integrations:connection_test", args=["acme", conn.pk]))
        conn.refresh_from_db()
    assert good.last_tested_at is not None and bad.last_tested_at is None
