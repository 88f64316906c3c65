"""A queued conflict resolved by a person, field by field: the value kept is written to the other side
and recorded on the link as both sides' last-synced value, so the next run sees no change."""

from contextlib import ExitStack, closing

from django.db import transaction
from django.utils import timezone

from integrations.clients import client_for
from integrations.glpi import tickets as glpi
from integrations.servicenow import tickets as servicenow
from tickets.models import ConflictState, Resolution, TicketConflict, TicketSyncLog
from tickets.values import MARKER, canonical, to_glpi, to_servicenow
from tickets.writer import GLPI_STAMP, sn_stamp


class ConflictGone(ValueError):
    """The conflict was resolved already, or its field left the mapping."""


def resolve(conflict: TicketConflict, keep: str, user=None) -> None:
    """Keep GLPI's (`keep="glpi"`) or ServiceNow's value. Raises ConflictGone, Unmapped (the value map
    has no entry), or TargetError when the other side refuses the write (nothing is recorded then)."""
    if conflict.state != ConflictState.OPEN:
        raise ConflictGone("This conflict is already resolved.")
    if keep not in ("glpi", "servicenow"):
        raise ValueError("Keep “glpi” or “servicenow”.")
    link, pair = conflict.link, conflict.pair
    mapping = pair.parsed_mapping()
    rule = next((r for r in mapping.fields if r.glpi == conflict.field), None)
    if rule is None:
        raise ConflictGone(f"The mapping no longer has the field {conflict.field}.")
    with ExitStack() as stack:
        if keep == "glpi":
            client = stack.enter_context(closing(client_for(pair.servicenow)))
            written = to_servicenow(mapping, rule, str(conflict.glpi_value or ""))
            updated = servicenow.update_incident(client, link.servicenow_sys_id, {rule.servicenow: written})
            link.servicenow_values = {
                **link.servicenow_values,
                rule.servicenow: canonical(rule, "servicenow", updated.get(rule.servicenow)),
                "_stamp": sn_stamp(updated),
            }
            link.glpi_values = {**link.glpi_values, rule.glpi: str(conflict.glpi_value or "")}
        else:
            client = stack.enter_context(closing(client_for(pair.glpi)))
            value = to_glpi(mapping, rule, str(conflict.servicenow_value or ""))
            if rule.glpi == "content":
                kept = MARKER.search(str(glpi.get_ticket(client, link.glpi_id).get("content") or ""))
                value += f"<p>{kept[0].strip()}</p>" if kept else ""
            glpi.update_ticket(client, link.glpi_id, {rule.glpi: value})
            fresh = glpi.get_ticket(client, link.glpi_id)
            link.glpi_values = {
                **link.glpi_values,
                rule.glpi: canonical(rule, "glpi", fresh.get(rule.glpi)),
                "_stamp": fresh.get(GLPI_STAMP),
            }
            link.servicenow_values = {
                **link.servicenow_values,
                rule.servicenow: str(conflict.servicenow_value or ""),
            }
    with transaction.atomic():
        link.save(update_fields=["glpi_values", "servicenow_values"])
        conflict.state = ConflictState.RESOLVED
        conflict.resolution = Resolution.GLPI if keep == "glpi" else Resolution.SERVICENOW
        conflict.resolved_by = user
        conflict.resolved_at = timezone.now()
        conflict.save()
        who = f" by {user}" if user else ""
        side = "GLPI" if keep == "glpi" else "ServiceNow"
        message = f"{link}: conflict on {conflict.field} resolved{who}, {side}'s value kept"
        TicketSyncLog.objects.create(pair=pair, link=link, message=message)
