"""GLPI answers `date_mod` in its server's time zone: the connection's `time_zone` option (default UTC)
turns it into the pair's watermark, back into the incremental read's lower bound, and into the time the
`newer wins` policy compares with ServiceNow's UTC."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from integrations.glpi.options import GlpiOptions
from tickets.engine import OVERLAP, parse_stamp, since, sync_pair

PARIS = ZoneInfo("Europe/Paris")


def test_a_date_in_the_server_zone_becomes_utc_and_back():
    stamp = parse_stamp("2026-07-01 12:00:00", PARIS)
    assert stamp == dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC)
    assert since(stamp, False, PARIS) == "2026-07-01 11:59:00"
    assert since(stamp, False) == "2026-07-01 09:59:00"
    assert parse_stamp("2026-07-01 12:00:00") == dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)


def test_the_option_defaults_to_utc_and_refuses_an_unknown_zone():
    assert GlpiOptions.from_dict({}).time_zone == "UTC"
    assert GlpiOptions.from_dict({"time_zone": " "}).time_zone == "UTC"
    with pytest.raises(ValueError, match="not a time zone"):
        GlpiOptions.from_dict({"time_zone": "Mars/Olympus"})


@pytest.mark.django_db
def test_the_pair_watermark_reads_date_mod_in_the_connection_zone(live, glpi_server):
    connection = live.glpi
    connection.options = {**connection.options, "time_zone": "Europe/Paris"}
    connection.save()
    report = sync_pair(live)
    assert not report.errors, report.errors
    newest = max(row["date_mod"] for row in glpi_server.rows("Ticket"))
    assert live.glpi_watermark == parse_stamp(newest, PARIS)
    assert live.glpi_watermark != parse_stamp(newest)
    assert since(live.glpi_watermark, False, PARIS) == (parse_stamp(newest) - OVERLAP).strftime(
        "%Y-%m-%d %H:%M:%S"
    )
