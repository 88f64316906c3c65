"""The item a ticket is about crosses through the sync maps, against both sandboxes: a GLPI ticket on a
computer arrives with that computer's CI as `cmdb_ci`, an incident on a CI gets the Item_Ticket, an item
no map knows is left unset (logged once); a solution and an incident's close notes cross once; re-runs
change nothing."""

import uuid

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from sync.models import SyncMapEntry
from tests.runs import previewed, publish
from tests.sync.test_preview import register_data_source
from tickets.engine import sync_pair
from tickets.models import TicketLink, TicketPair, TicketSyncLog

SEEDED = 1  # the GLPI sandbox's ticket 1, linked (Item_Ticket) to Computer 1


def new_ci(sandbox, name: str) -> str:
    response = sandbox.post("/api/now/table/cmdb_ci_computer", json={"name": name})
    assert response.status_code == 201, response.text
    return response.json()["result"]["sys_id"]


def published(pair: TicketPair, computer_id: int, sys_id: str, kind: str = "infrastructure_item") -> None:
    """What publishing one portfolio record to both platforms leaves in their sync maps."""
    record_id = uuid.uuid4()
    SyncMapEntry.objects.create(
        connection=pair.glpi,
        kind=kind,
        record_id=record_id,
        target_type="Computer",
        target_id=str(computer_id),
        direction="published",
    )
    SyncMapEntry.objects.create(
        connection=pair.servicenow,
        kind=kind,
        record_id=record_id,
        target_type="cmdb_ci_computer",
        target_id=sys_id,
        direction="published",
    )


def ci_of(incident: dict) -> str:
    value = incident.get("cmdb_ci")
    return str((value.get("value") if isinstance(value, dict) else value) or "")


def state(glpi_server, sandbox) -> tuple:
    """Both sides' records, what the links carried (by link, not by last sync time: a full run re-saves
    them), and the log: a re-run may only re-read."""
    return (
        glpi_server.rows("Ticket"),
        glpi_server.rows("Item_Ticket"),
        glpi_server.rows("ITILSolution"),
        sandbox.table("incident", sysparm_query="ORDERBYnumber"),
        sandbox.table("sys_journal_field"),
        list(TicketLink.objects.order_by("pk").values_list("mirrored", flat=True)),
        TicketSyncLog.objects.count(),
    )


def test_a_glpi_ticket_on_a_published_computer_arrives_with_its_ci(live, glpi_server, sandbox, caplog):
    sys_id = new_ci(sandbox, "srv-0009")
    published(live, 1, sys_id)
    with caplog.at_level("INFO"):
        report = sync_pair(live)
    assert not report.errors, report.errors
    [incident] = sandbox.table("incident")
    assert ci_of(incident) == sys_id
    writes = [r.getMessage() for r in caplog.records if r.getMessage().startswith(("POST /api", "PUT /api"))]
    assert len(writes) == 1 and writes[0].startswith("POST /api/now/table/incident")  # cmdb_ci in the create
    assert TicketSyncLog.objects.filter(message__contains="cmdb_ci set from GLPI Computer 1").count() == 1
    before = state(glpi_server, sandbox)
    assert not sync_pair(live).errors
    assert not sync_pair(live).errors
    assert state(glpi_server, sandbox) == before


def test_an_item_no_map_knows_is_left_unset_and_logged_once(live, glpi_server, sandbox):
    sync_pair(live)
    [incident] = sandbox.table("incident")
    assert ci_of(incident) == ""
    sync_pair(live, full=True)
    notes = TicketSyncLog.objects.filter(message__contains="not published to ServiceNow")
    assert notes.count() == 1 and notes[0].level == "info"


def test_an_incident_on_a_ci_gets_the_item_ticket_once(live, glpi_server, sandbox):
    sys_id = new_ci(sandbox, "srv-0002")
    published(live, 2, sys_id)
    sync_pair(live)
    response = sandbox.post(
        "/api/now/table/incident", json={"short_description": "Server slow", "cmdb_ci": sys_id}
    )
    assert response.status_code == 201, response.text
    created = response.json()["result"]["sys_id"]
    report = sync_pair(live)
    assert not report.errors, report.errors
    link = TicketLink.objects.get(servicenow_sys_id=created)
    linked = [
        (r["itemtype"], r["items_id"])
        for r in glpi_server.rows("Item_Ticket")
        if r["tickets_id"] == link.glpi_id
    ]
    assert linked == [("Computer", 2)]
    before = state(glpi_server, sandbox)
    sync_pair(live)
    sync_pair(live, full=True)
    assert state(glpi_server, sandbox) == before


def test_a_glpi_solution_becomes_the_close_notes_of_the_resolved_incident(live, glpi_server, sandbox):
    sync_pair(live)
    solution = {"itemtype": "Ticket", "items_id": SEEDED, "content": "<p>Purged the <b>old</b> logs.</p>"}
    assert glpi_server.post("/ITILSolution", json={"input": solution}).status_code == 201
    report = sync_pair(live)
    assert not report.errors, report.errors
    [incident] = sandbox.table("incident")
    assert (incident["state"], incident["close_notes"]) == ("6", "Purged the old logs.")
    before = state(glpi_server, sandbox)
    sync_pair(live)
    sync_pair(live, full=True)
    assert state(glpi_server, sandbox) == before


def test_a_resolved_incident_adds_one_glpi_solution_with_its_close_notes(live, glpi_server, sandbox):
    sync_pair(live)
    [incident] = sandbox.table("incident")
    values = {"state": "6", "close_code": "Solution provided", "close_notes": "Extended the C: volume."}
    response = sandbox.put(f"/api/now/table/incident/{incident['sys_id']}", json=values)
    assert response.status_code == 200, response.text
    report = sync_pair(live)
    assert not report.errors, report.errors
    [solution] = [s for s in glpi_server.rows("ITILSolution") if s["items_id"] == SEEDED]
    assert "Extended the C: volume." in solution["content"]
    assert next(t for t in glpi_server.rows("Ticket") if t["id"] == SEEDED)["status"] == 5
    before = state(glpi_server, sandbox)
    sync_pair(live)
    sync_pair(live, full=True)
    assert state(glpi_server, sandbox) == before


def test_after_real_publishes_a_ticket_on_an_application_appliance_gets_its_business_app(
    live, glpi_server, sandbox, settings
):
    """Both platforms publish applications (a GLPI Appliance, a ServiceNow business application).
    ServiceNow publishes no infrastructure items: the computer path through entries a subscribe import
    made is in test_engine_subscribed_items."""
    settings.CONNECTIONS_ALLOW_LOOPBACK = True
    import_document(live.namespace, build_demo_document(DemoShape(apps=2, services=1, seed=42)))
    register_data_source(sandbox)
    for connection in (live.glpi, live.servicenow):
        previewed(connection)
        publish(connection)
    appliances = SyncMapEntry.objects.filter(
        connection=live.glpi, kind="application", target_type="Appliance"
    ).exclude(target_id="")
    sn_apps = SyncMapEntry.objects.filter(connection=live.servicenow, kind="application").exclude(
        target_id=""
    )
    glpi_entry = appliances.filter(record_id__in=sn_apps.values("record_id")).first()
    assert glpi_entry is not None, "no application was published to both"
    sn_entry = sn_apps.get(record_id=glpi_entry.record_id)
    ticket = {"name": "App down", "content": "<p>500 on login</p>", "entities_id": 1}
    response = glpi_server.post("/Ticket", json={"input": ticket})
    assert response.status_code == 201, response.text
    ticket_id = response.json()["id"]
    on = {"itemtype": "Appliance", "items_id": int(glpi_entry.target_id), "tickets_id": ticket_id}
    response = glpi_server.post("/Item_Ticket", json={"input": on})
    assert response.status_code == 201, response.text
    report = sync_pair(live)
    assert not report.errors, report.errors
    link = TicketLink.objects.get(pair=live, glpi_id=ticket_id)
    [incident] = sandbox.table("incident", sysparm_query=f"sys_id={link.servicenow_sys_id}")
    assert ci_of(incident) == sn_entry.target_id
