"""Monitoring alerts into tickets against the real GLPI and ServiceNow sandboxes: a problem opens a
ticket on the item's mapped record, a repeat adds a followup, `ok` solves it; severities map to urgency
and impact; bad input is a 400 with field errors; only a token of scope alerts, of the pair's namespace,
is taken."""

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from pipelines.tokens import create_token
from sync.models import RecordKind, SyncMapEntry
from tests.factories import BusinessApplicationFactory, InfrastructureItemFactory
from tickets.engine import sync_pair
from tickets.mapping import AlertTarget, MappingError, default_mapping_text, parse
from tickets.models import Alert, TicketLink

URL = "/api/alerts"
COMPUTER = 2  # a Computer of the GLPI sandbox's seed


@pytest.fixture(autouse=True)
def rate(settings):
    from django.core.cache import cache

    settings.PIPELINE_RATE = "1000/min"
    cache.clear()


@pytest.fixture
def server(namespace, live):
    item = InfrastructureItemFactory(namespace=namespace, name="srv-0042", serial_number="SN-42")
    SyncMapEntry.objects.create(
        connection=live.glpi,
        kind=RecordKind.INFRASTRUCTURE_ITEM,
        record_id=item.pk,
        target_type="Computer",
        target_id=str(COMPUTER),
        direction="published",
    )
    return item


def client_for(namespace, scope="alerts", name="monitoring") -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {create_token(namespace, name, scope).secret}")
    return client


@pytest.fixture
def api(namespace):
    return client_for(namespace)


def alert(api, **values):
    body = {"key": "disk-srv-0042", "state": "problem", "severity": "major", "item": "srv-0042"}
    return api.post(URL, {**body, "message": "Disk / at 95%", **values}, format="json")


def ticket(glpi_server, ticket_id) -> dict:
    return next(r for r in glpi_server.rows("Ticket") if r["id"] == int(ticket_id))


def followups(glpi_server, ticket_id) -> list[dict]:
    return [r for r in glpi_server.rows("ITILFollowup") if r["items_id"] == int(ticket_id)]


def set_target(pair, target: str) -> None:
    pair.mapping = pair.mapping.replace("  target: glpi", f"  target: {target}")
    pair.full_clean()
    pair.save()


def test_a_problem_opens_a_glpi_ticket_on_the_items_computer(api, server, glpi_server):
    before = len(glpi_server.rows("Ticket"))
    response = alert(api)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["action"] == "opened" and body["side"] == "glpi" and body["pair"] == "helpdesk"
    assert len(glpi_server.rows("Ticket")) == before + 1
    opened = ticket(glpi_server, body["ticket"])
    assert opened["name"] == "[major] Disk / at 95%"
    assert (opened["urgency"], opened["impact"]) == (4, 4)
    links = [r for r in glpi_server.rows("Item_Ticket") if r["tickets_id"] == int(body["ticket"])]
    assert [(r["itemtype"], r["items_id"]) for r in links] == [("Computer", COMPUTER)]
    assert Alert.objects.get().problem_count == 1


def test_the_item_may_be_named_by_its_serial(api, server, glpi_server):
    response = alert(api, item="SN-42")
    assert response.status_code == 201, response.content


def test_a_repeated_problem_adds_a_followup_and_no_new_ticket(api, server, glpi_server):
    first = alert(api).json()["ticket"]
    count = len(glpi_server.rows("Ticket"))
    again = alert(api, message="Disk / at 97%")
    assert again.status_code == 200, again.content
    assert again.json()["action"] == "followup" and again.json()["ticket"] == first
    assert len(glpi_server.rows("Ticket")) == count
    [note] = followups(glpi_server, first)
    assert "Disk / at 97%" in note["content"]
    assert Alert.objects.get().problem_count == 2


def test_ok_solves_the_ticket_with_a_note(api, server, glpi_server):
    opened = alert(api).json()["ticket"]
    response = alert(api, state="ok", message="Disk / at 60%")
    assert response.status_code == 200, response.content
    assert response.json()["action"] == "solved"
    assert ticket(glpi_server, opened)["status"] == 5
    [solution] = [r for r in glpi_server.rows("ITILSolution") if r["items_id"] == int(opened)]
    assert "Disk / at 60%" in solution["content"]
    again = alert(api)  # a new problem after ok is a new ticket
    assert again.json()["action"] == "opened" and again.json()["ticket"] != opened


@pytest.mark.parametrize(
    ("severity", "expected"), [("critical", (5, 5)), ("warning", (2, 2)), ("info", (1, 1))]
)
def test_severity_sets_urgency_and_impact(api, server, glpi_server, severity, expected):
    body = alert(api, severity=severity, key=f"k-{severity}").json()
    opened = ticket(glpi_server, body["ticket"])
    assert (opened["urgency"], opened["impact"]) == expected


def test_the_mapping_can_send_alerts_to_servicenow_with_cmdb_ci(api, live, namespace, sandbox):
    set_target(live, "servicenow")
    app = BusinessApplicationFactory(namespace=namespace, app_id="APP-0777")
    created = sandbox.post("/api/now/table/cmdb_ci_appl", json={"name": "Payroll"})
    assert created.status_code == 201, created.text
    ci = created.json()["result"]["sys_id"]
    SyncMapEntry.objects.create(
        connection=live.servicenow,
        kind=RecordKind.APPLICATION,
        record_id=app.pk,
        target_type="cmdb_ci_appl",
        target_id=ci,
        direction="published",
    )
    body = alert(api, item="APP-0777", severity="critical").json()
    assert body["side"] == "servicenow"
    [incident] = sandbox.table("incident", sysparm_query=f"sys_id={body['ticket']}")
    assert (incident["urgency"], incident["impact"], incident["priority"]) == ("1", "1", "1")
    cmdb_ci = incident["cmdb_ci"]
    assert (cmdb_ci["value"] if isinstance(cmdb_ci, dict) else cmdb_ci) == ci
    assert alert(api, item="APP-0777").json()["action"] == "followup"
    assert len(sandbox.table("incident", sysparm_query=f"sys_id={body['ticket']}")) == 1
    notes = sandbox.table("sys_journal_field", sysparm_query=f"element_id={body['ticket']}")
    assert any("Disk / at 95%" in n["value"] for n in notes)
    assert alert(api, item="APP-0777", state="ok").json()["action"] == "solved"
    [incident] = sandbox.table("incident", sysparm_query=f"sys_id={body['ticket']}")
    assert incident["state"] == "6" and incident["close_code"] == "Solution provided"
    assert "recovered" in incident["close_notes"]


def test_the_alert_ticket_then_syncs_to_servicenow(api, server, live, glpi_server, sandbox):
    opened = alert(api, severity="critical").json()["ticket"]
    report = sync_pair(live)
    assert not report.errors, report.errors
    link = TicketLink.objects.get(glpi_id=int(opened))
    [incident] = sandbox.table("incident", sysparm_query=f"sys_id={link.servicenow_sys_id}")
    assert incident["short_description"] == "[critical] Disk / at 95%"
    assert (incident["urgency"], incident["impact"]) == ("1", "1")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"item": "nowhere-01"}, "item"),
        ({"severity": "apocalyptic"}, "severity"),
        ({"key": ""}, "key"),
        ({"state": "maybe"}, "state"),
        ({"pair": "nope"}, "pair"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api, server, glpi_server, values, field):
    before = len(glpi_server.rows("Ticket"))
    response = alert(api, **values)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert len(glpi_server.rows("Ticket")) == before and not Alert.objects.exists()


def test_a_missing_key_is_a_400(api, server):
    response = api.post(URL, {"state": "problem", "severity": "major", "item": "srv-0042"}, format="json")
    assert response.status_code == 400 and "key" in response.json()["errors"]


def test_a_token_of_another_namespace_is_refused(other_namespace, server, glpi_server):
    response = alert(client_for(other_namespace))
    assert response.status_code == 400, response.content
    assert "pair" in response.json()["errors"]  # its namespace has no pair, and sees nothing of this one
    assert not Alert.objects.exists()


def test_a_changes_token_is_refused_and_an_alerts_token_cannot_make_changes(namespace, server, api):
    response = alert(client_for(namespace, scope="changes", name="deploy"))
    assert response.status_code == 403 and "not alerts" in response.json()["detail"]
    refused = api.post("/api/pipeline/v1/changes/", {"short_description": "x"}, format="json")
    assert refused.status_code == 403 and "only sends alerts" in refused.json()["detail"]


def test_no_token_is_refused(server):
    assert APIClient().post(URL, {}, format="json").status_code == 401


def test_the_command_opens_repeats_and_solves(namespace, server, glpi_server, capsys):
    args = ["--namespace", "acme", "--key", "cpu", "--severity", "minor", "--item", "srv-0042"]
    call_command("alert", *args, "--state", "problem", "--message", "CPU 99%")
    out = capsys.readouterr().out
    assert "cpu: opened (glpi ticket" in out and "pair helpdesk" in out
    ticket_id = Alert.objects.get().ticket_id
    assert (ticket(glpi_server, ticket_id)["urgency"], ticket(glpi_server, ticket_id)["impact"]) == (3, 3)
    call_command("alert", *args, "--state", "problem", "--message", "CPU 99% still")
    assert "followup" in capsys.readouterr().out
    call_command("alert", *args, "--state", "ok", "--message", "CPU 20%")
    assert "solved" in capsys.readouterr().out
    assert ticket(glpi_server, ticket_id)["status"] == 5


def test_the_command_refuses_bad_input_with_a_message(namespace, server):
    with pytest.raises(CommandError, match="item: No computer"):
        call_command(
            "alert",
            "--namespace",
            "acme",
            "--key",
            "k",
            "--state",
            "problem",
            "--severity",
            "major",
            "--item",
            "ghost",
        )
    with pytest.raises(CommandError, match="No namespace"):
        call_command(
            "alert",
            "--namespace",
            "nope",
            "--key",
            "k",
            "--state",
            "ok",
            "--severity",
            "major",
            "--item",
            "ghost",
        )


def test_the_default_mapping_sends_alerts_to_glpi_with_five_severities():
    alerts = parse(default_mapping_text()).alerts
    assert alerts.target is AlertTarget.GLPI
    assert dict(alerts.severity) == {
        "critical": (5, 5),
        "major": (4, 4),
        "minor": (3, 3),
        "warning": (2, 2),
        "info": (1, 1),
    }


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("  target: glpi", "  target: halo", "alerts.target: use one of glpi, servicenow"),
        (
            "critical: {urgency: 5, impact: 5}",
            "critical: {urgency: 9, impact: 5}",
            "alerts.severity.critical.urgency",
        ),
        ("critical: {urgency: 5, impact: 5}", "critical: {urgency: 5}", "missing key impact"),
    ],
)
def test_a_bad_alerts_section_names_its_line_and_key(old, new, where):
    text = default_mapping_text()
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(MappingError) as caught:
        parse(text.replace(old, new))
    assert where in str(caught.value) and f"line {line}" in str(caught.value)
