"""Namespace-scoped list, detail, create, update and delete views, configured per model by a few
class attributes (NetBox style) instead of written out five times per model."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model, ProtectedError, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views import generic
from django_filters import FilterSet

from catalog.access import get_namespace_for, has_role
from catalog.choices import Role
from catalog.filters import filtered


class NamespaceMixin:
    """Resolves `<namespace>` from the URL to a namespace the user belongs to (404 otherwise) and checks
    the role the view needs; viewers are refused changes with 403 in their own namespace."""

    required_role: str = Role.VIEWER
    request: HttpRequest
    kwargs: dict[str, Any]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.namespace, self.role = get_namespace_for(request.user, kwargs["namespace"])
        if not has_role(self.role, self.required_role):
            raise PermissionDenied("Your role in this namespace does not allow changes.")
        return super().dispatch(request, *args, **kwargs)

    @property
    def can_edit(self) -> bool:
        return has_role(self.role, Role.EDITOR)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(namespace=self.namespace, role=self.role, can_edit=self.can_edit)
        return context


class ObjectViewMixin(NamespaceMixin):
    """Common configuration of one model's views."""

    model: type[Model]
    url_base: str = ""  # e.g. "application" → catalog:application_list, catalog:application_detail, …
    select_related: tuple[str, ...] = ()

    def get_queryset(self) -> QuerySet:
        queryset = self.model.objects.filter(namespace=self.namespace)
        return queryset.select_related(*self.select_related) if self.select_related else queryset

    def url(self, action: str, obj: Model | None = None) -> str:
        args = [self.namespace.slug] + ([obj.pk] if obj is not None else [])
        return reverse(f"catalog:{self.url_base}_{action}", args=args)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            url_base=self.url_base,
            verbose_name=self.model._meta.verbose_name,
            verbose_name_plural=self.model._meta.verbose_name_plural,
            list_url=self.url("list"),
            add_url=self.url("add"),
        )
        return context


class ObjectListView(ObjectViewMixin, generic.ListView):
    """A searchable, filterable, sortable, paginated list; htmx requests get only the results partial."""

    template_name = "catalog/object_list.html"
    paginate_by = 50
    columns: tuple[tuple[str, str], ...] = ()  # (field path, label); the first links to the detail page
    search_fields: tuple[str, ...] = ("name",)
    default_sort = "name"
    filterset_class: type[FilterSet] | None = None
    filterset: FilterSet | None = None

    def get_template_names(self) -> list[str]:
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{self.template_name}#results"]
        return [self.template_name]

    def sort_key(self) -> str:
        requested = self.request.GET.get("sort", self.default_sort)
        allowed = {path for path, _ in self.columns}
        return requested if requested.lstrip("-") in allowed else self.default_sort

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.filterset_class is not None:
            # Given the whole namespace, so a filter's choices can be read from it.
            self.filterset = self.filterset_class(self.request.GET, queryset=queryset, request=self.request)
            queryset = filtered(self.filterset)
        query = self.request.GET.get("q", "").strip()
        if query:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": query})
            queryset = queryset.filter(condition)
        return queryset.order_by(self.sort_key(), "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            columns=self.columns,
            sort=self.sort_key(),
            query=self.request.GET.get("q", ""),
            filter_form=self.filterset.form if self.filterset else None,
        )
        return context


class ObjectDetailView(ObjectViewMixin, generic.DetailView):
    template_name = "catalog/object_detail.html"
    fields: tuple[str, ...] = ()
    # Related records listed below the fields: (relation name, relations to load with each).
    related: tuple[tuple[str, tuple[str, ...]], ...] = ()
    most_related = 200

    def get_template_names(self) -> list[str]:
        return [f"catalog/{self.url_base}_detail.html", self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            fields=[(self.model._meta.get_field(name).verbose_name, name) for name in self.fields],
            edit_url=self.url("edit", self.object),
            delete_url=self.url("delete", self.object),
            related={name: self.related_records(name, joined) for name, joined in self.related},
        )
        return context

    def related_records(self, name: str, joined: tuple[str, ...]) -> QuerySet:
        records = getattr(self.object, name).all()
        return (records.select_related(*joined) if joined else records)[: self.most_related]


class ObjectFormMixin(ObjectViewMixin):
    required_role = Role.EDITOR
    template_name = "catalog/object_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "namespace": self.namespace}

    def get_success_url(self) -> str:
        return self.url("detail", self.object)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.url("detail", self.object) if self.object else self.url("list")
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, f"Saved {self.model._meta.verbose_name} “{self.object}”.")
        return response


class ObjectCreateView(ObjectFormMixin, generic.CreateView):
    pass


class ObjectUpdateView(ObjectFormMixin, generic.UpdateView):
    pass


class ObjectDeleteView(ObjectViewMixin, generic.DeleteView):
    required_role = Role.EDITOR
    template_name = "catalog/object_confirm_delete.html"

    def get_success_url(self) -> str:
        return self.url("list")

    def form_valid(self, form):
        name = str(self.object)
        try:
            response = super().form_valid(form)
        except ProtectedError:
            messages.error(self.request, f"“{name}” is still referenced and cannot be deleted.")
            return HttpResponseRedirect(self.url("detail", self.object))
        messages.success(self.request, f"Deleted {self.model._meta.verbose_name} “{name}”.")
        return response
