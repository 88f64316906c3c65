"""The merge screen of a record-pulling connection: differences per record and field, filters, take,
keep, bulk, import with a parent, settings, the Excel export and the dashboard's pending count."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from catalog.models import BusinessApplication, DeploymentProfile, InfrastructureItem
from integrations.base.platform import Pulled, TargetRef
from integrations.servicenow.sandbox.seed import REL_TYPES
from sync import authority
from sync.models import Outcome, Pull, PullStatus, RecordKind, SubscribeState, SyncMapEntry
from sync.preview import run_preview
from sync.subscribe import execute_pull, start_pull
from sync.subscribe_compare import CHANGED_IN_PORTFOLIO, CHANGED_IN_TARGET, NEW
from tests.integrations.servicenow.test_pulling import next_second
from tests.sync.subscribe_records_helpers import compared, fill_mirror

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(published_snow):
    return published_snow


def page_url(connection) -> str:
    return reverse("sync:subscribe", args=["acme", connection.pk])


def merge_url(pull) -> str:
    return reverse("sync:subscribe_merge", args=["acme", pull.connection.pk, pull.pk])


def entries(connection, kind):
    return SyncMapEntry.objects.filter(connection=connection, kind=kind).order_by("pk")


def add_server(sandbox, instance: str, name: str, **values) -> str:
    """A server and a "Depends on" relationship from a service instance, through the Table API."""
    created = sandbox.post("/api/now/table/cmdb_ci_linux_server", json={"name": name, **values})
    assert created.status_code == 201, created.text
    sys_id = created.json()["result"]["sys_id"]
    relation = {"parent": instance, "child": sys_id, "type": REL_TYPES["Depends on::Used by"]}
    assert sandbox.post("/api/now/table/cmdb_rel_ci", json=relation).status_code == 201
    return sys_id


def pulled(connection) -> Pull:
    pull = execute_pull(start_pull(connection, queue=False, trigger="command"))
    assert pull.status == PullStatus.READY, pull.message
    return pull


@pytest.fixture
def drift(connection, sandbox):
    """The issue's done-when, pulled from the sandbox: an application's description edited in ServiceNow,
    and a new server under one of its service instances."""
    app = entries(connection, RecordKind.APPLICATION)[0]
    deployment = entries(connection, RecordKind.DEPLOYMENT).filter(target_type__startswith="cmdb_ci_service")[
        0
    ]
    response = sandbox.put(
        f"/api/now/table/{app.target_type}/{app.target_id}", json={"description": "Edited in ServiceNow"}
    )
    assert response.status_code == 200
    add_server(sandbox, deployment.target_id, "srv-srv1", serial_number="SN-srv1", os_version="9")
    return app, deployment, pulled(connection)


def test_the_screen_shows_changed_and_new_and_taking_both_updates_the_portfolio(
    admin_client, connection, drift
):
    app, deployment, pull = drift
    page = admin_client.get(page_url(connection)).content.decode()
    assert "Changed in ServiceNow" in page and "New in ServiceNow" in page and "Edited in ServiceNow" in page
    assert "srv-srv1" in page
    changed = pull.changes.get(target_id=app.target_id)
    new = pull.changes.get(name="srv-srv1")

    response = admin_client.post(
        merge_url(pull),
        {
            f"f:{changed.pk}:description": "take",
            "import": [new.pk],
            f"parent-{new.pk}": [str(deployment.record_id)],
        },
        follow=True,
    )

    assert "Applied: 1 field(s) taken, 0 kept, 1 record(s) imported." in response.content.decode()
    assert BusinessApplication.objects.get(pk=app.record_id).description == "Edited in ServiceNow"
    item = InfrastructureItem.objects.get(name="srv-srv1")
    assert [d.pk for d in item.deployments.all()] == [deployment.record_id]
    assert run_preview(connection).items.get(record_id=str(app.record_id)).outcome == Outcome.UNCHANGED


def test_filters_by_outcome_and_kind_and_a_bad_filter_is_a_form_error(admin_client, connection, drift):
    app, _, _ = drift
    only_new = admin_client.get(page_url(connection) + f"?outcome={NEW}").content.decode()
    assert "srv-srv1" in only_new and "Edited in ServiceNow" not in only_new
    apps = admin_client.get(page_url(connection) + "?record_kind=application").content.decode()
    assert "Edited in ServiceNow" in apps and "srv-srv1" not in apps
    bad = admin_client.get(page_url(connection) + "?outcome=everything")
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()


def test_keep_ours_for_everything_the_filter_matches(admin_client, connection, drift, sandbox):
    app, _, pull = drift
    second = entries(connection, RecordKind.APPLICATION)[1]
    sandbox.put(f"/api/now/table/{second.target_type}/{second.target_id}", json={"description": "Theirs 2"})
    pull = pulled(connection)
    response = admin_client.post(
        merge_url(pull),
        {"bulk": "keep", "outcome": CHANGED_IN_TARGET, "record_kind": "application"},
        follow=True,
    )
    assert "Applied: 0 field(s) taken, 2 kept" in response.content.decode()
    assert not InfrastructureItem.objects.filter(name="srv-srv1").exists()  # outside the filter
    again = pulled(connection).changes.filter(target_id__in=[app.target_id, second.target_id])
    assert list(again.values_list("outcome", flat=True)) == [CHANGED_IN_PORTFOLIO] * 2


@pytest.mark.parametrize(
    "data, reason",
    [
        ({"f:abc:description": "take"}, "names no change"),
        ({"f:99999999:description": "take"}, "Unknown or already applied"),
        ({"import": ["x1"]}, "names no change"),
        ({"bulk": "overwrite"}, "not a decision for everything shown"),
        ({}, "Choose at least one"),
    ],
)
def test_bad_submissions_write_nothing_and_say_why(admin_client, connection, drift, data, reason):
    app, _, pull = drift
    response = admin_client.post(merge_url(pull), data, follow=True)
    assert response.status_code == 200
    assert "Nothing was applied" in response.content.decode() and reason in response.content.decode()
    assert BusinessApplication.objects.get(pk=app.record_id).description != "Edited in ServiceNow"


def test_a_wrong_parent_refuses_the_whole_submission(admin_client, connection, drift):
    app, _, pull = drift
    changed = pull.changes.get(target_id=app.target_id)
    new = pull.changes.get(name="srv-srv1")
    response = admin_client.post(
        merge_url(pull),
        {f"f:{changed.pk}:description": "take", "import": [new.pk], f"parent-{new.pk}": [str(app.record_id)]},
        follow=True,
    )
    assert "not in this namespace" in response.content.decode()  # an application is no deployment
    assert BusinessApplication.objects.get(pk=app.record_id).description != "Edited in ServiceNow"
    assert not InfrastructureItem.objects.filter(name="srv-srv1").exists()


def test_only_an_admin_merges_or_changes_settings(viewer_client, connection, drift):
    _, _, pull = drift
    assert viewer_client.post(merge_url(pull), {"bulk": "take"}).status_code == 403
    settings = reverse("sync:subscribe_settings", args=["acme", connection.pk])
    assert viewer_client.post(settings, {"authority_text": "deployment = target"}).status_code == 403
    assert viewer_client.get(page_url(connection)).status_code == 200


def test_settings_are_validated_and_saved(admin_client, connection):
    url = reverse("sync:subscribe_settings", args=["acme", connection.pk])
    bad = admin_client.post(url, {"authority_text": "printer = target"}, follow=True).content.decode()
    assert "The settings were not saved" in bad and "line 1" in bad
    admin_client.post(url, {"authority_text": "application.description = target", "apply_owned": "on"})
    state = authority.state_of(connection)
    assert state.authority == {"application.description": "target"} and state.apply_owned


def test_the_export_neutralises_formulas(admin_client, connection):
    fill_mirror(
        connection,
        [
            Pulled(
                "application", TargetRef("cmdb_ci_business_app", "f" * 32), "=HYPERLINK(1)", {"name": "=1+1"}
            )
        ],
    )
    pull = compared(connection)
    response = admin_client.get(reverse("sync:subscribe_export", args=["acme", connection.pk, pull.pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [row[5] for row in sheet.iter_rows(min_row=2) if row[5].value == "=HYPERLINK(1)"]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)  # text, never a formula
    assert sheet.cell(1, 12).value == "ServiceNow now"


def test_the_dashboard_shows_pending_differences(admin_client, connection, drift):
    _, _, pull = drift
    waiting = pull.changes.count()
    page = admin_client.get(reverse("sync:dashboard_ns", args=["acme"])).content.decode()
    assert f"{waiting} differences to review" in page
    changed = pull.changes.get(outcome=CHANGED_IN_TARGET, record_kind="application")
    admin_client.post(merge_url(pull), {f"f:{changed.pk}:description": "take"})
    page = admin_client.get(reverse("sync:dashboard_ns", args=["acme"])).content.decode()
    assert f"{waiting - 1} differences to review" in page


def test_the_export_of_a_real_pull_holds_every_difference(admin_client, connection, drift):
    app, _, pull = drift
    url = reverse("sync:subscribe_export", args=["acme", connection.pk, pull.pk])
    sheet = load_workbook(io.BytesIO(admin_client.get(url).content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert {row[0] for row in rows} == set(pull.changes.values_list("pk", flat=True))
    (described,) = [r for r in rows if r[4] == app.target_id and r[6] == "description"]
    assert described[1] == "Changed in ServiceNow" and described[11] == "Edited in ServiceNow"
    assert any(r[5] == "srv-srv1" and r[1] == "New in ServiceNow" for r in rows)
    only_new = load_workbook(io.BytesIO(admin_client.get(url + f"?outcome={NEW}").content)).active
    assert {r[1].value for r in only_new.iter_rows(min_row=2)} == {"New in ServiceNow"}


def test_the_screen_before_any_pull_invites_one(admin_client, connection):
    page = admin_client.get(page_url(connection)).content.decode()
    assert "No differences yet" in page and "Pull now" in page and "Who owns which field" in page
    assert not SubscribeState.objects.filter(connection=connection).exists()  # a GET writes nothing


def test_a_server_newly_related_to_another_service_instance_shows_its_deployments_changed(
    admin_client, connection, drift, sandbox
):
    _, deployment, pull = drift
    new = pull.changes.get(name="srv-srv1")
    admin_client.post(merge_url(pull), {"import": [new.pk], f"parent-{new.pk}": [str(deployment.record_id)]})
    other = entries(connection, RecordKind.DEPLOYMENT).filter(target_type__startswith="cmdb_ci_service")[1]
    relation = {"parent": other.target_id, "child": new.target_id, "type": REL_TYPES["Depends on::Used by"]}
    assert sandbox.post("/api/now/table/cmdb_rel_ci", json=relation).status_code == 201

    pull = pulled(connection)
    change = pull.changes.get(target_id=new.target_id)
    names = {
        str(d.pk): str(d)
        for d in DeploymentProfile.objects.filter(pk__in=[deployment.record_id, other.record_id])
    }
    links = change.diff["deployments"]
    assert change.outcome == CHANGED_IN_TARGET and list(change.diff) == ["deployments"]
    assert links["portfolio"] == names[str(deployment.record_id)] and links["owner"] == authority.TARGET
    assert links["target"] == "; ".join(sorted(names.values()))
    page = admin_client.get(page_url(connection)).content.decode()
    assert f'name="f:{change.pk}:deployments"' in page

    response = admin_client.post(merge_url(pull), {f"f:{change.pk}:deployments": "take"}, follow=True)
    assert "Applied: 1 field(s) taken" in response.content.decode()
    item = InfrastructureItem.objects.get(name="srv-srv1")
    assert {d.pk for d in item.deployments.all()} == {deployment.record_id, other.record_id}
    assert not pulled(connection).changes.filter(target_id=new.target_id).exists()

    next_second()  # nothing else of the server changes in the watermark's second: only the deletion tells
    assert sandbox.delete(f"/api/now/table/cmdb_rel_ci/{relation_id(sandbox, other, new)}").status_code == 204
    change = pulled(connection).changes.get(target_id=new.target_id)
    assert change.diff["deployments"]["target"] == names[str(deployment.record_id)]
    admin_client.post(merge_url(change.pull), {f"f:{change.pk}:deployments": "keep"})
    assert item.deployments.count() == 2  # ours kept
    assert not pulled(connection).changes.filter(target_id=new.target_id).exists()  # agreed apart


def relation_id(sandbox, parent, change) -> str:
    (row,) = sandbox.table(
        "cmdb_rel_ci",
        sysparm_query=f"parent={parent.target_id}^child={change.target_id}",
        sysparm_exclude_reference_link="true",
    )
    return row["sys_id"]


def test_a_new_server_offers_its_suggested_deployments_and_any_other_typed_in(
    admin_client, connection, drift
):
    _, deployment, pull = drift
    new = pull.changes.get(name="srv-srv1")
    other = entries(connection, RecordKind.DEPLOYMENT).exclude(pk=deployment.pk)[0]
    page = admin_client.get(page_url(connection)).content.decode()
    select = page.split(f'<select name="parent-{new.pk}"', 1)[1].split("</select>", 1)[0]
    assert select.count("<option") == len(new.suggested) == 1 and str(deployment.record_id) in select
    assert page.count('<datalist id="deployment-choices">') == 1 and str(other.record_id) in page

    admin_client.post(
        merge_url(pull),
        {"import": [new.pk], f"parent-{new.pk}": [str(deployment.record_id), str(other.record_id)]},
    )
    item = InfrastructureItem.objects.get(name="srv-srv1")
    assert {d.pk for d in item.deployments.all()} == {deployment.record_id, other.record_id}


def test_a_server_no_instance_relates_to_any_more_is_kept_with_no_links_by_a_full_pull(
    admin_client, connection, drift, sandbox
):
    _, deployment, pull = drift
    new = pull.changes.get(name="srv-srv1")
    admin_client.post(merge_url(pull), {"import": [new.pk], f"parent-{new.pk}": [str(deployment.record_id)]})
    assert (
        sandbox.delete(f"/api/now/table/cmdb_rel_ci/{relation_id(sandbox, deployment, new)}").status_code
        == 204
    )

    pull = execute_pull(start_pull(connection, queue=False, full=True))

    change = pull.changes.get(target_id=new.target_id)
    assert change.outcome == CHANGED_IN_TARGET and change.diff["deployments"]["target"] == ""


def test_an_import_with_field_decisions_for_the_same_row_is_refused(admin_client, connection, drift):
    _, deployment, pull = drift
    new = pull.changes.get(name="srv-srv1")
    response = admin_client.post(
        merge_url(pull), {"import": [new.pk], f"f:{new.pk}:name": "take"}, follow=True
    )
    assert "import the record or decide on its fields, not both" in response.content.decode()
    assert not InfrastructureItem.objects.filter(name="srv-srv1").exists()
