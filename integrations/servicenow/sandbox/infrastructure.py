"""Infrastructure CIs under service instances, as discovery and Service Mapping leave them on an instance:
the demo's servers and computers (seeded once, related to the demo portfolio's service instances of their
names as soon as a publish creates them), and a fast way for a benchmark to add thousands of related
servers straight into the store.

The service instances do not exist until an admin publishes the demo portfolio, so the seed names the
instances each machine serves and `ServiceMapping` relates them when an instance of that name appears
(or at start, when it is there already)."""

from dataclasses import dataclass

from . import dictionary
from .records import Records
from .seed import REL_TYPES, stable_id

DEPENDS_ON = "Depends on::Used by"
RUNS_ON = "Runs on::Runs"
SERVICE_CLASS = "cmdb_ci_service"
DISCOVERY_USER = "discovery"
LOCATIONS = {
    "HQ Data Centre": ("Ottawa", "Canada"),
    "DR Site Gatineau": ("Gatineau", "Canada"),
    "AWS ca-central-1": ("Montreal", "Canada"),
}
MODELS = {  # model: manufacturer
    "PowerEdge R650": "Dell Inc.",
    "PowerEdge R750": "Dell Inc.",
    "ProLiant DL380 Gen10": "Hewlett Packard Enterprise",
    "VMware Virtual Platform": "VMware",
    "ThinkCentre M90q": "Lenovo",
    "m6i.large": "Amazon Web Services",
}


@dataclass(frozen=True)
class DemoMachine:
    name: str
    class_name: str
    model: str
    serial_number: str
    os: str
    os_version: str
    location: str
    virtual: bool
    serves: tuple[str, ...]  # names of the demo portfolio's service instances (deployment names)
    relation: str = DEPENDS_ON


DEMO_MACHINES = (
    DemoMachine(
        "lnx-legal-01",
        "cmdb_ci_linux_server",
        "PowerEdge R650",
        "DL7Q2K41",
        "Red Hat Enterprise Linux",
        "9.4",
        "HQ Data Centre",
        False,
        ("LegalEdge — Prod",),
    ),
    DemoMachine(
        "lnx-legal-02",
        "cmdb_ci_linux_server",
        "PowerEdge R650",
        "DL7Q2K42",
        "Red Hat Enterprise Linux",
        "9.4",
        "DR Site Gatineau",
        False,
        ("LegalEdge — Prod",),
    ),
    DemoMachine(
        "win-m365-gw01",
        "cmdb_ci_win_server",
        "ProLiant DL380 Gen10",
        "CZ2145HV7P",
        "Windows Server 2022 Datacenter",
        "2022",
        "HQ Data Centre",
        False,
        ("Microsoft 365 — Prod",),
    ),
    DemoMachine(
        "win-sage-app01",
        "cmdb_ci_win_server",
        "PowerEdge R750",
        "DL9X3M17",
        "Windows Server 2019 Standard",
        "2019",
        "HQ Data Centre",
        False,
        ("Sage 300 — Prod",),
    ),
    DemoMachine(
        "win-sage-db01",
        "cmdb_ci_win_server",
        "VMware Virtual Platform",
        "VMware-42 1a 7c 9e",
        "Windows Server 2019 Standard",
        "2019",
        "HQ Data Centre",
        True,
        ("Sage 300 — Prod",),
    ),
    DemoMachine(
        "lnx-wday-int01",
        "cmdb_ci_linux_server",
        "m6i.large",
        "ec2-5f1b2c3d4e",
        "Ubuntu Server",
        "22.04 LTS",
        "AWS ca-central-1",
        True,
        ("Workday HCM — Prod",),
    ),
    DemoMachine(
        "lnx-sfdc-sync01",
        "cmdb_ci_linux_server",
        "m6i.large",
        "ec2-7a8b9c0d1e",
        "Ubuntu Server",
        "22.04 LTS",
        "AWS ca-central-1",
        True,
        ("Salesforce Sales Cloud — Prod",),
    ),
    DemoMachine(
        "srv-sdp-01",
        "cmdb_ci_server",
        "ProLiant DL380 Gen10",
        "CZ2145HW2Q",
        "Windows Server 2022",
        "2022",
        "HQ Data Centre",
        False,
        ("ServiceDesk Plus — Prod", "Microsoft 365 — Prod"),
    ),
    DemoMachine(
        "pc-legal-kiosk",
        "cmdb_ci_computer",
        "ThinkCentre M90q",
        "MJ0G4K2L",
        "Windows 11 Enterprise",
        "23H2",
        "HQ Data Centre",
        False,
        ("LegalEdge — Prod",),
        RUNS_ON,
    ),
)


class ServiceMapping:
    """Relates machines to service instances by the instances' names: now for those already there, and
    later for each one created (through IRE or the Table API), as the instance's discovery would."""

    def __init__(self, records: Records, plan: dict[str, list[tuple[str, str]]]) -> None:
        self.records = records
        self.plan = plan  # service instance name: [(machine sys_id, relationship type name)]

    def attach(self) -> None:
        self.records.created_hooks.append(self.created)
        for table, row in list(self.records.store.scan(SERVICE_CLASS)):
            self.created(table, row)

    def created(self, table: str, record: dict[str, str]) -> None:
        wanted = self.plan.get(record.get("name", ""))
        if not wanted or SERVICE_CLASS not in dictionary.ancestors(table):
            return
        for machine, type_name in wanted:
            if self.records.store.locate("cmdb_ci", machine) is not None:
                relate(self.records, record["sys_id"], machine, type_name, only_new=True)


def relate(records: Records, parent: str, child: str, type_name: str, only_new: bool = False) -> None:
    values = {"parent": parent, "child": child, "type": REL_TYPES[type_name]}
    if only_new and any(
        (r.get("parent"), r.get("child"), r.get("type")) == (parent, child, values["type"])
        for _, r in records.store.scan("cmdb_rel_ci")
    ):
        return
    records.create("cmdb_rel_ci", values, DISCOVERY_USER)


def _reference(records: Records, table: str, name: str, values: dict[str, str]) -> str:
    sys_id = stable_id(table, name)
    if records.store.locate(table, sys_id) is None:
        records.create(table, {"name": name, **values}, "system", sys_id=sys_id)
    return sys_id


def seed_demo_machines(records: Records) -> None:
    """The demo's machines (once; a restart keeps what an admin changed), and Service Mapping relating
    them to the demo portfolio's service instances of the names they serve."""
    store = records.store
    plan: dict[str, list[tuple[str, str]]] = {}
    with store.transaction():
        seeded = bool(store.meta("seeded-demo-machines"))
        for machine in DEMO_MACHINES:
            sys_id = stable_id(machine.class_name, machine.name)
            for instance in machine.serves:
                plan.setdefault(instance, []).append((sys_id, machine.relation))
            if seeded:
                continue
            records.create(
                machine.class_name, machine_values(records, machine), DISCOVERY_USER, sys_id=sys_id
            )
        store.set_meta("seeded-demo-machines", "1")
        ServiceMapping(records, plan).attach()


def machine_values(records: Records, machine: DemoMachine) -> dict[str, str]:
    manufacturer = MODELS[machine.model]
    city, country = LOCATIONS[machine.location]
    return {
        "name": machine.name,
        "serial_number": machine.serial_number,
        "manufacturer": _reference(records, "core_company", manufacturer, {"manufacturer": "true"}),
        "model_id": _reference(
            records,
            "cmdb_model",
            machine.model,
            {"manufacturer": stable_id("core_company", manufacturer), "display_name": machine.model},
        ),
        "os": machine.os,
        "os_version": machine.os_version,
        "location": _reference(records, "cmn_location", machine.location, {"city": city, "country": country}),
        "virtual": "true" if machine.virtual else "false",
        "install_status": "1",
        "operational_status": "1",
        "discovery_source": "ServiceNow",
    }


def service_instances(records: Records) -> list[str]:
    """The sys_ids of every application service (where a published deployment lands), by sys_id."""
    return sorted(row["sys_id"] for _, row in records.store.scan("cmdb_ci_service_auto"))


def add_related_servers(
    records: Records, count: int, parents: list[str] | None = None, prefix: str = "bench-srv"
) -> list[str]:
    """`count` Linux servers (serial, OS, manufacturer, location), each related (Depends on) to one of
    `parents` (service instance sys_ids; by default every application service in the store), in turn; written
    straight into the store in one transaction, for benchmarks that run the sandbox in their own process.
    Returns the servers' sys_ids."""
    parents = parents if parents is not None else service_instances(records)
    if not parents:
        raise ValueError("No service instance to relate servers to: publish a portfolio first")
    created = []
    with records.store.transaction():
        company = _reference(records, "core_company", "Dell Inc.", {"manufacturer": "true"})
        location = _reference(records, "cmn_location", "HQ Data Centre", {"city": "Ottawa"})
        for number in range(count):
            server = records.create(
                "cmdb_ci_linux_server",
                {
                    "name": f"{prefix}-{number:05d}",
                    "serial_number": f"{prefix.upper()}{number:07d}",
                    "manufacturer": company,
                    "location": location,
                    "os": "Red Hat Enterprise Linux",
                    "os_version": "9.4",
                    "virtual": "false",
                    "install_status": "1",
                    "operational_status": "1",
                },
                DISCOVERY_USER,
            )
            relate(records, parents[number % len(parents)], server["sys_id"], DEPENDS_ON)
            created.append(server["sys_id"])
    return created
