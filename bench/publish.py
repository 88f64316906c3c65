"""Publishing cost and speed against the sandbox, rate-limited to 60 calls a minute (time-scaled: the
sandbox's window and the client's governor run SCALE times faster, and wall times are also shown at
real speed).

- the initial publish of the demo portfolio (300 applications × 2 deployments × 6 services × 3
  products), after its preview and decisions: target at most 40 API calls (one call per record would
  be ~9,600 calls, 2.7 hours);
- an immediate re-publish with no change: target 0 writes;
- one application edited: target at most 3 calls (read it, look up its people, write it);

Calls are the product's HTTP requests (a Batch API request counts once; the sandbox's own statistics
count its sub-requests too). Each publish follows a preview, as an admin's does; the preview's calls
are shown apart.
- the same initial publish with 20% of calls failing (503, 429, dropped connections): it completes,
  and the target ends in the same state.

    .venv/bin/python bench/publish.py [SCALE]      (SCALE defaults to 10)
"""

import sys
import time
from collections import Counter

from common import Sandbox, load_demo, setup_django

RATE = 60  # calls per minute
FAULTS = "503:0.08,429:0.06,reset:0.06"
CI_TABLES = ("service_offering", "cmdb_ci_service_technical", "cmdb_ci_business_app", "cmdb_ci_service_auto")


def publish(connection, sandbox: "Sandbox"):
    """Preview, decide (adopt what the target already holds), then publish; returns the publish run, its
    time and the sandbox's statistics of the publish alone."""
    from sync import decisions, runs
    from sync.preview import run_preview
    from sync.publish import execute_publish

    preview = run_preview(connection)
    decisions.decide_all(preview, "adopt")
    print(f"  (its preview: {preview.stats.get('calls', 0)} API calls, {dict(preview.counts)})")
    sandbox.reset_stats()
    started = time.perf_counter()
    run = execute_publish(runs.start_publish(connection))
    return run, time.perf_counter() - started, sandbox.stats()


def end_state(sandbox: Sandbox) -> tuple:
    """Every CI by class and correlation id, relationships between correlation ids, software models."""

    def rows(table: str, fields: str) -> list[dict]:
        query = {"sysparm_fields": fields, "sysparm_limit": 10000, "sysparm_exclude_reference_link": "true"}
        return sandbox.get(f"/api/now/table/{table}", params=query).json()["result"]

    with sandbox.faults_off():
        key_of, cis = {}, Counter()
        for table in CI_TABLES:
            for row in rows(table, "sys_id,correlation_id,name"):
                key_of[row["sys_id"]] = row["correlation_id"] or row["name"]
                cis[(table, key_of[row["sys_id"]])] += 1
        relations = Counter(
            (key_of.get(r["parent"]), key_of.get(r["child"]), r["type"])
            for r in rows("cmdb_rel_ci", "parent,child,type")
        )
        models = Counter(
            (r["name"], r["version"]) for r in rows("cmdb_software_product_model", "name,version")
        )
    return cis, relations, models


def report(label: str, run, elapsed: float, stats: dict, scale: float, apps: int) -> None:
    calls = run.stats.get("calls", 0)
    writes = stats["committing_calls"]
    print(f"{label}: {calls} API calls, {writes} writes, {calls / apps:.2f} calls/application")
    print(
        f"  {elapsed:.1f} s wall here, ≈{elapsed * scale:.0f} s at {RATE} calls/min; "
        f"status {run.status}{' — ' + run.message if run.message else ''}; {dict(run.counts)}"
    )
    print(f"  by API and method: {stats['by_api_method']}; retries {run.stats.get('retries', 0)}")


def main() -> None:
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    setup_django()
    from catalog.models import BusinessApplication

    namespace = load_demo()
    apps = BusinessApplication.objects.filter(namespace=namespace).count()
    limits = {"rate_limit": RATE, "time_scale": 60 * scale}  # RATE per scaled "hour" = per minute / scale
    sandbox = Sandbox(**limits)
    connection = sandbox.connect(namespace, max_calls_per_minute=int(RATE * scale))

    run, elapsed, stats = publish(connection, sandbox)
    report("initial publish of the demo portfolio", run, elapsed, stats, scale, apps)
    clean = end_state(sandbox)

    run, elapsed, stats = publish(connection, sandbox)
    report("re-publish with no change", run, elapsed, stats, scale, apps)

    app = BusinessApplication.objects.filter(namespace=namespace).order_by("name").first()
    app.short_description = f"{app.short_description} (edited)"
    app.save()
    run, elapsed, stats = publish(connection, sandbox)
    report(f"one application edited ({app.name})", run, elapsed, stats, scale, apps)
    sandbox.stop()

    faulty = Sandbox(**limits, faults=FAULTS, fault_seed=7)
    other = faulty.connect(namespace, name="faulty", max_calls_per_minute=int(RATE * scale))
    app.short_description = app.short_description.removesuffix(" (edited)")
    app.save()
    run, elapsed, stats = publish(other, faulty)
    report(f"initial publish with 20% failing calls ({FAULTS})", run, elapsed, stats, scale, apps)
    print(f"  answers: {stats['by_status']}")
    # the clean target saw one edit more; compare with the state before it
    same = end_state(faulty) == clean
    print(f"  same end state as without faults: {'yes' if same else 'NO'}")
    faulty.stop()


if __name__ == "__main__":
    main()
