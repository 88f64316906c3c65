"""Portfolio export (any member) and import (editors), in Excel or JSON."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from catalog.access import has_role
from catalog.choices import Role
from catalog.forms import PortfolioImportForm
from catalog.transfer import limits
from catalog.transfer.files import FORMATS, export_portfolio, import_portfolio_file
from catalog.transfer.problems import ImportFailed, Problem

from .generic import NamespaceMixin

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


class ExportView(NamespaceMixin, View):
    def get(self, request, namespace: str, fmt: str):
        if fmt not in FORMATS:
            raise Http404("Unknown export format.")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response = HttpResponse(export_portfolio(self.namespace, fmt), content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = (
            f'attachment; filename="portfolio-{self.namespace.slug}-{stamp}.{fmt}"'
        )
        return response


class ImportView(NamespaceMixin, View):
    """Viewers see the export buttons here; only editors may import."""

    template_name = "catalog/import.html"

    def get(self, request, namespace: str):
        return self.render(PortfolioImportForm())

    def post(self, request, namespace: str):
        if not has_role(self.role, Role.EDITOR):
            raise PermissionDenied("Only editors can import into this namespace.")
        refused = limits.refused_upload(request)
        if refused:
            return self.render(PortfolioImportForm(), problems=[Problem("upload", refused)], status=400)
        form = PortfolioImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form, status=400)
        upload = form.cleaned_data["file"]
        try:
            limits.check_size(upload.size)
            summary = import_portfolio_file(self.namespace, upload.name, upload.read())
        except limits.FileRefused as exc:
            return self.render(form, problems=[Problem(upload.name, str(exc))], status=400)
        except ImportFailed as exc:
            return self.render(form, problems=exc.problems, status=400)
        messages.success(request, f"Imported {upload.name}: {summary}.")
        return redirect(reverse("catalog:application_list", args=[self.namespace.slug]))

    def render(self, form, problems=(), status: int = 200):
        context = {
            "form": form,
            "problems": problems,
            "namespace": self.namespace,
            "can_edit": self.can_edit,
            "max_bytes": settings.PORTFOLIO_IMPORT_MAX_BYTES,
            "max_unzipped_bytes": settings.IMPORT_MAX_UNZIPPED_BYTES,
            "max_rows": settings.IMPORT_MAX_ROWS,
        }
        return render(self.request, self.template_name, context, status=status)
