"""Rolling back a publish: deleting, relationships first and then in reverse dependency order, the records
that publish created — never records it adopted or matched, and never a record someone changed since
(its `sys_mod_count` no longer equals the writes Portfolio Bridge made). Its own run, with its own audit."""

from django.db import transaction

from integrations.clients import client_for
from integrations.servicenow.exceptions import NotFound, ServiceNowError
from sync.audit import AuditRecorder
from sync.models import Direction, Outcome, Run, RunItem, RunStatus, SyncMapEntry
from sync.plan import STEPS, sync_map
from sync.progress import Tracker, drive
from sync.publish import FATAL

ORDER = ("app_to_instance", "instance_to_service", *reversed([s for s, _ in STEPS if "_to_" not in s]))
CHUNK = 100
FIELDS = ["sys_id", "sys_mod_count", "sys_updated_on", "sys_updated_by"]


class Rollback:
    def __init__(self, run: Run) -> None:
        self.run = run
        self.connection = run.connection
        self.recorder = AuditRecorder(run)
        self.client = client_for(self.connection, audit=self.recorder)
        self.created = list(
            run.rollback_of.items.filter(outcome=Outcome.CREATE).exclude(target_sys_id="").order_by("id")
        )
        self.done = set(run.items.values_list("record_id", flat=True))
        totals: dict[str, int] = {}
        for row in self.created:
            totals[row.step] = totals.get(row.step, 0) + 1
        self.tracker = Tracker(run, {step: totals[step] for step in ORDER if step in totals}, self.client)
        self.entries = sync_map(self.connection)

    def execute(self) -> None:
        for step in ORDER:
            rows = [r for r in self.created if r.step == step and r.record_id not in self.done]
            for start in range(0, len(rows), CHUNK):
                self.chunk(rows[start : start + CHUNK])
        with transaction.atomic():
            # relationships to deleted records are gone: the next publish sends everything again
            SyncMapEntry.objects.filter(connection=self.connection).update(last_hash="")

    def chunk(self, rows: list[RunItem]) -> None:
        self.tracker.checkpoint()
        by_table: dict[str, list[RunItem]] = {}
        for row in rows:
            by_table.setdefault(row.target_table, []).append(row)
        for table, group in by_table.items():
            query = "sys_idIN" + ",".join(r.target_sys_id for r in group)
            current = {r["sys_id"]: r for r in self.client.records(table, query, FIELDS)}
            for row in group:
                self.tracker.checkpoint()
                self.one(row, current.get(row.target_sys_id))

    def one(self, created: RunItem, target: dict | None) -> None:
        row = RunItem(
            step=created.step,
            kind=created.kind,
            record_id=created.record_id,
            name=created.name,
            target_table=created.target_table,
            target_sys_id=created.target_sys_id,
            outcome=Outcome.SKIPPED,
        )
        entry = None if created.kind == "relation" else self.entries.get((created.kind, created.record_id))
        forget = False
        if created.kind != "relation" and (
            entry is None
            or entry.target_sys_id != created.target_sys_id
            or entry.direction != Direction.PUBLISHED
        ):
            row.message = "Kept: the sync map no longer ties this record to that publish."
        elif target is None:
            row.message, forget = "Already deleted in the target.", True
        elif str(target.get("sys_mod_count", "")) != str((entry and entry.target_mod_count) or 0):
            row.message = (
                f"Kept: changed since by {target.get('sys_updated_by') or 'someone'} "
                f"on {target.get('sys_updated_on') or '?'} "
                f"(modification count {target.get('sys_mod_count')})."
            )
        else:
            try:
                self.client.delete(created.target_table, created.target_sys_id)
                row.outcome, forget = Outcome.DELETED, True
            except NotFound:
                row.message, forget = "Already deleted in the target.", True
            except FATAL:
                raise
            except ServiceNowError as exc:
                row.outcome, row.message = Outcome.ERROR, str(exc)
        with transaction.atomic():
            row.run = self.run
            row.save()
            if forget and entry is not None:
                entry.delete()
            self.recorder.flush()
            self.tracker.count(row.step, errors=row.outcome == Outcome.ERROR)
            self.tracker.save()


def rollback_outcome(run: Run) -> tuple[str, str]:
    errors = run.items.filter(outcome=Outcome.ERROR).count()
    kept = run.items.filter(outcome=Outcome.SKIPPED).count()
    parts = [f"{errors} failed" if errors else "", f"{kept} kept" if kept else ""]
    return RunStatus.PARTIAL if errors else RunStatus.SUCCEEDED, ", ".join(p for p in parts if p)


def execute_rollback(run: Run) -> Run:
    return drive(run, Rollback, rollback_outcome)
