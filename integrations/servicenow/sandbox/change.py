"""Change requests: the normal, standard and emergency state models, approvals and closing rules."""

import time
from datetime import UTC, datetime
from typing import Any

from . import errors
from .change_catalog import apply_template
from .context import Caller
from .records import Records

NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED, CANCELED = (
    "-5",
    "-4",
    "-3",
    "-2",
    "-1",
    "0",
    "3",
    "4",
)
LABELS = {
    NEW: "New",
    ASSESS: "Assess",
    AUTHORIZE: "Authorize",
    SCHEDULED: "Scheduled",
    IMPLEMENT: "Implement",
    REVIEW: "Review",
    CLOSED: "Closed",
    CANCELED: "Canceled",
}
MODELS = {
    "normal": [NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
    "standard": [NEW, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
    "emergency": [NEW, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
}
CLOSE_CODES = {"successful", "successful_issues", "unsuccessful"}
APPROVERS = {"admin", "approver_user", "itil_admin"}


class ChangeRules:
    """`approval_delay` seconds after approval is requested, the sandbox's approver approves (None: only
    an approver user does, through the Table API). A change whose short description contains
    `reject_matching` (any case) is rejected instead, after `approval_delay` or at once if that is None."""

    def __init__(
        self, records: Records, approval_delay: float | None, reject_matching: str | None = None
    ) -> None:
        self.records = records
        self.approval_delay = approval_delay
        self.reject_matching = reject_matching or None

    def before_insert(self, values: dict[str, Any], caller: Caller) -> dict[str, Any]:
        kind = str(values.get("type") or "normal")
        if kind not in MODELS:
            raise errors.operation_failed(f"Invalid change type “{kind}”; use normal, standard or emergency.")
        state = str(values.get("state") or NEW)
        if state != NEW:
            raise errors.operation_failed(
                f"A new change request starts in state New, not {LABELS.get(state, state)}."
            )
        if "approval" in values and not caller.has_any(APPROVERS):
            raise errors.acl_denied("Insert")
        if kind == "standard":
            values = apply_template(self.records, values)
        values = {**values, "type": kind, "state": NEW, "opened_by": caller.sys_id, "opened_at": _now()}
        values["approval"] = "approved" if kind == "standard" else "not requested"
        return values

    def before_update(self, record: dict[str, str], values: dict[str, Any], caller: Caller) -> dict[str, Any]:
        values = dict(values)
        kind = record.get("type") or "normal"
        if "type" in values and str(values["type"]) != kind:
            raise errors.operation_failed("The type of a change request cannot be changed.")
        if "approval" in values and str(values["approval"]) != record.get("approval"):
            if not caller.has_any(APPROVERS):
                raise errors.operation_failed("Only an approver can approve or reject a change request.")
            if str(values["approval"]) == "rejected":
                values["state"] = NEW if kind != "standard" else record.get("state")
        old, new = record.get("state", NEW), str(values.get("state", record.get("state", NEW)))
        if new != old:
            self.check_transition(kind, old, new, {**record, **{k: str(v) for k, v in values.items()}})
            if new in (CLOSED, CANCELED):
                values["active"] = "false"
        entering_approval = new != old and new in (ASSESS, AUTHORIZE)
        if (
            entering_approval
            and kind != "standard"
            and record.get("approval") in ("not requested", "rejected")
        ):
            values.setdefault("approval", "requested")
        return values

    def check_transition(self, kind: str, old: str, new: str, merged: dict[str, str]) -> None:
        model = MODELS[kind]
        name = f"{LABELS.get(old, old)} → {LABELS.get(new, new)}"
        if new == CANCELED:
            if old in (REVIEW, CLOSED, CANCELED):
                raise errors.operation_failed(
                    f"Invalid state transition {name}: only open changes before Review can be canceled."
                )
            return
        if old not in model or new not in model or model.index(new) != model.index(old) + 1:
            raise errors.operation_failed(f"Invalid state transition {name} for a {kind} change.")
        if new == SCHEDULED and merged.get("approval") != "approved":
            raise errors.operation_failed(f"Invalid state transition {name}: the change is not approved.")
        if new == CLOSED and (merged.get("close_code") not in CLOSE_CODES or not merged.get("close_notes")):
            raise errors.operation_failed(
                "Close code and close notes are required to close a change request."
            )

    def after_change(self, record: dict[str, str], caller: Caller) -> None:
        """Keep one approval record per requested change, as the approval engine does."""
        if record.get("approval") != "requested":
            return
        store = self.records.store
        pending = [r for _, r in store.scan("sysapproval_approver") if r.get("state") == "requested"]
        if any(r.get("sysapproval") == record["sys_id"] for r in pending):
            return
        approver = next(
            (r["sys_id"] for _, r in store.scan("sys_user") if "approver_user" in r.get("roles", "")), ""
        )
        approval = self.records.create(
            "sysapproval_approver",
            {"approver": approver, "sysapproval": record["sys_id"], "state": "requested"},
            "system",
        )
        store.set_meta(f"approval-requested:{approval['sys_id']}", repr(time.time()))

    def automatic(self, record: dict[str, str]) -> tuple[str, float] | None:
        """The automatic decision on a requested change and its delay, if the sandbox makes one."""
        text = self.reject_matching
        if text and text.lower() in record.get("short_description", "").lower():
            return "rejected", self.approval_delay or 0.0
        if self.approval_delay is not None:
            return "approved", self.approval_delay
        return None

    def settle(self, record: dict[str, str]) -> None:
        """Apply the automatic decision once its delay has passed since the approval was requested
        (evaluated whenever the change or its approval is read or written)."""
        decision = self.automatic(record) if record.get("approval") == "requested" else None
        if decision is None:
            return
        state, delay = decision
        store = self.records.store
        for _, approval in store.scan("sysapproval_approver"):
            if approval.get("sysapproval") == record["sys_id"] and approval.get("state") == "requested":
                requested = float(store.meta(f"approval-requested:{approval['sys_id']}", "0"))
                if time.time() - requested >= delay:
                    comment = f"Automatically {state} by the sandbox"
                    if state == "rejected":
                        comment += f" (the short description contains “{self.reject_matching}”)"
                    self.decide(approval, state, comment)

    def settle_all(self) -> None:
        """Settle every change waiting for approval (before a list read of changes or approvals)."""
        if self.approval_delay is None and self.reject_matching is None:
            return
        store = self.records.store
        waiting = {
            r.get("sysapproval")
            for _, r in store.scan("sysapproval_approver")
            if r.get("state") == "requested"
        }
        for sys_id in waiting:
            found = store.locate("change_request", sys_id or "")
            if found is not None:
                self.settle(found[1])

    def decide(self, approval: dict[str, str], state: str, comments: str = "") -> None:
        """An approver's decision, applied to the approval and to its change."""
        values = {"state": state, **({"comments": comments} if comments else {})}
        self.records.update("sysapproval_approver", approval, values, "system")
        found = self.records.store.locate("change_request", approval.get("sysapproval", ""))
        if found is None:
            return
        change = found[1]
        values = {"approval": state}
        if state == "rejected" and change.get("type") != "standard":
            values["state"] = NEW
        self.records.update("change_request", change, values, "system")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
