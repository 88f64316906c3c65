"""Reading several Table API queries at once for a pull: the first page of every query in one Batch API
call, then each query continued page by page (plain GETs, from where its first page ended) as it is read.
Pages of up to 2,000 rows, sorted by sys_id so that offset paging is stable; memory holds the first pages
and one more page at a time."""

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
            "sysparm_fields": ",".join(self.fields),
        }
        return f"/api/now/table/{self.table}?{urlencode(params)}"

    @property
    def sorted_query(self) -> str:
        return f"{self.query}^ORDERBYsys_id" if self.query else "ORDERBYsys_id"


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
        return [_rest(client, q, 0) for q in queries]
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
        yield from _rest(client, query, 0)
        return
    total = int(headers.get("x-total-count") or len(rows))
    yield from rows
    if rows and len(rows) < total:
        yield from _rest(client, query, len(rows))


def _rest(client: ServiceNowClient, query: Query, offset: int) -> Iterator[dict[str, Any]]:
    return client.records(query.table, query.sorted_query, list(query.fields), PULL_PAGE, offset=offset)


def read_all(client: ServiceNowClient, queries: list[Query]) -> list[list[dict[str, Any]]]:
    """Small queries (a few ids each) read completely, in as few calls as the Batch API allows."""
    return [list(stream) for stream in streams(client, queries)]
