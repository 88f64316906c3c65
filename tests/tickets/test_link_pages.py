"""A pair's links (search, pages, each side opened in its own interface), log (level filter), state and the
"Sync now" button: bad filter values are form errors, never a 500; changes are POST for admins."""

import django_rq
import pytest
from django.test import Client
from django.urls import reverse

from catalog.choices import Role
from tests.conftest import member
from tickets.jobs import QUEUE
from tickets.models import TicketSyncLog


def url(name: str, pair) -> str:
    return reverse(f"tickets:{name}", args=["acme", pair.pk])


@pytest.fixture
def links(pair):
    return [
        pair.links.create(
            glpi_id=n,
            servicenow_sys_id=f"{n:032x}",
            servicenow_number=f"INC00100{n:02d}",
            glpi_values={"name": f"disk full on srv-{n:04d}"},
        )
        for n in range(1, 61)
    ]


def test_links_open_either_side(admin_client, pair, links):
    page = admin_client.get(url("pair_links", pair)).content.decode()
    assert "60 links" in page
    assert 'href="https://glpi.example.invalid/front/ticket.form.php?id=1"' in page
    assert f'href="{pair.servicenow.base_url}/nav_to.do?uri=incident.do?sys_id={1:032x}"' in page
    assert "Page 1 of 2" in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [("7", "INC0010007", "INC0010008"), ("INC0010042", "srv-0042", "srv-0041"), ("srv-0013", "#13", "#14")],
)
def test_links_are_searched_by_glpi_id_number_or_title(viewer_client, pair, links, query, shown, hidden):
    page = viewer_client.get(url("pair_links", pair), {"q": query}).content.decode()
    assert shown in page and hidden not in page


def test_search_keeps_its_query_across_pages(admin_client, pair, links):
    page = admin_client.get(url("pair_links", pair), {"q": "srv", "page": 2}).content.decode()
    assert "Page 2 of 2" in page and "q=srv&amp;page=1" in page


def test_log_is_filtered_by_level_and_a_bad_level_is_a_form_error(viewer_client, pair):
    TicketSyncLog.objects.create(pair=pair, level="error", message="ServiceNow refused INC0010001")
    TicketSyncLog.objects.create(pair=pair, level="info", message="linked GLPI #2")
    page = viewer_client.get(url("pair_log", pair), {"level": "error"}).content.decode()
    assert "refused INC0010001" in page and "linked GLPI #2" not in page
    response = viewer_client.get(url("pair_log", pair), {"level": "fatal"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "linked GLPI #2" not in response.content.decode()


@pytest.mark.parametrize("page", ["0", "x", "999"])
def test_a_bad_page_number_is_not_a_500(admin_client, pair, links, page):
    assert admin_client.get(url("pair_links", pair), {"page": page}).status_code == 404


def test_the_state_shows_counts_and_links_to_the_pages(admin_client, pair, links):
    page = admin_client.get(url("pair_detail", pair)).content.decode()
    assert "<dt>Linked tickets</dt><dd>60</dd>" in page
    for name in ("pair_links", "pair_conflicts", "pair_log", "pair_export", "pair_sync"):
        assert url(name, pair) in page


def test_sync_now_queues_a_sync_of_the_pair(admin_client, pair, django_capture_on_commit_callbacks):
    queue = django_rq.get_queue(QUEUE)
    queue.empty()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url("pair_sync", pair))
    assert response.status_code == 302
    [job] = queue.get_jobs()
    queue.empty()
    assert (job.func_name, job.args) == ("tickets.jobs.sync_pair", (pair.pk,))


def test_sync_now_is_post_for_admins_with_csrf(viewer_client, pair):
    assert viewer_client.post(url("pair_sync", pair)).status_code == 403
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(member(pair.namespace, Role.ADMIN))
    assert checked.post(url("pair_sync", pair)).status_code == 403
    assert checked.get(url("pair_sync", pair)).status_code == 405
    assert Client().get(url("pair_links", pair)).status_code == 302
