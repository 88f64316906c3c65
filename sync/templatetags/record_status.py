"""`{% in_targets object %}`: the block of a portfolio record's detail page that says where the record
is in each target. It lives in sync so that the catalog needs no import of sync."""

from django import template

from sync.record_status import in_targets as rows_for

register = template.Library()


@register.inclusion_tag("sync/_in_targets.html")
def in_targets(obj) -> dict:
    return {"rows": rows_for(obj), "record": obj}
