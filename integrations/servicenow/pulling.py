"""Subscribe's read-back of the records the product publishes (business applications, service instances,
technical service offerings) and of what was deleted, for the three-way comparison.

One Batch API call brings the first page of every class and of the application → service instance
relationships (all of them: they give each instance its parents, and tell which instances gained or lost
an application since the last pull); further pages follow as the streams are read. An incremental pull
asks `sys_updated_on>=since`, plus, in one more call, the instances whose relationships changed."""

from collections.abc import Iterator
from typing import Any

from integrations.base.platform import Deleted, Pulled, TargetRef

from . import mapping
from .client import ServiceNowClient
from .discovery import COMPUTER_CLASSES, SERVICE_CLASS, deleted_relations, unlinked
from .options import ServiceNowOptions
from .paging import PULL_PAGE, Query, id_chunks, joined, read_all, since_query, streams

APP_CLASS = mapping.BUSINESS_APP_CLASS
INSTANCE_CLASSES = ("cmdb_ci_service_auto", "cmdb_ci_service_technical", "service_offering")
# Offerings the portfolio did not publish count only when technical (a business offering is no IT service).
CLASS_FILTERS = {"service_offering": "service_classification=Technical Service"}
# A class that may hold either kind: an instance under a business application is a deployment.
EITHER_KIND = (mapping.SHARED_SERVICE_CLASS, mapping.LOCAL_SERVICE_CLASS)
# CSDM's life cycle, where a record keeps it (stage and status by name): End of Life, or its statuses
LIFE_CYCLE = ("life_cycle_stage", "life_cycle_stage_status")
META = ("sys_id", "sys_updated_on", "install_status", "operational_status", *LIFE_CYCLE)
RETIRED_INSTALL, RETIRED_OPERATIONAL = "7", "6"
RETIRED_STAGE, RETIRED_STAGE_STATUSES = "end of life", ("retired", "obsolete")
DELETION_TABLES = (
    APP_CLASS,
    *INSTANCE_CLASSES,
    "cmdb_ci_service_discovered",
    *COMPUTER_CLASSES,
    "cmdb_rel_ci",  # their times move the watermark; what they unlinked is read again by pulled/discovered
)


def value_fields(class_name: str) -> tuple[str, ...]:
    """What `Pulled.values` carries for a class: every field the mapping publishes on it (an IT service's
    too, for the classes an IT service may be published as)."""
    fields = list(mapping.published_fields(class_name))
    if class_name in EITHER_KIND:
        sample = mapping.it_service({"id": "", "name": "", "description": ""}, "")
        fields += [*sample, "owned_by"]
    return tuple(dict.fromkeys(f for f in fields if f not in mapping.NOT_RECONCILED))


def is_retired(row: dict[str, Any]) -> bool:
    """Retired by its install or operational status or by its CSDM life cycle: an instance may be moved to
    "End of Life" while its operational status still says operational."""
    stage, stage_status = (str(row.get(field) or "").strip().lower() for field in LIFE_CYCLE)
    return (
        str(row.get("install_status", "")) == RETIRED_INSTALL
        or str(row.get("operational_status", "")) == RETIRED_OPERATIONAL
        or stage == RETIRED_STAGE
        or stage_status in RETIRED_STAGE_STATUSES
    )


def relationship_query(options: ServiceNowOptions, since: str = "") -> Query:
    """Business application → service instance, of the type the publish writes."""
    return Query(
        "cmdb_rel_ci",
        joined(
            f"parent.sys_class_name={APP_CLASS}",
            f"child.sys_class_nameINSTANCEOF{SERVICE_CLASS}",
            f"type.name={options.business_app_to_service}",
            since_query("sys_updated_on", since),
        ),
        ("parent", "child", "sys_updated_on"),
    )


def class_query(class_name: str, condition: str) -> Query:
    fields = tuple(dict.fromkeys((*META, *value_fields(class_name))))
    return Query(class_name, joined(CLASS_FILTERS.get(class_name, ""), condition), fields)


class RecordPull:
    def __init__(self, options: ServiceNowOptions, since: str) -> None:
        self.options = options
        self.since = since
        self.parents: dict[str, list[str]] = {}  # service instance: its business applications
        self.relinked: set[str] = set()  # instances whose applications changed since `since`
        self.seen: set[str] = set()

    def run(self, client: ServiceNowClient) -> Iterator[Pulled]:
        condition = since_query("sys_updated_on", self.since)
        classes = (APP_CLASS, *INSTANCE_CLASSES)
        queries = [relationship_query(self.options), *(class_query(c, condition) for c in classes)]
        if self.since:  # an instance that lost an application has no relationship left to say so
            queries.append(deleted_relations(self.since))
        relations, *records = streams(client, queries)
        for row in relations:
            self.parents.setdefault(row["child"], []).append(row["parent"])
            if self.since and str(row.get("sys_updated_on", "")) >= self.since:
                self.relinked.add(row["child"])
        for class_name, rows in zip(classes, records, strict=False):
            for row in rows:
                yield self.pulled(class_name, row)
        if self.since:
            self.relinked |= unlinked(records[-1])
        missing = sorted(self.relinked - self.seen)
        if missing:
            queries = [
                class_query(c, "sys_idIN" + ",".join(chunk))
                for chunk in id_chunks(missing)
                for c in INSTANCE_CLASSES
            ]
            for query, rows in zip(queries, read_all(client, queries), strict=True):
                for row in rows:
                    if row["sys_id"] not in self.seen:
                        yield self.pulled(query.table, row)

    def pulled(self, class_name: str, row: dict[str, Any]) -> Pulled:
        self.seen.add(row["sys_id"])
        parents = tuple(self.parents.get(row["sys_id"], ())) if class_name != APP_CLASS else ()
        if class_name == APP_CLASS:
            kind = "application"
        elif class_name in EITHER_KIND and not parents:
            kind = "it_service"
        else:
            kind = "deployment"
        values = {f: str(row.get(f, "") or "") for f in value_fields(class_name)}
        return Pulled(
            kind,
            TargetRef(class_name, row["sys_id"]),
            values.get("name", ""),
            values,
            parents,
            str(row.get("sys_updated_on", "")),
            is_retired(row),
        )


def pulled(client: ServiceNowClient, options: ServiceNowOptions, since: str = "") -> Iterator[Pulled]:
    """Every business application, service instance and technical service offering (or those updated at
    or after `since`, and the instances whose applications changed), streamed."""
    since_query("sys_updated_on", since)  # a bad time fails before anything is read
    return RecordPull(options, since).run(client)


def deleted_since(client: ServiceNowClient, options: ServiceNowOptions, since: str) -> list[Deleted]:
    """What `sys_audit_delete` holds of the pulled and discovered classes since `since` (one call per
    2,000 deletions)."""
    query = joined(f"tablenameIN{','.join(DELETION_TABLES)}", since_query("sys_created_on", since))
    fields = ["tablename", "documentkey", "sys_created_on"]
    return [
        Deleted(
            TargetRef(str(row.get("tablename", "")), str(row.get("documentkey", ""))),
            str(row.get("sys_created_on", "")),
        )
        for row in client.records("sys_audit_delete", f"{query}^ORDERBYsys_created_on", fields, PULL_PAGE)
    ]
