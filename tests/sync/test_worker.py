"""A real RQ worker process publishing against the sandbox, killed with SIGKILL mid-run — right after the
sandbox carried out one of its writes, before the answer reaches it — then resumed: the target holds
every CI and relationship exactly once, every call the target received is in the audit log, and the
run's counts cover what both attempts did."""

import os
import signal
import threading
from collections import Counter

import pytest

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from integrations.servicenow.mapping import CONTRACT_CI_TABLE, CONTRACT_TABLE, SOFTWARE_MODEL_TABLE
from integrations.servicenow.sandbox.app import api_of
from sync import decisions, runs
from sync.models import AuditState, Outcome, Run, RunStatus, SyncMapEntry
from sync.preview import run_preview
from tests.factories import ConnectionFactory
from tests.sync.test_preview import register_data_source
from tests.sync.test_publish import CI_CLASSES, target_state
from tests.worker import kill, start_worker, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

WRITTEN_TABLES = (*CI_CLASSES, "cmdb_rel_ci", SOFTWARE_MODEL_TABLE, CONTRACT_TABLE, CONTRACT_CI_TABLE)


def kill_inside_next_commit(sandbox, worker, horse: int) -> threading.Event:
    """The sandbox carries out the next committing Identify and Reconcile call, then kills the worker
    before answering: the target has acted on a call whose answer the worker never sees."""
    app, done = sandbox.server.app, threading.Event()
    identify = app.identify

    def identify_then_kill(call, variant):
        response = identify(call, variant)
        if not variant and not done.is_set():
            for pid in (horse, worker.pid):
                os.killpg(pid, signal.SIGKILL)
            done.set()
        return response

    app.identify = identify_then_kill
    return done


def request_log(sandbox) -> Counter:
    """From now on, the HTTP requests the sandbox receives, by API and method (a Batch API request counts
    once: the sandbox's bookkeeping also lists its sub-requests, under their own paths)."""
    book, log = sandbox.server.app.book, Counter()
    record = book.record

    def record_and_log(method, path, status, user, api, committing):
        if api != "batch" or api_of(path) == "batch":
            log[f"{api} {method}"] += 1
        record(method, path, status, user, api, committing)

    book.record = record_and_log
    return log


def audited(run: Run) -> Counter:
    return Counter(f"{api_of(path)} {method}" for method, path in run.audit.values_list("method", "path"))


def assert_every_received_call_is_audited(calls: Counter, run: Run) -> None:
    entries = audited(run)
    assert calls["ire POST"] > 0
    missing = {key: n - entries[key] for key, n in calls.items() if entries[key] < n}
    assert not missing, f"calls the target received without an audit row: {missing}"


def sys_ids(sandbox) -> set[tuple[str, str]]:
    return {
        (table, row["sys_id"])
        for table in WRITTEN_TABLES
        for row in sandbox.table(table, sysparm_fields="sys_id", sysparm_limit=10000)
    }


@pytest.mark.parametrize("step", ["applications", "deployments"])  # CIs; CIs with their relationships
def test_killed_worker_is_detected_and_the_resumed_publish_duplicates_nothing(
    namespace, sandbox, queue, step
):
    import_document(namespace, build_demo_document(DemoShape(apps=24, services=6, seed=5)))
    register_data_source(sandbox)
    connection = ConnectionFactory(
        namespace=namespace,
        instance_url=sandbox.url,
        ca_bundle=sandbox.ca_pem,
        options={"ire_batch_size": 4, "max_calls_per_minute": 240},  # many small batches, four a second
    )
    preview = run_preview(connection)
    decisions.decide_all(preview, "adopt")
    before = sys_ids(sandbox)
    calls = request_log(sandbox)
    run = runs.start_publish(connection)  # enqueued on commit
    assert queue.count == 1
    worker = start_worker()
    horse = 0
    try:
        wait_for(
            lambda: Run.objects.get(pk=run.pk).progress.get(step, {}).get("done", 0) >= 4,
            60,
            f"the worker to publish some {step}",
        )
        horse = int(Run.objects.get(pk=run.pk).worker.rpartition(":")[2] or 0)
        killed = kill_inside_next_commit(sandbox, worker, horse)
        wait_for(killed.is_set, 30, "the sandbox to kill the worker inside a write")
    finally:
        kill(worker, horse_pid=horse)
    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING  # nobody told the database
    # the write the worker never heard back from is on record, and so is every other call
    unanswered = run.audit.filter(state=AuditState.SENT)
    assert list(unanswered.values_list("path", flat=True)) == ["/api/now/identifyreconcile"]
    assert_every_received_call_is_audited(calls, run)
    wait_for(lambda: runs.reap(connection), 15, "the dead worker to be noticed")
    run.refresh_from_db()
    assert run.status == RunStatus.INTERRUPTED
    done_before = sum(p["done"] for p in run.progress.values())
    total = sum(p["total"] for p in run.progress.values())
    assert 0 < done_before < total

    runs.resume(run)
    worker = start_worker("--burst")
    try:
        assert worker.wait(120) == 0, worker.stderr.read().decode()[-2000:]
    finally:
        if worker.poll() is None:
            kill(worker)
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert sum(p["done"] for p in run.progress.values()) == total
    assert_every_received_call_is_audited(calls, run)
    assert run.audit.filter(state=AuditState.SENT).count() == 1  # the resumed attempt answered every call
    created = sys_ids(sandbox) - before
    assert run.counts.get(Outcome.CREATE, 0) == len(created), (run.counts, Counter(t for t, _ in created))
    state = target_state(sandbox)
    assert max(state["cis"].values()) == 1, "a CI was duplicated"
    assert max(state["relations"].values()) == 1, "a relationship was duplicated"
    assert max(state["models"].values()) == 1, "a software model was duplicated"
    assert run.items.values("record_id").distinct().count() == run.items.count()
    assert SyncMapEntry.objects.filter(connection=connection, target_id="").count() == 0
