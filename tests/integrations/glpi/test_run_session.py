"""“The session is killed at the end of a run”: the sync engine's `drive` closes the run's client however
the run ends, and closing a GLPI client ends its session in GLPI."""

import pytest

from integrations.base.errors import NotFound
from integrations.base.platform import platform_of
from sync.models import Run, RunKind, RunStatus
from sync.progress import drive

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


class Reads:
    """An engine as the sync core's are: a client made from the run's connection, calls in `execute`."""

    item = 1

    def __init__(self, run: Run) -> None:
        self.client = platform_of(run.connection).client(run.connection)

    def execute(self) -> None:
        self.client.get("Computer", self.item)
        self.client.get("Computer", self.item)


class FailsMidway(Reads):
    item = 9999


def queued(connection) -> Run:
    return Run.objects.create(connection=connection, kind=RunKind.PREVIEW, status=RunStatus.QUEUED)


@pytest.mark.parametrize(
    ("engine", "status"), [(Reads, RunStatus.SUCCEEDED), (FailsMidway, RunStatus.FAILED)]
)
def test_a_run_ends_its_glpi_session_however_it_ends(namespace, glpi_server, engine, status):
    connection = glpi_server.connection(namespace)
    run = drive(queued(connection), engine, lambda run: (RunStatus.SUCCEEDED, ""))
    run.refresh_from_db()
    assert run.status == status
    assert glpi_server.glpi.sessions.sessions == {}  # opened once, then killed


def test_the_failure_is_glpis_own(namespace, glpi_server):
    client = platform_of(glpi_server.connection(namespace)).client(
        glpi_server.connection(namespace, name="b")
    )
    with client, pytest.raises(NotFound, match="Item not found"):
        client.get("Computer", 9999)
