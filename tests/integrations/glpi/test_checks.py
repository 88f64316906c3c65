"""“Test connection” for GLPI: seed 001's prerequisites pass on the demo sandbox, and each one made to
fail (Setup > General > API changed live, wrong tokens, the read-only observer, another entity) fails
with its own message while the ones GLPI checked before it pass."""

import pytest

from integrations.glpi.sandbox.seed import OBSERVER_LOGIN, OBSERVER_PASSWORD, OBSERVER_TOKEN
from integrations.models import Connection
from integrations.services import connection_test

pytestmark = pytest.mark.django_db

NAMES = [
    "The API is enabled",
    "This server's address is allowed",
    "The App-Token is valid",
    "Log in with the user token",
    "The profile can create computers and contracts",
    "The entity exists",
]


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def outcome(checks) -> list[tuple[str, bool]]:
    return [(c.name, c.ok) for c in checks]


def failed(checks):
    (failure,) = [c for c in checks if not c.ok]
    return failure


def test_every_prerequisite_passes_on_the_demo_and_the_session_is_killed(namespace, glpi_server):
    connection = glpi_server.connection(namespace)
    checks = connection_test(connection)
    assert outcome(checks) == [(name, True) for name in NAMES]
    assert "1 “Root entity > Portfolio Bridge”" in checks[-1].message
    assert glpi_server.glpi.sessions.sessions == {}  # killed at the end
    connection.refresh_from_db()
    assert connection.last_tested_at is not None


def test_the_api_disabled(namespace, glpi_server):
    glpi_server.settings(enable_api=False)
    checks = connection_test(glpi_server.connection(namespace))
    assert outcome(checks) == [(NAMES[0], False)]
    assert "Enable" in checks[0].message and "API disabled" in checks[0].message
    assert Connection.objects.get().last_tested_at is None


def test_this_address_not_allowed(namespace, glpi_server):
    glpi_server.settings(clients=[{"name": "elsewhere", "addresses": ["10.9.0.0/16"]}])
    checks = connection_test(glpi_server.connection(namespace))
    assert outcome(checks) == [(NAMES[0], True), (NAMES[1], False)]
    assert "IP range" in checks[1].message and "127.0.0.1" in checks[1].message


@pytest.mark.parametrize(("token", "said"), [("wrong", "seems wrong"), ("", "missing parameter app_token")])
def test_a_wrong_or_missing_app_token(namespace, glpi_server, token, said):
    checks = connection_test(glpi_server.connection(namespace, client_secret=token))
    assert outcome(checks) == [(name, True) for name in NAMES[:2]] + [(NAMES[2], False)]
    assert "App-Token" in checks[2].message and said in checks[2].message


def test_login_with_a_token_disabled_or_a_wrong_token(namespace, glpi_server):
    connection = glpi_server.connection(namespace, refresh_token="not-the-token")
    assert failed(connection_test(connection)).name == NAMES[3]
    glpi_server.settings(login_token=False)
    connection = glpi_server.connection(namespace, name="other")
    checks = connection_test(connection)
    assert outcome(checks)[-1] == (NAMES[3], False) and len(checks) == 4
    assert "Enable login with external token" in checks[3].message


def test_login_with_credentials_disabled(namespace, glpi_server):
    glpi_server.settings(login_credentials=False)
    connection = glpi_server.connection(
        namespace,
        auth_method="basic",
        refresh_token="",
        username="portfolio-bridge",
        password="sandbox-password",
    )
    checks = connection_test(connection)
    assert checks[-1].name == "Log in with the login and password" and not checks[-1].ok
    assert "Enable login with credentials" in checks[-1].message
    glpi_server.settings(login_credentials=True)
    assert all(c.ok for c in connection_test(connection))


def test_a_profile_that_cannot_create_computers_or_contracts(namespace, glpi_server):
    by_token = glpi_server.connection(namespace, refresh_token=OBSERVER_TOKEN)
    failure = failed(connection_test(by_token))
    assert failure.name == NAMES[4]
    assert "“Observer” may not create computers or contracts" in failure.message
    by_login = glpi_server.connection(
        namespace, name="obs", auth_method="basic", username=OBSERVER_LOGIN, password=OBSERVER_PASSWORD
    )
    assert failed(connection_test(by_login)).name == NAMES[4]


def test_an_entity_the_account_cannot_see_lists_the_ones_it_can(namespace, glpi_server):
    checks = connection_test(glpi_server.connection(namespace, options={"entity_id": 42}))
    failure = failed(checks)
    assert failure.name == NAMES[5] and checks[-1] is failure
    assert "no entity 42" in failure.message
    assert "0 “Root entity”" in failure.message and "1 “Root entity > Portfolio Bridge”" in failure.message


def test_an_unreachable_api_is_one_plain_failure(namespace, glpi_server):
    connection = glpi_server.connection(namespace, instance_url="https://127.0.0.1:1/apirest.php")
    (check,) = connection_test(connection)
    assert check.name == "Reach GLPI's API" and not check.ok and check.message
