"""Infrastructure items → GLPI's inventory, as seed 001 maps it (plain data in, string values out):

| portfolio                         | GLPI                                                      |
|-----------------------------------|-----------------------------------------------------------|
| item name                         | Computer `name` (and the service contract's `name` (1))   |
| type                              | Computer `computertypes_id` → ComputerType by name         |
| manufacturer                      | Computer `manufacturers_id` → Manufacturer by name         |
| serial number                     | Computer `serial`                                         |
| operating system (and version)    | Item_OperatingSystem → OperatingSystem (Version) by name  |
| OS licence                        | Item_OperatingSystem `licenseid` (the UI's "Product ID")  |
| the import (publish) date         | Contract `begin_date` (1)                                 |
| service end date                  | Contract `duration`, in months (1)                        |

(1) Only when the item has no contract of its own ("si un contrat n'est pas sélectionné"): the portfolio
cannot select a contract for an item, so every item with a service end date gets one, linked to its
computer by Contract_Item.

The start date and duration depend on the day of the publish, so they are not plain values (those would
change every day and make every re-publish an update). They are clock references (`IMPORT_DATE`,
`CONTRACT_MONTHS`) keyed by the service end date: the platform's `resolve` answers them with
`clock_values(references, today)`, the sync engine stores the answer as the agreed value, and a
re-publish keeps it for as long as the reference is the same, i.e. the original start date stays until
the service end date changes. When it changes the contract gets a new term: start date = the day of that
publish, duration = the months from then to the new end date, so GLPI's end date follows the portfolio.
An adopted contract keeps its own name, start date and duration (they are identity fields)."""

import uuid
from datetime import date, timedelta
from typing import Any

from integrations.base.platform import Omitted, Record, Reference

COMPUTER, OS_LINK, CONTRACT = "Computer", "Item_OperatingSystem", "Contract"
COMPUTER_TYPE, MANUFACTURER, COMPUTER_MODEL = "ComputerType", "Manufacturer", "ComputerModel"
OPERATING_SYSTEM, OS_VERSION = "OperatingSystem", "OperatingSystemVersion"
# clock references: answered by `clock_values`, never looked up in GLPI
IMPORT_DATE, CONTRACT_MONTHS = "import_date", "contract_months"
CLOCK_KINDS = frozenset({IMPORT_DATE, CONTRACT_MONTHS})
MAX_DURATION = 120  # GLPI's contract form offers 0–120 months
# the portfolio's infrastructure types as GLPI computer types ("other" gets none)
COMPUTER_TYPES = {
    "server": "Server",
    "virtual_machine": "Virtual Machine",
    "computer": "Computer",
    "network_device": "Network device",
    "storage": "Storage",
    "cloud_instance": "Cloud instance",
    "container_host": "Container host",
}
KEEP_COMPUTER_ON_ADOPT = frozenset({"entities_id", "name", "serial"})
KEEP_SERVICE_CONTRACT_ON_ADOPT = frozenset({"entities_id", "name", "begin_date", "duration"})
NO_OS_REASON = "No operating system is recorded for it."
NO_END_REASON = "No service end date is recorded, so no service contract is created (seed 001, note 1)."


def derived_id(record_id: str, part: str) -> str:
    """A stable id for a record derived from a portfolio record (its OS, its service contract): the
    same on every publish, so the sync map finds it again."""
    return str(uuid.uuid5(uuid.UUID(record_id), part))


def _refs(**named: tuple[str, str]) -> dict[str, Reference]:
    return {field: Reference(kind, key) for field, (kind, key) in named.items() if key}


def computer(item: dict[str, Any], entity_id: int) -> tuple[dict[str, str], dict[str, Reference]]:
    """A Computer's values and its dropdown references (looked up by name, created when missing)."""
    values = {"name": item["name"], "serial": item["serial_number"] or "", "entities_id": str(entity_id)}
    references = _refs(
        computertypes_id=(COMPUTER_TYPE, COMPUTER_TYPES.get(item["item_type"], "")),
        manufacturers_id=(MANUFACTURER, item["manufacturer"] or ""),
        computermodels_id=(COMPUTER_MODEL, item.get("model") or ""),
    )
    return values, references


def operating_system(item: dict[str, Any], entity_id: int) -> tuple[dict[str, str], dict[str, Reference]]:
    """The Item_OperatingSystem of a computer (its `items_id` comes from the `os_of_computer` relation)."""
    values = {"itemtype": COMPUTER, "licenseid": item["os_license"] or "", "entities_id": str(entity_id)}
    references = _refs(
        operatingsystems_id=(OPERATING_SYSTEM, item["operating_system"] or ""),
        operatingsystemversions_id=(OS_VERSION, item["os_version"] or ""),
    )
    return values, references


def service_contract(item: dict[str, Any], entity_id: int) -> tuple[dict[str, str], dict[str, Reference]]:
    """Seed 001's note (1): named after the item, started on the import date, lasting until the item's
    service end date (see the module docstring for how the date is kept)."""
    end = item["service_end_date"]
    values = {"name": item["name"], "entities_id": str(entity_id)}
    return values, {"begin_date": Reference(IMPORT_DATE, end), "duration": Reference(CONTRACT_MONTHS, end)}


def months_between(begin: date, end: date) -> int:
    """GLPI's contract duration in whole months: GLPI ends a contract the day before `begin + duration
    months`, so an end date is covered by the months up to the day after it (2023-01-01 → 2025-12-31 is
    36; 2026-11-29 → 2029-11-30 is 36 and two days). Clamped to GLPI's 0–120."""
    after = end + timedelta(days=1)
    months = (after.year - begin.year) * 12 + after.month - begin.month
    if after.day < begin.day:
        months -= 1
    return max(0, min(MAX_DURATION, months))


def contract_months(begin: str, end: str) -> str:
    """`months_between` of ISO dates as GLPI's `duration` value ("0" when either is unknown)."""
    if not begin or not end:
        return "0"
    return str(months_between(date.fromisoformat(begin), date.fromisoformat(end)))


def clock_values(references: Any, today: date) -> dict[Reference, str]:
    """The values of the clock references among `references`, as of `today` (the platform's `resolve`
    calls this with the publish date; a test passes any date). An end date already past gives 0 months:
    GLPI then shows the contract without an end."""
    found = {}
    for ref in references:
        if ref.kind == IMPORT_DATE:
            found[ref] = today.isoformat()
        elif ref.kind == CONTRACT_MONTHS:
            found[ref] = contract_months(today.isoformat(), ref.key)
    return found


def inventory_records(item: dict[str, Any], entity_id: int) -> tuple[list[Record], list[Omitted]]:
    """The records of one infrastructure item (computer, operating system, service contract), and what
    is not published for the parts it lacks (and why)."""
    values, references = computer(item, entity_id)
    records = [
        Record(
            "computers",
            "infrastructure_item",
            item["id"],
            item["name"],
            COMPUTER,
            values,
            references,
            identity=KEEP_COMPUTER_ON_ADOPT,
        )
    ]
    missing = []
    os_id, contract_id = (
        derived_id(item["id"], "operating-system"),
        derived_id(item["id"], "service-contract"),
    )
    if item["operating_system"]:
        values, references = operating_system(item, entity_id)
        name = " ".join(p for p in (item["operating_system"], item["os_version"]) if p)
        records.append(
            Record(
                "operating_systems",
                "operating_system",
                os_id,
                f"{item['name']}: {name}",
                OS_LINK,
                values,
                references,
                group=item["id"],
                related=(f"os_of_computer:{item['id']}",),
            )
        )
    else:
        missing.append(Omitted("operating_system", os_id, item["name"], NO_OS_REASON))
    if item["service_end_date"]:
        values, references = service_contract(item, entity_id)
        records.append(
            Record(
                "service_contracts",
                "service_contract",
                contract_id,
                f"{item['name']}: service contract",
                CONTRACT,
                values,
                references,
                group=item["id"],
                related=(f"contract_items:{item['id']}",),
                identity=KEEP_SERVICE_CONTRACT_ON_ADOPT,
            )
        )
    else:
        missing.append(Omitted("service_contract", contract_id, item["name"], NO_END_REASON))
    return records, missing
