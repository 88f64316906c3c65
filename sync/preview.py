"""The sync preview (dry run): the plan's batches through `/identifyreconcile/query`, which commits
nothing, and every record classified — create, update (with a field diff), unchanged, adopt, conflict,
possible duplicate, error or not published. Stored as a run so it can be reopened."""

from collections import Counter

from django.db import transaction
from django.utils import timezone

from integrations.clients import client_for
from integrations.models import Connection
from integrations.servicenow.exceptions import ServiceNowError
from integrations.servicenow.ire import IreOutcome
from integrations.servicenow.options import ServiceNowOptions
from sync.audit import AuditRecorder
from sync.batches import CI_STEPS, ire_batches
from sync.matching import Item, Matcher
from sync.models import Outcome, Run, RunItem, RunKind, RunStatus
from sync.plan import Plan, PlanItem, build_plan
from sync.rows import relation_row, row_for

DUPLICATE_SCORE = 85
PACKAGE = "install the ServiceNow configuration package (Update Set)"
HINTS = {
    "IDENTIFICATION_RULE_MISSING": f"To add the identification rules, {PACKAGE}.",
    "INVALID_INPUT_DATA": f"If the data source is not registered, {PACKAGE}.",
}


class TargetIndex:
    """What the target already holds per class: names (for possible duplicates) and current values (diffs)."""

    def __init__(self, client, plan: Plan) -> None:
        self.rows: dict[str, dict[str, dict[str, str]]] = {}
        self.matchers: dict[str, Matcher] = {}
        fields_of: dict[str, set[str]] = {}
        for item in plan.items:
            if item.step in CI_STEPS or item.step == "software_products":
                fields_of.setdefault(item.class_name, set()).update(item.values)
        for class_name, fields in fields_of.items():
            wanted = sorted(fields | {"sys_id", "name"})
            rows = {r["sys_id"]: r for r in client.records(class_name, "", wanted)}
            self.rows[class_name] = rows
            self.matchers[class_name] = Matcher(
                [Item(s, r.get("name", ""), r.get("version", "")) for s, r in rows.items()],
                versioned=class_name == "cmdb_software_product_model",
            )

    def current(self, class_name: str, sys_id: str) -> dict[str, str]:
        return self.rows.get(class_name, {}).get(sys_id, {})

    def near(self, item: PlanItem) -> tuple[str, str, int] | None:
        """An existing record whose name is (nearly) the same: (sys_id, name, score)."""
        matcher = self.matchers.get(item.class_name)
        if matcher is None:
            return None
        for candidate in matcher.candidates(
            Item(item.record_id, item.name, item.values.get("version", "")), limit=1
        ):
            if candidate.score >= DUPLICATE_SCORE:
                return candidate.sys_id, candidate.name, candidate.score
        return None


def diff(target: dict[str, str], values: dict[str, str]) -> dict[str, list[str]]:
    return {k: [target.get(k, ""), v] for k, v in values.items() if target.get(k, "") != v}


def classify(item: PlanItem, result: IreOutcome, index: TargetIndex) -> RunItem:
    row = row_for(item, "")
    row.target_sys_id = ""  # what the target answers, below
    if result.errors:
        code, message = result.errors[0]
        row.outcome, row.message = Outcome.ERROR, f"{code}: {message} {HINTS.get(code, '')}".strip()
        return row
    row.target_sys_id = result.sys_id
    if result.operation == "INSERT":
        near = index.near(item)
        if near:
            row.outcome, row.target_sys_id = Outcome.POSSIBLE_DUPLICATE, near[0]
            row.message = (
                f"The target already has “{near[1]}” ({near[2]}% alike); adopt it or create a new record."
            )
        else:
            row.outcome = Outcome.CREATE
        return row
    if item.sys_id and item.sys_id != result.sys_id:
        row.outcome = Outcome.CONFLICT
        row.message = f"The sync map points to {item.sys_id}, but the target identifies {result.sys_id}."
    elif not item.sys_id:
        row.outcome = Outcome.ADOPT
        row.message = (
            "The target already holds this record (not created by Portfolio Bridge): adopt it or create anew."
        )
        row.diff = diff(index.current(item.class_name, result.sys_id), item.values)
    else:
        row.diff = diff(index.current(item.class_name, result.sys_id), item.values)
        row.outcome = Outcome.UPDATE if result.operation != "NO_CHANGE" or row.diff else Outcome.UNCHANGED
    return row


def software_rows(plan: Plan, index: TargetIndex) -> list[RunItem]:
    """Software models go through the Table API (they are not CIs), so they are compared directly."""
    rows = []
    for item in plan.by_step("software_products"):
        row = row_for(item, "")
        if item.matched:
            row.outcome, row.target_sys_id = Outcome.NOT_PUBLISHED, item.sys_id
            row.message = "Matched to an existing software model; relationships point to it."
        elif item.sys_id:
            row.target_sys_id = item.sys_id
            row.diff = diff(index.current(item.class_name, item.sys_id), item.values)
            row.outcome = Outcome.UPDATE if row.diff else Outcome.UNCHANGED
        else:
            near = index.near(item)
            exact = near and near[2] >= 95
            row.outcome = Outcome.ADOPT if exact else Outcome.POSSIBLE_DUPLICATE if near else Outcome.CREATE
            if near:
                row.target_sys_id = near[0]
                row.message = f"The target already has the software model “{near[1]}” ({near[2]}% alike)."
        rows.append(row)
    return rows


def run_preview(connection: Connection, user=None) -> Run:
    run = Run.objects.create(
        connection=connection,
        kind=RunKind.PREVIEW,
        status=RunStatus.RUNNING,
        started_by=user,
        started_at=timezone.now(),
    )
    recorder = AuditRecorder(run)
    client = client_for(connection, audit=recorder)
    options = ServiceNowOptions.from_dict(connection.options)
    plan = build_plan(connection)
    rows: list[RunItem] = []
    try:
        index = TargetIndex(client, plan)
        rows += software_rows(plan, index)
        batches = ire_batches(plan, options.ire_batch_size)
        for batch in batches:
            result = client.identify_reconcile(
                batch.items, batch.relations, data_source=plan.data_source, commit=False
            )
            by_id = {i["internal_id"]: r for i, r in zip(batch.items, result.items, strict=False)}
            for item in batch.sent:
                rows.append(classify(item, by_id[item.record_id], index))
            rows += [
                relation_row(
                    plan,
                    r,
                    Outcome.ERROR
                    if o.errors
                    else Outcome.UNCHANGED
                    if o.operation == "NO_CHANGE"
                    else Outcome.CREATE,
                    "; ".join(f"{code}: {message}" for code, message in o.errors),
                    o.sys_id,
                )
                for r, o in zip(batch.relations, result.relations, strict=False)
            ]
        sent = {i.record_id for b in batches for i in b.sent}
        for item in plan.items:
            if item.step in CI_STEPS and item.record_id not in sent:
                rows.append(
                    row_for(item, Outcome.NOT_PUBLISHED, "Matched to an existing record; not written.")
                    if item.matched
                    else row_for(item, Outcome.UNCHANGED)
                )
        for skipped in plan.not_published:
            rows.append(
                RunItem(
                    step="not_published",
                    kind=skipped.kind,
                    record_id=skipped.record_id,
                    name=skipped.name,
                    outcome=Outcome.NOT_PUBLISHED,
                    message=skipped.reason,
                )
            )
        status, message = RunStatus.SUCCEEDED, ""
    except ServiceNowError as exc:
        status, message = RunStatus.FAILED, str(exc)
    with transaction.atomic():
        for row in rows:
            row.run = run
        RunItem.objects.bulk_create(rows, batch_size=1000)
        recorder.flush()
        run.counts = dict(Counter(r.outcome for r in rows))
        run.progress = {step: {"done": n, "total": n} for step, n in Counter(r.step for r in rows).items()}
        run.status, run.message, run.finished_at = status, message, timezone.now()
        run.save()
    return run
