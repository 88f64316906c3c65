"""Demo data: a small Halo instance whose services, suppliers and assets share names with the demo
portfolio (catalog/demo.py), with discovered servers for the subscribe side. The asset types include
Server, Workstation and Software but not "Business application" or "Application instance", so the
product's asset-type setup step has types to create."""

from typing import Any

from .resources import RESOURCES, STATUS_DOMAINS
from .store import HaloStore
from .writes import Writer

SERVER_FIELDS = (
    "Hostname",
    "Model",
    "Serial Number",
    "Manufacturer",
    "Operating System",
    "OS Version",
    "OS Licence",
)

ASSET_GROUPS = [{"name": "Hardware"}, {"name": "Software"}, {"name": "Network"}]
ASSET_TYPES = [
    ("Server", 1, "SRV"),
    ("Workstation", 1, "WS"),
    ("Laptop", 1, "LT"),
    ("Software", 2, "SW"),
    ("Firewall", 3, "FW"),
]
STATUSES = [
    {"name": "Active", "type": STATUS_DOMAINS["assets"], "colour": "#2e7d32"},
    {"name": "In Repair", "type": STATUS_DOMAINS["assets"], "colour": "#f9a825"},
    {"name": "Retired", "type": STATUS_DOMAINS["assets"], "colour": "#757575"},
    {"name": "New", "type": STATUS_DOMAINS["tickets"], "colour": "#1565c0"},
    {"name": "In Progress", "type": STATUS_DOMAINS["tickets"], "colour": "#6a1b9a"},
    {"name": "Closed", "type": STATUS_DOMAINS["tickets"], "colour": "#424242"},
]
SERVICES = [
    ("Application Hosting", "Managed virtual and container hosting."),
    ("Database Services", "Managed databases."),
    ("Help Desk Services", "First-line support."),
    ("Network Infrastructure", "LAN, WAN and firewalls."),
    ("Printing", "Managed print service."),
]
SUPPLIERS = ["Microsoft", "Oracle", "Red Hat", "Dell Technologies", "Hewlett Packard Enterprise"]
# hostname, model, serial, maker, OS, OS version, OS licence, supplier (1-based), warranty end month
# fmt: off
SERVERS = [
    ("srv-db-01", "PowerEdge R750", "DL7Q2K3", "Dell", "Red Hat Enterprise Linux", "9.3", "", 4, "2027-03"),
    ("srv-db-02", "PowerEdge R750", "DL7Q2K4", "Dell", "Red Hat Enterprise Linux", "9.3", "", 4, "2027-03"),
    ("srv-app-01", "ProLiant DL380", "CZ2019ABC", "HPE", "Windows Server", "2022", "00454-AA101", 5, ""),
    ("srv-app-02", "ProLiant DL380", "CZ2019ABD", "HPE", "Windows Server", "2019", "00430-AA102", 5, ""),
    ("srv-web-01", "PowerEdge R650", "DL8X0P1", "Dell", "Ubuntu Server", "22.04", "", 4, "2028-01"),
    ("Tableau Server", "PowerEdge R650", "DL8X0P2", "Dell", "Windows Server", "2022", "00454-AA103", 4, ""),
]
# fmt: on
SOFTWARE = [("Oracle Database", "19c", 2), ("Microsoft SQL Server", "2019", 1), ("Windows Server", "2022", 1)]


def seed_demo(store: HaloStore) -> None:
    """Fill an empty store with the demo instance (through the same checks as the API)."""
    writer = Writer(store)

    def post(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return writer.upsert(RESOURCES[name], rows)

    post("assetgroup", ASSET_GROUPS)
    field_list = [{"id": i, "name": n} for i, n in enumerate(SERVER_FIELDS, start=1)]
    post(
        "assettype",
        [
            {
                "name": name,
                "assetgroup_id": group,
                "tagprefix": prefix,
                "keyfield_id": 1,
                "keyfield_name": "Hostname" if group == 1 else "Name",
                "keyfield2_id": 2,
                "keyfield2_name": "Model" if group == 1 else "Version",
                "keyfield3_id": 3,
                "keyfield3_name": "Serial Number",
                "field_list": field_list if group == 1 else [],
            }
            for name, group, prefix in ASSET_TYPES
        ],
    )
    post("status", STATUSES)
    (client,) = post("client", [{"name": "Demo Organisation"}])
    (site,) = post("site", [{"name": "Head Office", "client_id": client["id"]}])
    post(
        "users",
        [
            {"name": "API Agent", "login": "api", "emailaddress": "api@example.org", "site_id": site["id"]},
            {"name": "Dana Scully", "emailaddress": "dana.scully@example.org", "site_id": site["id"]},
        ],
    )
    post("service", [{"name": n, "summary": s, "current_status": 1} for n, s in SERVICES])
    supplier_ids = [s["id"] for s in post("supplier", [{"name": n} for n in SUPPLIERS])]
    post(
        "asset",
        [
            {
                "inventory_number": f"SRV-{number:04d}",
                "assettype_id": 1,
                "client_id": client["id"],
                "site_id": site["id"],
                "key_field": host,
                "key_field2": model,
                "key_field3": serial,
                "supplier_id": supplier_ids[supplier - 1],
                **({"warranty_end": f"{warranty_end}-31"} if warranty_end else {}),
                "fields": [
                    {"id": i, "name": n, "value": v}
                    for i, (n, v) in enumerate(zip(SERVER_FIELDS, values, strict=True), start=1)
                ],
            }
            for number, (*values, supplier, warranty_end) in enumerate(SERVERS, start=1)
            for host, model, serial in [values[:3]]
        ],
    )
    post(
        "asset",
        [
            {
                "inventory_number": f"SW-{number:04d}",
                "assettype_id": 4,
                "client_id": client["id"],
                "site_id": site["id"],
                "key_field": name,
                "key_field2": version,
                "supplier_id": supplier_ids[supplier - 1],
            }
            for number, (name, version, supplier) in enumerate(SOFTWARE, start=1)
        ],
    )
    post(
        "clientcontract",
        [
            {
                "ref": "Oracle support",
                "client_id": client["id"],
                "start_date": "2025-01-01",
                "end_date": "2027-12-31",
            }
        ],
    )
