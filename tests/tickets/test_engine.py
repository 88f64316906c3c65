"""The ticket sync engine against the real GLPI and ServiceNow sandboxes (HTTPS servers, no mocks):
creation of the missing side, edits both ways, no ping-pong, conflicts per policy, comments exactly once,
a stopped run then a re-run, and the dry run."""

import pytest

from tickets.conflicts import ConflictGone, resolve
from tickets.engine import sync_pair
from tickets.mapping import default_mapping_text
from tickets.models import ConflictState, TicketConflict, TicketLink, TicketPair, TicketSyncLog
from tickets.writer import Writer

SEEDED = 1  # the GLPI sandbox's ticket 1, "srv-0009: disk usage warning", with one followup


def mapping(policy: str = "newer_wins") -> str:
    return default_mapping_text().replace("conflict_policy: newer_wins", f"conflict_policy: {policy}")


def set_policy(pair: TicketPair, policy: str) -> None:
    pair.mapping = mapping(policy)
    pair.full_clean()
    pair.save()


def incidents(sandbox) -> list[dict]:
    return sandbox.table("incident", sysparm_query="ORDERBYnumber")


def glpi_put(glpi_server, ticket_id: int, **values) -> None:
    response = glpi_server.put(f"/Ticket/{ticket_id}", json={"input": values})
    assert response.status_code == 200, response.text


def sn_put(sandbox, sys_id: str, **values) -> None:
    response = sandbox.put(f"/api/now/table/incident/{sys_id}", json=values)
    assert response.status_code == 200, response.text


def glpi_ticket(glpi_server, ticket_id: int) -> dict:
    return next(r for r in glpi_server.rows("Ticket") if r["id"] == ticket_id)


def snapshot(glpi_server, sandbox) -> tuple:
    return (
        glpi_server.rows("Ticket"),
        glpi_server.rows("ITILFollowup"),
        incidents(sandbox),
        sandbox.table("sys_journal_field"),
        list(TicketLink.objects.values("glpi_values", "servicenow_values", "mirrored")),
    )


def test_a_glpi_ticket_appears_in_servicenow_with_mapped_urgency_impact_and_computed_priority(
    live, glpi_server, sandbox
):
    glpi_put(glpi_server, SEEDED, urgency=5, impact=4)
    report = sync_pair(live)
    assert not report.errors, report.errors
    assert report.servicenow["created"] == 1
    [incident] = incidents(sandbox)
    assert incident["short_description"] == "srv-0009: disk usage warning"
    assert incident["description"] == "Disk usage on C: is above 90% & rising"
    assert (incident["urgency"], incident["impact"], incident["priority"]) == ("1", "1", "1")
    link = TicketLink.objects.get(pair=live)
    assert (link.glpi_id, link.servicenow_sys_id) == (SEEDED, incident["sys_id"])
    assert link.servicenow_values["urgency"] == "1" and link.glpi_values["urgency"] == "5"
    notes = sandbox.table("sys_journal_field", sysparm_query=f"element_id={incident['sys_id']}")
    texts = {n["value"] for n in notes}
    assert f"Portfolio Bridge link: glpi:{live.pk}:{SEEDED}" in texts
    assert any(t.startswith("[GLPI: ") and "Cleaned the temp folder." in t for t in texts)
    live.refresh_from_db()
    assert live.glpi_watermark is not None and live.servicenow_watermark is not None
    assert live.last_run_status == "ok"


def test_an_incident_appears_in_glpi_with_a_marker_and_mapped_codes(live, glpi_server, sandbox):
    sync_pair(live)
    response = sandbox.post(
        "/api/now/table/incident", json={"short_description": "Printer jam", "urgency": "1", "impact": "2"}
    )
    assert response.status_code == 201
    created = response.json()["result"]
    report = sync_pair(live)
    assert report.glpi["created"] == 1, report.lines()
    link = TicketLink.objects.get(servicenow_sys_id=created["sys_id"])
    ticket = glpi_ticket(glpi_server, link.glpi_id)
    assert (ticket["name"], ticket["urgency"], ticket["impact"]) == ("Printer jam", 4, 3)
    assert f"[servicenow:{created['sys_id']}]" in ticket["content"]


def test_edits_arrive_on_the_other_side_and_re_runs_change_nothing(live, glpi_server, sandbox):
    sync_pair(live)
    [incident] = incidents(sandbox)
    glpi_put(glpi_server, SEEDED, name="srv-0009: disk full", urgency=2)
    report = sync_pair(live)
    assert report.servicenow["updated"] == 1 and report.glpi["updated"] == 0, report.lines()
    [incident] = incidents(sandbox)
    assert (incident["short_description"], incident["urgency"]) == ("srv-0009: disk full", "3")
    sn_put(sandbox, incident["sys_id"], state="2", impact="1")
    report = sync_pair(live)
    assert report.glpi["updated"] == 1 and report.servicenow["updated"] == 0, report.lines()
    ticket = glpi_ticket(glpi_server, SEEDED)
    assert (ticket["status"], ticket["impact"]) == (2, 4)
    before = snapshot(glpi_server, sandbox)
    for _ in range(3):
        report = sync_pair(live)
        assert report.as_dict()["glpi"].get("updated", 0) == 0
        assert report.as_dict()["servicenow"].get("updated", 0) == 0
    assert snapshot(glpi_server, sandbox) == before  # no ping-pong, no comment copied twice


@pytest.mark.parametrize(
    ("policy", "name", "short_description"),
    [
        ("newer_wins", "sn edit", "sn edit"),  # ServiceNow was edited last
        ("glpi_wins", "glpi edit", "glpi edit"),
        ("servicenow_wins", "sn edit", "sn edit"),
    ],
)
def test_both_sides_edited_is_decided_by_the_policy(
    live, glpi_server, sandbox, policy, name, short_description
):
    set_policy(live, policy)
    sync_pair(live)
    [incident] = incidents(sandbox)
    glpi_put(glpi_server, SEEDED, name="glpi edit")
    TicketLink.objects.filter(pair=live).update(last_synced_at=None)
    import time

    time.sleep(1.1)  # the two clocks have one-second stamps: ServiceNow's edit is the later one
    sn_put(sandbox, incident["sys_id"], short_description="sn edit")
    report = sync_pair(live)
    assert report.conflicts == 0 and not report.errors
    assert glpi_ticket(glpi_server, SEEDED)["name"] == name
    assert incidents(sandbox)[0]["short_description"] == short_description
    assert TicketSyncLog.objects.filter(message__contains="name: ").exists()
    assert not TicketConflict.objects.exists()


def test_manual_policy_queues_the_conflict_with_both_values_and_writes_neither(live, glpi_server, sandbox):
    set_policy(live, "manual")
    sync_pair(live)
    [incident] = incidents(sandbox)
    glpi_put(glpi_server, SEEDED, name="glpi edit", urgency=5)
    sn_put(sandbox, incident["sys_id"], short_description="sn edit")
    report = sync_pair(live)
    assert report.conflicts == 1
    conflict = TicketConflict.objects.get()
    assert (conflict.field, conflict.glpi_value, conflict.servicenow_value) == (
        "name",
        "glpi edit",
        "sn edit",
    )
    assert conflict.state == ConflictState.OPEN
    assert glpi_ticket(glpi_server, SEEDED)["name"] == "glpi edit"
    assert incidents(sandbox)[0]["short_description"] == "sn edit"
    assert incidents(sandbox)[0]["urgency"] == "1"  # the field without a conflict still synced
    assert sync_pair(live).conflicts == 0 and TicketConflict.objects.count() == 1  # queued once


def test_a_servicenow_comment_appears_once_in_glpi_attributed(live, glpi_server, sandbox):
    sync_pair(live)
    [incident] = incidents(sandbox)
    sn_put(sandbox, incident["sys_id"], comments="Rebooted the server")
    sn_put(sandbox, incident["sys_id"], work_notes="Checked the logs")
    report = sync_pair(live)
    assert report.glpi["comments"] == 2, report.lines()
    copies = [f for f in glpi_server.rows("ITILFollowup") if "[ServiceNow: admin]" in f["content"]]
    assert [(("Rebooted" in f["content"]), f["is_private"]) for f in copies] == [(True, 0), (False, 1)]
    for _ in range(2):
        sync_pair(live, full=True)
    assert len([f for f in glpi_server.rows("ITILFollowup") if "[ServiceNow: " in f["content"]]) == 2
    journal = sandbox.table("sys_journal_field", sysparm_query=f"element_id={incident['sys_id']}")
    assert len([j for j in journal if j["value"].startswith("[GLPI: ")]) == 1  # the seeded followup, once


def test_a_run_stopped_after_creating_then_a_re_run_duplicates_nothing(
    live, glpi_server, sandbox, monkeypatch
):
    def stop(*args, **kwargs):
        raise RuntimeError("killed")

    monkeypatch.setattr(Writer, "save", stop)
    with pytest.raises(RuntimeError):
        sync_pair(live)
    assert len(incidents(sandbox)) == 1 and not TicketLink.objects.exists()
    monkeypatch.undo()
    report = sync_pair(live)
    assert report.servicenow["created"] == 0 and not report.errors, report.lines()
    [incident] = incidents(sandbox)
    assert TicketLink.objects.get().servicenow_sys_id == incident["sys_id"]
    assert len(glpi_server.rows("Ticket")) == 1  # the incident was not taken for a new one either
    journal = sandbox.table("sys_journal_field", sysparm_query=f"element_id={incident['sys_id']}")
    assert len([j for j in journal if j["value"].startswith("[GLPI: ")]) == 1


def test_a_run_stopped_after_creating_a_glpi_ticket_is_linked_by_its_marker(
    live, glpi_server, sandbox, monkeypatch
):
    sync_pair(live)
    sandbox.post("/api/now/table/incident", json={"short_description": "Printer jam"})
    monkeypatch.setattr(Writer, "new_link", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("killed")))
    with pytest.raises(RuntimeError):
        sync_pair(live)
    monkeypatch.undo()
    assert len(glpi_server.rows("Ticket")) == 2
    report = sync_pair(live)
    assert report.glpi["created"] == 0 and not report.errors, report.lines()
    assert len(glpi_server.rows("Ticket")) == 2 and TicketLink.objects.count() == 2


def test_dry_run_writes_nothing_and_says_what_it_would_do(live, glpi_server, sandbox):
    before = snapshot(glpi_server, sandbox)
    report = sync_pair(live, dry_run=True)
    assert report.servicenow["created"] == 1
    assert "ServiceNow: 1 created, 0 updated, 0 comments would be" in report.lines()
    assert snapshot(glpi_server, sandbox) == before
    live.refresh_from_db()
    assert live.glpi_watermark is None and live.last_run_status == "never"
    assert not TicketSyncLog.objects.exists()


@pytest.mark.parametrize(("keep", "expected"), [("glpi", "glpi edit"), ("servicenow", "sn edit")])
def test_a_queued_conflict_is_resolved_field_by_field_and_stays_resolved(
    live, glpi_server, sandbox, admin_user, keep, expected
):
    set_policy(live, "manual")
    sync_pair(live)
    [incident] = incidents(sandbox)
    glpi_put(glpi_server, SEEDED, name="glpi edit")
    sn_put(sandbox, incident["sys_id"], short_description="sn edit")
    sync_pair(live)
    conflict = TicketConflict.objects.get()
    resolve(conflict, keep, admin_user)
    assert glpi_ticket(glpi_server, SEEDED)["name"] == expected
    assert incidents(sandbox)[0]["short_description"] == expected
    conflict.refresh_from_db()
    assert (conflict.state, conflict.resolution, conflict.resolved_by) == ("resolved", keep, admin_user)
    with pytest.raises(ConflictGone):
        resolve(conflict, keep, admin_user)
    before = snapshot(glpi_server, sandbox)
    report = sync_pair(live)
    assert report.conflicts == 0 and not report.as_dict()["glpi"].get("updated")
    assert not report.as_dict()["servicenow"].get("updated")
    assert snapshot(glpi_server, sandbox)[:4] == before[:4]
    assert TicketConflict.objects.filter(state="open").count() == 0


def test_an_idle_sync_reads_once_per_side(live, glpi_server, sandbox, caplog):
    """Right after the run that created the incident (inside the overlap, so both lists return the
    ticket again): the link's stamps match, and neither the followups, the journal, the files nor the
    items are read; the incidents and the new attachments come in one Batch API call."""
    sync_pair(live)
    caplog.clear()
    with caplog.at_level("INFO"):
        sync_pair(live)
    calls = [r.getMessage().split(" →")[0] for r in caplog.records if r.name.startswith("integrations.")]
    reads = [c for c in calls if "Session" not in c and "changeActiveEntities" not in c]
    assert reads == ["GET /Ticket", "POST /api/now/v1/batch"]


def test_a_glpi_followup_becomes_one_work_note_or_comment(live, glpi_server, sandbox):
    sync_pair(live)
    followup = {"itemtype": "Ticket", "items_id": SEEDED, "content": "<p>Private check</p>", "is_private": 1}
    assert glpi_server.post("/ITILFollowup", json={"input": followup}).status_code == 201
    # The GLPI sandbox does not yet move a ticket's date_mod when a followup is added (GLPI does), so a
    # full read finds it here; an incremental one would once the ticket's date_mod moves.
    report = sync_pair(live, full=True)
    assert report.servicenow["comments"] == 1, report.lines()
    [incident] = incidents(sandbox)
    journal = sandbox.table("sys_journal_field", sysparm_query=f"element_id={incident['sys_id']}")
    notes = [(j["element"], j["value"]) for j in journal if "Private check" in j["value"]]
    assert len(notes) == 1 and notes[0][0] == "work_notes" and notes[0][1].startswith("[GLPI: ")
    assert sync_pair(live, full=True).servicenow["comments"] == 0
    assert not [f for f in glpi_server.rows("ITILFollowup") if f["content"].count("Private check") > 1]


def test_a_solved_glpi_ticket_resolves_the_incident_with_close_fields(live, glpi_server, sandbox):
    sync_pair(live)
    glpi_put(glpi_server, SEEDED, status=5)
    report = sync_pair(live)
    assert not report.errors, report.errors
    [incident] = incidents(sandbox)
    assert (incident["state"], incident["close_code"]) == ("6", "Solution provided")
    assert incident["close_notes"] == f"Solved in GLPI (ticket {SEEDED})."
    assert sync_pair(live).as_dict()["glpi"].get("updated", 0) == 0  # ServiceNow's state is not echoed


def test_a_new_incident_is_created_in_one_write_with_its_first_comment(live, glpi_server, sandbox, caplog):
    with caplog.at_level("INFO"):
        report = sync_pair(live)
    assert not report.errors, report.errors
    calls = [
        r.getMessage().split(" →")[0] for r in caplog.records if r.name.startswith("integrations.servicenow")
    ]
    assert [c for c in calls if not c.startswith("GET ")] == ["POST /api/now/table/incident"]
    # the lists, the look for an incident a stopped run created, the create: its journal and attachments
    # are not read back, as the create wrote all they hold
    assert [c for c in calls if "oauth" not in c] == [
        "GET /api/now/table/sys_journal_field",
        "POST /api/now/table/incident",
        "GET /api/now/table/incident",
    ]
    [incident] = incidents(sandbox)
    journal = sandbox.table("sys_journal_field", sysparm_query=f"element_id={incident['sys_id']}")
    copied = [j for j in journal if j["value"].startswith("[GLPI: ")]
    assert len(copied) == 1 and copied[0]["element"] == "comments"
    assert report.servicenow["comments"] == 1
    assert TicketLink.objects.get().mirrored["glpi"] == [str(glpi_server.rows("ITILFollowup")[0]["id"])]
    assert sync_pair(live, full=True).servicenow["comments"] == 0
    assert len(sandbox.table("sys_journal_field", sysparm_query=f"element_id={incident['sys_id']}")) == len(
        journal
    )
