"""The dashboard: a getting-started checklist per connection, the portfolio's size, counts in words, and
a layout that a blocker message does not break."""

import pytest
from django.urls import reverse
from django.utils import timezone

from sync.dashboard import checklist, portfolio_counts
from sync.models import MatchChoice, Outcome, Run, RunItem, RunKind, RunStatus
from tests.factories import BusinessApplicationFactory, ConnectionFactory, ITServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(namespace):
    return ConnectionFactory(namespace=namespace, name="snow")


def states(connection) -> dict[str, bool]:
    preview = Run.objects.filter(connection=connection, kind=RunKind.PREVIEW).first()
    publish = Run.objects.filter(connection=connection, kind=RunKind.PUBLISH).first()
    return {step.label: step.done for step in checklist(connection, preview, publish)}


def test_the_checklist_follows_the_connection_from_connected_to_published(connection):
    package = "ServiceNow configuration package installed"
    assert list(states(connection)) == ["connected", "tested", package, "matched", "previewed", "published"]
    assert states(connection) == dict.fromkeys(states(connection), False) | {"connected": True}

    connection.last_tested_at = timezone.now()
    MatchChoice.objects.create(
        connection=connection, kind="it_service", record_id=connection.pk, decision="create"
    )
    failed = Run.objects.create(connection=connection, kind=RunKind.PREVIEW, status=RunStatus.SUCCEEDED)
    RunItem.objects.create(
        run=failed,
        step="applications",
        kind="application",
        record_id="x",
        name="Ledger",
        outcome=Outcome.ERROR,
        message="No identification rule: install the ServiceNow configuration package (Update Set)",
    )
    assert states(connection) == {
        "connected": True,
        "tested": True,
        package: False,  # the latest preview says the package is missing
        "matched": True,
        "previewed": True,
        "published": False,
    }

    Run.objects.create(connection=connection, kind=RunKind.PREVIEW, status=RunStatus.SUCCEEDED)
    Run.objects.create(connection=connection, kind=RunKind.PUBLISH, status=RunStatus.SUCCEEDED)
    assert all(states(connection).values())


def test_each_step_links_to_where_it_is_done(connection):
    publish = Run.objects.create(connection=connection, kind=RunKind.PUBLISH, status=RunStatus.FAILED)
    links = {step.label: step.url for step in checklist(connection, None, publish)}
    assert links["tested"] == reverse("integrations:connection_detail", args=["acme", connection.pk])
    assert links["ServiceNow configuration package installed"] == reverse(
        "integrations:update_set_checklist", args=["acme", connection.pk]
    )
    assert links["matched"] == reverse("sync:match_step", args=["acme", connection.pk, "it-services"])
    assert links["previewed"] == ""  # nothing to link to: the row's Preview button starts one
    assert links["published"] == reverse("sync:run_detail", args=["acme", publish.pk])
    assert not states(connection)["published"]  # a failed publish does not count


def test_the_dashboard_shows_the_checklist_until_everything_is_done(admin_client, connection):
    page = admin_client.get(reverse("sync:dashboard")).content.decode()
    assert "Getting started with snow" in page
    assert '<li class="done">' in page and '<li class="next"><a href="' in page
    connection.last_tested_at = timezone.now()
    connection.save()
    MatchChoice.objects.create(
        connection=connection, kind="it_service", record_id=connection.pk, decision="create"
    )
    Run.objects.create(connection=connection, kind=RunKind.PREVIEW, status=RunStatus.SUCCEEDED)
    Run.objects.create(connection=connection, kind=RunKind.PUBLISH, status=RunStatus.SUCCEEDED)
    page = admin_client.get(reverse("sync:dashboard")).content.decode()
    assert "Getting started" not in page


def test_portfolio_counts_are_words_with_the_right_number(namespace, admin_client):
    BusinessApplicationFactory(namespace=namespace)
    ITServiceFactory.create_batch(2, namespace=namespace)
    labels = [label for label, _ in portfolio_counts(namespace)]
    assert labels[:3] == ["1 business application", "2 IT services", "0 software products"]
    assert labels[-1] == "0 infrastructure items"
    page = admin_client.get(reverse("sync:dashboard_ns", args=["acme"])).content.decode()
    assert f'<a href="{reverse("catalog:itservice_list", args=["acme"])}">2 IT services</a>' in page


def test_run_counts_read_as_words(admin_client, connection):
    Run.objects.create(
        connection=connection,
        kind=RunKind.PREVIEW,
        status=RunStatus.SUCCEEDED,
        counts={"create": 3, "possible_duplicate": 1, "not_published": 12},
    )
    Run.objects.create(
        connection=connection,
        kind=RunKind.PUBLISH,
        status=RunStatus.SUCCEEDED,
        counts={"create": 1, "error": 2},
    )
    page = admin_client.get(reverse("sync:dashboard")).content.decode()
    assert "3 to create · 1 possible duplicate · 12 not published" in page
    assert "1 created · 2 errors" in page
    assert "notpublished" not in page and "possibleduplicate" not in page


def test_a_blocker_message_sits_under_a_disabled_publish_button(admin_client, connection):
    page = admin_client.get(reverse("sync:dashboard")).content.decode()
    blocker = f"blocker-{connection.pk}"
    assert f'disabled aria-describedby="{blocker}">Publish</button>' in page
    assert f'<div class="small blocker" id="{blocker}">Publishing needs a successful preview' in page
