"""A real RQ worker process publishing against the sandbox, killed with SIGKILL mid-run, then resumed: the
target holds every CI and relationship exactly once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection as db

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document
from sync import runs
from sync.models import Run, RunStatus, SyncMapEntry
from tests.factories import ConnectionFactory
from tests.sync.test_preview import register_data_source
from tests.sync.test_publish import target_state

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


def database_url() -> str:
    config = db.settings_dict
    if config["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{config['NAME']}"
    auth = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    return f"postgres://{auth}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}/{config['NAME']}"


def start_worker(*extra: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "SECRET_KEY": settings.SECRET_KEY,
        "FIELD_ENCRYPTION_KEY": ",".join(settings.FIELD_ENCRYPTION_KEYS),
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "rqworker", "publish", *extra],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group: the work horse dies with it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_killed_worker_is_detected_and_the_resumed_publish_duplicates_nothing(namespace, sandbox, queue):
    import_document(namespace, build_demo_document(DemoShape(apps=24, services=6, seed=5)))
    register_data_source(sandbox)
    connection = ConnectionFactory(
        namespace=namespace,
        instance_url=sandbox.url,
        ca_bundle=str(sandbox.server.ca_path),
        options={"ire_batch_size": 4, "max_calls_per_minute": 240},  # many small batches, four a second
    )
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
        # the work horse executing the job runs in a session of its own (RQ calls setsid)
        horse = int(Run.objects.get(pk=run.pk).worker.rpartition(":")[2] or 0)
        for pid in (horse, worker.pid):
            if pid:
                os.killpg(pid, signal.SIGKILL)
        worker.wait(10)
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
            os.killpg(worker.pid, signal.SIGKILL)
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert sum(p["done"] for p in run.progress.values()) == total
    state = target_state(sandbox)
    assert max(state["cis"].values()) == 1, "a CI was duplicated"
    assert max(state["relations"].values()) == 1, "a relationship was duplicated"
    assert max(state["models"].values()) == 1, "a software model was duplicated"
    assert run.items.values("record_id").distinct().count() == run.items.count()
    assert SyncMapEntry.objects.filter(connection=connection, target_sys_id="").count() == 0
