"""Merge decisions on a record pull that the review found wrong: deciding some fields of a row keeps the
rest open, importing records created in the target, a sync-map entry left by a deleted item."""

import pytest

from catalog.models import BusinessApplication, InfrastructureItem
from sync import authority
from sync.dashboard import pending_differences
from sync.merge_apply import Submission, apply_merge
from sync.models import RecordKind, SyncMapEntry
from sync.subscribe import SubscribeRefused
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
