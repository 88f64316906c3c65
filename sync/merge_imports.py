"""Importing a record the target holds and the portfolio does not: a business application, a
deployment profile under the application chosen as its parent, an IT service, or an infrastructure item
linked to the deployments chosen. Values come through the platform's reverse mapping (as a "take" does)
and the catalog's validation; nothing is saved here."""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from catalog.models import BusinessApplication, DeploymentProfile, InfrastructureItem, ITService
from catalog.models.portfolio import app_id_validator
from integrations.base.platform import platform_of
from sync.models import PullChange, RecordKind
from sync.subscribe import reasons, set_values, source_of

IMPORTED_PREFIX = "IMP"


def valid_ids(values: list[str]) -> list[str]:
    out = []
    for value in values:
        try:
            out.append(str(uuid.UUID(str(value))))
        except ValueError:
            raise ValueError(f"“{value}” is not a record id.") from None
    return out


def build_import(
    connection: Any, change: PullChange, parents: list[str], reserved: set[str] | None = None
) -> tuple[models.Model, list[str]]:
    """The new portfolio record (unsaved) and its parents' ids; ValueError with the reason when the
    chosen parents or the values do not fit. `reserved`: the application ids given to the other imports
    of the same submission (added to here)."""
    namespace = connection.namespace
    parents = valid_ids([p for p in parents if p])
    kind = change.record_kind
    if kind == RecordKind.INFRASTRUCTURE_ITEM:
        found = set(
            map(
                str,
                DeploymentProfile.objects.filter(namespace=namespace, pk__in=parents).values_list(
                    "pk", flat=True
                ),
            )
        )
        if set(parents) - found:
            raise ValueError("some chosen deployments are not in this namespace.")
        record = InfrastructureItem(
            namespace=namespace, source=source_of(connection), source_id=change.target_id
        )
        set_values(record, change.values)
        return checked(record), parents
    if kind == RecordKind.DEPLOYMENT:
        if len(parents) != 1:
            raise ValueError("choose the one application this deployment runs under.")
        application = BusinessApplication.objects.filter(namespace=namespace, pk=parents[0]).first()
        if application is None:
            raise ValueError("the chosen application is not in this namespace.")
        record = DeploymentProfile(namespace=namespace, application=application)
    elif kind == RecordKind.APPLICATION:
        if parents:
            raise ValueError("a business application has no parent to choose.")
        record = BusinessApplication(namespace=namespace)
    elif kind == RecordKind.IT_SERVICE:
        if parents:
            raise ValueError("an IT service has no parent to choose.")
        record = ITService(namespace=namespace)
    else:
        raise ValueError(f"a {kind} cannot be imported.")
    platform = platform_of(connection)
    record.name = change.name
    for field_name, value in change.values.items():
        found = platform.portfolio_value(kind, field_name, value)
        if found is not None and value:
            setattr(record, found[0], found[1])
    if isinstance(record, BusinessApplication):
        reserved = set() if reserved is None else reserved
        record.app_id = usable_app_id(namespace, record.app_id, reserved)
        reserved.add(record.app_id)
    return checked(record), parents


def usable_app_id(namespace: Any, wanted: str, reserved: set[str]) -> str:
    """The target's identifier when it is a valid application id nobody holds (the target's own numbers,
    e.g. APM0001234, are not); otherwise a free imported one."""
    try:
        app_id_validator(wanted)
    except ValidationError:
        return free_app_id(namespace, reserved)
    taken = (
        wanted in reserved or BusinessApplication.objects.filter(namespace=namespace, app_id=wanted).exists()
    )
    return free_app_id(namespace, reserved) if taken else wanted


def free_app_id(namespace: Any, reserved: set[str] = frozenset()) -> str:
    taken = {
        *BusinessApplication.objects.filter(namespace=namespace).values_list("app_id", flat=True),
        *reserved,
    }
    number = len(taken) + 1
    while f"{IMPORTED_PREFIX}-{number:04d}" in taken:
        number += 1
    return f"{IMPORTED_PREFIX}-{number:04d}"


def checked(record: models.Model) -> models.Model:
    try:
        record.full_clean()
    except ValidationError as exc:
        raise ValueError(f"not valid in the portfolio: {reasons(exc)}") from None
    return record
