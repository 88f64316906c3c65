"""Fact 19 of the wire reference: an exported Update Set (`<unload>` + one `<sys_remote_update_set>` +
`<sys_update_xml>` entries whose `<payload>` is a whole `<record_update>` document, XML-escaped or CDATA)
imports into the sandbox, and IRE uses the rules it brings. Hostile or malformed files change nothing."""

import xml.etree.ElementTree as ET

import pytest

RULE_ID, ENTRY_ID, CHOICE_ID, SET_ID = "1" * 32, "2" * 32, "3" * 32, "4" * 32


def record_update(table: str, fields: dict[str, str], action: str = "INSERT_OR_UPDATE") -> str:
    root = ET.Element("record_update", table=table)
    record = ET.SubElement(root, table, action=action)
    for name, value in sorted(fields.items()):
        ET.SubElement(record, name).text = value
    return '<?xml version="1.0" encoding="UTF-8"?>' + ET.tostring(root, encoding="unicode")


def export(*payloads: str, root_tag: str = "unload") -> bytes:
    """An update set in the shape ServiceNow exports, payloads XML-escaped by the serializer."""
    root = ET.Element(root_tag, unload_date="2026-11-22 10:00:00")
    header = ET.SubElement(root, "sys_remote_update_set", action="INSERT_OR_UPDATE")
    for name, value in (("name", "Portfolio rules"), ("state", "loaded"), ("sys_id", SET_ID)):
        ET.SubElement(header, name).text = value
    for number, payload in enumerate(payloads):
        entry = ET.SubElement(root, "sys_update_xml", action="INSERT_OR_UPDATE")
        for name, value in (
            ("action", "INSERT_OR_UPDATE"),
            ("category", "customer"),
            ("name", f"update_{number}"),
            ("payload", payload),
            ("remote_update_set", SET_ID),
            ("type", "Record"),
        ):
            ET.SubElement(entry, name).text = value
    return b'<?xml version="1.0" encoding="UTF-8"?>' + ET.tostring(root)


RULES = (
    record_update(
        "cmdb_identifier",
        {
            "sys_id": RULE_ID,
            "name": "Application Rule & more",
            "applies_to": "cmdb_ci_appl",
            "active": "true",
        },
    ),
    record_update(
        "cmdb_identifier_entry",
        {
            "sys_id": ENTRY_ID,
            "identifier": RULE_ID,
            "table": "cmdb_ci_appl",
            "attributes": "correlation_id",
            "order": "100",
            "active": "true",
        },
    ),
)
CDATA_CHOICE = f"""<?xml version="1.0" encoding="UTF-8"?><unload unload_date="2026-11-22 10:00:00">
<sys_remote_update_set action="INSERT_OR_UPDATE"><name>Choice</name><sys_id>{SET_ID}</sys_id></sys_remote_update_set>
<sys_update_xml action="INSERT_OR_UPDATE"><action>INSERT_OR_UPDATE</action><name>sys_choice_{CHOICE_ID}</name>
<payload><![CDATA[<?xml version="1.0" encoding="UTF-8"?><record_update table="sys_choice"><sys_choice action="INSERT_OR_UPDATE">
<element>discovery_source</element><inactive>false</inactive><label>Portfolio Bridge – Ünïcode</label><language>en</language>
<name>cmdb_ci</name><sequence>100</sequence><sys_id>{CHOICE_ID}</sys_id><value>PortfolioBridge</value></sys_choice></record_update>]]></payload>
</sys_update_xml></unload>""".encode()


def upload(sandbox, data: bytes):
    return sandbox.post("/sandbox/update_set", data=data, headers={"Content-Type": "application/xml"})


def test_an_exported_update_set_imports_and_ire_uses_its_rules(sandbox):
    item = {"className": "cmdb_ci_appl", "values": {"name": "Ledger", "correlation_id": "uuid-1"}}
    assert sandbox.ire([item])["items"][0]["errors"][0]["error"] == "IDENTIFICATION_RULE_MISSING"
    response = upload(sandbox, export(*RULES))
    assert response.status_code == 200, response.text
    assert response.json() == {
        "name": "Portfolio rules",
        "state": "committed",
        "records": 2,
        "inserted": 2,
        "updated": 0,
        "deleted": 0,
    }
    assert sandbox.table("cmdb_identifier", sys_id=RULE_ID)[0]["name"] == "Application Rule & more"
    first = sandbox.ire([item])["items"][0]
    renamed = sandbox.ire(
        [{"className": "cmdb_ci_appl", "values": {"name": "Ledger v2", "correlation_id": "uuid-1"}}]
    )["items"][0]
    assert (
        first["operation"] == "INSERT"
        and renamed["operation"] == "UPDATE"
        and renamed["sysId"] == first["sysId"]
    )
    again = upload(sandbox, export(*RULES)).json()
    assert again["updated"] == 2 and len(sandbox.table("cmdb_identifier", applies_to="cmdb_ci_appl")) == 1
    assert sandbox.table("sys_remote_update_set")[0]["state"] == "committed"


def test_cdata_payloads_and_non_ascii_survive(sandbox):
    assert upload(sandbox, CDATA_CHOICE).status_code == 200
    choice = sandbox.table("sys_choice", sys_id=CHOICE_ID)[0]
    assert choice["label"] == "Portfolio Bridge – Ünïcode" and choice["value"] == "PortfolioBridge"
    item = {"className": "cmdb_ci_business_app", "values": {"name": "Now valid"}}
    assert sandbox.ire([item], source="PortfolioBridge")["items"][0]["operation"] == "INSERT"


def test_a_delete_update_removes_the_record(sandbox):
    upload(sandbox, export(*RULES))
    upload(sandbox, export(record_update("cmdb_identifier_entry", {"sys_id": ENTRY_ID}, action="DELETE")))
    assert sandbox.table("cmdb_identifier_entry", sys_id=ENTRY_ID) == []


BILLION_LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<unload><sys_remote_update_set><name>&lol2;</name></sys_remote_update_set></unload>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<unload><sys_remote_update_set><name>&secret;</name></sys_remote_update_set></unload>"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "refused unsafe XML"),
        (EXTERNAL, "refused unsafe XML"),
        (b"<unload><sys_remote_update_set>", "not well-formed XML"),
        (export(*RULES, root_tag="xml"), "root element is <xml>"),
        (export(RULES[0], "<record_update><broken"), "update 2 (update_1): not well-formed XML"),
        (export(RULES[0], "<not_a_record/>"), "not <record_update>"),
        (b"", "not well-formed XML"),
    ],
)
def test_malformed_or_hostile_files_are_refused_and_change_nothing(sandbox, data, message):
    before = len(sandbox.table("cmdb_identifier"))
    response = upload(sandbox, data)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert len(sandbox.table("cmdb_identifier")) == before
    assert sandbox.table("sys_remote_update_set") == []


def test_the_upload_page_accepts_a_file(sandbox):
    assert "Import an update set" in sandbox.get("/sandbox/update_set").text
    response = sandbox.post("/sandbox/update_set", files={"file": ("rules.xml", export(*RULES), "text/xml")})
    assert response.status_code == 200 and response.json()["inserted"] == 2
