"""What the subscribe tests of a record-pulling target share: a published ServiceNow sandbox
connection, its mirror filled from what the target holds now (read through `platform.read`, the way a
pull of the published records would hold them), and the comparison prepared on a pull."""

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from integrations.base.platform import Discovered, Pulled, TargetRef, platform_of
from sync import mirror
from sync.models import Pull, PullStatus, SyncMapEntry
from sync.subscribe_compare import BUSINESS
from sync.subscribe_records import prepare
from tests.factories import ConnectionFactory
from tests.runs import previewed, publish
from tests.sync.test_preview import register_data_source


def published_connection(namespace, sandbox):
    """A ServiceNow sandbox connection with a small demo portfolio published through it."""
    import_document(namespace, build_demo_document(DemoShape(apps=6, services=2, seed=5)))
    register_data_source(sandbox)
    connection = ConnectionFactory(
        namespace=namespace,
        name="snow",
        instance_url=sandbox.url,
        ca_bundle=sandbox.ca_pem,
        sync_direction="both",
    )
    previewed(connection)
    publish(connection)
    return connection


def read_published(connection) -> list[Pulled]:
    """The published business records as the target holds them now."""
    entries = list(
        SyncMapEntry.objects.filter(connection=connection, kind__in=BUSINESS).exclude(target_id="")
    )
    platform = platform_of(connection)
    refs = {TargetRef(e.target_type, e.target_id): e for e in entries}
    fields = {name for e in entries for name in e.last_values}
    with platform.client(connection) as client:
        current = platform.read(client, list(refs), fields)
    return [
        Pulled(kind=refs[ref].kind, ref=ref, name=now.values.get("name", ""), values=dict(now.values))
        for ref, now in current.items()
    ]


def fill_mirror(connection, extra=()) -> None:
    mirror.store(connection, [*read_published(connection), *extra])


def compared(connection) -> Pull:
    pull = Pull.objects.create(connection=connection, status=PullStatus.RUNNING, trigger="command")
    platform = platform_of(connection)
    with platform.client(connection) as client:
        return prepare(pull, platform, client, platform.options(connection.options))


def server(target_id: str, links=(), **values) -> Discovered:
    fields = {"name": f"srv-{target_id}", "item_type": "server", "serial_number": f"SN-{target_id}"} | values
    return Discovered(target_id=target_id, links=tuple(links), target_type="cmdb_ci_linux_server", **fields)
