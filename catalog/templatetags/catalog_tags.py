from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django import template
from django.db.models import Model

register = template.Library()


def money(amount: Decimal | None, currency: str) -> str:
    return "" if amount is None else f"{amount:,.2f} {currency}".strip()


# Fields shown together with another: an amount with its currency.
SHOWN_WITH = {"annual_cost": lambda obj: money(obj.annual_cost, getattr(obj, "currency", ""))}


@register.filter
def cell(obj: Model, path: str) -> Any:
    """A column value for display: choice labels instead of stored values, `a__b` follows relations."""
    if path in SHOWN_WITH:
        return SHOWN_WITH[path](obj)
    head, _, rest = path.partition("__")
    display = getattr(obj, f"get_{head}_display", None)
    value = display() if display and not rest else getattr(obj, head, None)
    if rest and value is not None:
        return cell(value, rest)
    return "" if value is None else value


@register.simple_tag(takes_context=True)
def query_with(context, **changes: Any) -> str:
    """The current query string with some parameters replaced (sorting and paging links keep the search)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(list(params.lists()), doseq=True) if params else "?"


@register.simple_tag
def next_sort(current: str, column: str) -> str:
    return f"-{column}" if current == column else column


@register.filter
def get_item(mapping: dict, key: str) -> Any:
    return mapping.get(key)


@register.filter
def filled_items(mapping: dict | None) -> list[tuple[str, Any]]:
    """A mapping's entries that hold a value: an option left empty means "the default", not "= ·"."""
    return [(key, value) for key, value in (mapping or {}).items() if value not in ("", None, [], {})]
