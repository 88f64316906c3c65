"""The matching aliases page: the namespace's own aliases (typed or learned from confirmed matches), a form
to add one, and undo. Changes are POST only; the wizard's steps link here and undo from their own card."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from sync import aliases
from sync.alias_models import MatchAlias
from sync.match_dictionary import shipped_groups
from sync.views import WizardMixin


class AliasForm(forms.Form):
    kind = forms.ChoiceField(choices=MatchAlias.Kind.choices, label="Matching step")
    phrase = forms.CharField(max_length=aliases.MAX_LENGTH, label="The portfolio calls it")
    means = forms.CharField(max_length=aliases.MAX_LENGTH, label="The target calls it")

    def clean(self) -> dict:
        data = super().clean()
        if not self.errors:
            for problem in aliases.problems_of(data["kind"], data["phrase"], data["means"]):
                self.add_error(None, problem)
        return data


class AliasesView(WizardMixin, View):
    def get(self, request, namespace: str):
        return self.page(request, AliasForm())

    def post(self, request, namespace: str):
        form = AliasForm(request.POST)
        if not form.is_valid():
            return self.page(request, form, status=400)
        data = form.cleaned_data
        alias = aliases.add(self.namespace, data["kind"], data["phrase"], data["means"], request.user)
        messages.success(request, f"Alias added: {alias.phrase} = {alias.means}.")
        return redirect(reverse("sync:match_aliases", args=[self.namespace.slug]))

    def page(self, request, form: AliasForm, status: int = 200):
        context = {
            "namespace": self.namespace,
            "role": self.role,
            "form": form,
            "aliases": aliases.listed(self.namespace),
            "shipped": {kind.label: len(shipped_groups(kind.value)) for kind in MatchAlias.Kind},
        }
        return render(request, "sync/match_aliases.html", context, status=status)


class AliasRemoveView(WizardMixin, View):
    """Undo an alias; back to the page it was undone from (the aliases page or a wizard step)."""

    def post(self, request, namespace: str, pk: int):
        try:
            alias = aliases.remove(self.namespace, pk)
        except aliases.AliasError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Alias undone: {alias.phrase} = {alias.means}.")
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
            back = reverse("sync:match_aliases", args=[self.namespace.slug])
        return redirect(back)
