"""The merge screen in a browser: filter, take theirs on one field, keep ours on another, apply."""

import pytest
from django.contrib.auth import get_user_model

from catalog.choices import Role
from catalog.models import BusinessApplication, Membership
from sync.models import RecordKind, SyncMapEntry
from sync.subscribe_compare import CHANGED_IN_PORTFOLIO
from tests.browser import log_in
from tests.sync.subscribe_records_helpers import compared, fill_mirror, server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_take_theirs_keep_ours_filter_and_apply(live_server, page, namespace, published_snow, sandbox):
    connection = published_snow
    admin = get_user_model().objects.create_user("ada", password="a-long-password-1")
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    first, second = SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.APPLICATION)[:2]
    for entry, text in ((first, "Theirs one"), (second, "Theirs two")):
        sandbox.put(f"/api/now/table/{entry.target_type}/{entry.target_id}", json={"description": text})
    fill_mirror(connection, [server("srv9")])
    pull = compared(connection)
    one, two = (pull.changes.get(target_id=e.target_id) for e in (first, second))
    ours = BusinessApplication.objects.get(pk=second.record_id).description

    log_in(page, live_server.url, "ada", "a-long-password-1")
    page.goto(f"{live_server.url}/n/{namespace.slug}/connections/{connection.pk}/subscribe/")
    assert "srv-srv9" in page.inner_text("#differences")
    page.select_option("#merge-filter select[name=outcome]", "changed_in_target")
    page.click("#merge-filter button:has-text('Filter')")
    page.wait_for_url("**outcome=changed_in_target**")
    assert "srv-srv9" not in page.inner_text("#differences")
    page.check(f"input[name='f:{one.pk}:description'][value=take]")
    page.check(f"input[name='f:{two.pk}:description'][value=keep]")
    page.click("button:has-text('Apply the decisions')")
    page.wait_for_selector("text=Applied: 1 field(s) taken, 1 kept, 0 record(s) imported.")
    assert "outcome=changed_in_target" in page.url  # back to the same filter

    assert BusinessApplication.objects.get(pk=first.record_id).description == "Theirs one"
    assert BusinessApplication.objects.get(pk=second.record_id).description == ours
    again = compared(connection)
    assert not again.changes.filter(target_id=first.target_id).exists()
    assert again.changes.get(target_id=second.target_id).outcome == CHANGED_IN_PORTFOLIO
