"""The navigation on every namespace page, the favicon, and counts that agree with their nouns."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import BusinessApplicationFactory, ConnectionFactory

pytestmark = pytest.mark.django_db


def nav_of(page: str) -> str:
    return page.split('<nav class="mainnav"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize(
    "url",
    [
        lambda c: reverse("catalog:import", args=["acme"]),
        lambda c: reverse("integrations:connection_fields", args=["acme", c.pk]),
        lambda c: reverse("integrations:connection_detail", args=["acme", c.pk]),
        lambda c: reverse("sync:run_list", args=["acme"]),
        lambda c: reverse("catalog:application_list", args=["acme"]),
    ],
)
def test_every_namespace_page_shows_the_admins_whole_navigation(admin_client, namespace, url):
    connection = ConnectionFactory(namespace=namespace, name="snow")
    page = admin_client.get(url(connection)).content.decode()
    nav = nav_of(page)
    assert ">Connections</a>" in nav and ">Match</a>" in nav and ">Import / export</a>" in nav


def test_viewers_do_not_get_the_admin_links(viewer_client):
    nav = nav_of(viewer_client.get(reverse("catalog:import", args=["acme"])).content.decode())
    assert ">Runs</a>" in nav and ">Connections</a>" not in nav and ">Match</a>" not in nav


def test_a_page_links_its_favicon_and_favicon_ico_answers_without_login(admin_client, client):
    page = admin_client.get(reverse("sync:dashboard")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    client.logout()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.svg"
    assert client.get("/static/favicon.svg").status_code == 200


def test_list_count_agrees_with_its_noun(admin_client, namespace):
    BusinessApplicationFactory(namespace=namespace)
    url = reverse("catalog:application_list", args=["acme"])
    assert '<p class="count">1 business application</p>' in admin_client.get(url).content.decode()
    BusinessApplicationFactory(namespace=namespace)
    assert '<p class="count">2 business applications</p>' in admin_client.get(url).content.decode()


def test_an_import_with_one_problem_says_this_problem(admin_client):
    bad = {"applications": [{"app_id": "APP-1", "name": "X", "colour": "red"}]}
    upload = SimpleUploadedFile("p.json", json.dumps(bad).encode(), content_type="application/json")
    response = admin_client.post(reverse("catalog:import", args=["acme"]), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400 and "Fix this problem and try again" in page
    assert "these 1" not in page and 'data-busy="Importing…"' in page
