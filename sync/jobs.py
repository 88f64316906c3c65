"""RQ jobs: each loads its row by id and calls the engine; nothing else happens here."""

from integrations.models import Connection
from sync import schedule, subscribe
from sync.models import Pull, Run, RunKind
from sync.preview import execute_preview
from sync.progress import Heartbeat, fail_unexpectedly
from sync.publish import execute_publish
from sync.rollback import execute_rollback


def execute_run(run_id: str) -> str:
    run = Run.objects.select_related("connection", "rollback_of").filter(pk=run_id).first()
    if run is None:  # deleted with its connection while queued
        return "gone"
    try:
        with Heartbeat(run.pk):
            engine = {
                RunKind.PREVIEW: execute_preview,
                RunKind.PUBLISH: execute_publish,
                RunKind.ROLLBACK: execute_rollback,
            }[run.kind]
            run = engine(run)
    except Exception as exc:  # a bug, or the database went away: say so on the run, keep RQ's traceback
        fail_unexpectedly(run, exc)
        raise
    return run.status


def publish_due() -> int:
    return len(schedule.publish_due())


def publish_after_change(connection_id: str, token: str) -> str:
    connection = Connection.objects.filter(pk=connection_id).first()
    return schedule.publish_after_change(connection, token) if connection else "gone"


def execute_pull(pull_id: str) -> str:
    pull = Pull.objects.select_related("connection").filter(pk=pull_id).first()
    if pull is None:
        return "gone"
    try:
        return subscribe.execute_pull(pull).status
    except Exception as exc:  # a bug: say so on the pull, keep RQ's traceback
        subscribe.fail(pull, f"The pull stopped unexpectedly: {type(exc).__name__}")
        raise


def pulls_due() -> int:
    return len(subscribe.pulls_due())
