"""Subscribe's reads from ServiceNow against the sandbox, after a publish of a demo portfolio: what
`pulled`, `discovered` and `deleted_since` report, `since` filtering, retired flags, and how many calls a
full and an incremental pull make (pages of 2,000, first pages shared in one Batch API call)."""

import math
import time
from datetime import UTC, datetime

import pytest

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from integrations.base.platform import TargetRef, platform_named
from integrations.servicenow import mapping
from integrations.servicenow.paging import PULL_PAGE
from integrations.servicenow.pulling import value_fields
from integrations.servicenow.sandbox.infrastructure import DEMO_MACHINES, add_related_servers
from sync.models import SyncMapEntry
from tests.factories import ConnectionFactory
from tests.runs import previewed, publish
from tests.sync.test_preview import register_data_source

pytestmark = pytest.mark.django_db
SERVICENOW = platform_named("servicenow")
DEMO_RELATIONS = sum(len(m.serves) for m in DEMO_MACHINES)


@pytest.fixture
def published(namespace, make_sandbox):
    sandbox = make_sandbox(demo_machines=True)
    import_document(namespace, build_demo_document(DemoShape(apps=12, services=4, seed=5)))
    register_data_source(sandbox)
    connection = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    previewed(connection)
    publish(connection)
    return sandbox, connection


def reader(connection):
    return SERVICENOW.client(connection), SERVICENOW.options(connection.options)


def calls(client, read) -> tuple[int, list]:
    before = client.stats.calls
    found = list(read())
    return client.stats.calls - before, found


def full_pull_calls(computers: int, relations: int) -> int:
    """pulled (one Batch API call while every class fits a page) + discovered (the first pages of the
    relationships and the computers in one call, then their further pages) + deleted_since (one)."""
    return 1 + (1 + math.ceil(relations / PULL_PAGE) - 1 + math.ceil(computers / PULL_PAGE) - 1) + 1


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")


def next_second() -> str:
    """A time after everything written so far (the sandbox keeps seconds)."""
    time.sleep(1.05 - datetime.now(UTC).microsecond / 1e6)
    return now()


def test_pulled_streams_applications_instances_and_offerings_raw_as_read(published):
    sandbox, connection = published
    client, options = reader(connection)
    used, records = calls(client, lambda: SERVICENOW.pulled(client, options))
    assert used == 1
    by_id = {r.ref.id: r for r in records}
    entries = SyncMapEntry.objects.filter(connection=connection)
    apps = {e.record_id: e.target_id for e in entries.filter(kind="application")}
    for entry in entries.filter(kind__in=("application", "deployment", "it_service")):
        pulled = by_id[entry.target_id]
        assert (pulled.kind, pulled.ref.type) == (entry.kind, entry.target_type)
        current = SERVICENOW.read(client, [pulled.ref], set(pulled.values))[pulled.ref]
        assert pulled.values == current.values and pulled.updated_on == current.updated_on
        assert set(mapping.published_fields(entry.target_type)) <= set(pulled.values)
    deployments = [r for r in records if r.kind == "deployment"]
    assert deployments and all(r.parents and set(r.parents) <= set(apps.values()) for r in deployments)
    unpublished = {
        r.name for r in records if r.ref.id not in set(entries.values_list("target_id", flat=True))
    }
    assert "Confluence" in unpublished and "Disaster Recovery" in unpublished  # the instance's own records
    assert not any(
        r.retired for r in records if r.kind == "application" and r.values["operational_status"] == "1"
    )


def test_a_full_pull_pages_by_2000_and_stays_within_the_call_budget(published):
    sandbox, connection = published
    servers = 2600
    add_related_servers(sandbox.server.app.records, servers)
    client, options = reader(connection)
    before = client.stats.calls
    records = list(SERVICENOW.pulled(client, options))
    found = list(SERVICENOW.discovered(client, options))
    deleted = SERVICENOW.deleted_since(client, options, "")
    computers, relations = servers + len(DEMO_MACHINES), servers + DEMO_RELATIONS
    assert client.stats.calls - before == full_pull_calls(computers, relations) == 5
    assert full_pull_calls(10_000 + len(DEMO_MACHINES), 10_000 + DEMO_RELATIONS) <= 15  # the target
    assert records and deleted == []
    assert len(found) == computers and len({d.target_id for d in found}) == computers
    instances = {r.ref.id for r in records if r.kind == "deployment"}
    assert all(d.links and set(d.links) <= instances for d in found)
    shared = next(d for d in found if d.name == "srv-sdp-01")  # serves two instances
    assert len(shared.links) == 2


def test_discovered_reports_what_the_mapping_of_a_machine_says(published):
    sandbox, connection = published
    client, options = reader(connection)
    found = {d.name: d for d in SERVICENOW.discovered(client, options)}
    assert set(found) == {m.name for m in DEMO_MACHINES}
    windows = found["win-sage-db01"]
    assert (windows.item_type, windows.target_type) == ("virtual_machine", "cmdb_ci_win_server")
    assert (windows.manufacturer, windows.model, windows.location) == (
        "VMware",
        "VMware Virtual Platform",
        "HQ Data Centre",
    )
    assert (windows.operating_system, windows.os_version) == ("Windows Server 2019 Standard", "2019")
    assert found["lnx-legal-01"].item_type == "server" and found["lnx-legal-01"].serial_number == "DL7Q2K41"
    assert found["pc-legal-kiosk"].item_type == "computer"  # related by Runs on::Runs
    assert not any(d.retired for d in found.values())
    legal = sandbox.table("cmdb_ci_service_auto", sysparm_query="name=LegalEdge — Prod")[0]["sys_id"]
    assert found["lnx-legal-01"].links == (legal,)

    only = list(SERVICENOW.discovered(client, options, ids=[found["lnx-legal-01"].target_id, "0" * 32]))
    assert [d.name for d in only] == ["lnx-legal-01"]


def test_an_incremental_pull_after_ten_changes_makes_at_most_five_calls(published):
    sandbox, connection = published
    client, options = reader(connection)
    machines = {d.name: d for d in SERVICENOW.discovered(client, options)}
    since = next_second()
    app = sandbox.table("cmdb_ci_business_app", sysparm_query="name=Sage 300")[0]
    sandbox.put(f"/api/now/table/cmdb_ci_business_app/{app['sys_id']}", json={"description": "Edited"})
    instance = machines["win-sage-app01"].links[0]
    form = {"action": "add_server", "instance": instance, "name": "lnx-new-01", "serial_number": "NEW1"}
    assert sandbox.post("/sandbox/cmdb", data=form).status_code == 200
    edited = ["lnx-legal-01", "lnx-legal-02", "win-m365-gw01", "win-sage-app01", "lnx-wday-int01"]
    for name in edited:
        sandbox.put(f"/api/now/table/cmdb_ci/{machines[name].target_id}", json={"os_version": "10"})
    retired = machines["lnx-sfdc-sync01"]
    sandbox.put(f"/api/now/table/cmdb_ci/{retired.target_id}", json={"install_status": "7"})
    gone = machines["pc-legal-kiosk"]
    assert sandbox.delete(f"/api/now/table/cmdb_ci/{gone.target_id}").status_code == 204
    moved = machines["srv-sdp-01"]  # a relationship changes, the CI does not
    sandbox.post(
        "/api/now/table/cmdb_rel_ci",
        json={
            "parent": machines["lnx-wday-int01"].links[0],
            "child": moved.target_id,
            "type": "Depends on::Used by",
        },
    )

    before = client.stats.calls
    records = list(SERVICENOW.pulled(client, options, since=since))
    found = {d.name: d for d in SERVICENOW.discovered(client, options, since=since)}
    deleted = SERVICENOW.deleted_since(client, options, since)
    assert client.stats.calls - before <= 5

    assert [(r.kind, r.name, r.values["description"]) for r in records] == [
        ("application", "Sage 300", "Edited")
    ]
    assert set(found) == {*edited, "lnx-new-01", "lnx-sfdc-sync01", "srv-sdp-01"}
    assert found["lnx-new-01"].links == (instance,) and found["lnx-new-01"].item_type == "server"
    assert found["lnx-sfdc-sync01"].retired and not found["lnx-legal-01"].retired
    assert len(found["srv-sdp-01"].links) == 3
    assert TargetRef("cmdb_ci_computer", gone.target_id) in {d.ref for d in deleted}
    assert all(d.deleted_on >= since for d in deleted)
    assert list(SERVICENOW.discovered(client, options, ids=[gone.target_id])) == []


def test_an_instance_that_gains_an_application_is_pulled_again_with_its_parents(published):
    sandbox, connection = published
    client, options = reader(connection)
    instance = next(r for r in SERVICENOW.pulled(client, options) if r.kind == "deployment")
    since = next_second()
    other = sandbox.post("/api/now/table/cmdb_ci_business_app", json={"name": "Second owner"}).json()[
        "result"
    ]
    sandbox.post(
        "/api/now/table/cmdb_rel_ci",
        json={"parent": other["sys_id"], "child": instance.ref.id, "type": options.business_app_to_service},
    )
    used, records = calls(client, lambda: SERVICENOW.pulled(client, options, since=since))
    assert used == 2
    again = {r.ref.id: r for r in records}
    assert set(again) == {other["sys_id"], instance.ref.id}
    assert set(again[instance.ref.id].parents) == {*instance.parents, other["sys_id"]}


def test_a_retired_application_is_flagged(published):
    sandbox, connection = published
    client, options = reader(connection)
    app = sandbox.table("cmdb_ci_business_app", sysparm_query="name=Workday")[0]
    sandbox.put(f"/api/now/table/cmdb_ci_business_app/{app['sys_id']}", json={"operational_status": "6"})
    (pulled,) = [r for r in SERVICENOW.pulled(client, options) if r.ref.id == app["sys_id"]]
    assert pulled.retired and pulled.kind == "application"


@pytest.mark.parametrize(
    "life_cycle",
    [
        {"life_cycle_stage": "End of Life"},
        {"life_cycle_stage_status": "Retired"},
        {"life_cycle_stage_status": "Obsolete"},
    ],
)
def test_an_application_at_the_end_of_its_life_cycle_is_flagged_though_still_operational(
    published, life_cycle
):
    sandbox, connection = published
    client, options = reader(connection)
    app = sandbox.table("cmdb_ci_business_app", sysparm_query="name=Workday")[0]
    sandbox.put(
        f"/api/now/table/cmdb_ci_business_app/{app['sys_id']}", json={"operational_status": "1", **life_cycle}
    )
    (pulled,) = [r for r in SERVICENOW.pulled(client, options) if r.ref.id == app["sys_id"]]
    assert pulled.retired


def test_an_application_pending_retirement_is_not_retired_yet(published):
    sandbox, connection = published
    client, options = reader(connection)
    app = sandbox.table("cmdb_ci_business_app", sysparm_query="name=Workday")[0]
    pending = {"life_cycle_stage": "Operational", "life_cycle_stage_status": "Pending Retirement"}
    sandbox.put(
        f"/api/now/table/cmdb_ci_business_app/{app['sys_id']}", json={"operational_status": "1", **pending}
    )
    (pulled,) = [r for r in SERVICENOW.pulled(client, options) if r.ref.id == app["sys_id"]]
    assert not pulled.retired


def test_a_time_that_is_not_one_is_refused_before_any_call(published):
    _, connection = published
    client, options = reader(connection)
    for read in (SERVICENOW.pulled, SERVICENOW.discovered, SERVICENOW.deleted_since):
        with pytest.raises(ValueError, match="YYYY-MM-DD HH:MM:SS"):
            read(client, options, since="2026-01-01^ORname=x")
    assert client.stats.calls == 0


def test_taking_a_pulled_application_field_into_the_portfolio_covers_every_plain_field():
    references = {"owned_by", "managed_by", "vendor"}  # sys_ids: no portfolio value without a lookup
    samples = {"business_criticality": "1 - most critical"}
    for field in set(value_fields(mapping.BUSINESS_APP_CLASS)) - references:
        assert mapping.portfolio_value("application", field, samples.get(field, "1")) is not None, field
    assert mapping.portfolio_value("application", "description", "New") == ("description", "New")
    assert mapping.portfolio_value("application", "short_description", "S") == ("short_description", "S")


def test_a_ci_deleted_while_a_full_pull_reads_does_not_hide_another(published):
    sandbox, connection = published
    add_related_servers(sandbox.server.app.records, 2100)
    client, options = reader(connection)
    stream = SERVICENOW.discovered(client, options)
    first = next(stream)  # the first page of computers is read: the rest follows page by page
    smallest = min(r["sys_id"] for r in sandbox.table("cmdb_ci_computer", sysparm_fields="sys_id"))
    assert sandbox.delete(f"/api/now/table/cmdb_ci/{smallest}").status_code == 204
    found = {first.target_id, *(d.target_id for d in stream)}
    assert len(found) == 2100 + len(DEMO_MACHINES)  # the deleted one was read before; none skipped


def test_deleted_relationships_are_noticed_by_an_incremental_pull(published):
    sandbox, connection = published
    client, options = reader(connection)
    machines = {d.name: d for d in SERVICENOW.discovered(client, options)}
    instance = next(r for r in SERVICENOW.pulled(client, options) if r.kind == "deployment" and r.parents)
    shared, single = machines["srv-sdp-01"], machines["lnx-legal-01"]
    since = next_second()

    def unrelate(parent: str, child: str) -> None:
        (row,) = sandbox.table("cmdb_rel_ci", sysparm_query=f"parent={parent}^child={child}")
        assert sandbox.delete(f"/api/now/table/cmdb_rel_ci/{row['sys_id']}").status_code == 204

    for parent in instance.parents:
        unrelate(parent, instance.ref.id)
    unrelate(shared.links[0], shared.target_id)
    for parent in single.links:
        unrelate(parent, single.target_id)

    before = client.stats.calls
    records = {r.ref.id: r for r in SERVICENOW.pulled(client, options, since=since)}
    found = {d.name: d for d in SERVICENOW.discovered(client, options, since=since)}
    deleted = SERVICENOW.deleted_since(client, options, since)
    assert client.stats.calls - before <= 5
    assert records[instance.ref.id].parents == ()
    assert found["srv-sdp-01"].links == shared.links[1:]
    assert found["lnx-legal-01"].links == ()  # no service instance relates to it any more
    assert {d.ref.type for d in deleted} == {"cmdb_rel_ci"}
