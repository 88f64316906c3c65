"""Ticket test fixtures: pairs over unreachable connections, and `live`, a pair over both served sandboxes
(GLPI and ServiceNow) with the default mapping."""

import pytest

from tests.factories import ConnectionFactory
from tickets.mapping import default_mapping_text
from tickets.models import TicketPair


def glpi_connection(namespace, name="glpi", **overrides):
    values = {
        "namespace": namespace,
        "name": name,
        "platform": "glpi",
        "instance_url": "https://glpi.example.invalid/apirest.php",
        "auth_method": "user_token",
        "client_secret": "app-token",
        "refresh_token": "user-token",
        "username": "",
        "password": "",
        "options": {"entity_id": 0},
    }
    return ConnectionFactory(**{**values, **overrides})


@pytest.fixture
def glpi(namespace):
    return glpi_connection(namespace)


@pytest.fixture
def snow(namespace):
    return ConnectionFactory(namespace=namespace, name="snow")


@pytest.fixture
def pair(namespace, glpi, snow):
    return TicketPair.objects.create(
        namespace=namespace, name="helpdesk", glpi=glpi, servicenow=snow, mapping=default_mapping_text()
    )


@pytest.fixture
def live(namespace, glpi_server, sandbox):
    snow = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    pair = TicketPair(
        namespace=namespace,
        name="helpdesk",
        glpi=glpi_server.connection(namespace),
        servicenow=snow,
        mapping=default_mapping_text(),
    )
    pair.full_clean()
    pair.save()
    return pair
