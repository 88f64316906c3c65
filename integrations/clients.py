"""From a Connection row to its platform's client (the only place that reads decrypted credentials)."""

from typing import Any

from integrations.base.platform import Audit, platform_of
from integrations.models import Connection


def client_for(connection: Connection, audit: Audit | None = None) -> Any:
    try:
        platform = platform_of(connection)
    except LookupError:
        raise ValueError(f"No client for {connection.get_platform_display()} connections yet.") from None
    return platform.client(connection, audit=audit)
