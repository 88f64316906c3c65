"""Deployment profiles are edited from their application's page."""

from typing import Any

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import generic

from catalog.choices import Role
from catalog.forms import DeploymentProfileForm
from catalog.models import BusinessApplication, DeploymentProfile

from .generic import NamespaceMixin


class DeploymentMixin(NamespaceMixin):
    required_role = Role.EDITOR
    model = DeploymentProfile

    def get_queryset(self):
        return DeploymentProfile.objects.filter(namespace=self.namespace).select_related("application")

    def application_url(self, application: BusinessApplication) -> str:
        return reverse("catalog:application_detail", args=[self.namespace.slug, application.pk])

    def get_success_url(self) -> str:
        return self.application_url(self.object.application)


class DeploymentFormMixin(DeploymentMixin):
    form_class = DeploymentProfileForm
    template_name = "catalog/object_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "application": self.application}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            verbose_name="deployment profile",
            list_url=self.application_url(self.application),
            parent=self.application,
        )
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, f"Saved deployment profile “{self.object}”.")
        return response


class DeploymentCreateView(DeploymentFormMixin, generic.CreateView):
    @cached_property
    def application(self) -> BusinessApplication:
        return get_object_or_404(BusinessApplication, namespace=self.namespace, pk=self.kwargs["application"])


class DeploymentUpdateView(DeploymentFormMixin, generic.UpdateView):
    @property
    def application(self) -> BusinessApplication:
        return self.object.application


class DeploymentDeleteView(DeploymentMixin, generic.DeleteView):
    template_name = "catalog/object_confirm_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            verbose_name="deployment profile",
            list_url=self.get_success_url(),
            cancel_url=self.get_success_url(),
        )
        return context

    def form_valid(self, form):
        name = str(self.object)
        response = super().form_valid(form)
        messages.success(self.request, f"Deleted deployment profile “{name}”.")
        return response
