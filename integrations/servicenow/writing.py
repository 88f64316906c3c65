"""Writing one publish step: CIs through Identify and Reconcile (service instances with their
relationships in the same payload, the ends they point at as references), software models and contracts
through the Table API (they are not CIs). Every batch's results go to the engine at once.

IRE is safe to repeat: a re-sent item is identified by its source native key. A Table API POST is not,
so the engine records the intent first and, after a failed attempt, the target is searched before
trying again."""

import time
from dataclasses import replace

from integrations.base.errors import FATAL, TRANSIENT, TargetError
from integrations.base.platform import ApplyContext, ItemResult, Record, RelationResult, Step, Write

from . import mapping
from .batches import Batch, ire_item, limit_of, reference_item
from .client import ServiceNowClient
from .ire import IreOutcome

CREATE_ATTEMPTS = 5
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
            self.tables(writes)

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

    # Models and contracts (Table API) ---------------------------------------------------------------

    def tables(self, writes: list[Write]) -> None:
        for write in writes:
            self.context.checkpoint()
            try:
                result = self.table_write(write)
            except FATAL:
                raise
            except TargetError as exc:
                result = ItemResult(write.record.record_id, False, error=str(exc))
            if result.ok and write.relations:
                result = replace(result, relations=self.covered(write, result.target_id))
            self.context.commit([result])

    def table_write(self, write: Write) -> ItemResult:
        record = write.record
        if write.target_id:
            if not write.values:
                return ItemResult(
                    record.record_id, True, "unchanged", write.target_id, record.target_type, write.version
                )
            row = self.client.update(record.target_type, write.target_id, write.values)
            version = str(row.get("sys_mod_count", ""))
            return ItemResult(record.record_id, True, "updated", write.target_id, record.target_type, version)
        if write.resumed:
            found = self.find(record, write.values)
            if found:
                return ItemResult(
                    record.record_id,
                    True,
                    "found",
                    found["sys_id"],
                    record.target_type,
                    str(found.get("sys_mod_count", "")),
                )
        self.context.before_create(record)
        row = self.create(record, write.values)
        return ItemResult(
            record.record_id,
            True,
            "created",
            row["sys_id"],
            record.target_type,
            str(row.get("sys_mod_count", "0")),
        )

    def create(self, record: Record, values: dict[str, str]) -> dict:
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            try:
                return self.client.create(record.target_type, values)
            except TRANSIENT:
                if attempt == CREATE_ATTEMPTS:
                    raise
                self.client.stats.retries += 1
                time.sleep(min(0.5 * 2**attempt, 10))
                found = self.find(record, values)
                if found:
                    return found
        raise TargetError("The record could not be created.")

    def find(self, record: Record, values: dict[str, str]) -> dict | None:
        """The record an interrupted create may have left: a model by name and version, a contract by
        its name."""
        if record.target_type == mapping.CONTRACT_TABLE:
            keys = {"short_description": values.get("short_description", record.name)}
        else:
            keys = {"name": values.get("name", ""), "version": values.get("version", "")}
        fields = ["sys_id", "sys_mod_count", *keys]
        if any("^" in v for v in keys.values()):
            rows = self.client.records(record.target_type, "", fields)
        else:
            rows = self.client.records(
                record.target_type, "^".join(f"{k}={v}" for k, v in keys.items()), fields
            )
        wanted = {k: v.casefold() for k, v in keys.items()}
        return next((r for r in rows if {k: str(r.get(k, "")).casefold() for k in keys} == wanted), None)

    def covered(self, write: Write, contract_id: str) -> tuple[RelationResult, ...]:
        """The contract's "CIs covered" (contract_rel_ci rows), created once each."""
        existing = {
            r.get("ci_item", ""): r["sys_id"]
            for r in self.client.records(
                mapping.CONTRACT_CI_TABLE, f"contract={contract_id}", ["sys_id", "ci_item"]
            )
        }
        results = []
        for relation, _parent, child in write.relations:
            if child is None:
                continue
            try:
                if child.id in existing:
                    results.append(
                        RelationResult(
                            relation, True, existing[child.id], False, target_type=mapping.CONTRACT_CI_TABLE
                        )
                    )
                    continue
                row = self.client.create(
                    mapping.CONTRACT_CI_TABLE, {"contract": contract_id, "ci_item": child.id}
                )
                results.append(
                    RelationResult(relation, True, row["sys_id"], True, target_type=mapping.CONTRACT_CI_TABLE)
                )
            except FATAL:
                raise
            except TargetError as exc:
                results.append(RelationResult(relation, False, error=str(exc)))
        return tuple(results)
