"""Issue 17's done-when in headless Chromium, against the GLPI sandbox and a ServiceNow sandbox with its demo
machines. The setup goes through the product's code, with no sync-map entry written by hand: the demo
portfolio published to ServiceNow, a subscribe pull, a demo machine imported, the portfolio published to
GLPI (`tests.tickets.subscribed`). Then in the browser: an admin creates a pair, a GLPI ticket on the
machine's Computer reaches ServiceNow with mapped urgency, impact and priority and the machine's server as
`cmdb_ci` after "Sync now"; a ServiceNow comment reaches GLPI once; a conflict is resolved on the conflicts
page; an alert on the machine opens, updates and solves a GLPI ticket; the Excel export downloads. Queued
jobs are run by an RQ SimpleWorker in burst mode in the test's process (same database)."""

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
from tests.browser import log_in
from tests.factories import ConnectionFactory
from tests.tickets.subscribed import subscribed_machines
from tests.tickets.test_engine import glpi_put, glpi_ticket, incidents, mapping, sn_put
from tests.tickets.test_engine_items import ci_of
from tickets import jobs
from tickets.models import TicketLink, TicketPair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MACHINE = "lnx-legal-01"  # a demo machine of the ServiceNow sandbox, serving LegalEdge — Prod
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


def new_glpi_ticket(glpi_server, computer: int, **values) -> int:
    response = glpi_server.post("/Ticket", json={"input": {"entities_id": 1, **values}})
    assert response.status_code == 201, response.text
    ticket_id = int(response.json()["id"])
    link = {"itemtype": "Computer", "items_id": computer, "tickets_id": ticket_id}
    assert glpi_server.post("/Item_Ticket", json={"input": link}).status_code == 201
    return ticket_id


def sync_now(page, url: str, queue) -> None:
    page.goto(url)
    page.click("button:has-text('Sync now')")
    page.wait_for_load_state()
    run_jobs(queue)


def test_an_admin_runs_issue_17s_done_when(
    live_server, page, namespace, glpi_server, make_sandbox, tickets_queue
):
    admin = get_user_model().objects.create_user("ada", password=PASSWORD)
    Membership.objects.create(user=admin, namespace=namespace, role=Role.ADMIN)
    sandbox = make_sandbox(demo_machines=True)
    glpi = glpi_server.connection(namespace)
    snow = ConnectionFactory(
        namespace=namespace,
        name="snow",
        instance_url=sandbox.url,
        ca_bundle=sandbox.ca_pem,
        sync_direction="both",
    )
    machine = subscribed_machines(namespace, glpi, snow, sandbox, (MACHINE,))[MACHINE]
    sync_pair_seed = new_glpi_ticket(
        glpi_server, machine.computer, name=f"{MACHINE}: fan failure", content="<p>Fan 2</p>"
    )
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
    assert incident["short_description"] == f"{MACHINE}: fan failure"
    assert (incident["urgency"], incident["impact"], incident["priority"]) == ("1", "1", "1")
    assert ci_of(incident) == machine.sys_id  # the server ServiceNow discovered, as the pull read it

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

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {create_token(namespace, 'monitoring', 'alerts').secret}")
    body = {"key": f"disk-{MACHINE}", "severity": "major", "item": MACHINE}
    opened = api.post("/api/alerts", {**body, "state": "problem", "message": "Disk at 95%"}, format="json")
    assert opened.status_code == 201, opened.content
    ticket_id = opened.json()["ticket"]
    again = api.post("/api/alerts", {**body, "state": "problem", "message": "Disk at 97%"}, format="json")
    assert again.json()["action"] == "followup" and again.json()["ticket"] == ticket_id
    solved = api.post("/api/alerts", {**body, "state": "ok", "message": "Disk at 60%"}, format="json")
    assert solved.json()["action"] == "solved"
    assert glpi_ticket(glpi_server, int(ticket_id))["status"] == 5
    on = [r for r in glpi_server.rows("Item_Ticket") if r["tickets_id"] == int(ticket_id)]
    assert [(r["itemtype"], r["items_id"]) for r in on] == [("Computer", machine.computer)]
    assert any("Disk at 97%" in f["content"] for f in glpi_server.rows("ITILFollowup"))

    page.goto(detail)
    with page.expect_download() as download:
        page.click("a:has-text('Excel')")
    saved = download.value
    assert saved.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(open(saved.path(), "rb").read()))  # noqa: SIM115
    assert len(workbook.sheetnames) == 3
    assert workbook.worksheets[0].max_row >= 2  # the header and at least the fan ticket's link
