"""Demo data: a root entity with a sub-entity for the product (seed 001's prerequisites), an API user
with a user token and a login/password, a read-only user, and a few computers whose serials collide
with the demo portfolio's infrastructure items (`catalog/demo.py` with the default shape, seed 42; a
test keeps the two in step), so matching by serial, then by name within the entity, has work to do."""

from typing import Any

from .itemtypes import ITEMTYPES
from .store import ACCOUNTS, GlpiStore

PRODUCT_ENTITY = "Portfolio Bridge"
DEMO_LOGIN = "portfolio-bridge"
DEMO_PASSWORD = "sandbox-password"  # noqa: S105  (a public demo credential)
DEMO_USER_TOKEN = "sandbox-user-token"  # noqa: S105
DEMO_APP_TOKEN = "sandbox-app-token"  # noqa: S105
OBSERVER_LOGIN, OBSERVER_PASSWORD, OBSERVER_TOKEN = "observer", "observer", "observer-user-token"

# (name, serial, type id, manufacturer id, entity, is_deleted): the first three share serials with the
# demo's srv-0009, srv-0015 (under another name here) and vm-0004; ec2-0002 shares only its name, and
# srv-0019 its name but in the root entity, outside the product's.
COMPUTERS = [
    ("srv-0009", "DE54800838", 1, 1, 1, 0),
    ("legacy-app-host", "HP79937264", 1, 2, 1, 0),
    ("vm-0004", "VM94420078", 2, 3, 1, 0),
    ("ec2-0002", "", 2, 0, 1, 0),
    ("srv-0019", "", 1, 2, 0, 0),
    ("print-srv-01", "CZ31337XYZ", 1, 2, 1, 0),
    ("ws-finance-07", "PF2ABC12", 3, 4, 0, 0),
    ("old-file-server", "DL0LD0001", 1, 1, 1, 1),
]
COLLIDING_SERIALS = {"DE54800838": "srv-0009", "HP79937264": "srv-0015", "VM94420078": "vm-0004"}
DROPDOWNS: dict[str, list[str]] = {
    "ComputerType": ["Server", "Virtual Machine", "Laptop"],
    "Manufacturer": ["Dell", "HPE", "VMware", "Lenovo"],
    "OperatingSystem": ["Windows Server", "Red Hat Enterprise Linux"],
    "OperatingSystemVersion": ["2019", "9.4"],
    "ContractType": ["Maintenance"],
    "ApplianceType": ["Business application"],
    "ComputerModel": ["PowerEdge R650"],
    "ITILCategory": ["Hardware", "Software"],
}


def _account(users_id: int, password: str, token: str, profile: int) -> dict[str, Any]:
    return {
        "id": users_id,
        "password": password,
        "user_token": token,
        "profiles": [{"profiles_id": profile, "entities_id": 0, "is_recursive": 1}],
    }


def seed_demo(store: GlpiStore) -> None:
    """Fill an empty instance (ids fixed, so the demo is the same on every machine)."""

    def add(_itemtype: str, /, **values: Any) -> int:
        return int(store.insert(ITEMTYPES[_itemtype], values)["id"])

    with store.transaction():
        add("Entity", id=0, name="Root entity", completename="Root entity", entities_id=0, level=1)
        add(
            "Entity",
            id=1,
            name=PRODUCT_ENTITY,
            entities_id=0,
            completename=f"Root entity > {PRODUCT_ENTITY}",
            level=2,
            comment="Where Portfolio Bridge publishes (seed 001: a sub-entity under the root entity)",
        )
        for itemtype, names in DROPDOWNS.items():
            for number, name in enumerate(names, start=1):
                tree = {"completename": name} if itemtype == "ITILCategory" else {}
                add(itemtype, id=number, name=name, **tree)
        add("Location", id=1, name="HQ-DC1", completename="HQ-DC1", is_recursive=1)
        for users_id, login, real in (
            (2, "glpi", "Administrator"),
            (7, DEMO_LOGIN, "API"),
            (8, OBSERVER_LOGIN, "Observer"),
        ):
            add("User", id=users_id, name=login, realname=real, profiles_id=4 if users_id != 8 else 2)
        store.put(ACCOUNTS, _account(2, "glpi", "", 4))
        store.put(ACCOUNTS, _account(7, DEMO_PASSWORD, DEMO_USER_TOKEN, 4))
        store.put(ACCOUNTS, _account(8, OBSERVER_PASSWORD, OBSERVER_TOKEN, 2))
        for number, (name, serial, kind, maker, entity, deleted) in enumerate(COMPUTERS, start=1):
            add(
                "Computer",
                id=number,
                name=name,
                serial=serial,
                computertypes_id=kind,
                manufacturers_id=maker,
                entities_id=entity,
                is_deleted=deleted,
                locations_id=1 if entity else 0,
                computermodels_id=1 if maker == 1 else 0,
            )
        add(
            "Item_OperatingSystem",
            id=1,
            itemtype="Computer",
            items_id=1,
            operatingsystems_id=1,
            operatingsystemversions_id=1,
            licenseid="00430-64269-15962-AA009",
            entities_id=1,
        )
        add("Supplier", id=1, name="Dell Technologies", entities_id=0, is_recursive=1)
        add("Supplier", id=2, name="Oracle", entities_id=0, is_recursive=1)
        add(
            "Contract",
            id=1,
            name="Dell ProSupport srv-0009",
            num="DELL-PS-0009",
            contracttypes_id=1,
            begin_date="2024-01-01",
            duration=36,
            entities_id=1,
        )
        add("Contract_Item", id=1, contracts_id=1, itemtype="Computer", items_id=1)
        add("Contract_Supplier", id=1, contracts_id=1, suppliers_id=1)
        add("Software", id=1, name="Oracle Database", manufacturers_id=0, entities_id=1)
        add("SoftwareVersion", id=1, softwares_id=1, name="19c", entities_id=1)
        add("Appliance", id=1, name="LegalEdge", appliancetypes_id=1, entities_id=1)
        add("Appliance_Item", id=1, appliances_id=1, itemtype="Computer", items_id=1)
        add(
            "Ticket",
            id=1,
            name="srv-0009: disk usage warning",
            content="<p>Disk usage on C: is above 90% & rising</p>",
            entities_id=1,
            users_id_recipient=7,
            date="2026-01-05 09:30:00",
            date_mod="2026-01-05 10:15:00",
            itilcategories_id=1,
            urgency=4,
            impact=3,
            priority=4,
        )
        add(
            "ITILFollowup",
            id=1,
            itemtype="Ticket",
            items_id=1,
            users_id=2,
            content="<p>Cleaned the temp folder.</p>",
            date="2026-01-05 10:15:00",
            date_creation="2026-01-05 10:15:00",
            date_mod="2026-01-05 10:15:00",
        )
        add("Item_Ticket", id=1, itemtype="Computer", items_id=1, tickets_id=1)
