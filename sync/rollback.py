"""Rolling back a publish: relationships first, then records in reverse dependency order — what the
publish created is deleted, and what it changed on records that already existed gets its previous
values back. A record someone else changed since (its version is not the one Portfolio Bridge's own
writes left) is kept, and the run says who changed it and when. Its own run, with its own audit; a
partial rollback can be resumed."""

from django.db import transaction

from integrations.base.errors import FATAL, NotFound, TargetError
from integrations.base.platform import Current, TargetRef, platform_of
from sync.audit import AuditRecorder, written_targets
from sync.models import Direction, Outcome, Run, RunItem, RunStatus, SyncMapEntry
from sync.plan import step_titles, sync_map
from sync.progress import Tracker, drive

CHUNK = 100


class Rollback:
    def __init__(self, run: Run) -> None:
        self.run = run
        self.connection = run.connection
        self.platform = platform_of(self.connection)
        self.recorder = AuditRecorder(run)
        self.client = self.platform.client(self.connection, audit=self.recorder)
        run.items.filter(outcome=Outcome.ERROR).delete()  # a resumed rollback tries these again
        source = run.rollback_of.items.exclude(target_id="")
        created = source.filter(outcome=Outcome.CREATE)
        changed = source.filter(outcome__in=(Outcome.UPDATE, Outcome.ADOPT)).exclude(previous={})
        order = list(step_titles(self.connection))
        rank = {step: n for n, step in enumerate(order)}
        self.rows = sorted(
            [*created, *changed], key=lambda r: (r.kind != "relation", -rank.get(r.step, 0), r.pk)
        )
        self.done = set(run.items.values_list("record_id", flat=True))
        self.attempted = written_targets(run)  # by an interrupted attempt, when resumed
        totals: dict[str, int] = {}
        for row in self.rows:
            totals[row.step] = totals.get(row.step, 0) + 1
        self.tracker = Tracker(run, totals, self.client)
        self.entries = sync_map(self.connection)

    def execute(self) -> None:
        rows = [r for r in self.rows if r.record_id not in self.done]
        for start in range(0, len(rows), CHUNK):
            self.chunk(rows[start : start + CHUNK])

    def chunk(self, rows: list[RunItem]) -> None:
        self.tracker.checkpoint()
        refs = [TargetRef(r.target_type, r.target_id) for r in rows]
        fields = {name for r in rows for name in r.previous}
        current = self.platform.read(self.client, refs, fields)
        for row in rows:
            self.tracker.checkpoint()
            self.one(row, current.get(TargetRef(row.target_type, row.target_id)))

    def expected(self, row: RunItem, entry: SyncMapEntry | None) -> str:
        """The version only Portfolio Bridge's writes would have left: for a restore, the one this
        publish's write left (a later publish's write counts as a change since); for a delete, the
        latest of ours."""
        if row.outcome != Outcome.CREATE:
            return row.target_version
        return (entry.target_version if entry else "") or row.target_version

    def one(self, source: RunItem, now: Current | None) -> None:
        row = RunItem(
            step=source.step,
            kind=source.kind,
            record_id=source.record_id,
            name=source.name,
            target_type=source.target_type,
            target_id=source.target_id,
            outcome=Outcome.SKIPPED,
        )
        entry = None if source.kind == "relation" else self.entries.get((source.kind, source.record_id))
        restoring = source.outcome != Outcome.CREATE
        forget = False
        if source.kind != "relation" and (entry is None or entry.target_id != source.target_id):
            row.message = "Kept: the sync map no longer ties this record to that publish."
        elif not restoring and entry is not None and entry.direction != Direction.PUBLISHED:
            row.message = "Kept: Portfolio Bridge did not create this record."
        elif now is None and not restoring and source.target_id in self.attempted:
            row.outcome, forget = Outcome.DELETED, True
            row.message = "Deleted by an interrupted attempt of this rollback; confirmed."
        elif now is None:
            row.message, forget = "Already deleted in the target.", not restoring
        elif (
            source.kind != "relation"
            and now.version != self.expected(source, entry)
            and not (restoring and source.target_id in self.attempted)  # ours: put them back again
        ):
            row.message = (
                f"Kept: changed since by {now.updated_by or 'someone'} on {now.updated_on or '?'} "
                f"(version {now.version})."
            )
        else:
            try:
                if restoring:
                    version = self.platform.restore(
                        self.client, TargetRef(source.target_type, source.target_id), source.previous
                    )
                    row.outcome, row.previous = Outcome.RESTORED, source.previous
                    row.message = "Previous values put back: " + ", ".join(sorted(source.previous))
                    entry.last_values = {**entry.last_values, **source.previous}
                    entry.last_hash, entry.target_version = "", version
                else:
                    self.platform.delete(self.client, TargetRef(source.target_type, source.target_id))
                    row.outcome, forget = Outcome.DELETED, True
            except NotFound:
                row.message, forget = "Already deleted in the target.", not restoring
            except FATAL:
                raise
            except TargetError as exc:
                row.outcome, row.message = Outcome.ERROR, str(exc)
        with transaction.atomic():
            if entry is not None:
                if forget:
                    entry.delete()
                elif row.outcome == Outcome.RESTORED:
                    entry.save()
            self.tracker.store([row], failed=(Outcome.ERROR,))


def rollback_outcome(run: Run) -> tuple[str, str]:
    errors = run.items.filter(outcome=Outcome.ERROR).count()
    kept = run.items.filter(outcome=Outcome.SKIPPED).count()
    parts = [f"{errors} failed (resume to try again)" if errors else "", f"{kept} kept" if kept else ""]
    if errors:
        return RunStatus.PARTIAL, ", ".join(p for p in parts if p)
    with transaction.atomic():
        # relationships to deleted records are gone: the next publish sends everything again
        SyncMapEntry.objects.filter(connection=run.connection).update(last_hash="")
        Run.objects.filter(pk=run.rollback_of_id).update(status=RunStatus.ROLLED_BACK)
    return RunStatus.SUCCEEDED, ", ".join(p for p in parts if p)


def execute_rollback(run: Run) -> Run:
    return drive(run, Rollback, rollback_outcome)
