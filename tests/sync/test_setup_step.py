"""The wizard's setup step (a platform's optional hook), with HaloITSM's asset types against the served
sandbox: suggestions, the preview that writes nothing, the audited apply, idempotence, bad input, the
page and the command."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from catalog.choices import Role
from integrations.base.platform import MatchSource
from integrations.haloitsm.platform import HaloPlatform
from integrations.haloitsm.sandbox.app import DEMO_APPLICATION
from integrations.haloitsm.sandbox.auth import ApiApplication
from sync import setup
from sync.dashboard import checklist
from sync.models import AuditEntry, Outcome, Run, RunKind, RunStatus
from tests.conftest import member
from tests.factories import ConnectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sandbox_on_loopback(settings):
    settings.CONNECTIONS_ALLOW_LOOPBACK = True


@pytest.fixture
def halo(halo_server, namespace):
    return halo_server.connection(namespace)


def type_named(server, name: str) -> dict:
    return next(t for t in server.rows("AssetType") if t["name"] == name)


def names(server) -> list[str]:
    return [t["name"] for t in server.rows("AssetType")]


def test_rows_are_suggested_from_saved_choices_and_same_named_types(halo, halo_server):
    step = setup.step_of(halo)
    offered = setup.offered(halo, step)
    rows = {row.key: row for row in setup.rows_of(halo, step)}
    software = str(type_named(halo_server, "Software")["id"])

    assert list(rows) == ["business_application", "application_instance", "software"]
    assert setup.suggestion(rows["software"], offered) == software
    assert setup.suggestion(rows["business_application"], offered) == setup.CREATE
    server_type = str(type_named(halo_server, "Server")["id"])
    halo.options = {"asset_types": {"business_application": int(server_type)}}
    saved = {row.key: row for row in setup.rows_of(halo, step)}
    assert setup.suggestion(saved["business_application"], offered) == server_type


def test_the_plan_refuses_unknown_ids_rows_and_empty_choices(halo):
    step = setup.step_of(halo)
    rows, offered = setup.rows_of(halo, step), setup.offered(halo, step)
    with pytest.raises(setup.SetupError) as raised:
        setup.plan(
            rows,
            offered,
            {"business_application": "99999", "application_instance": "", "bogus": "1"},
            step.noun,
        )
    problems = " ".join(raised.value.problems)
    assert "no asset type with id 99999" in problems
    assert "Application instance: choose" in problems and "Software: choose" in problems
    assert "Unknown row “bogus”" in problems


def test_apply_creates_the_missing_types_once_audits_the_calls_and_saves_the_mapping(halo, halo_server):
    step = setup.step_of(halo)
    rows, offered = setup.rows_of(halo, step), setup.offered(halo, step)
    choices = {row.key: setup.suggestion(row, offered) for row in rows}
    changes = setup.plan(rows, offered, choices, step.noun)
    before = len(halo_server.rows("AssetType"))

    run = setup.apply(halo, step, changes)

    assert run.kind == RunKind.SETUP and run.status == RunStatus.SUCCEEDED
    assert run.counts == {Outcome.CREATE: 2, Outcome.ADOPT: 1}
    assert len(halo_server.rows("AssetType")) == before + 2
    created = type_named(halo_server, "Business application")
    assert created["assetgroup_id"] == 2  # the instance's "Software" group
    halo.refresh_from_db()
    assert halo.options["asset_types"] == {
        "business_application": created["id"],
        "application_instance": type_named(halo_server, "Application instance")["id"],
        "software": type_named(halo_server, "Software")["id"],
    }
    posts = AuditEntry.objects.filter(run=run, method="POST", path="/api/AssetType")
    assert posts.count() == 1 and "Business application" in posts.get().request_body
    assert {i.outcome for i in run.items.all()} == {Outcome.CREATE, Outcome.ADOPT}

    # asked to create them again (e.g. a second admin's stale page): found by name, not duplicated
    again = setup.apply(halo, step, [c for c in changes])
    assert again.status == RunStatus.SUCCEEDED
    assert len(halo_server.rows("AssetType")) == before + 2
    assert names(halo_server).count("Business application") == 1
    assert not AuditEntry.objects.filter(run=again, method="POST", path="/api/AssetType").exists()
    assert not AuditEntry.objects.filter(request_body__contains=DEMO_APPLICATION.client_secret).exists()


def test_a_refusing_target_leaves_the_options_alone(make_halo_server, namespace):
    reader = ApiApplication("reader", "reader-secret", frozenset({"read:assets"}))
    server = make_halo_server(applications=(DEMO_APPLICATION, reader))
    halo = server.connection(namespace, client_id="reader", client_secret="reader-secret")
    step = setup.step_of(halo)
    rows, offered = setup.rows_of(halo, step), setup.offered(halo, step)
    changes = setup.plan(rows, offered, {row.key: setup.CREATE for row in rows}, step.noun)

    run = setup.apply(halo, step, changes)

    assert run.status == RunStatus.FAILED and "403" in run.message
    halo.refresh_from_db()
    assert "asset_types" not in halo.options or halo.options["asset_types"] == {}
    assert "Business application" not in names(server)


# The page -----------------------------------------------------------------------------------------------


def setup_url(connection) -> str:
    return reverse("sync:match_setup", args=["acme", connection.pk])


def test_the_wizard_starts_with_the_setup_step_for_halo_only(admin_client, halo, namespace):
    snow = ConnectionFactory(namespace=namespace, name="snow")
    start = admin_client.get(reverse("sync:match_start", args=["acme"])).content.decode()
    assert setup_url(halo) in start
    assert reverse("sync:match_step", args=["acme", snow.pk, "it-services"]) in start
    nothing = admin_client.get(setup_url(snow)).content.decode()
    assert "needs nothing set up" in nothing
    assert admin_client.post(setup_url(snow), {"action": "apply"}).status_code == 404


def test_the_page_previews_then_creates(admin_client, halo, halo_server):
    page = admin_client.get(setup_url(halo)).content.decode()
    assert "Create “Business application”" in page and "Asset types" in page
    software = str(type_named(halo_server, "Software")["id"])
    choices = {
        "choice-business_application": "create",
        "choice-application_instance": "create",
        "choice-software": software,
    }
    before = len(halo_server.rows("AssetType"))

    preview = admin_client.post(setup_url(halo), {**choices, "action": "preview"}).content.decode()
    assert "will create</strong> the asset type “Business application”" in preview
    assert "Create 2 and save" in preview
    assert len(halo_server.rows("AssetType")) == before  # nothing written by the preview
    assert not Run.objects.filter(kind=RunKind.SETUP).exists()

    response = admin_client.post(setup_url(halo), {**choices, "action": "apply"})
    assert response.status_code == 302
    assert len(halo_server.rows("AssetType")) == before + 2
    halo.refresh_from_db()
    assert halo.options["asset_types"]["software"] == int(software)


@pytest.mark.parametrize(
    "choices",
    [
        {"choice-business_application": "99999"},
        {"choice-business_application": "<script>", "choice-application_instance": "create"},
        {},
    ],
)
def test_bad_input_is_a_form_error_and_nothing_is_written(admin_client, halo, halo_server, choices):
    before = len(halo_server.rows("AssetType"))
    response = admin_client.post(setup_url(halo), {**choices, "action": "apply"})
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert "<script>" not in response.content.decode()
    assert len(halo_server.rows("AssetType")) == before
    assert not Run.objects.filter(kind=RunKind.SETUP).exists()


def test_the_page_needs_an_admin_login_and_csrf(editor_client, halo, halo_server, namespace):
    assert Client().get(setup_url(halo)).status_code == 302
    assert editor_client.get(setup_url(halo)).status_code == 403
    before = len(halo_server.rows("AssetType"))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member(namespace, Role.ADMIN))
    assert strict.post(setup_url(halo), {"action": "apply"}).status_code == 403
    assert len(halo_server.rows("AssetType")) == before


def test_an_unreachable_target_is_a_message_not_a_500(admin_client, namespace):
    halo = ConnectionFactory(
        namespace=namespace,
        name="down",
        platform="haloitsm",
        instance_url="https://127.0.0.1:1",
        auth_method="oauth_client_credentials",
        client_id="x",
        client_secret="y",
    )
    page = admin_client.get(setup_url(halo))
    assert page.status_code == 200 and "Could not read the asset types" in page.content.decode()
    response = admin_client.post(setup_url(halo), {"action": "apply"})
    assert response.status_code == 302


# The command ------------------------------------------------------------------------------------------


def test_the_command_dry_runs_refuses_silent_creation_and_then_creates(halo, halo_server, capsys):
    before = len(halo_server.rows("AssetType"))
    call_command("match", "--connection", "halo", "--setup", "--dry-run")
    out = capsys.readouterr().out
    assert "business_application\tcreate “Business application”" in out and "Dry run" in out
    with pytest.raises(CommandError, match="--create-missing"):
        call_command("match", "--connection", "halo", "--setup")
    assert len(halo_server.rows("AssetType")) == before

    server_type = type_named(halo_server, "Server")["id"]
    call_command(
        "match",
        "--connection",
        "halo",
        "--setup",
        "--map",
        f"application_instance={server_type}",
        "--create-missing",
    )
    halo.refresh_from_db()
    assert halo.options["asset_types"]["application_instance"] == server_type
    assert len(halo_server.rows("AssetType")) == before + 1  # only "Business application"
    call_command("match", "--connection", "halo", "--setup")  # everything mapped now: nothing to create
    assert len(halo_server.rows("AssetType")) == before + 1


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (["--map", "software"], "ROW=ID"),
        (["--map", "software=424242"], "no asset type with id 424242"),
        (["--map", "nonsense=1"], "Unknown row"),
    ],
)
def test_the_command_refuses_bad_maps(halo, extra, reason):
    with pytest.raises(CommandError, match=reason):
        call_command("match", "--connection", "halo", "--setup", *extra)


def test_the_command_says_when_a_platform_has_no_setup(namespace):
    ConnectionFactory(namespace=namespace, name="snow")
    with pytest.raises(CommandError, match="needs no setup"):
        call_command("match", "--connection", "snow", "--setup")
    with pytest.raises(CommandError, match="go with --setup"):
        call_command("match", "--connection", "snow", "--kind", "it_services", "--dry-run")


def test_the_dashboard_checklist_has_the_setup_step_until_it_is_done(halo, halo_server):
    labels = {step.label: step for step in checklist(halo, None, None)}
    assert not labels["asset types set up"].done
    assert labels["asset types set up"].url == setup_url(halo)
    call_command("match", "--connection", "halo", "--setup", "--create-missing")
    halo.refresh_from_db()
    assert {step.label: step for step in checklist(halo, None, None)}["asset types set up"].done


def test_the_servicenow_checklist_has_no_setup_step(namespace):
    snow = ConnectionFactory(namespace=namespace, name="snow")
    assert not any("set up" in step.label for step in checklist(snow, None, None))


def test_match_steps_point_to_the_setup_until_it_is_done(admin_client, halo, halo_server, monkeypatch):
    # the platform's own match sources are another change's; one stands in for them here
    source = MatchSource("it_service", "it-services", "IT services", "Service", False)
    monkeypatch.setattr(HaloPlatform, "match_sources", lambda self: [source])
    url = reverse("sync:match_step", args=["acme", halo.pk, "it-services"])
    assert "are not set up yet" in admin_client.get(url).content.decode()
    call_command("match", "--connection", "halo", "--setup", "--create-missing")
    assert "are not set up yet" not in admin_client.get(url).content.decode()
