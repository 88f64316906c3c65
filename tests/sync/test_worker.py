"""A real RQ worker process publishing against the sandbox, killed with SIGKILL mid-run, then resumed: the
target holds every CI and relationship exactly once."""

import pytest

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from sync import decisions, runs
from sync.models import Run, RunStatus, SyncMapEntry
from sync.preview import run_preview
from tests.factories import ConnectionFactory
from tests.sync.test_preview import register_data_source
from tests.sync.test_publish import target_state
from tests.worker import kill, start_worker, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_killed_worker_is_detected_and_the_resumed_publish_duplicates_nothing(namespace, sandbox, queue):
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
    run = runs.start_publish(connection)  # enqueued on commit
    assert queue.count == 1
    worker = start_worker()
    try:
        wait_for(
            lambda: Run.objects.get(pk=run.pk).progress.get("applications", {}).get("done", 0) >= 4,
            60,
            "the worker to publish some applications",
        )
    finally:
        kill(worker, horse_pid=int(Run.objects.get(pk=run.pk).worker.rpartition(":")[2] or 0))
    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING  # nobody told the database
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
    state = target_state(sandbox)
    assert max(state["cis"].values()) == 1, "a CI was duplicated"
    assert max(state["relations"].values()) == 1, "a relationship was duplicated"
    assert max(state["models"].values()) == 1, "a software model was duplicated"
    assert run.items.values("record_id").distinct().count() == run.items.count()
    assert SyncMapEntry.objects.filter(connection=connection, target_id="").count() == 0
