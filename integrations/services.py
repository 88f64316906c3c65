"""What the connection pages and commands do, in one place."""

from contextlib import closing

from django.db import transaction
from django.utils import timezone

from integrations.base.errors import TargetError
from integrations.base.platform import Check, platform_of
from integrations.clients import client_for
from integrations.models import Connection
from integrations.servicenow.fields import FieldInfo, discover_fields
from integrations.servicenow.options import ServiceNowOptions
from integrations.servicenow.update_set import PackageSettings, build_update_set

SECRET_FIELDS = ("client_id", "client_secret", "username", "password", "refresh_token")


def connection_test(connection: Connection) -> list[Check]:
    """The platform's checks; a connection that cannot even be tried (unknown platform, invalid options)
    is one failed check saying why, not an error page. A test that passes them all is recorded (the
    dashboard's checklist)."""
    try:
        platform = platform_of(connection)
        options = platform.options(connection.options)
        with closing(platform.client(connection)) as client:
            checks = platform.checks(client, options)
    except (LookupError, ValueError, TargetError) as exc:
        return [Check("Prepare the test", False, str(exc))]
    if checks and all(check.ok for check in checks):
        connection.last_tested_at = timezone.now()
        Connection.objects.filter(pk=connection.pk).update(last_tested_at=connection.last_tested_at)
    return checks


def connection_fields(connection: Connection, table: str) -> list[FieldInfo]:
    with closing(client_for(connection)) as client:
        return discover_fields(client, table)


def package_settings(connection: Connection) -> PackageSettings:
    options = ServiceNowOptions.from_dict(connection.options)
    return PackageSettings(
        connection_id=str(connection.pk),
        connection_name=connection.name,
        data_source=options.data_source,
        priority=options.reconciliation_priority,
        refresh_days=options.data_refresh_days,
    )


def configuration_package(connection: Connection) -> tuple[str, bytes]:
    """The ServiceNow configuration package (Update Set XML) for the connection, and its file name."""
    return f"portfolio-bridge-{connection.name}-update-set.xml", build_update_set(
        package_settings(connection)
    )


def rotate_encryption_keys() -> int:
    """Re-encrypt every stored secret with the newest key; returns the number of rows rewritten."""
    count = 0
    with transaction.atomic():
        rows = Connection.objects.select_for_update().values_list("pk", *SECRET_FIELDS)
        # values_list decrypts; re-encrypting on save uses the newest key
        for pk, *secrets in rows:
            Connection.objects.filter(pk=pk).update(**dict(zip(SECRET_FIELDS, secrets, strict=True)))
            count += 1
    return count
