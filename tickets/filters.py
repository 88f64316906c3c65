"""Filters of a pair's link list and log (django-filter): a bad value is a form error, never a 500."""

import django_filters
from django.db.models import Q, QuerySet

from catalog.filters import ASCII_INTEGER
from tickets.models import LogLevel, TicketLink, TicketSyncLog


class LinkFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search", method="search", help_text="GLPI id, ServiceNow number or title"
    )

    class Meta:
        model = TicketLink
        fields: list[str] = []

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        text = value.strip()
        if not text:
            return queryset
        match = (
            Q(servicenow_number__icontains=text)
            | Q(glpi_values__name__icontains=text)
            | Q(servicenow_values__short_description__icontains=text)
        )
        digits = text.lstrip("#")
        if ASCII_INTEGER.fullmatch(digits) and 0 <= int(digits) < 2**31:
            match |= Q(glpi_id=int(digits))
        return queryset.filter(match)


class LogFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(choices=LogLevel.choices, empty_label="Any level")

    class Meta:
        model = TicketSyncLog
        fields: list[str] = []
