import django_rq
import pytest

from catalog.choices import Role
from sync import runs
from tests.factories import MembershipFactory, NamespaceFactory, UserFactory

pytest_plugins = ["tests.sandbox_fixtures", "tests.browser"]


@pytest.fixture(autouse=True)
def fresh_process_caches():
    """What a process remembers across clients (OAuth tokens, ServiceNow names): nothing, at each test."""
    from integrations.base.credentials import SHARED_TOKENS
    from integrations.servicenow.changes import LOOKUPS

    SHARED_TOKENS.clear()
    LOOKUPS.clear()


@pytest.fixture
def namespace(db):
    return NamespaceFactory(name="Acme", slug="acme")


@pytest.fixture
def other_namespace(db):
    return NamespaceFactory(name="Globex", slug="globex")


def member(namespace, role: str):
    return MembershipFactory(
        namespace=namespace, role=role, user=UserFactory(username=f"{role}-{namespace.slug}")
    ).user


@pytest.fixture
def editor(namespace):
    return member(namespace, Role.EDITOR)


@pytest.fixture
def viewer(namespace):
    return member(namespace, Role.VIEWER)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def admin_client(client, namespace):
    """Signed in as an admin of the `namespace` (replaces pytest-django's superuser client)."""
    client.force_login(member(namespace, Role.ADMIN))
    return client


def clear(queue) -> None:
    queue.empty()
    for job_id in queue.scheduled_job_registry.get_job_ids():
        queue.scheduled_job_registry.remove(job_id, delete_job=True)


@pytest.fixture
def queue():
    """The publish queue of the test Redis database, empty before and after."""
    queue = django_rq.get_queue(runs.QUEUE)
    clear(queue)
    yield queue
    clear(queue)
