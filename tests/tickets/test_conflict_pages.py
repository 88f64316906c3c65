"""The conflict queue: open conflicts with both values, resolved field by field by namespace admins (POST,
CSRF) against the real GLPI and ServiceNow sandboxes; viewers see the queue but get 403."""

import pytest
from django.test import Client
from django.urls import reverse

from catalog.choices import Role
from tests.conftest import member
from tests.factories import ConnectionFactory
from tests.tickets.test_engine import SEEDED, glpi_put, glpi_ticket, incidents, mapping, sn_put
from tickets.engine import sync_pair
from tickets.models import TicketConflict, TicketPair


def url(pair) -> str:
    return reverse("tickets:pair_conflicts", args=["acme", pair.pk])


@pytest.fixture
def conflict(pair):
    link = pair.links.create(glpi_id=7, servicenow_sys_id="e" * 32, servicenow_number="INC0010007")
    return TicketConflict.objects.create(
        pair=pair, link=link, field="name", glpi_value="GLPI title", servicenow_value="SN title"
    )


def test_the_queue_shows_both_values_and_buttons_for_admins(admin_client, pair, conflict):
    page = admin_client.get(url(pair)).content.decode()
    assert "GLPI title" in page and "SN title" in page and "INC0010007" in page
    assert 'name="keep" value="servicenow"' in page


def test_viewers_see_the_queue_but_cannot_resolve(viewer_client, pair, conflict):
    page = viewer_client.get(url(pair)).content.decode()
    assert "GLPI title" in page and 'name="keep"' not in page
    response = viewer_client.post(url(pair), {"conflict": conflict.pk, "keep": "glpi"})
    assert response.status_code == 403
    conflict.refresh_from_db()
    assert conflict.state == "open"


def test_resolving_needs_csrf_and_login(pair, conflict):
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(member(pair.namespace, Role.ADMIN))
    assert checked.post(url(pair), {"conflict": conflict.pk, "keep": "glpi"}).status_code == 403
    assert Client().post(url(pair), {"conflict": conflict.pk, "keep": "glpi"}).status_code == 302
    conflict.refresh_from_db()
    assert conflict.state == "open"


@pytest.mark.parametrize(
    "data", [{"conflict": "x", "keep": "glpi"}, {"conflict": "1", "keep": "both"}, {"keep": "glpi"}]
)
def test_a_bad_resolve_request_is_a_400_with_a_reason(admin_client, pair, conflict, data):
    response = admin_client.post(url(pair), data)
    assert response.status_code == 400
    assert "keep “glpi” or “servicenow”" in response.content.decode()


def test_an_unreachable_side_is_a_message_and_the_conflict_stays_open(admin_client, pair, conflict):
    response = admin_client.post(url(pair), {"conflict": conflict.pk, "keep": "glpi"}, follow=True)
    assert response.status_code == 200
    assert "INC0010007: name" in response.content.decode()
    conflict.refresh_from_db()
    assert conflict.state == "open"


@pytest.mark.parametrize(("keep", "expected"), [("glpi", "glpi edit"), ("servicenow", "sn edit")])
def test_an_admin_resolves_a_real_conflict_on_the_page(
    admin_client, namespace, glpi_server, sandbox, keep, expected
):
    snow = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    live = TicketPair(
        namespace=namespace,
        name="helpdesk",
        glpi=glpi_server.connection(namespace),
        servicenow=snow,
        mapping=mapping("manual"),
    )
    live.full_clean()
    live.save()
    sync_pair(live)
    [incident] = incidents(sandbox)
    glpi_put(glpi_server, SEEDED, name="glpi edit")
    sn_put(sandbox, incident["sys_id"], short_description="sn edit")
    sync_pair(live)
    conflict = TicketConflict.objects.get()
    response = admin_client.post(url(live), {"conflict": conflict.pk, "keep": keep}, follow=True)
    assert "value kept" in response.content.decode()
    assert glpi_ticket(glpi_server, SEEDED)["name"] == expected
    assert incidents(sandbox)[0]["short_description"] == expected
    conflict.refresh_from_db()
    assert (conflict.state, conflict.resolution) == ("resolved", keep)
    assert "No open conflicts." in admin_client.get(url(live)).content.decode()
