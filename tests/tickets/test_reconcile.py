"""The three-way comparison and value conversions, as plain functions (no instance needed)."""

from tickets.mapping import default_mapping_text, parse
from tickets.reconcile import reconcile, values_of
from tickets.values import html_to_text, without_marker

MAPPING = parse(default_mapping_text())
GLPI = {"name": "Disk", "content": "<p>Full</p>", "status": 1, "urgency": 3, "impact": 3}
SN = {"short_description": "Disk", "description": "Full", "state": "1", "urgency": "2", "impact": "2"}


def plan_for(glpi_now: dict, sn_now: dict, mapping=MAPPING, **kwargs):
    last_g, last_s = values_of(mapping, "glpi", GLPI), values_of(mapping, "servicenow", SN)
    return reconcile(
        mapping, last_g, last_s, {**GLPI, **glpi_now}, {**SN, **sn_now}, glpi_newer=True, **kwargs
    )


def test_nothing_changed_plans_nothing():
    plan = plan_for({}, {})
    assert (plan.glpi, plan.servicenow, plan.conflicts) == ({}, {}, [])


def test_a_change_is_copied_through_the_value_map_and_recorded_as_written():
    plan = plan_for({"urgency": 5}, {})
    assert plan.servicenow == {"urgency": "1"} and plan.glpi == {}
    assert (plan.glpi_values["urgency"], plan.servicenow_values["urgency"]) == ("5", "1")


def test_a_lossy_value_map_is_not_echoed_back():
    plan = plan_for({"status": 3}, {})  # GLPI "planned" is ServiceNow "In Progress"
    assert plan.servicenow == {"state": "2"}
    again = reconcile(
        MAPPING,
        plan.glpi_values,
        plan.servicenow_values,
        {**GLPI, "status": 3},
        {**SN, "state": "2"},
        glpi_newer=True,
    )
    assert (again.glpi, again.servicenow) == ({}, {})


def test_both_changed_to_the_same_value_is_no_conflict():
    plan = plan_for({"name": "Disk full"}, {"short_description": "Disk full"})
    assert (plan.glpi, plan.servicenow, plan.conflicts, plan.decided) == ({}, {}, [], [])


def test_a_one_way_field_ignores_the_policy_and_an_open_conflict_is_left_alone():
    one_way = parse(
        default_mapping_text()
        .replace(
            "    direction: both\n    transform: urgency", "    direction: glpi_to_sn\n    transform: urgency"
        )
        .replace("conflict_policy: newer_wins", "conflict_policy: manual")
    )
    plan = plan_for({"urgency": 5, "name": "a"}, {"urgency": "3", "short_description": "b"}, one_way)
    assert plan.servicenow == {"urgency": "1"}
    assert plan.conflicts == [("name", "a", "b")]
    queued = plan_for({"name": "a"}, {"short_description": "b"}, one_way, open_conflicts={"name"})
    assert (queued.conflicts, queued.glpi_values["name"]) == ([], "Disk")


def test_glpi_html_is_compared_as_text_without_the_sync_marker():
    html = "<p>Disk &amp; CPU</p><p>[servicenow:0123456789abcdef0123456789abcdef]</p>"
    assert html_to_text(without_marker(html)) == "Disk & CPU"
