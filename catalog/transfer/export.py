"""Builds the portfolio document of one namespace (the input of both writers)."""

from typing import Any

from django.db.models import Model, Prefetch

from catalog.models import BusinessApplication, DeploymentProfile, Namespace

from . import schema


def _value(field: schema.Field, obj: Model) -> Any:
    value = getattr(obj, field.model_attr)
    match field.kind:
        case schema.TEXT:
            return value
        case schema.DATE:
            return value.isoformat() if value else ""
        case schema.DECIMAL:
            return "" if value is None else str(value)
        case schema.CONTACT:
            return value.email if value else ""
        case schema.SUPPLIER:
            return value.name if value else ""
        case schema.SERVICES:
            return sorted(s.name for s in value.all())
        case schema.PRODUCTS:
            return [{"name": p.name, "version": p.version} for p in sorted(value.all(), key=_product_key)]
        case schema.APPLICATIONS:
            return sorted(a.app_id for a in value.all())
        case schema.DEPLOYMENT_REFS:
            refs = sorted((d.application.app_id, d.name) for d in value.all())
            return [{"application": app_id, "name": name} for app_id, name in refs]
    raise ValueError(f"unknown field kind {field.kind}")


def _product_key(product) -> tuple[str, str]:
    return (product.name, product.version)


def _record(section: schema.Section, obj: Model) -> dict[str, Any]:
    return {f.key: _value(f, obj) for f in section.fields}


def export_document(namespace: Namespace) -> dict[str, list[dict[str, Any]]]:
    """Every record of the namespace, ordered by natural key so that exports are stable and diffable."""
    document: dict[str, list[dict[str, Any]]] = {}
    for section in schema.TOP_LEVEL:
        queryset = section.model.objects.filter(namespace=namespace).order_by(*section.natural_key)
        related = [f.model_attr for f in section.fields if f.kind in (schema.CONTACT, schema.SUPPLIER)]
        many = [f.model_attr for f in section.fields if f.kind in schema.LIST_KINDS]
        if related:
            queryset = queryset.select_related(*related)
        queryset = queryset.prefetch_related(*many)
        if section is schema.INFRASTRUCTURE:
            queryset = queryset.prefetch_related("deployments__application")
        if section.model is BusinessApplication:
            deployments = DeploymentProfile.objects.order_by("name").prefetch_related(
                "it_services", "software_products"
            )
            queryset = queryset.prefetch_related(Prefetch("deployments", queryset=deployments))
        records = []
        for obj in queryset:
            record = _record(section, obj)
            if section.model is BusinessApplication:
                record["deployments"] = [_record(schema.DEPLOYMENTS, d) for d in obj.deployments.all()]
            records.append(record)
        document[section.key] = records
    return document
