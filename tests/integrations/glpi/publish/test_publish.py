"""Publishing the portfolio and its inventory to the served GLPI sandbox through the real sync engine:
preview, decide, publish, re-publish, edits made in GLPI, rollback, a partial failure (207) and a
resumed run after a killed worker."""

from collections import Counter
from datetime import date

import pytest
from django.utils import timezone

from catalog.models import InfrastructureItem
from integrations.glpi.client import GlpiClient
from integrations.glpi.mapping import text
from integrations.glpi.mapping_inventory import COMPUTER_TYPES, months_between
from sync import runs
from sync.models import Outcome, Run, RunStatus, SyncMapEntry
from sync.rollback import execute_rollback
from tests.runs import previewed, publish

pytestmark = pytest.mark.django_db
FAILED = (Outcome.ERROR, Outcome.CONFLICT)
DROPDOWNS = ("ComputerType", "Manufacturer", "OperatingSystem", "OperatingSystemVersion", "ComputerModel")


class Crash(BaseException):
    """The worker dying (nothing in the engine catches it)."""


def failures(run) -> list:
    return list(run.items.filter(outcome__in=FAILED).values_list("name", "message"))


def items(connection):
    return InfrastructureItem.objects.filter(namespace=connection.namespace).order_by("name")


def named(glpi, itemtype: str) -> dict[int, str]:
    return {r["id"]: r["name"] for r in glpi.rows(itemtype)}


@pytest.fixture
def published(connection):
    previewed(connection)
    run = publish(connection)
    assert not failures(run), failures(run)[:5]
    return run


def test_every_computer_appears_once_with_its_inventory_and_contract(connection, glpi_server):
    """Issue 15's done-when; one computer GLPI already holds (by its serial) is adopted, not doubled."""
    first = items(connection).exclude(serial_number="").first()
    glpi_server.post(
        "/Computer", json={"input": {"name": "old-name", "serial": first.serial_number, "entities_id": 1}}
    )
    previewed(connection)
    run = publish(connection)
    assert not failures(run), failures(run)[:5]
    computers = [c for c in glpi_server.rows("Computer") if c["entities_id"] == 1 and not c["is_deleted"]]
    serials = Counter(c["serial"] for c in computers if c["serial"])
    assert max(serials.values()) == 1
    types, makers = named(glpi_server, "ComputerType"), named(glpi_server, "Manufacturer")
    systems, versions = named(glpi_server, "OperatingSystem"), named(glpi_server, "OperatingSystemVersion")
    installs = glpi_server.rows("Item_OperatingSystem")
    contracts = {c["id"]: c for c in glpi_server.rows("Contract")}
    links = glpi_server.rows("Contract_Item")
    today = timezone.localdate()
    for item in items(connection):
        (computer,) = [c for c in computers if c["serial"] == item.serial_number]
        assert computer["name"] == (item.name if item.pk != first.pk else "old-name")  # adopted: kept
        assert types[computer["computertypes_id"]] == COMPUTER_TYPES[item.item_type]
        assert makers[computer["manufacturers_id"]] == item.manufacturer
        (install,) = [i for i in installs if i["itemtype"] == "Computer" and i["items_id"] == computer["id"]]
        assert systems[install["operatingsystems_id"]] == item.operating_system
        assert versions.get(install["operatingsystemversions_id"], "") == item.os_version
        assert install["licenseid"] == item.os_license
        if item.service_end_date:
            (contract,) = [
                contracts[link["contracts_id"]]
                for link in links
                if link["itemtype"] == "Computer"
                and link["items_id"] == computer["id"]
                and contracts[link["contracts_id"]]["name"] == item.name
            ]
            assert contract["begin_date"] == today.isoformat()
            assert contract["duration"] == months_between(today, item.service_end_date)
    adopted = run.items.get(record_id=first.pk)
    assert adopted.outcome == Outcome.ADOPT


def test_dropdown_values_are_looked_up_and_never_duplicated(connection, glpi_server, published):
    for itemtype in DROPDOWNS:
        names = Counter(n.casefold() for n in named(glpi_server, itemtype).values())
        assert max(names.values()) == 1, (itemtype, names)
    # appliance types belong to an entity: the root's (not recursive) is not seen from the product's
    # entity, so one is made there, once
    mine = [t["name"] for t in glpi_server.rows("ApplianceType") if t["entities_id"] == 1]
    assert mine == ["Business application"]
    assert named(glpi_server, "ComputerType")[1] == "Server"  # the demo's own, used not re-created
    server_items = items(connection).filter(item_type="server")
    ids = {int(published.items.get(record_id=i.pk).target_id) for i in server_items}
    assert {c["computertypes_id"] for c in glpi_server.rows("Computer") if c["id"] in ids} <= {1}


def test_a_re_publish_with_nothing_changed_sends_no_writes(connection, published, recorded):
    recorded.calls.clear()
    previewed(connection)
    run = publish(connection)
    assert not recorded.writes()
    assert set(run.counts) <= {Outcome.UNCHANGED, Outcome.NOT_PUBLISHED}


def test_one_edited_computer_costs_at_most_three_calls(connection, glpi_server, published, recorded):
    item = items(connection).first()
    item.serial_number = "EDITED-0001"
    item.save()
    previewed(connection)
    recorded.calls.clear()
    run = publish(connection)
    assert len(recorded.data_calls()) <= 3, recorded.calls
    assert recorded.writes() == [("PUT", "/Computer")]
    assert run.items.get(record_id=item.pk).outcome == Outcome.UPDATE
    target = int(run.items.get(record_id=item.pk).target_id)
    assert next(c for c in glpi_server.rows("Computer") if c["id"] == target)["serial"] == "EDITED-0001"


def test_an_edit_made_in_glpi_is_seen_and_kept(connection, glpi_server, published):
    row = published.items.filter(kind="infrastructure_item", outcome=Outcome.CREATE).order_by("name").first()
    edit = glpi_server.put(f"/Computer/{row.target_id}", json={"input": {"serial": "EDITED-IN-GLPI"}})
    assert edit.status_code == 200, edit.text
    preview = previewed(connection)
    drift = preview.items.get(record_id=row.record_id)
    assert drift.outcome == Outcome.CHANGED_IN_TARGET
    assert drift.diff["serial"]["target"] == "EDITED-IN-GLPI"
    run = publish(connection)
    assert run.items.get(record_id=row.record_id).outcome == Outcome.CHANGED_IN_TARGET
    target = next(c for c in glpi_server.rows("Computer") if c["id"] == int(row.target_id))
    assert target["serial"] == "EDITED-IN-GLPI"  # not overwritten silently


def test_rollback_purges_what_the_publish_created_and_restores_what_it_adopted(
    connection, glpi_server, published
):
    before = {c["id"] for c in glpi_server.rows("Computer")} - {
        int(r.target_id) for r in published.items.filter(kind="infrastructure_item", outcome=Outcome.CREATE)
    }
    adopted = published.items.filter(outcome=Outcome.ADOPT).exclude(previous={})
    rollback = execute_rollback(runs.start_rollback(published))
    assert rollback.status == RunStatus.SUCCEEDED, (rollback.message, failures(rollback))
    assert {c["id"] for c in glpi_server.rows("Computer")} == before
    created_links = published.items.filter(kind="relation", outcome=Outcome.CREATE).exclude(target_id="")
    gone = {(r.target_type, int(r.target_id)) for r in created_links}
    left = {
        (t, r["id"])
        for t in ("Contract_Item", "Appliance_Item", "Contract_Supplier")
        for r in glpi_server.rows(t)
    }
    assert not gone & left
    assert [c["name"] for c in glpi_server.rows("Contract")] == ["Dell ProSupport srv-0009"]
    for row in adopted:
        record = next(r for r in glpi_server.rows(row.target_type) if r["id"] == int(row.target_id))
        assert all(text(record.get(k)) == v for k, v in row.previous.items()), (record, row.previous)


def test_a_rollback_keeps_a_computer_changed_in_glpi_since(connection, glpi_server, published):
    row = published.items.filter(kind="infrastructure_item", outcome=Outcome.CREATE).order_by("name").first()
    glpi_server.put(f"/Computer/{row.target_id}", json={"input": {"comment": "Racked in room 2"}})
    rollback = execute_rollback(runs.start_rollback(published))
    kept = rollback.items.get(record_id=row.record_id)
    assert kept.outcome == Outcome.SKIPPED and "changed since" in kept.message
    assert any(c["id"] == int(row.target_id) for c in glpi_server.rows("Computer"))


def test_a_partial_failure_is_reported_for_the_one_record(connection, glpi_server, recorded, monkeypatch):
    """GLPI answers 207 when some items of a bulk add fail: here a computer purged in GLPI while the
    publish ran, so its operating system install has nothing to attach to."""
    previewed(connection)
    add, purged = GlpiClient.add, []

    def purge_one_then_add(client, itemtype, inputs):
        if itemtype == "Item_OperatingSystem" and not purged:
            purged.append(inputs[0]["items_id"])
            answer = glpi_server.delete(f"/Computer/{purged[0]}", params={"force_purge": "true"})
            assert answer.status_code == 200, answer.text
        return add(client, itemtype, inputs)

    monkeypatch.setattr(GlpiClient, "add", purge_one_then_add)
    run = publish(connection)
    assert ("POST", "/Item_OperatingSystem", 207) in recorded.statuses
    assert run.status == RunStatus.PARTIAL
    (failed,) = run.items.filter(step="operating_systems", outcome=Outcome.ERROR)
    assert "does not exist" in failed.message
    others = run.items.filter(step="operating_systems").exclude(pk=failed.pk)
    assert others.exists() and all(r.outcome == Outcome.CREATE for r in others)


def test_a_resumed_run_after_a_killed_worker_duplicates_nothing(connection, glpi_server, monkeypatch):
    previewed(connection)
    add, crashed = GlpiClient.add, []

    def add_then_die(client, itemtype, inputs):
        outcomes = add(client, itemtype, inputs)
        if itemtype == "Computer" and not crashed:
            crashed.append(len(inputs))
            raise Crash  # the computers landed in GLPI; the worker never heard
        return outcomes

    monkeypatch.setattr(GlpiClient, "add", add_then_die)
    run = runs.start_publish(connection)
    with pytest.raises(Crash):
        from sync.publish import execute_publish

        execute_publish(run)
    Run.objects.filter(pk=run.pk).update(status=RunStatus.INTERRUPTED)
    run.refresh_from_db()
    runs.resume(run)
    from sync.publish import execute_publish

    run = execute_publish(Run.objects.get(pk=run.pk))
    assert run.status == RunStatus.SUCCEEDED, (run.message, failures(run)[:3])
    names = Counter(c["name"] for c in glpi_server.rows("Computer"))
    assert max(names.values()) == 1
    confirmed = run.items.filter(kind="infrastructure_item", message__contains="interrupted attempt").count()
    assert confirmed == crashed[0]
    assert SyncMapEntry.objects.filter(connection=connection, target_id="").count() == 0


def test_months_are_counted_to_the_service_end_date():
    assert months_between(date(2026, 11, 29), date(2029, 11, 28)) == 36
