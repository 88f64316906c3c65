"""Issue 16's done-when, as a pipeline lives it: after the portfolio is published to the sandbox, a token
is made; `pb-change` (a subprocess, standard library only) opens a change for an application's production
deployment with that deployment's service instance as `cmdb_ci`, waits until the sandbox approves (exit
0), attaches a report, implements and closes it; a standard change skips approval; a rejected one makes
`wait` exit 1."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from pipelines.client import SCRIPT
from pipelines.models import ChangeRequest, EventKind
from pipelines.tokens import create_token

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sandbox_options() -> dict:
    return {"approval_delay": 1.0, "reject_matching": "[reject]"}


@pytest.fixture(autouse=True)
def quick_polls(pipeline_settings):
    pipeline_settings.PIPELINE_POLL_INTERVAL = 0.2


@pytest.fixture
def pb_change(live_server, namespace, connection):
    out = StringIO()
    call_command("pipeline_token", "create", "--namespace", namespace.slug, "--name", "github", stdout=out)
    env = {"PATH": os.environ.get("PATH", ""), "PB_URL": live_server.url, "PB_TOKEN": out.getvalue().strip()}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(SCRIPT), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )

    return run


def created(answer: subprocess.CompletedProcess) -> dict:
    assert answer.returncode == 0, answer.stderr
    return json.loads(answer.stdout)


def test_a_pipeline_gates_its_deployment_on_a_change(pb_change, deployment, snow, tmp_path):
    profile, instance = deployment
    app = profile.application.app_id
    change = created(
        pb_change(
            "create", "--app", app, "--env", "Production", "--short-description", "Deploy 2.4.1", "--json"
        )
    )
    assert change["cmdb_ci"] == instance
    assert snow.table("change_request", sys_id=change["sys_id"])[0]["cmdb_ci"]["value"] == instance
    number = change["number"]

    waited = pb_change("wait", number, "--timeout", "60", "--interval", "0.3")
    assert (waited.returncode, waited.stdout.strip()) == (0, number), waited.stderr
    assert pb_change("implement", number).returncode == 0
    report = tmp_path / "test-results.xml"
    report.write_text("<testsuite tests='12' failures='0'/>")
    attached = pb_change("attach", number, str(report))
    assert attached.returncode == 0 and "test-results.xml" in attached.stdout
    assert [a["file_name"] for a in snow.table("sys_attachment", table_sys_id=change["sys_id"])] == [
        "test-results.xml"
    ]
    closed = pb_change("close", number, "--code", "successful", "--notes", "Deployed 2.4.1")
    assert closed.returncode == 0 and "Closed" in closed.stdout, closed.stderr
    row = ChangeRequest.objects.get(number=number)
    assert row.token.name == "github"
    assert {EventKind.APPROVED, EventKind.CLOSED} <= set(row.events.values_list("kind", flat=True))

    standard = pb_change(
        "create", "--app", app, "--env", "Production", "--type", "standard",
        "--template", "Deploy application release", "--short-description", "Deploy 2.4.2",
    )  # fmt: skip
    first_line = standard.stdout.splitlines()[0]
    assert standard.returncode == 0 and first_line.startswith("CHG") and first_line != number
    assert pb_change("wait", first_line, "--timeout", "5", "--interval", "0.2").returncode == 0

    rejected = created(
        pb_change(
            "create", "--app", app, "--env", "Production", "--short-description", "[reject] 2.5", "--json"
        )
    )
    waited = pb_change("wait", rejected["number"], "--timeout", "60", "--interval", "0.3")
    assert waited.returncode == 1 and "rejected" in waited.stdout, waited.stderr


def test_errors_of_the_api_exit_3_with_its_reason(pb_change, deployment):
    profile, _ = deployment
    unknown = pb_change("create", "--app", "APP-9999", "--env", "Production", "--short-description", "x")
    assert unknown.returncode == 3 and "APP-9999" in unknown.stderr
    missing = pb_change("wait", "CHG0000404", "--timeout", "5")
    assert missing.returncode == 3 and "404" in missing.stderr
    timed_out = pb_change(
        "create", "--app", profile.application.app_id, "--env", "Production", "--short-description", "y"
    )
    number = timed_out.stdout.splitlines()[0]
    assert pb_change("wait", number, "--timeout", "0.3", "--interval", "0.1").returncode == 2


def test_the_script_is_served_to_a_token_and_to_a_signed_in_admin_only(namespace, client, admin_user):
    url = "/api/pipeline/v1/client/pb-change.py"
    assert client.get(url).status_code in (401, 403)
    client.force_login(admin_user)
    served = client.get(url)
    assert served.status_code == 200 and served.content == SCRIPT.read_bytes()
    assert 'filename="pb-change.py"' in served["Content-Disposition"]
    client.logout()
    secret = create_token(namespace, "fetch").secret
    by_token = client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert by_token.status_code == 200 and by_token.content == SCRIPT.read_bytes()
    assert client.get(url, HTTP_AUTHORIZATION="Bearer pbt_wrong").status_code == 401
