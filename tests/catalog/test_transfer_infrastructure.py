"""The Infrastructure section of the portfolio file: round trips, deployment references, bad input."""

import io

import pytest
from openpyxl import load_workbook

from catalog.models import InfrastructureItem
from catalog.transfer.export import export_document
from catalog.transfer.files import export_portfolio, import_portfolio_file
from catalog.transfer.importer import import_document
from catalog.transfer.problems import ImportFailed
from tests.factories import (
    BusinessApplicationFactory,
    DeploymentProfileFactory,
    InfrastructureItemFactory,
    NamespaceFactory,
)
from tests.hostile_files import risky_cells

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio(namespace):
    application = BusinessApplicationFactory(namespace=namespace, app_id="APP-0001", name="Ledger")
    prod = DeploymentProfileFactory(application=application, name="Ledger: Prod")
    test = DeploymentProfileFactory(application=application, name="Ledger — Test")
    InfrastructureItemFactory(
        namespace=namespace,
        name="=srv-01",
        item_type="virtual_machine",
        os_license="-00454-AA",
        location="HQ-DC1",
        service_end_date="2029-12-31",
        source="HaloITSM: prod",
        source_id="118",
        deployments=[prod, test],
    )
    InfrastructureItemFactory(namespace=namespace, name="srv-02")
    return namespace


def problems_of(namespace, document) -> list[str]:
    with pytest.raises(ImportFailed) as raised:
        import_document(namespace, document)
    return [str(p) for p in raised.value.problems]


@pytest.mark.parametrize("fmt", ["xlsx", "json"])
def test_infrastructure_round_trips_with_its_deployments(portfolio, fmt):
    data = export_portfolio(portfolio, fmt)
    fresh = NamespaceFactory()
    summary = import_portfolio_file(fresh, f"p.{fmt}", data)
    assert summary.created["infrastructure"] == 2
    assert export_document(fresh) == export_document(portfolio)
    item = InfrastructureItem.objects.get(namespace=fresh, name="=srv-01")
    assert (item.source, item.source_id, str(item.service_end_date)) == (
        "HaloITSM: prod",
        "118",
        "2029-12-31",
    )
    assert {d.name for d in item.deployments.all()} == {"Ledger: Prod", "Ledger — Test"}
    assert item.deployments.first().namespace == fresh
    again = import_portfolio_file(fresh, f"p.{fmt}", data)
    assert again.unchanged["infrastructure"] == 2 and sum(again.updated.values()) == 0


def test_the_json_names_a_deployment_by_app_id_and_name(portfolio):
    record = export_document(portfolio)["infrastructure"][0]
    assert record["type"] == "virtual_machine"
    assert record["deployments"] == [
        {"application": "APP-0001", "name": "Ledger — Test"},
        {"application": "APP-0001", "name": "Ledger: Prod"},
    ]


def test_the_workbook_writes_one_deployment_per_line_and_quotes_formula_like_text(portfolio):
    data = export_portfolio(portfolio, "xlsx")
    sheet = load_workbook(io.BytesIO(data))["Infrastructure"]
    header = [c.value for c in sheet[1]]
    row = {key: cell.value for key, cell in zip(header, sheet[2], strict=True)}
    assert row["deployments"] == "APP-0001: Ledger — Test\nAPP-0001: Ledger: Prod"
    assert row["name"] == "=srv-01" and row["os_license"] == "-00454-AA"
    assert risky_cells(data) == []


def test_an_imported_item_without_a_source_is_marked_as_imported(namespace):
    document = {"infrastructure": [{"name": "srv-a"}, {"name": "srv-b", "source": "CMDB export"}]}
    import_document(namespace, document)
    sources = dict(InfrastructureItem.objects.values_list("name", "source"))
    assert sources == {"srv-a": "import", "srv-b": "CMDB export"}
    InfrastructureItem.objects.filter(name="srv-a").update(source="manual")
    import_document(namespace, {"infrastructure": [{"name": "srv-a", "location": "DC2"}]})
    assert InfrastructureItem.objects.get(name="srv-a").source == "manual"


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            {"name": "x", "deployments": [{"application": "APP-0001", "name": "Ghost"}]},
            "infrastructure[1].deployments: unknown deployment “APP-0001: Ghost”",
        ),
        (
            {"name": "x", "deployments": [{"application": "APP-0042", "name": "Ledger: Prod"}]},
            "unknown deployment “APP-0042: Ledger: Prod”",
        ),
        ({"name": "x", "deployments": ["Ledger: Prod"]}, 'Must be a list of {"application": app id'),
        ({"name": "x", "deployments": [{"application": "APP-0001"}]}, 'Must be a list of {"application"'),
        ({"name": "x", "type": "mainframe"}, "infrastructure[1].type: “mainframe” is not one of: server"),
        ({"name": "x", "service_end_date": "soon"}, "“soon” is not a date"),
        ({"name": "x", "colour": "red"}, "infrastructure[1].colour: Unknown key"),
        ({"name": ""}, "infrastructure[1].name: This value is required."),
        ({"name": "a\nb"}, "single line"),
        ({"name": "x", "source": "HaloITSM: prod", "source_id": "118"}, "already has this id in this source"),
    ],
)
def test_bad_infrastructure_is_refused_with_its_location(portfolio, item, expected):
    before = export_document(portfolio)
    problems = problems_of(portfolio, {"infrastructure": [{"name": "srv-02", "location": "moved"}, item]})
    assert any(expected in p for p in problems), problems
    assert export_document(portfolio) == before


def test_duplicate_names_in_one_file_are_refused(namespace):
    problems = problems_of(namespace, {"infrastructure": [{"name": "srv"}, {"name": "srv"}]})
    assert problems == ["infrastructure[1]: Duplicate infrastructure “srv” (also at index 0)."]


def test_a_refused_deployment_is_reported_once_not_again_by_the_machine_running_it(namespace):
    document = {
        "applications": [
            {"app_id": "APP-0001", "name": "Ledger", "deployments": [{"name": "Prod", "environment": "Moon"}]}
        ],
        "infrastructure": [{"name": "srv", "deployments": [{"application": "APP-0001", "name": "Prod"}]}],
    }
    problems = problems_of(namespace, document)
    assert len(problems) == 1 and "environment" in problems[0], problems
    assert not InfrastructureItem.objects.exists()


def test_a_workbook_line_without_an_app_id_names_its_cell(portfolio):
    data = export_portfolio(portfolio, "xlsx")
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["Infrastructure"]
    column = [c.value for c in sheet[1]].index("deployments") + 1
    sheet.cell(row=2, column=column, value="Ledger — Test")
    out = io.BytesIO()
    workbook.save(out)
    with pytest.raises(ImportFailed) as raised:
        import_portfolio_file(portfolio, "p.xlsx", out.getvalue())
    problems = [str(p) for p in raised.value.problems]
    assert any("sheet “Infrastructure”, row 2, column “deployments”: Must be a list" in p for p in problems)
