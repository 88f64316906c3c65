"""Field discovery against the real GLPI and ServiceNow sandboxes (HTTPS servers, no mocks): each side's
ticket fields, the proposed mapping (which always parses), the page and `manage.py tickets discover`."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from integrations.glpi.tickets import GlpiTicketField
from integrations.servicenow.tickets import IncidentField
from tests.factories import ConnectionFactory
from tickets.discovery import discover, propose
from tickets.mapping import parse
from tickets.models import TicketPair

# the sandbox's seeded incident states (sys_choice), less Canceled, which the fixture deactivates
STATES = [("1", "New"), ("2", "In Progress"), ("3", "On Hold"), ("6", "Resolved"), ("7", "Closed")]


@pytest.fixture
def live_pair(namespace, glpi_server, sandbox):
    (canceled,) = sandbox.table("sys_choice", sysparm_query="name=incident^element=state^value=8")
    answer = sandbox.patch(f"/api/now/table/sys_choice/{canceled['sys_id']}", json={"inactive": "true"})
    assert answer.status_code == 200
    glpi = glpi_server.connection(namespace)
    snow = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    return TicketPair.objects.create(
        namespace=namespace,
        name="helpdesk",
        glpi=glpi,
        servicenow=snow,
        mapping="fields: [{glpi: name, servicenow: short_description}]",
    )


def test_glpi_ticket_fields_come_from_search_options_and_the_item(live_pair):
    fields = {f.field: f for f in discover(live_pair.glpi)}
    assert (fields["name"].search_id, fields["name"].label) == (1, "Name")
    assert fields["urgency"].search_id == 10
    assert ("5", "Very high") in fields["urgency"].choices
    assert fields["status"].choices[0] == ("1", "New")
    assert fields["closedate"].search_id == 16
    assert fields["global_validation"].search_id is None  # a field of the item no search option names
    assert "Ticket" not in fields and all(f.field for f in fields.values())  # no section headers


def test_servicenow_incident_fields_include_inherited_ones_and_their_choices(live_pair):
    fields = {f.field: f for f in discover(live_pair.servicenow)}
    assert (fields["caller_id"].defined_on, fields["caller_id"].reference) == ("incident", "sys_user")
    assert fields["short_description"].defined_on == "task"
    assert list(fields["state"].choices) == STATES


def test_the_page_proposes_a_mapping_that_parses_and_can_be_saved(admin_client, live_pair):
    url = reverse("tickets:pair_discover", args=["acme", live_pair.pk])
    assert "Read both instances" in admin_client.get(url).content.decode()
    response = admin_client.post(url)
    assert response.status_code == 200
    proposal = response.context["proposal"]
    rules = {(r.glpi, r.servicenow) for r in parse(proposal).fields}
    assert {("name", "short_description"), ("status", "state"), ("urgency", "urgency")} <= rules
    assert "priority" not in {servicenow for _, servicenow in rules}
    assert parse(proposal).servicenow_defaults["assignment_group"] == "Service Desk"  # kept from the default
    assert "short_description" in response.content.decode()
    edit = reverse("tickets:pair_edit", args=["acme", live_pair.pk])
    data = {
        "name": "helpdesk",
        "glpi": live_pair.glpi.pk,
        "servicenow": live_pair.servicenow.pk,
        "mapping": proposal,
    }
    assert admin_client.post(edit, data).status_code == 302


def test_an_unreachable_side_is_shown_not_a_500(admin_client, live_pair):
    live_pair.servicenow.instance_url = "https://127.0.0.1:9"
    live_pair.servicenow.save()
    response = admin_client.post(reverse("tickets:pair_discover", args=["acme", live_pair.pk]))
    assert response.status_code == 200
    assert response.context["errors"]["servicenow"].startswith("snow: ")
    assert response.context["proposal"] == ""
    assert response.context["glpi"]  # the side that answered is still listed


def test_the_command_lists_a_connections_fields_and_proposes_for_a_pair(live_pair, capsys):
    call_command("tickets", "discover", "--connection", "glpi")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "field\tlabel\ttype\tsource\tchoices"
    assert (
        "urgency\tUrgency\tnumber\tsearch option 10\t1=Very low, 2=Low, 3=Medium, 4=High, 5=Very high"
        in lines
    )
    call_command("tickets", "discover", "--connection", "snow", "--namespace", "acme")
    assert "caller_id\tCaller Id\treference\tincident → sys_user\t" in capsys.readouterr().out.splitlines()
    call_command("tickets", "discover", "--pair", "helpdesk")
    assert parse(capsys.readouterr().out).fields[0].servicenow == "short_description"


def test_the_command_explains_what_it_cannot_do(live_pair, namespace):
    with pytest.raises(CommandError, match="No connection “nope”"):
        call_command("tickets", "discover", "--connection", "nope")
    ConnectionFactory(namespace=namespace, name="down", instance_url="https://127.0.0.1:9")
    with pytest.raises(CommandError):
        call_command("tickets", "discover", "--connection", "down")
    ConnectionFactory(namespace=namespace, name="halo", platform="haloitsm")
    with pytest.raises(CommandError, match="HaloITSM has no tickets to discover"):
        call_command("tickets", "discover", "--connection", "halo")


def test_names_and_labels_that_match_are_proposed_both_ways():
    glpi = [
        GlpiTicketField("name", "Title", "string", 1),
        GlpiTicketField("category", "Category", "string", None),
        GlpiTicketField("priority", "Priority", "number", 3),
        GlpiTicketField("locations_id", "Location", "dropdown", 83),
    ]
    servicenow = [
        IncidentField("short_description", "Short description", "string", "", "task"),
        IncidentField("category", "Category", "string", "", "incident"),
        IncidentField("priority", "Priority", "integer", "", "task"),
        IncidentField("location", "Location", "reference", "cmn_location", "task"),
    ]
    mapping = parse(propose(glpi, servicenow))
    assert [(r.glpi, r.servicenow, r.direction) for r in mapping.fields] == [
        ("name", "short_description", "both"),
        ("category", "category", "both"),
    ]
