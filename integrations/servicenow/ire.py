"""Parsed Identification and Reconciliation answers: one result per item and per relation."""

from dataclasses import dataclass, field
from typing import Any

from .exceptions import UnexpectedResponse


@dataclass(frozen=True)
class IreOutcome:
    class_name: str
    operation: str  # INSERT, UPDATE, NO_CHANGE, UPDATE_WITH_…; "" when it failed
    sys_id: str  # "" when unknown
    errors: tuple[tuple[str, str], ...] = ()  # (code, message)
    attempts: tuple[dict[str, Any], ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class IreResult:
    items: list[IreOutcome] = field(default_factory=list)
    relations: list[IreOutcome] = field(default_factory=list)


def _outcome(entry: dict[str, Any], default_class: str = "") -> IreOutcome:
    sys_id = str(entry.get("sysId") or "")
    errors = tuple((str(e.get("error", "")), str(e.get("message", ""))) for e in entry.get("errors") or [])
    return IreOutcome(
        class_name=str(entry.get("className") or default_class),
        operation=str(entry.get("operation") or ""),
        sys_id="" if sys_id == "Unknown" else sys_id,
        errors=errors,
        attempts=tuple(entry.get("identificationAttempts") or ()),
    )


def parse_ire(body: Any) -> IreResult:
    try:
        result = body["result"]
        return IreResult(
            items=[_outcome(entry) for entry in result.get("items", [])],
            relations=[_outcome(entry, "cmdb_rel_ci") for entry in result.get("relations", [])],
        )
    except (TypeError, KeyError, AttributeError):
        raise UnexpectedResponse(
            "The Identify and Reconcile answer has no result", detail=str(body)[:200]
        ) from None
