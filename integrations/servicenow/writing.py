"""Writing one publish step: CIs through Identify and Reconcile (service instances with their
relationships in the same payload, the ends they point at as references), software models and contracts
through the Table API (they are not CIs; see `table_writes`). Every batch's results go to the engine at
once. IRE is safe to repeat: a re-sent item is identified by its source native key."""

from dataclasses import replace

from integrations.base.errors import FATAL, TargetError
from integrations.base.platform import ApplyContext, ItemResult, RelationResult, Step, Write

from . import mapping
from .batches import Batch, ire_item, limit_of, reference_item
from .client import ServiceNowClient
from .ire import IreOutcome
from .table_writes import TableWriter

MAX_FAILED_BATCHES = 3  # consecutive whole-batch failures before the run gives up


def _by_native_key(result: IreOutcome) -> bool:
    return any(
        a.get("identifierName") == "Source Native Key" and a.get("attemptResult") == "MATCHED"
        for a in result.attempts
    )


def _next_version(version: str, changed: bool) -> str:
    return str(int(version) + 1) if changed and version.isdigit() else version


def ci_result(write: Write, outcome: IreOutcome | None) -> ItemResult:
    record_id = write.record.record_id
    if outcome is None or outcome.errors:
        code, text = outcome.errors[0] if outcome else ("NO_RESULT", "The target returned no result")
        return ItemResult(record_id, False, error=f"{code}: {text}")
    if write.target_id and outcome.sys_id != write.target_id:
        message = f"The sync map points to {write.target_id}, but the target identified {outcome.sys_id}."
        return ItemResult(record_id, False, error=message)
    changed = outcome.operation.startswith("UPDATE")
    if outcome.operation == "INSERT":
        operation, version = "created", "0"
    elif write.target_id:
        operation, version = ("updated" if changed else "unchanged"), _next_version(write.version, changed)
    elif _by_native_key(outcome):
        operation, version = "found", str(int(changed))
    else:
        operation, version = "updated", ""
    return ItemResult(record_id, True, operation, outcome.sys_id, write.record.target_type, version)


class StepWriter:
    def __init__(self, client: ServiceNowClient, options, context: ApplyContext) -> None:
        self.client = client
        self.options = options
        self.context = context
        self.failed_batches = 0

    def apply(self, step: Step, writes: list[Write]) -> None:
        if step.key in mapping.CI_STEPS:
            self.cis(writes)
        else:
            TableWriter(self.client, self.context).apply(writes)

    # CIs ------------------------------------------------------------------------------------------

    def cis(self, writes: list[Write]) -> None:
        limit = limit_of(self.options.ire_batch_size)
        batch = Batch()
        for write in writes:
            ends = {
                rid: ref
                for relation, parent, child in write.relations
                for rid, ref in ((relation.parent, parent), (relation.child, child))
                if ref is not None and rid != write.record.record_id
            }
            if batch.full(limit, 1 + len(ends.keys() - batch.present)):
                self.send(batch)
                batch = Batch()
            source = self.options.data_source
            batch.add_item(
                ire_item(write.record, write.values, source, write.target_id), write.record.record_id
            )
            batch.sent.append(write)
            for record_id, ref in sorted(ends.items()):
                if record_id not in batch.present:
                    batch.add_item(reference_item(ref.type, record_id, ref.id), record_id)
            for relation, _parent, _child in write.relations:
                batch.add_relation(
                    {"parent_id": relation.parent, "child_id": relation.child, "type": relation.type}
                )
        if batch.sent:
            self.send(batch)

    def send(self, batch: Batch) -> None:
        self.context.checkpoint()
        try:
            answer = self.client.identify_reconcile(
                batch.items, batch.relations, data_source=self.options.data_source, commit=True
            )
        except FATAL:
            raise
        except TargetError as exc:
            self.failed_batches += 1
            self.context.commit([self.batch_failed(write, exc) for write in batch.sent])
            if self.failed_batches >= MAX_FAILED_BATCHES:
                raise TargetError(
                    f"{self.failed_batches} batches in a row failed; the last error: {exc}"
                ) from exc
            return
        self.failed_batches = 0
        outcomes = dict(zip((i["internal_id"] for i in batch.items), answer.items, strict=False))
        relation_outcomes = iter(answer.relations)
        results = []
        for write in batch.sent:
            result = ci_result(write, outcomes.get(write.record.record_id))
            links = []
            for relation, _parent, _child in write.relations:
                outcome = next(relation_outcomes, None)
                if outcome is None or outcome.errors:
                    errors = outcome.errors if outcome else (("NO_RESULT", "no result"),)
                    links.append(
                        RelationResult(relation, False, error="; ".join(f"{c}: {t}" for c, t in errors))
                    )
                else:
                    created = outcome.operation != "NO_CHANGE"
                    links.append(
                        RelationResult(relation, True, outcome.sys_id, created, target_type="cmdb_rel_ci")
                    )
            results.append(replace(result, relations=tuple(links)))
        self.context.commit(results)

    @staticmethod
    def batch_failed(write: Write, exc: Exception) -> ItemResult:
        message = f"The batch failed: {exc}"
        links = tuple(RelationResult(r, False, error=message) for r, _p, _c in write.relations)
        return ItemResult(write.record.record_id, False, error=message, relations=links)
