"""Formula injection: portfolio text that a spreadsheet would run stays text in the exported workbook,
and reads back unchanged."""

import pytest

from catalog.models import Supplier
from catalog.transfer.cells import safe_cell
from catalog.transfer.export import export_document
from catalog.transfer.files import export_portfolio, import_portfolio_file
from tests.factories import NamespaceFactory, SupplierFactory
from tests.hostile_files import risky_cells, texts

pytestmark = pytest.mark.django_db
HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


def test_formula_like_names_are_exported_as_quoted_text(namespace):
    for name in HOSTILE:
        SupplierFactory(namespace=namespace, name=name, notes=name)
    data = export_portfolio(namespace, "xlsx")
    assert {n.replace("\r", "\n") for n in HOSTILE} <= texts(data)  # XML reads a lone CR back as LF
    assert risky_cells(data) == []


def test_formula_like_names_read_back_unchanged(namespace):
    for name in HOSTILE[:4]:
        SupplierFactory(namespace=namespace, name=name)
    fresh = NamespaceFactory()
    import_portfolio_file(fresh, "p.xlsx", export_portfolio(namespace, "xlsx"))
    assert set(Supplier.objects.filter(namespace=fresh).values_list("name", flat=True)) == set(HOSTILE[:4])
    assert export_document(fresh) == export_document(namespace)


def test_safe_cell_drops_characters_xml_forbids_and_leaves_numbers(namespace):
    from openpyxl import Workbook

    sheet = Workbook().active
    assert safe_cell(sheet, "a\x01b\x00c").value == "abc"
    assert safe_cell(sheet, 42) == 42
    cell = safe_cell(sheet, "=1+1")
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)
    assert safe_cell(sheet, "plain").quotePrefix is False
