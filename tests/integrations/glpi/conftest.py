"""Helpers for the GLPI sandbox tests; the served sandbox itself is `glpi_server` in
tests/sandbox_fixtures.py."""

import pytest


@pytest.fixture
def trusting_sandbox_ca(glpi_server, monkeypatch):
    """Third-party clients build their own requests sessions; REQUESTS_CA_BUNDLE (set on this machine)
    would override their `verify`, so point it at the sandbox's CA."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", glpi_server.ca)
    return glpi_server


def add_computers(glpi_server, count: int, prefix: str = "bulk") -> list[int]:
    """`count` computers in the product's entity through one bulk POST; their ids."""
    rows = [
        {"name": f"{prefix}-{i:03d}", "serial": f"SN{prefix}{i:05d}", "entities_id": 1} for i in range(count)
    ]
    response = glpi_server.post("/Computer", json={"input": rows})
    assert response.status_code == 201, response.text
    return [r["id"] for r in response.json()]
