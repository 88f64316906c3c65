"""The pair workbook (links, conflicts, log), from the page and `manage.py tickets export`: sheet content,
formula-looking text kept as text, the row cap, and the command's errors."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tickets import exports
from tickets.models import TicketConflict, TicketSyncLog


@pytest.fixture
def filled(pair):
    link = pair.links.create(
        glpi_id=7,
        servicenow_sys_id="e" * 32,
        servicenow_number="INC0010007",
        glpi_values={"name": '=HYPERLINK("http://evil.invalid","x")'},
    )
    TicketConflict.objects.create(pair=pair, link=link, field="name", glpi_value="=1+1", servicenow_value=3)
    TicketSyncLog.objects.create(pair=pair, link=link, level="warning", message="@SUM(A1) came back")
    return pair


def rows(content: bytes, title: str) -> list[tuple]:
    return [tuple(r) for r in load_workbook(io.BytesIO(content))[title].iter_rows(values_only=True)]


def test_the_page_downloads_three_sheets(viewer_client, filled):
    response = viewer_client.get(reverse("tickets:pair_export", args=["acme", filled.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="tickets-helpdesk.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Links", "Conflicts", "Log"]
    [header, link] = rows(response.content, "Links")
    assert header[:4] == ("GLPI id", "ServiceNow number", "ServiceNow sys_id", "Title")
    assert link[:4] == (7, "INC0010007", "e" * 32, '=HYPERLINK("http://evil.invalid","x")')
    assert link[5] == "https://glpi.example.invalid/front/ticket.form.php?id=7"
    assert link[6].endswith("/nav_to.do?uri=incident.do?sys_id=" + "e" * 32)
    [_, conflict] = rows(response.content, "Conflicts")
    assert conflict[2:6] == ("name", "=1+1", "3", "Open")
    [_, entry] = rows(response.content, "Log")
    assert entry[1:] == ("Warning", "@SUM(A1) came back")


def test_formula_looking_text_stays_text(filled):
    workbook = load_workbook(io.BytesIO(exports.pair_workbook(filled)))
    for sheet, ref in (("Links", "D2"), ("Conflicts", "D2"), ("Log", "C2")):
        cell = workbook[sheet][ref]
        assert cell.data_type == "s" and cell.quotePrefix, (sheet, ref)


def test_each_sheet_is_cut_at_the_cap_with_a_note(pair):
    for n in range(5):
        TicketSyncLog.objects.create(pair=pair, message=f"entry {n}")
    log = rows(exports.pair_workbook(pair, cap=3), "Log")
    assert len(log) == 5
    assert log[-1][0] == "Cut at 3 rows; filter or use the command line for the rest."


def test_the_download_needs_a_login(filled):
    assert Client().get(reverse("tickets:pair_export", args=["acme", filled.pk])).status_code == 302


def test_the_command_writes_the_workbook(filled, tmp_path, capsys):
    target = tmp_path / "tickets.xlsx"
    call_command("tickets", "export", "--pair", "helpdesk", str(target))
    assert "1 link(s), 1 conflict(s), 1 log entry." in capsys.readouterr().out
    assert rows(target.read_bytes(), "Links")[1][1] == "INC0010007"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--pair", "nope", "{tmp}/x.xlsx"], "No ticket sync pair “nope”."),
        (["--pair", "helpdesk", "{tmp}/x.csv"], "Name the workbook FILE.xlsx"),
        (["--pair", "helpdesk", "{tmp}/missing/x.xlsx"], "does not exist"),
    ],
)
def test_the_command_errors(filled, tmp_path, args, says):
    with pytest.raises(CommandError, match=says):
        call_command("tickets", "export", *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert not list(tmp_path.iterdir())
