"""`manage.py subscribe --connection NAME [--format json|xlsx] [--output FILE] [--apply-owned]` and the
record pull end to end (mirror, watermark, schedule), pulling from the ServiceNow sandbox."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from catalog.models import BusinessApplication, InfrastructureItem
from integrations.base.platform import Discovered, Pulled, TargetRef, platform_of
from sync import authority, mirror
from sync.models import PulledRecord, PullStatus, RecordKind, SyncMapEntry
from sync.subscribe import execute_pull, pulls_due, start_pull
from sync.subscribe_compare import CHANGED_IN_TARGET, NEW
from tests.sync.subscribe_records_helpers import compared, fill_mirror, server

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("subscribe", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_needs_a_connection_or_a_subcommand(db):
    with pytest.raises(CommandError, match="Name a --connection"):
        run()


def test_a_platform_without_record_pulls_is_sent_to_subscribe_pull(namespace, halo_server):
    halo_server.connection(namespace)
    with pytest.raises(CommandError, match="use `subscribe pull`"):
        run("--connection", "halo")


def test_diff_of_a_record_pull_as_json_and_xlsx(published_snow, sandbox, tmp_path):
    entry = SyncMapEntry.objects.filter(connection=published_snow, kind=RecordKind.APPLICATION).first()
    sandbox.put(f"/api/now/table/{entry.target_type}/{entry.target_id}", json={"description": "=SUM(A1)"})
    fill_mirror(published_snow, [server("s7")])
    pull = compared(published_snow)

    out, _ = run("diff", "--pull", str(pull.pk))
    found = {c["target_id"]: c for c in json.loads(out)["changes"]}
    assert found[entry.target_id]["outcome"] == CHANGED_IN_TARGET
    assert found[entry.target_id]["fields"]["description"]["target"] == "=SUM(A1)"
    assert found["s7"]["outcome"] == NEW

    target = tmp_path / "differences.xlsx"
    run("diff", "--pull", str(pull.pk), "--format", "xlsx", "--output", str(target))
    sheet = load_workbook(target).active
    cells = [r[11] for r in sheet.iter_rows(min_row=2) if r[11].value == "=SUM(A1)"]
    assert cells and cells[0].data_type == "s" and cells[0].quotePrefix
    with pytest.raises(CommandError, match="give --output FILE"):
        run("diff", "--pull", str(pull.pk), "--format", "xlsx")


def test_the_mirror_upserts_in_chunks_and_keeps_the_highest_update_time(published_snow, monkeypatch):
    monkeypatch.setattr(mirror, "CHUNK", 3)
    records = [
        Discovered(
            target_id=f"c{i}",
            name=f"pc{i}",
            target_type="cmdb_ci_computer",
            updated_on=f"2026-01-0{i + 1} 00:00:00",
        )
        for i in range(7)
    ]
    assert mirror.store(published_snow, records) == (7, "2026-01-07 00:00:00")
    app = Pulled("application", TargetRef("cmdb_ci_business_app", "b1"), "App", {"name": "App"}, ("x",))
    mirror.store(
        published_snow,
        [*records[:2], app, Discovered(target_id="c0", name="renamed", target_type="cmdb_ci_computer")],
    )
    rows = PulledRecord.objects.filter(connection=published_snow)
    assert rows.count() == 8 and rows.get(target_id="c0").name == "renamed"
    assert rows.get(target_id="b1").parents == ["x"] and rows.get(target_id="b1").kind == "application"


def test_a_full_then_incremental_pull_moves_the_watermark_and_flags_deletions(published_snow, sandbox):
    pull = execute_pull(start_pull(published_snow, queue=False, trigger="command"))
    assert pull.status == PullStatus.READY, pull.message
    state = authority.state_of(published_snow)
    first = state.watermark
    assert first and PulledRecord.objects.filter(connection=published_snow, kind="application").exists()
    entry = SyncMapEntry.objects.filter(connection=published_snow, kind=RecordKind.APPLICATION).first()
    sandbox.put(f"/api/now/table/{entry.target_type}/{entry.target_id}", json={"description": "Later"})
    pull = execute_pull(start_pull(published_snow, queue=False, trigger="command"))
    state.refresh_from_db()
    assert "changes since" in pull.message and state.watermark >= first
    assert pull.changes.get(target_id=entry.target_id).outcome == CHANGED_IN_TARGET


def test_the_command_pulls_prints_and_applies_owned_changes(published_snow, sandbox, tmp_path):
    state = authority.state_of(published_snow)
    state.authority = {"application.description": "target"}
    state.save()
    entry = SyncMapEntry.objects.filter(connection=published_snow, kind=RecordKind.APPLICATION).first()
    sandbox.put(f"/api/now/table/{entry.target_type}/{entry.target_id}", json={"description": "Owned"})
    out, err = run("--connection", "snow", "--apply-owned")
    assert "taken automatically: 1 field" in err
    assert BusinessApplication.objects.get(pk=entry.record_id).description == "Owned"
    assert json.loads(out)["connection"] == "snow"
    run("--connection", "snow", "--format", "xlsx", "--output", str(tmp_path / "d.xlsx"))
    assert load_workbook(tmp_path / "d.xlsx").active.max_row >= 1


@pytest.mark.parametrize("allowed", [True, False])
def test_the_daily_schedule_pulls_and_takes_only_target_owned_changes(
    published_snow, sandbox, queue, allowed, django_capture_on_commit_callbacks
):
    published_snow.schedule = "daily"
    published_snow.save()
    state = authority.state_of(published_snow)
    state.apply_owned = allowed
    state.authority = {"application.description": "target"}
    state.save()
    owned, other = SyncMapEntry.objects.filter(connection=published_snow, kind=RecordKind.APPLICATION)[:2]
    before = BusinessApplication.objects.get(pk=other.record_id).name
    sandbox.put(f"/api/now/table/{owned.target_type}/{owned.target_id}", json={"description": "Owned"})
    sandbox.put(f"/api/now/table/{other.target_type}/{other.target_id}", json={"name": "Renamed there"})

    with django_capture_on_commit_callbacks(execute=True):
        started = pulls_due()
    assert [p.connection for p in started] == [published_snow]
    assert [job.args for job in queue.get_jobs()] == [(str(started[0].pk),)]  # an RQ job
    pull = execute_pull(started[0])

    assert pull.status == PullStatus.READY
    taken = BusinessApplication.objects.get(pk=owned.record_id).description == "Owned"
    assert taken is allowed and ("Target-owned changes taken automatically" in pull.message) is allowed
    assert BusinessApplication.objects.get(pk=other.record_id).name == before  # portfolio-owned: waits
    waiting = pull.changes.filter(applied_at__isnull=True)
    assert waiting.get(target_id=other.target_id).outcome == CHANGED_IN_TARGET
    assert waiting.filter(target_id=owned.target_id).exists() is not allowed
    servers = pull.changes.filter(record_kind=RecordKind.INFRASTRUCTURE_ITEM, outcome=NEW)
    assert not InfrastructureItem.objects.filter(source_id__in=servers.values("target_id")).exists()  # waits
    assert pulls_due() == []  # once a day


def test_a_full_pull_marks_what_it_no_longer_found_as_gone(published_snow):
    """Through the real platform: a full pull marks what the sandbox no longer holds as gone (shown as gone
    from ServiceNow, never applied), and what it found as present."""
    platform = platform_of(published_snow)
    fill_mirror(published_snow, [server("s1")])
    with platform.client(published_snow) as client:
        result = mirror.refresh(
            platform, client, platform.options(published_snow.options), published_snow, full=True
        )
    assert result.full and authority.state_of(published_snow).full_pulled_at is not None
    assert PulledRecord.objects.get(connection=published_snow, target_id="s1").deleted
    entry = SyncMapEntry.objects.filter(connection=published_snow, kind=RecordKind.APPLICATION).first()
    assert not PulledRecord.objects.get(connection=published_snow, target_id=entry.target_id).deleted
    assert not compared(published_snow).changes.filter(target_id="s1").exists()  # never imported: nothing


def test_a_record_deleted_in_servicenow_is_flagged_by_the_incremental_pull(published_snow, sandbox):
    execute_pull(start_pull(published_snow, queue=False, trigger="command"))
    entry = SyncMapEntry.objects.filter(connection=published_snow, kind=RecordKind.APPLICATION).first()
    assert sandbox.delete(f"/api/now/table/{entry.target_type}/{entry.target_id}").status_code == 204
    pull = execute_pull(start_pull(published_snow, queue=False, trigger="command"))
    assert PulledRecord.objects.get(connection=published_snow, target_id=entry.target_id).deleted
    assert pull.changes.get(target_id=entry.target_id).outcome == "gone_from_target"
    assert BusinessApplication.objects.filter(pk=entry.record_id).exists()  # never applied


def test_pull_now_queues_a_record_pull_after_commit_and_the_job_prepares_it(
    admin_client, published_snow, queue, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from sync import jobs
    from sync.models import Pull

    url = reverse("sync:subscribe", args=["acme", published_snow.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"full": "on"})
    pull = Pull.objects.get(connection=published_snow)
    assert response.status_code == 302 and response["Location"] == url  # the merge screen, not a diff page
    assert pull.full and [job.args for job in queue.get_jobs()] == [(str(pull.pk),)]
    state = authority.state_of(published_snow)
    state.apply_owned = True
    state.save()

    assert jobs.execute_pull(str(pull.pk)) == PullStatus.READY

    pull.refresh_from_db()
    assert pull.message.startswith("full pull") and "Target-owned changes taken automatically" in pull.message


def test_a_pull_right_after_the_publish_finds_the_published_records_unchanged(published_snow, sandbox):
    """Fields ServiceNow never reconciles (correlation id, discovery source) are no change of it, and an
    application the portfolio retired itself is no news when ServiceNow holds it retired."""
    from catalog.choices import OperationalStatus

    pull = execute_pull(start_pull(published_snow, queue=False, trigger="command"))
    published = SyncMapEntry.objects.filter(connection=published_snow, kind__in=("application", "deployment"))
    assert not pull.changes.filter(target_id__in=published.values("target_id")).exists()
    retired = BusinessApplication.objects.filter(
        namespace=published_snow.namespace, operational_status=OperationalStatus.RETIRED
    )
    assert retired.exists() and PulledRecord.objects.filter(connection=published_snow, retired=True).exists()

    active = published.filter(kind="application").exclude(record_id__in=retired.values("pk")).first()
    sandbox.put(f"/api/now/table/{active.target_type}/{active.target_id}", json={"install_status": "7"})
    pull = execute_pull(start_pull(published_snow, queue=False, trigger="command"))
    assert pull.changes.get(target_id=active.target_id).outcome == "gone_from_target"
    assert BusinessApplication.objects.get(pk=active.record_id).operational_status != "retired"  # flagged


def test_the_daily_schedule_pulls_in_full_once_a_week_and_retries_a_failed_pull(published_snow, queue):
    from datetime import timedelta

    from django.utils import timezone

    from sync.models import Pull

    published_snow.schedule = "daily"
    published_snow.save()
    (first,) = pulls_due()
    assert first.full  # never pulled in full yet
    execute_pull(first)
    Pull.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=2))
    (incremental,) = pulls_due()
    assert not incremental.full
    Pull.objects.filter(pk=incremental.pk).update(status=PullStatus.FAILED)
    (retried,) = pulls_due()  # a failed pull is tried again the next run, not a day later
    assert not retried.full
    Pull.objects.filter(pk=retried.pk).update(status=PullStatus.FAILED)
    state = authority.state_of(published_snow)
    state.full_pulled_at = timezone.now() - timedelta(days=8)
    state.save()
    (weekly,) = pulls_due()
    assert weekly.full
