"""The real path of a demo machine into both sync maps, through the product's code only: the demo
portfolio published to a ServiceNow sandbox seeded with its demo machines (Service Mapping relates them to
the new service instances), a subscribe pull, the machines imported as on the merge screen (under the
deployment the pull suggests), then the portfolio published to GLPI. ServiceNow's map then holds each
machine as a "taken" infrastructure item, GLPI's as a published Computer."""

from dataclasses import dataclass

from catalog.demo import DemoShape, build_demo_document
from catalog.models import InfrastructureItem
from catalog.transfer.importer import import_document
from integrations.servicenow.sandbox.infrastructure import DEMO_MACHINES
from integrations.servicenow.sandbox.seed import stable_id
from sync.merge_apply import Submission, apply_merge
from sync.models import Direction, PullStatus, RecordKind, SyncMapEntry
from sync.subscribe import execute_pull, start_pull
from sync.subscribe_compare import NEW
from tests.runs import previewed, publish
from tests.sync.test_preview import register_data_source

DEMO = DemoShape(apps=2, services=1, seed=42)  # LegalEdge and Microsoft 365: five demo machines serve them


@dataclass(frozen=True)
class Machine:
    item: InfrastructureItem
    sys_id: str  # the server in ServiceNow (cmdb_ci)
    computer: int  # the Computer GLPI's publish created for it


def sandbox_sys_id(name: str) -> str:
    """The sys_id the ServiceNow sandbox seeds a demo machine with."""
    machine = next(m for m in DEMO_MACHINES if m.name == name)
    return stable_id(machine.class_name, machine.name)


def publish_demo_to_servicenow(namespace, snow) -> None:
    """The demo portfolio published to ServiceNow, so its service instances exist (and the sandbox's
    demo machines get related to them)."""
    import_document(namespace, build_demo_document(DEMO))
    previewed(snow)
    publish(snow)


def import_machines(snow, names: tuple[str, ...]) -> dict[str, InfrastructureItem]:
    """A subscribe pull, and the machines `names` imported under the deployments it suggests."""
    pull = execute_pull(start_pull(snow, queue=False))
    assert pull.status == PullStatus.READY, pull.message
    imports = {}
    for name in names:
        change = pull.changes.get(record_kind=RecordKind.INFRASTRUCTURE_ITEM, name=name)
        assert change.outcome == NEW and change.suggested, (change.outcome, change.suggested)
        imports[change.pk] = [row[0] for row in change.suggested]
    assert apply_merge(pull, Submission(imports=imports)).imported == len(names)
    return {i.name: i for i in InfrastructureItem.objects.filter(namespace=snow.namespace, name__in=names)}


def subscribed_machines(namespace, glpi, snow, sandbox, names: tuple[str, ...]) -> dict[str, Machine]:
    """Demo machines pulled from ServiceNow, imported, and published to GLPI; checks each step left what
    the ticket sync resolves through (and nothing was written into a sync map by hand)."""
    register_data_source(sandbox)
    publish_demo_to_servicenow(namespace, snow)
    items = import_machines(snow, names)
    previewed(glpi)
    publish(glpi)
    machines = {}
    for name, item in items.items():
        taken = SyncMapEntry.objects.get(
            connection=snow, kind=RecordKind.INFRASTRUCTURE_ITEM, record_id=item.pk
        )
        assert (taken.direction, taken.target_id) == (Direction.TAKEN, sandbox_sys_id(name))
        computer = SyncMapEntry.objects.get(
            connection=glpi, kind=RecordKind.INFRASTRUCTURE_ITEM, record_id=item.pk
        )
        assert computer.target_type == "Computer" and computer.target_id.isdigit(), computer
        machines[name] = Machine(item, taken.target_id, int(computer.target_id))
    return machines
