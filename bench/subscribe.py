"""Subscribe from ServiceNow (issue 18): a sandbox holding the published demo portfolio plus 10,000
server CIs related to its service instances.

- calls for a full pull (pulled + discovered + deleted): target at most 15, with pages of 2,000;
- calls for an incremental pull with 10 changes: target at most 5;
- peak memory of the full pull and its comparison: target < 300 MB (tracemalloc);
- the time to compute the differences.

    .venv/bin/python bench/subscribe.py [--servers 10000]

It needs the ServiceNow side of the contract (`ServiceNowPlatform.pulls_records`); without it, it says
so after the publish and stops.
"""

import argparse
import time
import tracemalloc

from common import Sandbox, load_demo, setup_django

RUNS_ON = "60bc4e22c0a8010e01f074cbe6bd73c3"  # Runs on::Runs, as the sandbox seeds it
SEEDED_ON = "2026-01-01 00:00:00"  # before the publish: the incremental pull does not read them again


def seed_servers(sandbox: Sandbox, count: int) -> list[str]:
    """`count` Linux servers, each related to one of the published service instances (in-process: the
    sandbox's own records, no HTTP), with an update time before the publish's."""
    app = sandbox.server.app
    instances = [record["sys_id"] for _, record in app.store.scan("cmdb_ci_service_auto")]
    if not instances:
        raise SystemExit("The publish created no service instance to relate servers to.")
    servers = []
    with app.store.transaction():
        for i in range(count):
            server = app.records.create(
                "cmdb_ci_linux_server",
                {
                    "name": f"bench-srv-{i:05d}",
                    "serial_number": f"BS{i:07d}",
                    "os": "Linux",
                    "os_version": "9",
                    "install_status": "1",
                },
                "system",
            )
            relation = app.records.create(
                "cmdb_rel_ci",
                {"parent": instances[i % len(instances)], "child": server["sys_id"], "type": RUNS_ON},
                "system",
            )
            for record in (server, relation):
                record["sys_updated_on"] = record["sys_created_on"] = SEEDED_ON
            servers.append(server["sys_id"])
    return servers


def change_ten(sandbox: Sandbox, connection, servers: list[str]) -> None:
    """Five application descriptions and five servers' OS versions, through the Table API."""
    from sync.models import RecordKind, SyncMapEntry

    apps = SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.APPLICATION)[:5]
    for i, entry in enumerate(apps):
        path = f"/api/now/table/{entry.target_type}/{entry.target_id}"
        sandbox.http.put(sandbox.url + path, json={"description": f"Bench edit {i}"}, verify=sandbox.verify)
    for i, sys_id in enumerate(servers[:5]):
        path = f"/api/now/table/cmdb_ci_linux_server/{sys_id}"
        sandbox.http.put(sandbox.url + path, json={"os_version": f"10.{i}"}, verify=sandbox.verify)


def measure(connection, label: str, full: bool, trace: bool = False) -> None:
    """One pull and its comparison, timed; with `trace`, a pass that measures memory instead (tracing
    slows Python down several times, so the times of that pass are not printed)."""
    from integrations.base.platform import platform_of
    from sync import mirror
    from sync.models import Pull, PullStatus
    from sync.subscribe_records import prepare

    platform = platform_of(connection)
    options = platform.options(connection.options)
    pull = Pull.objects.create(connection=connection, status=PullStatus.RUNNING, trigger="command", full=full)
    if trace:
        tracemalloc.start()
    with platform.client(connection) as client:
        started = time.perf_counter()
        refreshed = mirror.refresh(platform, client, options, connection, full=full)
        pulled_in, calls = time.perf_counter() - started, client.stats.calls
        started = time.perf_counter()
        pull = prepare(pull, platform, client, options)
        compared_in = time.perf_counter() - started
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{label}, traced: peak {peak / 1e6:.0f} MB (target < 300 MB)")
        return
    target = 15 if full else 5
    print(f"{label}: {calls} calls to pull (target at most {target}); {refreshed.upserted:,} records read")
    print(f"  pull {pulled_in:.1f} s; differences computed in {compared_in:.1f} s: {pull.counts}")


def compare_only(sandbox: Sandbox, connection) -> None:
    """The differences' time and memory over a mirror filled from the sandbox's own store (what a pull
    would bring: the published records as `read` returns them, the servers with their relations)."""
    from integrations.base.platform import Discovered, Pulled, TargetRef, platform_of
    from sync import mirror
    from sync.models import Pull, PullStatus, SyncMapEntry
    from sync.subscribe_compare import BUSINESS
    from sync.subscribe_records import prepare

    app = sandbox.server.app
    links: dict[str, list[str]] = {}
    for _, relation in app.store.scan("cmdb_rel_ci"):
        links.setdefault(relation.get("child", ""), []).append(relation.get("parent", ""))
    platform = platform_of(connection)
    entries = SyncMapEntry.objects.filter(connection=connection, kind__in=BUSINESS).exclude(target_id="")
    refs = {TargetRef(e.target_type, e.target_id): e.kind for e in entries}
    fields = {name for e in entries for name in e.last_values}
    with platform.client(connection) as client:
        current = platform.read(client, list(refs), fields)
    pulled = [Pulled(refs[r], r, now.values.get("name", ""), dict(now.values)) for r, now in current.items()]
    found = (
        Discovered(
            target_id=record["sys_id"],
            name=record.get("name", ""),
            item_type="server",
            serial_number=record.get("serial_number", ""),
            operating_system=record.get("os", ""),
            os_version=record.get("os_version", ""),
            links=tuple(links.get(record["sys_id"], ())),
            target_type=table,
        )
        for table, record in app.store.scan("cmdb_ci_linux_server")
    )
    mirror.store(connection, [*pulled, *found])

    def compare() -> tuple[float, dict]:
        pull = Pull.objects.create(connection=connection, status=PullStatus.RUNNING, trigger="command")
        with platform.client(connection) as client:
            started = time.perf_counter()
            pull = prepare(pull, platform, client, platform.options(connection.options))
            return time.perf_counter() - started, pull.counts

    elapsed, counts = compare()
    tracemalloc.start()
    compare()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  differences computed in {elapsed:.1f} s: {counts}; peak {peak / 1e6:.0f} MB traced (2nd pass)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--servers", type=int, default=10_000)
    args = parser.parse_args()
    setup_django()
    from integrations.base.platform import platform_of
    from sync import decisions, runs
    from sync.preview import run_preview
    from sync.publish import execute_publish

    sandbox = Sandbox()
    connection = sandbox.connect(load_demo())
    connection.sync_direction = "both"
    connection.save(update_fields=["sync_direction"])
    with sandbox.faults_off():
        decisions.decide_all(run_preview(connection), "adopt")
        execute_publish(runs.start_publish(connection))
        servers = seed_servers(sandbox, args.servers)
        print(f"sandbox: the published demo portfolio and {len(servers):,} related servers")
        if not platform_of(connection).pulls_records:
            print("ServiceNow does not pull records back in this build (the sn-pull side of issue 18):")
            print("  no call counts; the comparison alone, over a mirror filled in-process from the sandbox:")
            compare_only(sandbox, connection)
            sandbox.stop()
            return
        measure(connection, "full pull", full=True)
        measure(connection, "full pull again", full=True, trace=True)
        time.sleep(1.1)  # the changes get a later second than everything the full pull saw
        change_ten(sandbox, connection, servers)
        measure(connection, "incremental pull with 10 changes", full=False)
    sandbox.stop()


if __name__ == "__main__":
    main()
