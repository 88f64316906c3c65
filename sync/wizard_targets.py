"""The target records a matching step pulls: stored at each pull, read from the database once per pull,
searched by name, and indexed once per pull by the scorer (sync.scorer), whose index is kept until the next
pull or a change of the namespace's aliases."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from integrations.base.platform import platform_of
from integrations.models import Connection
from sync import aliases
from sync.matching import Item
from sync.models import TargetRecord
from sync.scorer import Scorer

if TYPE_CHECKING:
    from sync.wizard import Step


def pull_targets(connection: Connection, step: Step) -> int:
    """Refresh the cached target records of a step (streamed from the instance); returns how many."""
    platform = platform_of(connection)
    source = next(s for s in platform.match_sources() if s.kind == step.kind)
    now = timezone.now()
    seen = dict(
        TargetRecord.objects.filter(connection=connection, kind=step.kind).values_list(
            "target_id", "first_seen_at"
        )
    )
    with closing(platform.client(connection)) as client:  # ends the target's session, if it has one
        rows = [
            TargetRecord(
                connection=connection,
                kind=step.kind,
                target_type=source.target_type,
                target_id=c.target_id,
                name=c.name,
                version=c.version,
                manufacturer=c.manufacturer,
                details=[list(pair) for pair in c.details],
                retired=c.retired,
                first_seen_at=seen.get(c.target_id, now),
                pulled_at=now,
            )
            for c in platform.candidates(client, source)
        ]
    with transaction.atomic():
        TargetRecord.objects.filter(connection=connection, kind=step.kind).delete()
        TargetRecord.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def pulled_at(connection: Connection, step: Step) -> datetime | None:
    """When the step's records were last pulled; None before the first pull (no record is read)."""
    return TargetRecord.objects.filter(connection=connection, kind=step.kind).aggregate(at=Max("pulled_at"))[
        "at"
    ]


@dataclass(frozen=True)
class Target:
    target_id: str
    name: str
    version: str
    manufacturer: str
    first_seen_at: datetime
    details: list = field(default_factory=list)
    retired: bool = False

    @property
    def summary(self) -> str:
        return summary_of(self.details, self.retired)


class PulledTargets(NamedTuple):
    at: datetime | None
    count: int
    targets: list[Target]  # by name


_pulls: dict[tuple, PulledTargets] = {}
_matchers: dict[tuple, Scorer] = {}


def _kept(cache: dict, key: tuple, make):
    """What `make` gives for a pull, kept until the pull changes; a few pulls at most (the caches are per
    process, the keys name the pull, so a new pull is never served an old one's)."""
    if key not in cache:
        if len(cache) > 16:
            cache.clear()
        cache[key] = make()
    return cache[key]


def pull_of(connection: Connection, step: Step) -> PulledTargets:
    """The target records of the last pull, read from the database once per pull (a pull replaces them
    all at one time): the wizard's page reads them on every visit."""
    rows = TargetRecord.objects.filter(connection=connection, kind=step.kind)
    state = rows.aggregate(at=Max("pulled_at"), count=Count("pk"))
    fields = ("target_id", "name", "version", "manufacturer", "first_seen_at", "details", "retired")
    return _kept(
        _pulls,
        (connection.pk, step.kind, state["at"], state["count"]),
        lambda: PulledTargets(
            state["at"], state["count"], [Target(*v) for v in rows.order_by("name").values_list(*fields)]
        ),
    )


def targets(connection: Connection, step: Step) -> list[Target]:
    return pull_of(connection, step).targets


@dataclass(frozen=True)
class Found:
    """A search result of the wizard, with what tells look-alike records apart."""

    target_id: str
    name: str
    version: str
    manufacturer: str
    details: list
    link: str
    retired: bool = False

    @property
    def summary(self) -> str:
        return summary_of(self.details, self.retired)


def summary_of(details: list, retired: bool) -> str:
    """A target record's key details in a line, e.g. "SVO1001 · Technical Service · retired"."""
    return " · ".join([*(str(value) for _, value in details), *(["retired"] if retired else [])])


def search_targets(connection: Connection, step: Step, query: str, limit: int = 20) -> list[Found]:
    """Pulled target records whose name contains `query` (two characters at least)."""
    if len(query) < 2:
        return []
    platform = platform_of(connection)
    rows = TargetRecord.objects.filter(connection=connection, kind=step.kind, name__icontains=query)
    values = rows.order_by("name").values_list(
        "target_id", "name", "version", "manufacturer", "details", "retired"
    )[:limit]
    return [Found(*row[:5], platform.record_url(connection, step.table, row[0]), row[5]) for row in values]


def matcher_for(connection: Connection, step: Step, pull: PulledTargets) -> Scorer:
    """The index of a pull is built once and reused until the next pull or a change of aliases."""
    own = aliases.pairs(connection.namespace, step.kind)
    return _kept(
        _matchers,
        (connection.pk, step.kind, pull.at, pull.count, own),
        lambda: Scorer(
            [
                Item(
                    t.target_id,
                    t.name,
                    t.version,
                    t.manufacturer,
                    " ".join(str(v) for _, v in t.details),
                    retired=t.retired,
                )
                for t in pull.targets
            ],
            versioned=step.versioned,
            kind=step.kind,
            aliases=own,
        ),
    )
