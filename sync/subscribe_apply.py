"""Applying a pull's diff to the portfolio: only the rows an admin chose, with the deployments the admin
confirmed, all in one transaction with the audit (each applied row records who, when, what it did and the
values it overwrote). Everything is checked first: one refused row writes nothing."""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from catalog.models import DeploymentProfile, InfrastructureItem
from sync.models import ChangeKind, Pull, PullChange, PullStatus
from sync.subscribe import FIELDS, SubscribeRefused, reasons, set_values, source_of, values_of


@dataclass
class Applied:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.created} added, {self.updated} updated, {self.deleted} removed"


def suggested_ids(change: PullChange, *, guesses: bool = True) -> list[str]:
    """What the page pre-selects: the item's deployments now, and the suggestions (name guesses too)."""
    chosen = list((change.current or {}).get("deployments", []))
    chosen += [pk for pk, _, why in change.suggested if guesses or why != "by name"]
    return list(dict.fromkeys(chosen))


def apply_pull(pull: Pull, chosen: dict[int, list[str]], user=None) -> Applied:
    """Apply the changes `chosen` (change id → confirmed deployment ids). Raises SubscribeRefused, with
    every reason, when any of them cannot be applied; then nothing is written."""
    if pull.status != PullStatus.READY:
        raise SubscribeRefused(
            f"This pull is {pull.get_status_display().lower()}: pull again to apply changes."
        )
    if not chosen:
        raise SubscribeRefused("Choose at least one change to apply.")
    try:
        return _apply(pull, chosen, user)
    except IntegrityError:  # a name or source id taken meanwhile by another session
        raise SubscribeRefused("Another change to the infrastructure items came first: pull again.") from None


def _apply(pull: Pull, chosen: dict[int, list[str]], user) -> Applied:
    with transaction.atomic():
        locked = Pull.objects.select_for_update().get(pk=pull.pk)
        if locked.status != PullStatus.READY:
            raise SubscribeRefused("This pull was applied or superseded meanwhile.")
        changes = list(
            pull.changes.filter(pk__in=chosen, applied_at__isnull=True)
            .exclude(kind=ChangeKind.UNCHANGED)
            .select_related("item")
        )
        if len(changes) != len(chosen):
            raise SubscribeRefused("Some chosen changes are unknown, unchanged or already applied.")
        namespace = pull.connection.namespace
        wanted = {pk for ids in chosen.values() for pk in ids}
        known = {
            str(pk)
            for pk in DeploymentProfile.objects.filter(
                namespace=namespace, pk__in=valid_uuids(wanted)
            ).values_list("pk", flat=True)
        }
        if wanted - known:
            raise SubscribeRefused("Some chosen deployments are not in this namespace.")
        result = Applied()
        planned = [(change, plan(change, pull, result.problems)) for change in changes]
        names = [item.name.lower() for change, item in planned if item is not None and change.kind != "gone"]
        if len(names) != len(set(names)):
            result.problems.append(
                "Two chosen assets have the same name: apply one of them, rename it, then the other."
            )
        if result.problems:
            raise SubscribeRefused(" ".join(result.problems))
        now = timezone.now()
        for change, item in planned:
            if change.kind == ChangeKind.GONE:
                change.item.delete()
                change.item = None  # its values stay in `current`, the audit of what was removed
                change.result, result.deleted = "removed from the portfolio", result.deleted + 1
            else:
                created = item._state.adding
                item.save()
                item.deployments.set(chosen[change.pk])
                change.item = item
                change.deployments = chosen[change.pk]
                change.result = "added" if created else "updated"
                result.created += created
                result.updated += not created
            change.applied_at, change.applied_by = now, user
            change.save(update_fields=["item", "deployments", "result", "applied_at", "applied_by"])
        Pull.objects.filter(pk=pull.pk).update(status=PullStatus.APPLIED, applied_at=now, applied_by=user)
    pull.refresh_from_db()
    return result


def valid_uuids(values: set[str]) -> list[str]:
    out = []
    for value in values:
        try:
            out.append(str(uuid.UUID(str(value))))
        except ValueError:
            continue
    return out


def plan(change: PullChange, pull: Pull, problems: list[str]) -> InfrastructureItem | None:
    """The item as it will be saved (not saved yet), or None with a problem recorded."""
    connection = pull.connection
    if change.kind != ChangeKind.NEW:
        item = change.item
        if item is None:
            problems.append(f"{change.name}: the item was deleted in the portfolio since the pull.")
            return None
        now = values_of(item)
        if any(now[f] != change.current.get(f, "") for f in FIELDS):
            problems.append(
                f"{change.name}: the item was edited in the portfolio since the pull; pull again."
            )
            return None
        if change.kind == ChangeKind.GONE:
            return item
    else:
        item = InfrastructureItem(namespace=connection.namespace)
    set_values(item, change.values)
    item.source, item.source_id = source_of(connection), change.target_id
    try:
        item.full_clean()
    except ValidationError as exc:
        problems.append(f"{change.name}: {reasons(exc)}")
        return None
    return item
