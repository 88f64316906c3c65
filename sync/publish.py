"""Publishing: the plan executed step by step — IT services, software models, business applications,
service instances with their relationships — through the connection's client. Each batch's results,
sync map rows, progress and audit entries are written in one transaction, so a worker killed at any
moment loses at most the batch in flight, and re-sending it is safe: IRE identifies re-sent items by
their source native key, and software models are looked up before they are created again.

A publish never deletes anything in the target."""

import time
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from integrations.clients import client_for
from integrations.servicenow import mapping
from integrations.servicenow.exceptions import (
    AccessDenied,
    AuthenticationFailed,
    ConnectionFailed,
    InstanceHibernating,
    RateLimited,
    ServerError,
    ServiceNowError,
)
from integrations.servicenow.ire import IreOutcome
from integrations.servicenow.options import ServiceNowOptions
from sync.audit import AuditRecorder
from sync.batches import MAX_ITEMS, Batch, ire_item
from sync.models import Direction, Outcome, Run, RunItem, RunStatus, SyncMapEntry
from sync.plan import STEPS, Plan, PlanItem, build_plan, sync_map
from sync.progress import Abort, Tracker, drive
from sync.rows import relation_row, row_for

FATAL = (AuthenticationFailed, AccessDenied, InstanceHibernating)
TRANSIENT = (ConnectionFailed, RateLimited, ServerError)
CREATE_ATTEMPTS = 5
MAX_FAILED_BATCHES = 3  # consecutive whole-batch failures before the run gives up


@dataclass
class Written:
    """One record's result: its run row and, when it landed in the target, its sync map row."""

    row: RunItem
    entry: SyncMapEntry | None = None


@dataclass
class Outbox:
    rows: list[Written] = field(default_factory=list)

    def add(self, row: RunItem, entry: SyncMapEntry | None = None) -> None:
        self.rows.append(Written(row, entry))


def by_native_key(result: IreOutcome) -> bool:
    return any(
        a.get("identifierName") == "Source Native Key" and a.get("attemptResult") == "MATCHED"
        for a in result.attempts
    )


class Publisher:
    def __init__(self, run: Run) -> None:
        self.run = run
        self.connection = run.connection
        self.options = ServiceNowOptions.from_dict(self.connection.options)
        self.recorder = AuditRecorder(run)
        self.client = client_for(self.connection, audit=self.recorder)
        self.plan: Plan = build_plan(self.connection)
        self.entries = sync_map(self.connection)
        self.owner = {(e.target_table, e.target_sys_id): str(e.record_id) for e in self.entries.values()}
        self.sys_ids = {i.record_id: i.sys_id for i in self.plan.items if i.sys_id}
        self.failed: dict[str, str] = dict(  # record id → why it is not in the target
            run.items.filter(outcome__in=(Outcome.ERROR, Outcome.CONFLICT)).values_list(
                "record_id", "message"
            )
        )
        self.done = set(run.items.values_list("record_id", flat=True))  # finished by an earlier attempt
        self.failed_batches = 0
        counts = Counter(i.step for i in self.plan.items) + Counter(r.step for r in self.plan.relations)
        self.tracker = Tracker(run, {step: counts[step] for step, _ in STEPS}, self.client)

    # Recording ----------------------------------------------------------------------------------------

    def commit(self, outbox: Outbox) -> None:
        """One batch's rows, sync map rows, audit entries and progress, all or nothing."""
        with transaction.atomic():
            for written in outbox.rows:
                written.row.run = self.run
                if written.entry is not None:
                    written.entry.save()
                    self.entries[(written.entry.kind, str(written.entry.record_id))] = written.entry
                self.done.add(written.row.record_id)
                self.tracker.count(
                    written.row.step, errors=written.row.outcome in (Outcome.ERROR, Outcome.CONFLICT)
                )
            RunItem.objects.bulk_create([w.row for w in outbox.rows], batch_size=1000)
            self.recorder.flush()
            self.tracker.save()

    def map_entry(self, item: PlanItem, sys_id: str, direction: str, mod_count: int | None) -> SyncMapEntry:
        entry = self.entries.get((item.kind, item.record_id)) or SyncMapEntry(
            connection=self.connection, kind=item.kind, record_id=item.record_id
        )
        entry.target_table, entry.target_sys_id, entry.direction = item.class_name, sys_id, direction
        entry.last_hash, entry.last_synced_at, entry.target_mod_count = item.hash, timezone.now(), mod_count
        self.owner[(item.class_name, sys_id)] = item.record_id
        self.sys_ids[item.record_id] = sys_id
        return entry

    def fail(self, item: PlanItem, message: str, outcome: str = Outcome.ERROR) -> RunItem:
        self.failed[item.record_id] = message
        return row_for(item, outcome, message)

    def settled(self, items: list[PlanItem], outbox: Outbox) -> list[PlanItem]:
        """The items that need a call; the rest (matched, unchanged, done earlier) are recorded as such."""
        sending = []
        for item in items:
            if item.record_id in self.done:
                continue
            if item.matched:
                outbox.add(
                    row_for(item, Outcome.NOT_PUBLISHED, "Matched to an existing record; not written.")
                )
            elif item.unchanged:
                outbox.add(row_for(item, Outcome.UNCHANGED))
            else:
                sending.append(item)
        return sending

    # Steps --------------------------------------------------------------------------------------------

    def execute(self) -> None:
        self.ci_step([*self.plan.by_step("shared_services"), *self.plan.by_step("local_services")])
        self.software_step()
        self.ci_step(self.plan.by_step("applications"))
        self.deployment_step()

    def ci_step(self, items: list[PlanItem]) -> None:
        outbox = Outbox()
        sending = self.settled(items, outbox)
        limit = max(1, min(self.options.ire_batch_size, MAX_ITEMS))
        self.commit(outbox)
        for start in range(0, len(sending), limit):
            batch = Batch()
            for item in sending[start : start + limit]:
                batch.add_item(self.ire_item(item), item.record_id, item.size)
                batch.sent.append(item)
            self.send(batch)

    def ire_item(self, item: PlanItem) -> dict:
        """A mapped record names its CI, so that an adopted record whose name differs is still found."""
        payload = ire_item(item, self.plan.data_source)
        if item.sys_id:
            payload["values"] = {**item.values, "sys_id": item.sys_id}
        return payload

    def send(self, batch: Batch) -> None:
        self.tracker.checkpoint()
        outbox = Outbox()
        try:
            result = self.client.identify_reconcile(
                batch.items, batch.relations, data_source=self.plan.data_source, commit=True
            )
        except FATAL as exc:
            raise Abort(str(exc)) from exc
        except ServiceNowError as exc:
            self.failed_batches += 1
            for item in batch.sent:
                outbox.add(self.fail(item, f"The batch failed: {exc}"))
            for relation in batch.relations:
                outbox.add(self.relation_row(relation, Outcome.ERROR, f"The batch failed: {exc}"))
            self.commit(outbox)
            if self.failed_batches >= MAX_FAILED_BATCHES:
                raise Abort(f"{self.failed_batches} batches in a row failed; the last error: {exc}") from exc
            return
        self.failed_batches = 0
        by_id = {i["internal_id"]: r for i, r in zip(batch.items, result.items, strict=False)}
        for item in batch.sent:
            self.record_ci(item, by_id.get(item.record_id), outbox)
        for relation, outcome in zip(batch.relations, result.relations, strict=False):
            if outcome.errors:
                message = "; ".join(f"{code}: {text}" for code, text in outcome.errors)
                outbox.add(self.relation_row(relation, Outcome.ERROR, message))
            else:
                done = Outcome.UNCHANGED if outcome.operation == "NO_CHANGE" else Outcome.CREATE
                outbox.add(self.relation_row(relation, done, sys_id=outcome.sys_id))
        self.commit(outbox)

    def record_ci(self, item: PlanItem, result: IreOutcome | None, outbox: Outbox) -> None:
        if result is None or result.errors:
            code, text = result.errors[0] if result else ("NO_RESULT", "The target returned no result")
            outbox.add(self.fail(item, f"{code}: {text}"))
            return
        entry = self.entries.get((item.kind, item.record_id))
        owner = self.owner.get((item.class_name, result.sys_id))
        if owner and owner != item.record_id:
            message = f"The target identified {result.sys_id}, which the sync map gives to another record."
            outbox.add(self.fail(item, message, Outcome.CONFLICT))
            return
        if entry and entry.target_sys_id and entry.target_sys_id != result.sys_id:
            message = (
                f"The sync map points to {entry.target_sys_id}, but the target identified {result.sys_id}."
            )
            outbox.add(self.fail(item, message, Outcome.CONFLICT))
            return
        updated = result.operation.startswith("UPDATE")
        if result.operation == "INSERT" or (not entry and by_native_key(result)):
            # a native-key match without a sync map row: an interrupted attempt created it
            direction, outcome, mod_count = Direction.PUBLISHED, Outcome.CREATE, int(updated)
            message = "" if result.operation == "INSERT" else "Created by an interrupted attempt; confirmed."
        elif entry:
            direction, outcome, message = (
                entry.direction,
                Outcome.UPDATE if updated else Outcome.UNCHANGED,
                "",
            )
            mod_count = (entry.target_mod_count or 0) + int(updated)
        else:
            direction, outcome, mod_count = Direction.ADOPTED, Outcome.ADOPT, None
            message = "The target already held this record; it is adopted (updated, never deleted)."
        row = row_for(item, outcome, message, sys_id=result.sys_id)
        outbox.add(row, self.map_entry(item, result.sys_id, direction, mod_count))

    def relation_row(self, relation: dict, outcome: str, message: str = "", sys_id: str = "") -> RunItem:
        return relation_row(self.plan, relation, outcome, message, sys_id)

    def deployment_step(self) -> None:
        """Service instances per application, with their relationships in the same payload; the ends
        they point at travel as references by sys_id. Children of failed records are skipped."""
        limit = max(1, min(self.options.ire_batch_size, MAX_ITEMS))
        relations_of: dict[str, list] = {}
        for relation in self.plan.relations:
            key = relation.child if relation.step == "app_to_instance" else relation.parent
            relations_of.setdefault(key, []).append(relation)
        outbox, batches = Outbox(), [Batch()]
        for item in self.settled(self.plan.by_step("deployments"), outbox):
            relations = relations_of.get(item.record_id, [])
            if item.group in self.failed or item.group not in self.sys_ids:
                reason = self.failed.get(item.group, "it is not in the target")
                app = self.plan.item(item.group)
                outbox.add(
                    self.fail(item, f"Skipped: the business application {app.name} failed ({reason}).")
                )
                for relation in relations:
                    outbox.add(self.skipped_relation(relation, f"{app.name} failed"))
                continue
            allowed, ends = [], set()
            for relation in relations:
                end = relation.parent if relation.child == item.record_id else relation.child
                if end in self.sys_ids:
                    allowed.append(relation)
                    ends.add(end)
                else:
                    reason = self.failed.get(end, "it is not in the target")
                    outbox.add(self.skipped_relation(relation, f"{self.plan.item(end).name}: {reason}"))
            batch = batches[-1]
            if batch.items and len(batch.items) + 1 + len(ends - batch.present) > limit:
                batch = Batch()
                batches.append(batch)
            batch.add_item(self.ire_item(item), item.record_id, item.size)
            batch.sent.append(item)
            for end in sorted(ends - batch.present):
                target = self.plan.item(end)
                reference = {
                    "className": target.class_name,
                    "internal_id": end,
                    "values": {"sys_id": self.sys_ids[end]},
                }
                batch.add_item(reference, end)
            for relation in allowed:
                batch.add_relation(
                    {"parent_id": relation.parent, "child_id": relation.child, "type": relation.type}
                )
        # relations of deployments that need no call are unchanged
        for item in self.plan.by_step("deployments"):
            if item.unchanged and item.record_id not in self.done:
                for relation in relations_of.get(item.record_id, []):
                    outbox.add(self.relation_row(self.as_dict(relation), Outcome.UNCHANGED))
        self.commit(outbox)
        for batch in batches:
            if batch.sent:
                self.send(batch)

    @staticmethod
    def as_dict(relation) -> dict:
        return {"parent_id": relation.parent, "child_id": relation.child, "type": relation.type}

    def skipped_relation(self, relation, reason: str) -> RunItem:
        return self.relation_row(self.as_dict(relation), Outcome.SKIPPED, f"Skipped: {reason}.")

    # Software models (Table API: they are not CIs) ----------------------------------------------------

    def software_step(self) -> None:
        outbox = Outbox()
        sending = self.settled(self.plan.by_step("software_products"), outbox)
        self.commit(outbox)
        existing: dict[tuple[str, str], dict] | None = None
        for item in sending:
            self.tracker.checkpoint()
            outbox = Outbox()
            try:
                if item.sys_id:
                    record = self.client.update(item.class_name, item.sys_id, item.values)
                    outbox.add(
                        row_for(item, Outcome.UPDATE),
                        self.map_entry(item, item.sys_id, item.direction, _mod_count(record)),
                    )
                else:
                    if existing is None:
                        existing = self.software_models()
                    found = existing.get(_model_key(item.values))
                    if found and item.direction == Direction.PUBLISHED:
                        outbox.add(
                            row_for(item, Outcome.CREATE, "Created by an interrupted attempt; confirmed."),
                            self.map_entry(item, found["sys_id"], Direction.PUBLISHED, _mod_count(found)),
                        )
                    elif found:
                        if any(found.get(k, "") != v for k, v in item.values.items()):
                            self.client.update(item.class_name, found["sys_id"], item.values)
                        outbox.add(
                            row_for(item, Outcome.ADOPT, "An identical software model existed; adopted."),
                            self.map_entry(item, found["sys_id"], Direction.ADOPTED, None),
                        )
                    else:
                        record = self.create_model(item)
                        outbox.add(
                            row_for(item, Outcome.CREATE, sys_id=record["sys_id"]),
                            self.map_entry(item, record["sys_id"], Direction.PUBLISHED, _mod_count(record)),
                        )
            except FATAL as exc:
                raise Abort(str(exc)) from exc
            except ServiceNowError as exc:
                outbox.add(self.fail(item, str(exc)))
            self.commit(outbox)

    def software_models(self) -> dict[tuple[str, str], dict]:
        fields = ["sys_id", "sys_mod_count", *mapping.software_model_fields()]
        return {_model_key(r): r for r in self.client.records(mapping.SOFTWARE_MODEL_TABLE, "", fields)}

    def create_model(self, item: PlanItem) -> dict:
        """POST is not safe to repeat, so the intent is recorded first and, after a failed attempt, the
        target is searched before trying again."""
        with transaction.atomic():
            intent = self.map_entry(item, "", Direction.PUBLISHED, None)
            intent.last_hash = ""
            intent.save()
            self.entries[(item.kind, item.record_id)] = intent
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            try:
                return self.client.create(item.class_name, item.values)
            except TRANSIENT:
                if attempt == CREATE_ATTEMPTS:
                    raise
                self.client.stats.retries += 1
                time.sleep(min(0.5 * 2**attempt, 10))
                found = self.find_model(item)
                if found:
                    return found
        raise AssertionError("unreachable")

    def find_model(self, item: PlanItem) -> dict | None:
        name, version = item.values["name"], item.values.get("version", "")
        if "^" in name or "^" in version:
            return self.software_models().get(_model_key(item.values))
        query = f"name={name}^version={version}"
        fields = ["sys_id", "sys_mod_count", *mapping.software_model_fields()]
        return next(iter(self.client.records(item.class_name, query, fields)), None)


def _model_key(values: dict) -> tuple[str, str]:
    return (values.get("name", "").casefold(), values.get("version", "").casefold())


def _mod_count(record: dict) -> int | None:
    value = str(record.get("sys_mod_count", ""))
    return int(value) if value.isdigit() else None


def publish_outcome(run: Run) -> tuple[str, str]:
    failures = run.items.filter(outcome__in=(Outcome.ERROR, Outcome.CONFLICT)).count()
    if not failures:
        return RunStatus.SUCCEEDED, ""
    if run.items.exclude(outcome__in=(Outcome.ERROR, Outcome.CONFLICT)).exists():
        return RunStatus.PARTIAL, f"{failures} record{'s' if failures != 1 else ''} failed."
    return RunStatus.FAILED, "Every record failed."


def execute_publish(run: Run) -> Run:
    """Run (or resume) a queued publish to its end, whatever the target answers."""
    return drive(run, Publisher, publish_outcome)
