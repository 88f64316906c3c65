"""`manage.py change …`: the pipeline's operations for admins, with pb-change's exit codes."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pipelines.models import ChangeRequest
from tests.pipelines.conftest import approve

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_polls(pipeline_settings):
    pipeline_settings.PIPELINE_POLL_INTERVAL = 0.05


def change(*args: str) -> dict | str:
    out = StringIO()
    call_command("change", *args, stdout=out, stderr=StringIO())
    text = out.getvalue()
    return json.loads(text) if text.startswith("{") else text


def create(deployment, *extra: str) -> dict:
    profile, _ = deployment
    return change(
        "create",
        "--connection",
        "snow",
        "--app",
        profile.application.app_id,
        "--environment",
        "Production",
        "--short-description",
        "Deploy 2.0",
        *extra,
    )


def test_create_prints_the_change_with_the_deployments_service_instance(deployment):
    created = create(deployment, "--implementation-plan", "helm upgrade")
    assert created["cmdb_ci"] == deployment[1] and created["number"].startswith("CHG")
    assert {"sys_id", "state", "approval", "verdict", "url"} <= created.keys()
    assert (created["state_label"], created["verdict"]) == ("Assess", "wait")
    assert ChangeRequest.objects.get(number=created["number"]).events.filter(token_name="manage.py change")


def test_a_normal_change_from_wait_to_close(deployment, snow, tmp_path):
    created = create(deployment)
    number = created["number"]
    with pytest.raises(CommandError) as timed_out:
        change("wait", number, "--timeout", "0.2", "--interval", "0.1")
    assert timed_out.value.returncode == 2
    approve(snow, created["sys_id"])
    assert change("wait", number, "--timeout", "5", "--interval", "0.1")["verdict"] == "proceed"
    assert change("implement", number)["state_label"] == "Implement"
    assert change("note", number, "Deployed to the blue pool") == "Work note added.\n"
    report = tmp_path / "results.xml"
    report.write_text("<testsuite tests='3'/>")
    attached = change("attach", number, str(report))
    assert (attached["file_name"], attached["size_bytes"]) == ("results.xml", report.stat().st_size)
    closed = change("close", number, "--code", "successful", "--notes", "All good")
    assert (closed["state_label"], closed["verdict"]) == ("Closed", "proceed")


def test_a_rejected_change_makes_wait_and_status_exit_1(deployment, snow):
    created = create(deployment)
    approve(snow, created["sys_id"], "rejected")
    for args in (("wait", created["number"], "--interval", "0.1"), ("status", created["number"])):
        with pytest.raises(CommandError) as aborted:
            change(*args)
        assert aborted.value.returncode == 1 and "rejected or canceled" in str(aborted.value)


def test_a_standard_change_proceeds_at_once(deployment):
    created = create(deployment, "--type", "standard", "--template", "Deploy application release")
    assert (created["approval"], created["verdict"]) == ("approved", "proceed")
    assert change("wait", created["number"], "--timeout", "1")["verdict"] == "proceed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("create", "--app", "APP-1", "--environment", "Production"), "needs --connection"),
        (("create", "--connection", "snow"), "--app and --environment, or --deployment"),
        (("create", "--connection", "nope", "--app", "A", "--environment", "P"), "No connection “nope”"),
        (("wait", "CHG9999999"), "No change request CHG9999999"),
        (("implement",), "Give the change number"),
        (("attach", "CHG9999999", "/nonexistent"), "No change request"),
        (("close", "CHG9999999"), "close needs --code and --notes"),
    ],
)
def test_bad_input_exits_3_with_the_reason(connection, args, message):
    with pytest.raises(CommandError, match=message) as failed:
        change(*args)
    assert failed.value.returncode == 3


def test_refusals_keep_the_reason_and_exit_3(deployment):
    profile, _ = deployment
    with pytest.raises(CommandError, match="short_description: This field is required") as failed:
        change(
            "create",
            "--connection",
            "snow",
            "--app",
            profile.application.app_id,
            "--environment",
            "Production",
        )
    assert failed.value.returncode == 3
    created = create(deployment)
    with pytest.raises(CommandError, match="not approved") as refused:
        change("implement", created["number"])
    assert refused.value.returncode == 3
    with pytest.raises(CommandError, match="--code and --notes"):
        change("close", created["number"], "--code", "successful")
