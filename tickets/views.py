"""Ticket sync pair pages: list and state for the namespace's members; add, edit and field discovery
for its admins."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View, generic
from django.views.decorators.csrf import csrf_exempt

from catalog.choices import Role
from catalog.views.generic import NamespaceMixin
from integrations.base.errors import TargetError
from integrations.servicenow.update_set import PackageError
from integrations.services import configuration_package
from tickets import hooks
from tickets.discovery import discover, propose
from tickets.forms import TicketPairForm
from tickets.mapping import default_mapping_text
from tickets.models import ConflictState, TicketPair
from tickets.package import pair_hook


class PairMixin(NamespaceMixin):
    model = TicketPair

    def get_queryset(self):
        return TicketPair.objects.filter(namespace=self.namespace).select_related("glpi", "servicenow")


class PairListView(PairMixin, generic.ListView):
    template_name = "tickets/pair_list.html"


class PairDetailView(PairMixin, generic.DetailView):
    template_name = "tickets/pair_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        pair = self.object
        return {
            **super().get_context_data(**kwargs),
            "links": pair.links.count(),
            "open_conflicts": pair.conflicts.filter(state=ConflictState.OPEN).count(),
            "log": pair.log.all()[:20],
        }


class PairFormMixin(PairMixin):
    required_role = Role.ADMIN
    form_class = TicketPairForm
    template_name = "tickets/pair_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "namespace": self.namespace}

    def get_success_url(self) -> str:
        return reverse("tickets:pair_detail", args=[self.namespace.slug, self.object.pk])

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, f"Saved ticket sync pair “{self.object.name}”.")
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "cancel_url": reverse("tickets:pair_list", args=[self.namespace.slug]),
        }


class PairCreateView(PairFormMixin, generic.CreateView):
    def get_initial(self) -> dict[str, Any]:
        return {**super().get_initial(), "mapping": default_mapping_text()}


class PairUpdateView(PairFormMixin, generic.UpdateView):
    pass


class PairDiscoverView(PairMixin, View):
    """GET shows what discovery does; POST reads both instances' ticket fields now (outbound calls, so
    never on a plain visit) and proposes a mapping to copy into the pair."""

    required_role = Role.ADMIN

    def render(self, pair: TicketPair, **context: Any):
        return render(
            self.request,
            "tickets/pair_discover.html",
            {"object": pair, "namespace": self.namespace, "role": self.role, **context},
        )

    def get(self, request, namespace: str, pk: int):
        return self.render(get_object_or_404(self.get_queryset(), pk=pk))

    def post(self, request, namespace: str, pk: int):
        pair = get_object_or_404(self.get_queryset(), pk=pk)
        sides, errors = {}, {}
        for side in ("glpi", "servicenow"):
            connection = getattr(pair, side)
            try:
                sides[side] = discover(connection)
            except (TargetError, ValueError) as exc:
                sides[side], errors[side] = [], f"{connection.name}: {exc}"
        proposal = propose(sides["glpi"], sides["servicenow"]) if not errors else ""
        return self.render(pair, ran=True, errors=errors, proposal=proposal, **sides)


class PairHookSecretView(PairMixin, View):
    """GET shows the pair's two webhook URLs; POST makes a new secret (the old one stops working) and shows
    it this once: only its digest is kept."""

    required_role = Role.ADMIN

    def render(self, pair: TicketPair, secret: str = ""):
        urls = {
            side: self.request.build_absolute_uri(reverse("tickets:hook_receive", args=[pair.pk, side]))
            for side in hooks.SIDES
        }
        context = {"object": pair, "namespace": self.namespace, "role": self.role, "urls": urls}
        context["secret_property"] = pair_hook(pair, "https://").secret_property
        return render(self.request, "tickets/pair_hook_secret.html", {**context, "secret": secret})

    def get(self, request, namespace: str, pk: int):
        return self.render(get_object_or_404(self.get_queryset(), pk=pk))

    def post(self, request, namespace: str, pk: int):
        pair = get_object_or_404(self.get_queryset(), pk=pk)
        secret = hooks.generate_secret(pair)
        messages.success(request, "New webhook secret: copy it now, it is not shown again.")
        return self.render(pair, secret)


class PairUpdateSetView(PairMixin, View):
    """GET: the ServiceNow connection's configuration package with this pair's business rule and outbound
    REST message added (the webhook secret stays out of it: the instance's admin sets it in a system
    property)."""

    required_role = Role.ADMIN

    def get(self, request, namespace: str, pk: int):
        pair = get_object_or_404(self.get_queryset(), pk=pk)
        base_url = request.build_absolute_uri("/")
        try:
            filename, body = configuration_package(pair.servicenow, (pair_hook(pair, base_url),))
        except PackageError as exc:
            messages.error(request, str(exc))
            return redirect(reverse("tickets:pair_hook_secret", args=[namespace, pk]))
        response = HttpResponse(body, content_type="application/xml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


@method_decorator([csrf_exempt, login_not_required], name="dispatch")
class TicketHookView(View):
    """GLPI or ServiceNow posts here with the pair's bearer secret, not a session: no login, no CSRF."""

    http_method_names = ["post"]

    def post(self, request, pk: int, side: str):
        length = request.META.get("CONTENT_LENGTH") or ""
        delivery = hooks.Delivery(
            authorization=request.headers.get("Authorization", ""),
            length=int(length) if length.isdigit() else None,
            delivery_id=next(
                (request.headers[h] for h in hooks.DELIVERY_HEADERS if h in request.headers), ""
            ).strip(),
        )
        answer = hooks.receive(pk, side, delivery, request)
        response = JsonResponse({"detail": answer.message}, status=answer.status)
        if answer.status == 401:
            response["WWW-Authenticate"] = 'Bearer realm="Portfolio Bridge ticket webhooks"'
        return response
