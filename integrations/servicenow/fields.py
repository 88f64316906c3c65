"""Field discovery: a table's columns, inherited ones included, from `sys_db_object` and `sys_dictionary`."""

from dataclasses import dataclass

from .client import ServiceNowClient
from .exceptions import NotFound


@dataclass(frozen=True)
class FieldInfo:
    table: str  # where the column is defined (the table itself or an ancestor)
    name: str
    label: str
    type: str
    reference: str
    mandatory: bool


def table_chain(client: ServiceNowClient, table: str) -> list[str]:
    """`table` and its ancestors, nearest first."""
    chain: list[str] = []
    rows = list(client.records("sys_db_object", f"name={table}", ["name", "super_class"], page_size=1))
    if not rows:
        raise NotFound(f"No table {table} on the instance", status=404, path="/api/now/table/sys_db_object")
    row = rows[0]
    while row and row.get("name") not in chain:
        chain.append(row["name"])
        parent = row.get("super_class") or ""
        row = client.get("sys_db_object", parent) if parent else None
    return chain


def discover_fields(client: ServiceNowClient, table: str) -> list[FieldInfo]:
    chain = table_chain(client, table)
    depth = {name: i for i, name in enumerate(chain)}
    query = f"nameIN{','.join(chain)}^elementISNOTEMPTY"
    wanted = ["name", "element", "column_label", "internal_type", "reference", "mandatory"]
    found: dict[str, FieldInfo] = {}
    for row in client.records("sys_dictionary", query, wanted):
        info = FieldInfo(
            row["name"],
            row["element"],
            row.get("column_label", ""),
            row.get("internal_type", ""),
            row.get("reference", ""),
            row.get("mandatory") == "true",
        )
        current = found.get(info.name)
        if current is None or depth[info.table] < depth[current.table]:
            found[info.name] = info
    return sorted(found.values(), key=lambda f: (depth[f.table], f.name))
