"""Preview and publish in the test's own process, for tests that drive the sync engine directly."""

from sync import decisions, runs
from sync.models import Run, RunStatus
from sync.preview import run_preview
from sync.publish import execute_publish


def previewed(connection, decision: str = "adopt") -> Run:
    """A finished preview with every pending record decided as `decision`."""
    preview = run_preview(connection)
    assert preview.status == RunStatus.SUCCEEDED, preview.message
    decisions.decide_all(preview, decision)
    return preview


def publish(connection) -> Run:
    run = execute_publish(runs.start_publish(connection))
    assert run.status in (RunStatus.SUCCEEDED, RunStatus.PARTIAL), run.message
    return run
