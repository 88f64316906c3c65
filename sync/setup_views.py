"""The matching wizard's setup step (a platform's, when it has one; see sync.setup): GET shows the rows
with a suggested choice each, POST "preview" shows what would be created, POST "apply" creates it and
saves the mapping. Nothing is written before "apply"."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views import View

from integrations.base.errors import TargetError
from integrations.base.platform import SetupStep
from integrations.models import Connection
from sync import setup, wizard
from sync.models import RunStatus
from sync.views import WizardMixin

CHOICE = "choice-"


def next_url(namespace: str, connection: Connection) -> str:
    """The first matching step after the setup, or the summary when the platform offers none."""
    steps = wizard.steps_of(connection)
    if steps:
        return reverse("sync:match_step", args=[namespace, connection.pk, steps[0].slug])
    return reverse("sync:match_summary", args=[namespace, connection.pk])


class SetupView(WizardMixin, View):
    template_name = "sync/match_setup.html"

    def setup_step(self, connection: Connection) -> SetupStep:
        step = setup.step_of(connection)
        if step is None:
            raise Http404("This connection's platform needs no setup.")
        return step

    def render_step(self, request, connection, step, choices=None, changes=None, problems=()):
        rows = setup.rows_of(connection, step)
        try:
            options, error = setup.offered(connection, step), ""
        except TargetError as exc:
            options, error = [], f"Could not read the {step.noun}s of {connection.name}: {exc}"
        chosen = choices or {row.key: setup.suggestion(row, options) for row in rows}
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "connection": connection,
            "setup": step,
            "at_setup": True,
            "steps": wizard.steps_of(connection),
            "rows": [(row, chosen.get(row.key, "")) for row in rows],
            "offered": options,
            "names": {o.target_id: o.name for o in options},
            "error": error,
            "changes": changes,
            "creates": sum(c.create for c in changes or ()),
            "problems": problems,
            "create": setup.CREATE,
            "next_url": next_url(self.namespace.slug, connection),
        }
        return render(request, self.template_name, context)

    def get(self, request, namespace: str, pk):
        connection = self.connection(pk)
        step = setup.step_of(connection)
        if step is None:  # nothing to set up: say so, and lead on
            context = {
                "namespace": self.namespace,
                "role": self.role,
                "connection": connection,
                "steps": wizard.steps_of(connection),
                "next_url": next_url(self.namespace.slug, connection),
            }
            return render(request, self.template_name, context)
        return self.render_step(request, connection, step)

    def post(self, request, namespace: str, pk):
        connection = self.connection(pk)
        step = self.setup_step(connection)
        choices = {k.removeprefix(CHOICE): v for k, v in request.POST.items() if k.startswith(CHOICE)}
        try:
            changes = setup.plan(
                setup.rows_of(connection, step), setup.offered(connection, step), choices, step.noun
            )
        except setup.SetupError as exc:
            return self.render_step(request, connection, step, choices, problems=exc.problems)
        except TargetError as exc:
            messages.error(request, f"Could not read the {step.noun}s of {connection.name}: {exc}")
            return redirect(reverse("sync:match_setup", args=[namespace, connection.pk]))
        if request.POST.get("action") != "apply":
            return self.render_step(request, connection, step, choices, changes=changes)
        run = setup.apply(connection, step, changes, request.user)
        if run.status != RunStatus.SUCCEEDED:
            messages.error(request, f"Nothing was saved: {run.message}")
            return redirect(reverse("sync:match_setup", args=[namespace, connection.pk]))
        created = sum(c.create for c in changes)
        text = ngettext("Created %(count)d %(noun)s", "Created %(count)d %(noun)ss", created) % {
            "count": created,
            "noun": step.noun,
        }
        messages.success(request, f"{text} and saved the {step.title.lower()} of {connection.name}.")
        return redirect(next_url(namespace, connection))
