"""ServiceNow as a target platform: CSDM classes through Identify and Reconcile, models and contracts
through the Table API, versions from `sys_mod_count`."""

import re
from collections.abc import Iterable, Iterator
from typing import Any

from integrations.base.platform import (
    ApplyContext,
    Candidate,
    Check,
    Current,
    Deleted,
    Discovered,
    Identified,
    Mapping,
    MatchSource,
    Platform,
    Pulled,
    Record,
    Reference,
    Step,
    TargetRef,
    Write,
)

from . import discovery, mapping, pulling, reading
from .changes import ServiceNowChanges
from .checks import run_checks
from .client import ClientSettings, ServiceNowClient
from .forms import option_fields
from .options import ServiceNowOptions
from .writing import StepWriter

MATCH_SOURCES = (
    MatchSource("it_service", "it-services", "IT services", mapping.SHARED_SERVICE_CLASS, False),
    MatchSource(
        "software_product", "software-products", "Software products", mapping.SOFTWARE_MODEL_TABLE, True
    ),
)
TABLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,79}")
SYS_ID = re.compile(r"[0-9a-f]{32}")
MATCH_QUERIES = {mapping.SHARED_SERVICE_CLASS: "service_classification=Technical Service"}
RETIRED_MODEL = "retired"  # a product model's status (cmdb_model.status: In Production, Retired)


def is_retired(row: dict[str, Any]) -> bool:
    """A service offering retired by its install or operational status or its life cycle, a software model
    by its status."""
    return pulling.is_retired(row) or str(row.get("status", "")).strip().lower() == RETIRED_MODEL


def client_settings(connection: Any) -> ClientSettings:
    options = ServiceNowOptions.from_dict(connection.options)
    return ClientSettings(
        base_url=connection.base_url,
        auth_method=connection.auth_method,
        client_id=connection.client_id,
        client_secret=connection.client_secret,
        username=connection.username,
        password=connection.password,
        refresh_token=connection.refresh_token,
        ca_bundle=connection.ca_bundle,
        page_size=options.page_size,
        calls_per_minute=options.max_calls_per_minute,
        governor_key=str(connection.pk),
    )


class ServiceNowPlatform(Platform):
    name = "servicenow"
    label = "ServiceNow"
    package_label = "ServiceNow configuration package"
    discovers = True  # the computers and servers service instances depend on or run on
    pulls_records = True  # business applications, service instances and offerings, and deletions

    def options(self, data: dict[str, Any] | None) -> ServiceNowOptions:
        return ServiceNowOptions.from_dict(data)

    def option_fields(self) -> dict[str, Any]:
        return option_fields()

    def client(self, connection: Any, audit=None) -> ServiceNowClient:
        return ServiceNowClient(client_settings(connection), audit=audit)

    def steps(self, options: ServiceNowOptions) -> list[Step]:
        return list(mapping.STEPS)

    def map(self, snapshot: Any, options: ServiceNowOptions) -> Mapping:
        return mapping.portfolio_records(snapshot, options)

    def resolve(
        self, client: ServiceNowClient, references: Iterable[Reference], options, create: bool = False
    ) -> dict[Reference, str]:
        return reading.resolve(client, references, create_companies=create and options.create_vendors)

    def identify(self, client: ServiceNowClient, records: list[Record], options) -> dict[str, Identified]:
        return reading.identify(client, records, options)

    def read(
        self, client: ServiceNowClient, refs: list[TargetRef], fields: set[str]
    ) -> dict[TargetRef, Current]:
        return reading.read(client, refs, fields)

    def apply(
        self, client: ServiceNowClient, step: Step, writes: list[Write], options, context: ApplyContext
    ) -> None:
        StepWriter(client, options, context).apply(step, writes)

    def delete(self, client: ServiceNowClient, ref: TargetRef) -> None:
        client.delete(ref.type, ref.id)

    def restore(self, client: ServiceNowClient, ref: TargetRef, values: dict[str, str]) -> str:
        return str(client.update(ref.type, ref.id, values).get("sys_mod_count", ""))

    def portfolio_value(self, kind: str, field_name: str, value: str) -> tuple[str, str] | None:
        return mapping.portfolio_value(kind, field_name, value)

    def match_sources(self) -> list[MatchSource]:
        return list(MATCH_SOURCES)

    def candidates(self, client: ServiceNowClient, source: MatchSource) -> Iterator[Candidate]:
        shown = ["number"] + (
            ["version", "manufacturer.name"] if source.versioned else ["service_classification"]
        )
        status = (
            ["status"] if source.versioned else ["install_status", "operational_status", *pulling.LIFE_CYCLE]
        )
        fields = ["sys_id", "name", *shown, *status]
        for row in client.records(source.target_type, MATCH_QUERIES.get(source.target_type, ""), fields):
            details = (
                ("Number", row.get("number", "")),
                ("Classification", row.get("service_classification", "")),
            )
            yield Candidate(
                row["sys_id"],
                row.get("name", ""),
                row.get("version", ""),
                row.get("manufacturer.name", ""),
                tuple((label, value) for label, value in details if value),
                retired=is_retired(row),
            )

    def checks(self, client: ServiceNowClient, options: ServiceNowOptions) -> list[Check]:
        return run_checks(client, options.data_source)

    def discovered(
        self, client: ServiceNowClient, options: ServiceNowOptions, ids=None, since: str = ""
    ) -> Iterator[Discovered]:
        return discovery.discovered(client, options, ids, since)

    def pulled(
        self, client: ServiceNowClient, options: ServiceNowOptions, since: str = ""
    ) -> Iterator[Pulled]:
        return pulling.pulled(client, options, since)

    def deleted_since(
        self, client: ServiceNowClient, options: ServiceNowOptions, since: str
    ) -> list[Deleted]:
        return pulling.deleted_since(client, options, since)

    def sandbox(self) -> Any:
        from .sandbox import command

        return command

    def changes(self, client: ServiceNowClient) -> ServiceNowChanges:
        return ServiceNowChanges(client)

    def record_url(self, connection: Any, target_type: str, target_id: str) -> str | None:
        if not (TABLE_NAME.fullmatch(target_type) and SYS_ID.fullmatch(target_id)):
            return None
        return f"{connection.base_url}/nav_to.do?uri={target_type}.do?sys_id={target_id}"
