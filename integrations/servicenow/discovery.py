"""Subscribe's read of the infrastructure CIs (computers, servers and their subclasses) that service
instances depend on or run on: the CIs and their relationships from a service instance.

A full pull reads two streams whose first pages share one Batch API call: every service instance →
computer relationship (parent and child ids only: the CIs' links, kept by CI id), then every computer,
yielded when a service instance relates to it. An incremental pull asks what changed since a time (CIs
and relationships), then, in one more call, every relationship of the CIs it touched (their full links)
and the touched CIs that did not change themselves. A deleted relationship leaves no row to find by its
update time: its copy in `sys_audit_delete` names the CI it led to, whose links are read again (a CI no
service instance relates to any more is reported with no links)."""

import re
from collections.abc import Iterable, Iterator
from typing import Any

from integrations.base.platform import Discovered

from .client import ServiceNowClient
from .options import ServiceNowOptions
from .paging import Query, id_chunks, joined, read_all, since_query, streams

SERVICE_CLASS = "cmdb_ci_service"
COMPUTER_CLASS = "cmdb_ci_computer"
# cmdb_ci_computer and the subclasses of a stock instance a deletion is looked for in
COMPUTER_CLASSES = (
    COMPUTER_CLASS,
    "cmdb_ci_server",
    "cmdb_ci_win_server",
    "cmdb_ci_linux_server",
    "cmdb_ci_unix_server",
    "cmdb_ci_esx_server",
    "cmdb_ci_solaris_server",
    "cmdb_ci_aix_server",
    "cmdb_ci_hpux_server",
)
CI_FIELDS = (
    "sys_id",
    "name",
    "sys_class_name",
    "serial_number",
    "manufacturer.name",
    "model_id.display_name",
    "model_id.name",
    "os",
    "os_version",
    "location.name",
    "virtual",
    "install_status",
    "operational_status",
    "sys_updated_on",
)
RELATION_FIELDS = ("parent", "child", "sys_updated_on")
RELATED = joined(
    f"parent.sys_class_nameINSTANCEOF{SERVICE_CLASS}", f"child.sys_class_nameINSTANCEOF{COMPUTER_CLASS}"
)


def item_type(row: dict[str, Any]) -> str:
    class_name = str(row.get("sys_class_name", ""))
    if str(row.get("virtual", "")).lower() == "true":
        return "virtual_machine"
    if class_name == "cmdb_ci_server" or class_name.endswith("_server"):
        return "server"
    return "computer"


def as_discovered(row: dict[str, Any], links: Iterable[str]) -> Discovered:
    def text(name: str) -> str:
        return str(row.get(name, "") or "")

    return Discovered(
        target_id=text("sys_id"),
        name=text("name"),
        item_type=item_type(row),
        manufacturer=text("manufacturer.name"),
        model=text("model_id.display_name") or text("model_id.name"),
        serial_number=text("serial_number"),
        operating_system=text("os"),
        os_version=text("os_version"),
        location=text("location.name"),
        links=tuple(sorted(set(links))),
        target_type=text("sys_class_name"),
        updated_on=text("sys_updated_on"),
        retired=text("install_status") == "7" or text("operational_status") == "6",
    )


# The child of a deleted relationship in the audit's copy of the row: JSON (the sandbox) or XML (an instance).
DELETED_CHILD = re.compile(r'"child"\s*:\s*"(\w{32})"|<child(?:\s[^>]*)?>(\w{32})</child>')


def deleted_relations(since: str) -> Query:
    """The relationships deleted at or after `since` (any type: the caller reads the links again)."""
    condition = joined("tablename=cmdb_rel_ci", since_query("sys_created_on", since))
    return Query("sys_audit_delete", condition, ("documentkey", "payload"))


def unlinked(rows: Iterable[dict[str, Any]]) -> set[str]:
    """The records deleted relationships led to (their children)."""
    found = set()
    for row in rows:
        match = DELETED_CHILD.search(str(row.get("payload", "")))
        if match:
            found.add(match.group(1) or match.group(2))
    return found


def relations(condition: str = "") -> Query:
    return Query("cmdb_rel_ci", joined(RELATED, condition), RELATION_FIELDS)


def computers(condition: str = "") -> Query:
    return Query(COMPUTER_CLASS, condition, CI_FIELDS)


def discovered(
    client: ServiceNowClient, options: ServiceNowOptions, ids: Iterable[str] | None = None, since: str = ""
) -> Iterator[Discovered]:
    """The computers service instances relate to (all, those changed or relinked at or after `since`,
    or only `ids`, then related or not), each with the service instances it is linked to, streamed."""
    changed = since_query("sys_updated_on", since)  # a bad time fails before anything is read
    if ids is not None:  # asked by id: reported even when no service instance relates to it any more
        return _linked(client, sorted(set(ids)), {}, since, set(ids))
    if since:
        return _incremental(client, changed, since)
    return _full(client)


def _full(client: ServiceNowClient) -> Iterator[Discovered]:
    links: dict[str, list[str]] = {}
    related, cis = streams(client, [relations(), computers()])
    for row in related:
        links.setdefault(row["child"], []).append(row["parent"])
    for row in cis:
        if row["sys_id"] in links:
            yield as_discovered(row, links[row["sys_id"]])


def _incremental(client: ServiceNowClient, changed: str, since: str) -> Iterator[Discovered]:
    related, cis, deleted = streams(
        client, [relations(changed), computers(changed), deleted_relations(since)]
    )
    touched = {row["child"] for row in related}
    known = {}
    for row in cis:  # the changed CIs are held until their links are read
        known[row["sys_id"]] = row
        touched.add(row["sys_id"])
    lost = unlinked(deleted)
    yield from _linked(client, sorted(touched | lost), known, "", lost)


def _linked(
    client: ServiceNowClient,
    ids: list[str],
    known: dict[str, dict[str, Any]],
    since: str,
    lost: set[str] = frozenset(),
) -> Iterator[Discovered]:
    """The CIs `ids` with all their service instance links: their relationships and the rows not in
    `known`, in one Batch API call per 50 queries. With `since`, only the CIs that changed at or after it,
    or one of whose relationships did. A CI in `lost` (one of its relationships was deleted) is reported
    even with no link left."""
    if not ids:
        return
    unread = [i for i in ids if i not in known]
    queries = [relations("childIN" + ",".join(chunk)) for chunk in id_chunks(ids)]
    queries += [computers("sys_idIN" + ",".join(chunk)) for chunk in id_chunks(unread)]
    links: dict[str, list[str]] = {}
    relinked: dict[str, str] = {}  # CI: its latest relationship change
    rows = dict(known)
    for query, found in zip(queries, read_all(client, queries), strict=True):
        for row in found:
            if query.table == "cmdb_rel_ci":
                links.setdefault(row["child"], []).append(row["parent"])
                relinked[row["child"]] = max(
                    relinked.get(row["child"], ""), str(row.get("sys_updated_on", ""))
                )
            else:
                rows[row["sys_id"]] = row
    for sys_id in ids:
        if sys_id not in rows or (sys_id not in links and sys_id not in lost):
            continue
        item = as_discovered(rows[sys_id], links.get(sys_id, ()))
        if not since or item.updated_on >= since or relinked.get(sys_id, "") >= since:
            yield item
