"""PLACEHOLDER (the GLPI publish helper writes the real mapping): the portfolio's applications as GLPI
Appliances, only so the platform contract's mapping test has records. Replaced at merge."""

from typing import Any

from integrations.base.platform import Mapping, Record, Step


def steps() -> list[Step]:
    return [Step("appliances", "Applications → Appliance")]


def portfolio_records(snapshot: Any, options: Any) -> Mapping:
    records = [
        Record("appliances", "application", str(app["id"]), app["name"], "Appliance", {"name": app["name"]})
        for app in snapshot.applications
    ]
    return Mapping(records=records)
