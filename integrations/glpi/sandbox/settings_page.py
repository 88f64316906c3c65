"""`/sandbox/settings`: Setup > General > API of the running sandbox as JSON. GET shows it; POST changes
any of `enable_api`, `login_credentials`, `login_token`, `clients`, `session_lifetime`, or with
`"expire_sessions": true` ends every session, so a connection check can be made to fail on a served
sandbox. Changes last until the sandbox stops (the command's options set them at start)."""

import ipaddress
import json
from typing import Any

from werkzeug.wrappers import Request, Response

from .app import GlpiSandbox, GlpiSettings
from .sessions import ApiClient

FLAGS = ("enable_api", "login_credentials", "login_token")


def shown(settings: GlpiSettings) -> dict[str, Any]:
    return {
        **{flag: getattr(settings, flag) for flag in FLAGS},
        "clients": [
            {
                "name": c.name,
                "addresses": list(c.addresses),
                "app_token": c.app_token,
                "is_active": c.is_active,
            }
            for c in settings.clients
        ],
        "session_lifetime": settings.session_lifetime,
        "version": settings.version,
    }


def _client(value: Any) -> ApiClient:
    if not isinstance(value, dict) or not isinstance(value.get("name", ""), str):
        raise ValueError("each client is an object with a name")
    addresses = value.get("addresses", ["127.0.0.1/32", "::1/128"])
    if not isinstance(addresses, list) or not all(isinstance(a, str) for a in addresses):
        raise ValueError("a client's addresses are a list of networks, e.g. 10.0.0.0/8")
    for address in addresses:
        ipaddress.ip_network(address, strict=False)  # ValueError names the bad one
    token, active = value.get("app_token", ""), value.get("is_active", True)
    if not isinstance(token, str) or not isinstance(active, bool):
        raise ValueError("app_token is a string and is_active a boolean")
    return ApiClient(value.get("name") or "client", tuple(addresses), token, active)


def change(sandbox: GlpiSandbox, data: Any) -> None:
    """Check everything first, then apply; ValueError says what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("send a JSON object")
    unknown = set(data) - {*FLAGS, "clients", "session_lifetime", "expire_sessions"}
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
    for flag in (*FLAGS, "expire_sessions"):
        if flag in data and not isinstance(data[flag], bool):
            raise ValueError(f"{flag} must be true or false")
    if "clients" in data and not isinstance(data["clients"], list):
        raise ValueError("clients must be a list")
    clients = [_client(c) for c in data["clients"]] if "clients" in data else None
    lifetime = data.get("session_lifetime", sandbox.settings.session_lifetime)
    if not isinstance(lifetime, int | float) or isinstance(lifetime, bool) or lifetime <= 0:
        raise ValueError("session_lifetime must be a positive number of seconds")
    for flag in FLAGS:
        if flag in data:
            setattr(sandbox.settings, flag, data[flag])
    if clients is not None:
        sandbox.settings.clients = clients
    sandbox.settings.session_lifetime = sandbox.sessions.lifetime = float(lifetime)
    if data.get("expire_sessions"):
        sandbox.sessions.expire_all()


def respond(sandbox: GlpiSandbox, request: Request) -> Response:
    if request.method == "POST":
        try:
            change(sandbox, json.loads(request.get_data(cache=False) or b"null"))
        except (ValueError, TypeError) as exc:
            return GlpiSandbox.json(400, ["ERROR", str(exc)])
    elif request.method != "GET":
        return GlpiSandbox.json(405, ["ERROR_METHOD_NOT_ALLOWED", "Method Not Allowed"])
    return GlpiSandbox.json(200, shown(sandbox.settings))
