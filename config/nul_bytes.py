"""Refuses any request whose parameters contain a NUL byte, before a view sees it.

PostgreSQL cannot store or compare text with NUL in it, so a `?q=%00` would otherwise end as a server
error deep in whichever query used it; no form or filter of the site has a use for one."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict

MESSAGE = "NUL bytes are not allowed in request parameters."


def has_nul(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())


class RejectNulBytesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            "\x00" in request.path
            or has_nul(request.GET)
            or (request.method == "POST" and has_nul(request.POST))
        ):
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
