"""Change requests in ServiceNow: the Table API on `change_request` (lookups of groups, standard change
templates and parent changes by name or number), the Attachment API, and the walk through the state
model one step at a time, since the instance refuses skipped states: the steps of one walk travel in one
Batch API call. Group and template names are looked up once per `LOOKUP_SECONDS` per instance, as seed
003 advises (they seldom change)."""

import re
import threading
import time
from typing import Any
from urllib.parse import urlencode

from integrations.base import changes as contract
from integrations.base.changes import (
    AttachmentInfo,
    ChangeApi,
    ChangeInput,
    ChangeRefused,
    ChangeState,
    UnknownReference,
)
from integrations.base.errors import Forbidden, NotFound, TargetError, UnexpectedResponse

from .batch_api import batch, error_text
from .client import ServiceNowClient

TABLE = "change_request"
TEMPLATES = "std_change_producer_version"
SYS_ID = re.compile(r"[0-9a-f]{32}")
FIELDS = "sys_id,number,type,state,approval,cmdb_ci,close_code,sys_updated_on"
# After create, the state that asks for approval; on implement, the steps from there to Implement.
APPROVAL_STATE = {"normal": contract.ASSESS, "emergency": contract.AUTHORIZE}
MODELS = {
    "normal": [
        contract.NEW,
        contract.ASSESS,
        contract.AUTHORIZE,
        contract.SCHEDULED,
        contract.IMPLEMENT,
        contract.REVIEW,
        contract.CLOSED,
    ],
    "standard": [contract.NEW, contract.SCHEDULED, contract.IMPLEMENT, contract.REVIEW, contract.CLOSED],
    "emergency": [
        contract.NEW,
        contract.AUTHORIZE,
        contract.SCHEDULED,
        contract.IMPLEMENT,
        contract.REVIEW,
        contract.CLOSED,
    ],
}
TEXT_FIELDS = (
    "short_description",
    "description",
    "implementation_plan",
    "backout_plan",
    "test_plan",
    "justification",
    "risk",
    "impact",
    "priority",
    "start_date",
    "end_date",
)


LOOKUP_SECONDS = 600
LOOKUPS: dict[tuple[str, str, str], tuple[str, float]] = {}  # (instance, table, query) → (sys_id, until)
LOOKUPS_LOCK = threading.Lock()


def _value(value: Any) -> str:
    if isinstance(value, dict):  # a reference with its link
        return str(value.get("value", ""))
    return "" if value is None else str(value)


def _query_value(value: str) -> str:
    """A value inside an encoded query: `^` separates conditions, so it is doubled as ServiceNow does."""
    return value.replace("^", "^^")


class ServiceNowChanges(ChangeApi):
    def __init__(self, client: ServiceNowClient) -> None:
        self.client = client

    def url(self, sys_id: str) -> str:
        return f"{self.client.base_url}/nav_to.do?uri={TABLE}.do?sys_id={sys_id}"

    def state_of(self, row: Any) -> ChangeState:
        if not isinstance(row, dict) or not _value(row.get("sys_id")) or not _value(row.get("number")):
            raise UnexpectedResponse("ServiceNow answered no change request", detail=str(row)[:200])
        state = _value(row.get("state"))
        return ChangeState(
            sys_id=_value(row.get("sys_id")),
            number=_value(row.get("number")),
            type=_value(row.get("type")) or "normal",
            state=state,
            state_label=contract.STATE_LABELS.get(state, state),
            approval=_value(row.get("approval")),
            cmdb_ci=_value(row.get("cmdb_ci")),
            close_code=_value(row.get("close_code")),
            updated_on=_value(row.get("sys_updated_on")),
            url=self.url(_value(row.get("sys_id"))),
        )

    def _lookup(self, table: str, query: str, field: str, message: str, cached: bool = True) -> str:
        key = (self.client.base_url, table, query)
        with LOOKUPS_LOCK:
            found, until = LOOKUPS.get(key, ("", 0.0))
        if cached and found and until > time.monotonic():
            return found
        rows = self._call(
            "GET",
            f"/api/now/table/{table}",
            params={"sysparm_query": query, "sysparm_fields": "sys_id", "sysparm_limit": 1},
        )
        if not rows:
            raise UnknownReference(field, message)
        found = _value(rows[0].get("sys_id"))
        if cached:
            with LOOKUPS_LOCK:
                LOOKUPS[key] = (found, time.monotonic() + LOOKUP_SECONDS)
        return found

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        """One call; a refusal by the change model (403 "Operation Failed") becomes `ChangeRefused` with the
        instance's own words."""
        try:
            body = self.client.json(method, path, **kwargs)
        except Forbidden as exc:
            if "Operation Failed" in exc.detail:
                words = exc.detail.split(": ", 1)[-1]
                raise ChangeRefused(words, status=exc.status, method=method, path=path) from None
            raise
        return (body or {}).get("result")

    def _patch(self, sys_id: str, values: dict[str, str]) -> ChangeState:
        row = self._call(
            "PATCH",
            f"/api/now/table/{TABLE}/{sys_id}",
            params={"sysparm_fields": FIELDS, "sysparm_exclude_reference_link": "true"},
            payload=values,
        )
        return self.state_of(row)

    def create(self, change: ChangeInput) -> ChangeState:
        values: dict[str, str] = {"type": change.type}
        values.update({name: getattr(change, name) for name in TEXT_FIELDS if getattr(change, name)})
        if change.cmdb_ci:
            values["cmdb_ci"] = change.cmdb_ci
        if change.assignment_group:
            values["assignment_group"] = self._lookup(
                "sys_user_group",
                f"name={_query_value(change.assignment_group)}",
                "assignment_group",
                f"ServiceNow has no assignment group named “{change.assignment_group}”.",
            )
        if change.type == "standard" and change.template:
            values["std_change_producer_version"] = self._lookup(
                TEMPLATES,
                f"std_change_producer.name={_query_value(change.template)}^ORDERBYDESCversion",
                "template",
                f"ServiceNow has no standard change template named “{change.template}”.",
            )
        if change.parent:
            values["parent"] = (
                change.parent
                if SYS_ID.fullmatch(change.parent)
                else self._lookup(
                    TABLE,
                    f"number={_query_value(change.parent)}",
                    "parent",
                    f"ServiceNow has no change request {change.parent}.",
                    cached=False,
                )
            )
        row = self._call(
            "POST",
            f"/api/now/table/{TABLE}",
            params={"sysparm_fields": FIELDS, "sysparm_exclude_reference_link": "true"},
            payload=values,
        )
        return self.state_of(row)

    def request_approval(self, state: ChangeState) -> ChangeState:
        ask = APPROVAL_STATE.get(state.type)
        if ask and state.state == contract.NEW and state.approval in ("not requested", ""):
            return self._patch(state.sys_id, {"state": ask})
        return state

    def status(self, sys_id: str) -> ChangeState:
        row = self._call(
            "GET",
            f"/api/now/table/{TABLE}/{sys_id}",
            params={"sysparm_fields": FIELDS, "sysparm_exclude_reference_link": "true"},
        )
        return self.state_of(row)

    def find(self, number: str) -> ChangeState:
        rows = self._call(
            "GET",
            f"/api/now/table/{TABLE}",
            params={
                "sysparm_query": f"number={_query_value(number)}",
                "sysparm_fields": FIELDS,
                "sysparm_limit": 1,
                "sysparm_exclude_reference_link": "true",
            },
        )
        if not rows:
            raise NotFound(f"ServiceNow has no change request {number}.", status=404)
        return self.state_of(rows[0])

    def _walk(self, current: ChangeState, target: str, last: dict[str, str] | None = None) -> ChangeState:
        """Move state by state to `target` (`last` goes with the final step)."""
        model = MODELS.get(current.type, MODELS["normal"])
        if current.state not in model or target not in model:
            raise ChangeRefused(
                f"A {current.type} change in state {current.state_label} cannot move to "
                f"{contract.STATE_LABELS[target]}."
            )
        start, end = model.index(current.state), model.index(target)
        if end >= model.index(contract.SCHEDULED) > start and current.approval != "approved":
            approval = current.approval or "none"
            raise ChangeRefused(
                f"The change is not approved (state {current.state_label}, approval {approval}): "
                f"it cannot move to {contract.STATE_LABELS[target]}."
            )
        if start == end and not last:
            return current
        if start == end:
            raise ChangeRefused(f"The change is already {current.state_label}.")
        if start > end:
            raise ChangeRefused(
                f"The change is already {current.state_label}, past {contract.STATE_LABELS[target]}."
            )
        steps = [
            {"state": step, **((last or {}) if step == target else {})} for step in model[start + 1 : end + 1]
        ]
        moved = self._patch(current.sys_id, steps[0]) if len(steps) == 1 else self._patch_all(current, steps)
        if moved.state != target:  # answered 200, yet not there (a rule or an ACL kept the state)
            raise ChangeRefused(
                f"ServiceNow kept the change in {moved.state_label}; it did not move to "
                f"{contract.STATE_LABELS[target]}."
            )
        return moved

    def _patch_all(self, current: ChangeState, steps: list[dict[str, str]]) -> ChangeState:
        """The steps in one Batch API call (`/api/now/batch`: never sent twice). The instance carries out
        every step even after one is refused; each moves the change only towards the target, so the walk
        succeeded when the last step did (a stale starting state only makes the first steps fail)."""
        query = urlencode({"sysparm_fields": FIELDS, "sysparm_exclude_reference_link": "true"})
        path = f"/api/now/table/{TABLE}/{current.sys_id}?{query}"
        answers = batch(self.client, [("PATCH", path, values) for values in steps], repeatable=False)
        refused: TargetError | None = None
        for status, body, _headers in answers:
            if status == 200 and isinstance(body, dict):
                current, refused = self.state_of(body.get("result") or {}), None
                continue
            error = body.get("error") if isinstance(body, dict) else None
            if refused is not None:  # the first refusal since the last step that moved says why
                continue
            if status == 403 and isinstance(error, dict) and error.get("message") == "Operation Failed":
                refused = ChangeRefused(str(error.get("detail") or "Operation Failed"), status=403)
            else:
                refused = TargetError(f"ServiceNow refused a step: {error_text(status, body)}", status=status)
        if refused is not None:
            raise refused
        return current

    def _walk_from(
        self, sys_id: str, known: ChangeState | None, target: str, last: dict[str, str] | None = None
    ) -> ChangeState:
        if known is not None:
            try:
                return self._walk(known, target, last)
            except ChangeRefused:
                pass  # perhaps not where we last saw it: read it and walk from where it is
        return self._walk(self.status(sys_id), target, last)

    def implement(self, sys_id: str, known: ChangeState | None = None) -> ChangeState:
        if known is not None and known.state == contract.IMPLEMENT:
            known = None
        return self._walk_from(sys_id, known, contract.IMPLEMENT)

    def work_note(self, sys_id: str, text: str) -> None:
        self._call(
            "PATCH",
            f"/api/now/table/{TABLE}/{sys_id}",
            params={"sysparm_fields": "sys_id"},
            payload={"work_notes": text},
        )

    def attach(self, sys_id: str, file_name: str, content: bytes, content_type: str) -> AttachmentInfo:
        path = "/api/now/attachment/file"
        params = {"table_name": TABLE, "table_sys_id": sys_id, "file_name": file_name}
        try:
            response = self.client.request(
                "POST", path, params=params, data=content, content_type=content_type
            )
        except Forbidden as exc:
            raise ChangeRefused(exc.detail or exc.message, status=exc.status) from None
        row = response.json().get("result") or {}
        return self._attachment(row, response.headers.get("Location", ""))

    def _attachment(self, row: dict[str, Any], location: str = "") -> AttachmentInfo:
        sys_id = _value(row.get("sys_id"))
        # an instance's Location already names the file (`…/api/now/v1/attachment/<id>/file`)
        if location and not location.endswith("/file"):
            location = f"{location}/file"
        link = (
            _value(row.get("download_link"))
            or location
            or (f"{self.client.base_url}/api/now/attachment/{sys_id}/file")
        )
        size = _value(row.get("size_bytes"))
        return AttachmentInfo(
            sys_id=sys_id,
            file_name=_value(row.get("file_name")),
            size_bytes=int(size) if size.isdigit() else 0,
            content_type=_value(row.get("content_type")),
            download_link=link,
        )

    def attachments(self, sys_id: str) -> list[AttachmentInfo]:
        rows = self._call(
            "GET",
            "/api/now/attachment",
            params={"sysparm_query": f"table_name={TABLE}^table_sys_id={sys_id}", "sysparm_limit": 100},
        )
        return [self._attachment(row) for row in rows or []]

    def close(self, sys_id: str, code: str, notes: str, known: ChangeState | None = None) -> ChangeState:
        return self._walk_from(sys_id, known, contract.CLOSED, {"close_code": code, "close_notes": notes})
