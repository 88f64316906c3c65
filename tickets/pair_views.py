"""A pair's links, conflict queue and log, its "Sync now" button and its Excel download. Members read;
namespace admins resolve conflicts and queue syncs (POST with CSRF)."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View, generic

from catalog.access import has_role
from catalog.choices import Role
from catalog.filters import filtered
from integrations.base.errors import TargetError
from tickets.conflicts import resolve
from tickets.exports import glpi_url, pair_workbook, servicenow_url, shown
from tickets.filters import LinkFilter, LogFilter
from tickets.jobs import enqueue_sync
from tickets.models import ConflictState, TicketPair
from tickets.views import PairMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PairChildMixin(PairMixin):
    """Loads the pair of the URL (404 outside the namespace) before the list is built."""

    @property
    def pair(self) -> TicketPair:
        if not hasattr(self, "_pair"):
            self._pair = get_object_or_404(super().get_queryset(), pk=self.kwargs["pk"])
        return self._pair

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "object": self.pair, "pair": self.pair}


class LinkListView(PairChildMixin, generic.ListView):
    template_name = "tickets/pair_links.html"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = LinkFilter(
            self.request.GET, queryset=self.pair.links.order_by("-last_synced_at", "glpi_id")
        )
        return filtered(self.filterset)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            (
                link,
                str(link.glpi_values.get("name") or link.servicenow_values.get("short_description") or ""),
                glpi_url(self.pair, link.glpi_id),
                servicenow_url(self.pair, link.servicenow_sys_id),
            )
            for link in context["object_list"]
        ]
        context["filter"] = self.filterset
        context["query"] = self.request.GET.get("q", "")
        return context


class ConflictListView(PairChildMixin, generic.ListView):
    """GET lists the open conflicts with both values; POST (admins) keeps one side's value of one."""

    template_name = "tickets/pair_conflicts.html"
    paginate_by = 50

    def get_queryset(self):
        return (
            self.pair.conflicts.filter(state=ConflictState.OPEN).select_related("link").order_by("created_at")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            (c, shown(c.glpi_value), shown(c.servicenow_value)) for c in context["object_list"]
        ]
        return context

    def post(self, request, namespace: str, pk: int):
        if not has_role(self.role, Role.ADMIN):
            return HttpResponse("Only namespace admins resolve conflicts.", status=403)
        back = HttpResponseRedirect(reverse("tickets:pair_conflicts", args=[namespace, self.pair.pk]))
        keep, conflict_id = request.POST.get("keep", ""), request.POST.get("conflict", "")
        if keep not in ("glpi", "servicenow") or not (conflict_id.isascii() and conflict_id.isdigit()):
            return HttpResponse("Choose a conflict and keep “glpi” or “servicenow”.", status=400)
        conflict = self.pair.conflicts.filter(pk=int(conflict_id)).select_related("link", "pair").first()
        if conflict is None:
            messages.error(request, "That conflict no longer exists.")
            return back
        try:
            resolve(conflict, keep, request.user)
        except (TargetError, ValueError) as exc:
            messages.error(request, f"{conflict}: {exc}")
            return back
        side = "GLPI" if keep == "glpi" else "ServiceNow"
        messages.success(request, f"{conflict}: {side}'s value kept.")
        return back


class LogListView(PairChildMixin, generic.ListView):
    template_name = "tickets/pair_log.html"
    paginate_by = 100

    def get_queryset(self):
        self.filterset = LogFilter(self.request.GET, queryset=self.pair.log.all())
        return filtered(self.filterset)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "filter": self.filterset}


class SyncNowView(PairMixin, View):
    required_role = Role.ADMIN
    http_method_names = ["post"]

    def post(self, request, namespace: str, pk: int):
        pair = get_object_or_404(self.get_queryset(), pk=pk)
        if not pair.enabled:
            messages.error(request, f"“{pair.name}” is disabled; enable it first.")
        else:
            enqueue_sync(pair)
            messages.success(request, f"A sync of “{pair.name}” is queued.")
        return HttpResponseRedirect(reverse("tickets:pair_detail", args=[namespace, pair.pk]))


class ExportView(PairMixin, View):
    def get(self, request, namespace: str, pk: int):
        pair = get_object_or_404(self.get_queryset(), pk=pk)
        response = HttpResponse(pair_workbook(pair), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="tickets-{pair.name}.xlsx"'
        return response
