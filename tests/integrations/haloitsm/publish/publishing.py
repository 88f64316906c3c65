"""Shared set-up of the Halo publish tests: a served sandbox with the two asset types the product needs,
a portfolio, a connection whose asset types are mapped, and a check of every request the product sends
against Halo's OpenAPI document."""

import io
from typing import Any

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer.importer import import_document

from ..openapi_spec import check_request

SOFTWARE_TYPE = 4  # the demo instance's "Software" asset type (sandbox/seed.py)
FAST = 100_000  # calls per five minutes: the governor does not slow the tests down


class Checked:
    """Stands in front of the Halo WSGI app: records every request and checks each one the product
    sends to `/api` against Halo's OpenAPI request schemas."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[tuple[str, str]] = []
        self.violations: list[str] = []
        self.statuses: list[tuple[str, str, int]] = []  # what the sandbox answered

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, environ: dict, start_response: Any) -> Any:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        self.calls.append((method, path))
        if path.lower().startswith("/api/"):
            query = environ.get("QUERY_STRING", "")
            try:
                check_request(
                    method,
                    f"https://halo{path}" + (f"?{query}" if query else ""),
                    body=body or None,
                    content_type=environ.get("CONTENT_TYPE") or None,
                    headers={"Authorization": environ.get("HTTP_AUTHORIZATION", "")},
                )
            except AssertionError as exc:
                self.violations.append(str(exc))

        def answered(status: str, headers: list, exc_info: Any = None) -> Any:
            self.statuses.append((method, path, int(status.split()[0])))
            return start_response(status, headers, exc_info)

        return self.inner(environ, answered)

    def writes(self) -> list[tuple[str, str]]:
        return [(m, p) for m, p in self.calls if m in ("POST", "DELETE") and p.lower().startswith("/api/")]


def add_asset_types(halo) -> dict[str, int]:
    """The business-application and application-instance types (the wizard's asset-type step makes them)."""
    answer = halo.post(
        "/api/AssetType",
        json=[
            {"name": "Business application", "assetgroup_id": 2, "keyfield_id": 1, "keyfield_name": "Name"},
            {"name": "Application instance", "assetgroup_id": 2, "keyfield_id": 1, "keyfield_name": "Name"},
        ],
    )
    assert answer.status_code in (200, 201), answer.text
    app_type, instance_type = (row["id"] for row in answer.json())
    return {
        "business_application": app_type,
        "application_instance": instance_type,
        "software": SOFTWARE_TYPE,
    }


def import_portfolio(namespace, apps: int = 6, services: int = 3) -> None:
    import_document(namespace, build_demo_document(DemoShape(apps=apps, services=services, seed=5)))


def halo_connection(
    halo, namespace, asset_types: dict[str, int] | None = None, name: str = "halo", **options
):
    """Known authorisation server and tenant (as a saved connection has them): no discovery call."""
    values = {
        "auth_url": f"{halo.url}/auth",
        "tenant": "demo",
        "calls_per_five_minutes": FAST,
        "asset_types": asset_types or {},
        **options,
    }
    return halo.connection(namespace, name=name, options=values)
