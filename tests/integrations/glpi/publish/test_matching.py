"""What the matching wizard can pair with in GLPI: a software product is published as a version of its
software, so GLPI's software versions are offered, named by their software."""

import pytest

from integrations.base.platform import platform_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def test_software_versions_are_offered_for_software_products(namespace, glpi_server):
    connection = glpi_server.connection(namespace)
    platform = platform_of(connection)
    (source,) = platform.match_sources()
    assert (source.kind, source.target_type) == ("software_product", "SoftwareVersion")
    with platform.client(connection) as client:
        offered = list(platform.candidates(client, source))
    assert [(c.target_id, c.name, c.version) for c in offered] == [("1", "Oracle Database", "19c")]


def test_a_glpi_value_stands_for_a_portfolio_attribute():
    platform = platform_of(type("C", (), {"platform": "glpi"})())
    assert platform.portfolio_value("infrastructure_item", "serial", "X1") == ("serial_number", "X1")
    assert platform.portfolio_value("infrastructure_item", "comment", "x") is None
