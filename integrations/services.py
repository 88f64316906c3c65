"""What the connection pages and commands do, in one place."""

from contextlib import closing

from django.db import transaction
from django.utils import timezone

from integrations.base.errors import TargetError
from integrations.base.platform import Check, platform_of
from integrations.clients import client_for
from integrations.glpi.checks import visible_entities
from integrations.models import Connection
from integrations.servicenow.fields import FieldInfo, discover_fields
from integrations.servicenow.options import ServiceNowOptions
from integrations.servicenow.update_set import PackageSettings, build_update_set
from integrations.servicenow.update_set_hooks import TicketHook

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


def glpi_entities(connection: Connection) -> list[tuple[int, str]]:
    """(id, name) of the GLPI entities the connection's account can see, read now (a session of its own,
    without activating the stored entity, which may be the wrong one)."""
    platform = platform_of(connection)
    with closing(platform.client(connection)) as client:
        client.init_session()
        return visible_entities(client)


def choose_glpi_entity(connection: Connection, entity_id: int) -> str:
    """Publish into this entity from now on; ValueError when the account cannot see it. Returns its name."""
    names = dict(glpi_entities(connection))
    if entity_id not in names:
        raise ValueError(f"The account sees no GLPI entity {entity_id}.")
    options = platform_of(connection).options({**connection.options, "entity_id": entity_id})
    connection.options = {**connection.options, **options.as_dict()}
    connection.save(update_fields=["options", "updated_at"])
    return names[entity_id]


def connection_fields(connection: Connection, table: str) -> list[FieldInfo]:
    with closing(client_for(connection)) as client:
        return discover_fields(client, table)


def package_settings(connection: Connection, ticket_hooks: tuple[TicketHook, ...] = ()) -> PackageSettings:
    options = ServiceNowOptions.from_dict(connection.options)
    return PackageSettings(
        connection_id=str(connection.pk),
        connection_name=connection.name,
        data_source=options.data_source,
        priority=options.reconciliation_priority,
        refresh_days=options.data_refresh_days,
        ticket_hooks=ticket_hooks,
    )


def configuration_package(
    connection: Connection, ticket_hooks: tuple[TicketHook, ...] = ()
) -> tuple[str, bytes]:
    """The ServiceNow configuration package (Update Set XML) for the connection, and its file name; with
    `ticket_hooks`, also the business rules that call those ticket pairs' webhooks."""
    suffix = "-with-ticket-webhooks" if ticket_hooks else ""
    return f"portfolio-bridge-{connection.name}{suffix}-update-set.xml", build_update_set(
        package_settings(connection, ticket_hooks)
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
