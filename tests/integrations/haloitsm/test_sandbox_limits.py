"""Halo's rate limit (halo_glpi.md §3.1): 429 after N requests in a rolling five minutes."""

from werkzeug.test import Client

from integrations.haloitsm.sandbox import HaloSandbox, SandboxSettings
from integrations.haloitsm.sandbox.limits import RollingWindowLimiter

from .conftest import TOKEN_FORM


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_window_rolls_rather_than_resets():
    clock = FakeClock()
    limiter = RollingWindowLimiter(3, window=300, clock=clock)

    assert limiter.acquire() is None
    clock.now += 100
    assert [limiter.acquire(), limiter.acquire()] == [None, None]
    clock.now += 100
    assert limiter.acquire() == 100  # the first request leaves the window in 100 s
    clock.now += 100
    assert limiter.acquire() is None  # one slot freed, the other two still count
    assert limiter.acquire() == 100


def test_time_scale_shortens_the_window_but_not_the_message():
    clock = FakeClock()
    limiter = RollingWindowLimiter(1, window=300, time_scale=60, clock=clock)

    assert limiter.acquire() is None
    assert limiter.acquire() == 5
    clock.now += 5
    assert limiter.acquire() is None
    assert limiter.message() == "Rate Limit Reached - 1 Requests per rolling 5 minute window"


def test_no_limit_means_unlimited():
    limiter = RollingWindowLimiter(None)

    assert all(limiter.acquire() is None for _ in range(1000))


def test_the_default_is_300_per_five_minutes():
    sandbox = HaloSandbox()

    assert (sandbox.limiter.limit, sandbox.limiter.window) == (300, 300)


def test_the_api_answers_429_with_retry_after_once_the_limit_is_reached():
    clock = FakeClock()
    limiter = RollingWindowLimiter(3, clock=clock)
    client = Client(HaloSandbox(SandboxSettings(), limiter=limiter))
    token = client.post("/auth/token", data=TOKEN_FORM).json["access_token"]
    headers = {"Authorization": f"Bearer {token}"}

    assert [client.get("/api/Status", headers=headers).status_code for _ in range(3)] == [200, 200, 429]
    refused = client.post("/auth/token", data=TOKEN_FORM)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "300"
    assert refused.json == "Rate Limit Reached - 3 Requests per rolling 5 minute window"
    clock.now += 300
    assert client.get("/api/Status", headers=headers).status_code == 200
