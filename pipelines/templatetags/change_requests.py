"""`{% change_requests application %}`: the change requests pipelines made for an application, per
environment, on its detail page. It lives in pipelines so that the catalog needs no import of it."""

from itertools import groupby

from django import template

from pipelines.models import ChangeRequest

register = template.Library()


@register.inclusion_tag("pipelines/_change_requests.html", takes_context=True)
def change_requests(context, application) -> dict:
    rows = (
        ChangeRequest.objects.filter(namespace_id=application.namespace_id, application=application.app_id)
        .select_related("connection", "token")
        .order_by("environment", "-created_at")[:200]
    )
    groups = [(env, list(items)) for env, items in groupby(rows, key=lambda c: c.environment)]
    return {"groups": groups, "namespace": context.get("namespace")}
