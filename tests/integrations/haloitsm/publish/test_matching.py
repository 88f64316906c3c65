"""What the matching wizard can pair with in Halo: services, and assets of the software type once that
type is mapped."""

import pytest

from integrations.base.platform import platform_of

from .publishing import SOFTWARE_TYPE, halo_connection

pytestmark = pytest.mark.django_db


def sources(connection):
    platform = platform_of(connection)
    return platform, {s.kind: s for s in platform.match_sources()}


def test_services_are_offered_for_it_services(namespace, halo_server):
    connection = halo_connection(halo_server, namespace)
    platform, found = sources(connection)
    offered = list(platform.candidates(platform.client(connection), found["it_service"]))
    assert {c.name for c in offered} == {s["name"] for s in halo_server.rows("Service")}
    assert all(c.target_id.isdigit() for c in offered)


def test_software_assets_are_offered_only_once_their_type_is_mapped(namespace, halo_server):
    unmapped = halo_connection(halo_server, namespace)
    platform, found = sources(unmapped)
    assert not list(platform.candidates(platform.client(unmapped), found["software_product"]))
    mapped = halo_connection(halo_server, namespace, {"software": SOFTWARE_TYPE}, name="mapped")
    offered = list(platform.candidates(platform.client(mapped), found["software_product"]))
    software = [a for a in halo_server.rows("Asset") if a["assettype_id"] == SOFTWARE_TYPE]
    assert {(c.name, c.version) for c in offered} == {(a["key_field"], a["key_field2"]) for a in software}
    assert all(dict(c.details)["Inventory number"].startswith("SW-") for c in offered)


def test_an_inactive_software_asset_is_offered_as_retired(namespace, halo_server):
    software = [a for a in halo_server.rows("Asset") if a["assettype_id"] == SOFTWARE_TYPE]
    halo_server.post("/api/Asset", json=[{"id": software[0]["id"], "inactive": True}]).raise_for_status()
    mapped = halo_connection(halo_server, namespace, {"software": SOFTWARE_TYPE}, name="mapped")
    platform, found = sources(mapped)
    offered = {
        c.target_id: c for c in platform.candidates(platform.client(mapped), found["software_product"])
    }
    assert offered[str(software[0]["id"])].retired
    assert not any(c.retired for key, c in offered.items() if key != str(software[0]["id"]))
