"""Fixtures of the Halo publish tests: a served sandbox whose requests are checked against Halo's
OpenAPI document, the product's two asset types added, and a connection with the asset types mapped."""

import pytest

from .publishing import Checked, add_asset_types, halo_connection, import_portfolio


@pytest.fixture
def checked(halo_server) -> Checked:
    gateway = halo_server.server.app
    gateway.sandbox = Checked(gateway.sandbox)
    yield gateway.sandbox
    gateway.sandbox = gateway.sandbox.inner


@pytest.fixture
def asset_types(halo_server) -> dict[str, int]:
    return add_asset_types(halo_server)


@pytest.fixture
def connection(namespace, halo_server, asset_types, checked):
    import_portfolio(namespace)
    return halo_connection(halo_server, namespace, asset_types)
