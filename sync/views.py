"""The matching wizard: choose a connection → match IT services → match software products → summary.
Every step has its own URL; a step writes only when the admin confirms it."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from catalog.choices import Role
from catalog.transfer import limits
from catalog.views.generic import NamespaceMixin
from integrations.base.errors import TargetError
from integrations.models import Connection
from sync import match_io, wizard
from sync.models import TargetRecord

ROWS_PER_PAGE = 500


class WizardMixin(NamespaceMixin):
    required_role = Role.ADMIN

    def connection(self, pk) -> Connection:
        return get_object_or_404(Connection, namespace=self.namespace, pk=pk)

    def step(self, slug: str, connection: Connection) -> wizard.Step:
        found = {s.slug: s for s in wizard.steps_of(connection)}
        if slug not in found:
            raise Http404("No such step.")
        return found[slug]

    def step_url(self, connection: Connection, slug: str) -> str:
        return reverse("sync:match_step", args=[self.namespace.slug, connection.pk, slug])


class ChooseConnectionView(WizardMixin, View):
    def get(self, request, namespace: str):
        connections = Connection.objects.filter(namespace=self.namespace, is_active=True)
        return render(
            request,
            "sync/match_start.html",
            {"namespace": self.namespace, "role": self.role, "connections": connections},
        )


class MatchStepView(WizardMixin, View):
    def get(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        accept_above = request.GET.get("accept_above")
        threshold = int(accept_above) if accept_above and accept_above.isdigit() else None
        rows = wizard.build_rows(connection, step, accept_above=threshold)
        page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "connection": connection,
            "step": step,
            "steps": wizard.steps_of(connection),
            "page_obj": page,
            "rows": page.object_list,
            "pulled_at": wizard.pulled_at(connection, step),
            "accept_above": threshold,
            "target_count": wizard.target_count(connection, step),
        }
        return render(request, "sync/match_step.html", context)

    def post(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        decisions = {}
        for key, value in request.POST.items():
            if key.startswith("decision-"):
                decision, _, target_id = value.partition(":")
                decisions[key.removeprefix("decision-")] = (decision, target_id)
        try:
            warnings = wizard.save_choices(connection, step, decisions, request.user)
        except wizard.ChoiceError as exc:
            for problem in exc.problems:
                messages.error(request, problem)
            return redirect(self.step_url(connection, slug))
        for warning in warnings:
            messages.warning(request, warning)
        messages.success(request, f"Saved {len(decisions)} choices for {step.title.lower()}.")
        steps = wizard.steps_of(connection)
        index = steps.index(step)
        if index + 1 < len(steps):
            return redirect(self.step_url(connection, steps[index + 1].slug))
        return redirect(reverse("sync:match_summary", args=[self.namespace.slug, connection.pk]))


class PullView(WizardMixin, View):
    def post(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        try:
            count = wizard.pull_targets(connection, step)
            messages.success(request, f"Pulled {count} {step.table} records from {connection.name}.")
        except TargetError as exc:
            messages.error(request, f"Could not pull from {connection.name}: {exc}")
        return redirect(self.step_url(connection, slug))


class SearchTargetsView(WizardMixin, View):
    """htmx: target records whose name contains the query, as <option>s for a row's picker."""

    def get(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        query = request.GET.get("q", "").strip()
        found = []
        if len(query) >= 2:
            found = TargetRecord.objects.filter(connection=connection, kind=step.kind, name__icontains=query)[
                :20
            ]
        return render(request, "sync/match_search.html", {"found": found})


class SummaryView(WizardMixin, View):
    def get(self, request, namespace: str, pk):
        connection = self.connection(pk)
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "connection": connection,
            "steps": wizard.steps_of(connection),
            "summary": wizard.summary(connection),
        }
        return render(request, "sync/match_summary.html", context)


class MatchExportView(WizardMixin, View):
    def get(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        response = HttpResponse(match_io.export_xlsx(connection, step), content_type=match_io.XLSX)
        response["Content-Disposition"] = f'attachment; filename="matches-{connection.name}-{step.slug}.xlsx"'
        return response


class MatchImportView(WizardMixin, View):
    def post(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        upload = request.FILES.get("file")
        refused = limits.refused_upload(request)
        if refused or upload is None:
            messages.error(request, refused or "Choose an Excel file to import.")
            return redirect(self.step_url(connection, slug))
        try:
            limits.check_size(upload.size)
            count, warnings = match_io.import_xlsx(connection, step, upload.read(), request.user)
        except limits.FileRefused as exc:
            messages.error(request, str(exc))
            return redirect(self.step_url(connection, slug))
        except match_io.MatchFileError as exc:
            for problem in exc.problems:
                messages.error(request, problem)
            return redirect(self.step_url(connection, slug))
        for warning in warnings:
            messages.warning(request, warning)
        messages.success(request, f"Imported {count} choices from {upload.name}.")
        return redirect(self.step_url(connection, slug))
