"""Documents ↔ attachments of a linked ticket against both sandboxes: a GLPI document and a ServiceNow
attachment each cross once (same name and bytes), copies never come back, re-runs change nothing, and a
file over the size cap is skipped with one log line."""

import datetime as dt
import json

from tickets import documents
from tickets.engine import sync_pair
from tickets.models import TicketLink, TicketPair, TicketSyncLog

SEEDED = 1


def glpi_document(glpi_server, name: str, content: bytes) -> int:
    values = {"name": name, "_filename": [name], "itemtype": "Ticket", "items_id": SEEDED}
    manifest = {"input": {**values, "entities_id": 1}}  # the seeded ticket's entity
    response = glpi_server.post(
        "/Document",
        data={"uploadManifest": json.dumps(manifest)},
        files={"filename[0]": (name, content, "text/plain")},
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def sn_attachment(sandbox, sys_id: str, name: str, content: bytes) -> str:
    params = {"table_name": "incident", "table_sys_id": sys_id, "file_name": name}
    response = sandbox.post(
        "/api/now/attachment/file", params=params, data=content, headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 201, response.text
    return response.json()["result"]["sys_id"]


def glpi_files(glpi_server) -> dict[str, bytes]:
    ids = [r["documents_id"] for r in glpi_server.rows("Document_Item") if r["items_id"] == SEEDED]
    found = {}
    for row in glpi_server.rows("Document"):
        if row["id"] in ids:
            response = glpi_server.get(
                f"/Document/{row['id']}", headers={"Accept": "application/octet-stream"}
            )
            assert response.status_code == 200, response.text
            found[row["filename"]] = response.content
    return found


def sn_files(sandbox, sys_id: str) -> dict[str, bytes]:
    rows = sandbox.table("sys_attachment", sysparm_query=f"table_sys_id={sys_id}")
    return {r["file_name"]: sandbox.get(f"/api/now/attachment/{r['sys_id']}/file").content for r in rows}


def test_a_document_and_an_attachment_each_cross_once(live, glpi_server, sandbox):
    sync_pair(live)
    [incident] = sandbox.table("incident")
    glpi_document(glpi_server, "event-log.txt", b"disk at 91%\n")
    sn_attachment(sandbox, incident["sys_id"], "runbook.txt", b"purge C:\\temp\n")
    report = sync_pair(live)
    assert not report.errors, report.errors
    assert (report.servicenow["documents"], report.glpi["documents"]) == (1, 1), report.as_dict()
    expected = {"event-log.txt": b"disk at 91%\n", "runbook.txt": b"purge C:\\temp\n"}
    assert sn_files(sandbox, incident["sys_id"]) == expected
    assert glpi_files(glpi_server) == expected
    before = (glpi_server.rows("Document"), sandbox.table("sys_attachment"), TicketSyncLog.objects.count())
    for full in (False, True, False):
        assert not sync_pair(live, full=full).errors
    after = (glpi_server.rows("Document"), sandbox.table("sys_attachment"), TicketSyncLog.objects.count())
    assert after == before
    assert len(TicketLink.objects.get().mirrored["documents"]) == 4


def test_a_file_over_the_cap_is_skipped_and_logged_once(live, glpi_server, sandbox, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 10)
    sync_pair(live)
    [incident] = sandbox.table("incident")
    sn_attachment(sandbox, incident["sys_id"], "dump.bin", b"x" * 11)
    sn_attachment(sandbox, incident["sys_id"], "ok.txt", b"short")
    sandbox.put(f"/api/now/table/incident/{incident['sys_id']}", json={"impact": "1"})
    sync_pair(live)
    sandbox.put(f"/api/now/table/incident/{incident['sys_id']}", json={"impact": "2"})
    sync_pair(live)
    assert glpi_files(glpi_server) == {"ok.txt": b"short"}
    skipped = TicketSyncLog.objects.filter(message__contains="dump.bin not copied")
    assert skipped.count() == 1


def test_an_attachment_alone_is_noticed_by_an_incremental_sync(live, glpi_server, sandbox, caplog):
    """ServiceNow does not move an incident's sys_updated_on for a new attachment: the incident is out of
    the read window here, and the attachment is found by the sys_attachment read that shares the incident
    list's Batch API call."""
    sync_pair(live)
    [incident] = sandbox.table("incident")
    store = sandbox.server.app.store
    with store.transaction():
        record = store.locate("incident", incident["sys_id"])[1]
        store.put("incident", {**record, "sys_updated_on": "2020-01-01 10:00:00"})
    TicketPair.objects.filter(pk=live.pk).update(
        servicenow_watermark=dt.datetime(2020, 1, 1, 10, 5, tzinfo=dt.UTC)
    )
    live.refresh_from_db()
    sn_attachment(sandbox, incident["sys_id"], "runbook.txt", b"purge C:\\temp\n")
    report = sync_pair(live)
    assert not report.errors, report.errors
    assert glpi_files(glpi_server) == {"runbook.txt": b"purge C:\\temp\n"}
    # The copy moved the GLPI ticket's date_mod, which cannot tell the sync's write from a person's of the
    # same second: the next run reads that ticket once more, and copies nothing.
    assert sync_pair(live).glpi["documents"] == 0
    caplog.clear()
    with caplog.at_level("INFO"):
        sync_pair(live)  # the copy and its original are on the link: an idle run again
    calls = [r.getMessage().split(" →")[0] for r in caplog.records if r.name.startswith("integrations.")]
    assert [c for c in calls if "Session" not in c and "changeActiveEntities" not in c] == [
        "GET /Ticket",
        "POST /api/now/v1/batch",
    ]
