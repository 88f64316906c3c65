"""Fixtures of the GLPI publish tests: a served GLPI sandbox whose requests are recorded, the demo
portfolio (with its infrastructure items), and a connection into the product's entity."""

import pytest

from .publishing import Recorded, import_portfolio


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


@pytest.fixture
def recorded(glpi_server) -> Recorded:
    gateway = glpi_server.server.app
    gateway.sandbox = Recorded(gateway.sandbox)
    yield gateway.sandbox
    gateway.sandbox = gateway.sandbox.inner


@pytest.fixture
def connection(namespace, glpi_server, recorded):
    import_portfolio(namespace)
    return glpi_server.connection(namespace)
