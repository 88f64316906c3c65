"""The matching wizard: choose a connection → match IT services → match software products → summary.
Every step has its own URL; a step writes only when the admin confirms it."""

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views import View

from catalog.choices import Role
from catalog.filters import ascii_int
from catalog.transfer import limits
from catalog.views.generic import NamespaceMixin
from integrations.base.errors import TargetError
from integrations.base.platform import platform_of
from integrations.models import Connection
from sync import aliases, match_io, setup, wizard

ROWS_PER_PAGE = 500


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


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

    def first_url(self, connection: Connection) -> str:
        """The wizard starts with the platform's setup step when it has one."""
        if setup.step_of(connection) is not None:
            return reverse("sync:match_setup", args=[self.namespace.slug, connection.pk])
        steps = wizard.steps_of(connection)
        if steps:
            return self.step_url(connection, steps[0].slug)
        return reverse("sync:match_summary", args=[self.namespace.slug, connection.pk])


class ChooseConnectionView(WizardMixin, View):
    def get(self, request, namespace: str):
        connections = list(Connection.objects.filter(namespace=self.namespace, is_active=True))
        for connection in connections:
            connection.first_url = self.first_url(connection)
        return render(
            request,
            "sync/match_start.html",
            {"namespace": self.namespace, "role": self.role, "connections": connections},
        )


class MatchStepView(WizardMixin, View):
    def get(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        accept_above = request.GET.get("accept_above", "")
        threshold = ascii_int(accept_above, 0, 100) if accept_above else None
        if accept_above and threshold is None:
            messages.error(request, "“Accept above” takes a score from 0 to 100; it was ignored.")
        pull = wizard.pull_of(connection, step)
        rows = wizard.build_rows(connection, step, accept_above=threshold, pull=pull)
        setup_step = setup.step_of(connection)
        page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "connection": connection,
            "step": step,
            "steps": wizard.steps_of(connection),
            "setup": setup_step,
            "setup_pending": setup_step is not None and not setup.is_done(connection, setup_step),
            "page_obj": page,
            "rows": page.object_list,
            "pulled_at": pull.at,
            "accept_above": threshold,
            "target_count": pull.count,
            "aliases": aliases.listed(self.namespace, step.kind),
        }
        return render(request, "sync/match_step.html", context)

    def post(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        decisions, unknown = {}, []
        for key, value in request.POST.items():
            if key.startswith("decision-"):
                decision, _, target_id = value.partition(":")
                record_id = key.removeprefix("decision-")
                if is_uuid(record_id):
                    decisions[record_id] = (decision, target_id)
                else:
                    unknown.append(record_id)
        if unknown:
            messages.error(request, f"Nothing saved: unknown records {', '.join(unknown[:5])}.")
            return redirect(self.step_url(connection, slug))
        try:
            warnings = wizard.save_choices(connection, step, decisions, request.user)
        except wizard.ChoiceError as exc:
            for problem in exc.problems:
                messages.error(request, problem)
            return redirect(self.step_url(connection, slug))
        for warning in warnings:
            messages.warning(request, warning)
        count = len(decisions)
        text = ngettext(
            "Saved %(count)d choice for %(what)s.",
            "Saved %(count)d choices for %(what)s.",
            count,
        )
        (messages.success if count else messages.info)(request, text % {"count": count, "what": step.noun})
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
            text = ngettext("Pulled %(count)d %(table)s record", "Pulled %(count)d %(table)s records", count)
            text = text % {"count": count, "table": step.table} + f" from {connection.name}."
            (messages.success if count else messages.warning)(request, text)
        except TargetError as exc:
            messages.error(request, f"Could not pull from {connection.name}: {exc}")
        return redirect(self.step_url(connection, slug))


class SearchTargetsView(WizardMixin, View):
    """htmx: target records whose name contains the query, listed under a row's search box with their
    details (a drop-down cannot show them) and a button that makes one the row's choice."""

    def get(self, request, namespace: str, pk, slug: str):
        connection = self.connection(pk)
        step = self.step(slug, connection)
        query = request.GET.get("q", "").strip()
        context = {
            "found": wizard.search_targets(connection, step, query),
            "query": query,
            "row": request.GET.get("row", ""),
        }
        return render(request, "sync/match_search.html", context)


class SummaryView(WizardMixin, View):
    def get(self, request, namespace: str, pk):
        connection = self.connection(pk)
        steps = wizard.steps_of(connection)
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "connection": connection,
            "steps": steps,
            "summary": wizard.summary(connection),
            "setup": setup.step_of(connection),
            "unpulled": [s.slug for s in steps if wizard.pulled_at(connection, s) is None],
            "platform": platform_of(connection),
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
        text = ngettext("Imported %(count)d choice", "Imported %(count)d choices", count) % {"count": count}
        (messages.success if count else messages.info)(request, f"{text} from {upload.name}.")
        return redirect(self.step_url(connection, slug))
