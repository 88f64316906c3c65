"""Fuzz test of the portfolio import, JSON and Excel, on the import page and on the command line: whatever
the file holds, the answer is an import or a refusal with reasons (page: 400; command: exit 1), never a
server error, and a refused file changes nothing."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import ManagementUtility
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.demo import DemoShape, build_demo_document
from catalog.transfer import schema
from catalog.transfer.export import export_document
from catalog.transfer.files import export_portfolio
from catalog.transfer.importer import import_document
from catalog.transfer.xlsx import SHEETS
from tests.hostile_files import mutations, workbook_bytes

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SEED = build_demo_document(DemoShape(apps=2, services=2, seed=1))
KNOWN = sorted(
    {v for section in SEED.values() for item in section for v in item.values() if isinstance(v, str)}
)

texts = st.one_of(
    st.sampled_from([*KNOWN[:40], "", " ", "\x00", "\ud800", "=1+1", "2024-13-45", "1 - most critical"]),
    st.text(max_size=30),
)
values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(texts, st.sampled_from(["name", "version"])), inner, max_size=4),
    ),
    max_leaves=10,
)


def items(section: schema.Section):
    keys = st.sampled_from([*section.keys, "deployments", "colour"])
    item = st.dictionaries(keys, st.one_of(texts, values), max_size=6)
    return st.lists(st.one_of(item, item, values), max_size=3)


sections = st.fixed_dictionaries(
    {}, optional={s.key: st.one_of(items(s), items(s), values) for s in schema.TOP_LEVEL} | {"x": values}
)
documents = st.one_of(sections, sections, values)
raw_json = st.one_of(
    st.binary(max_size=64),
    st.integers(1, 5000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(1, 6000).map(lambda n: b'{"suppliers": [{"name": ' + b"7" * n + b"}]}"),
)
json_files = st.one_of(documents.map(lambda d: json.dumps(d).encode()), raw_json).map(lambda d: ("p.json", d))

cells = st.one_of(texts, st.integers(), st.floats(allow_nan=True), st.none(), st.booleans(), st.dates())
printable = cells.filter(lambda c: not isinstance(c, str) or c.isprintable())


def sheet(title: str, columns: tuple[str, ...]):
    """A sheet with mostly the right columns, in any order, and rows of any values."""
    header = st.one_of(
        st.lists(st.sampled_from(columns), unique=True, min_size=1), st.lists(printable, max_size=4)
    )
    return st.tuples(st.just(title), header, st.lists(st.lists(printable, max_size=len(columns)), max_size=4))


sheets = st.lists(
    st.one_of(*(sheet(title, columns) for title, _, columns in SHEETS), sheet("Other", ("name",))),
    min_size=1,
    max_size=4,
    unique_by=lambda s: s[0],
).map(lambda found: workbook_bytes({title: [header, *rows] for title, header, rows in found}))


def excel_files(export: bytes):
    return st.one_of(sheets, mutations(export)).map(lambda d: ("p.xlsx", d))


@pytest.fixture
def seeded(namespace):
    import_document(namespace, SEED)
    return namespace


@pytest.fixture
def export(seeded):
    return export_portfolio(seeded, "xlsx")


def post_and_check(client, namespace, file) -> None:
    before = export_document(namespace)
    response = client.post(reverse("catalog:import", args=["acme"]), {"file": SimpleUploadedFile(*file)})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert response.context["problems"] or response.context["form"].errors
        assert export_document(namespace) == before


def test_fuzzed_json_on_the_import_page(editor_client, seeded):
    @settings(FUZZ, max_examples=40)
    @given(file=json_files)
    def check(file):
        post_and_check(editor_client, seeded, file)

    check()


def test_fuzzed_workbooks_on_the_import_page(editor_client, seeded, export):
    @FUZZ
    @given(file=excel_files(export))
    def check(file):
        post_and_check(editor_client, seeded, file)

    check()


def test_fuzzed_files_on_the_command_line(seeded, export, tmp_path, monkeypatch, capsys):
    # The command runner closes every DB connection on exit, which would end this test's transaction.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)

    @settings(FUZZ, max_examples=20)
    @given(file=st.one_of(json_files, excel_files(export)))
    def check(file):
        path = tmp_path / file[0]
        path.write_bytes(file[1])
        before = export_document(seeded)
        try:
            ManagementUtility(["manage.py", "import_portfolio", "--namespace", "acme", str(path)]).execute()
        except SystemExit as exited:
            assert exited.code == 1
            assert "Nothing was imported" in capsys.readouterr().err
            assert export_document(seeded) == before
        else:
            assert "Imported into “acme”" in capsys.readouterr().out

    check()
