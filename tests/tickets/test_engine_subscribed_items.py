"""A ticket's item crosses both ways through sync-map entries a subscribe import made (ServiceNow's side
"taken", GLPI's published), against both sandboxes: a GLPI ticket on the Computer of an imported demo
machine arrives with the machine's server as `cmdb_ci`; an incident on another imported server gets the
Item_Ticket on that server's Computer; a re-run changes nothing."""

import pytest

from tests.factories import ConnectionFactory
from tests.tickets.subscribed import subscribed_machines
from tests.tickets.test_engine_items import ci_of, state
from tickets.engine import sync_pair
from tickets.mapping import default_mapping_text
from tickets.models import TicketLink, TicketPair, TicketSyncLog

NAMES = ("lnx-legal-01", "win-m365-gw01")


@pytest.fixture
def subscribed(namespace, glpi_server, make_sandbox, settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True
    sandbox = make_sandbox(demo_machines=True)
    snow = ConnectionFactory(
        namespace=namespace,
        name="snow",
        instance_url=sandbox.url,
        ca_bundle=sandbox.ca_pem,
        sync_direction="both",
    )
    glpi = glpi_server.connection(namespace)
    machines = subscribed_machines(namespace, glpi, snow, sandbox, NAMES)
    pair = TicketPair.objects.create(
        namespace=namespace, name="helpdesk", glpi=glpi, servicenow=snow, mapping=default_mapping_text()
    )
    return pair, sandbox, machines


def new_ticket(glpi_server, computer: int) -> int:
    response = glpi_server.post("/Ticket", json={"input": {"name": "Disk full", "entities_id": 1}})
    assert response.status_code == 201, response.text
    ticket_id = int(response.json()["id"])
    on = {"itemtype": "Computer", "items_id": computer, "tickets_id": ticket_id}
    assert glpi_server.post("/Item_Ticket", json={"input": on}).status_code == 201
    return ticket_id


def test_a_glpi_ticket_on_an_imported_machine_arrives_with_its_server_as_cmdb_ci(subscribed, glpi_server):
    pair, sandbox, machines = subscribed
    machine = machines["lnx-legal-01"]
    ticket_id = new_ticket(glpi_server, machine.computer)
    report = sync_pair(pair)
    assert not report.errors, report.errors
    link = TicketLink.objects.get(pair=pair, glpi_id=ticket_id)
    [incident] = sandbox.table("incident", sysparm_query=f"sys_id={link.servicenow_sys_id}")
    assert ci_of(incident) == machine.sys_id
    message = f"cmdb_ci set from GLPI Computer {machine.computer}"
    assert TicketSyncLog.objects.filter(link=link, message__contains=message).count() == 1
    before = state(glpi_server, sandbox)
    assert not sync_pair(pair).errors
    assert state(glpi_server, sandbox) == before


def test_an_incident_on_an_imported_server_gets_the_item_ticket_on_its_computer(subscribed, glpi_server):
    pair, sandbox, machines = subscribed
    machine = machines["win-m365-gw01"]
    sync_pair(pair)
    response = sandbox.post(
        "/api/now/table/incident", json={"short_description": "Gateway down", "cmdb_ci": machine.sys_id}
    )
    assert response.status_code == 201, response.text
    report = sync_pair(pair)
    assert not report.errors, report.errors
    link = TicketLink.objects.get(pair=pair, servicenow_sys_id=response.json()["result"]["sys_id"])
    linked = [
        (r["itemtype"], r["items_id"])
        for r in glpi_server.rows("Item_Ticket")
        if r["tickets_id"] == link.glpi_id
    ]
    assert linked == [("Computer", machine.computer)]
    before = state(glpi_server, sandbox)
    sync_pair(pair)
    sync_pair(pair, full=True)
    assert state(glpi_server, sandbox) == before
