"""Every page of the site renders for an admin of its namespace: the pages are read from the URLconf,
so a page that never renders cannot hide by not being in a list."""

import pytest
from django.urls import reverse

from tests.site_pages import SKIPPED, Page, fill, make_site, site_pages

pytestmark = pytest.mark.django_db


def test_the_walk_finds_the_sites_pages():
    names = {page.name for page in site_pages() if page.gettable and not page.skipped}
    assert {
        "catalog:application_list",
        "catalog:deployment_delete",
        "integrations:connection_delete",
    } <= names
    assert {"sync:run_audit", "sync:match_step", "sync:dashboard", "login"} <= names
    assert not any(name.startswith("admin:") for name in names)
    assert "sync:run_action" not in names  # POST only


def test_every_skip_names_a_page():
    names = {page.name for page in site_pages()}
    assert all(skip in names or any(n.startswith(f"{skip}:") for n in names) for skip in SKIPPED)


def test_a_page_whose_parameter_cannot_be_filled_fails_the_walk(namespace):
    page = Page("catalog:application_list", "n/<slug:namespace>/things/<int:thing>/", None, {})
    with pytest.raises(LookupError, match="<thing>"):
        fill(page, {"namespace": namespace})


def test_every_page_renders_for_an_admin(client, namespace):
    site = make_site(namespace)
    client.force_login(site["admin"])
    failures, rendered = [], 0
    for page in site_pages():
        if not page.gettable or page.skipped:
            continue
        url = fill(page, site)
        response = client.get(url)
        rendered += 1
        if response.status_code != 200:
            failures.append(f"{page.name} {url} → {response.status_code}")
    assert not failures, "\n".join(failures)
    assert rendered > 40


def test_every_page_but_the_login_sends_a_visitor_to_log_in(client, namespace):
    site = make_site(namespace)
    login = reverse("login")
    for page in site_pages():
        if page.skipped or page.name == "login":
            continue
        url = fill(page, site)
        response = client.post(url) if not page.gettable else client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(f"{login}?next="), url
