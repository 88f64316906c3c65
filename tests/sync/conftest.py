import pytest

from tests.sync.subscribe_records_helpers import published_connection


@pytest.fixture
def published_snow(namespace, sandbox):
    """A ServiceNow sandbox connection (publish and subscribe) with a small demo portfolio published."""
    return published_connection(namespace, sandbox)
