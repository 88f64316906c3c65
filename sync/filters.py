"""The filters of the run list and of a run's audit log (django-filter); a bad value is a form error."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from catalog.filters import ascii_int
from integrations.models import Connection
from sync.decisions import NEEDS_DECISION
from sync.models import AuditEntry, Outcome, PullChange, RecordKind, Run, RunItem, RunKind, RunStatus

ERRORS = "errors"
DECIDE = "decide"
MERGED_KINDS = ("application", "deployment", "it_service", "infrastructure_item")


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


class RunItemFilter(django_filters.FilterSet):
    """A run's records by outcome ("decide": those waiting for a decision), step and name or message."""

    outcome = django_filters.ChoiceFilter(
        choices=[(DECIDE, "Needs a decision"), *Outcome.choices], method="filter_outcome"
    )
    step = django_filters.ChoiceFilter(choices=[])
    q = django_filters.CharFilter(method="filter_text")

    class Meta:
        model = RunItem
        fields: list[str] = []

    def __init__(self, *args, steps: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["step"].extra["choices"] = list(steps.items())

    def filter_outcome(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == DECIDE:
            return queryset.filter(outcome__in=NEEDS_DECISION)
        return queryset.filter(outcome=value)

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(message__icontains=value)) if value else queryset


class MergeFilter(django_filters.FilterSet):
    """The merge screen's rows: by outcome, by portfolio kind, by the target's class."""

    outcome = django_filters.ChoiceFilter(label="Outcome", choices=(), empty_label="To review")
    record_kind = django_filters.ChoiceFilter(label="Kind", choices=(), empty_label="Any kind")
    target_type = django_filters.ChoiceFilter(label="Class", choices=(), empty_label="Any class")

    class Meta:
        model = PullChange
        fields: list[str] = []

    def __init__(self, *args, outcomes: dict[str, str], classes: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["outcome"].extra["choices"] = list(outcomes.items())
        self.filters["record_kind"].extra["choices"] = [
            (k, label) for k, label in RecordKind.choices if k in MERGED_KINDS
        ]
        self.filters["target_type"].extra["choices"] = [(c, c) for c in classes]

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("outcome"):
            queryset = queryset.exclude(outcome="unchanged")
        return queryset
