"""Document files in the GLPI sandbox: glpi-api's multipart upload and octet-stream download, the
document linked to a ticket and listed by `with_documents`, and the file purged with its document."""

import glpi_api
import pytest

from integrations.glpi.sandbox.seed import DEMO_APP_TOKEN, DEMO_USER_TOKEN


@pytest.fixture
def glpi(trusting_sandbox_ca):
    with glpi_api.connect(trusting_sandbox_ca.api, DEMO_APP_TOKEN, DEMO_USER_TOKEN) as client:
        yield client


def test_upload_link_and_download_a_document(glpi, glpi_server, tmp_path):
    source = tmp_path / "disk-report.txt"
    source.write_bytes(b"C: 91% used\n")
    uploaded = glpi.upload_document("Disk report", str(source))
    assert uploaded["message"] == "Item successfully added: Disk report"
    assert uploaded["upload_result"]["filename"][0]["name"] == "disk-report.txt"
    document = glpi.get_item("Document", uploaded["id"])
    assert (document["name"], document["filename"], document["mime"]) == (
        "Disk report",
        "disk-report.txt",
        "text/plain",
    )

    (link,) = glpi.add("Document_Item", {"documents_id": uploaded["id"], "itemtype": "Ticket", "items_id": 1})
    ticket = glpi.get_item("Ticket", 1, with_documents=True, with_logs=True)
    assert [(d["id"], d["assocID"]) for d in ticket["_documents"]] == [(uploaded["id"], link["id"])]
    assert ticket["_logs"] == []

    target = tmp_path / "downloads"
    target.mkdir()
    path = glpi.download_document(uploaded["id"], str(target))
    assert (
        path == str(target / "disk-report.txt")
        and (target / "disk-report.txt").read_bytes() == b"C: 91% used\n"
    )

    glpi.delete("Document", {"id": uploaded["id"]}, force_purge=True)
    assert glpi_server.glpi.store.blob(f"document:{uploaded['id']}") is None
    assert glpi_server.rows("Document_Item") == []


def test_downloading_a_document_without_a_file(glpi_server):
    created = glpi_server.post(
        "/Document", json={"input": {"name": "a link only", "link": "https://example.org"}}
    )
    assert created.status_code == 201
    answer = glpi_server.get(
        f"/Document/{created.json()['id']}", headers={"Accept": "application/octet-stream"}
    )
    assert answer.status_code == 400 and answer.json()[1].startswith("The document has no file to download")
    assert glpi_server.get(f"/Document/{created.json()['id']}").json()["name"] == "a link only"
