"""The link's version stamps: the sync's own write moves the ServiceNow stamp only when it is the very
next version, so someone else's write in between is read by the next run rather than skipped."""

from tickets import stamps
from tickets.reconcile import STAMP


def test_the_next_version_moves_the_stamp():
    values = {STAMP: "2026-01-05 10:15:00#3"}
    assert stamps.advance_servicenow(values, {"sys_updated_on": "2026-01-05 10:15:02", "sys_mod_count": "4"})
    assert values[STAMP] == "2026-01-05 10:15:02#4"


def test_a_write_by_someone_else_in_between_keeps_the_stamp_behind():
    values = {STAMP: "2026-01-05 10:15:00#3"}
    assert not stamps.advance_servicenow(
        values, {"sys_updated_on": "2026-01-05 10:15:02", "sys_mod_count": "5"}
    )
    assert values[STAMP] == "2026-01-05 10:15:00#3"


def test_an_unknown_recorded_count_never_moves():
    values = {STAMP: "None#None"}
    assert not stamps.advance_servicenow(
        values, {"sys_updated_on": "2026-01-05 10:15:02", "sys_mod_count": "1"}
    )


def test_only_attachments_the_link_does_not_hold_are_news():
    mirrored = {"documents": ["servicenow:a1", "glpi:7"]}
    assert not stamps.new_files(mirrored, {"a1"}, "documents")
    assert stamps.new_files(mirrored, {"a1", "b2"}, "documents")
