"""The filters of the run list and of a run's audit log (django-filter); a bad value is a form error."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from catalog.filters import ascii_int
from integrations.models import Connection
from sync.models import AuditEntry, Run, RunKind, RunStatus

ERRORS = "errors"


def validate_status(value: str) -> None:
    if value != ERRORS and ascii_int(value, 0, 999) is None:
        raise forms.ValidationError("Choose “errors” or an HTTP status code (0–999).")


class RunFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="Run", choices=RunKind.choices, empty_label="Any run")
    status = django_filters.ChoiceFilter(label="Status", choices=RunStatus.choices, empty_label="Any status")
    connection = django_filters.ModelChoiceFilter(
        label="Connection", queryset=Connection.objects.none(), empty_label="Any connection"
    )

    class Meta:
        model = Run
        fields: list[str] = []

    def __init__(self, *args, namespace, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["connection"].queryset = Connection.objects.filter(namespace=namespace)


class AuditFilter(django_filters.FilterSet):
    status = django_filters.CharFilter(label="Status", method="filter_status", validators=[validate_status])
    method = django_filters.CharFilter(label="Method", max_length=10)
    q = django_filters.CharFilter(label="Path contains", field_name="path", lookup_expr="icontains")

    class Meta:
        model = AuditEntry
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == ERRORS:
            return queryset.filter(Q(status__gte=400) | Q(status=0))
        return queryset.filter(status=int(value))
