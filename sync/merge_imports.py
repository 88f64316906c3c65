"""Importing a record the target holds and the portfolio does not: a business application, a
deployment profile under the application chosen as its parent, an IT service, or an infrastructure item
linked to the deployments chosen. Values come through the platform's reverse mapping (as a "take" does)
and the catalog's validation; nothing is saved here."""

import uuid
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from catalog.models import BusinessApplication, DeploymentProfile, InfrastructureItem, ITService
from integrations.base.platform import platform_of
from sync.models import PullChange, RecordKind
from sync.subscribe import FIELDS, source_of

IMPORTED_PREFIX = "IMP"


def valid_ids(values: list[str]) -> list[str]:
    out = []
    for value in values:
        try:
            out.append(str(uuid.UUID(str(value))))
        except ValueError:
            raise ValueError(f"“{value}” is not a record id.") from None
    return out


def build_import(connection: Any, change: PullChange, parents: list[str]) -> tuple[models.Model, list[str]]:
    """The new portfolio record (unsaved) and its parents' ids; ValueError with the reason when the
    chosen parents or the values do not fit."""
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
        for name in FIELDS:
            value = change.values.get(name, "")
            setattr(
                record,
                name,
                (date.fromisoformat(value) if value else None) if name == "service_end_date" else value,
            )
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
    if isinstance(record, BusinessApplication) and not record.app_id:
        record.app_id = free_app_id(namespace)
    return checked(record), parents


def free_app_id(namespace: Any) -> str:
    taken = set(BusinessApplication.objects.filter(namespace=namespace).values_list("app_id", flat=True))
    number = len(taken) + 1
    while f"{IMPORTED_PREFIX}-{number:04d}" in taken:
        number += 1
    return f"{IMPORTED_PREFIX}-{number:04d}"


def checked(record: models.Model) -> models.Model:
    try:
        record.full_clean()
    except ValidationError as exc:
        reasons = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        raise ValueError(f"not valid in the portfolio: {reasons}") from None
    return record
