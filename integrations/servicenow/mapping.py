"""Portfolio values → ServiceNow values, declared once. Every function takes plain data (never ORM rows)
and returns the `values` of an IRE item or a Table API body, all values strings.

Never set `model_id` or `model_category` on a CI: ServiceNow's "Create Asset from CI" rule would create
phantom asset records.
"""

from typing import Any

from integrations.base.platform import Mapping, Omitted, Record, Reference, Relation, Step

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
BUSINESS_APP_CLASS = "cmdb_ci_business_app"
CONTRACT_TABLE = "ast_contract"
CONTRACT_CI_TABLE = "contract_rel_ci"  # the contract form's "CIs covered" list
USER, COMPANY = "user", "company"
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


def people(app: dict[str, Any]) -> dict[str, Reference]:
    found = {"owned_by": app.get("owner_email"), "managed_by": app.get("manager_email")}
    return {field: Reference(USER, email.casefold()) for field, email in found.items() if email}


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


def contract(item: dict[str, Any]) -> dict[str, str]:
    """An `ast_contract` body. Contracts are not CIs: identified by the vendor's contract number, or
    by name when it has none."""
    return _clean(
        {
            "short_description": item["name"],
            "vendor_contract": item["number"],
            "starts": item["start_date"],
            "ends": item["end_date"],
            "cost": item["annual_cost"],
            "description": f"Annual cost {item['annual_cost']} {item['currency']}".strip()
            if item["annual_cost"]
            else "",
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


STEPS = (
    Step("shared_services", "Shared IT services → technical service offerings"),
    Step("local_services", "Local IT services → technical services"),
    Step("software_products", "Software products → software models"),
    Step("applications", "Business applications"),
    Step("deployments", "Deployment profiles → service instances"),
    Step("contracts", "Vendor contracts → contracts"),
    Step("app_to_instance", "Business application → service instance", relations=True),
    Step("instance_to_service", "Service instance → IT service", relations=True),
    Step("contract_to_ci", "Contract → CIs covered", relations=True),
)
CI_STEPS = ("shared_services", "local_services", "applications", "deployments")
RUNS_ON_REASON = (
    "A software model is not a CI, so “Runs on” cannot be a CI relationship; "
    "the product is published as a model."
)
KEEP_ON_ADOPT = frozenset({"name", "number", "display_name"})
KEEP_CONTRACT_ON_ADOPT = frozenset({"short_description", "vendor_contract"})


def portfolio_records(snapshot: Any, options: Any) -> Mapping:
    """The portfolio in ServiceNow's terms: CSDM classes, payloads, relationships, and what is not
    published (and why)."""
    result = Mapping()
    source = options.data_source

    def add(step: str, kind: str, record: dict, type_: str, values: dict, **extra: Any) -> None:
        identity = KEEP_CONTRACT_ON_ADOPT if type_ == CONTRACT_TABLE else KEEP_ON_ADOPT
        result.records.append(
            Record(step, kind, record["id"], record["name"], type_, values, identity=identity, **extra)
        )

    for service in snapshot.services:
        shared = service["scope"] == "shared"
        owner = service.get("owner_email")
        add(
            "shared_services" if shared else "local_services",
            "it_service",
            service,
            SHARED_SERVICE_CLASS if shared else LOCAL_SERVICE_CLASS,
            it_service(service, source),
            references={"owned_by": Reference(USER, owner.casefold())} if owner else {},
        )
    for product in snapshot.products:
        add("software_products", "software_product", product, SOFTWARE_MODEL_TABLE, software_model(product))
    products = {p["id"]: p for p in snapshot.products}
    for app in snapshot.applications:
        references = people(app)
        if app.get("vendor_name"):
            references["vendor"] = Reference(COMPANY, app["vendor_name"])
        add(
            "applications",
            "application",
            app,
            BUSINESS_APP_CLASS,
            business_application(app, source),
            references=references,
        )
        for deployment in app["deployments"]:
            class_name = CLASS_BY_SCOPE.get(deployment["publish_as"])
            if class_name is None:
                result.omitted.append(
                    Omitted("deployment", deployment["id"], deployment["name"], "Publish as “Not published”.")
                )
                continue
            related = (
                app["id"],
                options.business_app_to_service,
                *deployment["service_ids"],
                options.service_to_offering,
            )
            add(
                "deployments",
                "deployment",
                deployment,
                class_name,
                service_instance(deployment, source, class_name),
                group=app["id"],
                related=related,
            )
            result.relations.append(
                Relation("app_to_instance", app["id"], deployment["id"], options.business_app_to_service)
            )
            result.relations += [
                Relation("instance_to_service", deployment["id"], service_id, options.service_to_offering)
                for service_id in deployment["service_ids"]
            ]
            for product_id in deployment["product_ids"]:
                product = products[product_id]
                result.omitted.append(
                    Omitted(
                        "runs_on",
                        f"{deployment['id']}:{product_id}",
                        f"{deployment['name']} runs on {product['name']} {product['version']}".strip(),
                        RUNS_ON_REASON,
                    )
                )
    for item in snapshot.contracts:
        references = {"vendor": Reference(COMPANY, item["supplier_name"])} if item["supplier_name"] else {}
        add(
            "contracts",
            "contract",
            item,
            CONTRACT_TABLE,
            contract(item),
            references=references,
            related=tuple(item["application_ids"]),
        )
        result.relations += [
            Relation("contract_to_ci", item["id"], app_id, "covers") for app_id in item["application_ids"]
        ]
    return result


def _reverse(table: dict[str, str]) -> dict[str, str]:
    return {v: k for k, v in table.items()}


TAKE_BACK: dict[str, dict[str, tuple[str, dict[str, str] | None]]] = {
    "application": {
        "name": ("name", None),
        "number": ("app_id", None),
        "short_description": ("short_description", None),
        "description": ("description", None),
        "operational_status": ("operational_status", _reverse(OPERATIONAL_STATUS)),
        "life_cycle_stage": ("lifecycle_stage", None),
        "life_cycle_stage_status": ("lifecycle_status", None),
        "business_criticality": ("business_criticality", _reverse(BUSINESS_CRITICALITY)),
    },
    "deployment": {
        "name": ("name", None),
        "version": ("version", None),
        "environment": ("environment", None),
        "operational_status": ("operational_status", _reverse(OPERATIONAL_STATUS)),
    },
    "it_service": {"name": ("name", None), "short_description": ("description", None)},
    "software_product": {"version": ("version", None), "short_description": ("manufacturer", None)},
    "contract": {
        "short_description": ("name", None),
        "vendor_contract": ("number", None),
        "starts": ("start_date", None),
        "ends": ("end_date", None),
        "cost": ("annual_cost", None),
    },
}


def portfolio_value(kind: str, field_name: str, value: str) -> tuple[str, str] | None:
    found = TAKE_BACK.get(kind, {}).get(field_name)
    if found is None:
        return None
    attribute, codes = found
    if codes is not None:
        if value not in codes:
            return None
        value = codes[value]
    return attribute, value


_SAMPLE_APP = {
    "id": "",
    "app_id": "",
    "name": "",
    "short_description": "",
    "description": "",
    "operational_status": "",
    "lifecycle_stage": "",
    "lifecycle_status": "",
    "business_criticality": "",
}
_SAMPLE_DEPLOYMENT = {
    "id": "",
    "name": "",
    "version": "",
    "environment": "",
    "hosting_type": "",
    "operational_status": "",
    "lifecycle_stage": "",
    "lifecycle_status": "",
}
# fields that identify a CI rather than describe it: IRE and the identification rules own them
NOT_RECONCILED = frozenset({"correlation_id", "discovery_source"})


def published_fields(class_name: str) -> tuple[str, ...]:
    """Every field the product writes on a CI class (references included): what the configuration
    package's reconciliation rules make it authoritative for, and nothing else."""
    if class_name == BUSINESS_APP_CLASS:
        values = [*business_application(_SAMPLE_APP, ""), "owned_by", "managed_by", "vendor"]
    elif class_name in CLASS_BY_SCOPE.values():
        values = list(service_instance(_SAMPLE_DEPLOYMENT, "", class_name))
        if class_name == LOCAL_SERVICE_CLASS:
            values += [*it_service({"id": "", "name": "", "description": ""}, ""), "owned_by"]
    else:
        return ()
    return tuple(dict.fromkeys(v for v in values if v not in NOT_RECONCILED))
