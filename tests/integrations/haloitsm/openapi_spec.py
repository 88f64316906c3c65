"""Validates requests sent to Halo against the request schemas of Halo's own OpenAPI document, so a
payload a real Halo would reject fails a test here. Used by the sandbox tests and, later, by the
product's Halo client tests.

The repository carries only the part of the document the product uses (`halo-openapi-subset.json`:
the paths below and the schemas they refer to). Regenerate it from the full document with
`python -m tests.integrations.haloitsm.openapi_spec ../shared/reference/halo-openapi.json`."""

import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from openapi_core import Config, OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

SUBSET = Path(__file__).with_name("halo-openapi-subset.json")
RESOURCES = (
    "Asset",
    "AssetType",
    "AssetGroup",
    "Status",
    "Service",
    "Supplier",
    "ClientContract",
    "Client",
    "Site",
    "Users",
    "Webhook",
    "Tickets",
    "Actions",
)
# Swashbuckle wrote some types in C# spelling; JSON Schema needs its own names.
NON_STANDARD_TYPES = {
    "int": {"type": "integer"},
    "bool": {"type": "boolean"},
    "double": {"type": "number"},
    "DateTime": {"type": "string"},
    "List<int>": {"type": "string"},
    "obj": {"type": "object"},
}


def trim(full: dict[str, Any]) -> dict[str, Any]:
    """The document cut down to the product's paths and every schema they reach."""
    paths = {p: full["paths"][p] for r in RESOURCES for p in (f"/{r}", f"/{r}/{{id}}") if p in full["paths"]}
    paths["/AuthInfo"] = full["paths"]["/AuthInfo"]
    schemas = full["components"]["schemas"]
    reached: dict[str, Any] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            name = ref.rsplit("/", 1)[-1]
            if ref and name not in reached:
                reached[name] = schemas[name]
                walk(schemas[name])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(paths)
    components = {"schemas": reached, "securitySchemes": full["components"]["securitySchemes"]}
    keys = ("openapi", "info", "servers", "security")
    return {**{k: full[k] for k in keys}, "paths": paths, "components": components}


def normalise(node: Any) -> Any:
    """Standard type names, and each parameter once (the document lists some twice)."""
    if isinstance(node, dict):
        node = {k: normalise(v) for k, v in node.items()}
        if isinstance(node.get("parameters"), list):
            unique = {(p.get("name"), p.get("in")): p for p in node["parameters"]}
            node["parameters"] = list(unique.values())
        if isinstance(node.get("type"), str) and node["type"] in NON_STANDARD_TYPES:
            node = {**{k: v for k, v in node.items() if k != "type"}, **NON_STANDARD_TYPES[node["type"]]}
        return node
    if isinstance(node, list):
        return [normalise(v) for v in node]
    return node


@lru_cache(maxsize=1)
def halo_openapi() -> tuple[OpenAPI, dict[str, str]]:
    """The validator, and the document's paths by lower-case spelling (Halo's paths ignore case)."""
    spec = normalise(json.loads(SUBSET.read_text()))
    for scheme in spec["components"]["securitySchemes"].values():
        scheme["scheme"] = scheme["scheme"].lower()  # case-insensitive (RFC 7235); openapi-core compares
    return OpenAPI.from_dict(spec, config=Config(spec_validator_cls=None)), {
        p.lower(): p for p in spec["paths"]
    }


def spec_path(path: str) -> str | None:
    """`/api/asset/12` as the document spells it (`/api/Asset/12`), or None when it has no such path."""
    _, paths = halo_openapi()
    rest = path.removeprefix("/api")
    parts = rest.strip("/").split("/")
    candidates = [f"/{parts[0]}"] if len(parts) == 1 else [f"/{parts[0]}/{{id}}"] if len(parts) == 2 else []
    for candidate in candidates:
        if found := paths.get(candidate.lower()):
            return "/api" + found.replace("{id}", parts[1]) if "{id}" in found else "/api" + found
    return None


def check_request(
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    content_type: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Raise AssertionError naming every way the request breaks Halo's OpenAPI document."""
    parts = urlsplit(url)
    path = spec_path(parts.path)
    assert path is not None, f"{method} {parts.path}: Halo's OpenAPI document has no such path"
    builder = EnvironBuilder(
        method=method,
        base_url=f"{parts.scheme or 'http'}://{parts.netloc or 'localhost'}",
        path=path,
        query_string=parts.query,
        data=body,
        content_type=content_type,
        headers=headers or {},
    )
    openapi, _ = halo_openapi()
    request = WerkzeugOpenAPIRequest(Request(builder.get_environ()))
    result = openapi.unmarshal_request(request)
    if result.errors:
        details = []
        for error in result.errors:
            details.append(str(error))
            details.extend(f"  {e.message}" for e in getattr(error, "schema_errors", ()) or ())
            cause = error.__cause__
            if cause is not None and str(cause) != str(error):
                details.append(f"  {cause}")
        raise AssertionError(f"{method} {url} breaks Halo's OpenAPI document:\n" + "\n".join(details))


if __name__ == "__main__":
    SUBSET.write_text(json.dumps(trim(json.loads(Path(sys.argv[1]).read_text())), separators=(",", ":")))
