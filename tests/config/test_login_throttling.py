"""Login throttling (django-axes): repeated wrong passwords pause logins per user name and per address."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from config.client_ip import client_ip
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    return 3


def log_in(client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_after_the_limit_even_the_right_password_gets_the_lockout_page(client, limit):
    UserFactory(username="alice")
    for _ in range(limit - 1):
        assert log_in(client, "alice", "wrong").status_code == 200
    locked = log_in(client, "alice", "wrong")
    assert locked.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in locked.templates]
    page = locked.content.decode()
    assert "Too many failed logins" in page and "paused for 15 minutes" in page
    assert log_in(client, "alice", PASSWORD).status_code == 429
    assert not logged_in(client)


def test_a_user_name_is_locked_from_every_address(client, limit):
    UserFactory(username="alice")
    for number in range(limit):
        log_in(client, "alice", "wrong", address=f"10.0.1.{number}")
    assert log_in(client, "alice", PASSWORD, address="10.0.9.9").status_code == 429
    assert not logged_in(client)


def test_an_address_is_locked_for_every_user_name(client, limit):
    UserFactory(username="bob")
    for number in range(limit):
        log_in(client, f"guess{number}", "wrong", address="10.0.2.2")
    assert log_in(client, "bob", PASSWORD, address="10.0.2.2").status_code == 429
    assert log_in(client, "bob", PASSWORD, address="10.0.2.3").status_code == 302
    assert logged_in(client)


def test_the_pause_ends_after_the_cool_off(client, limit):
    UserFactory(username="alice")
    for _ in range(limit):
        log_in(client, "alice", "wrong")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(minutes=16)
    )
    assert log_in(client, "alice", PASSWORD).status_code == 302 and logged_in(client)


def test_a_success_below_the_limit_starts_the_count_again(client, limit):
    UserFactory(username="alice")
    for _ in range(limit - 1):
        log_in(client, "alice", "wrong")
    assert log_in(client, "alice", PASSWORD).status_code == 302
    client.logout()
    for _ in range(limit - 1):
        log_in(client, "alice", "wrong")
    assert log_in(client, "alice", PASSWORD).status_code == 302


def test_axes_reset_lifts_a_lockout(client, limit):
    UserFactory(username="alice")
    for _ in range(limit):
        log_in(client, "alice", "wrong")
    call_command("axes_reset")
    assert log_in(client, "alice", PASSWORD).status_code == 302


def test_the_limit_and_cool_off_come_from_the_environment():
    code = "from django.conf import settings as s; print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
    env = {**os.environ, "LOGIN_FAILURE_LIMIT": "7", "LOGIN_COOLOFF_MINUTES": "2"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().endswith("7 0:02:00"), result.stderr


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "192.0.2.9"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 10.1.1.1", "203.0.113.5"),
        (2, "10.1.1.1", "192.0.2.9"),
    ],
)
def test_behind_proxies_the_address_counts_from_the_right(settings, proxies, forwarded, expected):
    settings.LOGIN_PROXY_COUNT = proxies
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
