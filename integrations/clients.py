"""From a Connection row to a platform client (the only place that reads decrypted credentials)."""

from collections.abc import Callable

from integrations.models import Connection, Platform
from integrations.servicenow.client import CallRecord, ClientSettings, ServiceNowClient
from integrations.servicenow.options import ServiceNowOptions


def servicenow_settings(connection: Connection) -> ClientSettings:
    options = ServiceNowOptions.from_dict(connection.options)
    return ClientSettings(
        base_url=connection.base_url,
        auth_method=connection.auth_method,
        client_id=connection.client_id,
        client_secret=connection.client_secret,
        username=connection.username,
        password=connection.password,
        refresh_token=connection.refresh_token,
        verify=connection.ca_bundle or True,
        page_size=options.page_size,
        calls_per_minute=options.max_calls_per_minute,
        governor_key=str(connection.pk),
    )


def client_for(connection: Connection, audit: Callable[[CallRecord], None] | None = None) -> ServiceNowClient:
    if connection.platform != Platform.SERVICENOW:
        raise ValueError(f"No client for {connection.get_platform_display()} connections yet.")
    return ServiceNowClient(servicenow_settings(connection), audit=audit)
