"""Portfolio values → ServiceNow values, declared once. Every function takes plain data (never ORM rows)
and returns the `values` of an IRE item or a Table API body, all values strings.

Never set `model_id` or `model_category` on a CI: ServiceNow's "Create Asset from CI" rule would create
phantom asset records.
"""

from typing import Any

# operational_status choice values of cmdb_ci
OPERATIONAL_STATUS = {
    "operational": "1",
    "non_operational": "2",
    "dr_standby": "4",
    "retired": "6",
    "pipeline": "7",
}
# business_criticality choice values of cmdb_ci_business_app
BUSINESS_CRITICALITY = {
    "1": "1 - most critical",
    "2": "2 - somewhat critical",
    "3": "3 - less critical",
    "4": "4 - not critical",
}
# install_type of a business application, from the hosting of its production deployment
INSTALL_TYPE = {
    "Cloud": "Cloud",
    "On-Premise": "On-Premises",
    "Hybrid": "Hybrid",
    "SaaS": "Third Party Hosted",
}
# CI class of a deployment profile, by its ServiceNow sync scope ("none" is not published)
CLASS_BY_SCOPE = {
    "application_service": "cmdb_ci_service_auto",
    "technical_service": "cmdb_ci_service_technical",
    "technical_service_offering": "service_offering",
}
SHARED_SERVICE_CLASS = "service_offering"
LOCAL_SERVICE_CLASS = "cmdb_ci_service_technical"
SOFTWARE_MODEL_TABLE = "cmdb_software_product_model"
FORBIDDEN = frozenset({"model_id", "model_category"})


def _clean(values: dict[str, Any]) -> dict[str, str]:
    cleaned = {k: "" if v is None else str(v) for k, v in values.items()}
    if FORBIDDEN & cleaned.keys():
        raise ValueError("model_id and model_category must never be published")
    return cleaned


def identity(correlation_id: str, data_source: str, operational_status: str) -> dict[str, str]:
    """What every CI the product publishes carries."""
    return {
        "correlation_id": correlation_id,
        "discovery_source": data_source,
        "operational_status": OPERATIONAL_STATUS.get(operational_status, "1"),
    }


def business_application(app: dict[str, Any], data_source: str) -> dict[str, str]:
    return _clean(
        {
            **identity(app["id"], data_source, app["operational_status"]),
            "name": app["name"],
            "number": app["app_id"],
            "short_description": app["short_description"],
            "description": app["description"],
            "life_cycle_stage": app["lifecycle_stage"],
            "life_cycle_stage_status": app["lifecycle_status"],
            "business_criticality": BUSINESS_CRITICALITY.get(app["business_criticality"], ""),
        }
    )


def service_instance(deployment: dict[str, Any], data_source: str, class_name: str) -> dict[str, str]:
    values = {
        **identity(deployment["id"], data_source, deployment["operational_status"]),
        "name": deployment["name"],
        "version": deployment["version"],
        "short_description": f"{deployment['environment']} · {deployment['hosting_type']}".strip(" ·"),
        "life_cycle_stage": deployment["lifecycle_stage"],
        "life_cycle_stage_status": deployment["lifecycle_status"],
    }
    if class_name == "cmdb_ci_service_auto":
        values["environment"] = deployment["environment"]
    if class_name == "service_offering":
        values["service_classification"] = "Technical Service"
    else:
        values["service_classification"] = (
            "Application Service" if class_name == "cmdb_ci_service_auto" else "Technical Service"
        )
    return _clean(values)


def it_service(service: dict[str, Any], data_source: str) -> dict[str, str]:
    return _clean(
        {
            **identity(service["id"], data_source, "operational"),
            "name": service["name"],
            "short_description": service["description"][:160],
            "service_classification": "Technical Service",
            "life_cycle_stage": "Operational",
            "life_cycle_stage_status": "In Use",
        }
    )


def software_model_fields() -> list[str]:
    return list(software_model({"name": "", "version": "", "manufacturer": ""}))


def software_model(product: dict[str, Any]) -> dict[str, str]:
    """A Table API body: product models are not CIs, so they carry no CI identity fields."""
    name = (
        product["name"]
        if product["version"] in product["name"]
        else f"{product['name']} {product['version']}".strip()
    )
    return _clean(
        {
            "name": name,
            "display_name": name,
            "version": product["version"],
            "short_description": product["manufacturer"],
        }
    )
