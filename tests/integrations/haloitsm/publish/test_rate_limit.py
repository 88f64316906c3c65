"""Halo's rate limit during a publish: a 429 is waited out as its Retry-After says, for reads (the
transport's retries) and for writes (the client's own, as only a 429 says Halo did not act), and the
run completes with each record once."""

from collections import Counter

import pytest

from sync.models import Outcome
from tests.runs import previewed, publish

from .publishing import Checked, add_asset_types, halo_connection, import_portfolio

pytestmark = pytest.mark.django_db


def test_a_publish_waits_out_429s_and_completes(namespace, make_halo_server):
    # twelve requests per five minutes, five minutes lasting five seconds; the product's governor is
    # left wide open so that the sandbox's limit is what it meets
    halo = make_halo_server(rate_limit=12, time_scale=60)
    gateway = halo.server.app
    gateway.sandbox = checked = Checked(gateway.sandbox)
    types = add_asset_types(halo)
    import_portfolio(namespace, apps=3, services=2)
    connection = halo_connection(halo, namespace, types)
    preview = previewed(connection)
    run = publish(connection)
    assert not run.items.filter(outcome=Outcome.ERROR).exists()
    waits = preview.stats.get("rate_limit_waits", 0) + run.stats.get("rate_limit_waits", 0)
    assert waits > 0
    assert halo.halo.limiter is not None
    tags = Counter(a["inventory_number"] for a in halo.rows("Asset"))
    assert max(tags.values()) == 1
    refused = Counter((m, s) for m, p, s in checked.statuses if p.startswith("/api/"))
    assert refused[("GET", 429)] > 0 and refused[("POST", 429)] > 0


def test_a_write_refused_with_429_is_sent_again_after_retry_after(namespace, make_halo_server):
    from integrations.base.platform import platform_of

    halo = make_halo_server(rate_limit=3, time_scale=300)  # three requests a second
    gateway = halo.server.app
    gateway.sandbox = checked = Checked(gateway.sandbox)
    connection = halo_connection(halo, namespace)
    client = platform_of(connection).client(connection)
    list(client.records("Supplier"))  # token and a list: the window is almost used up
    list(client.records("Client"))
    (saved,) = client.save("Supplier", [{"name": "Acme Widgets"}])
    assert [s for s in halo.rows("Supplier") if s["name"] == "Acme Widgets"] == [saved]
    posts = [s for m, p, s in checked.statuses if m == "POST" and p == "/api/Supplier"]
    assert posts[0] == 429 and posts[-1] in (200, 201)
    assert client.stats.rate_limit_waits >= 1
