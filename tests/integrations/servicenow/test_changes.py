"""ServiceNow's ChangeApi against the sandbox: the standard path, the walk through the state models, the
Attachment API, refusals with the instance's words, and standard change templates."""

import pytest

from integrations.base.changes import ChangeInput, ChangeRefused, UnknownReference, verdict
from integrations.base.errors import NotFound
from integrations.servicenow.changes import LOOKUPS, ServiceNowChanges
from integrations.servicenow.client import ClientSettings, ServiceNowClient


@pytest.fixture
def changes(sandbox):
    settings = ClientSettings(
        base_url=sandbox.url,
        auth_method="basic",
        username="integration",
        password="integration",
        ca_bundle=sandbox.ca_pem,
    )
    LOOKUPS.clear()
    with ServiceNowClient(settings) as client:
        yield ServiceNowChanges(client)


TEMPLATE = "Rotate TLS certificate"


def test_a_standard_change_is_preapproved_and_walks_to_closed_in_four_calls(changes, sandbox):
    """The template is looked up once (then remembered), each walk is one Batch API call: create, implement
    and close cost 4 calls, the next standard change 3."""
    sandbox.post("/sandbox/stats/reset")
    for expected_calls in (4, 3):
        before = changes.client.stats.calls
        created = changes.create(
            ChangeInput(type="standard", template=TEMPLATE, short_description="Rotate certificates")
        )
        assert (created.state_label, created.approval, verdict(created)) == ("New", "approved", "proceed")
        implemented = changes.implement(created.sys_id, created)
        assert implemented.state_label == "Implement"
        closed = changes.close(created.sys_id, "successful", "Rotated", implemented)
        assert (closed.state, closed.close_code) == ("3", "successful")
        assert changes.client.stats.calls - before == expected_calls
    stats = sandbox.get("/sandbox/stats").json()
    assert stats["by_api_method"]["batch PATCH"] == 8  # Scheduled, Implement, Review, Closed: twice


def test_a_walk_from_a_stale_known_state_still_arrives_in_one_call(changes, sandbox):
    created = changes.create(
        ChangeInput(type="standard", template=TEMPLATE, short_description="Rotate certificates")
    )
    changes.implement(created.sys_id)
    sandbox.post("/sandbox/stats/reset")
    before = changes.client.stats.calls
    closed = changes.close(created.sys_id, "successful", "Rotated", created)  # it is in Implement now
    assert (closed.state_label, closed.close_code) == ("Closed", "successful")
    assert changes.client.stats.calls - before == 1
    stats = sandbox.get("/sandbox/stats").json()["by_status"]
    assert stats == {"200": 4, "403": 1}  # the batch, Scheduled refused, Implement (already), Review, Closed
    assert changes.find(created.number).sys_id == created.sys_id


def test_a_normal_change_asks_for_approval_and_refusals_keep_servicenows_words(changes):
    new = changes.create(ChangeInput(short_description="Deploy"))
    assert (new.state_label, new.approval, verdict(new)) == ("New", "not requested", "wait")
    created = changes.request_approval(new)
    assert (created.state_label, created.approval, verdict(created)) == ("Assess", "requested", "wait")
    assert changes.request_approval(created) == created
    with pytest.raises(ChangeRefused, match="change is not approved"):
        changes.implement(created.sys_id)
    with pytest.raises(ChangeRefused, match="Invalid change type “bogus”"):
        changes.create(ChangeInput(short_description="x", type="bogus"))
    standard = changes.create(ChangeInput(type="standard", template=TEMPLATE, short_description="x"))
    closed = changes.close(standard.sys_id, "successful", "done")
    with pytest.raises(ChangeRefused, match="already Closed, past Implement"):
        changes.implement(closed.sys_id)
    with pytest.raises(ChangeRefused, match="already Closed"):
        changes.close(closed.sys_id, "successful", "again", closed)


def test_unknown_names_and_numbers(changes):
    with pytest.raises(UnknownReference) as group:
        changes.create(ChangeInput(short_description="x", assignment_group="Nobody"))
    assert group.value.field == "assignment_group"
    with pytest.raises(UnknownReference) as parent:
        changes.create(ChangeInput(short_description="x", parent="CHG0999999"))
    assert parent.value.field == "parent"
    with pytest.raises(NotFound):
        changes.find("CHG0999999")


def test_attachments_come_back_with_their_download_link(changes, sandbox):
    created = changes.create(ChangeInput(short_description="Deploy"))
    info = changes.attach(created.sys_id, "scan.sarif", b'{"runs": []}', "application/json")
    assert (info.file_name, info.size_bytes, info.content_type) == ("scan.sarif", 12, "application/json")
    assert info.download_link == f"{sandbox.url}/api/now/attachment/{info.sys_id}/file"
    assert [a.sys_id for a in changes.attachments(created.sys_id)] == [info.sys_id]


def test_a_standard_change_from_a_template_gets_its_values(changes, sandbox):
    (version,) = sandbox.table(
        "std_change_producer_version", sysparm_query=f"std_change_producer.name={TEMPLATE}"
    )
    created = changes.create(ChangeInput(type="standard", template=TEMPLATE, short_description="Rotate"))
    remote = sandbox.table("change_request", sys_id=created.sys_id, sysparm_exclude_reference_link="true")[0]
    assert remote["std_change_producer_version"] == version["sys_id"]
    assert remote["short_description"] == "Rotate" and remote["implementation_plan"]  # the template's
    assert (created.approval, created.type) == ("approved", "standard")
