"""The portfolio document: what the JSON format and the Excel workbook hold, declared once.

Both formats carry the same sections and keys; a section's natural key is what an import upserts by.
"""

from dataclasses import dataclass

from catalog.models import (
    BusinessApplication,
    Contact,
    DeploymentProfile,
    InfrastructureItem,
    ITService,
    ProductContract,
    SoftwareProduct,
    Supplier,
)

TEXT, DATE, DECIMAL, CONTACT, SUPPLIER, SERVICES, PRODUCTS, APPLICATIONS, DEPLOYMENT_REFS = (
    "text",
    "date",
    "decimal",
    "contact",
    "supplier",
    "services",
    "products",
    "applications",
    "deployment_refs",
)
LIST_KINDS = {SERVICES, PRODUCTS, APPLICATIONS, DEPLOYMENT_REFS}


@dataclass(frozen=True)
class Field:
    key: str
    kind: str = TEXT
    attr: str = ""  # model attribute; defaults to key
    required: bool = False

    @property
    def model_attr(self) -> str:
        return self.attr or self.key


@dataclass(frozen=True)
class Section:
    key: str
    sheet: str
    model: type
    natural_key: tuple[str, ...]
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


SUPPLIERS = Section(
    "suppliers",
    "Suppliers",
    Supplier,
    ("name",),
    (Field("name", required=True), Field("website"), Field("notes")),
)
CONTACTS = Section(
    "contacts",
    "Contacts",
    Contact,
    ("email",),
    (Field("name", required=True), Field("email", required=True), Field("title"), Field("phone")),
)
IT_SERVICES = Section(
    "it_services",
    "IT Services",
    ITService,
    ("name",),
    (Field("name", required=True), Field("scope"), Field("description"), Field("owner", CONTACT)),
)
SOFTWARE_PRODUCTS = Section(
    "software_products",
    "Software Products",
    SoftwareProduct,
    ("name", "version"),
    (Field("name", required=True), Field("manufacturer"), Field("version")),
)
APPLICATIONS_SECTION = Section(
    "applications",
    "Applications",
    BusinessApplication,
    ("app_id",),
    (
        Field("app_id", required=True),
        Field("name", required=True),
        Field("short_description"),
        Field("description"),
        Field("operational_status"),
        Field("lifecycle_stage"),
        Field("lifecycle_status"),
        Field("business_criticality"),
        Field("owner", CONTACT),
        Field("manager", CONTACT),
        Field("vendor", SUPPLIER),
    ),
)
# Nested under each application in JSON ("deployments"); its own sheet in Excel, keyed by `application`.
DEPLOYMENTS = Section(
    "deployments",
    "Deployments",
    DeploymentProfile,
    ("name",),
    (
        Field("name", required=True),
        Field("environment"),
        Field("hosting_type"),
        Field("cloud_provider"),
        Field("region"),
        Field("operational_status"),
        Field("version"),
        Field("publish_as"),
        Field("it_services", SERVICES),
        Field("software_products", PRODUCTS),
    ),
)
CONTRACTS = Section(
    "contracts",
    "Contracts",
    ProductContract,
    ("name",),
    (
        Field("name", required=True),
        Field("number"),
        Field("supplier", SUPPLIER),
        Field("kind"),
        Field("start_date", DATE),
        Field("end_date", DATE),
        Field("annual_cost", DECIMAL),
        Field("currency"),
        Field("software_products", PRODUCTS),
        Field("applications", APPLICATIONS),
    ),
)

# A deployment is named by its application's app_id and its own name, as deployments are keyed.
INFRASTRUCTURE = Section(
    "infrastructure",
    "Infrastructure",
    InfrastructureItem,
    ("name",),
    (
        Field("name", required=True),
        Field("type", attr="item_type"),
        Field("manufacturer"),
        Field("model"),
        Field("serial_number"),
        Field("operating_system"),
        Field("os_version"),
        Field("os_license"),
        Field("location"),
        Field("service_end_date", DATE),
        Field("source"),
        Field("source_id"),
        Field("deployments", DEPLOYMENT_REFS),
    ),
)

# In dependency order: a section only refers to sections before it.
TOP_LEVEL = (
    SUPPLIERS,
    CONTACTS,
    IT_SERVICES,
    SOFTWARE_PRODUCTS,
    APPLICATIONS_SECTION,
    CONTRACTS,
    INFRASTRUCTURE,
)
SECTIONS_BY_KEY = {s.key: s for s in TOP_LEVEL}
DEPLOYMENT_APPLICATION_COLUMN = "application"
