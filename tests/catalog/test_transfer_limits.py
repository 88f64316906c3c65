"""Hostile portfolio files: oversized uploads, zip bombs, padded and damaged sheets, and JSON built to
break the parser. Each is refused with a clear message and writes nothing; none is a server error."""

import json
import re
import tracemalloc
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from catalog.demo import DemoShape, build_demo_document
from catalog.models import Contact, Supplier
from catalog.transfer.files import export_portfolio, import_portfolio_file
from catalog.transfer.importer import import_document
from catalog.transfer.problems import ImportFailed
from tests.factories import NamespaceFactory
from tests.hostile_files import SHEET_CLOSE, SHEET_OPEN, bomb, first_sheet_member, rezip, workbook_bytes

pytestmark = pytest.mark.django_db
GB = 1024**3


@pytest.fixture
def small_export():
    source = NamespaceFactory(slug="source")
    import_document(source, build_demo_document(DemoShape(apps=2, services=2, seed=1)))
    return export_portfolio(source, "xlsx")


def refused(namespace, name: str, data: bytes) -> str:
    with pytest.raises(ImportFailed) as raised:
        import_portfolio_file(namespace, name, data)
    return " ".join(str(p) for p in raised.value.problems)


def post(client, name: str, data: bytes):
    return client.post(reverse("catalog:import", args=["acme"]), {"file": SimpleUploadedFile(name, data)})


def shown(response) -> str:
    """The problems the import page lists, as `where: what`."""
    assert response.status_code == 400
    problems = [str(p) for p in response.context["problems"]]
    assert all(escape(p.message) in response.content.decode() for p in response.context["problems"])
    return " ".join(problems)


def test_an_oversized_upload_is_stopped_while_it_streams(editor_client, namespace, monkeypatch):
    stored = {}
    for handler in (MemoryFileUploadHandler, TemporaryFileUploadHandler):
        original = handler.receive_data_chunk

        def spy(self, raw_data, start, original=original):
            stored[start] = len(raw_data)
            return original(self, raw_data, start)

        monkeypatch.setattr(handler, "receive_data_chunk", spy)
    with override_settings(PORTFOLIO_IMPORT_MAX_BYTES=100_000):
        response = post(editor_client, "big.json", b" " * 3_000_000)
    assert "upload: The file is larger than the limit of 100,000 bytes." in shown(response)
    assert 0 < sum(stored.values()) <= 100_000
    assert not Supplier.objects.exists()


def test_the_command_checks_the_size_before_reading_the_file(tmp_path, namespace, monkeypatch):
    source = tmp_path / "big.json"
    source.write_bytes(b" " * 5000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the oversized file"))
    with override_settings(PORTFOLIO_IMPORT_MAX_BYTES=1000), pytest.raises(CommandError) as raised:
        call_command("import_portfolio", "--namespace", "acme", str(source))
    assert "The file is 5,000 bytes; the limit is 1,000 bytes." in str(raised.value)


def test_a_workbook_that_unzips_to_1_gb_is_refused_before_it_is_unzipped(
    editor_client, namespace, small_export
):
    data = bomb(small_export, first_sheet_member(small_export), GB)
    assert len(data) < 10 * 1024 * 1024
    tracemalloc.start()
    try:
        message = refused(namespace, "bomb.xlsx", data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "bomb.xlsx: The workbook unzips to 1,07" in message and "the limit is 52,428,800 bytes" in message
    assert peak < 3 * len(data) + 5 * 1024 * 1024
    assert "The workbook unzips to" in shown(post(editor_client, "bomb.xlsx", data))
    assert not Supplier.objects.filter(namespace=namespace).exists()


def test_a_part_packed_tighter_than_any_real_sheet_is_refused(namespace, small_export):
    data = bomb(small_export, first_sheet_member(small_export), 20 * 1024 * 1024)
    assert "is compressed more than 200 to 1" in refused(namespace, "tight.xlsx", data)


def test_a_zip_with_an_unsupported_version_is_refused(namespace, small_export):
    data = small_export.replace(b"PK\x01\x02\x14\x03\x14\x00", b"PK\x01\x02\x14\x03\x40\x00")
    assert "this file is not an Excel workbook" in refused(namespace, "v64.xlsx", data)


def test_too_many_parts_are_refused(namespace, small_export):
    data = rezip(small_export, {f"extra/{i}.xml": b"" for i in range(1001)})
    assert "parts; the limit is 1,000." in refused(namespace, "parts.xlsx", data)


@override_settings(IMPORT_MAX_ROWS=20)
def test_rows_are_counted_across_sheets_while_reading(namespace):
    data = workbook_bytes(
        {"Suppliers": [["name"]] + [[f"S{i}"] for i in range(12)], "Contacts": [["name", "email"]] * 12}
    )
    assert "The workbook has more rows than the limit of 20." in refused(namespace, "rows.xlsx", data)
    assert not Supplier.objects.exists()


@override_settings(IMPORT_MAX_CELLS=5000)
def test_a_row_padded_to_16384_columns_counts_every_cell(namespace):
    rows = [["name"], ["Acme"] + [None] * 16382 + ["far right"]]
    data = workbook_bytes({"Suppliers": rows})
    assert "more cells than the limit of 5,000" in refused(namespace, "wide.xlsx", data)


def test_a_sheet_claiming_a_million_rows_stops_at_the_row_limit(namespace, small_export):
    member = first_sheet_member(small_export)
    last = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    data = rezip(small_export, {member: SHEET_OPEN + last + SHEET_CLOSE})
    assert "more rows than the limit of 100,000" in refused(namespace, "tall.xlsx", data)


DAMAGED = r"damaged.xlsx: (Sheet “Suppliers” cannot be read|Not a readable Excel workbook) \(\w+\)\."


@pytest.mark.parametrize(
    "sheet_xml",
    [
        SHEET_OPEN + b'<row r="1"><c r="A1" t="n"><v>not a number</v></c></row>' + SHEET_CLOSE,
        SHEET_OPEN + b'<row r="1"><c r="A1"',
        b"\x00\xff garbage",
        SHEET_OPEN + b'<row r="1"><c r="ZZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row>' + SHEET_CLOSE,
    ],
)
def test_a_damaged_sheet_in_a_valid_workbook_is_refused(editor_client, namespace, small_export, sheet_xml):
    data = rezip(small_export, {first_sheet_member(small_export): sheet_xml})
    assert re.search(DAMAGED, refused(namespace, "damaged.xlsx", data))
    assert re.search(DAMAGED, shown(post(editor_client, "damaged.xlsx", data)))
    assert not Supplier.objects.filter(namespace=namespace).exists()


HOSTILE_JSON = [
    (b"[" * 100_000 + b"]" * 100_000, "The JSON nests deeper than 20 levels"),
    (
        json.dumps({"suppliers": [{"name": [[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]}]}).encode(),
        "deeper than 20",
    ),
    (b'{"suppliers": [{"name": ' + b"9" * 5000 + b"}]}", "a number with 5,000 digits is too long"),
    (
        b'{"suppliers": [{"name": "\\ud800"}]}',
        "suppliers[0].name: the text holds an unpaired surrogate (\\ud800)",
    ),
    (b'{"suppliers": [{"name": ["Acme"]}]}', "suppliers[0].name: Must be a string."),
    (b'{"suppliers": [null]}', "suppliers[0]: Must be an object."),
    (b'{"suppliers": null}', "suppliers: Must be a list."),
    (b'{"contacts": [{"name": "A", "email": {"at": "x"}}]}', "contacts[0].email: Must be a string."),
    (
        b'{"applications": [{"app_id": "A-1", "name": "A", "deployments": "x"}]}',
        "deployments: Must be a list.",
    ),
    (b'{"applications": [{"app_id": "A-1", "name": "A", "deployments": [null, 3]}]}', "Must be an object."),
    (b'{"suppliers": [{"name": NaN}]}', "suppliers[0].name: Must be a string."),
    (b"\xff\xfe{}", "Not valid JSON"),
]


@pytest.mark.parametrize(("data", "expected"), HOSTILE_JSON)
def test_hostile_json_gets_a_clear_message_on_the_page(editor_client, namespace, data, expected):
    assert expected in shown(post(editor_client, "hostile.json", data))
    assert not Supplier.objects.exists() and not Contact.objects.exists()


@pytest.mark.parametrize(("data", "expected"), HOSTILE_JSON[::3])
def test_hostile_json_is_a_command_error(tmp_path, namespace, capsys, data, expected):
    source = tmp_path / "hostile.json"
    source.write_bytes(data)
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_portfolio", "--namespace", "acme", str(source))
    assert expected in capsys.readouterr().err
    assert not Supplier.objects.exists()


def test_nul_bytes_are_stripped_from_text(namespace):
    import_portfolio_file(
        namespace, "p.json", b'{"suppliers": [{"name": "Ac\\u0000me", "notes": "\\u0000"}]}'
    )
    supplier = Supplier.objects.get(namespace=namespace)
    assert (supplier.name, supplier.notes) == ("Acme", "")


@override_settings(PORTFOLIO_IMPORT_MAX_BYTES=2 * 1024 * 1024, IMPORT_MAX_ROWS=500)
def test_the_import_page_states_the_limits(editor_client, namespace):
    page = re.sub(r"\s+", " ", editor_client.get(reverse("catalog:import", args=["acme"])).content.decode())
    assert "At most 2.0 MB; a workbook may unzip to at most 50.0 MB and hold at most 500 rows." in page
