"""The filters of the portfolio lists (django-filter), and number parsing that only reads ASCII digits.

Python's int() also reads digits of other scripts ("٣" is 3) and raises on others ("²"), so numbers
from a query string are checked against [0-9] first: anything else is a form error, never a 500."""

import re

import django_filters
from django import forms
from django.db.models import QuerySet

from catalog.choices import (
    BusinessCriticality,
    ContractKind,
    Environment,
    InfrastructureType,
    LifecycleStage,
    LifecycleStatus,
    OperationalStatus,
    ServiceScope,
)
from catalog.models import BusinessApplication, InfrastructureItem, ITService, ProductContract

ASCII_INTEGER = re.compile(r"-?[0-9]{1,18}")


def ascii_int(text: str, minimum: int, maximum: int) -> int | None:
    """`text` as a whole number within [minimum, maximum], or None."""
    text = text.strip()
    if not ASCII_INTEGER.fullmatch(text):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


class AsciiIntegerField(forms.IntegerField):
    """An IntegerField that accepts only ASCII digits (and a sign)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not ASCII_INTEGER.fullmatch(str(value).strip()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class AsciiNumberFilter(django_filters.NumberFilter):
    field_class = AsciiIntegerField


class BusinessApplicationFilter(django_filters.FilterSet):
    operational_status = django_filters.ChoiceFilter(
        label="Status", choices=OperationalStatus.choices, empty_label="Any status"
    )
    lifecycle_stage = django_filters.ChoiceFilter(
        label="Stage", choices=LifecycleStage.choices, empty_label="Any stage"
    )
    lifecycle_status = django_filters.ChoiceFilter(
        label="Lifecycle status", choices=LifecycleStatus.choices, empty_label="Any lifecycle status"
    )
    business_criticality = django_filters.ChoiceFilter(
        label="Criticality", choices=BusinessCriticality.choices, empty_label="Any criticality"
    )
    environment = django_filters.ChoiceFilter(
        label="Environment",
        choices=Environment.choices,
        empty_label="Any environment",
        field_name="deployments__environment",
        distinct=True,
    )

    class Meta:
        model = BusinessApplication
        fields: list[str] = []


class ITServiceFilter(django_filters.FilterSet):
    scope = django_filters.ChoiceFilter(label="Scope", choices=ServiceScope.choices, empty_label="Any scope")

    class Meta:
        model = ITService
        fields: list[str] = []


class ProductContractFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="Kind", choices=ContractKind.choices, empty_label="Any kind")

    class Meta:
        model = ProductContract
        fields: list[str] = []


class InfrastructureItemFilter(django_filters.FilterSet):
    item_type = django_filters.ChoiceFilter(
        label="Type", choices=InfrastructureType.choices, empty_label="Any type"
    )
    source = django_filters.ChoiceFilter(label="Source", empty_label="Any source", choices=[])
    most_sources = 100

    class Meta:
        model = InfrastructureItem
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        """The sources to choose from are those of the namespace's items (the view passes them all)."""
        super().__init__(*args, **kwargs)
        sources = self.queryset.order_by("source").values_list("source", flat=True).distinct()
        self.filters["source"].extra["choices"] = [(s, s) for s in sources[: self.most_sources]]


def filtered(filterset: django_filters.FilterSet) -> QuerySet:
    """The filtered records, or none while a filter value is invalid (its error is shown instead)."""
    return filterset.qs if filterset.is_valid() else filterset.queryset.none()
