"""The configuration package: the structure of a real ServiceNow export, deterministic sys_ids, hostile
names, and the sandbox importing it."""

import pytest
from defusedxml.ElementTree import fromstring
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.choices import Role
from integrations.servicenow.update_set import (
    PackageError,
    PackageSettings,
    build_update_set,
    package_records,
)
from tests.conftest import member
from tests.factories import ConnectionFactory

# children of <sys_update_xml> in real exports (reference §7.2, the union over five exported files)
UPDATE_FIELDS = {
    "action", "application", "category", "comments", "name", "payload", "payload_hash", "remote_update_set",
    "replace_on_upgrade", "sys_created_by", "sys_created_on", "sys_id", "sys_mod_count", "sys_recorded_at",
    "sys_updated_by", "sys_updated_on", "table", "target_name", "type", "update_domain", "update_guid",
    "update_guid_history", "update_set", "view",
}  # fmt: skip
SETTINGS = PackageSettings("0f6e1c1e-3c1b-4a47-9a43-8f1f3c2b9d10", "prod", "PortfolioBridge")


def parse(body: bytes):
    root = fromstring(body, forbid_dtd=True)
    payloads = [fromstring(entry.findtext("payload").encode()) for entry in root.findall("sys_update_xml")]
    return root, payloads


def test_the_file_has_the_structure_of_a_servicenow_export():
    body = build_update_set(SETTINGS)
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?><unload unload_date="')
    assert b'\n<sys_remote_update_set action="INSERT_OR_UPDATE">\n<application display_value=' in body
    assert b"<application_version></application_version>\n" in body  # as exports write empty fields
    root, payloads = parse(body)
    assert root.tag == "unload" and len(root.findall("sys_remote_update_set")) == 1
    header = root.find("sys_remote_update_set")
    assert header.get("action") == "INSERT_OR_UPDATE" and header.findtext("state") == "loaded"
    entries = root.findall("sys_update_xml")
    assert len(entries) == len(package_records(SETTINGS)) == 1 + 3 * 4 + 1  # choice; per class 4 or 5 rows
    for entry, payload in zip(entries, payloads, strict=True):
        tags = [child.tag for child in entry]
        assert set(tags) == UPDATE_FIELDS and tags == sorted(tags)
        assert entry.findtext("remote_update_set") == header.findtext("sys_id")
        assert payload.tag == "record_update" and len(payload) == 1
        record = payload[0]
        assert payload.get("table") == record.tag and record.get("action") == "INSERT_OR_UPDATE"
        assert entry.findtext("name") == f"{record.tag}_{record.findtext('sys_id')}"
        assert -(2**31) <= int(entry.findtext("payload_hash")) < 2**31
    tables = [p[0].tag for p in payloads]
    assert tables.count("sys_choice") == 1  # one choice, never the whole discovery_source list
    assert tables.count("cmdb_identifier") == 3 and tables.count("cmdb_identifier_entry") == 4
    assert (
        tables.count("cmdb_reconciliation_definition") == 3 and tables.count("cmdb_datasource_staleness") == 3
    )
    app_entries = [
        (p[0].findtext("order"), p[0].findtext("attributes"))
        for p in payloads
        if p[0].tag == "cmdb_identifier_entry" and p[0].findtext("table") == "cmdb_ci_business_app"
    ]
    assert sorted(app_entries) == [("100", "correlation_id"), ("200", "name")]
    rule = next(
        p[0]
        for p in payloads
        if p[0].tag == "cmdb_reconciliation_definition"
        and p[0].findtext("applies_to") == "cmdb_ci_business_app"
    )
    assert rule.findtext("priority") == "200" and rule.findtext("discovery_source") == "PortfolioBridge"
    # exactly the fields that are published: owner and manager, never the support group
    attributes = rule.findtext("attributes").split(",")
    assert {"operational_status", "owned_by", "managed_by", "vendor"} <= set(attributes)
    assert "managed_by_group" not in attributes and "support_group" not in attributes
    assert "correlation_id" not in attributes


def test_sys_ids_are_the_same_for_a_connection_and_differ_between_connections():
    def ids(settings):
        return [p[0].findtext("sys_id") for p in parse(build_update_set(settings))[1]]

    assert ids(SETTINGS) == ids(SETTINGS)
    other = PackageSettings("9c8a7e5d-0000-4000-8000-000000000001", "dev", "PortfolioBridge")
    assert not set(ids(SETTINGS)) & set(ids(other))


def test_markup_quotes_and_non_ascii_survive_and_forbidden_characters_are_refused():
    tricky = 'Portfolio <Bridge> & "Ω" ünïcødé'
    root, payloads = parse(build_update_set(PackageSettings("x", "prod", tricky)))
    choice = next(p[0] for p in payloads if p[0].tag == "sys_choice")
    assert choice.findtext("value") == tricky and tricky in root.find("sys_remote_update_set").findtext(
        "description"
    )
    with pytest.raises(PackageError, match="U\\+0001"):
        build_update_set(PackageSettings("x", "prod", "bad\x01source"))


def test_the_sandbox_imports_the_package_and_a_newer_copy_updates_the_same_records(sandbox):
    first = sandbox.post("/sandbox/update_set", data=build_update_set(SETTINGS))
    assert first.status_code == 200, first.text
    assert first.json()["inserted"] == 14 and first.json()["updated"] == 0
    choices = sandbox.table("sys_choice", sysparm_query="element=discovery_source^value=PortfolioBridge")
    assert len(choices) == 1
    again = sandbox.post("/sandbox/update_set", data=build_update_set(SETTINGS))
    assert again.json()["inserted"] == 0 and again.json()["updated"] == 14
    assert (
        len(sandbox.table("cmdb_reconciliation_definition", sysparm_query="discovery_source=PortfolioBridge"))
        == 3
    )


@pytest.mark.django_db
def test_download_button_checklist_and_command(client, namespace, tmp_path):
    client.force_login(member(namespace, Role.ADMIN))
    connection = ConnectionFactory(namespace=namespace, name="prod", options={"reconciliation_priority": 150})
    detail = client.get(
        reverse("integrations:connection_detail", args=["acme", connection.pk])
    ).content.decode()
    download = reverse("integrations:update_set_download", args=["acme", connection.pk])
    assert download in detail and "Download ServiceNow configuration package" in detail
    response = client.get(download)
    assert response["Content-Type"].startswith("application/xml")
    assert 'filename="portfolio-bridge-prod-update-set.xml"' in response["Content-Disposition"]
    _, payloads = parse(response.content)
    assert {p[0].findtext("priority") for p in payloads if p[0].tag == "cmdb_reconciliation_definition"} == {
        "150"
    }
    page = client.get(
        reverse("integrations:update_set_checklist", args=["acme", connection.pk])
    ).content.decode()
    assert "attestation" in page.lower() and "Business rules and flows" in page and page.count("<tr>") == 15
    output = tmp_path / "package.xml"
    call_command("update_set", "--connection", "prod", "--output", str(output))
    assert parse(output.read_bytes())[0].tag == "unload"
    connection.options = {"data_source": "bad\x02"}
    connection.save()
    with pytest.raises(CommandError, match="cannot carry"):
        call_command("update_set", "--connection", "prod")


@pytest.mark.django_db
def test_only_admins_download_the_package(client, editor, namespace):
    client.force_login(editor)
    connection = ConnectionFactory(namespace=namespace)
    assert (
        client.get(reverse("integrations:update_set_download", args=["acme", connection.pk])).status_code
        == 403
    )
