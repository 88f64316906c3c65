"""Connection pages, for namespace admins: list, add, edit, delete, test, field discovery (ServiceNow)
and the entity to publish into (GLPI)."""

import re
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View, generic

from catalog.choices import Role
from catalog.views.generic import NamespaceMixin
from integrations.base.errors import TargetError
from integrations.base.platform import platforms
from integrations.forms import ConnectionForm
from integrations.models import Connection, Platform
from integrations.servicenow.checks import describe
from integrations.servicenow.update_set import AUTHORITATIVE, PackageError, package_records
from integrations.services import (
    choose_glpi_entity,
    configuration_package,
    connection_fields,
    connection_test,
    glpi_entities,
    package_settings,
)

TABLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,79}")
DELETE_CONSEQUENCE = (
    "This deletes its runs, their audit log, its ticket sync pairs and its sync map (which target record "
    "each portfolio record is). Nothing is deleted in the target; a new connection to it starts again "
    "with matching."
)


class ConnectionMixin(NamespaceMixin):
    required_role = Role.ADMIN
    model = Connection

    def get_queryset(self):
        return Connection.objects.filter(namespace=self.namespace)

    def list_url(self) -> str:
        return reverse("integrations:connection_list", args=[self.namespace.slug])


class ConnectionListView(ConnectionMixin, generic.ListView):
    template_name = "integrations/connection_list.html"


class ConnectionFormMixin(ConnectionMixin):
    form_class = ConnectionForm
    template_name = "integrations/connection_form.html"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.namespace = self.namespace
        return form

    def get_success_url(self) -> str:
        return reverse("integrations:connection_detail", args=[self.namespace.slug, self.object.pk])

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, f"Saved connection “{self.object.name}”.")
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "cancel_url": self.list_url()}


class ConnectionCreateView(ConnectionFormMixin, generic.CreateView):
    """`?platform=haloitsm` starts the form with that platform's fields."""

    def get_initial(self) -> dict[str, Any]:
        chosen = self.request.GET.get("platform", "")
        return {**super().get_initial(), **({"platform": chosen} if chosen in platforms() else {})}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        choices = [(p.value, p.label) for p in Platform if p.value in platforms()]
        return {**super().get_context_data(**kwargs), "platform_choices": choices}


class ConnectionUpdateView(ConnectionFormMixin, generic.UpdateView):
    pass


class ConnectionDetailView(ConnectionMixin, generic.DetailView):
    template_name = "integrations/connection_detail.html"


class ConnectionDeleteView(ConnectionMixin, generic.DeleteView):
    template_name = "catalog/object_confirm_delete.html"

    def get_success_url(self) -> str:
        return self.list_url()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "verbose_name": "connection",
            "consequence": DELETE_CONSEQUENCE,
            "list_url": self.list_url(),
            "cancel_url": self.list_url(),
        }

    def form_valid(self, form):
        name = self.object.name
        response = super().form_valid(form)
        messages.success(self.request, f"Deleted connection “{name}”.")
        return response


class ConnectionTestView(ConnectionMixin, View):
    """POST runs the checks against the instance; htmx swaps in just the results."""

    def post(self, request, namespace: str, pk):
        connection = get_object_or_404(self.get_queryset(), pk=pk)
        checks = connection_test(connection)
        template = (
            "integrations/connection_detail.html#checks"
            if request.htmx
            else "integrations/connection_detail.html"
        )
        return render(
            request, template, {"object": connection, "checks": checks, "namespace": self.namespace}
        )


class ConnectionFieldsView(ConnectionMixin, View):
    def get(self, request, namespace: str, pk):
        connection = get_object_or_404(self.get_queryset(), pk=pk, platform=Platform.SERVICENOW)
        table = request.GET.get("table", "").strip()
        fields, error = [], ""
        if table and not TABLE_NAME.fullmatch(table):
            error = "A table name has only lower-case letters, digits and underscores, e.g. cmdb_ci_appl."
        elif table:
            try:
                fields = connection_fields(connection, table)
            except TargetError as exc:
                error = describe(exc, table)
        context = {
            "object": connection,
            "table": table,
            "fields": fields,
            "error": error,
            "namespace": self.namespace,
        }
        return render(request, "integrations/connection_fields.html", context)


class GlpiEntitiesView(ConnectionMixin, View):
    """The GLPI entities the connection's account can see (read now); POST chooses the one to publish
    into."""

    def connection(self, pk) -> Connection:
        return get_object_or_404(self.get_queryset(), pk=pk, platform=Platform.GLPI)

    def get(self, request, namespace: str, pk):
        connection = self.connection(pk)
        try:
            entities, error = glpi_entities(connection), ""
        except TargetError as exc:
            entities, error = [], str(exc)
        context = {
            "object": connection,
            "entities": entities,
            "chosen": connection.options.get("entity_id", 0),
            "error": error,
            "namespace": self.namespace,
        }
        return render(request, "integrations/glpi_entities.html", context)

    def post(self, request, namespace: str, pk):
        connection = self.connection(pk)
        here = reverse("integrations:glpi_entities", args=[namespace, pk])
        try:
            entity_id = int(request.POST.get("entity_id", ""))
        except ValueError:
            messages.error(request, "Choose one of the entities listed.")
            return redirect(here)
        try:
            name = choose_glpi_entity(connection, entity_id)
        except (ValueError, TargetError) as exc:
            messages.error(request, str(exc))
            return redirect(here)
        messages.success(request, f"“{connection.name}” publishes into {name} from now on.")
        return redirect(reverse("integrations:connection_detail", args=[namespace, pk]))


class UpdateSetView(ConnectionMixin, View):
    """GET: download the configuration package (an Update Set) made for this connection."""

    def get(self, request, namespace: str, pk):
        connection = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            filename, body = configuration_package(connection)
        except PackageError as exc:
            messages.error(request, str(exc))
            return redirect(reverse("integrations:update_set_checklist", args=[namespace, pk]))
        response = HttpResponse(body, content_type="application/xml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class UpdateSetChecklistView(ConnectionMixin, View):
    """What the package contains and what the customer's ServiceNow admin checks before committing it."""

    def get(self, request, namespace: str, pk):
        connection = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            records, problem = package_records(package_settings(connection)), ""
        except PackageError as exc:
            records, problem = [], str(exc)
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "object": connection,
            "records": records,
            "problem": problem,
            "authoritative": AUTHORITATIVE,
        }
        return render(request, "integrations/update_set_checklist.html", context)
