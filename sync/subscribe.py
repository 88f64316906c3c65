"""Subscribe: pull a connection's discovered assets through the platform contract and prepare a diff
against the namespace's infrastructure items (new, changed field by field, gone, unchanged). A pull
writes only its diff; the portfolio changes when an admin applies it (`sync.subscribe_apply`).

Identity: the source (platform label and connection name) with the asset's id in it, else the serial
number, else the name. Deployments are suggested from the links the target holds to records the
portfolio published (through the sync map), or for a new item by an application's name in its name; the
admin confirms them."""

import logging
from collections.abc import Iterable
from datetime import date, timedelta

import django_rq
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from redis.exceptions import RedisError

from catalog.choices import Environment, InfrastructureType
from catalog.models import DESCRIPTION_FIELDS, BusinessApplication, DeploymentProfile, InfrastructureItem
from integrations.base.errors import TargetError
from integrations.base.platform import Discovered, platform_of
from integrations.models import Connection, Schedule, SyncDirection
from sync.models import ChangeKind, Pull, PullChange, PullStatus, RecordKind, SubscribeState, SyncMapEntry

log = logging.getLogger("sync.subscribe")
QUEUE = "publish"
FIELDS = DESCRIPTION_FIELDS
SUBSCRIBING = (SyncDirection.SUBSCRIBE, SyncDirection.BOTH)
MAX_NAME_SUGGESTIONS = 3
FULL_PULL_EVERY = timedelta(days=7)  # the daily pull of a record-pulling target reads everything this often


class SubscribeRefused(Exception):
    """A pull or apply that cannot happen now; the message says why."""


def source_of(connection: Connection) -> str:
    """What an item pulled through this connection records as its source."""
    return f"{platform_of(connection).label}: {connection.name}"[:200]


def field_labels() -> dict[str, str]:
    meta = InfrastructureItem._meta
    labels = {name: str(meta.get_field(name).verbose_name) for name in FIELDS}
    return {name: label[:1].upper() + label[1:] for name, label in labels.items()}


# Starting -------------------------------------------------------------------------------------------


def start_pull(
    connection: Connection,
    user=None,
    trigger: str = "manual",
    scope: Iterable[str] = (),
    queue: bool = True,
    full: bool = False,
) -> Pull:
    """Queue a pull (after commit; `queue` False: the caller executes it); raises SubscribeRefused when
    the connection cannot subscribe."""
    refusal = pull_blocker(connection)
    if refusal:
        raise SubscribeRefused(refusal)
    if connection.pulls.filter(status__in=(PullStatus.QUEUED, PullStatus.RUNNING)).exists():
        raise SubscribeRefused(
            f"A pull of {connection.name} is already queued or running: wait for it to finish."
        )
    with transaction.atomic():
        pull = Pull.objects.create(
            connection=connection, trigger=trigger, scope=list(scope), started_by=user, full=full
        )
        if queue:
            transaction.on_commit(lambda: enqueue(pull))
    return pull


def pull_blocker(connection: Connection) -> str:
    platform = platform_of(connection)
    if not (platform.discovers or platform.pulls_records):
        return f"{platform.label} offers no discovered assets to subscribe to."
    if not connection.is_active:
        return f"The connection {connection.name} is inactive."
    return ""


def enqueue(pull: Pull) -> None:
    try:
        django_rq.get_queue(QUEUE, commit_mode="auto").enqueue("sync.jobs.execute_pull", str(pull.pk))
    except RedisError as exc:
        Pull.objects.filter(pk=pull.pk, status=PullStatus.QUEUED).update(
            status=PullStatus.FAILED,
            finished_at=timezone.now(),
            message=f"The job queue (Redis) did not answer ({exc}): start Redis and pull again.",
        )
        raise SubscribeRefused("The job queue (Redis) did not answer: the pull was not queued.") from exc


def pulls_due(now=None) -> list[Pull]:
    """The daily pulls of subscribing connections whose last full pull is a day old (they only prepare a
    diff: nothing reaches the portfolio before an admin applies it)."""
    now = now or timezone.now()
    started = []
    connections = Connection.objects.filter(
        schedule=Schedule.DAILY, is_active=True, sync_direction__in=SUBSCRIBING
    )
    for connection in connections:
        platform = platform_of(connection)
        if not (platform.discovers or platform.pulls_records):
            continue
        full = Pull.objects.filter(connection=connection, scope=[])
        if full.filter(status__in=(PullStatus.QUEUED, PullStatus.RUNNING)).exists():
            continue
        if full.exclude(status=PullStatus.FAILED).filter(created_at__gt=now - timedelta(days=1)).exists():
            continue
        state = SubscribeState.objects.filter(connection=connection).first()
        stale = state is None or not state.full_pulled_at or state.full_pulled_at < now - FULL_PULL_EVERY
        try:  # a full pull now and then: what no incremental read can tell (e.g. a missed deletion)
            started.append(
                start_pull(connection, trigger="daily", full=bool(platform.pulls_records and stale))
            )
        except SubscribeRefused as exc:
            log.warning("Daily pull of %s not started: %s", connection.name, exc)
    return started


# Executing ------------------------------------------------------------------------------------------


def execute_pull(pull: Pull) -> Pull:
    """Read the discovered assets and store the diff; a target error fails the pull with its reason."""
    claimed = Pull.objects.filter(pk=pull.pk, status=PullStatus.QUEUED).update(status=PullStatus.RUNNING)
    if not claimed:
        return pull
    connection = pull.connection
    platform = platform_of(connection)
    if platform.pulls_records:
        from sync.subscribe_records import execute_record_pull  # it builds on this module

        return execute_record_pull(pull)
    try:
        with platform.client(connection) as client:
            try:
                found = list(
                    platform.discovered(client, platform.options(connection.options), pull.scope or None)
                )
            finally:
                calls = client.stats.calls
    except (TargetError, ValueError) as exc:
        fail(pull, str(exc))
        pull.refresh_from_db()
        return pull
    changes = build_diff(connection, found, pull.scope)
    with transaction.atomic():
        for change in changes:
            change.pull = pull
        PullChange.objects.bulk_create(changes)
        counts: dict[str, int] = {}
        for change in changes:
            counts[change.kind] = counts.get(change.kind, 0) + 1
        Pull.objects.filter(pk=pull.pk).update(
            status=PullStatus.READY, finished_at=timezone.now(), counts=counts, calls=calls
        )
        supersede(pull)
    pull.refresh_from_db()
    return pull


def fail(pull: Pull, message: str) -> None:
    Pull.objects.filter(pk=pull.pk, status__in=(PullStatus.QUEUED, PullStatus.RUNNING)).update(
        status=PullStatus.FAILED, finished_at=timezone.now(), message=message[:2000]
    )


def supersede(pull: Pull) -> None:
    """Older diffs this pull covers (a full pull covers all) are not to be applied any more."""
    older = Pull.objects.filter(
        connection=pull.connection, status=PullStatus.READY, created_at__lt=pull.created_at
    )
    for other in older:
        if not pull.scope or (other.scope and set(other.scope) <= set(pull.scope)):
            Pull.objects.filter(pk=other.pk).update(status=PullStatus.SUPERSEDED)


# The diff -------------------------------------------------------------------------------------------


def clean(value: str, field: str) -> str:
    """The source's value as the portfolio can hold it: one line, within the field's length, a valid
    type and date."""
    value = " ".join(str(value or "").split())
    if field == "item_type":
        return value if value in InfrastructureType.values else InfrastructureType.OTHER
    if field == "service_end_date":
        try:
            return date.fromisoformat(value[:10]).isoformat() if value else ""
        except ValueError:
            return ""
    return value[: InfrastructureItem._meta.get_field(field).max_length]


def set_values(item: InfrastructureItem, values: dict[str, str], names=FIELDS) -> None:
    """Put the source's values (as compared: text, dates ISO) into an item's fields."""
    for name in names:
        value = values.get(name, "")
        if name == "service_end_date":
            value = date.fromisoformat(value) if value else None
        setattr(item, name, value)


def reasons(exc: ValidationError) -> str:
    """A validation error as one line: every field and its messages."""
    return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())


def newest_pull(connection: Connection) -> Pull | None:
    """The connection's newest pull ready for decisions."""
    return connection.pulls.filter(status=PullStatus.READY).order_by("-created_at").first()


def discovered_values(asset: Discovered) -> dict[str, str]:
    """An asset's fields as an infrastructure item holds them (so they compare as they are)."""
    values = {name: clean(getattr(asset, name), name) for name in FIELDS}
    values["name"] = values["name"] or f"{asset.target_type or 'Asset'} {asset.target_id}"[:200]
    return values


def values_of(item: InfrastructureItem) -> dict[str, str]:
    values = {name: str(getattr(item, name) or "") for name in FIELDS}
    values["service_end_date"] = item.service_end_date.isoformat() if item.service_end_date else ""
    return values


class Index:
    """The namespace's items by source id, serial number and name; each matched at most once."""

    def __init__(self, connection: Connection) -> None:
        self.source = source_of(connection)
        self.items = list(
            InfrastructureItem.objects.filter(namespace=connection.namespace).prefetch_related("deployments")
        )
        self.by_source = {i.source_id: i for i in self.items if i.source == self.source and i.source_id}
        self.by_serial: dict[str, InfrastructureItem] = {}
        self.by_name: dict[str, InfrastructureItem] = {}
        for item in self.items:
            if item.serial_number:
                self.by_serial.setdefault(item.serial_number.lower(), item)
            self.by_name.setdefault(item.name.lower(), item)
        self.used: set[int] = set()

    def match(self, found: Discovered) -> tuple[InfrastructureItem | None, str]:
        candidates = (
            (self.by_source.get(found.target_id), "source id"),
            (
                self.by_serial.get(found.serial_number.lower()) if found.serial_number else None,
                "serial number",
            ),
            (self.by_name.get(clean(found.name, "name").lower()), "name"),
        )
        for item, how in candidates:
            if item is None or item.pk in self.used:
                continue
            if how != "source id" and item.source == self.source and item.source_id:
                continue  # already another asset of this source
            self.used.add(item.pk)
            return item, how
        return None, ""


class Suggester:
    """Deployments an asset runs, as far as the target or the names tell."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.namespace = connection.namespace
        self.applications = [
            (a.name.lower(), a.pk)
            for a in BusinessApplication.objects.filter(namespace=self.namespace).only("name")
            if len(a.name) >= 4
        ]

    def linked(self, targets: set[str]) -> dict[str, str]:
        if not targets:
            return {}
        record_ids = SyncMapEntry.objects.filter(
            connection=self.connection, kind=RecordKind.DEPLOYMENT, target_id__in=targets
        ).values_list("record_id", flat=True)
        rows = DeploymentProfile.objects.filter(namespace=self.namespace, pk__in=list(record_ids))
        return {str(d.pk): str(d) for d in rows}

    def by_name(self, name: str) -> dict[str, str]:
        lowered = name.lower()
        apps = [pk for app, pk in self.applications if app in lowered][:MAX_NAME_SUGGESTIONS]
        rows = DeploymentProfile.objects.filter(
            namespace=self.namespace, application_id__in=apps, environment=Environment.PRODUCTION
        )
        return {str(d.pk): str(d) for d in rows[:MAX_NAME_SUGGESTIONS]}


def build_diff(connection: Connection, found: list[Discovered], scope: list[str]) -> list[PullChange]:
    index, suggester = Index(connection), Suggester(connection)
    changes, seen = [], set()
    for asset in found:
        if asset.target_id in seen:
            continue
        seen.add(asset.target_id)
        values = discovered_values(asset)
        item, how = index.match(asset)
        linked = suggester.linked(set(asset.links))
        suggested = [[pk, name, "linked in the source"] for pk, name in linked.items()]
        if item is None:
            if not linked:
                suggested = [[pk, name, "by name"] for pk, name in suggester.by_name(values["name"]).items()]
            changes.append(
                PullChange(
                    kind=ChangeKind.NEW,
                    target_id=asset.target_id,
                    name=values["name"],
                    values=values,
                    fields=[f for f in FIELDS if values[f]] + (["deployments"] if linked else []),
                    suggested=suggested,
                )
            )
            continue
        current = values_of(item)
        current_deployments = {str(d.pk) for d in item.deployments.all()}
        current["deployments"] = sorted(current_deployments)
        differing = [f for f in FIELDS if values[f] != current[f]]
        if set(linked) - current_deployments:
            differing.append("deployments")
        if item.source != index.source or item.source_id != asset.target_id:
            differing.append("source")
        changes.append(
            PullChange(
                kind=ChangeKind.CHANGED if differing else ChangeKind.UNCHANGED,
                target_id=asset.target_id,
                name=values["name"],
                item=item,
                matched_by=how,
                values=values,
                current=current,
                fields=differing,
                suggested=suggested,
            )
        )
    for target_id, item in index.by_source.items():
        if target_id in seen or (scope and target_id not in scope):
            continue
        current = values_of(item) | {"deployments": sorted(str(d.pk) for d in item.deployments.all())}
        changes.append(
            PullChange(kind=ChangeKind.GONE, target_id=target_id, name=item.name, item=item, current=current)
        )
    return changes
