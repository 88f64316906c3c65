"""The match-table import and export against hostile files: the same limits and messages as the portfolio
import, on the page and on the command line; formula-like names exported as text; and a fuzz test that no
file ever makes a server error or writes half a table."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, ManagementUtility, call_command
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from catalog.demo import DemoShape, build_demo_document
from catalog.models import SoftwareProduct
from catalog.transfer.importer import import_document
from integrations.servicenow.platform import MATCH_SOURCES
from sync import match_io, wizard
from sync.models import MatchChoice, SyncMapEntry
from tests.factories import ConnectionFactory
from tests.hostile_files import (
    SHEET_CLOSE,
    SHEET_OPEN,
    bomb,
    first_sheet_member,
    mutations,
    rezip,
    risky_cells,
    texts,
    workbook_bytes,
)

pytestmark = pytest.mark.django_db
SERVICES, PRODUCTS = (wizard.Step.of(source) for source in MATCH_SOURCES)
FUZZ = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def connection(namespace, sandbox):
    import_document(namespace, build_demo_document(DemoShape(apps=3, services=3, seed=3)))
    SoftwareProduct.objects.create(namespace=namespace, name="=cmd|' /C calc'!A0", version="@1")
    conn = ConnectionFactory(
        namespace=namespace, name="snow", instance_url=sandbox.url, ca_bundle=sandbox.ca_pem
    )
    wizard.pull_targets(conn, PRODUCTS)
    return conn


def saved(connection) -> list:
    return sorted(
        [*MatchChoice.objects.values_list("record_id", "decision", "target_id")]
        + [*SyncMapEntry.objects.values_list("record_id", "target_id")],
        key=str,
    )


def upload(client, connection, data: bytes) -> list[tuple[str, str]]:
    """Posts `data` to the import view and follows its redirect to the step page; the messages that page
    shows, as (level, text)."""
    url = reverse("sync:match_import", args=["acme", connection.pk, "software-products"])
    response = client.post(url, {"file": SimpleUploadedFile("m.xlsx", data)}, follow=True)
    assert [code for _, code in response.redirect_chain] == [302] and response.status_code == 200
    return [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)]


def test_formula_like_names_are_exported_as_quoted_text(connection):
    data = match_io.export_xlsx(connection, PRODUCTS)
    assert "=cmd|' /C calc'!A0" in texts(data) and "@1" in texts(data)
    assert risky_cells(data) == []


def test_an_oversized_upload_is_stopped_while_it_streams(admin_client, connection):
    with override_settings(PORTFOLIO_IMPORT_MAX_BYTES=100_000):
        shown = upload(admin_client, connection, b" " * 3_000_000)
    assert shown == [("error", "The file is larger than the limit of 100,000 bytes.")]
    assert not MatchChoice.objects.exists()


def test_a_zip_bomb_is_refused_with_the_portfolio_imports_words(admin_client, connection):
    export = match_io.export_xlsx(connection, PRODUCTS)
    data = bomb(export, first_sheet_member(export), 200 * 1024 * 1024)
    shown = upload(admin_client, connection, data)
    assert len(shown) == 1 and shown[0][0] == "error"
    assert re.fullmatch(
        r"The workbook unzips to 209,7\d\d,\d{3} bytes; the limit is 52,428,800 bytes\.", shown[0][1]
    )
    assert not MatchChoice.objects.exists()


@override_settings(IMPORT_MAX_ROWS=10)
def test_rows_are_counted_while_reading(admin_client, connection):
    data = workbook_bytes(
        {"Products": [["local_id", "decision", "choice_target_id"]] + [["x", "skip", ""]] * 20}
    )
    assert upload(admin_client, connection, data) == [
        ("error", "The workbook has more rows than the limit of 10.")
    ]


def test_a_damaged_sheet_is_refused(admin_client, connection):
    export = match_io.export_xlsx(connection, PRODUCTS)
    broken = SHEET_OPEN + b'<row r="1"><c r="A1" t="n"><v>local_id</v></c></row>' + SHEET_CLOSE
    shown = upload(admin_client, connection, rezip(export, {first_sheet_member(export): broken}))
    assert shown[0][0] == "error" and "cannot be read (ValueError)" in shown[0][1]
    assert not MatchChoice.objects.exists()


def test_the_command_imports_a_table_and_refuses_a_bad_one(connection, tmp_path, capsys):
    path = tmp_path / "m.xlsx"
    path.write_bytes(match_io.export_xlsx(connection, PRODUCTS))
    call_command("match", "--connection", "snow", "--kind", "software_products", "--import", str(path))
    assert f"Imported {SoftwareProduct.objects.count()} choices from m.xlsx." in capsys.readouterr().out
    before = saved(connection)
    workbook = load_workbook(path)
    workbook.active["D2"] = "maybe"
    workbook.save(path)
    with pytest.raises(CommandError, match=r"Nothing was imported: 1 problem\(s\)\."):
        call_command("match", "--connection", "snow", "--kind", "software_products", "--import", str(path))
    assert "Row 2: decision must be match, create or skip" in capsys.readouterr().err
    with (
        override_settings(PORTFOLIO_IMPORT_MAX_BYTES=100),
        pytest.raises(CommandError, match="the limit is 100"),
    ):
        call_command("match", "--connection", "snow", "--kind", "software_products", "--import", str(path))
    assert saved(connection) == before


def cells():
    known = st.sampled_from(["match", "create", "skip", "MATCH", "", " "])
    text = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40)
    return st.one_of(known, text, st.integers(), st.floats(allow_nan=True), st.none(), st.booleans())


def tables(connection):
    """Workbooks with the import's columns (sometimes missing one), real and made-up ids, any values."""
    locals_ = [str(r.pk) for r in wizard.local_records(connection, PRODUCTS)]
    targets = [t.target_id for t in wizard.targets(connection, PRODUCTS)]
    ids = st.one_of(st.sampled_from(locals_), st.sampled_from(targets), cells())
    header = st.permutations(["local_id", "decision", "choice_target_id", "name"]).flatmap(
        lambda h: st.sampled_from([h, h[:-1], h[1:]])
    )
    rows = st.lists(st.tuples(ids, cells(), ids, cells()).map(list), max_size=12)
    return st.builds(lambda h, r: workbook_bytes({"Products": [list(h), *r]}), header, rows)


def hostile_tables(connection):
    return st.one_of(tables(connection), mutations(match_io.export_xlsx(connection, PRODUCTS)))


def test_fuzzed_tables_on_the_page_never_fail_and_never_half_save(admin_client, connection):
    @FUZZ
    @given(data=hostile_tables(connection))
    def check(data):
        before = saved(connection)
        shown = upload(admin_client, connection, data)
        if any(level == "error" for level, _ in shown):
            assert saved(connection) == before
        else:
            assert any(text.startswith("Imported ") for _, text in shown)

    check()


def test_fuzzed_tables_on_the_command_line_exit_1_and_never_half_save(
    connection, tmp_path, monkeypatch, capsys
):
    # The command runner closes every DB connection on exit, which would end this test's transaction.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    path = tmp_path / "m.xlsx"
    argv = [
        "manage.py",
        "match",
        "--connection",
        "snow",
        "--kind",
        "software_products",
        "--import",
        str(path),
    ]

    @settings(FUZZ, max_examples=15)
    @given(data=hostile_tables(connection))
    def check(data):
        path.write_bytes(data)
        before = saved(connection)
        try:
            ManagementUtility(argv).execute()
        except SystemExit as exited:
            assert exited.code == 1
            assert "Nothing was imported" in capsys.readouterr().err
            assert saved(connection) == before
        else:
            assert "Imported " in capsys.readouterr().out

    check()
