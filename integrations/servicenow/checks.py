"""“Test connection”: can the product authenticate, read every table it reads, and call IRE?"""

from integrations.base.platform import Check

from .client import ServiceNowClient
from .exceptions import AuthenticationFailed, ConnectionFailed, InstanceHibernating, ServiceNowError

READ_TABLES = (
    "service_offering",
    "cmdb_software_product_model",
    "cmdb_ci_business_app",
    "cmdb_ci_service_auto",
    "cmdb_ci_service_technical",
    "cmdb_rel_ci",
    "cmdb_rel_type",
    "sys_choice",
    "sys_dictionary",
)


def describe(error: ServiceNowError, subject: str) -> str:
    """What went wrong and what to do first, then the instance's (or the network's) own words, e.g.
    "The integration user is not allowed … (403: Insufficient rights to query records) — service_offering"."""
    detail = error.detail if error.detail not in error.message else ""
    said = ": ".join(part for part in (str(error.status or ""), detail) if part)
    return f"{error.message}{f' ({said})' if said else ''} — {subject}"


def run_checks(client: ServiceNowClient, data_source: str) -> list[Check]:
    checks = []
    try:
        client.authenticate()
        checks.append(Check("Authenticate", True, f"Signed in to {client.base_url}"))
    except InstanceHibernating:
        return [
            Check(
                "Authenticate",
                False,
                "The instance is hibernating (it answered a web page): wake it up and retry",
            )
        ]
    except (AuthenticationFailed, ConnectionFailed, ServiceNowError) as exc:
        return [Check("Authenticate", False, describe(exc, "sign-in"))]
    for table in READ_TABLES:
        try:
            total = client.count(table)
            checks.append(Check(f"Read {table}", True, f"{total} record{'s' if total != 1 else ''}"))
        except InstanceHibernating:
            checks.append(Check(f"Read {table}", False, "The instance is hibernating: wake it up and retry"))
            return checks
        except ServiceNowError as exc:
            checks.append(Check(f"Read {table}", False, describe(exc, table)))
    try:
        client.identify_reconcile([], data_source=data_source, commit=False)
        checks.append(Check("Identify and Reconcile API", True, "Reachable (dry run, nothing written)"))
    except ServiceNowError as exc:
        checks.append(Check("Identify and Reconcile API", False, describe(exc, "identifyreconcile")))
    return checks
