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
