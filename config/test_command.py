"""The README's test command: linters, Django checks, then the test suite on SQLite and on PostgreSQL.

The two database runs go side by side, each in its own process with its own Redis database: the suite is
mostly one busy Python process, so on a machine with two cores the pair takes about as long as the
slower run alone, not as long as both in a row.
"""

import os
import shutil
import subprocess
import sys
import threading
from urllib.parse import urlparse

from config.launcher import MANAGE, PYTHON, ROOT, answers, log, redis_url, stop

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_TEST_REDIS_DB = 15


def step(name: str, command: list[str], env: dict[str, str]) -> bool:
    log(f"── {name}: {' '.join(command[1:] if command[0] == PYTHON else command)}")
    ok = subprocess.run(command, env=env, cwd=ROOT).returncode == 0
    log(f"   {name}: {'ok' if ok else 'FAILED'}")
    return ok


def test_databases(url: str) -> tuple[str, str]:
    """Redis databases for the SQLite and the PostgreSQL run, never a running worker's nor each other's."""
    first = int(os.environ.get("PB_TEST_REDIS_DB", DEFAULT_TEST_REDIS_DB))
    second = first - 1 if first > 1 else first + 1
    parsed = urlparse(url)
    return tuple(parsed._replace(path=f"/{db}").geturl() for db in (first, second))


def ensure_chromium() -> None:
    """Browser tests drive the system's Chromium; on a Debian machine without it, install it."""
    if os.environ.get("CHROMIUM_PATH") or shutil.which("chromium"):
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        log("Installing Debian's chromium for the browser tests …")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
    else:
        log(
            "No chromium found: install it (e.g. apt-get install chromium) or set CHROMIUM_PATH; "
            "browser tests will fail."
        )


def side_by_side(command: list[str], runs: dict[str, dict[str, str]]) -> dict[str, bool]:
    """Runs `command` once per environment at the same time; each output line carries its run's name."""
    width = max(len(name) for name in runs)
    printing = threading.Lock()

    def relay(name: str, process: subprocess.Popen) -> None:
        for line in process.stdout:
            with printing:
                sys.stdout.write(f"{name:<{width}} │ {line}")
                sys.stdout.flush()

    log(f"── {' and '.join(runs)}, side by side: {' '.join(command[1:])}")
    started = []
    for name, env in runs.items():
        process = subprocess.Popen(
            command,
            env={**env, "PYTHONUNBUFFERED": "1"},
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        reader = threading.Thread(target=relay, args=(name, process))
        reader.start()
        started.append((name, process, reader))
    results = {}
    for name, process, reader in started:
        reader.join()
        results[name] = process.wait() == 0
        log(f"   {name}: {'ok' if results[name] else 'FAILED'}")
    return results


def test(pytest_args: list[str]) -> int:
    processes: list[subprocess.Popen] = []
    in_ci = os.environ.get("CI", "").lower() == "true"
    try:
        sqlite_redis, postgres_redis = test_databases(redis_url(processes))
        env = {**os.environ, "REDIS_URL": sqlite_redis}
        env.pop("DATABASE_URL", None)
        ensure_chromium()
        results = {
            "ruff check": step("ruff check", [PYTHON, "-m", "ruff", "check", "."], env),
            "ruff format": step("ruff format", [PYTHON, "-m", "ruff", "format", "--check", "."], env),
            "django check": step("django check", [*MANAGE, "check", "--fail-level", "WARNING"], env),
            "migrations": step("migrations", [*MANAGE, "makemigrations", "--check", "--dry-run"], env),
        }
        pytest = [PYTHON, "-m", "pytest", *pytest_args]
        postgres = (
            os.environ.get("PB_TEST_POSTGRES_URL") or os.environ.get("DATABASE_URL") or DEFAULT_POSTGRES
        )
        if answers(postgres):
            runs = {
                "tests on SQLite": env,
                "tests on PostgreSQL": {**env, "REDIS_URL": postgres_redis, "DATABASE_URL": postgres},
            }
            results.update(side_by_side(pytest, runs))
        else:
            results["tests on SQLite"] = step("tests on SQLite", pytest, env)
            if in_ci:
                log(f"PostgreSQL is required in CI and does not answer at {postgres}")
                results["tests on PostgreSQL"] = False
            else:
                log(
                    f"PostgreSQL does not answer at {postgres}; "
                    "skipped the PostgreSQL run (set PB_TEST_POSTGRES_URL)."
                )
        failed = [name for name, ok in results.items() if not ok]
        log("All checks passed." if not failed else f"FAILED: {', '.join(failed)}")
        return 1 if failed else 0
    finally:
        stop(processes)
