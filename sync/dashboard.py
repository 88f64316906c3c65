"""The home page: per connection, its last preview and publish with status and counts, decisions
waiting, and the buttons to preview and to publish."""

from dataclasses import dataclass

from django.shortcuts import render
from django.views import View

from catalog.access import has_role, namespaces_for, role_in
from catalog.choices import Role
from catalog.views.generic import NamespaceMixin
from integrations.models import Connection
from sync import decisions, runs
from sync.models import Run, RunKind, RunStatus
from sync.run_views import publish_summary


@dataclass
class ConnectionStatus:
    connection: Connection
    preview: Run | None
    publish: Run | None
    active: Run | None
    pending: int
    blocker: str
    summary: str  # what a publish would do, from the latest preview


def status_of(connection: Connection) -> ConnectionStatus:
    blocker = runs.publish_blocker(connection)  # reaps runs whose worker died
    active = runs.active_run(connection, reaped=True)
    preview = runs.latest(connection, RunKind.PREVIEW)
    previewed = preview is not None and preview.status == RunStatus.SUCCEEDED
    return ConnectionStatus(
        connection,
        preview,
        runs.latest(connection, RunKind.PUBLISH),
        active,
        decisions.pending(preview) if previewed else 0,
        blocker,
        publish_summary(preview) if previewed else "",
    )


def sections(namespaces, user) -> list[dict]:
    connections: dict = {}
    for connection in Connection.objects.filter(namespace__in=namespaces, is_active=True).order_by("name"):
        connections.setdefault(connection.namespace_id, []).append(status_of(connection))
    return [
        {
            "namespace": ns,
            "connections": connections.get(ns.pk, []),
            "is_admin": has_role(role_in(user, ns), Role.ADMIN),
        }
        for ns in namespaces
    ]


class HomeView(View):
    def get(self, request):
        namespaces = list(namespaces_for(request.user).order_by("name"))
        context = {"sections": sections(namespaces, request.user)}
        if len(namespaces) == 1:  # the navigation of the only namespace
            context.update(namespace=namespaces[0], role=role_in(request.user, namespaces[0]))
        return render(request, "sync/dashboard.html", context)


class NamespaceDashboardView(NamespaceMixin, View):
    def get(self, request, namespace: str):
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "sections": sections([self.namespace], request.user),
        }
        return render(request, "sync/dashboard.html", context)
