"""Tiny URLs: `POST /api/now/tinyurl` keeps a URL too long for a request line and answers a short
`sysparm_tiny` value; a later request that carries `sysparm_tiny` is read with the kept URL's query, as
an instance does (the Ansible collection falls back to this for long encoded queries)."""

import re
import uuid
from urllib.parse import parse_qsl, urlsplit

from . import errors
from .context import Call
from .records import Records
from .table_api import Response

PATH = re.compile(r"^/api/now(?:/v1)?/tinyurl/?$")


def create(records: Records, call: Call, base_url: str) -> Response:
    body = call.json()
    url = str(body.get("url") or "") if isinstance(body, dict) else ""
    if not url:
        raise errors.ApiError(400, "Missing url", "The body must give the url to shorten")
    tiny = uuid.uuid4().hex
    records.create("sys_tiny_url", {"tiny_url": tiny, "data": url}, call.caller.user_name)
    table = urlsplit(url).path.rstrip("/").rpartition("/")[2] or "home"
    return Response(200, {"result": f"{base_url}/{table}_list.do?sysparm_tiny={tiny}"})


def expand(records: Records, call: Call) -> None:
    """A request with `sysparm_tiny` takes the parameters of the URL kept under it."""
    tiny = call.param("sysparm_tiny")
    if not tiny:
        return
    for _, row in records.store.scan("sys_tiny_url"):
        if row.get("tiny_url") == tiny:
            call.params = parse_qsl(urlsplit(row.get("data", "")).query, keep_blank_values=True)
            return
    raise errors.ApiError(400, "Invalid sysparm_tiny", f"No tiny URL {tiny}")
