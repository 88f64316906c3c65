"""The service catalog request's state rule: a submitted request that needs no (further) approval goes
on to "in process" at once, as an instance's request workflow moves it (the Ansible collection expects
`request_state: submitted` to come back `in_process`)."""

from typing import Any

PROCEEDS = ("approved", "not requested")


def before_write(record: dict[str, str], values: dict[str, Any]) -> dict[str, Any]:
    merged = {**record, **values}
    if str(merged.get("request_state") or "") == "submitted" and merged.get("approval", "") in PROCEEDS:
        return {**values, "request_state": "in_process"}
    return values
