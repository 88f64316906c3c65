"""Every response carries the Content-Security-Policy, and the pages satisfy it: no inline <script> or
<style>, no on…= handler attributes, no style="" attributes, no javascript: links."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.site_pages import fill, make_site, site_pages

pytestmark = pytest.mark.django_db


class InlineCode(HTMLParser):
    """Collects what a `script-src 'self'; style-src 'self'` policy would block."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and "src" not in names and names.get("type") != "application/json":
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("inline <style>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=javascript:…>")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def assert_policy(response) -> None:
    policy = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in policy and "style-src 'self'" in policy, response.request["PATH_INFO"]
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


def test_every_page_carries_the_policy_and_has_no_inline_code(client, namespace):
    """The same walk of the URLconf as tests/test_every_page.py, so a new page is checked too."""
    site = make_site(namespace)
    client.force_login(site["admin"])
    problems, checked = {}, 0
    for page in site_pages():
        if not page.gettable or page.skipped:
            continue
        response = client.get(fill(page, site))
        assert_policy(response)
        if found := inline_code(response.content.decode()):
            problems[page.name] = found
        checked += 1
    assert problems == {}
    assert checked > 40


def test_the_login_lockout_error_and_admin_pages_carry_it_too(client, settings):
    settings.AXES_FAILURE_LIMIT = 1
    login = client.get(reverse("login"))
    assert_policy(login)
    assert inline_code(login.content.decode()) == []
    locked = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert locked.status_code == 429 and inline_code(locked.content.decode()) == []
    assert_policy(locked)
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    for url in ("/no-such-page/", reverse("admin:index"), reverse("admin:auth_user_changelist")):
        response = client.get(url)
        assert_policy(response)
    assert_policy(client.get(reverse("sync:dashboard")))


def test_the_checker_finds_inline_code():
    page = '<script>alert(1)</script><a onclick="x()" style="color:red" href="javascript:x()">a</a>'
    assert len(inline_code(page)) == 4
    assert inline_code('<script src="/static/js/app.js" defer></script><p data-confirm="Sure?">') == []
