"""What the subscribe side reads back from a target: assets it discovered, records of the kinds the
portfolio publishes, deletions, and webhook deliveries. Part of the platform contract (re-exported by
`integrations.base.platform`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from integrations.base.platform import TargetRef

# The kinds of discovered assets a platform reports (`Discovered.item_type`).
DISCOVERED_TYPES = (
    "server",
    "virtual_machine",
    "computer",
    "network_device",
    "storage",
    "cloud_instance",
    "container_host",
    "other",
)


@dataclass(frozen=True)
class Discovered:
    """An asset the target discovered on its own (a server, a computer), as the subscribe side pulls it
    into the portfolio. Plain strings ("" when the target holds nothing); `service_end_date` is an ISO
    date; `links` are the target ids of the records the asset is linked to (those the portfolio
    published, e.g. its deployments, are found through the sync map)."""

    target_id: str
    name: str
    item_type: str = "other"  # one of DISCOVERED_TYPES
    manufacturer: str = ""
    model: str = ""
    serial_number: str = ""
    operating_system: str = ""
    os_version: str = ""
    os_license: str = ""
    location: str = ""
    service_end_date: str = ""
    links: tuple[str, ...] = ()
    target_type: str = ""
    updated_on: str = ""  # the target's own update time, "YYYY-MM-DD HH:MM:SS" UTC (a pull's watermark)
    retired: bool = False  # the target marks it retired: flagged, never applied automatically


@dataclass(frozen=True)
class Pulled:
    """A record of a kind the portfolio publishes (a business application, a service instance, an
    offering), as subscribe reads it back from the target, published by the portfolio or not. `values`
    are the target's own fields as `read` returns them (so they compare with the sync map's last values
    and the plan's); `parents` are the target ids of the records it hangs under (a service instance's
    business applications, an offering's service)."""

    kind: str  # a sync RecordKind value: "application", "deployment", "it_service"
    ref: TargetRef
    name: str
    values: dict[str, str]
    parents: tuple[str, ...] = ()
    updated_on: str = ""  # as Discovered.updated_on
    retired: bool = False


@dataclass(frozen=True)
class Deleted:
    """A target record deleted since a time (ServiceNow's `sys_audit_delete`): flagged, never applied."""

    ref: TargetRef
    deleted_on: str = ""


@dataclass(frozen=True)
class WebhookEvent:
    """A webhook delivery the target sent, read from its body: `event_id` makes receiving idempotent;
    `target_ids` are the records it says changed (to be read again through the API, never trusted from
    the body); a test delivery changes nothing."""

    event_id: str
    name: str
    target_ids: tuple[str, ...] = ()
    test: bool = False
