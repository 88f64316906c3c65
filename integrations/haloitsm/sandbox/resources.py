"""The Halo resources the sandbox serves: their list key, field types, mandatory fields, search fields,
list filters and the lookups their ids refer to."""

from dataclasses import dataclass, field

INT, NUMBER, TEXT, BOOL, LIST, DATE, OBJECT = "int", "number", "text", "bool", "list", "date", "object"


@dataclass(frozen=True)
class Reference:
    """`field` must name an existing record of `resource`; its name is copied into `label`."""

    resource: str
    label: str | None
    message: str
    name_field: str = "name"


@dataclass(frozen=True)
class Resource:
    name: str  # as the swagger spells it
    list_key: str | None  # None: the list GET returns a bare array
    types: dict[str, str]
    required: tuple[str, ...] = ()
    search: tuple[str, ...] = ("name",)
    filters: dict[str, str] = field(default_factory=dict)  # query parameter -> field (equality)
    references: dict[str, Reference] = field(default_factory=dict)
    guid_ids: bool = False
    stamped: bool = False  # has `last_modified`, set on every save
    label: str = "Record"
    area: str | None = "assets"  # the permission scope area (read:<area>/edit:<area>); None: any token
    secrets: tuple[str, ...] = ()  # stored, never answered; MASK stands for them on read


MASK = "********"
COMMON = {"id": INT, "name": TEXT, "inactive": BOOL, "customfields": LIST, "notes": TEXT}
STATUS_DOMAINS = {"tickets": 1, "assets": 2}  # /Status?domain= as the record's `type` [INF]

RESOURCES = {
    r.name.lower(): r
    for r in (
        Resource(
            "Asset",
            "assets",
            {
                "id": INT,
                "inactive": BOOL,
                "customfields": LIST,
                "notes": TEXT,
                "inventory_number": TEXT,
                "key_field": TEXT,
                "key_field2": TEXT,
                "key_field3": TEXT,
                "assettype_id": INT,
                "client_id": INT,
                "site_id": INT,
                "status_id": INT,
                "supplier_id": INT,
                "parent_id": INT,
                "child_assets": LIST,
                "fields": LIST,
                "services": LIST,
                "service_ids": TEXT,
                "username": TEXT,
                "warranty_end": DATE,
                "supplier_purchasedate": DATE,
            },
            required=("assettype_id",),
            search=("inventory_number", "key_field", "key_field2", "key_field3"),
            filters={
                "assettype_id": "assettype_id",
                "client_id": "client_id",
                "site_id": "site_id",
                "supplier_id": "supplier_id",
            },
            references={
                "assettype_id": Reference("assettype", "assettype_name", "Please select a valid Asset Type"),
                "client_id": Reference("client", "client_name", "Please select a valid Customer"),
                "site_id": Reference("site", "site_name", "Please select a valid Site"),
                "status_id": Reference("status", "status_name", "Please select a valid Status"),
                "supplier_id": Reference("supplier", "supplier_name", "Please select a valid Supplier"),
            },
            label="Asset",
            stamped=True,
        ),
        Resource(
            "AssetType",
            None,
            {
                "id": INT,
                "name": TEXT,
                "assetgroup_id": INT,
                "tagprefix": TEXT,
                "keyfield_id": INT,
                "keyfield2_id": INT,
                "keyfield3_id": INT,
                "keyfield_name": TEXT,
                "keyfield2_name": TEXT,
                "keyfield3_name": TEXT,
                "fields": LIST,
                "field_list": LIST,
            },
            required=("name",),
            filters={"assetgroup_id": "assetgroup_id"},
            references={
                "assetgroup_id": Reference(
                    "assetgroup", "assetgroup_name", "Please select a valid Asset Group"
                )
            },
            label="Asset Type",
        ),
        Resource("AssetGroup", None, {"id": INT, "name": TEXT}, required=("name",), label="Asset Group"),
        Resource(
            "Status",
            None,
            {"id": INT, "name": TEXT, "colour": TEXT, "type": INT},
            required=("name",),
            filters={"type": "type"},
            label="Status",
            area=None,
        ),
        Resource(
            "Service",
            "services",
            {
                "id": INT,
                "name": TEXT,
                "customfields": LIST,
                "summary": TEXT,
                "service_category_id": INT,
                "current_status": INT,
                "showinusercatalog": BOOL,
                "showintechcatalog": BOOL,
                "criticality": INT,
                "assets": LIST,
                "linked_services": LIST,
            },
            required=("name",),
            search=("name", "summary"),
            label="Service",
            area="services",
        ),
        Resource(
            "Supplier",
            "suppliers",
            {**COMMON, "website": TEXT},
            required=("name",),
            label="Supplier",
            area="suppliers",
            stamped=True,
        ),
        Resource(
            "ClientContract",
            "contracts",
            {
                "id": INT,
                "ref": TEXT,
                "client_id": INT,
                "site_id": INT,
                "start_date": DATE,
                "end_date": DATE,
                "active": BOOL,
                "note": TEXT,
                "termmonths": INT,
                "contracttype": TEXT,
                "periodchargeamount": NUMBER,
                "assets": LIST,
                "customfields": LIST,
            },
            required=("ref", "client_id"),
            search=("ref", "note"),
            filters={"client_id": "client_id", "site_id": "site_id"},
            references={
                "client_id": Reference("client", "client_name", "Please select a valid Customer"),
                "site_id": Reference("site", "site_name", "Please select a valid Site"),
            },
            label="Contract",
            stamped=True,
            area="contracts",
        ),
        Resource(
            "Client",
            "clients",
            {**COMMON, "website": TEXT, "toplevel_id": INT},
            required=("name",),
            label="Client",
            area="customers",
        ),
        Resource(
            "Site",
            "sites",
            {**COMMON, "client_id": NUMBER},
            required=("name", "client_id"),
            filters={"client_id": "client_id"},
            references={"client_id": Reference("client", "client_name", "Please select a valid Customer")},
            label="Site",
            area="customers",
        ),
        Resource(
            "Users",
            "users",
            {
                **COMMON,
                "firstname": TEXT,
                "surname": TEXT,
                "emailaddress": TEXT,
                "login": TEXT,
                "site_id": NUMBER,
                "client_id": INT,
            },
            required=("name",),
            search=("name", "emailaddress", "login"),
            filters={"client_id": "client_id", "site_id": "site_id"},
            references={"site_id": Reference("site", "site_name", "Please select a valid Site")},
            label="User",
            area="customers",
        ),
        Resource(
            "Webhook",
            None,
            {
                "id": TEXT,
                "name": TEXT,
                "url": TEXT,
                "type": INT,
                "method": INT,
                "content_type": TEXT,
                "authentication_type": INT,
                "basic_username": TEXT,
                "basic_password": TEXT,
                "active": BOOL,
                "disabled": BOOL,
                "events": LIST,
                "payload_type": INT,
            },
            required=("name", "url"),
            filters={"type": "type"},
            guid_ids=True,
            secrets=("basic_password",),
            label="Webhook",
            area="admin",
        ),
        Resource(
            "Tickets",
            "tickets",
            {
                "id": INT,
                "summary": TEXT,
                "details": TEXT,
                "details_html": TEXT,
                "tickettype_id": INT,
                "client_id": INT,
                "site_id": INT,
                "user_id": INT,
                "status_id": INT,
                "priority_id": INT,
                "agent_id": INT,
                "category_1": TEXT,
                "dateoccurred": DATE,
                "impact": INT,
                "urgency": INT,
                "assets": LIST,
                "customfields": LIST,
                "third_party_id": TEXT,
            },
            required=("summary",),
            search=("summary", "details"),
            filters={"client_id": "client_id", "site_id": "site_id", "status_id": "status_id"},
            references={
                "client_id": Reference("client", "client_name", "Please select a valid Customer"),
                "status_id": Reference("status", "status_name", "Please select a valid Status"),
            },
            label="Ticket",
            area="tickets",
        ),
        Resource(
            "Actions",
            "actions",
            {
                "id": INT,
                "ticket_id": INT,
                "outcome": TEXT,
                "outcome_id": INT,
                "note": TEXT,
                "note_html": TEXT,
                "hiddenfromuser": BOOL,
                "sendemail": BOOL,
                "new_status": INT,
                "timetaken": NUMBER,
            },
            required=("ticket_id",),
            search=("note", "outcome"),
            filters={"ticket_id": "ticket_id"},
            references={
                "ticket_id": Reference("tickets", None, "Please select a valid Ticket", "summary"),
            },
            label="Action",
            area="tickets",
        ),
    )
}


def resource_named(name: str) -> Resource | None:
    """Paths are case-insensitive in Halo (`/api/Asset` is `/api/asset`)."""
    return RESOURCES.get(name.lower())
