"""Change requests for pipelines against the ServiceNow sandbox: the ServiceNow calls of each of seed 003's
patterns, and of a normal change that 20 pipelines wait on together for about 10 poll intervals.

Targets:
- a standard change from create to close: at most 4 calls;
- waiting: 1 call per poll interval, whatever the number of waiting pipelines (20 here).

Calls are the product's HTTP requests to ServiceNow (a Batch API request counts once; each walk through
the state model is one), counted from the change's audit rows. The OAuth token request is shown apart: a
client asks for one when it has none cached. Each pipeline's request is served by the same functions the
API views call.

    .venv/bin/python bench/change.py
"""

import threading
import time
from collections import Counter

from common import Sandbox, setup_django

INTERVAL = 0.5  # the product's poll interval for this run (PIPELINE_POLL_INTERVAL)
WAITERS = 20
APPROVAL_DELAY = INTERVAL * 10  # the sandbox approves after about 10 intervals


def calls_since(first_id: int) -> tuple[int, int, Counter]:
    """(calls to ServiceNow, token requests, calls by method and path) after audit row `first_id`."""
    from pipelines.models import ChangeCall

    rows = list(ChangeCall.objects.filter(pk__gt=first_id).values_list("method", "path", "attempt"))
    token = [r for r in rows if "oauth_token" in r[1]]
    other = [r for r in rows if "oauth_token" not in r[1]]
    return len(other), len(token), Counter(f"{m} {p.split('?')[0]}" for m, p, _a in other)


def last_call() -> int:
    from pipelines.models import ChangeCall

    return ChangeCall.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def pattern(label: str, target: str, steps) -> None:
    start, started = last_call(), time.perf_counter()
    steps()
    calls, token, paths = calls_since(start)
    print(
        f"{label}: {calls} ServiceNow calls{target} (+{token} token), {time.perf_counter() - started:.2f} s"
    )
    print(f"  {dict(paths)}")


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.db import connection as db

    from catalog.demo import DemoShape, build_demo_document
    from catalog.models import Namespace
    from catalog.transfer.importer import import_document
    from integrations.base.changes import ChangeInput
    from pipelines import services
    from pipelines.polling import change_status
    from sync import decisions, runs
    from sync.models import RecordKind, SyncMapEntry
    from sync.preview import run_preview
    from sync.publish import execute_publish

    settings.CONNECTIONS_ALLOW_LOOPBACK = True
    settings.PIPELINE_POLL_INTERVAL = INTERVAL
    namespace = Namespace.objects.create(slug="bench", name="Bench")
    import_document(namespace, build_demo_document(DemoShape(apps=4, services=2, seed=42)))
    sandbox = Sandbox(approval_delay=APPROVAL_DELAY)
    connection = sandbox.connect(namespace)
    decisions.decide_all(run_preview(connection), "adopt")
    execute_publish(runs.start_publish(connection))
    entry = SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.DEPLOYMENT).exclude(
        target_id=""
    )[0]
    deployment = str(entry.record_id)

    def create(**values):
        return services.create_change(
            namespace, ChangeInput(short_description="Deploy", **values), deployment=deployment, actor="bench"
        )

    def standard():
        change = create(type="standard", template="Deploy application release")
        services.implement_change(change)
        services.close_change(change, "successful", "Deployed")

    pattern("3. standard, create to close (first: the template is looked up)", " (target ≤ 4)", standard)
    pattern("3. standard, create to close (the template remembered)", " (target ≤ 4)", standard)

    def evidence():
        change = create(type="standard", template="Deploy application release")
        services.implement_change(change)
        services.attach_file(change, "test-results.xml", b"<testsuite tests='1'/>", "application/xml")
        services.attach_file(change, "scan.json", b"{}", "application/json")
        services.close_change(change, "successful", "Deployed")
        rollback = create(type="standard", template="Deploy application release", parent=change.number)
        services.implement_change(rollback)
        services.close_change(rollback, "successful", "Rolled back")

    pattern("4+5. with two attachments, then its rollback change", "", evidence)

    print(f"1. a normal change waited on by {WAITERS} pipelines, polling every {INTERVAL / 5:g} s:")
    change = create()
    start, started = last_call(), time.monotonic()
    verdicts: list[str] = []

    def waiter() -> None:
        try:
            mine = change
            while time.monotonic() - started < APPROVAL_DELAY * 3:
                mine = change_status(type(change).objects.get(pk=change.pk), "bench")
                if mine.verdict != "wait":
                    break
                time.sleep(INTERVAL / 5)
            verdicts.append(mine.verdict)
        finally:
            db.close()

    threads = [threading.Thread(target=waiter) for _ in range(WAITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    calls, token, paths = calls_since(start)
    intervals = elapsed / INTERVAL
    print(
        f"  approved after {elapsed:.1f} s = {intervals:.1f} intervals: {calls} ServiceNow calls "
        f"(+{token} token), {calls / intervals:.2f} per interval (target 1); "
        f"verdicts {dict(Counter(verdicts))}"
    )
    print(f"  {dict(paths)}")

    def deploy() -> None:
        services.implement_change(type(change).objects.get(pk=change.pk))
        services.close_change(type(change).objects.get(pk=change.pk), "successful", "Deployed")

    pattern("1. ... then deploy: implement and close", "", deploy)
    sandbox.stop()


if __name__ == "__main__":
    main()
