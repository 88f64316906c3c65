"""The standard change catalog a new sandbox holds (templates, their versions and values), the groups a
pipeline assigns changes to, and how a standard change receives its template's values."""

from typing import Any

from . import errors
from .records import Records

GROUPS = ("Change Management", "Platform Operations", "Database Administration")
# Fields a template never sets on the change it creates: the change model decides them.
PROTECTED = {"type", "state", "approval", "active", "std_change_producer_version", "number"}
# name → (template values, with `assignment_group` given by group name)
TEMPLATES: dict[str, dict[str, str]] = {
    "Deploy application release": {
        "short_description": "Deploy application release",
        "description": "Deploy a tested release of an application through its delivery pipeline.",
        "implementation_plan": "Deploy the release artefact with the pipeline; run the smoke tests.",
        "backout_plan": "Redeploy the previous release artefact with the pipeline.",
        "test_plan": "Automated smoke tests and health checks pass after the deployment.",
        "risk": "4",
        "impact": "3",
        "priority": "4",
        "assignment_group": "Application Support",
    },
    "Restart application service": {
        "short_description": "Restart application service",
        "description": "Restart the application's service processes on every node, one node at a time.",
        "implementation_plan": "Drain each node from the load balancer, restart the service, re-enable it.",
        "backout_plan": "Return the node to the load balancer; escalate to Application Support.",
        "test_plan": "Health endpoint answers on every node.",
        "risk": "4",
        "impact": "3",
        "priority": "4",
        "assignment_group": "Application Support",
    },
    "Apply OS security patches": {
        "short_description": "Apply OS security patches",
        "description": "Apply the vendor's monthly operating system security patches.",
        "implementation_plan": "Patch and reboot the servers in rolling batches.",
        "backout_plan": "Uninstall the patches or restore the pre-patch snapshot.",
        "test_plan": "Servers report the patch level; monitoring is green.",
        "risk": "3",
        "impact": "2",
        "priority": "3",
        "assignment_group": "Platform Operations",
    },
    "Rotate TLS certificate": {
        "short_description": "Rotate TLS certificate",
        "description": "Replace a TLS certificate before it expires.",
        "implementation_plan": "Install the new certificate and key; reload the listeners.",
        "backout_plan": "Reinstall the previous certificate while it is still valid.",
        "test_plan": "The endpoints present the new certificate and its full chain.",
        "risk": "4",
        "impact": "3",
        "priority": "4",
        "assignment_group": "Platform Operations",
    },
}


def encode(values: dict[str, str]) -> str:
    return "^".join(f"{field}={value}" for field, value in values.items()) + "^EQ"


def decode(template: str) -> dict[str, str]:
    """`field=value^field=value^EQ` → fields and values (ServiceNow's template encoding)."""
    values = {}
    for part in template.split("^"):
        field, sep, value = part.partition("=")
        if sep and field:
            values[field] = value
    return values


def seed_catalog(records: Records, stable_id) -> None:
    """Add the groups and standard change templates missing from the instance (by their stable sys_ids)."""
    store = records.store

    def add(table: str, values: dict[str, str], *key: str) -> str:
        sys_id = stable_id(table, *key)
        if store.locate(table, sys_id) is None:
            records.create(table, values, "system", sys_id=sys_id)
        return sys_id

    for group in GROUPS:
        add("sys_user_group", {"name": group}, group)
    for name, fields in TEMPLATES.items():
        values = dict(fields)
        values["assignment_group"] = stable_id("sys_user_group", fields["assignment_group"])
        template = add("std_change_template", {"name": name, "template": encode(values)}, name)
        producer_id = stable_id("std_change_record_producer", name)
        version = add(
            "std_change_producer_version",
            {"name": f"{name} - 1", "std_change_producer": producer_id, "version": "1", "template": template},
            name,
            "1",
        )
        add(
            "std_change_record_producer",
            {"name": name, "short_description": fields["description"], "current_version": version},
            name,
        )


def apply_template(records: Records, values: dict[str, Any]) -> dict[str, Any]:
    """A standard change's values with its template's values added for the fields the caller did not
    send; 403 "Operation Failed" when the producer version, its template or its producer is unusable."""
    version_id = str(values.get("std_change_producer_version") or "")
    if isinstance(values.get("std_change_producer_version"), dict):
        version_id = str(values["std_change_producer_version"].get("value", ""))
    if not version_id:
        raise errors.operation_failed(
            "A standard change needs a standard change template: set std_change_producer_version to the "
            "sys_id of a std_change_producer_version record."
        )
    found = records.store.locate("std_change_producer_version", version_id)
    if found is None:
        raise errors.operation_failed(
            f"Invalid std_change_producer_version: {version_id} is not a standard change template version."
        )
    version = found[1]
    producer = records.store.locate("std_change_record_producer", version.get("std_change_producer", ""))
    if producer is not None and producer[1].get("active") == "false":
        raise errors.operation_failed(
            f"The standard change template “{producer[1].get('name')}” is inactive (retired)."
        )
    template = records.store.locate("std_change_template", version.get("template", ""))
    if template is None or template[1].get("active") == "false":
        raise errors.operation_failed(
            f"The template of standard change template version “{version.get('name')}” is missing or "
            "inactive."
        )
    applied = {k: v for k, v in decode(template[1].get("template", "")).items() if k not in PROTECTED}
    return {**applied, **values, "std_change_producer_version": version_id}
