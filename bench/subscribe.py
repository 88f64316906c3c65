"""Subscribe from ServiceNow (issue 18): a sandbox holding the published demo portfolio plus 10,000
server CIs related to its service instances.

- calls for a full pull (pulled + discovered + deleted): target at most 15, with pages of 2,000;
- calls for an incremental pull with 10 changes: target at most 5;
- peak memory of the full pull and its comparison: target < 300 MB (tracemalloc);
- the time to compute the differences.

    .venv/bin/python bench/subscribe.py [--servers 10000]
"""

import argparse
import resource
import time
import tracemalloc

from common import Sandbox, load_demo, setup_django

SEEDED_ON = "2026-01-01 00:00:00"  # before the publish: the incremental pull does not read them again


def seed_servers(sandbox: Sandbox, count: int) -> list[str]:
    """`count` Linux servers, each related ("Depends on") to one of the published service instances, in
    process (the sandbox's own bulk helper, no HTTP), then dated before the publish."""
    from integrations.servicenow.sandbox.infrastructure import add_related_servers

    records = sandbox.server.app.records
    servers = add_related_servers(records, count)
    created = set(servers)
    with records.store.transaction():
        aged = [records.store.locate("cmdb_ci_computer", sys_id)[1] for sys_id in servers]
        aged += [r for _, r in records.store.scan("cmdb_rel_ci") if r.get("child") in created]
        for record in aged:
            record["sys_updated_on"] = record["sys_created_on"] = SEEDED_ON
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--servers", type=int, default=10_000)
    args = parser.parse_args()
    setup_django()
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
        measure(connection, "full pull", full=True)
        measure(connection, "full pull again", full=True, trace=True)
        time.sleep(1.1)  # the changes get a later second than everything the full pull saw
        change_ten(sandbox, connection, servers)
        measure(connection, "incremental pull with 10 changes", full=False)
    sandbox.stop()
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"whole process (Django, the sandbox and its servers, every pass): peak RSS {peak_rss:.0f} MB")


if __name__ == "__main__":
    main()
