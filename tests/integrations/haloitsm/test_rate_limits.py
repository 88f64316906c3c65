"""Halo's rate limit (§8): the client governs itself by Halo's own rule (300 calls in any rolling five
minutes by default), and a 429 with Retry-After is waited out and repeated, a save (POST) too, since
Halo refuses before it acts."""

import time

import pytest

from integrations.base.governor import RollingWindow
from integrations.haloitsm.platform import HaloPlatform

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


def test_the_governor_defaults_to_300_calls_in_a_rolling_five_minutes(halo_server, namespace):
    client = HaloPlatform().client(halo_server.connection(namespace))
    governor = client.transport.governor
    assert isinstance(governor, RollingWindow)
    assert (governor.limit, governor.seconds) == (300, 300.0)


def test_a_rolling_window_lets_a_burst_through_and_holds_the_call_beyond_it():
    now = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    window = RollingWindow(3, 10.0, clock=lambda: now[0], sleep=sleep)
    assert [window.acquire() for _ in range(3)] == [0.0, 0.0, 0.0]
    now[0] = 4.0
    assert window.acquire() == pytest.approx(6.0)  # until the first call is ten seconds old
    assert slept == [pytest.approx(6.0)]


def fill(server) -> None:
    """Use up the sandbox's window, as other callers of the same instance would."""
    while server.halo.limiter.acquire() is None:
        pass


def unlimited(client) -> None:
    """Switch the client's own governor off, so the calls meet Halo's 429."""
    client.transport.governor = type("Unlimited", (), {"acquire": lambda self: 0.0})()


@pytest.fixture
def limited(make_halo_server, namespace):
    # two calls per rolling five minutes, five minutes lasting two seconds
    server = make_halo_server(rate_limit=2, time_scale=150)
    connection = server.connection(namespace, options={"tenant": "demo", "auth_url": server.url + "/auth"})
    client = HaloPlatform().client(connection)
    unlimited(client)
    return server, client


@pytest.mark.parametrize("call", ["token", "read", "save"])
def test_a_429_is_waited_out_and_repeated_whatever_the_method(limited, call):
    server, client = limited
    if call != "token":
        client.authenticate()
    fill(server)
    started = time.monotonic()

    if call == "token":
        client.authenticate()
    elif call == "read":
        assert list(client.records("AssetType"))
    else:
        assert client.save("Supplier", [{"name": "Rate Limited Ltd"}])[0]["id"]

    assert client.stats.rate_limit_waits >= 1
    assert time.monotonic() - started >= 1  # Retry-After was honoured
    if call == "save":
        assert [s["name"] for s in server.rows("Supplier")].count("Rate Limited Ltd") == 1
