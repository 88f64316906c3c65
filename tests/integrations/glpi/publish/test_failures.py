"""A publish to GLPI when calls fail whole: a bulk add whose answer is lost after GLPI carried it out is
looked for, not sent twice; GLPI down for good stops the run after three batches in a row."""

from collections import Counter

import pytest

from integrations.base.sandbox.faults import parse_faults
from integrations.glpi import client as glpi_client
from integrations.glpi import reading, writing
from sync import runs
from sync.models import Outcome, RunStatus
from sync.publish import execute_publish
from sync.rollback import execute_rollback
from tests.runs import previewed, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    monkeypatch.setattr(glpi_client, "pause_before_retry", lambda _attempt: None)
    monkeypatch.setattr(writing, "pause_before_retry", lambda _attempt: None)
    monkeypatch.setattr(reading, "pause_before_retry", lambda _attempt: None)


def fail(glpi_server, spec: str) -> None:
    glpi_server.server.faults.faults = parse_faults(spec)


def test_a_bulk_add_whose_answer_is_lost_is_not_sent_twice(connection, glpi_server, recorded):
    previewed(connection)
    fail(glpi_server, "POST /apirest.php/Computer$@lost:1:1")
    run = publish(connection)
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert glpi_server.server.faults.drawn, "the fault was never drawn"
    assert recorded.calls.count(("POST", "/Computer")) == 1  # everything had landed: nothing sent again
    computers = [c for c in glpi_server.rows("Computer") if c["entities_id"] == 1]
    assert computers and max(Counter(c["name"] for c in computers).values()) == 1
    rows = run.items.filter(kind="infrastructure_item")
    assert rows.exists() and all(r.outcome == Outcome.CREATE for r in rows)

    rollback = execute_rollback(runs.start_rollback(run))
    assert rollback.status == RunStatus.SUCCEEDED, rollback.message
    assert not [
        c for c in glpi_server.rows("Computer") if c["entities_id"] == 1 and c["name"] == rows[0].name
    ]


def test_a_dropdown_add_whose_answer_is_lost_is_not_sent_twice(connection, glpi_server, recorded):
    previewed(connection)
    fail(glpi_server, "POST /apirest.php/ComputerType$@lost:1:1")
    run = publish(connection)
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert glpi_server.server.faults.drawn
    assert recorded.calls.count(("POST", "/ComputerType")) == 1
    types = Counter(t["name"].casefold() for t in glpi_server.rows("ComputerType"))
    assert types and max(types.values()) == 1
    typed = [c for c in glpi_server.rows("Computer") if c["entities_id"] == 1]
    assert typed and all(c["computertypes_id"] for c in typed)


def test_an_add_dropped_before_glpi_acted_is_sent_again(connection, glpi_server, recorded):
    previewed(connection)
    fail(glpi_server, "POST /apirest.php/Supplier$@reset:1:1")
    run = publish(connection)
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert glpi_server.server.faults.drawn
    assert recorded.calls.count(("POST", "/Supplier")) == 1  # the dropped one never reached GLPI
    suppliers = Counter(s["name"] for s in glpi_server.rows("Supplier"))
    assert suppliers and max(suppliers.values()) == 1
    created = run.items.filter(step="suppliers", outcome=Outcome.CREATE)
    assert created.exists() and all(r.target_id for r in created)


def test_glpi_refusing_every_write_stops_the_run_after_three_batches_in_a_row(
    connection, glpi_server, recorded
):
    previewed(connection)
    refused = ("Supplier", "Computer", "Software")  # the steps between send nothing: their records failed
    fail(glpi_server, ",".join(f"POST /apirest.php/{itemtype}$@503:1" for itemtype in refused))
    run = execute_publish(runs.start_publish(connection))
    assert run.status == RunStatus.FAILED, run.message
    assert "3 batches in a row failed" in run.message and "503" in run.message
    failed = run.items.filter(outcome=Outcome.ERROR)
    assert failed.exists() and all("The batch failed" in r.message for r in failed)
    assert not run.items.filter(step__in=("software_versions", "appliances", "contracts")).exists()
    assert ("POST", "/Appliance") not in recorded.calls
