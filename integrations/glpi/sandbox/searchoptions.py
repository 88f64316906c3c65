"""The search options (`listSearchOptions`) of each itemtype: GLPI's numeric ids and `uid`s
(`src/Computer.php`, `Item_OperatingSystem::rawSearchOptionsToAdd`, `Contract::rawSearchOptionsToAdd`),
each with how the sandbox finds its value in a row. glpi-api maps `uid`s to ids through them."""

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .itemtypes import ITEMTYPES, Itemtype
from .store import GlpiStore

Getter = Callable[[GlpiStore, dict[str, Any]], Any]


@dataclass(frozen=True)
class SearchOption:
    id: int
    name: str
    uid: str  # without the itemtype prefix
    table: str
    field: str
    datatype: str  # itemlink, string, dropdown, number, date, datetime, text
    value: Getter  # the display value(s): one value, or a list for linked rows
    key: Getter | None = None  # the id(s) `equals`/`under` compare, for dropdowns
    section: tuple[str, str] | None = None  # a section header GLPI lists before it

    @property
    def searchtypes(self) -> list[str]:
        if self.datatype == "dropdown":
            return ["contains", "notcontains", "equals", "notequals", "under", "notunder"]
        if self.datatype in ("number", "date", "datetime"):
            return ["contains", "notcontains", "equals", "notequals", "lessthan", "morethan"]
        return ["contains", "notcontains", "equals", "notequals"]


def own(field: str) -> Getter:
    return lambda store, row: row.get(field)


def named(fk: str, target: str, field: str = "name") -> Getter:
    def get(store: GlpiStore, row: dict[str, Any]) -> Any:
        linked = store.item(target, row.get(fk) or 0) if row.get(fk) else None
        return linked.get(field) if linked else None

    return get


def linked_rows(store: GlpiStore, relation: str, row: dict[str, Any], itemtype: str) -> list[dict[str, Any]]:
    return [
        r
        for r in store.rows(relation)
        if r["itemtype"] == itemtype and r["items_id"] == row["id"] and not r.get("is_deleted")
    ]


def os_value(getter: Getter) -> Getter:
    """A value of the item's operating system rows (Item_OperatingSystem), one per row."""
    return lambda store, row: [
        getter(store, r) for r in linked_rows(store, "Item_OperatingSystem", row, "Computer")
    ]


def contract_value(getter: Getter) -> Getter:
    """A value of the contracts linked to the item through Contract_Item."""

    def get(store: GlpiStore, row: dict[str, Any]) -> list[Any]:
        contracts = []
        for link in store.rows("Contract_Item"):
            if link["items_id"] == row["id"] and link["itemtype"] == "Computer":
                contract = store.item("Contract", link["contracts_id"])
                if contract:
                    contracts.append(getter(store, contract))
        return contracts

    return get


def end_date(store: GlpiStore, contract: dict[str, Any]) -> str | None:
    """begin_date + duration months, as GLPI's `Infocom::getWarrantyExpir` computes the end date."""
    if not contract.get("begin_date") or not contract.get("duration"):
        return None
    begin = dt.date.fromisoformat(contract["begin_date"])
    month = begin.month - 1 + int(contract["duration"])
    year, month = begin.year + month // 12, month % 12 + 1
    day = min(begin.day, calendar.monthrange(year, month)[1])
    return (dt.date(year, month, day) - dt.timedelta(days=1)).isoformat()


def _generic(itemtype: Itemtype) -> list[SearchOption]:
    t, f = itemtype.table, itemtype.fields
    options = []
    if "name" in f:
        options.append(
            SearchOption(
                1, "Name", "name", t, "name", "itemlink", own("name"), section=("common", "Characteristics")
            )
        )
    options.append(SearchOption(2, "ID", "id", t, "id", "number", own("id")))
    for fk, target, number, label in (
        ("locations_id", "Location", 3, "Location"),
        ("computertypes_id", "ComputerType", 4, "Type"),
        ("appliancetypes_id", "ApplianceType", 4, "Type"),
        ("contracttypes_id", "ContractType", 4, "Type"),
        ("manufacturers_id", "Manufacturer", 23, "Manufacturer"),
        ("computermodels_id", "ComputerModel", 40, "Model"),
        ("users_id", "User", 70, "User"),
        ("softwares_id", "Software", 5, "Software"),
    ):
        if fk in f:
            field = "completename" if target == "Location" else "name"
            table = ITEMTYPES[target].table
            options.append(
                SearchOption(
                    number,
                    label,
                    f"{target}.{field}",
                    table,
                    field,
                    "dropdown",
                    named(fk, target, field),
                    own(fk),
                )
            )
    for field, number, label, datatype in (
        ("comment", 16, "Comments", "text"),
        ("date_mod", 19, "Last update", "datetime"),
        ("date_creation", 121, "Creation date", "datetime"),
    ):
        if field in f:
            options.append(SearchOption(number, label, field, t, field, datatype, own(field)))
    if itemtype.has_entity or itemtype.name == "Entity":
        fk = "id" if itemtype.name == "Entity" else "entities_id"
        options.append(
            SearchOption(
                80,
                "Entity",
                "Entity.completename",
                "glpi_entities",
                "completename",
                "dropdown",
                named(fk, "Entity", "completename"),
                own(fk),
            )
        )
    return options


def _plain(itemtype: Itemtype, *specs: tuple[int, str, str, str]) -> list[SearchOption]:
    return [
        SearchOption(n, label, field, itemtype.table, field, dt_, own(field))
        for n, label, field, dt_ in specs
    ]


def _computer(itemtype: Itemtype) -> list[SearchOption]:
    osv = "glpi_operatingsystems"
    return _plain(
        itemtype,
        (5, "Serial number", "serial", "string"),
        (6, "Inventory number", "otherserial", "string"),
        (47, "UUID", "uuid", "string"),
    ) + [
        SearchOption(
            45,
            "Name",
            "Item_OperatingSystem.OperatingSystem.name",
            osv,
            "name",
            "dropdown",
            os_value(named("operatingsystems_id", "OperatingSystem")),
            os_value(own("operatingsystems_id")),
            section=("operatingsystem", "Operating System"),
        ),
        SearchOption(
            46,
            "Version",
            "Item_OperatingSystem.OperatingSystemVersion.name",
            "glpi_operatingsystemversions",
            "name",
            "dropdown",
            os_value(named("operatingsystemversions_id", "OperatingSystemVersion")),
            os_value(own("operatingsystemversions_id")),
        ),
        SearchOption(
            43,
            "Serial number",
            "Item_OperatingSystem.license_number",
            "glpi_items_operatingsystems",
            "license_number",
            "string",
            os_value(own("license_number")),
        ),
        SearchOption(
            44,
            "Product ID",
            "Item_OperatingSystem.licenseid",
            "glpi_items_operatingsystems",
            "licenseid",
            "string",
            os_value(own("licenseid")),
        ),
        SearchOption(
            29,
            "Contract",
            "Contract.name",
            "glpi_contracts",
            "name",
            "dropdown",
            contract_value(own("name")),
            contract_value(own("id")),
            section=("contract", "Contracts"),
        ),
        SearchOption(
            30,
            "Contract number",
            "Contract.num",
            "glpi_contracts",
            "num",
            "string",
            contract_value(own("num")),
        ),
        SearchOption(
            129,
            "Contract type",
            "Contract.ContractType.name",
            "glpi_contracttypes",
            "name",
            "dropdown",
            contract_value(named("contracttypes_id", "ContractType")),
            contract_value(own("contracttypes_id")),
        ),
        SearchOption(
            130,
            "Contract duration",
            "Contract.duration",
            "glpi_contracts",
            "duration",
            "number",
            contract_value(own("duration")),
        ),
        SearchOption(
            132,
            "Contract start date",
            "Contract.begin_date",
            "glpi_contracts",
            "begin_date",
            "date",
            contract_value(own("begin_date")),
        ),
        SearchOption(
            134,
            "Contract end date",
            "Contract.end_date",
            "glpi_contracts",
            "end_date",
            "date",
            contract_value(end_date),
        ),
    ]


def _contract(itemtype: Itemtype) -> list[SearchOption]:
    return _plain(
        itemtype,
        (3, "Number", "num", "string"),
        (5, "Start date", "begin_date", "date"),
        (6, "Initial contract period", "duration", "number"),
        (7, "Notice", "notice", "number"),
        (21, "Contract renewal period", "periodicity", "number"),
        (22, "Invoice period", "billing", "number"),
    ) + [SearchOption(20, "End date", "end_date", itemtype.table, "end_date", "date", end_date)]


def _category() -> SearchOption:
    fk, target = "itilcategories_id", "ITILCategory"
    table = ITEMTYPES[target].table
    getter = named(fk, target, "completename")
    return SearchOption(
        7, "Category", f"{target}.completename", table, "completename", "dropdown", getter, own(fk)
    )


EXTRA: dict[str, Callable[[Itemtype], list[SearchOption]]] = {
    "Computer": _computer,
    "Contract": _contract,
    "Item_OperatingSystem": lambda it: _plain(
        it, (2, "Serial number", "license_number", "string"), (3, "Product ID", "licenseid", "string")
    ),
    "Ticket": lambda it: (
        _plain(
            it,
            (12, "Status", "status", "number"),
            (10, "Urgency", "urgency", "number"),
            (11, "Impact", "impact", "number"),
            (3, "Priority", "priority", "number"),
            (14, "Type", "type", "number"),
            (15, "Opening date", "date", "datetime"),
            (16, "Closing date", "closedate", "datetime"),
            (17, "Resolution date", "solvedate", "datetime"),
            (21, "Description", "content", "text"),
        )
        + [_category()]
    ),
    "User": lambda it: _plain(
        it,
        (34, "Last name", "realname", "string"),
        (9, "First name", "firstname", "string"),
        (8, "Active", "is_active", "number"),
    ),
    "Entity": lambda it: _plain(it, (14, "Name", "completename", "string")),
}


def options_of(itemtype: Itemtype) -> dict[int, SearchOption]:
    """The itemtype's options by id; an itemtype's own definition wins over the generic one."""
    options = {o.id: o for o in _generic(itemtype)}
    for option in EXTRA.get(itemtype.name, lambda it: [])(itemtype):
        options[option.id] = option
    return dict(sorted(options.items()))


def listing(itemtype: Itemtype) -> dict[str, Any]:
    """The `listSearchOptions` answer: section headers (string values) before their options."""
    answer: dict[str, Any] = {}
    for option in options_of(itemtype).values():
        if option.section:
            answer[option.section[0]] = option.section[1]
        answer[str(option.id)] = {
            "name": option.name,
            "table": option.table,
            "field": option.field,
            "datatype": option.datatype,
            "nosearch": False,
            "nodisplay": False,
            "available_searchtypes": option.searchtypes,
            "uid": f"{itemtype.name}.{option.uid}",
        }
    return answer
