from contextlib import suppress

from django.http import Http404, HttpRequest

from catalog.access import get_namespace_for, namespaces_for


def namespaces(request: HttpRequest) -> dict:
    """The namespace switcher, and the current namespace and role for the navigation: every page under
    /n/<namespace>/ gets them, so that no view can forget them (a view's own context still wins)."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    context = {"my_namespaces": namespaces_for(request.user).only("name", "slug")}
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("namespace") if match else None
    if isinstance(slug, str):
        with suppress(Http404):  # not a member: the view answers 404 itself
            context["namespace"], context["role"] = get_namespace_for(request.user, slug)
    return context
