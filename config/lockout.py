"""The page a locked-out login gets (django-axes calls `locked_out` instead of its bare text response)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """429 with the login page's look, saying how long the pause lasts; nothing about whether the user
    name exists."""
    minutes = max(int(settings.AXES_COOLOFF_TIME.total_seconds() // 60), 1)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "registration/locked_out.html", context, status=429)
