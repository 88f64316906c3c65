from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from catalog.access import namespaces_for
from catalog.models import BusinessApplication


@require_GET
def home(request):
    """The namespaces the user belongs to, with the size of each portfolio; straight to the portfolio when
    there is only one."""
    namespaces = list(namespaces_for(request.user).order_by("name"))
    if len(namespaces) == 1:
        return redirect(reverse("catalog:application_list", args=[namespaces[0].slug]))
    counts = dict(
        BusinessApplication.objects.filter(namespace__in=namespaces)
        .values("namespace")
        .annotate(n=Count("id"))
        .values_list("namespace", "n")
    )
    rows = [(ns, counts.get(ns.pk, 0)) for ns in namespaces]
    return render(request, "catalog/home.html", {"rows": rows})
