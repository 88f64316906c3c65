"""A pull from a target that pulls records back (`Platform.pulls_records`): refresh the mirror
(incrementally, or in full), compare it three ways with the portfolio, store the differences on the
pull, and — when the connection allows it or the caller asks — take the changes of fields the target
owns. Everything else waits for a person on the merge screen."""

import logging
from itertools import islice
from typing import Any

from django.db import transaction
from django.utils import timezone

from integrations.base.errors import TargetError
from integrations.base.platform import platform_of
from sync import authority, mirror
from sync.merge_apply import TAKE, Submission, apply_merge
from sync.models import Pull, PullChange, PullStatus
from sync.subscribe import SubscribeRefused, fail, supersede
from sync.subscribe_compare import CHANGED_IN_TARGET, SubscribeComparer

log = logging.getLogger("sync.subscribe")
BATCH = 1000


def execute_record_pull(pull: Pull, apply_owned: bool | None = None) -> Pull:
    """Run a claimed pull. `apply_owned` None: as the connection's setting says."""
    connection = pull.connection
    platform = platform_of(connection)
    try:
        options = platform.options(connection.options)
        with platform.client(connection) as client:
            refreshed = mirror.refresh(platform, client, options, connection, full=pull.full)
            how = "full pull" if refreshed.full else f"changes since {refreshed.since}"
            note = (
                f"{how}: {refreshed.upserted} read, {refreshed.deleted} deleted, {client.stats.calls} call(s)"
            )
            prepare(pull, platform, client, options, note)
    except (TargetError, ValueError) as exc:
        fail(pull, str(exc))
        pull.refresh_from_db()
        return pull
    if apply_owned is None:
        apply_owned = authority.state_of(connection).apply_owned
    if apply_owned:
        note = apply_target_owned(pull)
        Pull.objects.filter(pk=pull.pk).update(message=f"{pull.message} {note}".strip())
        pull.refresh_from_db()
    return pull


def prepare(pull: Pull, platform: Any, client: Any, options: Any, note: str = "") -> Pull:
    """Compare the mirror with the portfolio and store the differences on the pull (then ready)."""
    comparer = SubscribeComparer(pull.connection, platform, client, options)
    with transaction.atomic():
        stored = store(pull, comparer)
        Pull.objects.filter(pk=pull.pk).update(
            status=PullStatus.READY,
            finished_at=timezone.now(),
            counts=comparer.counts,
            calls=client.stats.calls,
            message=f"{note}; {stored} difference(s) to review." if note else f"{stored} difference(s).",
        )
        supersede(pull)
    pull.refresh_from_db()
    return pull


def store(pull: Pull, comparer: SubscribeComparer) -> int:
    stream, count = comparer.changes(), 0
    while batch := list(islice(stream, BATCH)):
        for change in batch:
            change.pull = pull
        PullChange.objects.bulk_create(batch)
        count += len(batch)
    return count


def owned_fields(change: PullChange) -> dict[str, str]:
    """The fields a person need not decide: changed only in the target, and owned by it."""
    return {
        name: TAKE
        for name, c in change.diff.items()
        if c.get("state") == CHANGED_IN_TARGET
        and c.get("owner") == authority.TARGET
        and name not in change.decisions
    }


def apply_target_owned(pull: Pull, user: Any = None) -> str:
    """Take every target-owned change of the pull, record by record (a record refused is left for a
    person and said in the note; the others are applied)."""
    taken, refused = 0, []
    rows = pull.changes.filter(outcome=CHANGED_IN_TARGET, applied_at__isnull=True)
    for change in rows.iterator():
        fields = owned_fields(change)
        if not fields:
            continue
        try:
            taken += apply_merge(pull, Submission(fields={change.pk: fields}), user).taken
        except SubscribeRefused as exc:
            refused.append(str(exc))
            log.warning("Target-owned change of %s not taken: %s", change.name, exc)
    note = f"Target-owned changes taken automatically: {taken} field(s)."
    if refused:
        note += f" {len(refused)} record(s) left for a person: {' '.join(refused)[:500]}"
    return note
