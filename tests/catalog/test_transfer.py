"""Portfolio import and export: round trips, every kind of bad input, all-or-nothing."""

import copy
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, ManagementUtility, call_command
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from catalog.demo import DemoShape, build_demo_document
from catalog.models import BusinessApplication, DeploymentProfile, ITService, ProductContract
from catalog.transfer.export import export_document
from catalog.transfer.files import export_portfolio, import_portfolio_file
from catalog.transfer.importer import import_document
from catalog.transfer.problems import ImportFailed
from tests.factories import NamespaceFactory

pytestmark = pytest.mark.django_db

SMALL = DemoShape(apps=12, deployments_per_app=2, services=4, products_per_deployment=2, seed=7)


@pytest.fixture
def document():
    return build_demo_document(SMALL)


def problems_of(namespace, document) -> list[str]:
    with pytest.raises(ImportFailed) as raised:
        import_document(namespace, document)
    return [str(p) for p in raised.value.problems]


def test_json_import_creates_everything_then_changes_nothing(namespace, document):
    summary = import_document(namespace, document)
    assert summary.created["applications"] == 12 and summary.created["deployments"] == 24
    assert DeploymentProfile.objects.filter(namespace=namespace).count() == 24
    again = import_document(namespace, document)
    assert sum(again.created.values()) == 0 and sum(again.updated.values()) == 0
    assert again.unchanged["applications"] == 12


@pytest.mark.parametrize("fmt", ["xlsx", "json"])
def test_export_then_import_is_lossless(namespace, document, fmt):
    import_document(namespace, document)
    data = export_portfolio(namespace, fmt)
    fresh = NamespaceFactory()
    import_portfolio_file(fresh, f"portfolio.{fmt}", data)
    assert export_document(fresh) == export_document(namespace)
    assert export_document(namespace)["applications"][0]["deployments"]
    summary = import_portfolio_file(namespace, f"portfolio.{fmt}", data)
    assert sum(summary.created.values()) == sum(summary.updated.values()) == 0


def test_import_updates_by_natural_key_and_keeps_the_uuid(namespace, document):
    import_document(namespace, document)
    app = BusinessApplication.objects.get(namespace=namespace, app_id="APP-0001")
    changed = copy.deepcopy(document)
    changed["applications"][0]["short_description"] = "Renamed purpose"
    summary = import_document(namespace, changed)
    assert summary.updated["applications"] == 1
    app.refresh_from_db()
    assert app.short_description == "Renamed purpose"
    assert BusinessApplication.objects.get(pk=app.pk)


def test_choice_labels_are_accepted(namespace, document):
    document["applications"][0]["business_criticality"] = "1 - most critical"
    import_document(namespace, document)
    assert BusinessApplication.objects.get(app_id="APP-0001").business_criticality == "1"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(servers=[]), "servers: Unknown section “servers”"),
        (lambda d: d["applications"][1].update(colour="red"), "applications[1].colour: Unknown key “colour”"),
        (
            lambda d: d["applications"][2].update(app_id=d["applications"][0]["app_id"]),
            "applications[2]: Duplicate",
        ),
        (
            lambda d: d["applications"][3]["deployments"][0]["it_services"].append("Quantum Hosting"),
            "applications[3].deployments[0].it_services: unknown IT service “Quantum Hosting”",
        ),
        (
            lambda d: d["applications"][3]["deployments"][1]["software_products"].append(
                {"name": "Oracle Database", "version": "8i"}
            ),
            "applications[3].deployments[1].software_products: unknown software product “Oracle Database 8i”",
        ),
        (
            lambda d: d["applications"][4].update(operational_status="sleeping"),
            "applications[4].operational_status: “sleeping” is not one of",
        ),
        (
            lambda d: d["applications"][5].update(lifecycle_stage="Ideation", lifecycle_status="Retired"),
            "applications[5].lifecycle_status: “Retired” is not a status of stage “Ideation”",
        ),
        (lambda d: d["applications"][6].pop("name"), "applications[6].name: This value is required."),
        (lambda d: d["contacts"][0].update(email="not-an-email"), "contacts[0].email: Enter a valid email"),
        (
            lambda d: d["contracts"][0].update(start_date="2026-13-01"),
            "contracts[0].start_date: “2026-13-01”",
        ),
        (
            lambda d: d["contracts"][0].update(start_date="2026-01-01", end_date="2025-01-01"),
            "contracts[0].end_date: The end date cannot be before the start date.",
        ),
        (
            lambda d: d["applications"][7].update(owner="nobody@example.org"),
            "unknown contact “nobody@example.org”",
        ),
        (lambda d: d["it_services"].append({"name": 42}), "it_services[4].name: Must be a string."),
        (lambda d: d.update(applications={}), "applications: Must be a list."),
    ],
)
def test_each_kind_of_bad_input_is_refused_with_its_location(namespace, document, mutate, expected):
    mutate(document)
    problems = problems_of(namespace, document)
    assert any(expected in p for p in problems), problems
    assert not BusinessApplication.objects.exists() and not ITService.objects.exists()


def test_every_problem_is_reported_at_once(namespace, document):
    document["applications"][0]["operational_status"] = "sleeping"
    document["applications"][5]["deployments"][0]["environment"] = "Moon"
    document["contacts"][3]["name"] = ""
    document["suppliers"][0]["colour"] = "blue"
    problems = problems_of(namespace, document)
    assert len(problems) == 4, problems


def test_a_problem_late_in_the_file_writes_nothing_even_after_earlier_rows_were_valid(namespace, document):
    import_document(namespace, document)
    before = export_document(namespace)
    changed = copy.deepcopy(document)
    changed["applications"][0]["name"] = "Renamed but not saved"
    changed["contracts"][-1]["currency"] = "euros"
    problems_of(namespace, changed)
    assert export_document(namespace) == before


def workbook_with(data: bytes, edit) -> bytes:
    workbook = load_workbook(io.BytesIO(data))
    edit(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_problems_name_sheet_row_and_column(namespace, document):
    import_document(namespace, document)
    data = export_portfolio(namespace, "xlsx")
    ProductContract.objects.all().delete()

    def break_rows(workbook):
        workbook["Applications"]["E4"] = "sleeping"  # operational_status of the third application
        workbook["Deployments"].append(["APP-9999", "Ghost — Prod"])
        workbook.create_sheet("Servers")
        workbook["Contacts"]["F1"] = "shoe_size"

    with pytest.raises(ImportFailed) as raised:
        import_portfolio_file(namespace, "p.xlsx", workbook_with(data, break_rows))
    problems = [str(p) for p in raised.value.problems]
    assert any("sheet “Servers”" in p and "Unknown sheet" in p for p in problems), problems
    assert any("sheet “Contacts”, column “shoe_size”" in p for p in problems), problems
    assert not ProductContract.objects.exists()

    def one_bad_row(workbook):
        workbook["Applications"]["E4"] = "sleeping"
        workbook["Deployments"].append(["APP-9999", "Ghost — Prod"])

    with pytest.raises(ImportFailed) as raised:
        import_portfolio_file(namespace, "p.xlsx", workbook_with(data, one_bad_row))
    problems = [str(p) for p in raised.value.problems]
    assert any("sheet “Deployments”, row" in p and "APP-9999" in p for p in problems), problems

    def only_bad_value(workbook):
        workbook["Applications"]["E4"] = "sleeping"

    with pytest.raises(ImportFailed) as raised:
        import_portfolio_file(namespace, "p.xlsx", workbook_with(data, only_bad_value))
    assert [str(p) for p in raised.value.problems] == [
        "sheet “Applications”, row 4, column “operational_status”: “sleeping” is not one of: operational, "
        "non_operational, pipeline, dr_standby, retired."
    ]
    assert not ProductContract.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("portfolio.csv", b"a,b", "Unsupported file type"),
        ("portfolio.xlsx", b"not a zip", "not an Excel workbook"),
        ("portfolio.json", b"{broken", "Not valid JSON"),
        ("portfolio.json", b"[1, 2]", "must be an object"),
    ],
)
def test_files_that_are_not_portfolios_are_refused(namespace, name, data, expected):
    with pytest.raises(ImportFailed) as raised:
        import_portfolio_file(namespace, name, data)
    assert expected in str(raised.value.problems[0])


@override_settings(PORTFOLIO_IMPORT_MAX_BYTES=1000)
def test_files_over_the_size_limit_are_refused(namespace):
    with pytest.raises(ImportFailed) as raised:
        import_portfolio_file(namespace, "big.xlsx", b"PK" + b"0" * 1000)
    assert "the limit is 1,000 bytes" in str(raised.value.problems[0])


def test_the_default_size_limit_is_10_mb(settings):
    assert settings.PORTFOLIO_IMPORT_MAX_BYTES == 10 * 1024 * 1024


def test_import_page_shows_every_problem_and_writes_nothing(editor_client, document):
    document["applications"][2]["lifecycle_status"] = "Obsolete"
    upload = SimpleUploadedFile("p.json", json.dumps(document).encode(), content_type="application/json")
    response = editor_client.post(reverse("catalog:import", args=["acme"]), {"file": upload})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Nothing was imported" in body and "applications[2].lifecycle_status" in body
    assert not BusinessApplication.objects.exists()


def test_import_page_success_and_excel_export_download(editor_client, namespace, document):
    upload = SimpleUploadedFile("p.json", json.dumps(document).encode())
    response = editor_client.post(reverse("catalog:import", args=["acme"]), {"file": upload}, follow=True)
    assert "applications: 12 created" in response.content.decode()
    response = editor_client.get(reverse("catalog:export", args=["acme", "xlsx"]))
    assert response["Content-Disposition"].startswith('attachment; filename="portfolio-acme-')
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Suppliers",
        "Contacts",
        "IT Services",
        "Software Products",
        "Applications",
        "Deployments",
        "Contracts",
        "Infrastructure",
    ]
    assert workbook["Applications"].max_row == 13


def test_cli_import_and_export(tmp_path, namespace, document):
    source = tmp_path / "p.json"
    source.write_text(json.dumps(document))
    call_command("import_portfolio", "--namespace", "acme", str(source))
    call_command("export_portfolio", "--namespace", "acme", str(tmp_path / "out.xlsx"))
    assert load_workbook(tmp_path / "out.xlsx")["Deployments"].max_row == 25
    document["applications"][0]["lifecycle_stage"] = "Nope"
    source.write_text(json.dumps(document))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_portfolio", "--namespace", "acme", str(source))


def test_cli_import_exits_1_and_prints_each_problem(tmp_path, namespace, capsys, monkeypatch):
    # The command runner closes every DB connection on exit, which would end this test's transaction.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    source = tmp_path / "p.json"
    bad = {"applications": [{"app_id": "APP-1", "name": "X", "lifecycle_stage": "Nope", "colour": "red"}]}
    source.write_text(json.dumps(bad))
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "import_portfolio", "--namespace", "acme", str(source)]).execute()
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "applications[0].colour: Unknown key" in err
    assert "applications[0].lifecycle_stage: “Nope” is not one of" in err
    assert "Nothing was imported: 2 problems." in err
    with pytest.raises(SystemExit):
        ManagementUtility(["manage.py", "import_portfolio", "--namespace", "nope", str(source)]).execute()
    assert "No namespace “nope”" in capsys.readouterr().err
