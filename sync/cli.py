"""What the run commands share: following a queued run to its end."""

import time

from sync import runs
from sync.models import ACTIVE, Run, RunStatus

WORKER_HINT_AFTER = 10  # seconds queued before suggesting that no worker is running


def follow(run: Run, out, err) -> Run:
    """Print progress until the run ends (the worker executes it); returns the finished run."""
    started, last, hinted = time.monotonic(), "", False
    while True:
        run.refresh_from_db()
        if run.status == RunStatus.RUNNING:
            runs.reap(run.connection)
            run.refresh_from_db()
        if run.status not in ACTIVE:
            return run
        line = ", ".join(f"{step} {p['done']}/{p['total']}" for step, p in run.progress.items())
        if line and line != last:
            out.write(line)
            last = line
        if run.status == RunStatus.QUEUED and not hinted and time.monotonic() - started > WORKER_HINT_AFTER:
            err.write("Still queued: is a worker running (manage.py rqworker publish)?")
            hinted = True
        time.sleep(1)


def summary(run: Run) -> str:
    return f"{run.get_status_display()}: {run.counts}" + (f" — {run.message}" if run.message else "")
