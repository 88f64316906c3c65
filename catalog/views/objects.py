"""The catalog's pages, one declarative group per model."""

from django.urls import path

from catalog import filters, forms
from catalog.models import (
    DESCRIPTION_FIELDS,
    BusinessApplication,
    Contact,
    InfrastructureItem,
    ITService,
    ProductContract,
    SoftwareProduct,
    Supplier,
)

from .generic import ObjectCreateView, ObjectDeleteView, ObjectDetailView, ObjectListView, ObjectUpdateView


def crud_urls(
    url_base: str,
    prefix: str,
    model,
    form_class,
    *,
    list_options: dict,
    detail_fields: tuple,
    related: tuple = (),
) -> list:
    """URL patterns for a model's five pages; the per-model differences are passed as class attributes."""
    common = {"model": model, "url_base": url_base}
    return [
        path(f"{prefix}/", ObjectListView.as_view(**common, **list_options), name=f"{url_base}_list"),
        path(
            f"{prefix}/add/",
            ObjectCreateView.as_view(**common, form_class=form_class),
            name=f"{url_base}_add",
        ),
        path(
            f"{prefix}/<uuid:pk>/",
            ObjectDetailView.as_view(
                **common,
                fields=detail_fields,
                related=related,
                select_related=list_options.get("select_related", ()),
            ),
            name=f"{url_base}_detail",
        ),
        path(
            f"{prefix}/<uuid:pk>/edit/",
            ObjectUpdateView.as_view(**common, form_class=form_class),
            name=f"{url_base}_edit",
        ),
        path(f"{prefix}/<uuid:pk>/delete/", ObjectDeleteView.as_view(**common), name=f"{url_base}_delete"),
    ]


urlpatterns = [
    *crud_urls(
        "application",
        "applications",
        BusinessApplication,
        forms.BusinessApplicationForm,
        list_options={
            "columns": (
                ("name", "Name"),
                ("app_id", "ID"),
                ("operational_status", "Status"),
                ("lifecycle_stage", "Stage"),
                ("lifecycle_status", "Lifecycle status"),
                ("business_criticality", "Criticality"),
                ("owner__name", "Owner"),
            ),
            "search_fields": ("name", "app_id", "short_description"),
            "select_related": ("owner", "manager", "vendor"),
            "filterset_class": filters.BusinessApplicationFilter,
        },
        detail_fields=(
            "app_id",
            "short_description",
            "description",
            "operational_status",
            "lifecycle_stage",
            "lifecycle_status",
            "business_criticality",
            "owner",
            "manager",
            "vendor",
        ),
        related=(("contracts", ("supplier",)), ("infrastructure_items", ())),
    ),
    *crud_urls(
        "itservice",
        "it-services",
        ITService,
        forms.ITServiceForm,
        list_options={
            "columns": (("name", "Name"), ("scope", "Scope"), ("owner__name", "Owner")),
            "search_fields": ("name", "description"),
            "select_related": ("owner",),
            "filterset_class": filters.ITServiceFilter,
        },
        detail_fields=("scope", "description", "owner"),
        related=(("deployments", ("application",)),),
    ),
    *crud_urls(
        "softwareproduct",
        "software-products",
        SoftwareProduct,
        forms.SoftwareProductForm,
        list_options={
            "columns": (("name", "Name"), ("version", "Version"), ("manufacturer", "Manufacturer")),
            "search_fields": ("name", "manufacturer", "version"),
        },
        detail_fields=("manufacturer", "version"),
        related=(("deployments", ("application",)), ("contracts", ("supplier",))),
    ),
    *crud_urls(
        "infrastructure",
        "infrastructure",
        InfrastructureItem,
        forms.InfrastructureItemForm,
        list_options={
            "columns": (
                ("name", "Name"),
                ("item_type", "Type"),
                ("manufacturer", "Manufacturer"),
                ("model", "Model"),
                ("operating_system", "Operating system"),
                ("location", "Location"),
                ("source", "Source"),
            ),
            "search_fields": (
                "name",
                "serial_number",
                "manufacturer",
                "model",
                "operating_system",
                "location",
            ),
            "filterset_class": filters.InfrastructureItemFilter,
        },
        detail_fields=(*DESCRIPTION_FIELDS[1:], "source", "source_id"),
        related=(("deployments", ("application",)),),
    ),
    *crud_urls(
        "contract",
        "contracts",
        ProductContract,
        forms.ProductContractForm,
        list_options={
            "columns": (
                ("name", "Name"),
                ("number", "Number"),
                ("supplier__name", "Supplier"),
                ("kind", "Kind"),
                ("end_date", "Ends"),
                ("annual_cost", "Annual cost"),
            ),
            "search_fields": ("name", "number", "supplier__name"),
            "select_related": ("supplier",),
            "filterset_class": filters.ProductContractFilter,
        },
        detail_fields=("number", "supplier", "kind", "start_date", "end_date", "annual_cost"),
        related=(("software_products", ()), ("applications", ())),
    ),
    *crud_urls(
        "supplier",
        "suppliers",
        Supplier,
        forms.SupplierForm,
        list_options={"columns": (("name", "Name"), ("website", "Website")), "search_fields": ("name",)},
        detail_fields=("website", "notes"),
        related=(("contracts", ()), ("applications", ())),
    ),
    *crud_urls(
        "contact",
        "contacts",
        Contact,
        forms.ContactForm,
        list_options={
            "columns": (("name", "Name"), ("email", "E-mail"), ("title", "Title")),
            "search_fields": ("name", "email", "title"),
        },
        detail_fields=("email", "title", "phone"),
    ),
]
