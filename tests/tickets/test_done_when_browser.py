"""Issue 17's done-when in headless Chromium, against the GLPI and ServiceNow sandboxes: an admin creates a
pair, a GLPI ticket on a demo computer reaches ServiceNow with mapped urgency, impact and priority after
"Sync now"; a ServiceNow comment reaches GLPI once; a conflict is resolved on the conflicts page; an alert
opens, updates and solves a GLPI ticket; the Excel export downloads. Queued jobs are run by an RQ
SimpleWorker in burst mode in the test's process (same database)."""

import io

import django_rq
import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook
from rest_framework.test import APIClient
from rq import SimpleWorker

from catalog.choices import Role
from catalog.models import Membership
from pipelines.tokens import create_token
from sync.models import RecordKind, SyncMapEntry
from tests.browser import log_in
from tests.factories import ConnectionFactory, InfrastructureItemFactory
from tests.tickets.test_engine import glpi_put, glpi_ticket, incidents, mapping, sn_put
from tickets import jobs
from tickets.engine import sync_pair
from tickets.models import TicketLink, TicketPair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMPUTER = 1  # srv-0009 in the GLPI sandbox's demo seed
PASSWORD = "a-long-password-1"  # noqa: S105


@pytest.fixture(autouse=True)
def loopback(settings):
    from django.core.cache import cache

    settings.CONNECTIONS_ALLOW_LOOPBACK = True
    settings.PIPELINE_RATE = "1000/min"
    cache.clear()


@pytest.fixture
def tickets_queue():
    queue = django_rq.get_queue(jobs.QUEUE)
    queue.empty()
    yield queue
    queue.empty()


def run_jobs(queue) -> None:
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def new_glpi_ticket(glpi_server, **values) -> int:
    response = glpi_server.post("/Ticket", json={"input": {"entities_id": 1, **values}})
    assert response.status_code == 201, response.text
    ticket_id = int(response.json()["id"])
    link = {"itemtype": "Computer", "items_id": COMPUTER, "tickets_id": ticket_id}
    assert glpi_server.post("/Item_Ticket", json={"input": link}).status_code == 201
    return ticket_id


def sync_now(page, url: str, queue) -> None:
    page.goto(url)
    page.click("button:has-text('Sync now')")
    page.wait_for_load_state()
    run_jobs(queue)


def test_an_admin_runs_issue_17s_done_when(live_server, page, namespace, glpi_server, sandbox, tickets_queue):
    admin = get_user_model().objects.create_user("ada", password=PASSWORD)
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    glpi = glpi_server.connection(namespace)
    snow = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    sync_pair_seed = new_glpi_ticket(glpi_server, name="srv-0009: fan failure", content="<p>Fan 2</p>")
    glpi_put(glpi_server, sync_pair_seed, urgency=5, impact=4)

    log_in(page, live_server.url, "ada", PASSWORD)
    page.goto(f"{live_server.url}/n/{namespace.slug}/tickets/add/")
    page.fill("#id_name", "helpdesk")
    page.select_option("#id_glpi", value=str(glpi.pk))
    page.select_option("#id_servicenow", value=str(snow.pk))
    page.fill("#id_mapping", mapping("manual"))
    page.click("form button[type=submit]")
    page.wait_for_selector("button:has-text('Sync now')")
    pair = TicketPair.objects.get(name="helpdesk")
    detail = page.url

    sync_now(page, detail, tickets_queue)
    link = TicketLink.objects.get(pair=pair, glpi_id=sync_pair_seed)
    [incident] = [i for i in incidents(sandbox) if i["sys_id"] == link.servicenow_sys_id]
    assert incident["short_description"] == "srv-0009: fan failure"
    assert (incident["urgency"], incident["impact"], incident["priority"]) == ("1", "1", "1")

    sn_put(sandbox, incident["sys_id"], comments="Replaced the fan")
    sync_now(page, detail, tickets_queue)
    sync_now(page, detail, tickets_queue)
    notes = [f for f in glpi_server.rows("ITILFollowup") if f["items_id"] == sync_pair_seed]
    assert sum("Replaced the fan" in f["content"] for f in notes) == 1

    glpi_put(glpi_server, sync_pair_seed, name="fan failure (GLPI)")
    sn_put(sandbox, incident["sys_id"], short_description="fan failure (SN)")
    sync_now(page, detail, tickets_queue)
    page.goto(f"{live_server.url}/n/{namespace.slug}/tickets/{pair.pk}/conflicts/")
    assert "fan failure (GLPI)" in page.inner_text("table") and "fan failure (SN)" in page.inner_text("table")
    page.click('button:has-text("Take ServiceNow\'s")')
    page.wait_for_selector("text=No open conflicts.")
    run_jobs(tickets_queue)
    assert glpi_ticket(glpi_server, sync_pair_seed)["name"] == "fan failure (SN)"

    item = InfrastructureItemFactory(namespace=namespace, name="srv-0009", serial_number="SN-0009")
    SyncMapEntry.objects.create(
        connection=glpi,
        kind=RecordKind.INFRASTRUCTURE_ITEM,
        record_id=item.pk,
        target_type="Computer",
        target_id=str(COMPUTER),
        direction="published",
    )
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {create_token(namespace, 'monitoring', 'alerts').secret}")
    body = {"key": "disk-srv-0009", "severity": "major", "item": "srv-0009"}
    opened = api.post("/api/alerts", {**body, "state": "problem", "message": "Disk at 95%"}, format="json")
    assert opened.status_code == 201, opened.content
    ticket_id = opened.json()["ticket"]
    again = api.post("/api/alerts", {**body, "state": "problem", "message": "Disk at 97%"}, format="json")
    assert again.json()["action"] == "followup" and again.json()["ticket"] == ticket_id
    solved = api.post("/api/alerts", {**body, "state": "ok", "message": "Disk at 60%"}, format="json")
    assert solved.json()["action"] == "solved"
    assert glpi_ticket(glpi_server, int(ticket_id))["status"] == 5
    assert any("Disk at 97%" in f["content"] for f in glpi_server.rows("ITILFollowup"))

    page.goto(detail)
    with page.expect_download() as download:
        page.click("a:has-text('Excel')")
    saved = download.value
    assert saved.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(open(saved.path(), "rb").read()))  # noqa: SIM115
    assert len(workbook.sheetnames) == 3
    assert workbook.worksheets[0].max_row >= 2  # the header and at least the fan ticket's link


def test_cmdb_ci_of_a_ticket_on_a_demo_computer_is_the_same_record_in_servicenow(
    namespace, glpi_server, sandbox
):
    glpi = glpi_server.connection(namespace)
    snow = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    item = InfrastructureItemFactory(namespace=namespace, name="srv-0009", serial_number="SN-0009")
    server = sandbox.post(
        "/api/now/table/cmdb_ci_server", json={"name": "srv-0009", "serial_number": "SN-0009"}
    )
    assert server.status_code == 201, server.text
    ci = server.json()["result"]["sys_id"]
    for connection, target_type, target_id in (
        (glpi, "Computer", str(COMPUTER)),
        (snow, "cmdb_ci_server", ci),
    ):
        SyncMapEntry.objects.create(
            connection=connection,
            kind=RecordKind.INFRASTRUCTURE_ITEM,
            record_id=item.pk,
            target_type=target_type,
            target_id=target_id,
            direction="published",
        )
    pair = TicketPair.objects.create(
        namespace=namespace, name="helpdesk", glpi=glpi, servicenow=snow, mapping=mapping()
    )
    ticket_id = new_glpi_ticket(glpi_server, name="srv-0009: fan failure")
    sync_pair(pair)
    link = TicketLink.objects.get(pair=pair, glpi_id=ticket_id)
    [incident] = [i for i in incidents(sandbox) if i["sys_id"] == link.servicenow_sys_id]
    value = incident.get("cmdb_ci")
    assert (value.get("value") if isinstance(value, dict) else value) == ci
