"""“Take into the portfolio”: a value changed in the target becomes the portfolio's, through the
platform's reverse mapping and the catalog's own validation."""

from django.core.exceptions import ValidationError
from django.db import models

from catalog.models import BusinessApplication, DeploymentProfile, ITService, ProductContract, SoftwareProduct
from integrations.base.platform import platform_of
from sync import diff
from sync.models import RunItem

MODELS: dict[str, type[models.Model]] = {
    "application": BusinessApplication,
    "deployment": DeploymentProfile,
    "it_service": ITService,
    "software_product": SoftwareProduct,
    "contract": ProductContract,
}


def _target(row: RunItem, name: str) -> tuple[models.Model | None, str, str, str]:
    """(portfolio record, attribute, value, problem)."""
    change = row.diff.get(name)
    if change is None or name == diff.GONE:
        return None, "", "", f"“{name}” has no target value to take into the portfolio."
    found = platform_of(row.run.connection).portfolio_value(row.kind, name, change.get("target", ""))
    if found is None:
        return None, "", "", f"the target's “{name}” has no portfolio field to go to; keep or overwrite it."
    model = MODELS.get(row.kind)
    record = (
        model.objects.filter(pk=row.record_id, namespace=row.run.connection.namespace).first()
        if model
        else None
    )
    if record is None:
        return None, "", "", "the portfolio record no longer exists."
    return record, found[0], found[1], ""


def problem(row: RunItem, name: str) -> str:
    record, attribute, value, problem = _target(row, name)
    if problem:
        return problem
    setattr(record, attribute, value)
    try:
        record.full_clean()
    except ValidationError as exc:
        messages = "; ".join(m for ms in exc.message_dict.values() for m in ms)
        return f"the target's “{name}” ({value!r}) is not valid in the portfolio: {messages}"
    return ""


def take(connection, row: RunItem, names: list[str]) -> str:
    """Write the target's values into the portfolio (the caller holds the transaction)."""
    taken = []
    for name in names:
        record, attribute, value, problem = _target(row, name)
        if problem:
            raise ValueError(problem)
        setattr(record, attribute, value)
        record.save(update_fields=[attribute, "updated_at"])
        taken.append(f"{attribute} = {value!r}")
    return f"Taken into the portfolio: {', '.join(taken)}. Preview again to publish."
