"""The test command's two database runs: side by side, each with its own Redis database and its own verdict."""

import sys

import pytest

from config import test_command


@pytest.mark.parametrize(
    ("chosen", "expected"), [(None, (15, 14)), ("11", (11, 10)), ("1", (1, 2)), ("0", (0, 1))]
)
def test_each_run_gets_its_own_redis_database(monkeypatch, chosen, expected):
    if chosen is None:
        monkeypatch.delenv("PB_TEST_REDIS_DB", raising=False)
    else:
        monkeypatch.setenv("PB_TEST_REDIS_DB", chosen)
    urls = test_command.test_databases("redis://127.0.0.1:6379/0")
    assert urls == tuple(f"redis://127.0.0.1:6379/{db}" for db in expected)


def test_both_runs_report_their_own_verdict_and_every_line_says_whose_it_is(capsys):
    script = "import os, sys; print('run', os.environ['WHICH']); sys.exit(int(os.environ['CODE']))"
    runs = {"passes": {"WHICH": "a", "CODE": "0"}, "fails here": {"WHICH": "b", "CODE": "3"}}
    results = test_command.side_by_side([sys.executable, "-c", script], runs)
    assert results == {"passes": True, "fails here": False}
    out = capsys.readouterr().out.splitlines()
    assert "passes     │ run a" in out
    assert "fails here │ run b" in out
