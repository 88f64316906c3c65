"""ServiceNow settings of a connection (kept in `Connection.options`), with their defaults and limits."""

from dataclasses import asdict, dataclass, fields
from typing import Any

CSDM_RELATIONSHIPS = {
    4: "Consumes::Consumed by",  # business application → service instance
    5: "Uses::Used by",
}
SERVICE_TO_OFFERING = "Depends on::Used by"


@dataclass(frozen=True)
class ServiceNowOptions:
    data_source: str = "PortfolioBridge"  # the discovery_source choice value the product writes as
    csdm_version: int = 5
    app_service_relationship: str = ""  # empty: the CSDM version's default
    service_offering_relationship: str = ""  # empty: Depends on::Used by
    ire_batch_size: int = 100
    max_calls_per_minute: int = 0  # 0: no client-side limit
    page_size: int = 1000
    reconciliation_priority: int = 200  # of the configuration package's reconciliation rules (lower wins)
    data_refresh_days: int = 2  # after this long without a publish, other sources may overwrite
    create_vendors: bool = False  # create a missing vendor (core_company) instead of leaving it out

    def __post_init__(self) -> None:
        problems = []
        if self.csdm_version not in CSDM_RELATIONSHIPS:
            problems.append("CSDM version must be 4 or 5.")
        if not 1 <= self.ire_batch_size <= 500:
            problems.append("IRE batch size must be between 1 and 500 items.")
        if not 1 <= self.page_size <= 2000:
            problems.append("Page size must be between 1 and 2000.")
        if self.max_calls_per_minute < 0:
            problems.append("Calls per minute cannot be negative.")
        if not 1 <= self.reconciliation_priority <= 1000:
            problems.append("Reconciliation priority must be between 1 and 1000.")
        if not 0 <= self.data_refresh_days <= 365:
            problems.append("Data refresh must be between 0 and 365 days.")
        if not self.data_source.strip():
            problems.append("The data source name is required.")
        problems += [
            f"“{rel}” is not a relationship type name (e.g. Depends on::Used by)."
            for rel in (self.app_service_relationship, self.service_offering_relationship)
            if rel and "::" not in rel
        ]
        if problems:
            raise ValueError(" ".join(problems))

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "ServiceNowOptions":
        known = {f.name: f.type for f in fields(cls)}
        values = {k: v for k, v in (data or {}).items() if k in known}
        numbers = ("csdm_version", "ire_batch_size", "max_calls_per_minute", "page_size")
        for name in (*numbers, "reconciliation_priority", "data_refresh_days"):
            if name in values:
                try:
                    values[name] = int(values[name])
                except (TypeError, ValueError):
                    raise ValueError(
                        f"{name.replace('_', ' ').capitalize()} must be a whole number."
                    ) from None
        if "create_vendors" in values:
            flag = values["create_vendors"]
            values["create_vendors"] = (
                flag if isinstance(flag, bool) else str(flag).lower() in ("1", "true", "on")
            )
        return cls(**values)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def business_app_to_service(self) -> str:
        return self.app_service_relationship or CSDM_RELATIONSHIPS[self.csdm_version]

    @property
    def service_to_offering(self) -> str:
        return self.service_offering_relationship or SERVICE_TO_OFFERING
