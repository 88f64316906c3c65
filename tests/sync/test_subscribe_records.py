"""Subscribe from a target that pulls records back: the three-way comparison of the mirror with the
portfolio, the merge decisions (take, keep, import) and what the next preview sees."""

import pytest

from catalog.models import BusinessApplication, DeploymentProfile, InfrastructureItem
from sync import authority
from sync.merge_apply import Submission, apply_merge
from sync.models import Direction, Outcome, PulledRecord, PullStatus, RecordKind, SyncMapEntry
from sync.preview import run_preview
from sync.subscribe import SubscribeRefused
from sync.subscribe_compare import (
    CHANGED_IN_PORTFOLIO,
    CHANGED_IN_TARGET,
    CONFLICT,
    GONE,
    KEPT_HERE,
    NEW,
    labels,
)
from sync.subscribe_records import apply_target_owned
from tests.sync.subscribe_records_helpers import compared, fill_mirror, server

pytestmark = pytest.mark.django_db


@pytest.fixture
def connection(published_snow):
    return published_snow


def app_entry(connection):
    return SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.APPLICATION).order_by("pk")[0]


def deployment_entry(connection):
    return SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.DEPLOYMENT).order_by("pk")[0]


def edit_app(sandbox, entry, **values):
    response = sandbox.put(f"/api/now/table/{entry.target_type}/{entry.target_id}", json=values)
    assert response.status_code == 200, response.text


def test_a_fresh_publish_compares_unchanged(connection):
    fill_mirror(connection)
    pull = compared(connection)
    assert pull.status == PullStatus.READY
    assert (
        pull.counts.get("unchanged", 0)
        == SyncMapEntry.objects.filter(
            connection=connection, kind__in=("application", "deployment", "it_service")
        )
        .exclude(direction=Direction.MATCHED)
        .count()
    )
    assert not pull.changes.exists()


def test_taking_a_target_edit_updates_the_portfolio_and_the_next_preview_is_unchanged(connection, sandbox):
    entry = app_entry(connection)
    edit_app(sandbox, entry, description="Edited in the target")
    fill_mirror(connection)
    pull = compared(connection)
    change = pull.changes.get(target_id=entry.target_id)
    assert change.outcome == CHANGED_IN_TARGET and list(change.diff) == ["description"]
    field = change.diff["description"]
    assert field["target"] == "Edited in the target" and field["owner"] == authority.PORTFOLIO
    assert field["last"] == field["portfolio"]

    result = apply_merge(pull, Submission(fields={change.pk: {"description": "take"}}))

    assert result.taken == 1
    assert BusinessApplication.objects.get(pk=entry.record_id).description == "Edited in the target"
    entry.refresh_from_db()
    assert entry.last_values["description"] == "Edited in the target"
    change.refresh_from_db()
    assert change.applied_at and change.decisions == {"description": "take"}
    preview = run_preview(connection)
    assert preview.items.get(record_id=str(entry.record_id)).outcome == Outcome.UNCHANGED
    assert not compared(connection).changes.filter(target_id=entry.target_id).exists()


def test_keeping_ours_is_not_asked_again_and_publish_sends_the_portfolio_value(connection, sandbox):
    entry = app_entry(connection)
    ours = BusinessApplication.objects.get(pk=entry.record_id).description
    edit_app(sandbox, entry, description="Theirs")
    fill_mirror(connection)
    pull = compared(connection)
    change = pull.changes.get(target_id=entry.target_id)

    apply_merge(pull, Submission(fields={change.pk: {"description": "keep"}}))

    again = compared(connection).changes.get(target_id=entry.target_id)
    assert again.outcome == CHANGED_IN_PORTFOLIO
    assert again.diff["description"]["state"] == CHANGED_IN_PORTFOLIO
    preview = run_preview(connection)
    row = preview.items.get(record_id=str(entry.record_id))
    assert row.outcome == Outcome.UPDATE and row.diff["description"]["portfolio"] == ours


def test_portfolio_changes_and_conflicts(connection, sandbox):
    entry = app_entry(connection)
    BusinessApplication.objects.filter(pk=entry.record_id).update(description="Ours now")
    fill_mirror(connection)
    change = compared(connection).changes.get(target_id=entry.target_id)
    assert change.outcome == CHANGED_IN_PORTFOLIO
    edit_app(sandbox, entry, description="Theirs now")
    fill_mirror(connection)
    pull = compared(connection)
    change = pull.changes.get(target_id=entry.target_id)
    assert change.outcome == CONFLICT and change.diff["description"]["state"] == CONFLICT
    assert apply_target_owned(pull).startswith("Target-owned changes taken automatically: 0")
    assert BusinessApplication.objects.get(pk=entry.record_id).description == "Ours now"


def test_a_record_edited_in_the_portfolio_since_the_pull_is_refused_and_nothing_is_written(
    connection, sandbox
):
    first, second = SyncMapEntry.objects.filter(connection=connection, kind=RecordKind.APPLICATION)[:2]
    edit_app(sandbox, first, description="T1")
    edit_app(sandbox, second, description="T2")
    fill_mirror(connection)
    pull = compared(connection)
    one, two = (pull.changes.get(target_id=e.target_id) for e in (first, second))
    BusinessApplication.objects.filter(pk=second.record_id).update(name="Renamed meanwhile")

    with pytest.raises(SubscribeRefused, match="edited in the portfolio since the pull"):
        apply_merge(
            pull, Submission(fields={one.pk: {"description": "take"}, two.pk: {"description": "take"}})
        )

    assert BusinessApplication.objects.get(pk=first.record_id).description != "T1"
    one.refresh_from_db()
    assert one.applied_at is None


@pytest.mark.parametrize(
    "submission, reason",
    [
        (lambda c: Submission(fields={999999: {"description": "take"}}), "Unknown or already applied"),
        (lambda c: Submission(fields={c.pk: {"name": "take"}}), "no change of the target"),
        (lambda c: Submission(fields={c.pk: {"description": "overwrite"}}), "not a field decision"),
        (lambda c: Submission(imports={c.pk: []}), "only a record new in the target"),
        (lambda c: Submission(), "Choose at least one"),
    ],
)
def test_bad_decisions_are_refused_with_the_reason(connection, sandbox, submission, reason):
    entry = app_entry(connection)
    edit_app(sandbox, entry, description="Theirs")
    fill_mirror(connection)
    pull = compared(connection)
    change = pull.changes.get(target_id=entry.target_id)
    with pytest.raises(SubscribeRefused, match=reason):
        apply_merge(pull, submission(change))
    assert BusinessApplication.objects.get(pk=entry.record_id).description != "Theirs"


def test_a_new_application_is_imported_and_adopted(connection):
    from integrations.base.platform import Pulled, TargetRef

    record = Pulled(
        kind="application",
        ref=TargetRef("cmdb_ci_business_app", "a" * 32),
        name="Payroll Next",
        values={"name": "Payroll Next", "description": "From the CMDB", "number": "APM0001234"},
    )
    fill_mirror(connection, [record])
    pull = compared(connection)
    change = pull.changes.get(target_id="a" * 32)
    assert change.outcome == NEW

    apply_merge(pull, Submission(imports={change.pk: []}))

    app = BusinessApplication.objects.get(name="Payroll Next")
    assert app.description == "From the CMDB" and app.app_id.startswith("IMP-")
    entry = SyncMapEntry.objects.get(connection=connection, target_id="a" * 32)
    assert entry.direction == Direction.ADOPTED and entry.record_id == app.pk
    assert (
        not compared(connection)
        .changes.filter(target_id="a" * 32)
        .exclude(outcome="unchanged")
        .filter(outcome=NEW)
    )


def test_a_new_service_instance_is_imported_under_its_chosen_application(connection, other_namespace):
    from integrations.base.platform import Pulled, TargetRef

    parent = app_entry(connection)
    record = Pulled(
        kind="deployment",
        ref=TargetRef("cmdb_ci_service_auto", "d" * 32),
        name="Payroll EU",
        values={"name": "Payroll EU", "environment": "Production"},
        parents=(parent.target_id,),
    )
    fill_mirror(connection, [record])
    pull = compared(connection)
    change = pull.changes.get(target_id="d" * 32)
    assert [row[0] for row in change.suggested] == [str(parent.record_id)]  # pre-chosen through the sync map
    foreign = BusinessApplication.objects.create(namespace=other_namespace, name="Elsewhere", app_id="X-1")
    for parents, reason in [
        ([], "choose the one application"),
        ([str(foreign.pk)], "not in this namespace"),
        (["not-an-id"], "is not a record id"),
    ]:
        with pytest.raises(SubscribeRefused, match=reason):
            apply_merge(pull, Submission(imports={change.pk: parents}))
    assert not DeploymentProfile.objects.filter(name="Payroll EU").exists()

    apply_merge(pull, Submission(imports={change.pk: [str(parent.record_id)]}))

    deployment = DeploymentProfile.objects.get(name="Payroll EU")
    assert deployment.application_id == parent.record_id


def test_a_new_server_is_imported_linked_to_its_deployments_then_target_owned_changes_apply(connection):
    deployment = deployment_entry(connection)
    fill_mirror(connection, [server("s1", links=[deployment.target_id], os_version="8")])
    pull = compared(connection)
    change = pull.changes.get(target_id="s1")
    assert change.outcome == NEW and [row[0] for row in change.suggested] == [str(deployment.record_id)]

    apply_merge(pull, Submission(imports={change.pk: [str(deployment.record_id)]}))

    item = InfrastructureItem.objects.get(name="srv-s1")
    assert [d.pk for d in item.deployments.all()] == [deployment.record_id]
    assert item.os_version == "8" and item.source_id == "s1"
    entry = SyncMapEntry.objects.get(connection=connection, target_id="s1")
    assert entry.direction == Direction.TAKEN and entry.kind == RecordKind.INFRASTRUCTURE_ITEM

    fill_mirror(connection, [server("s1", links=[deployment.target_id], os_version="9")])
    pull = compared(connection)
    change = pull.changes.get(target_id="s1")
    assert change.outcome == CHANGED_IN_TARGET and change.diff["os_version"]["owner"] == authority.TARGET
    assert "taken automatically: 1 field" in apply_target_owned(pull)
    item.refresh_from_db()
    assert item.os_version == "9"
    assert not compared(connection).changes.filter(target_id="s1").exists()


def test_a_deleted_or_retired_record_is_flagged_and_never_merged(connection):
    entry = app_entry(connection)
    fill_mirror(connection)
    PulledRecord.objects.filter(connection=connection, target_id=entry.target_id).update(deleted=True)
    pull = compared(connection)
    change = pull.changes.get(target_id=entry.target_id)
    assert change.outcome == GONE and change.diff["(record)"]["target"] == "deleted"
    with pytest.raises(SubscribeRefused, match="flagged"):
        apply_merge(pull, Submission(fields={change.pk: {"(record)": "take"}}))
    assert BusinessApplication.objects.filter(pk=entry.record_id).exists()


@pytest.mark.parametrize(
    "retired_here",
    [
        {"operational_status": "retired"},
        {"lifecycle_stage": "End of Life", "lifecycle_status": "Retired"},
        {"lifecycle_stage": "End of Life"},  # a stage alone says it too
    ],
)
def test_a_record_retired_there_is_flagged_unless_the_portfolio_retired_it_too(connection, retired_here):
    entry = app_entry(connection)
    fill_mirror(connection)
    PulledRecord.objects.filter(connection=connection, target_id=entry.target_id).update(retired=True)
    change = compared(connection).changes.get(target_id=entry.target_id)
    assert change.outcome == GONE and change.diff["(record)"]["target"] == "retired"
    BusinessApplication.objects.filter(pk=entry.record_id).update(**retired_here)
    assert not compared(connection).changes.filter(target_id=entry.target_id, outcome=GONE).exists()


def test_authority_per_field_lets_a_business_field_be_taken_automatically(connection, sandbox):
    entry = app_entry(connection)
    state = authority.state_of(connection)
    state.authority = authority.parse("application.description = target\n# a comment")
    state.save()
    edit_app(sandbox, entry, description="Owned by the target")
    fill_mirror(connection)
    pull = compared(connection)
    assert "1 field" in apply_target_owned(pull)
    assert BusinessApplication.objects.get(pk=entry.record_id).description == "Owned by the target"


def test_the_authority_setting_is_validated():
    assert authority.parse("deployment = target\napplication.name = portfolio") == {
        "deployment": "target",
        "application.name": "portfolio",
    }
    with pytest.raises(ValueError, match="line 1"):
        authority.parse("printer = target")
    with pytest.raises(ValueError, match="line 2"):
        authority.parse("deployment = target\napplication = nobody")
    assert authority.owner({}, "infrastructure_item", "os_version") == authority.TARGET
    assert authority.owner({"application": "target"}, "application", "name") == authority.TARGET


def test_a_server_deleted_in_the_portfolio_is_proposed_and_imported_again(connection):
    fill_mirror(connection, [server("s5")])
    pull = compared(connection)
    apply_merge(pull, Submission(imports={pull.changes.get(target_id="s5").pk: []}))
    InfrastructureItem.objects.filter(name="srv-s5").delete()
    pull = compared(connection)
    change = pull.changes.get(target_id="s5")
    assert change.outcome == NEW
    apply_merge(pull, Submission(imports={change.pk: []}))
    item = InfrastructureItem.objects.get(name="srv-s5")
    assert SyncMapEntry.objects.get(connection=connection, target_id="s5").record_id == item.pk


def test_keeping_ours_on_a_server_taken_from_the_target_is_agreed_and_never_said_to_be_published(
    connection,
):
    deployment = deployment_entry(connection)
    fill_mirror(connection, [server("s2", links=[deployment.target_id], os_version="8")])
    pull = compared(connection)
    apply_merge(pull, Submission(imports={pull.changes.get(target_id="s2").pk: []}))
    fill_mirror(connection, [server("s2", links=[deployment.target_id], os_version="9")])
    pull = compared(connection)
    change = pull.changes.get(target_id="s2")
    apply_merge(pull, Submission(fields={change.pk: {"os_version": "keep"}}))
    assert not compared(connection).changes.filter(target_id="s2").exists()  # agreed while nobody moves

    item = InfrastructureItem.objects.get(name="srv-s2")
    item.os_version = "8.1"
    item.save()
    change = compared(connection).changes.get(target_id="s2")
    assert change.outcome == KEPT_HERE and change.diff["os_version"]["state"] == KEPT_HERE
    assert "publish does not send it" in labels("ServiceNow")[KEPT_HERE]
    assert "publish will send it" not in labels("ServiceNow")[KEPT_HERE]

    fill_mirror(connection, [server("s2", links=[deployment.target_id], os_version="10")])
    change = compared(connection).changes.get(target_id="s2")
    assert change.outcome == CONFLICT and change.diff["os_version"]["target"] == "10"
