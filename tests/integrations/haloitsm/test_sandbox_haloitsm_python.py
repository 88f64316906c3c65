"""The public `haloitsm-python` client (PyPI haloitsm-python, import `halo`), unpatched, against the
sandbox served over plain http: token, list with paging, get, create, update, delete, tickets with
actions. Its requests differ from the spec in one documented way: it posts a bare object (also to
`/Asset/{id}`), which the sandbox accepts as halo_glpi.md §2.5 says clients need."""

import pytest
from halo import HaloClient
from halo.exceptions import HaloAuthenticationError, HaloResourceNotFound

from integrations.haloitsm.sandbox.app import DEMO_APPLICATION


@pytest.fixture
def halo(halo_url) -> HaloClient:
    return HaloClient(
        base_url=f"{halo_url}/api",
        client_id=DEMO_APPLICATION.client_id,
        client_secret=DEMO_APPLICATION.client_secret,
        timeout=10,
        max_retries=0,
    )


def test_token_and_list_with_paging(halo):
    first = halo.assets.list(page_size=4, page_no=1)
    third = halo.assets.list(page_size=4, page_no=3)
    servers = halo.assets.list(asset_type_id=1, page_size=50)

    assert [a.inventory_number for a in first] == ["SRV-0001", "SRV-0002", "SRV-0003", "SRV-0004"]
    assert [a.inventory_number for a in third] == ["SW-0003"]
    assert len(servers) == 6 and {a.assettype_name for a in servers} == {"Server"}
    assert halo.auth.get_token()


def test_search_and_get(halo):
    (found,) = halo.assets.search("srv-web")
    asset = halo.asset(found.id)

    assert asset.key_field == "srv-web-01"
    assert asset.site_name == "Head Office"


def test_create_update_delete(halo):
    created = halo.assets.create({"assettype_id": 2, "inventory_number": "WS-0042", "key_field": "ws-42"})
    updated = created.update({"key_field2": "Latitude 7450"})
    assert halo.asset(created.id).key_field2 == "Latitude 7450"
    assert updated.key_field == "ws-42"

    created.delete()

    with pytest.raises(HaloResourceNotFound):
        halo.asset(created.id)


def test_tickets_with_actions(halo):
    ticket = halo.tickets.create(
        {"summary": "Server srv-db-01 is down", "details": "No ping", "assets": [{"id": 1}]}
    )
    ticket.add_action({"outcome": "Note", "note": "Rebooted"})
    halo.actions.create({"ticket_id": ticket.id, "outcome": "Note", "note": "Back up"})

    actions = halo.actions.list(ticket_id=ticket.id)
    tickets = halo.tickets.list(search="srv-db-01")

    assert [a.note for a in actions] == ["Rebooted", "Back up"]
    assert [t.id for t in tickets] == [ticket.id]
    assert halo.ticket(ticket.id).assets == [{"id": 1}]


def test_bad_credentials_are_an_authentication_error(halo_url):
    client = HaloClient(base_url=f"{halo_url}/api", client_id="portfolio-bridge", client_secret="wrong")

    with pytest.raises(HaloAuthenticationError, match="The specified client credentials are invalid."):
        client.assets.list()
