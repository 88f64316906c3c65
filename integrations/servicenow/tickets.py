"""ServiceNow incidents: what the ticket sync reads and writes (discovery only for now)."""

from dataclasses import dataclass

from integrations.servicenow.client import ServiceNowClient
from integrations.servicenow.fields import discover_fields

TABLE = "incident"


@dataclass(frozen=True)
class IncidentField:
    field: str
    label: str
    type: str  # sys_dictionary's internal_type
    reference: str
    defined_on: str  # incident, or the ancestor (task) that defines it
    choices: tuple[tuple[str, str], ...] = ()


def incident_fields(client: ServiceNowClient) -> list[IncidentField]:
    """The incident's columns, inherited ones included (`sys_dictionary`), with their choices
    (`sys_choice`, name=incident, or the defining table's when incident has none of its own)."""
    columns = discover_fields(client, TABLE)
    tables = sorted({column.table for column in columns} | {TABLE})
    choices: dict[tuple[str, str], list[tuple[str, str]]] = {}
    query = f"nameIN{','.join(tables)}^ORDERBYsequence"
    for row in client.records("sys_choice", query, ["name", "element", "value", "label", "inactive"]):
        if row.get("inactive") == "true":
            continue
        choices.setdefault((row.get("name", ""), row.get("element", "")), []).append(
            (str(row.get("value", "")), str(row.get("label", "")))
        )
    return [
        IncidentField(
            column.name,
            column.label,
            column.type,
            column.reference,
            column.table,
            tuple(choices.get((TABLE, column.name)) or choices.get((column.table, column.name)) or ()),
        )
        for column in columns
    ]
