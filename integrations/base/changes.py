"""The change-request part of the platform contract: the plain data a pipeline sends and reads back, and
the one verdict a pipeline acts on. Platforms that manage changes implement `ChangeApi`; the verdict is
decided here so every platform's states mean the same thing to a pipeline."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from integrations.base.errors import TargetError

CHANGE_TYPES = ("normal", "standard", "emergency")
CLOSE_CODES = ("successful", "successful_issues", "unsuccessful")

# The ServiceNow state model (seed 003), the common language of the contract.
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
STATE_LABELS = {
    NEW: "New",
    ASSESS: "Assess",
    AUTHORIZE: "Authorize",
    SCHEDULED: "Scheduled",
    IMPLEMENT: "Implement",
    REVIEW: "Review",
    CLOSED: "Closed",
    CANCELED: "Canceled",
}
PROCEED_STATES = frozenset({SCHEDULED, IMPLEMENT, REVIEW, CLOSED})

WAIT, PROCEED, ABORT = "wait", "proceed", "abort"


class ChangeRefused(TargetError):
    """The platform refused an operation on a change by its rules (e.g. an invalid state transition)."""


class UnknownReference(TargetError):
    """A name the request gave (group, template, parent change) that the target does not know."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def remote_message(error: TargetError) -> str:
    """The target's own words, for a pipeline's log."""
    return ": ".join(part for part in (error.message, error.detail) if part)


@dataclass(frozen=True)
class ChangeInput:
    type: str = "normal"
    template: str = ""
    short_description: str = ""
    description: str = ""
    implementation_plan: str = ""
    backout_plan: str = ""
    test_plan: str = ""
    justification: str = ""
    risk: str = ""
    impact: str = ""
    priority: str = ""
    assignment_group: str = ""  # a group's name, looked up in the target
    start_date: str = ""  # "YYYY-MM-DD HH:MM:SS", UTC
    end_date: str = ""
    parent: str = ""  # a change's sys_id or number (a rollback change)
    cmdb_ci: str = ""  # the target id of the deployment's record


@dataclass(frozen=True)
class ChangeState:
    sys_id: str
    number: str
    type: str
    state: str
    state_label: str
    approval: str
    cmdb_ci: str = ""
    close_code: str = ""
    updated_on: str = ""
    url: str = ""


@dataclass(frozen=True)
class AttachmentInfo:
    sys_id: str
    file_name: str
    size_bytes: int
    content_type: str
    download_link: str


def verdict(state: ChangeState) -> str:
    """What a waiting pipeline does: abort on a rejection or a cancellation, proceed once approved (or
    past approval in the state model), wait otherwise."""
    if state.approval == "rejected" or state.state == CANCELED:
        return ABORT
    if state.approval == "approved" or state.state in PROCEED_STATES:
        return PROCEED
    return WAIT


class ChangeApi(ABC):
    """Change requests in one target, over that platform's client. Every error keeps the remote
    system's message (`TargetError`, `ChangeRefused` for a refusal by the change model)."""

    @abstractmethod
    def create(self, change: ChangeInput) -> ChangeState:
        """Create the change (in state New); `request_approval` then starts its approval."""

    @abstractmethod
    def request_approval(self, state: ChangeState) -> ChangeState:
        """Move a new change that needs an approval to the state that asks for it (a change that needs
        none, or has left New, is returned as it is)."""

    @abstractmethod
    def status(self, sys_id: str) -> ChangeState: ...

    @abstractmethod
    def find(self, number: str) -> ChangeState:
        """A change by its number (NotFound when there is none)."""

    @abstractmethod
    def implement(self, sys_id: str, known: ChangeState | None = None) -> ChangeState:
        """Move an approved change to Implement (from `known`, its last known state, when given: one read
        fewer; a stale one costs that read after the target's refusal)."""

    @abstractmethod
    def work_note(self, sys_id: str, text: str) -> None: ...

    @abstractmethod
    def attach(self, sys_id: str, file_name: str, content: bytes, content_type: str) -> AttachmentInfo: ...

    @abstractmethod
    def attachments(self, sys_id: str) -> list[AttachmentInfo]: ...

    @abstractmethod
    def close(self, sys_id: str, code: str, notes: str, known: ChangeState | None = None) -> ChangeState:
        """Move an implemented change through Review to Closed with a close code and notes."""
