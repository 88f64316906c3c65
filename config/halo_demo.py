"""The run command's HaloITSM part: serve the Halo sandbox (port 8444, data in var/sandbox-haloitsm) and
give the demo namespace a connection to it (`halo-sandbox`, the sandbox's demo API application, the
sandbox's CA). Every start may run it: the connection is added once and its address and CA brought up to
date afterwards (a new port, or a CA made again after the data directory was removed)."""

import subprocess
from collections.abc import Callable
from pathlib import Path

NAME = "halo-sandbox"
NAMESPACE = "demo"
CLIENT_ID = "portfolio-bridge"  # the sandbox's demo API application (integrations.haloitsm.sandbox.app)
CLIENT_SECRET = "sandbox-secret"  # noqa: S105 (the local sandbox's published demo secret)
DEFAULT_PORT = 8444


def ca_path(var: Path) -> Path:
    return var / "sandbox-haloitsm" / "tls" / "ca.pem"


def sandbox_command(port: int) -> list[str]:
    return ["sandbox", "haloitsm", "--host", "127.0.0.1", "--port", str(port)]


def connection_commands(url: str, ca: Path) -> list[list[str]]:
    """`connection add --if-missing`, then `connection edit` to the current address and CA."""
    add = ["connection", "add", "--namespace", NAMESPACE, "--name", NAME, "--platform", "haloitsm"]
    add += ["--url", url, "--client-id", CLIENT_ID, "--ca-bundle", str(ca), "--if-missing"]
    edit = ["connection", "edit", NAME, "--namespace", NAMESPACE, "--url", url, "--ca-bundle", str(ca)]
    return [add, edit]


def register_webhooks(manage: list[str], env: dict[str, str], url: str) -> None:
    """Where the demo registers the product's webhook endpoint in the Halo sandbox, so that a change made
    there arrives by webhook. Left empty here: the webhook receiver fills it in."""


def start(
    manage: list[str],
    env: dict[str, str],
    var: Path,
    port: int,
    processes: list[subprocess.Popen],
    wait_for: Callable[[str, subprocess.Popen], bool],
    log: Callable[[str], None],
) -> str:
    """Start the sandbox (added to `processes`), connect the demo namespace to it; returns its URL."""
    process = subprocess.Popen([*manage, *sandbox_command(port)], env=env, stdout=subprocess.DEVNULL)
    processes.append(process)
    url = f"https://127.0.0.1:{port}"
    if not wait_for(url, process):
        raise SystemExit("The HaloITSM sandbox did not start.")
    secret_env = {**env, "PB_CLIENT_SECRET": CLIENT_SECRET}
    for command in connection_commands(url, ca_path(var)):
        subprocess.run([*manage, *command], env=secret_env, check=True, stdout=subprocess.DEVNULL)
    register_webhooks(manage, env, url)
    log(
        f"HaloITSM sandbox is at {url}/  —  tenant demo, API application {CLIENT_ID} / {CLIENT_SECRET}; "
        f"CA certificate {ca_path(var).relative_to(var.parent)}; demo connection “{NAME}”"
    )
    return url
