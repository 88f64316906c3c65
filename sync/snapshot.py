"""The portfolio of a namespace as plain data, read with a handful of queries (no per-row queries), so
that plans of 10,000 applications stay fast."""

from dataclasses import dataclass, field
from typing import Any

from catalog.choices import ContractKind
from catalog.models import BusinessApplication, DeploymentProfile, ITService, ProductContract, SoftwareProduct


@dataclass
class Snapshot:
    services: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    applications: list[dict[str, Any]] = field(default_factory=list)
    contracts: list[dict[str, Any]] = field(default_factory=list)  # vendor contracts only


def take_snapshot(namespace) -> Snapshot:
    def ids(row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "id": str(row["id"])}

    services = [
        ids(r)
        for r in ITService.objects.filter(namespace=namespace)
        .order_by("name")
        .values("id", "name", "description", "scope")
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
        for r in BusinessApplication.objects.filter(namespace=namespace).order_by("name").values(*app_fields)
    }
    services_of: dict[str, list[str]] = {}
    for deployment_id, service_id in DeploymentProfile.it_services.through.objects.filter(
        deploymentprofile__namespace=namespace
    ).values_list("deploymentprofile_id", "itservice_id"):
        services_of.setdefault(str(deployment_id), []).append(str(service_id))
    products_of: dict[str, list[str]] = {}
    for deployment_id, product_id in DeploymentProfile.software_products.through.objects.filter(
        deploymentprofile__namespace=namespace
    ).values_list("deploymentprofile_id", "softwareproduct_id"):
        products_of.setdefault(str(deployment_id), []).append(str(product_id))
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
        "servicenow_sync_scope",
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
    contracts = [
        ids(r)
        for r in ProductContract.objects.filter(namespace=namespace)
        .exclude(kind=ContractKind.INTERNAL_CHARGEBACK)
        .values("id", "name", "kind")
    ]
    return Snapshot(services, products, list(applications.values()), contracts)
