"""ServiceNow incidents: what the ticket sync reads and writes (field discovery, changed incidents,
comments and work notes as journal entries)."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from integrations.servicenow.batch_api import records_many
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


# Ticket sync: reads and writes ----------------------------------------------------------------------

JOURNAL = "sys_journal_field"
JOURNAL_FIELDS = ("comments", "work_notes")


def changed_incidents(client: ServiceNowClient, since: str | None, scope: str) -> Iterator[dict[str, Any]]:
    """Incidents in `scope` (an encoded query) updated at or after `since` (`YYYY-MM-DD HH:MM:SS`, the
    instance's UTC), oldest first, a page at a time."""
    parts = [f"sys_updated_on>={since}"] if since else []
    parts += [scope] if scope else []
    yield from client.records(TABLE, "^".join([*parts, "ORDERBYsys_updated_on"]))


ATTACHMENT_FIELDS = ["sys_id", "table_sys_id", "sys_created_on"]


def changed_incidents_with_files(
    client: ServiceNowClient, since: str, scope: str
) -> tuple[list[dict[str, Any]], dict[str, set[str]]]:
    """The incidents `changed_incidents` reads, and the attachments added to any incident since `since`
    (incident sys_id → attachment sys_ids), in one Batch API call: an attachment does not move its
    incident's `sys_updated_on`, so an idle sync would not notice a new file otherwise. A list longer than
    one page is finished with paged reads."""
    parts = [f"sys_updated_on>={since}", *([scope] if scope else []), "ORDERBYsys_updated_on"]
    files = f"table_name={TABLE}^sys_created_on>={since}"
    incidents, added = records_many(
        client, [(TABLE, "^".join(parts), []), ("sys_attachment", files, ATTACHMENT_FIELDS)]
    )
    by_incident: dict[str, set[str]] = {}
    for row in added:
        by_incident.setdefault(str(row.get("table_sys_id") or ""), set()).add(str(row.get("sys_id") or ""))
    return incidents, by_incident


def get_incident(client: ServiceNowClient, sys_id: str) -> dict[str, Any]:
    return client.get(TABLE, sys_id)


def create_incident(client: ServiceNowClient, values: dict[str, Any]) -> dict[str, Any]:
    return client.create(TABLE, values)


def update_incident(client: ServiceNowClient, sys_id: str, values: dict[str, Any]) -> dict[str, Any]:
    return client.update(TABLE, sys_id, values)


def find_incident(client: ServiceNowClient, marker: str) -> str | None:
    """The incident holding the work note `marker` (what the sync writes into incidents it creates)."""
    query = f"name={TABLE}^element=work_notes^value={marker}"
    for row in client.records(JOURNAL, query, ["element_id"], page_size=1):
        return str(row.get("element_id") or "") or None
    return None


def journal(client: ServiceNowClient, sys_id: str) -> list[dict[str, Any]]:
    """The incident's comments and work notes, oldest first."""
    query = f"name={TABLE}^element_id={sys_id}^elementIN{','.join(JOURNAL_FIELDS)}^ORDERBYsys_created_on"
    fields = ["sys_id", "element", "value", "sys_created_by", "sys_created_on"]
    return list(client.records(JOURNAL, query, fields))


def note_starting(client: ServiceNowClient, sys_id: str, prefix: str) -> str | None:
    """The text of the incident's first work note that starts with `prefix`, if any."""
    query = f"name={TABLE}^element_id={sys_id}^element=work_notes^valueSTARTSWITH{prefix}"
    for row in client.records(JOURNAL, query, ["value"], page_size=1):
        return str(row.get("value") or "")
    return None


RESOLVED_STATES = ("6", "7")  # Resolved, Closed: an instance's data policy wants the close fields then
CLOSE_CODE = "Solution provided"


def close_fields(record: dict[str, Any], values: dict[str, Any], defaults: Any, note: str) -> dict[str, str]:
    """The close code and notes to add when `values` resolve or close the incident and neither the
    record nor the values hold them: the mapping's defaults, else `Solution provided` and `note`."""
    if str(values.get("state", "")) not in RESOLVED_STATES:
        return {}
    wanted = {"close_code": str(defaults.get("close_code") or CLOSE_CODE), "close_notes": note}
    return {k: v for k, v in wanted.items() if not str(values.get(k) or record.get(k) or "").strip()}


ATTACHMENTS = "/api/now/attachment"


def attachments(client: ServiceNowClient, sys_id: str) -> list[dict[str, Any]]:
    """The incident's attachments' metadata (file name, content type, size, SHA-256 hash), oldest first."""
    query = f"table_name={TABLE}^table_sys_id={sys_id}^ORDERBYsys_created_on"
    body = client.json("GET", ATTACHMENTS, params={"sysparm_query": query}) or {}
    return list(body.get("result") or [])


def download_attachment(client: ServiceNowClient, attachment_id: str) -> bytes:
    return client.request("GET", f"{ATTACHMENTS}/{attachment_id}/file").content


def upload_attachment(
    client: ServiceNowClient, sys_id: str, name: str, content: bytes, content_type: str
) -> dict[str, Any]:
    params = {"table_name": TABLE, "table_sys_id": sys_id, "file_name": name}
    body = client.json("POST", f"{ATTACHMENTS}/file", params=params, data=content, content_type=content_type)
    return dict((body or {}).get("result") or {})
