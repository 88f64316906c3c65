"""Merge decisions on a record pull that the review found wrong: deciding some fields of a row keeps the
rest open, importing records created in the target, a sync-map entry left by a deleted item."""

import pytest

from catalog.models import BusinessApplication, InfrastructureItem
from sync import authority
from sync.dashboard import pending_differences
from sync.merge_apply import Submission, apply_merge
from sync.models import RecordKind, SyncMapEntry
from sync.subscribe import SubscribeRefused, execute_pull, start_pull
from sync.subscribe_compare import CHANGED_IN_TARGET, CONFLICT, NEW
from sync.subscribe_records import apply_target_owned
from tests.sync.subscribe_records_helpers import compared, fill_mirror, server

pytestmark = pytest.mark.django_db


def app_entry(connection):
    return SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.APPLICATION).order_by("pk")[0]


def imported_server(connection, target_id, **values):
    fill_mirror(connection, [server(target_id, **values)])
    pull = compared(connection)
    apply_merge(pull, Submission(imports={pull.changes.get(target_id=target_id).pk: []}))
    return InfrastructureItem.objects.get(source_id=target_id)


def test_deciding_some_fields_of_a_row_keeps_the_others_open(published_snow):
    connection = published_snow
    imported_server(connection, "p1", os_version="8", model="M1")
    fill_mirror(connection, [server("p1", os_version="9", model="M2")])
    pull = compared(connection)
    change = pull.changes.get(target_id="p1")
    assert {"os_version", "model"} <= set(change.diff)

    apply_merge(pull, Submission(fields={change.pk: {"os_version": "take"}}))

    change.refresh_from_db()
    assert change.applied_at is None and change.decisions == {"os_version": "take"}
    assert pending_differences(connection) >= 1
    with pytest.raises(SubscribeRefused, match="decided already"):
        apply_merge(pull, Submission(fields={change.pk: {"os_version": "keep"}}))
    apply_merge(pull, Submission(fields={change.pk: {"model": "take"}}))  # the same pull, still as pulled
    change.refresh_from_db()
    assert change.applied_at is not None and change.decisions == {"os_version": "take", "model": "take"}
    item = InfrastructureItem.objects.get(source_id="p1")
    assert (item.os_version, item.model) == ("9", "M2")


def test_taking_target_owned_fields_automatically_leaves_the_portfolio_owned_ones_to_decide(
    published_snow, sandbox
):
    connection = published_snow
    entry = app_entry(connection)
    state = authority.state_of(connection)
    state.authority = authority.parse("application.description = target")
    state.save()
    response = sandbox.put(
        f"/api/now/table/{entry.target_type}/{entry.target_id}",
        json={"description": "Owned by the target", "name": "Renamed in the target"},
    )
    assert response.status_code == 200, response.text
    fill_mirror(connection)
    pull = compared(connection)
    change = pull.changes.get(target_id=entry.target_id)
    assert {"description", "name"} <= set(change.diff)

    assert "1 field" in apply_target_owned(pull)

    change.refresh_from_db()
    assert change.applied_at is None and "name" not in change.decisions
    app = BusinessApplication.objects.get(pk=entry.record_id)
    assert app.description == "Owned by the target" and app.name != "Renamed in the target"
    apply_merge(pull, Submission(fields={change.pk: {"name": "take"}}))
    assert BusinessApplication.objects.get(pk=entry.record_id).name == "Renamed in the target"


def pulled_for_real(connection):
    """A full pull from the sandbox, as the schedule runs it."""
    pull = start_pull(connection, queue=False, full=True)
    return execute_pull(pull)


def test_applications_created_in_the_target_are_imported_with_free_application_ids(published_snow, sandbox):
    connection = published_snow
    for name in ("Payroll Next", "Ledger Next"):
        response = sandbox.post("/api/now/table/cmdb_ci_business_app", json={"name": name})
        assert response.status_code == 201, response.text
    pull = pulled_for_real(connection)
    changes = [pull.changes.get(name=name) for name in ("Payroll Next", "Ledger Next")]
    assert all(c.outcome == NEW for c in changes)
    assert changes[0].values.get("number")  # the target's own number, not an application id

    apply_merge(pull, Submission(imports={c.pk: [] for c in changes}))

    ids = {app.app_id for app in BusinessApplication.objects.filter(name__in=["Payroll Next", "Ledger Next"])}
    assert len(ids) == 2 and all(i.startswith("IMP-") for i in ids)


def test_a_server_whose_item_was_deleted_and_made_again_by_hand_can_be_merged(published_snow):
    connection = published_snow
    item = imported_server(connection, "r1", os_version="8")
    item.delete()
    InfrastructureItem.objects.create(namespace=connection.namespace, name="srv-r1", os_version="7")
    fill_mirror(connection, [server("r1", os_version="9")])
    pull = compared(connection)
    change = pull.changes.get(target_id="r1")
    assert "os_version" in change.diff

    apply_merge(pull, Submission(fields={change.pk: {"os_version": "take"}}))

    again = InfrastructureItem.objects.get(name="srv-r1")
    assert again.os_version == "9"
    entry = SyncMapEntry.objects.get(connection=connection, target_id="r1")
    assert entry.record_id == again.pk


def test_a_target_owned_field_is_taken_automatically_inside_a_record_in_conflict(published_snow):
    connection = published_snow
    item = imported_server(connection, "c1", os_version="8", model="M1")
    item.model = "Ours"
    item.save()
    fill_mirror(connection, [server("c1", os_version="9", model="M2")])
    pull = compared(connection)
    change = pull.changes.get(target_id="c1")
    assert change.outcome == CONFLICT and change.diff["os_version"]["state"] == CHANGED_IN_TARGET

    assert "taken automatically: 1 field" in apply_target_owned(pull)

    item.refresh_from_db()
    assert (item.os_version, item.model) == ("9", "Ours")  # the conflict waits for a person
    change.refresh_from_db()
    assert change.applied_at is None and list(change.decisions) == ["os_version"]


def test_a_bulk_decision_costs_a_bounded_number_of_queries_per_row(published_snow):
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    connection = published_snow
    names = [f"q{n}" for n in range(8)]
    fill_mirror(connection, [server(n, os_version="8") for n in names])
    pull = compared(connection)
    apply_merge(pull, Submission(imports={c.pk: [] for c in pull.changes.filter(target_id__in=names)}))
    fill_mirror(connection, [server(n, os_version="9") for n in names])
    pull = compared(connection)
    rows = list(pull.changes.filter(target_id__in=names).order_by("pk"))

    def queries(chosen) -> int:
        with CaptureQueriesContext(db) as captured:
            apply_merge(pull, Submission(fields={c.pk: {"os_version": "take"} for c in chosen}))
        return len(captured)

    two, six = queries(rows[:2]), queries(rows[2:])
    assert (six - two) / 4 <= 9, (two, six)  # validation, the writes and the row's audit


def test_pull_now_is_refused_while_a_pull_is_queued(published_snow):
    start_pull(published_snow, queue=False)
    with pytest.raises(SubscribeRefused, match="already queued or running"):
        start_pull(published_snow, queue=False)
