"""The subscribe pages: the pulls list, the diff before anything is written, and applying from it."""

import pytest
from django.urls import reverse

from catalog.models import InfrastructureItem
from sync.models import ChangeKind, Pull, PullStatus
from sync.subscribe import execute_pull, start_pull
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db
FAST = {"calls_per_five_minutes": 100_000}


@pytest.fixture
def connection(halo_server, namespace):
    return halo_server.connection(namespace, options=FAST)


def pull_url(pull):
    return reverse("sync:subscribe_pull", args=["acme", pull.connection.pk, pull.pk])


def test_pull_now_queues_a_pull_and_shows_it(
    admin_client, connection, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("sync:subscribe", args=["acme", connection.pk]))
    pull = Pull.objects.get()
    assert response.status_code == 302 and response["Location"] == pull_url(pull)
    assert [job.args for job in queue.get_jobs()] == [(str(pull.pk),)]
    page = admin_client.get(reverse("sync:subscribe", args=["acme", connection.pk])).content.decode()
    assert "Queued" in page and "hx-trigger" in page  # polls until the worker is done


def test_the_diff_page_shows_fields_and_applies_the_chosen_rows(admin_client, connection):
    InfrastructureItem.objects.create(namespace=connection.namespace, name="srv-db-02", model="Old model")
    pull = execute_pull(start_pull(connection, queue=False))

    page = admin_client.get(pull_url(pull)).content.decode()

    assert "srv-db-01" in page and "srv-db-02" in page and "Old model" in page and "PowerEdge R750" in page
    assert "HaloITSM: halo" in page  # matched by name, the item will record where it now comes from
    assert InfrastructureItem.objects.count() == 1  # the diff page writes nothing
    changed = pull.changes.get(name="srv-db-02")
    new = pull.changes.get(name="srv-db-01")
    response = admin_client.post(pull_url(pull), {"apply": [changed.pk, new.pk]}, follow=True)
    assert "Applied: 1 added, 1 updated, 0 removed." in response.content.decode()
    assert InfrastructureItem.objects.get(name="srv-db-02").model == "PowerEdge R750"
    assert InfrastructureItem.objects.filter(name="srv-db-01").exists()
    pull.refresh_from_db()
    assert pull.status == PullStatus.APPLIED and pull.applied_by is not None
    unchanged = admin_client.get(pull_url(pull) + "?kind=unchanged")
    assert unchanged.status_code == 200


def test_bad_apply_input_writes_nothing_and_says_why(admin_client, connection, namespace):
    pull = execute_pull(start_pull(connection, queue=False))
    change = pull.changes.filter(kind=ChangeKind.NEW).first()
    for data, reason in [
        ({}, "Choose at least one change"),
        ({"apply": [change.pk], f"deployments-{change.pk}": ["not-a-uuid"]}, "not in this namespace"),
        ({"apply": ["999999"]}, "unknown"),
    ]:
        response = admin_client.post(pull_url(pull), data, follow=True)
        assert reason in response.content.decode()
    assert InfrastructureItem.objects.count() == 0


def test_editors_see_the_diff_but_cannot_apply_or_pull(editor_client, connection):
    pull = execute_pull(start_pull(connection, queue=False))
    page = editor_client.get(pull_url(pull)).content.decode()
    assert "srv-db-01" in page and "Apply the chosen changes" not in page
    change = pull.changes.first()
    response = editor_client.post(pull_url(pull), {"apply": [change.pk]}, follow=True)
    assert "Only an admin" in response.content.decode() and InfrastructureItem.objects.count() == 0
    editor_client.post(reverse("sync:subscribe", args=["acme", connection.pk]))
    assert Pull.objects.count() == 1


def test_other_namespaces_pulls_are_not_found(admin_client, halo_server, other_namespace):
    foreign = halo_server.connection(other_namespace, options=FAST)
    pull = start_pull(foreign, queue=False)
    assert admin_client.get(reverse("sync:subscribe", args=["acme", foreign.pk])).status_code == 404
    assert admin_client.get(pull_url(pull).replace("/acme/", "/globex/")).status_code == 404


def test_a_platform_without_discovery_says_so(admin_client, namespace):
    connection = ConnectionFactory(namespace=namespace, platform="glpi", options={"entity_id": 1})
    page = admin_client.get(reverse("sync:subscribe", args=["acme", connection.pk])).content.decode()
    assert "offers no discovered assets" in page and "Pull now" not in page
    detail = admin_client.get(reverse("integrations:connection_detail", args=["acme", connection.pk]))
    assert "offers no discovered assets" in detail.content.decode()
