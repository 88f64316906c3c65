"""The admins' token page and the change page. The token's secret appears once, in the answer to the
creating POST, and never again."""

from typing import Any

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views import View, generic

from catalog.choices import Role
from catalog.views.generic import NamespaceMixin
from pipelines.forms import TokenForm
from pipelines.models import ChangeRequest, EventKind, PipelineToken
from pipelines.tokens import TokenError, create_token, revoke_token


class TokenMixin(NamespaceMixin):
    required_role = Role.ADMIN

    def tokens(self):
        return PipelineToken.objects.filter(namespace=self.namespace).select_related("created_by")


class TokenListView(TokenMixin, View):
    template_name = "pipelines/token_list.html"

    def page(self, form: TokenForm, secret: str = "", created: PipelineToken | None = None):
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "tokens": self.tokens(),
            "form": form,
            "secret": secret,
            "created": created,
        }
        return render(self.request, self.template_name, context)

    def get(self, request, namespace: str):
        return self.page(TokenForm())

    def post(self, request, namespace: str):
        form = TokenForm(request.POST)
        if not form.is_valid():
            return self.page(form)
        try:
            made = create_token(
                self.namespace, form.cleaned_data["name"], form.cleaned_data["scope"], request.user
            )
        except TokenError as exc:
            form.add_error("name", str(exc))
            return self.page(form)
        response = self.page(TokenForm(), secret=made.secret, created=made.token)
        add_never_cache_headers(response)  # the secret must not come back from a browser's cache
        return response


class TokenRevokeView(TokenMixin, View):
    def post(self, request, namespace: str, pk: int):
        token = get_object_or_404(self.tokens(), pk=pk)
        if token.revoked_at is None:
            revoke_token(self.namespace, token.name)
            messages.success(request, f"Token “{token.name}” revoked: pipelines using it are refused now.")
        return redirect("pipelines:token_list", self.namespace.slug)


class ChangeDetailView(NamespaceMixin, generic.DetailView):
    template_name = "pipelines/change_detail.html"
    context_object_name = "change"

    def get_object(self, queryset=None) -> ChangeRequest:
        found = ChangeRequest.objects.select_related("connection", "token", "deployment__application").filter(
            namespace=self.namespace, number=self.kwargs["number"]
        )
        change = found.order_by("-created_at").first()  # two instances may both have issued the number
        if change is None:
            raise Http404("No such change request here.")
        return change

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        events = list(self.object.events.all())
        context.update(
            events=events,
            attachments=[e.data for e in events if e.kind == EventKind.ATTACHMENT],
            calls=self.object.calls.order_by("-id")[:200],
        )
        return context
