"""The portfolio of a namespace as plain data, read with a handful of queries (no per-row queries), so
that plans of 10,000 applications stay fast."""

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import F

from catalog.choices import ContractKind
from catalog.models import (
    BusinessApplication,
    DeploymentProfile,
    InfrastructureItem,
    ITService,
    ProductContract,
    SoftwareProduct,
    Supplier,
)


@dataclass
class Snapshot:
    """Plain data only: a platform's mapping reads it and never sees a model."""

    services: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    applications: list[dict[str, Any]] = field(default_factory=list)
    contracts: list[dict[str, Any]] = field(default_factory=list)  # vendor contracts only
    # servers and machines, each with the deployments it runs (`deployment_ids`)
    infrastructure: list[dict[str, Any]] = field(default_factory=list)
    suppliers: list[dict[str, Any]] = field(default_factory=list)
    # contracts never published (internal chargebacks): listed only so a mapping can say why
    internal_contracts: list[dict[str, Any]] = field(default_factory=list)


def _links(queryset, left: str, right: str) -> dict[str, list[str]]:
    """Many-to-many links read raw: Django would build a UUID object for every value of every row; here
    each distinct id is converted once."""
    sql, params = queryset.values_list(left, right).query.sql_with_params()
    memo: dict[Any, str] = {}

    def key(raw: Any) -> str:
        text = memo.get(raw)
        if text is None:
            if isinstance(raw, str) and len(raw) == 32:  # SQLite keeps UUIDs as 32 hex digits
                text = f"{raw[:8]}-{raw[8:12]}-{raw[12:16]}-{raw[16:20]}-{raw[20:]}".lower()
            else:
                text = str(raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw)))
            memo[raw] = text
        return text

    links: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for a, b in cursor.fetchall():
            links.setdefault(key(a), []).append(key(b))
    return links


def take_snapshot(namespace) -> Snapshot:
    def ids(row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "id": str(row["id"])}

    services = [
        ids(r)
        for r in ITService.objects.filter(namespace=namespace)
        .order_by("name")
        .values("id", "name", "description", "scope", owner_email=F("owner__email"))
    ]
    products = [
        ids(r)
        for r in SoftwareProduct.objects.filter(namespace=namespace)
        .order_by("name", "version")
        .values("id", "name", "version", "manufacturer")
    ]
    app_fields = (
        "id",
        "app_id",
        "name",
        "short_description",
        "description",
        "operational_status",
        "lifecycle_stage",
        "lifecycle_status",
        "business_criticality",
    )
    applications = {
        str(r["id"]): {**ids(r), "deployments": []}
        for r in BusinessApplication.objects.filter(namespace=namespace)
        .order_by("name")
        .values(
            *app_fields,
            owner_email=F("owner__email"),
            manager_email=F("manager__email"),
            vendor_name=F("vendor__name"),
        )
    }
    services_of = _links(
        DeploymentProfile.it_services.through.objects.filter(deploymentprofile__namespace=namespace),
        "deploymentprofile_id",
        "itservice_id",
    )
    products_of = _links(
        DeploymentProfile.software_products.through.objects.filter(deploymentprofile__namespace=namespace),
        "deploymentprofile_id",
        "softwareproduct_id",
    )
    deployment_fields = (
        "id",
        "application_id",
        "name",
        "environment",
        "hosting_type",
        "cloud_provider",
        "region",
        "operational_status",
        "version",
        "publish_as",
    )
    for row in (
        DeploymentProfile.objects.filter(namespace=namespace).order_by("name").values(*deployment_fields)
    ):
        app = applications[str(row["application_id"])]
        key = str(row["id"])
        app["deployments"].append(
            {
                **ids(row),
                "application_id": app["id"],
                "lifecycle_stage": app["lifecycle_stage"],
                "lifecycle_status": app["lifecycle_status"],
                "service_ids": sorted(services_of.get(key, [])),
                "product_ids": sorted(products_of.get(key, [])),
            }
        )
    vendor_contracts = ProductContract.objects.filter(namespace=namespace).exclude(
        kind=ContractKind.INTERNAL_CHARGEBACK
    )
    covered = _links(
        ProductContract.applications.through.objects.filter(productcontract__in=vendor_contracts),
        "productcontract_id",
        "businessapplication_id",
    )
    covered_products = _links(
        ProductContract.software_products.through.objects.filter(productcontract__in=vendor_contracts),
        "productcontract_id",
        "softwareproduct_id",
    )
    contracts = [
        {
            **ids(r),
            "annual_cost": "" if r["annual_cost"] is None else str(r["annual_cost"]),
            "start_date": r["start_date"].isoformat() if r["start_date"] else "",
            "end_date": r["end_date"].isoformat() if r["end_date"] else "",
            "application_ids": sorted(covered.get(str(r["id"]), [])),
            "product_ids": sorted(covered_products.get(str(r["id"]), [])),
            "supplier_id": "" if r["supplier_id"] is None else str(r["supplier_id"]),
        }
        for r in vendor_contracts.order_by("name").values(
            "id",
            "name",
            "number",
            "kind",
            "start_date",
            "end_date",
            "annual_cost",
            "currency",
            "supplier_id",
            supplier_name=F("supplier__name"),
        )
    ]
    internal = [
        ids(r)
        for r in ProductContract.objects.filter(namespace=namespace, kind=ContractKind.INTERNAL_CHARGEBACK)
        .order_by("name")
        .values("id", "name", "kind")
    ]
    return Snapshot(
        services,
        products,
        list(applications.values()),
        contracts,
        _infrastructure(namespace),
        [ids(r) for r in Supplier.objects.filter(namespace=namespace).order_by("name").values("id", "name")],
        internal,
    )


def _infrastructure(namespace) -> list[dict[str, Any]]:
    """Infrastructure items as plain strings (dates ISO, "" when unknown), with the deployments each
    runs, read in one query for the items and one for the links."""
    runs = _links(
        InfrastructureItem.deployments.through.objects.filter(infrastructureitem__namespace=namespace),
        "infrastructureitem_id",
        "deploymentprofile_id",
    )
    rows = (
        InfrastructureItem.objects.filter(namespace=namespace)
        .order_by("name")
        .values(
            "id",
            "name",
            "item_type",
            "manufacturer",
            "model",
            "serial_number",
            "operating_system",
            "os_version",
            "os_license",
            "location",
            "service_end_date",
        )
    )
    items = []
    for row in rows:
        key = str(row["id"])
        end = row["service_end_date"]
        items.append(
            {
                **row,
                "id": key,
                "service_end_date": end.isoformat() if end else "",
                "deployment_ids": sorted(runs.get(key, [])),
            }
        )
    return items
