"""Subscribe: a pull prepares a diff and writes nothing to the portfolio; the admin's apply writes the
chosen rows (with their audit) in one transaction; the daily schedule; the CLI."""

import json
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from catalog.models import InfrastructureItem
from sync.models import ChangeKind, Pull, PullStatus, RecordKind, SyncMapEntry
from sync.subscribe import SubscribeRefused, execute_pull, pulls_due, source_of, start_pull
from sync.subscribe_apply import apply_pull, suggested_ids
from tests.factories import ConnectionFactory, DeploymentProfileFactory

pytestmark = pytest.mark.django_db


FAST = {"calls_per_five_minutes": 100_000}  # no pacing against the test sandbox


def pull_now(connection, scope=()) -> Pull:
    return execute_pull(start_pull(connection, scope=scope, queue=False))


def by_name(pull: Pull) -> dict:
    return {c.name: c for c in pull.changes.all()}


def server(halo_server, name: str) -> dict:
    return next(a for a in halo_server.rows("Asset") if a.get("key_field") == name)


def test_a_pull_prepares_a_diff_and_writes_nothing(halo_server, namespace):
    connection = halo_server.connection(namespace, options=FAST)
    InfrastructureItem.objects.create(
        namespace=namespace, name="srv-db-02", serial_number="DL7Q2K4", manufacturer="Dell", model="Old"
    )
    before = list(InfrastructureItem.objects.values())

    pull = pull_now(connection)

    assert pull.status == PullStatus.READY and pull.calls >= 2
    assert list(InfrastructureItem.objects.values()) == before
    changes = by_name(pull)
    assert changes["srv-db-01"].kind == ChangeKind.NEW
    assert changes["srv-db-01"].values["operating_system"] == "Red Hat Enterprise Linux"
    matched = changes["srv-db-02"]
    assert (matched.kind, matched.matched_by) == (ChangeKind.CHANGED, "serial number")
    assert {"model", "operating_system", "source"} <= set(matched.fields)
    assert (matched.current["model"], matched.values["model"]) == ("Old", "PowerEdge R750")
    assert pull.counts == {"new": 5, "changed": 1}


def test_applying_writes_the_chosen_rows_with_their_audit(halo_server, namespace, admin_client):
    connection = halo_server.connection(namespace, options=FAST)
    deployment = DeploymentProfileFactory(application__namespace=namespace, namespace=namespace)
    target = server(halo_server, "srv-web-01")
    published = halo_server.post("/api/Asset", json=[{"assettype_id": 4, "inventory_number": "PB-1"}]).json()
    SyncMapEntry.objects.create(
        connection=connection,
        kind=RecordKind.DEPLOYMENT,
        record_id=deployment.pk,
        target_type="Asset",
        target_id=str(published["id"]),
        direction="published",
    )
    halo_server.halo.store.put("asset", {**target, "child_assets": [{"id": published["id"]}]})
    pull = pull_now(connection)
    web, db = by_name(pull)["srv-web-01"], by_name(pull)["srv-db-01"]
    assert web.suggested == [[str(deployment.pk), str(deployment), "linked in the source"]]

    result = apply_pull(pull, {web.pk: suggested_ids(web)})

    assert (result.created, result.updated) == (1, 0)
    item = InfrastructureItem.objects.get(name="srv-web-01")
    assert (item.source, item.source_id) == (source_of(connection), str(target["id"]))
    assert item.service_end_date == date(2028, 1, 31) and item.operating_system == "Ubuntu Server"
    assert list(item.deployments.all()) == [deployment]
    web.refresh_from_db()
    assert web.result == "added" and web.applied_at and web.deployments == [str(deployment.pk)]
    assert not InfrastructureItem.objects.filter(name="srv-db-01").exists()  # not chosen
    db.refresh_from_db()
    assert db.applied_at is None
    with pytest.raises(SubscribeRefused, match="applied"):
        apply_pull(pull, {db.pk: []})

    # the next pull finds the item by its source id: unchanged; a change in the source shows field by field
    assert by_name(pull_now(connection))["srv-web-01"].kind == ChangeKind.UNCHANGED
    halo_server.post(
        "/api/Asset", json=[{"id": target["id"], "warranty_end": "2029-06-30"}]
    ).raise_for_status()
    again = pull_now(connection, scope=[str(target["id"])])
    (change,) = again.changes.all()
    assert change.kind == ChangeKind.CHANGED and change.fields == ["service_end_date"]
    assert (change.current["service_end_date"], change.values["service_end_date"]) == (
        "2028-01-31",
        "2029-06-30",
    )


def test_an_apply_refuses_everything_when_one_row_went_stale(halo_server, namespace):
    connection = halo_server.connection(namespace, options=FAST)
    InfrastructureItem.objects.create(namespace=namespace, name="srv-db-02", model="Old")
    pull = pull_now(connection)
    changes = by_name(pull)
    InfrastructureItem.objects.filter(name="srv-db-02").update(model="Edited meanwhile")
    count = InfrastructureItem.objects.count()

    with pytest.raises(SubscribeRefused, match="edited in the portfolio since the pull"):
        apply_pull(pull, {changes["srv-db-01"].pk: [], changes["srv-db-02"].pk: []})

    assert InfrastructureItem.objects.count() == count
    assert not pull.changes.filter(applied_at__isnull=False).exists()


def test_a_deleted_asset_is_gone_and_applying_removes_the_item(halo_server, namespace):
    connection = halo_server.connection(namespace, options=FAST)
    pull = pull_now(connection)
    apply_pull(pull, {c.pk: [] for c in pull.changes.all()})
    target = server(halo_server, "srv-app-02")
    halo_server.delete(f"/api/Asset/{target['id']}").raise_for_status()

    gone = pull_now(connection, scope=[str(target["id"])])

    (change,) = gone.changes.all()
    assert change.kind == ChangeKind.GONE and change.name == "srv-app-02"
    assert apply_pull(gone, {change.pk: []}).deleted == 1
    assert not InfrastructureItem.objects.filter(name="srv-app-02").exists()
    assert InfrastructureItem.objects.count() == 5


def test_a_newer_pull_supersedes_the_diffs_it_covers(halo_server, namespace):
    connection = halo_server.connection(namespace, options=FAST)
    one = pull_now(connection, scope=["1"])
    full = pull_now(connection)
    one.refresh_from_db()
    assert one.status == PullStatus.SUPERSEDED and full.status == PullStatus.READY
    with pytest.raises(SubscribeRefused, match="superseded"):
        apply_pull(one, {c.pk: [] for c in one.changes.all()})


def test_a_target_error_fails_the_pull_with_its_reason(halo_server, namespace):
    connection = halo_server.connection(namespace, client_secret="wrong", options=FAST)
    pull = pull_now(connection)
    assert pull.status == PullStatus.FAILED and pull.message
    assert not pull.changes.exists()


def test_platforms_without_discovery_are_refused(namespace):
    connection = ConnectionFactory(
        namespace=namespace, platform="glpi", options={"entity_id": 1}
    )  # no discovery
    with pytest.raises(SubscribeRefused, match="offers no discovered assets"):
        start_pull(connection)


def test_daily_pulls_only_prepare_a_diff_once_a_day(
    halo_server, namespace, queue, django_capture_on_commit_callbacks
):
    connection = halo_server.connection(namespace, schedule="daily", sync_direction="both", options=FAST)
    halo_server.connection(namespace, name="publish-only", schedule="daily", sync_direction="publish")

    with django_capture_on_commit_callbacks(execute=True):
        (pull,) = pulls_due()

    assert pull.connection == connection and pull.trigger == "daily" and pull.scope == []
    assert [job.args for job in queue.get_jobs()] == [(str(pull.pk),)]
    assert pulls_due() == []  # queued already
    execute_pull(pull)
    assert pulls_due() == []
    assert InfrastructureItem.objects.count() == 0  # nothing applied unattended
    assert len(pulls_due(now=timezone.now() + timedelta(days=1, minutes=1))) == 1


def test_the_command_pulls_shows_and_applies(halo_server, namespace, capsys):
    halo_server.connection(namespace, options=FAST)
    call_command("subscribe", "pull", "--connection", "halo")
    body = json.loads(capsys.readouterr().out)
    assert body["status"] == "ready" and len(body["changes"]) == 6
    first = body["changes"][0]["change"]

    call_command("subscribe", "apply", "--pull", body["pull"], "--change", str(first))
    assert "1 added" in capsys.readouterr().out
    call_command("subscribe", "diff", "--pull", body["pull"])
    shown = json.loads(capsys.readouterr().out)
    assert [c["applied"] for c in shown["changes"]].count("added") == 1
    with pytest.raises(CommandError, match="No pull"):
        call_command("subscribe", "diff", "--pull", "nope")
    with pytest.raises(CommandError, match="Nothing was applied"):
        call_command("subscribe", "apply", "--pull", body["pull"], "--all")
    with pytest.raises(CommandError, match="numeric id"):
        call_command("subscribe", "pull", "--connection", "halo", "--asset", "x")
