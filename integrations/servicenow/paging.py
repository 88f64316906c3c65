"""Reading several Table API queries at once for a pull: the first page of every query in one Batch API
call, then each query continued page by page (plain GETs, from where its first page ended) as it is read.
Pages of up to 2,000 rows, sorted by sys_id and continued by key (`sys_id>` the last one read), so a
record deleted or added while a pull reads does not shift the window and skip another; memory holds the
first pages and one more page at a time."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from .batch_api import MAX_CALLS, batch
from .client import ServiceNowClient

PULL_PAGE = 2000  # sysparm_limit of a pull's pages (the Table API's usual maximum)
IDS_PER_QUERY = 150  # sys_ids per `sys_idIN` query (about 5 KB of URL)
TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


@dataclass(frozen=True)
class Query:
    table: str
    query: str
    fields: tuple[str, ...]

    def path(self) -> str:
        params = {
            "sysparm_query": self.sorted_query,
            "sysparm_limit": PULL_PAGE,
            "sysparm_exclude_reference_link": "true",
            "sysparm_fields": ",".join(dict.fromkeys(("sys_id", *self.fields))),  # the key of the next page
        }
        return f"/api/now/table/{self.table}?{urlencode(params)}"

    @property
    def sorted_query(self) -> str:
        return self.after("")

    def after(self, last_id: str) -> str:
        """The query from the record after `last_id` on, sorted by sys_id."""
        return joined(self.query, f"sys_id>{last_id}" if last_id else "", "ORDERBYsys_id")


def since_query(field: str, since: str) -> str:
    """`field>=since`, or "" for everything. `since` is a "YYYY-MM-DD HH:MM:SS" UTC time (ValueError
    otherwise: it goes into an encoded query, where a caret would start another condition)."""
    if not since:
        return ""
    if not TIME.fullmatch(since):
        raise ValueError(f"“{since}” is not a time as YYYY-MM-DD HH:MM:SS")
    return f"{field}>={since}"


def joined(*parts: str) -> str:
    return "^".join(p for p in parts if p)


def id_chunks(ids: list[str], size: int = IDS_PER_QUERY) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def streams(client: ServiceNowClient, queries: list[Query]) -> list[Iterator[dict[str, Any]]]:
    """Every query's rows, in the order given; the first pages all arrive in one call (one per
    `MAX_CALLS` queries), the rest is read when a stream gets there."""
    if len(queries) <= 1:
        return [_rest(client, q, "") for q in queries]
    answers: list[tuple[int, Any, dict[str, str]]] = []
    calls = [("GET", q.path(), None) for q in queries]
    for start in range(0, len(calls), MAX_CALLS):
        answers += batch(client, calls[start : start + MAX_CALLS], repeatable=True)
    return [_continued(client, q, answer) for q, answer in zip(queries, answers, strict=True)]


def _continued(
    client: ServiceNowClient, query: Query, answer: tuple[int, Any, dict[str, str]]
) -> Iterator[dict[str, Any]]:
    status, body, headers = answer
    rows = body.get("result") if status == 200 and isinstance(body, dict) else None
    if not isinstance(rows, list):  # not serviced, or refused: asked again on its own (raising its error)
        yield from _rest(client, query, "")
        return
    total = int(headers.get("x-total-count") or len(rows))
    yield from rows
    if rows and len(rows) < total:
        yield from _rest(client, query, str(rows[-1]["sys_id"]))


def _rest(client: ServiceNowClient, query: Query, last_id: str) -> Iterator[dict[str, Any]]:
    """The query's pages after `last_id`, each asked by key; the total the answer counts (what is left
    from there) says whether another page follows."""
    fields = list(dict.fromkeys(("sys_id", *query.fields)))
    while True:
        params = {
            "sysparm_query": query.after(last_id),
            "sysparm_limit": PULL_PAGE,
            "sysparm_exclude_reference_link": "true",
            "sysparm_fields": ",".join(fields),
        }
        response = client.request("GET", f"/api/now/table/{query.table}", params=params)
        page = response.json().get("result", [])
        yield from page
        total = int(response.headers.get("X-Total-Count") or len(page))
        if not page or len(page) >= total:
            return
        last_id = str(page[-1]["sys_id"])


def read_all(client: ServiceNowClient, queries: list[Query]) -> list[list[dict[str, Any]]]:
    """Small queries (a few ids each) read completely, in as few calls as the Batch API allows."""
    return [list(stream) for stream in streams(client, queries)]
