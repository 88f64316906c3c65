"""The local mirror of a target that pulls records back (`Platform.pulls_records`): what it holds of
the kinds the portfolio publishes and of the infrastructure it discovered, kept current by incremental
pulls. A pull asks for what changed since the connection's watermark (`>=`: the same second is read
again, the upsert is idempotent), upserts in chunks so memory stays bounded, and marks deletions. A
full pull (the first one, or when asked) reads everything and marks what it no longer found as gone."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.utils import timezone

from integrations.base.platform import Discovered, Platform, Pulled
from sync.authority import state_of
from sync.models import PulledRecord, RecordKind
from sync.subscribe import discovered_values

CHUNK = 1000
UPDATED = ("name", "kind", "values", "parents", "updated_on", "retired", "deleted", "pulled_at")


@dataclass
class Refreshed:
    full: bool
    since: str
    upserted: int = 0
    deleted: int = 0
    watermark: str = ""
    unlinked: int = 0  # items still in the target that nothing relates to any more


def rows(connection: Any, records: Iterable[Pulled | Discovered], now) -> Iterator[PulledRecord]:
    for found in records:
        if isinstance(found, Pulled):
            yield PulledRecord(
                connection=connection,
                kind=found.kind,
                target_type=found.ref.type,
                target_id=found.ref.id,
                name=found.name[:200],
                values=dict(found.values),
                parents=list(found.parents),
                updated_on=found.updated_on,
                retired=found.retired,
                pulled_at=now,
            )
        else:
            values = discovered_values(found)
            yield PulledRecord(
                connection=connection,
                kind=RecordKind.INFRASTRUCTURE_ITEM,
                target_type=found.target_type,
                target_id=found.target_id,
                name=values["name"],
                values=values,
                parents=list(found.links),
                updated_on=found.updated_on,
                retired=found.retired,
                pulled_at=now,
            )


def store(connection: Any, records: Iterable[Pulled | Discovered], now=None) -> tuple[int, str]:
    """Upsert records into the mirror, CHUNK at a time; returns (how many, the highest `updated_on`)."""
    now = now or timezone.now()
    stream, count, highest = rows(connection, records, now), 0, ""
    while chunk := list(islice(stream, CHUNK)):
        unique = {(r.target_type, r.target_id): r for r in chunk}  # a record on two pages: the later wins
        PulledRecord.objects.bulk_create(
            unique.values(),
            update_conflicts=True,
            unique_fields=["connection", "target_type", "target_id"],
            update_fields=UPDATED,
        )
        count += len(unique)
        highest = max([highest, *(r.updated_on for r in chunk)])
    return count, highest


def still_there(platform: Platform, client: Any, options: Any, connection: Any, started) -> int:
    """The infrastructure a full pull no longer found among what records relate to: read again by id,
    so an item that lost its last link is kept with no links (not reported as deleted)."""
    missing = PulledRecord.objects.filter(
        connection=connection, kind=RecordKind.INFRASTRUCTURE_ITEM, pulled_at__lt=started, deleted=False
    )
    ids = list(missing.values_list("target_id", flat=True))
    if not ids:
        return 0
    return store(connection, platform.discovered(client, options, ids), started)[0]


def refresh(platform: Platform, client: Any, options: Any, connection: Any, full: bool = False) -> Refreshed:
    """Bring the mirror up to date through the platform contract and move the watermark."""
    state = state_of(connection)
    full = full or not state.watermark
    since = "" if full else state.watermark
    started = timezone.now()
    result = Refreshed(full=full, since=since)

    def everything() -> Iterator[Pulled | Discovered]:
        yield from platform.pulled(client, options, since=since)
        yield from platform.discovered(client, options, None, since=since)

    result.upserted, highest = store(connection, everything(), started)
    mirror = PulledRecord.objects.filter(connection=connection)
    if full:
        result.unlinked = still_there(platform, client, options, connection, started)
        result.deleted = mirror.filter(pulled_at__lt=started, deleted=False).update(deleted=True)
    else:
        gone = platform.deleted_since(client, options, since)
        for start in range(0, len(gone), CHUNK):
            ids = [d.ref.id for d in gone[start : start + CHUNK]]
            result.deleted += mirror.filter(target_id__in=ids, deleted=False).update(deleted=True)
        highest = max([highest, *(d.deleted_on for d in gone)])
    state.watermark = max(state.watermark, highest) if not full else (highest or state.watermark)
    if full:
        state.full_pulled_at = started
    state.save(update_fields=["watermark", "full_pulled_at"])
    result.watermark = state.watermark
    return result
