"""The subscribe and webhook card of a connection's page, rendered by `sync` so the connection page
needs no knowledge of subscribing: `{% load subscribe_tags %}{% subscribe_card connection %}`."""

from django import template
from django.urls import reverse

from catalog.access import has_role
from catalog.choices import Role
from integrations.base.platform import platform_of
from sync.models import PullStatus, WebhookEndpoint

register = template.Library()


@register.inclusion_tag("sync/_subscribe_card.html", takes_context=True)
def subscribe_card(context, connection) -> dict:
    request = context["request"]
    platform = platform_of(connection)
    endpoint = WebhookEndpoint.objects.filter(connection=connection).first()
    return {
        "connection": connection,
        "namespace": connection.namespace,
        "platform": platform,
        "endpoint": endpoint,
        "url": request.build_absolute_uri(reverse("sync:webhook_receive", args=[connection.pk])),
        "ready": connection.pulls.filter(status=PullStatus.READY).count(),
        "is_admin": has_role(context.get("role"), Role.ADMIN) if context.get("role") else False,
        "csrf_token": context.get("csrf_token"),
    }
