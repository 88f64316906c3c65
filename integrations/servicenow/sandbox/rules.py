"""The sandbox's business rules: what a real instance enforces on the tables the product writes, then the
rules kept as data in `sys_script` (business_rules.py)."""

from typing import Any

from . import catalog_request, errors, incident
from .business_rules import ScriptedRules
from .change import APPROVERS, ChangeRules
from .context import Caller
from .dictionary import is_ci_class
from .records import Records


class Rules:
    def __init__(self, records: Records, change: ChangeRules) -> None:
        self.records = records
        self.change = change
        self.scripted = ScriptedRules(records)

    def before_read(self, table: str, record: dict[str, str]) -> None:
        if table == "change_request":
            self.change.settle(record)
        if table == "sysapproval_approver":
            found = self.records.store.locate("change_request", record.get("sysapproval", ""))
            if found is not None:
                self.change.settle(found[1])

    def before_list(self, table: str) -> None:
        if table in ("change_request", "task", "sysapproval_approver"):
            self.change.settle_all()

    def before_insert(self, table: str, values: dict[str, Any], caller: Caller) -> dict[str, Any]:
        values = self.builtin_before_insert(table, values, caller)
        return self.scripted.before(table, "insert", self.scripted.candidate(table, None, values), values)

    def builtin_before_insert(self, table: str, values: dict[str, Any], caller: Caller) -> dict[str, Any]:
        if table == "cmdb_rel_ci":
            values = self.relationship_type(values)
            self.check_relationship(values)
        if table == "change_request":
            return self.change.before_insert(values, caller)
        if table == "incident":
            return incident.before_insert(values, caller)
        if table == "sc_request":
            values = catalog_request.before_write({"approval": "not requested"}, values)
        if incident.is_task(table):
            return incident.task_defaults(values, caller)
        return values

    def before_update(
        self, table: str, record: dict[str, str], values: dict[str, Any], caller: Caller
    ) -> dict[str, Any]:
        values = self.builtin_before_update(table, record, values, caller)
        return self.scripted.before(table, "update", self.scripted.candidate(table, record, values), values)

    def before_delete(self, table: str, record: dict[str, str]) -> None:
        self.scripted.before(table, "delete", record, {})

    def builtin_before_update(
        self, table: str, record: dict[str, str], values: dict[str, Any], caller: Caller
    ) -> dict[str, Any]:
        if table == "cmdb_rel_ci":
            values = self.relationship_type(values)
            self.check_relationship({**record, **values})
        if table == "change_request":
            return self.change.before_update(record, values, caller)
        if table == "incident":
            return incident.before_update(record, values, caller)
        if table == "sc_request":
            return catalog_request.before_write(record, values)
        if table == "sysapproval_approver" and "state" in values and not caller.has_any(APPROVERS):
            raise errors.operation_failed("Only an approver can decide an approval.")
        return values

    def after_insert(self, table: str, record: dict[str, str], caller: Caller) -> None:
        if table == "change_request":
            self.change.after_change(record, caller)

    def after_update(self, table: str, old: dict[str, str], new: dict[str, str], caller: Caller) -> None:
        if table == "change_request":
            self.change.after_change(new, caller)
        decided = new.get("state") in ("approved", "rejected") and old.get("state") != new.get("state")
        if table == "sysapproval_approver" and decided:
            self.change.decide(new, new["state"])

    def after_delete(self, table: str, record: dict[str, str]) -> None:
        """Deleting a record deletes its attachments; deleting a CI deletes its relationships (the cascade
        rule of cmdb_rel_ci's parent and child)."""
        for _, attachment in list(self.records.store.scan("sys_attachment")):
            if attachment.get("table_sys_id") == record["sys_id"]:
                self.records.store.remove("sys_attachment", attachment["sys_id"])
        if not is_ci_class(table):
            return
        for _, rel in list(self.records.store.scan("cmdb_rel_ci")):
            if record["sys_id"] in (rel.get("parent"), rel.get("child")):
                self.records.store.remove("cmdb_rel_ci", rel["sys_id"])
                self.records.audit_delete("cmdb_rel_ci", rel, "system")

    def relationship_type(self, values: dict[str, Any]) -> dict[str, Any]:
        """A reference field takes a sys_id or the referenced record's display value: a relationship's
        type may be given by name ("Depends on::Used by")."""
        given = str(values.get("type") or "")
        if not given or self.records.store.locate("cmdb_rel_type", given) is not None:
            return values
        for _, row in self.records.store.scan("cmdb_rel_type"):
            if row.get("name") == given:
                return {**values, "type": row["sys_id"]}
        return values

    def check_relationship(self, values: dict[str, Any]) -> None:
        """A CI relationship joins two configuration items; anything else (a product model, a user…) is
        refused, as the instance's reference qualifiers and business rules do."""
        for end in ("parent", "child"):
            sys_id = str(values.get(end) or "")
            if not sys_id or self.records.store.locate("cmdb_ci", sys_id) is None:
                raise errors.operation_failed(
                    f"Invalid {end}: {sys_id or '(empty)'} is not a configuration item (cmdb_ci)"
                )
        if not self.records.store.locate("cmdb_rel_type", str(values.get("type") or "")):
            raise errors.operation_failed("Invalid type: not a CI relationship type (cmdb_rel_type)")
