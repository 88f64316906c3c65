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
from sync.merge_apply import DECIDABLE, TAKE, Submission, apply_merge
from sync.models import Pull, PullChange, PullStatus
from sync.subscribe import SubscribeRefused, fail, supersede
from sync.subscribe_compare import CHANGED_IN_TARGET, SubscribeComparer

log = logging.getLogger("sync.subscribe")
BATCH = 1000
AUTO_BATCH = 200  # rows taken automatically in one submission (one transaction, one plan)


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
        apply_owned = authority.read_state(connection).apply_owned
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
    """Take every target-owned change of the pull: the fields changed only in the target, in records
    changed there or in conflict (another field of theirs may wait for a person). Rows go in batches of
    one submission each; a batch refused is tried row by row, and a row refused is left for a person and
    said in the note."""
    taken, refused = 0, []
    rows = pull.changes.filter(outcome__in=DECIDABLE, applied_at__isnull=True).order_by("pk")
    wanted = ((change, owned_fields(change)) for change in rows.iterator())
    decided = (Submission(fields={change.pk: fields}) for change, fields in wanted if fields)
    while batch := list(islice(decided, AUTO_BATCH)):
        together = Submission(fields={k: v for s in batch for k, v in s.fields.items()})
        try:
            taken += apply_merge(pull, together, user).taken
            continue
        except SubscribeRefused:
            pass
        for submission in batch:
            try:
                taken += apply_merge(pull, submission, user).taken
            except SubscribeRefused as exc:
                refused.append(str(exc))
                log.warning("Target-owned change not taken: %s", exc)
    note = f"Target-owned changes taken automatically: {taken} field(s)."
    if refused:
        note += f" {len(refused)} record(s) left for a person: {' '.join(refused)[:500]}"
    return note
