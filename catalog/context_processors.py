from django.http import HttpRequest

from catalog.access import namespaces_for


def namespaces(request: HttpRequest) -> dict:
    """The namespace switcher in the navigation."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"my_namespaces": namespaces_for(request.user).only("name", "slug")}
