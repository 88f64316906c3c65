"""The pb-change script on its own: standard library only, and exit codes a pipeline can rely on for
usage and connection errors (the API's answers are tested with a served product in test_pb_change.py)."""

import ast
import subprocess
import sys

import pytest

from pipelines.client import SCRIPT

STDLIB = set(sys.stdlib_module_names)


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        check=False,
    )


def test_it_imports_the_standard_library_only():
    tree = ast.parse(SCRIPT.read_text())
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported and imported <= STDLIB, imported - STDLIB


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("create", "--app", "APP-1", "--env", "Prod", "--short-description", "x"), "set --url and --token"),
        (("--url", "http://x", "--token", "t", "create", "--short-description", "x"), "--app and --env"),
        (("--url", "http://x", "--token", "t", "wait", "CHG1", "--timeout", "-1"), "above 0"),
        (
            ("--url", "http://x", "--token", "t", "close", "CHG1", "--code", "fine", "--notes", "n"),
            "invalid choice",
        ),
        (("--url", "http://x", "--token", "t", "launch"), "invalid choice"),
        ((), "required"),
    ],
)
def test_usage_errors_exit_3_with_the_reason(args, message):
    answer = run(*args)
    assert answer.returncode == 3, answer
    assert message in answer.stderr


def test_an_unreachable_product_exits_3_and_says_where():
    answer = run("--url", "http://127.0.0.1:9", "--token", "pbt_x", "status", "CHG0000001")
    assert answer.returncode == 3
    assert "could not be reached at http://127.0.0.1:9" in answer.stderr


def test_a_missing_file_to_attach_exits_3_before_any_call():
    answer = run(
        "--url", "http://127.0.0.1:9", "--token", "pbt_x", "attach", "CHG1", "/nonexistent/report.xml"
    )
    assert answer.returncode == 3 and "No such file: /nonexistent/report.xml" in answer.stderr
