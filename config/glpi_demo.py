"""The run command's GLPI part: serve the GLPI sandbox (port 8445, data in var/sandbox-glpi) and give the
demo namespace a connection to it (`glpi-sandbox`: the sandbox's API user token and App-Token, its CA,
and the product's sub-entity "Root entity > Portfolio Bridge"). Every start may run it: the connection is
added once and its address, CA and entity brought up to date afterwards (a new port, or a CA made again
after the data directory was removed)."""

import subprocess
from collections.abc import Callable
from pathlib import Path

NAME = "glpi-sandbox"
NAMESPACE = "demo"
# The sandbox's published demo credentials (integrations.glpi.sandbox.seed) and the product's entity.
APP_TOKEN = "sandbox-app-token"  # noqa: S105
USER_TOKEN = "sandbox-user-token"  # noqa: S105
ENTITY = 1
DEFAULT_PORT = 8445


def ca_path(var: Path) -> Path:
    return var / "sandbox-glpi" / "tls" / "ca.pem"


def sandbox_command(port: int) -> list[str]:
    return ["sandbox", "glpi", "--host", "127.0.0.1", "--port", str(port)]


def api_url(url: str) -> str:
    return f"{url}/apirest.php"


def connection_commands(url: str, ca: Path) -> list[list[str]]:
    """`connection add --if-missing`, then `connection edit` to the current address, CA and entity."""
    add = ["connection", "add", "--namespace", NAMESPACE, "--name", NAME, "--platform", "glpi"]
    add += ["--url", api_url(url), "--entity", str(ENTITY), "--ca-bundle", str(ca), "--if-missing"]
    edit = ["connection", "edit", NAME, "--namespace", NAMESPACE, "--url", api_url(url)]
    edit += ["--entity", str(ENTITY), "--ca-bundle", str(ca)]
    return [add, edit]


def secret_env(env: dict[str, str]) -> dict[str, str]:
    return {**env, "PB_APP_TOKEN": APP_TOKEN, "PB_USER_TOKEN": USER_TOKEN}


def start(
    manage: list[str],
    env: dict[str, str],
    var: Path,
    port: int,
    processes: list[subprocess.Popen],
    wait_for: Callable[[str, subprocess.Popen], bool],
    log: Callable[[str], None],
) -> str:
    """Start the sandbox (added to `processes`) and connect the demo namespace to it; returns its URL."""
    process = subprocess.Popen([*manage, *sandbox_command(port)], env=env, stdout=subprocess.DEVNULL)
    processes.append(process)
    url = f"https://127.0.0.1:{port}"
    if not wait_for(url, process):
        raise SystemExit("The GLPI sandbox did not start.")
    for command in connection_commands(url, ca_path(var)):
        subprocess.run([*manage, *command], env=secret_env(env), check=True, stdout=subprocess.DEVNULL)
    log(
        f"GLPI sandbox API is at {api_url(url)}  —  App-Token {APP_TOKEN}, user token {USER_TOKEN} "
        f"(or portfolio-bridge / sandbox-password); CA certificate {ca_path(var).relative_to(var.parent)}; "
        f"demo connection “{NAME}” into entity {ENTITY}"
    )
    return url
