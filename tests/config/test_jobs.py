"""django-rq is wired to the configured Redis (a real server, never a fake)."""

import math

import django_rq
import pytest
from django.conf import settings
from django.urls import reverse
from rq import SimpleWorker

from tests.factories import UserFactory


def test_both_queues_use_redis_url():
    assert set(settings.RQ_QUEUES) == {"default", "publish"}
    for name in ("default", "publish"):
        assert django_rq.get_queue(name).connection.ping()


def test_a_worker_runs_jobs_from_the_publish_queue():
    queue = django_rq.get_queue("publish")
    queue.empty()
    job = queue.enqueue(math.factorial, 5)
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    job.refresh()
    assert job.is_finished and job.return_value() == 120


@pytest.mark.django_db
def test_the_rq_dashboard_is_for_staff_only(client):
    url = reverse("admin:django_rq_home")
    client.force_login(UserFactory(username="plain"))
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(username="staff", is_staff=True))
    assert client.get(url).status_code == 200
