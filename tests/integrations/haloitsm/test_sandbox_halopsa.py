"""The public `halopsa` client (PyPI HaloPSA, `from HaloPSA.Halo import Halo`), unpatched. It
hard-codes `https://<tenant>.halo<psa|itsm>.com`, so the sandbox is served under that name over TLS
through a local CONNECT proxy (see hosted_halo.py); the client sees only HTTPS_PROXY and
REQUESTS_CA_BUNDLE. halopsa has no delete (its `delete()` methods are empty), so deleting is covered by
the haloitsm-python tests."""

import pytest
from HaloPSA.Halo import Halo

from integrations.haloitsm.sandbox.app import DEMO_APPLICATION

from .hosted_halo import hosted

HOST = "demo.haloitsm.com"


@pytest.fixture
def proxy(halo_sandbox, tmp_path, monkeypatch):
    with hosted(halo_sandbox, HOST, tmp_path) as (proxy_url, ca, server):
        for name in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTPS_PROXY", proxy_url)
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca))
        yield server


@pytest.fixture
def halo(proxy) -> Halo:
    return Halo("demo", DEMO_APPLICATION.client_id, DEMO_APPLICATION.client_secret, tenant_type="itsm")


def test_token_and_search_with_paging(halo, proxy):
    page = halo.Assets.search(pageinate=True, page_size=4, page_no=3)
    servers = halo.Assets.search(assettype_id=1)

    assert page["record_count"] == 9
    assert [a["inventory_number"] for a in page["assets"]] == ["SW-0003"]
    assert len(servers["assets"]) == 6
    assert set(proxy.targets) == {f"{HOST}:443"}


def test_get(halo):
    asset = halo.Assets.get(id=1)

    assert asset["key_field"] == "srv-db-01"


def test_create_and_update_post_arrays(halo, halo_sandbox):
    created = halo.Assets.update(client_id=1, site_id=1, assettype_id=2, inventory_number="WS-0099")
    updated = halo.Assets.update(id=created["id"], key_field="ws-99")

    assert created["inventory_number"] == "WS-0099"
    assert updated["key_field"] == "ws-99"
    assert halo_sandbox.store.get("asset", created["id"])["key_field"] == "ws-99"


def test_tickets_with_actions(halo):
    ticket = halo.Tickets.update(summary="Backup failed", details="Job 42", client_id=1, site_id=1)
    halo.Actions.update(ticket_id=ticket["id"], outcome="Note", note="Re-ran the job")

    actions = halo.Actions.search(ticket_id=ticket["id"])

    assert actions["record_count"] == 1
    assert actions["actions"][0]["note"] == "Re-ran the job"


def test_a_bad_secret_is_reported_as_halo_reports_it(proxy):
    with pytest.raises(ValueError, match="The specified client credentials are invalid"):
        Halo("demo", DEMO_APPLICATION.client_id, "wrong", tenant_type="itsm")
