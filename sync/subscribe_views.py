"""Subscribe pages: a connection's pulls (start one), a pull's diff with the choices to apply, the
webhook credentials and test button of the connection page, and the webhook endpoint itself. Each view
validates and calls one function of `sync.subscribe`, `sync.subscribe_apply` or `sync.webhooks`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from catalog.access import has_role
from catalog.choices import Role
from catalog.models import DeploymentProfile
from catalog.views.generic import NamespaceMixin
from integrations.base.platform import platform_of
from integrations.models import Connection
from sync import webhooks
from sync.models import ChangeKind, Pull, PullStatus
from sync.subscribe import SubscribeRefused, field_labels, pull_blocker, source_of, start_pull
from sync.subscribe_apply import apply_pull, suggested_ids

PULLS_SHOWN = 30
LIVE = (PullStatus.QUEUED, PullStatus.RUNNING)


def subscribe_url(connection: Connection) -> str:
    return reverse("sync:subscribe", args=[connection.namespace.slug, connection.pk])


def endpoint_url(request: HttpRequest, connection: Connection) -> str:
    return request.build_absolute_uri(reverse("sync:webhook_receive", args=[connection.pk]))


class ConnectionMixin(NamespaceMixin):
    def connection(self, pk) -> Connection:
        return get_object_or_404(Connection, namespace=self.namespace, pk=pk)


class SubscribeView(ConnectionMixin, View):
    """The connection's pulls, newest first; POST (admin) starts a full pull."""

    def get(self, request, namespace: str, pk):
        connection = self.connection(pk)
        pulls = list(connection.pulls.select_related("started_by")[:PULLS_SHOWN])
        is_admin = has_role(self.role, Role.ADMIN)
        context = {
            "namespace": self.namespace,
            "connection": connection,
            "pulls": pulls,
            "ready": [p for p in pulls if p.status == PullStatus.READY],
            "blocker": pull_blocker(connection),
            "is_admin": is_admin,
            "live": any(p.status in LIVE for p in pulls),
        }
        if platform_of(connection).pulls_records:
            from sync.merge_views import merge_context  # the merge screen builds on this module

            context |= merge_context(self.namespace, connection, request, is_admin)
            return render(request, "sync/merge.html", context)
        return render(request, "sync/subscribe.html", context)

    def post(self, request, namespace: str, pk):
        if not has_role(self.role, Role.ADMIN):
            messages.error(request, "Only an admin of this namespace can pull.")
            return redirect(request.path)
        connection = self.connection(pk)
        try:
            pull = start_pull(connection, request.user, full=request.POST.get("full") == "on")
        except SubscribeRefused as exc:
            messages.error(request, f"The pull was not started: {exc}")
            return redirect(subscribe_url(connection))
        if platform_of(connection).pulls_records:
            return redirect(subscribe_url(connection))
        return redirect(reverse("sync:subscribe_pull", args=[namespace, pk, pull.pk]))


class PullView(ConnectionMixin, View):
    """A pull's diff; POST (admin) applies the chosen rows with their confirmed deployments."""

    def pull(self, pk, pull_pk) -> Pull:
        connection = self.connection(pk)
        return get_object_or_404(Pull.objects.select_related("connection"), connection=connection, pk=pull_pk)

    def get(self, request, namespace: str, pk, pull_pk):
        pull = self.pull(pk, pull_pk)
        kind = request.GET.get("kind", "")
        changes = pull.changes.select_related("item", "applied_by")
        if kind in ChangeKind.values:
            changes = changes.filter(kind=kind)
        else:
            changes = changes.exclude(kind=ChangeKind.UNCHANGED)
            kind = ""
        return render(request, "sync/subscribe_pull.html", self.context(pull, list(changes), kind))

    def context(self, pull: Pull, changes: list, kind: str) -> dict:
        ids = {pk for c in changes for pk in (c.current or {}).get("deployments", [])}
        ids |= {pk for c in changes for pk, _, _ in c.suggested}
        names = {
            str(d.pk): str(d)
            for d in DeploymentProfile.objects.filter(namespace=self.namespace, pk__in=ids).select_related(
                "application"
            )
        }
        labels = field_labels()
        source = source_of(pull.connection)
        rows = []
        for change in changes:
            fields = [
                (labels.get(f, f.capitalize()), (change.current or {}).get(f, ""), change.values.get(f, ""))
                for f in change.fields
                if f not in ("deployments", "source")
            ]
            if "source" in change.fields and change.item:
                now = " ".join(filter(None, (change.item.source, change.item.source_id)))
                fields.append(("Source", now, f"{source} {change.target_id}"))
            why = {pk: reason for pk, _, reason in change.suggested}
            options = [
                (pk, names.get(pk, pk), why.get(pk, "linked now"), pk in suggested_ids(change))
                for pk in suggested_ids(change)
            ]
            rows.append({"change": change, "fields": fields, "deployments": options})
        return {
            "namespace": self.namespace,
            "connection": pull.connection,
            "pull": pull,
            "rows": rows,
            "kind": kind,
            "kinds": ChangeKind.choices,
            "is_admin": has_role(self.role, Role.ADMIN),
            "live": pull.status in LIVE,
            "applicable": pull.status == PullStatus.READY,
        }

    def post(self, request, namespace: str, pk, pull_pk):
        pull = self.pull(pk, pull_pk)
        if not has_role(self.role, Role.ADMIN):
            messages.error(request, "Only an admin of this namespace can apply a pull.")
            return redirect(request.path)
        chosen = {}
        for value in request.POST.getlist("apply"):
            if value.isdigit():
                chosen[int(value)] = request.POST.getlist(f"deployments-{value}")
        try:
            result = apply_pull(pull, chosen, request.user)
        except SubscribeRefused as exc:
            messages.error(request, f"Nothing was applied: {exc}")
            return redirect(request.path)
        messages.success(request, f"Applied: {result}.")
        return redirect(request.path)


class WebhookCredentialsView(ConnectionMixin, View):
    """POST: new credentials (the old ones stop working), registered in the target where the platform
    allows, shown on this response only."""

    required_role = Role.ADMIN

    def post(self, request, namespace: str, pk):
        connection = self.connection(pk)
        url = endpoint_url(request, connection)
        credentials, not_registered = webhooks.generate_and_register(connection, url)
        return render(
            request,
            "sync/webhook_credentials.html",
            {
                "namespace": self.namespace,
                "connection": connection,
                "credentials": credentials,
                "url": url,
                "not_registered": not_registered,
                "platform": platform_of(connection),
            },
        )


class WebhookTestView(ConnectionMixin, View):
    required_role = Role.ADMIN

    def post(self, request, namespace: str, pk):
        connection = self.connection(pk)
        try:
            webhooks.send_test(connection)
        except SubscribeRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                f"{platform_of(connection).label} was asked for a test delivery: "
                "“Last test event” below shows when it arrives (reload the page).",
            )
        return redirect(reverse("integrations:connection_detail", args=[namespace, pk]))


@method_decorator([csrf_exempt, login_not_required], name="dispatch")
class WebhookReceiveView(View):
    """The target posts here: Basic credentials, not a session, so neither login nor CSRF applies."""

    http_method_names = ["post"]

    def post(self, request, pk):
        length = request.META.get("CONTENT_LENGTH") or ""
        answer = webhooks.receive(
            pk,
            request.headers.get("Authorization", ""),
            int(length) if length.isdigit() else None,
            request,
        )
        response = JsonResponse({"detail": answer.message}, status=answer.status)
        if answer.status == 401:
            response["WWW-Authenticate"] = 'Basic realm="Portfolio Bridge webhooks"'
        return response
