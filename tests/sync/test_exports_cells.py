"""Formula injection in the run workbooks: names and values from the portfolio or the target that a
spreadsheet would run are written as quoted text, in the preview workbook and in the audit workbook."""

import pytest

from sync.exports import audit_workbook, run_workbook
from sync.models import AuditEntry, Outcome, Run, RunKind, RunStatus
from tests.factories import ConnectionFactory
from tests.hostile_files import risky_cells, texts

pytestmark = pytest.mark.django_db
HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-1+1", "@SUM(A1)", "\t=1", "=\x01bell"]


@pytest.fixture
def run(namespace):
    connection = ConnectionFactory(namespace=namespace, name="=evil()")
    return Run.objects.create(connection=connection, kind=RunKind.PREVIEW, status=RunStatus.SUCCEEDED)


def test_the_preview_workbook_writes_formula_like_text_as_text(run):
    for i, name in enumerate(HOSTILE):
        run.items.create(
            step="applications",
            kind="application",
            record_id=str(i),
            name=name,
            target_id="-" + name,
            outcome=Outcome.UPDATE,
            message=name,
            diff={"name": {"target": name, "portfolio": "x", "state": "changed"}},
        )
    data = run_workbook(run)
    assert {*HOSTILE[:5], "=bell", "Preview of =evil()"} <= texts(data)
    assert risky_cells(data) == []


def test_the_audit_workbook_writes_formula_like_text_as_text(run):
    for name in HOSTILE:
        AuditEntry.objects.create(
            run=run, method="GET", path="/" + name, status=200, duration_ms=1, error=name, response_body=name
        )
    data = audit_workbook(list(run.audit.all()))
    assert {*HOSTILE[:5], "=bell"} <= texts(data)
    assert risky_cells(data) == []


def test_the_audit_workbook_says_which_calls_got_no_answer(run):
    AuditEntry.objects.create(run=run, method="POST", path="/x", status=0, duration_ms=0, state="sent")
    AuditEntry.objects.create(run=run, method="GET", path="/y", status=200, duration_ms=3)
    assert {"Sent — no answer recorded", "Answered"} <= texts(audit_workbook(list(run.audit.all())))
