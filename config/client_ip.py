"""The client address that login throttling counts failures against."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR; behind `LOGIN_PROXY_COUNT` trusted proxies, the address the outermost one saw.

    Each proxy appends to X-Forwarded-For, so only the right-hand entries are trustworthy: the left part is
    whatever the client sent, and counting from the left would let an attacker pick a fresh address per try.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.LOGIN_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    return hops[-count] if len(hops) >= count else remote
