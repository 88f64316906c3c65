import pytest

from tests.sync.subscribe_records_helpers import published_connection


@pytest.fixture
def published_snow(namespace, sandbox):
    """A ServiceNow sandbox connection (publish and subscribe) with a small demo portfolio published."""
    return published_connection(namespace, sandbox)


@pytest.fixture
def pulling_snow(published_snow, monkeypatch):
    """`published_snow` where ServiceNow says it pulls records back. The ServiceNow side of issue 18
    sets these two flags itself; until it is merged the tests set them, and they change nothing else
    (no pull is executed through them: the mirror is filled from `platform.read`)."""
    from integrations.servicenow.platform import ServiceNowPlatform

    monkeypatch.setattr(ServiceNowPlatform, "pulls_records", True)
    monkeypatch.setattr(ServiceNowPlatform, "discovers", True)
    return published_snow
