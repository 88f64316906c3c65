"""Test connection for HaloITSM against the served sandbox: every check passes for the demo application,
and an application without a permission fails the check that needs it, naming the permission."""

import pytest

from integrations.haloitsm.sandbox.app import DEMO_APPLICATION
from integrations.haloitsm.sandbox.auth import ApiApplication
from integrations.services import connection_test

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def by_name(checks) -> dict:
    return {c.name: c for c in checks}


def test_the_demo_application_passes_every_check_and_nothing_is_written(halo_server, namespace):
    connection = halo_server.connection(namespace)
    before = {r: len(halo_server.rows(r)) for r in ("Asset", "Service", "Supplier", "ClientContract")}

    checks = connection_test(connection)

    assert [c.name for c in checks] == [
        "Get a token",
        "Read asset types",
        "Read statuses",
        "Read services",
        "Read suppliers",
        "Read contracts",
        "Change assets",
        "Change services",
        "Change suppliers",
        "Change contracts",
    ]
    assert all(c.ok for c in checks), [c for c in checks if not c.ok]
    assert {r: len(halo_server.rows(r)) for r in before} == before
    connection.refresh_from_db()
    assert connection.last_tested_at is not None


def test_a_read_only_application_fails_the_writes_naming_the_permission(make_halo_server, namespace):
    reader = ApiApplication(
        "reader",
        "reader-secret",
        frozenset({"read:assets", "read:services", "read:suppliers", "read:contracts"}),
    )
    server = make_halo_server(applications=(DEMO_APPLICATION, reader))
    connection = server.connection(namespace, client_id="reader", client_secret="reader-secret")

    checks = by_name(connection_test(connection))

    assert all(checks[name].ok for name in checks if name.startswith(("Get", "Read")))
    assert not checks["Change assets"].ok
    assert "“edit:assets”" in checks["Change assets"].message
    assert "“edit:services”" in checks["Change services"].message
    connection.refresh_from_db()
    assert connection.last_tested_at is None


def test_an_application_without_asset_permissions_fails_reading_asset_types(make_halo_server, namespace):
    services_only = ApiApplication("svc", "svc-secret", frozenset({"read:services", "edit:services"}))
    server = make_halo_server(applications=(services_only,))
    connection = server.connection(namespace, client_id="svc", client_secret="svc-secret")

    checks = by_name(connection_test(connection))

    assert checks["Read services"].ok and checks["Change services"].ok
    assert not checks["Read asset types"].ok
    assert "“read:assets”" in checks["Read asset types"].message
    assert "“edit:assets”" in checks["Change assets"].message


def test_a_wrong_secret_stops_at_the_token(halo_server, namespace):
    connection = halo_server.connection(namespace, client_secret="wrong")

    checks = connection_test(connection)

    assert len(checks) == 1 and not checks[0].ok
    assert "client ID or secret" in checks[0].message
    assert "wrong" not in checks[0].message


def test_a_wrong_tenant_is_named(halo_server, namespace):
    connection = halo_server.connection(namespace, options={"tenant": "nope"})

    [check] = connection_test(connection)

    assert not check.ok and "tenant" in check.message.lower()
