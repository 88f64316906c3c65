"""Starting, watching, cancelling, resuming and rolling back writing runs. Each view validates and calls
one function of `sync.runs`; the work happens in the worker."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from catalog.choices import Role
from integrations.models import Connection
from sync import runs
from sync.models import ACTIVE
from sync.run_views import RunMixin, progress_context


def detail_url(run) -> str:
    return reverse("sync:run_detail", args=[run.connection.namespace.slug, run.pk])


class StartPublishView(RunMixin, View):
    required_role = Role.ADMIN

    def post(self, request, namespace: str, pk):
        connection = get_object_or_404(Connection, namespace=self.namespace, pk=pk)
        try:
            run = runs.start_publish(connection, request.user)
        except runs.RunRefused as exc:
            messages.error(request, f"The publish was not started: {exc}")
            back = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
                back = reverse("sync:dashboard_ns", args=[namespace])
            return redirect(back)
        # no success message: the run page says "Queued" itself, and a message left in the session would
        # be shown by whichever tab loads a page next (e.g. another tab's refused publish)
        return redirect(detail_url(run))


class RunActionView(RunMixin, View):
    """POST /runs/<pk>/<action>/ for cancel, resume and rollback."""

    required_role = Role.ADMIN
    actions = {
        "cancel": lambda run, user: runs.cancel(run),
        "resume": lambda run, user: runs.resume(run) and "Resumed: the run is queued again.",
        "rollback": lambda run, user: runs.start_rollback(run, user),
    }

    def post(self, request, namespace: str, pk, action: str):
        run = self.run(pk)
        if action not in self.actions:
            raise Http404("No such action.")
        try:
            result = self.actions[action](run, request.user)
        except runs.RunRefused as exc:
            messages.error(request, str(exc))
            return redirect(detail_url(run))
        if action == "rollback":
            messages.success(
                request, "Rollback queued: it deletes what this publish created and restores what it changed."
            )
            return redirect(detail_url(result))
        messages.success(request, result)
        return redirect(detail_url(run))


class ProgressView(RunMixin, View):
    """The live part of a run page, polled by htmx while the run is queued or running."""

    def get(self, request, namespace: str, pk):
        run = self.run(pk)
        runs.reap(run.connection)
        run.refresh_from_db()
        # the page's header (status, audit count) is swapped out-of-band with it, so nothing goes stale
        context = {**progress_context(run, self.namespace, self.role), "oob": True}
        response = render(request, "sync/_progress.html", context)
        if request.GET.get("live") and run.status not in ACTIVE:
            response["HX-Refresh"] = "true"  # finished: reload the page for the results table
        return response
