"""A change as pipelines see it: the same document from the API and from `manage.py change`."""

from pipelines.models import ChangeRequest
from pipelines.polling import poll_interval


def change_document(change: ChangeRequest, page: str = "") -> dict:
    """`page`: the absolute address of the change's page, where the caller knows it."""
    return {
        "number": change.number,
        "sys_id": change.sys_id,
        "type": change.type,
        "state": change.state,
        "state_label": change.state_label,
        "approval": change.approval,
        "verdict": change.verdict,
        "cmdb_ci": change.cmdb_ci,
        "application": change.application,
        "environment": change.environment,
        "connection": change.connection.name,
        "url": change.url,
        "page": page,
        "poll_interval": poll_interval(),
        "poll_error": change.poll_error or None,
    }
