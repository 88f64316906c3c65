"""The ticket pairs' part of the ServiceNow configuration package: each pair's ServiceNow webhook as the
plain data the Update Set generator takes (the package itself is `integrations.servicenow.update_set`)."""

from django.urls import reverse

from integrations.models import Connection
from integrations.servicenow.update_set_hooks import TicketHook
from tickets.models import TicketPair


def pair_hook(pair: TicketPair, base_url: str) -> TicketHook:
    """The pair's ServiceNow webhook at `base_url` (the product's address as ServiceNow reaches it)."""
    path = reverse("tickets:hook_receive", args=[pair.pk, "servicenow"])
    return TicketHook(key=str(pair.pk), name=pair.name, url=base_url.rstrip("/") + path)


def connection_hooks(connection: Connection, base_url: str) -> tuple[TicketHook, ...]:
    """The webhooks of every enabled pair syncing with this ServiceNow connection; ValueError when there
    is none or the base URL is not an http(s) address."""
    if not base_url.startswith(("https://", "http://")):
        raise ValueError(
            f"“{base_url}” is not the product's http(s) address (e.g. https://bridge.example.com)."
        )
    pairs = TicketPair.objects.filter(servicenow=connection, enabled=True).order_by("pk")
    if not pairs:
        raise ValueError(f"No enabled ticket sync pair uses the connection “{connection.name}”.")
    return tuple(pair_hook(pair, base_url) for pair in pairs)
