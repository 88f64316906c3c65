import django_rq
import pytest

from sync import runs


def clear(queue) -> None:
    queue.empty()
    for job_id in queue.scheduled_job_registry.get_job_ids():
        queue.scheduled_job_registry.remove(job_id, delete_job=True)


@pytest.fixture
def queue():
    """The publish queue of the test Redis database, empty before and after."""
    queue = django_rq.get_queue(runs.QUEUE)
    clear(queue)
    yield queue
    clear(queue)
