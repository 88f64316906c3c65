"""The pipelines' pages in headless Chromium: an admin makes a token (its secret shown once), finds the
pipeline client on that page, then follows a change from the application's page to its timeline."""

import pytest
from django.contrib.auth import get_user_model

from catalog.choices import Role
from catalog.models import Membership
from integrations.base.changes import ChangeInput
from pipelines import services
from pipelines.models import PipelineToken
from pipelines.tokens import hash_secret
from tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def admin(namespace):
    user = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=user, namespace=namespace, role=Role.ADMIN)
    return user


def test_a_token_is_shown_once_and_a_change_has_its_timeline(live_server, page, namespace, admin, deployment):
    log_in(page, live_server.url, "ada", "a-long-password-1")
    page.goto(f"{live_server.url}/n/{namespace.slug}/pipelines/tokens/")
    page.fill("#id_name", "github-actions")
    page.click("button:has-text('Create token')")
    secret = page.inner_text("#token-secret").strip()
    assert secret.startswith("pbt_")
    assert PipelineToken.objects.get(name="github-actions").key_hash == hash_secret(secret)
    assert page.get_attribute("#pb-change-download", "href") == "/api/pipeline/v1/client/pb-change.py"
    page.reload()
    assert secret not in page.content() and "github-actions" in page.content()

    profile, instance = deployment
    change = services.create_change(
        namespace,
        ChangeInput(short_description="Deploy 3.0", implementation_plan="helm upgrade"),
        application=profile.application.app_id,
        environment="Production",
        token=PipelineToken.objects.get(name="github-actions"),
    )
    page.goto(f"{live_server.url}/n/{namespace.slug}/applications/{profile.application.pk}/")
    page.click(f"a:has-text('{change.number}')")
    page.wait_for_selector(f"h1:has-text('Change {change.number}')")
    assert page.title() == f"Change {change.number} · Portfolio Bridge"
    facts = page.inner_text("dl.facts")
    assert instance in facts and "github-actions" in facts and "Assess" in facts
    timeline = page.inner_text("section:has(h2:has-text('Timeline'))")
    assert "Created" in timeline and "Approval requested" in timeline
    calls = page.inner_text("section:has(h2:has-text('ServiceNow calls'))")
    assert "POST /api/now/table/change_request" in calls and secret not in page.content()
