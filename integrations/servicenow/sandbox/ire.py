"""Identification and Reconciliation (`/api/now/identifyreconcile[/query|/enhanced|/queryEnhanced]`).

Identification: a `sys_id` in the values, then the source native key (`sys_object_source`), then the
class's identification rule (`cmdb_identifier` + `cmdb_identifier_entry`, inherited from the nearest
ancestor class). Reconciliation: `cmdb_reconciliation_definition` rows decide which data source may
update which attributes. Item failures come back inside a 200, as on an instance.
"""

from dataclasses import dataclass, field
from typing import Any

from . import dictionary, errors
from .ire_relations import relate
from .reconciliation import Reconciler
from .records import Records, as_text, now

OPTION_KEYS = ("partial_payloads", "partial_commits", "deduplicate_payloads", "generate_summary")


@dataclass
class Outcome:
    class_name: str
    operation: str = ""
    sys_id: str = "Unknown"
    entry_sys_id: str = "Unknown"
    attempts: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    target: tuple[str, dict[str, str]] | None = None
    duplicates: list[str] = field(default_factory=list)

    def error(self, code: str, message: str) -> "Outcome":
        self.errors.append({"error": code, "message": message})
        return self


def parse_options(text: str) -> dict[str, bool]:
    options = {key: False for key in OPTION_KEYS}
    options["partial_payloads"] = True
    for chunk in filter(None, (c.strip() for c in (text or "").split(","))):
        key, sep, value = chunk.partition(":")
        if not sep or key not in OPTION_KEYS or value.lower() not in ("true", "false"):
            raise errors.ApiError(
                500, "Exception while executing request: null", f"Chunk [{chunk}] is not a valid entry"
            )
        options[key] = value.lower() == "true"
    return options


class IdentifyReconcile:
    def __init__(
        self,
        records: Records,
        skip_duplicates: bool = True,
        duplicate_threshold: int = 5,
        fold_case: bool = True,
    ) -> None:
        self.records = records
        self.store = records.store
        self.skip_duplicates = skip_duplicates
        self.duplicate_threshold = duplicate_threshold
        self.fold_case = fold_case
        self.reconciler = Reconciler(records)

    def run(
        self, payload: Any, data_source: str, *, commit: bool, enhanced: bool, options: str, user: str
    ) -> dict[str, Any]:
        chosen = parse_options(options) if enhanced else {}
        if not isinstance(payload, dict) or not isinstance(payload.get("items", []), list):
            raise errors.ApiError(
                400, "Exception while reading request", "The payload must be an object with an 'items' list"
            )
        items = payload.get("items") or []
        relations = payload.get("relations") or []
        with self.store.transaction():
            source_problem = self.source_problem(data_source)
            outcomes = [
                self.item(i, item, data_source, source_problem, commit, user) for i, item in enumerate(items)
            ]
            relation_results = relate(self.records, relations, items, outcomes, commit, user)
        result: dict[str, Any] = {
            "items": [self.item_result(i, o) for i, o in enumerate(outcomes)],
            "additionalCommittedItems": [],
            "relations": relation_results,
            "additionalCommittedRelations": [],
        }
        if enhanced:
            result["hasError"] = any(o.errors for o in outcomes) or any(
                r["errorCount"] for r in relation_results
            )
            result["hasWarning"] = any(o.warnings for o in outcomes)
            if chosen.get("generate_summary"):
                result["summary"] = self.summary(outcomes)
        return {"result": result}

    # Data source ---------------------------------------------------------------------------------------

    def source_problem(self, data_source: str) -> str:
        if not data_source:
            return (
                "In payload no data source exist. "
                "You need to provide choice value from choice field [discovery_source] in table [cmdb_ci]"
            )
        for _, row in self.store.scan("sys_choice"):
            key = (row.get("name"), row.get("element"), row.get("value"))
            if key == ("cmdb_ci", "discovery_source", data_source) and row.get("inactive") != "true":
                return ""
        return (
            f"In payload invalid data source [{data_source}] exist. "
            "You need to provide a valid choice value from field [discovery_source] in table [cmdb_ci]"
        )

    # Items ---------------------------------------------------------------------------------------------

    def item(
        self, index: int, item: Any, source: str, source_problem: str, commit: bool, user: str
    ) -> Outcome:
        if not isinstance(item, dict):
            return Outcome("").error("INVALID_INPUT_DATA", f"Payload item [{index}] is not an object")
        class_name = str(item.get("className") or "")
        outcome = Outcome(class_name)
        if source_problem:
            return outcome.error("INVALID_INPUT_DATA", source_problem)
        if not class_name:
            return outcome.error(
                "NO_CLASS_NAME_FOR_INDEPENDENT_CI", f"Payload item [{index}] has no className"
            )
        if not dictionary.known(class_name) or not dictionary.is_ci_class(class_name):
            return outcome.error("INVALID_INPUT_DATA", f"Invalid className [{class_name}]: not a CMDB class")
        raw_values = item.get("values") or {}
        if not isinstance(raw_values, dict):
            return outcome.error("INVALID_INPUT_DATA", f"Payload item [{index}] values must be an object")
        values = {k: as_text(v) for k, v in raw_values.items() if not k.startswith("sys_") or k == "sys_id"}
        source_info = (
            item.get("sys_object_source_info") if isinstance(item.get("sys_object_source_info"), dict) else {}
        )
        self.identify(outcome, values, source_info)
        if outcome.errors:
            return outcome
        if outcome.target is None:
            outcome.operation = "INSERT"
            if commit:
                self.insert(outcome, values, source, user)
        else:
            self.reconcile_update(outcome, values, source, commit, user)
        if commit and outcome.sys_id != "Unknown":
            self.remember_source(source_info, outcome)
        return outcome

    def identify(self, outcome: Outcome, values: dict[str, str], source_info: dict[str, Any]) -> None:
        if values.get("sys_id"):
            found = self.store.locate("cmdb_ci", values["sys_id"])
            if found:
                outcome.target = found
                return
        name, key = str(source_info.get("source_name") or ""), str(source_info.get("source_native_key") or "")
        if name and key:
            found = self.by_native_key(name, key)
            outcome.attempts.append(
                _attempt(
                    "Source Native Key",
                    "MATCHED" if found else "NO_MATCH",
                    ["source_name", "source_native_key"],
                    "sys_object_source",
                )
            )
            if found:
                outcome.target = found
                return
        rule = self.rule_for(outcome.class_name)
        if rule is None:
            outcome.error(
                "IDENTIFICATION_RULE_MISSING", f"Identity Rule Missing for table [{outcome.class_name}]"
            )
            return
        tried = False
        for entry in self.entries(rule):
            attributes = [a.strip() for a in entry.get("attributes", "").split(",") if a.strip()]
            table = entry.get("table") or rule.get("applies_to")
            if not attributes or (
                entry.get("allow_null_attribute") != "true" and any(not values.get(a) for a in attributes)
            ):
                outcome.attempts.append(_attempt(rule.get("name", ""), "SKIPPED", attributes, table))
                continue
            tried = True
            candidates = self.candidates(table, attributes, values)
            result = "NO_MATCH" if not candidates else "MATCHED" if len(candidates) == 1 else "MULTI_MATCH"
            outcome.attempts.append(_attempt(rule.get("name", ""), result, attributes, table))
            if not candidates:
                continue
            outcome.entry_sys_id = entry["sys_id"]
            if len(candidates) > 1:
                if not self.skip_duplicates or len(candidates) >= self.duplicate_threshold:
                    outcome.error(
                        "MULTIPLE_DUPLICATE_RECORDS",
                        f"Found {len(candidates)} duplicate records in table [{table}] "
                        f"for attributes [{', '.join(attributes)}]",
                    )
                    return
                candidates.sort(
                    key=lambda c: c[1].get("sys_created_on", "")
                )  # stable: creation order breaks ties
                outcome.duplicates = [c[1]["sys_id"] for c in candidates[1:]]
                outcome.warnings.append(
                    {
                        "error": "MULTI_MATCH",
                        "message": f"{len(candidates)} duplicates found; the oldest was chosen",
                    }
                )
            outcome.target = candidates[0]
            return
        if not tried:
            outcome.error(
                "MISSING_MATCHING_ATTRIBUTES",
                "Payload is missing the attributes of every identifier entry of rule "
                f"[{rule.get('name', '')}]",
            )

    def by_native_key(self, name: str, key: str) -> tuple[str, dict[str, str]] | None:
        for _, row in self.store.scan("sys_object_source"):
            if row.get("name") == name and row.get("id") == key:
                return self.store.locate("cmdb_ci", row.get("target_sys_id", ""))
        return None

    def rule_for(self, class_name: str) -> dict[str, str] | None:
        """An instance allows one rule per class; where an imported rule joins an existing one (the
        checklist tells admins to deactivate one of them), the newest is used."""
        active = [r for _, r in self.store.scan("cmdb_identifier") if r.get("active") != "false"]
        active.sort(key=lambda r: (r.get("sys_updated_on", ""), r.get("sys_created_on", "")))
        rules = {r.get("applies_to"): r for r in active}
        return next((rules[c] for c in dictionary.ancestors(class_name) if c in rules), None)

    def entries(self, rule: dict[str, str]) -> list[dict[str, str]]:
        rows = [
            r
            for _, r in self.store.scan("cmdb_identifier_entry")
            if r.get("identifier") == rule["sys_id"] and r.get("active") != "false"
        ]
        return sorted(rows, key=lambda r: int(r.get("order") or 100))

    def candidates(
        self, table: str, attributes: list[str], values: dict[str, str]
    ) -> list[tuple[str, dict[str, str]]]:
        def same(a: str, b: str) -> bool:
            return a.lower() == b.lower() if self.fold_case else a == b

        return [
            (name, row)
            for name, row in self.store.scan(table or "cmdb_ci")
            if not row.get("duplicate_of")
            and all(same(row.get(a, ""), values.get(a, "")) for a in attributes)
        ]

    # Writes --------------------------------------------------------------------------------------------

    def insert(self, outcome: Outcome, values: dict[str, str], source: str, user: str) -> None:
        stamp = now()
        record = self.records.create(
            outcome.class_name,
            {"discovery_source": source, "first_discovered": stamp, "last_discovered": stamp, **values},
            user,
            sys_id=values.get("sys_id") or None,
        )
        outcome.sys_id = record["sys_id"]
        self.reconciler.note_authority(outcome.class_name, record["sys_id"], values, source)

    def reconcile_update(
        self, outcome: Outcome, values: dict[str, str], source: str, commit: bool, user: str
    ) -> None:
        table, record = outcome.target
        outcome.sys_id = record["sys_id"]
        operation = "UPDATE"
        if table != outcome.class_name:
            if outcome.class_name in dictionary.descendants(table):
                operation = "UPDATE_WITH_UPGRADE"
            elif table in dictionary.descendants(outcome.class_name):
                operation = "UPDATE_WITH_DOWNGRADE"
            else:
                operation = "UPDATE_WITH_SWITCH"
        # Only the attributes the item gives are reconciled (a partial item keeps the CI's other values);
        # fields the class does not have, and system fields, are ignored and change nothing.
        given = self.records.writable(outcome.class_name, values)
        allowed = self.reconciler.authoritative(outcome.class_name, record, given, source)
        changes = {k: v for k, v in allowed.items() if record.get(k, "") != v}
        if not changes and operation == "UPDATE":
            outcome.operation = "NO_CHANGE"
            return
        outcome.operation = operation
        if not commit:
            return
        if operation != "UPDATE":
            self.store.remove(table, record["sys_id"])
            record = {**record, "sys_class_name": outcome.class_name}
            self.store.put(outcome.class_name, record)
            table = outcome.class_name
        self.records.update(table, record, {**changes, "last_discovered": now()}, user)
        self.reconciler.note_authority(outcome.class_name, record["sys_id"], changes, source)
        for duplicate in outcome.duplicates:
            found = self.store.locate("cmdb_ci", duplicate)
            if found:
                self.records.update(found[0], found[1], {"duplicate_of": record["sys_id"]}, user)
        if outcome.duplicates:
            self.records.create(
                "reconcile_duplicate_task",
                {
                    "short_description": "Duplicate CIs found by identification",
                    "duplicate_cis": ",".join([record["sys_id"], *outcome.duplicates]),
                },
                user,
            )

    def remember_source(self, source_info: dict[str, Any], outcome: Outcome) -> None:
        name, key = str(source_info.get("source_name") or ""), str(source_info.get("source_native_key") or "")
        if not (name and key):
            return
        for _, row in self.store.scan("sys_object_source"):
            if row.get("name") == name and row.get("id") == key:
                if row.get("target_sys_id") != outcome.sys_id:
                    self.records.update("sys_object_source", row, {"target_sys_id": outcome.sys_id}, "system")
                return
        self.records.create(
            "sys_object_source",
            {
                "name": name,
                "id": key,
                "target_table": outcome.class_name,
                "target_sys_id": outcome.sys_id,
                "last_scan": now(),
            },
            "system",
        )

    # Response ------------------------------------------------------------------------------------------

    @staticmethod
    def item_result(index: int, o: Outcome) -> dict[str, Any]:
        result: dict[str, Any] = {
            "className": o.class_name,
            "operation": o.operation,
            "sysId": o.sys_id,
            "identifierEntrySysId": o.entry_sys_id,
            "identificationAttempts": o.attempts,
            "info": [],
            "relatedSysIds": [],
            "relatedItems": [],
            "additionalRelatedItems": [],
            "markers": [],
            "inputIndices": [index],
            "mergedPayloadIds": [],
            "errorCount": len(o.errors),
            "warningCount": len(o.warnings),
        }
        if o.errors:
            result.update(errors=o.errors, sysId="Unknown", identifierEntrySysId="Unknown")
        if o.warnings:
            result["warnings"] = o.warnings
        return result

    @staticmethod
    def summary(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
        summary: dict[str, dict[str, int]] = {}
        keys = (
            "inserted",
            "updated",
            "unchanged",
            "skipped",
            "partial",
            "incomplete",
            "mergedPartialPayloads",
            "additionalInserted",
            "warnings",
            "errors",
        )
        for o in outcomes:
            entry = summary.setdefault(o.class_name, dict.fromkeys(keys, 0))
            if o.errors:
                entry["errors"] += 1
            elif o.operation == "INSERT":
                entry["inserted"] += 1
            elif o.operation == "NO_CHANGE":
                entry["unchanged"] += 1
            else:
                entry["updated"] += 1
            entry["warnings"] += len(o.warnings)
        return summary


def _attempt(name: str, result: str, attributes: list[str], table: str) -> dict[str, Any]:
    return {
        "identifierName": name,
        "attemptResult": result,
        "attributes": attributes,
        "searchOnTable": table,
        "hybridEntryCiAttributes": [],
    }
