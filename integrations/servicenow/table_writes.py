"""Writing records that are not CIs (software models, contracts and the CIs a contract covers) through the
Table API, many at a time with the Batch API. Updates are safe to repeat; a create is not, so each one
carries a sys_id of its own, derived from the portfolio record: after a call whose outcome is unknown (or
a killed worker), the record is looked up by that sys_id before the create is tried again — never by
name, which could claim someone else's record."""

import time
import uuid
from dataclasses import replace

from integrations.base.errors import FATAL, TRANSIENT, TargetError
from integrations.base.platform import ApplyContext, ItemResult, RelationResult, Write

from . import mapping
from .batch_api import MAX_CALLS, batch, error_text, records_many
from .client import ServiceNowClient

CREATE_ATTEMPTS = 5
NAMESPACE = uuid.UUID("0b6f4c1e-2d7a-4f55-8e61-9c3d2a7b5e10")


def _path(table: str, sys_id: str = "") -> str:
    return (
        f"/api/now/table/{table}" + (f"/{sys_id}" if sys_id else "") + "?sysparm_exclude_reference_link=true"
    )


def own_sys_id(write: Write) -> str:
    """The sys_id a create of this portfolio record carries, the same on every attempt."""
    return uuid.uuid5(NAMESPACE, f"{write.record.target_type}:{write.record.record_id}").hex


class TableWriter:
    def __init__(self, client: ServiceNowClient, context: ApplyContext) -> None:
        self.client = client
        self.context = context

    def apply(self, writes: list[Write]) -> None:
        for start in range(0, len(writes), MAX_CALLS):
            chunk = writes[start : start + MAX_CALLS]
            self.context.checkpoint()
            results = self.updates([w for w in chunk if w.target_id])
            results |= self.creates([w for w in chunk if not w.target_id])
            landed = [(w, results[w.record.record_id]) for w in chunk]
            covered = self.coverage([(w, r) for w, r in landed if r.ok and w.relations])
            self.context.commit(
                [
                    replace(r, relations=covered[w.record.record_id]) if w.record.record_id in covered else r
                    for w, r in landed
                ]
            )

    def updates(self, writes: list[Write]) -> dict[str, ItemResult]:
        results: dict[str, ItemResult] = {}
        sending = []
        for write in writes:
            record = write.record
            if write.values:
                sending.append(write)
            else:
                results[record.record_id] = ItemResult(
                    record.record_id, True, "unchanged", write.target_id, record.target_type, write.version
                )
        if not sending:
            return results
        calls = [("PUT", _path(w.record.target_type, w.target_id), w.values) for w in sending]
        try:
            answers = batch(self.client, calls, repeatable=True)
        except FATAL:
            raise
        except TargetError as exc:
            answers = [(0, {"error": {"message": str(exc)}}, {})] * len(sending)
        for write, (status, body, _headers) in zip(sending, answers, strict=True):
            record = write.record
            if status == 200 and isinstance(body, dict):
                version = str(body.get("result", {}).get("sys_mod_count", ""))
                results[record.record_id] = ItemResult(
                    record.record_id, True, "updated", write.target_id, record.target_type, version
                )
            else:
                results[record.record_id] = ItemResult(
                    record.record_id, False, error=error_text(status, body)
                )
        return results

    def creates(self, writes: list[Write]) -> dict[str, ItemResult]:
        results: dict[str, ItemResult] = {}
        waiting = list(writes)
        resumed = [w for w in waiting if w.resumed]
        if resumed:
            results |= self.find(resumed)
            waiting = [w for w in waiting if w.record.record_id not in results]
        for attempt in range(1, CREATE_ATTEMPTS + 1):
            if not waiting:
                break
            for write in waiting:
                self.context.before_create(write.record)
            calls = [
                ("POST", _path(w.record.target_type), {**w.values, "sys_id": own_sys_id(w)}) for w in waiting
            ]
            try:
                answers = batch(self.client, calls, repeatable=False)
            except FATAL:
                raise
            except TRANSIENT as exc:  # did it land? look before trying again
                if attempt == CREATE_ATTEMPTS:
                    results |= {
                        w.record.record_id: ItemResult(w.record.record_id, False, error=str(exc))
                        for w in waiting
                    }
                    break
                self.client.stats.retries += 1
                time.sleep(min(0.5 * 2**attempt, 10))
                results |= self.find(waiting)
                waiting = [w for w in waiting if w.record.record_id not in results]
                continue
            except TargetError as exc:
                answers = [(0, {"error": {"message": str(exc)}}, {})] * len(waiting)
            for write, (status, body, _headers) in zip(waiting, answers, strict=True):
                record = write.record
                if status == 201 and isinstance(body, dict):
                    row = body.get("result", {})
                    results[record.record_id] = ItemResult(
                        record.record_id,
                        True,
                        "created",
                        row.get("sys_id", ""),
                        record.target_type,
                        str(row.get("sys_mod_count", "0")),
                    )
                else:
                    results[record.record_id] = ItemResult(
                        record.record_id, False, error=error_text(status, body)
                    )
            waiting = []
        return results

    def find(self, writes: list[Write]) -> dict[str, ItemResult]:
        """Records an earlier attempt created, by the sys_id it gave them (one call)."""
        queries = [
            (w.record.target_type, f"sys_id={own_sys_id(w)}", ["sys_id", "sys_mod_count"]) for w in writes
        ]
        found = {}
        for write, rows in zip(writes, records_many(self.client, queries), strict=True):
            if rows:
                record = write.record
                found[record.record_id] = ItemResult(
                    record.record_id,
                    True,
                    "found",
                    rows[0]["sys_id"],
                    record.target_type,
                    str(rows[0].get("sys_mod_count", "")),
                )
        return found

    def coverage(self, landed: list[tuple[Write, ItemResult]]) -> dict[str, tuple[RelationResult, ...]]:
        """Each contract's "CIs covered" (contract_rel_ci rows): read in one call, the missing ones
        created in one call, never twice."""
        if not landed:
            return {}
        queries = [
            (mapping.CONTRACT_CI_TABLE, f"contract={r.target_id}", ["sys_id", "ci_item"]) for _w, r in landed
        ]
        results: dict[str, list[RelationResult]] = {}
        missing = []
        for (write, result), rows in zip(landed, records_many(self.client, queries), strict=True):
            existing = {row.get("ci_item", ""): row["sys_id"] for row in rows}
            results[write.record.record_id] = []
            for relation, _parent, child in write.relations:
                if child is None:
                    continue
                if child.id in existing:
                    results[write.record.record_id].append(
                        RelationResult(
                            relation, True, existing[child.id], False, target_type=mapping.CONTRACT_CI_TABLE
                        )
                    )
                else:
                    missing.append((write.record.record_id, relation, result.target_id, child.id))
        if missing:
            calls = [
                ("POST", _path(mapping.CONTRACT_CI_TABLE), {"contract": contract, "ci_item": ci})
                for _rid, _relation, contract, ci in missing
            ]
            try:
                answers = batch(self.client, calls, repeatable=False)
            except FATAL:
                raise
            except TargetError as exc:  # the next publish reads what landed and adds the rest
                answers = [(0, {"error": {"message": str(exc)}}, {})] * len(calls)
            for (record_id, relation, _contract, _ci), (status, body, _h) in zip(
                missing, answers, strict=True
            ):
                if status == 201 and isinstance(body, dict):
                    sys_id = body.get("result", {}).get("sys_id", "")
                    link = RelationResult(relation, True, sys_id, True, target_type=mapping.CONTRACT_CI_TABLE)
                else:
                    link = RelationResult(relation, False, error=error_text(status, body))
                results[record_id].append(link)
        return {record_id: tuple(links) for record_id, links in results.items()}
