"""The Batch API: many Table API calls in one request. Calls that are safe to repeat (reads, PUTs) go to
`/api/now/v1/batch`, which the client retries like any read; creates go to `/api/now/batch`, which it
never retries (the caller looks before it creates again)."""

import base64
import json
from typing import Any
from urllib.parse import urlencode

from .client import ServiceNowClient

MAX_CALLS = 50  # sub-requests per Batch API request


def batch(
    client: ServiceNowClient, calls: list[tuple[str, str, dict | None]], *, repeatable: bool
) -> list[tuple[int, Any, dict[str, str]]]:
    """`calls` as (method, path with query, JSON body); answers as (status, parsed body, headers), in order.
    An unserviced call answers status 0."""
    rest = []
    for number, (method, path, body) in enumerate(calls):
        request = {
            "id": str(number),
            "method": method,
            "url": path,
            "headers": [
                {"name": "Accept", "value": "application/json"},
                {"name": "Content-Type", "value": "application/json"},
            ],
            "exclude_response_headers": False,
        }
        if body is not None:
            request["body"] = base64.b64encode(json.dumps(body).encode()).decode()
        rest.append(request)
    path = "/api/now/v1/batch" if repeatable else "/api/now/batch"
    answer = client.json("POST", path, payload={"batch_request_id": "1", "rest_requests": rest}) or {}
    serviced = {str(a.get("id")): a for a in answer.get("serviced_requests", [])}
    results = []
    for number in range(len(calls)):
        found = serviced.get(str(number))
        if found is None:
            results.append((0, None, {}))
            continue
        raw = base64.b64decode(found.get("body") or "")
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        headers = {h.get("name", "").lower(): h.get("value", "") for h in found.get("headers") or []}
        results.append((int(found.get("status_code", 0)), parsed, headers))
    return results


def error_text(status: int, body: Any) -> str:
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        detail = f": {error['detail']}" if error.get("detail") else ""
        return f"{status} {error.get('message', 'Error')}{detail}"
    return f"{status} {'not serviced' if not status else 'Error'}"


def records_many(client: ServiceNowClient, queries: list[tuple[str, str, list[str]]]) -> list[list[dict]]:
    """Several reads in one call; a query with more than one page of results (or not serviced) is
    finished with ordinary paged reads."""
    if len(queries) == 1:
        return [list(client.records(*queries[0]))]
    size = min(client.settings.page_size, 2000)
    calls = []
    for table, query, fields in queries:
        params = {
            "sysparm_query": query,
            "sysparm_limit": size,
            "sysparm_exclude_reference_link": "true",
            "sysparm_fields": ",".join(fields),
        }
        calls.append(("GET", f"/api/now/table/{table}?{urlencode(params)}", None))
    results = []
    answers = []
    for start in range(0, len(calls), MAX_CALLS):
        answers += batch(client, calls[start : start + MAX_CALLS], repeatable=True)
    for query, (status, body, headers) in zip(queries, answers, strict=True):
        rows = body.get("result", []) if status == 200 and isinstance(body, dict) else None
        total = int(headers.get("x-total-count") or 0) if rows is not None else 0
        results.append(rows if rows is not None and total <= len(rows) else list(client.records(*query)))
    return results
