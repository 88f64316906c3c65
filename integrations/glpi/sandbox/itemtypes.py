"""The itemtypes the sandbox serves, with GLPI 10's table names, fields and defaults
(`install/mysql/glpi-empty.sql`), the right that guards each one, and how they link to each other."""

from dataclasses import dataclass
from typing import Any

COMMON = {"comment": "", "date_mod": None, "date_creation": None}
DROPDOWN = {"name": "", **COMMON}
ENTITY = {"entities_id": 0, "is_recursive": 0}


@dataclass(frozen=True)
class Itemtype:
    name: str
    table: str
    fields: dict[str, Any]  # every field but id, with its default
    right: str  # the profile right that guards it ("dropdown" for dropdowns)
    unique: tuple[str, ...] = ()  # a UNIQUE key (relations): adding a duplicate fails
    links: tuple[str, ...] = ()  # fields that must name an existing item (relations)
    children: tuple[str, ...] = ()  # HATEOAS links GLPI lists after the foreign keys

    @property
    def fk(self) -> str:
        """The foreign key other tables use for it: `glpi_computers` → `computers_id`."""
        return self.table.removeprefix("glpi_") + "_id"

    @property
    def trashable(self) -> bool:
        """Items with `is_deleted` go to the trash unless purged."""
        return "is_deleted" in self.fields

    @property
    def has_entity(self) -> bool:
        return "entities_id" in self.fields


def _dropdown(name: str, table: str, **extra: Any) -> Itemtype:
    return Itemtype(name, table, {**DROPDOWN, **extra}, "dropdown")


ASSET_CHILDREN = ("Item_OperatingSystem", "Contract_Item", "Infocom", "Item_Ticket", "Document_Item")
_ITEMTYPES = [
    Itemtype(
        "Entity",
        "glpi_entities",
        {"name": "", "entities_id": 0, "completename": "", "level": 1, **COMMON},
        "entity",
    ),
    Itemtype(
        "Computer",
        "glpi_computers",
        {
            **ENTITY,
            "name": "",
            "serial": "",
            "otherserial": "",
            "contact": "",
            "contact_num": "",
            "users_id_tech": 0,
            "groups_id_tech": 0,
            **COMMON,
            "autoupdatesystems_id": 0,
            "locations_id": 0,
            "networks_id": 0,
            "computermodels_id": 0,
            "computertypes_id": 0,
            "is_template": 0,
            "template_name": "",
            "manufacturers_id": 0,
            "is_deleted": 0,
            "is_dynamic": 0,
            "users_id": 0,
            "groups_id": 0,
            "states_id": 0,
            "ticket_tco": "0.0000",
            "uuid": "",
            "last_inventory_update": None,
            "last_boot": None,
        },
        "computer",
        children=ASSET_CHILDREN,
    ),
    _dropdown("ComputerType", "glpi_computertypes"),
    _dropdown("ComputerModel", "glpi_computermodels", product_number=""),
    _dropdown("Manufacturer", "glpi_manufacturers"),
    _dropdown("OperatingSystem", "glpi_operatingsystems"),
    _dropdown("OperatingSystemVersion", "glpi_operatingsystemversions"),
    _dropdown("ContractType", "glpi_contracttypes"),
    _dropdown(
        "ITILCategory",
        "glpi_itilcategories",
        **ENTITY,
        itilcategories_id=0,
        completename="",
        level=1,
        code="",
    ),
    _dropdown("ApplianceType", "glpi_appliancetypes", **ENTITY, externalidentifier=""),
    _dropdown(
        "Location", "glpi_locations", **ENTITY, locations_id=0, completename="", level=1, address="", town=""
    ),
    Itemtype(
        "Item_OperatingSystem",
        "glpi_items_operatingsystems",
        {
            "items_id": 0,
            "itemtype": "",
            "operatingsystems_id": 0,
            "operatingsystemversions_id": 0,
            "operatingsystemservicepacks_id": 0,
            "operatingsystemarchitectures_id": 0,
            "operatingsystemkernelversions_id": 0,
            "license_number": "",
            "licenseid": "",
            "operatingsystemeditions_id": 0,
            "date_mod": None,
            "date_creation": None,
            "is_deleted": 0,
            "is_dynamic": 0,
            **ENTITY,
            "install_date": None,
        },
        "computer",
        unique=("items_id", "itemtype", "operatingsystems_id", "operatingsystemarchitectures_id"),
        links=("items_id",),
    ),
    Itemtype(
        "Contract",
        "glpi_contracts",
        {
            **ENTITY,
            "name": "",
            "num": "",
            "contracttypes_id": 0,
            "begin_date": None,
            "duration": 0,
            "notice": 0,
            "periodicity": 0,
            "billing": 0,
            **COMMON,
            "accounting_number": "",
            "is_deleted": 0,
            "renewal": 0,
            "max_links_allowed": 0,
            "alert": 0,
            "is_template": 0,
            "template_name": "",
        },
        "contract",
        children=("Contract_Item", "Contract_Supplier", "Document_Item", "Infocom"),
    ),
    Itemtype(
        "Contract_Item",
        "glpi_contracts_items",
        {"contracts_id": 0, "items_id": 0, "itemtype": ""},
        "contract",
        unique=("contracts_id", "itemtype", "items_id"),
        links=("contracts_id", "items_id"),
    ),
    Itemtype(
        "Contract_Supplier",
        "glpi_contracts_suppliers",
        {"suppliers_id": 0, "contracts_id": 0},
        "contract",
        unique=("suppliers_id", "contracts_id"),
        links=("suppliers_id", "contracts_id"),
    ),
    Itemtype(
        "Supplier",
        "glpi_suppliers",
        {
            **ENTITY,
            "name": "",
            "suppliertypes_id": 0,
            "registration_number": "",
            "address": "",
            "town": "",
            "country": "",
            "website": "",
            "phonenumber": "",
            "email": "",
            **COMMON,
            "is_deleted": 0,
            "is_active": 1,
        },
        "contact_enterprise",
        children=("Contract_Supplier", "Document_Item"),
    ),
    Itemtype(
        "Software",
        "glpi_softwares",
        {
            **ENTITY,
            "name": "",
            **COMMON,
            "locations_id": 0,
            "users_id_tech": 0,
            "is_update": 0,
            "softwares_id": 0,
            "manufacturers_id": 0,
            "is_deleted": 0,
            "is_template": 0,
            "template_name": "",
            "users_id": 0,
            "is_helpdesk_visible": 1,
            "softwarecategories_id": 0,
            "is_valid": 1,
        },
        "software",
        children=("SoftwareVersion", "Contract_Item", "Infocom", "Document_Item"),
    ),
    Itemtype(
        "SoftwareVersion",
        "glpi_softwareversions",
        {
            **ENTITY,
            "softwares_id": 0,
            "states_id": 0,
            "name": "",
            "arch": "",
            **COMMON,
            "operatingsystems_id": 0,
        },
        "software",
        links=("softwares_id",),
    ),
    Itemtype(
        "Appliance",
        "glpi_appliances",
        {
            **ENTITY,
            "name": "",
            "is_deleted": 0,
            "appliancetypes_id": 0,
            **COMMON,
            "locations_id": 0,
            "manufacturers_id": 0,
            "applianceenvironments_id": 0,
            "users_id": 0,
            "users_id_tech": 0,
            "groups_id": 0,
            "groups_id_tech": 0,
            "states_id": 0,
            "externalidentifier": None,
            "serial": "",
            "otherserial": "",
            "is_helpdesk_visible": 1,
        },
        "appliance",
        children=("Appliance_Item", "Contract_Item", "Infocom", "Document_Item"),
    ),
    Itemtype(
        "Appliance_Item",
        "glpi_appliances_items",
        {"appliances_id": 0, "items_id": 0, "itemtype": ""},
        "appliance",
        unique=("appliances_id", "items_id", "itemtype"),
        links=("appliances_id", "items_id"),
    ),
    Itemtype(
        "User",
        "glpi_users",
        {
            "name": "",
            "phone": "",
            "realname": "",
            "firstname": "",
            "locations_id": 0,
            "language": None,
            "is_active": 1,
            **COMMON,
            "profiles_id": 0,
            "entities_id": 0,
            "usertitles_id": 0,
            "usercategories_id": 0,
            "is_deleted": 0,
            "is_deleted_ldap": 0,
            "user_dn": None,
            "registration_number": None,
            "authtype": 1,
        },
        "user",
    ),
    Itemtype(
        "Ticket",
        "glpi_tickets",
        {
            "entities_id": 0,
            "name": "",
            "date": None,
            "closedate": None,
            "solvedate": None,
            "date_mod": None,
            "users_id_lastupdater": 0,
            "status": 1,
            "users_id_recipient": 0,
            "requesttypes_id": 1,
            "content": "",
            "urgency": 3,
            "impact": 3,
            "priority": 3,
            "itilcategories_id": 0,
            "type": 1,
            "global_validation": 1,
            "slas_id_ttr": 0,
            "time_to_resolve": None,
            "time_to_own": None,
            "locations_id": 0,
            "is_deleted": 0,
            "date_creation": None,
        },
        "ticket",
        children=("ITILFollowup", "ITILSolution", "Item_Ticket", "Document_Item"),
    ),
    Itemtype(
        "ITILSolution",
        "glpi_itilsolutions",
        {
            "itemtype": "",
            "items_id": 0,
            "solutiontypes_id": 0,
            "solutiontype_name": None,
            "content": "",
            "date_creation": None,
            "date_mod": None,
            "date_approval": None,
            "users_id": 0,
            "user_name": None,
            "users_id_editor": 0,
            "users_id_approval": 0,
            "user_name_approval": None,
            "status": 1,
            "itilfollowups_id": None,
        },
        "ticket",
        links=("items_id",),
    ),
    Itemtype(
        "ITILFollowup",
        "glpi_itilfollowups",
        {
            "itemtype": "",
            "items_id": 0,
            "date": None,
            "users_id": 0,
            "users_id_editor": 0,
            "content": "",
            "is_private": 0,
            "requesttypes_id": 0,
            "date_mod": None,
            "date_creation": None,
            "timeline_position": 1,
            "sourceitems_id": 0,
            "sourceof_items_id": 0,
        },
        "followup",
        links=("items_id",),
    ),
    Itemtype(
        "Item_Ticket",
        "glpi_items_tickets",
        {"itemtype": "", "items_id": 0, "tickets_id": 0},
        "ticket",
        unique=("itemtype", "items_id", "tickets_id"),
        links=("tickets_id", "items_id"),
    ),
    Itemtype(
        "Document",
        "glpi_documents",
        {
            **ENTITY,
            "name": "",
            "filename": "",
            "filepath": "",
            "documentcategories_id": 0,
            "mime": "",
            "date_mod": None,
            "comment": "",
            "is_deleted": 0,
            "link": "",
            "users_id": 0,
            "tickets_id": 0,
            "sha1sum": "",
            "is_blacklisted": 0,
            "tag": "",
            "date_creation": None,
        },
        "document",
        children=("Document_Item",),
    ),
    Itemtype(
        "Document_Item",
        "glpi_documents_items",
        {
            "documents_id": 0,
            "items_id": 0,
            "itemtype": "",
            **ENTITY,
            "date_mod": None,
            "users_id": 0,
            "timeline_position": 0,
            "date_creation": None,
            "date": None,
        },
        "document",
        unique=("documents_id", "itemtype", "items_id", "timeline_position"),
        links=("documents_id", "items_id"),
    ),
    Itemtype(
        "Infocom",
        "glpi_infocoms",
        {
            "items_id": 0,
            "itemtype": "",
            **ENTITY,
            "buy_date": None,
            "use_date": None,
            "warranty_duration": 0,
            "warranty_info": "",
            "suppliers_id": 0,
            "order_number": "",
            "delivery_number": "",
            "immo_number": "",
            "value": "0.0000",
            "warranty_value": "0.0000",
            "comment": "",
            "date_mod": None,
            "date_creation": None,
        },
        "infocom",
        unique=("itemtype", "items_id"),
        links=("items_id",),
    ),
]
ITEMTYPES: dict[str, Itemtype] = {itemtype.name: itemtype for itemtype in _ITEMTYPES}
_BY_LOWER = {name.lower(): itemtype for name, itemtype in ITEMTYPES.items()}
# foreign key field → the itemtype it names (besides the plain `<table>_id` ones)
_FK = {itemtype.fk: itemtype.name for itemtype in _ITEMTYPES}
_FK.update(
    {
        "users_id_tech": "User",
        "users_id_recipient": "User",
        "users_id_lastupdater": "User",
        "users_id_editor": "User",
        "softwares_id": "Software",
        "entities_id": "Entity",
        "locations_id": "Location",
    }
)


def itemtype_named(name: str) -> Itemtype | None:
    """PHP class names are case-insensitive, so `computer` is `Computer`."""
    return _BY_LOWER.get(name.lower())


def target_of(field_name: str, row: dict[str, Any]) -> str | None:
    """The itemtype a field of `row` points to: a foreign key, or `items_id` with the row's `itemtype`."""
    if field_name == "items_id":
        return row.get("itemtype") or None
    if field_name.endswith("_id") or "_id_" in field_name:
        return _FK.get(field_name)
    return None
