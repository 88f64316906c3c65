"""Runs: the list, a run's classified records (filterable, with diffs and decisions), its audit log,
their Excel exports, and starting a preview."""

from collections import Counter

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views import View

from catalog.access import has_role
from catalog.choices import Role
from catalog.filters import filtered
from catalog.views.generic import NamespaceMixin
from integrations.base.platform import platform_of
from integrations.models import Connection
from sync import decisions, exports, runs
from sync.filters import AuditFilter, RunFilter, RunItemFilter
from sync.models import ACTIVE, RESUMABLE, Outcome, Run, RunKind, RunStatus
from sync.plan import step_titles
from sync.progress import eta_seconds

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONFIGURATION_HINT = "configuration package"
RUNS_PER_PAGE = 50


def publish_summary(run: Run) -> str:
    """What the Publish button asks to confirm, e.g. "create 5,097 and update 3 in prod-cmdb"."""
    counts = run.counts or {}
    creates = counts.get(Outcome.CREATE, 0)
    updates = counts.get(Outcome.UPDATE, 0) + counts.get(Outcome.ADOPT, 0)
    return f"create {creates:,} and update {updates:,} in {run.connection.name}"


def progress_context(run: Run, namespace, role) -> dict:
    titles = step_titles(run.connection)
    steps = [
        (
            titles.get(step, step),
            p["done"],
            p["total"],
            round(100 * p["done"] / p["total"]) if p["total"] else 100,
        )
        for step, p in run.progress.items()
        if p["total"]
    ]
    eta = eta_seconds(run)
    return {
        "run": run,
        "namespace": namespace,
        "step_progress": steps,
        "eta": None if eta is None else int(eta),
        "live": run.status in ACTIVE,
        "rollbackable": run.kind == RunKind.PUBLISH
        and run.status not in (*ACTIVE, RunStatus.ROLLED_BACK)
        and any(run.counts.get(o) for o in (Outcome.CREATE, Outcome.UPDATE, Outcome.ADOPT)),
        "is_admin": has_role(role, Role.ADMIN),
        "resumable": RESUMABLE,
    }


class RunMixin(NamespaceMixin):
    def run(self, pk) -> Run:
        return get_object_or_404(
            Run.objects.select_related("connection", "started_by"),
            pk=pk,
            connection__namespace=self.namespace,
        )


class RunListView(RunMixin, View):
    def get(self, request, namespace: str):
        run_filter = RunFilter(
            request.GET,
            queryset=Run.objects.filter(connection__namespace=self.namespace).select_related(
                "connection", "started_by"
            ),
            namespace=self.namespace,
        )
        connections = Connection.objects.filter(namespace=self.namespace, is_active=True)
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "page_obj": Paginator(filtered(run_filter), RUNS_PER_PAGE).get_page(request.GET.get("page")),
            "filter_form": run_filter.form,
            "connections": connections,
            "is_admin": has_role(self.role, Role.ADMIN),
        }
        return render(request, "sync/run_list.html", context)


class StartPreviewView(RunMixin, View):
    required_role = Role.ADMIN

    def post(self, request, namespace: str, pk):
        connection = get_object_or_404(Connection, namespace=self.namespace, pk=pk)
        try:
            run = runs.start_preview(connection, request.user)
        except runs.RunRefused as exc:
            messages.error(request, f"The preview was not started: {exc}")
            return redirect(reverse("sync:dashboard_ns", args=[namespace]))
        return redirect(reverse("sync:run_detail", args=[self.namespace.slug, run.pk]))


class RunDetailView(RunMixin, View):
    def get(self, request, namespace: str, pk):
        run = self.run(pk)
        if run.status == RunStatus.RUNNING:
            runs.reap(run.connection)
            run.refresh_from_db()
        titles = step_titles(run.connection)
        item_filter = RunItemFilter(request.GET, queryset=run.items.all(), steps=titles)
        items = filtered(item_filter)
        if request.GET.get("format") == "xlsx":
            response = HttpResponse(exports.run_workbook(run), content_type=XLSX)
            response["Content-Disposition"] = (
                f'attachment; filename="{run.kind}-{run.connection.name}-{run.created_at:%Y%m%d-%H%M}.xlsx"'
            )
            return response
        by_step = Counter(run.items.values_list("step", "outcome"))
        present = [(o, label) for o, label in Outcome.choices if any(k[1] == o for k in by_step)]
        table = [(key, title, [by_step[(key, o)] for o, _ in present]) for key, title in titles.items()]
        previewed = run.kind == RunKind.PREVIEW and run.status == RunStatus.SUCCEEDED
        pending = decisions.pending(run) if previewed else 0
        context = {
            **progress_context(run, self.namespace, self.role),
            "role": self.role,
            "page_obj": Paginator(items, 100).get_page(request.GET.get("page")),
            "outcomes": Outcome.choices,
            "present_outcomes": present,
            "steps": titles,
            "table": [row for row in table if any(row[2])],
            "filters": {key: request.GET.get(key, "") for key in ("outcome", "step", "q")},
            "filter_errors": item_filter.errors,
            "pending": pending,
            "previewed": previewed,
            "publish_blocker": runs.publish_blocker(run.connection) if previewed else "",
            "publish_summary": publish_summary(run) if previewed else "",
            "latest_preview": previewed and runs.latest(run.connection, RunKind.PREVIEW) == run,
            "choices": decisions.ALLOWED if previewed else {},
            "field_choices": [(c, c.capitalize()) for c in decisions.diff.FIELD_CHOICES],
            "platform": platform_of(run.connection),
            "needs_package": run.items.filter(
                outcome=Outcome.ERROR, message__contains=CONFIGURATION_HINT
            ).exists(),
        }
        return render(request, "sync/run_detail.html", context)

    def post(self, request, namespace: str, pk):
        if not has_role(self.role, Role.ADMIN):
            return HttpResponse("Only namespace admins decide.", status=403)
        run = self.run(pk)
        recorded, refused = decisions.decide_posted(run, request.POST)
        for problem in refused:
            messages.error(request, f"Not recorded: {problem}")
        for done in recorded:
            if done.note:
                messages.info(request, f"{done.row.name}: {done.note}")
        count = len(recorded)
        if count:
            text = ngettext("Recorded %d decision.", "Recorded %d decisions.", count) % count
            messages.success(request, text)
        elif not refused:
            messages.info(request, "No decision changed: nothing was recorded.")
        return redirect(request.get_full_path())


class AuditView(RunMixin, View):
    def get(self, request, namespace: str, pk):
        run = self.run(pk)
        audit_filter = AuditFilter(request.GET, queryset=run.audit.all())
        entries = filtered(audit_filter)
        if request.GET.get("format") == "xlsx":
            response = HttpResponse(exports.audit_workbook(list(entries)), content_type=XLSX)
            response["Content-Disposition"] = (
                f'attachment; filename="audit-{run.connection.name}-{run.created_at:%Y%m%d-%H%M}.xlsx"'
            )
            return response
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "run": run,
            "page_obj": Paginator(entries, 100).get_page(request.GET.get("page")),
            "filters": {key: request.GET.get(key, "") for key in ("status", "method", "q")},
            "filter_errors": audit_filter.errors,
            "status_codes": [str(c) for c in sorted(set(run.audit.values_list("status", flat=True)))],
            "methods": sorted(set(run.audit.values_list("method", flat=True))),
        }
        return render(request, "sync/run_audit.html", context)
