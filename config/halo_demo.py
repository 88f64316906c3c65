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


def webhook_command(web_url: str) -> list[str]:
    """Register the product's webhook endpoint (under `web_url`) in the sandbox, with new credentials."""
    return ["webhook", "register", "--connection", NAME, "--namespace", NAMESPACE, "--base-url", web_url]


def register_webhooks(manage: list[str], env: dict[str, str], web_url: str) -> None:
    """So that a change made in the sandbox arrives by webhook (it prints the new credentials, which the
    demo does not need to show: the sandbox keeps them)."""
    subprocess.run([*manage, *webhook_command(web_url)], env=env, check=True, stdout=subprocess.DEVNULL)


def start(
    manage: list[str],
    env: dict[str, str],
    var: Path,
    port: int,
    web_url: str,
    processes: list[subprocess.Popen],
    wait_for: Callable[[str, subprocess.Popen], bool],
    log: Callable[[str], None],
) -> str:
    """Start the sandbox (added to `processes`), connect the demo namespace to it and register the
    product's webhook (at `web_url`) there; returns its URL."""
    process = subprocess.Popen([*manage, *sandbox_command(port)], env=env, stdout=subprocess.DEVNULL)
    processes.append(process)
    url = f"https://127.0.0.1:{port}"
    if not wait_for(url, process):
        raise SystemExit("The HaloITSM sandbox did not start.")
    secret_env = {**env, "PB_CLIENT_SECRET": CLIENT_SECRET}
    for command in connection_commands(url, ca_path(var)):
        subprocess.run([*manage, *command], env=secret_env, check=True, stdout=subprocess.DEVNULL)
    register_webhooks(manage, env, web_url)
    log(
        f"HaloITSM sandbox is at {url}/  —  tenant demo, API application {CLIENT_ID} / {CLIENT_SECRET}; "
        f"CA certificate {ca_path(var).relative_to(var.parent)}; demo connection “{NAME}”"
    )
    return url
