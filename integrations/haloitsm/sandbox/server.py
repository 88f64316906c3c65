"""The HaloITSM sandbox on the shared sandbox server: HTTPS with its CA, faults, the request log and
status page, and the instance kept in the data directory between runs."""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from integrations.base.sandbox.config import ServerConfig
from integrations.base.sandbox.gateway import USER, Platform, StatusTable
from integrations.base.sandbox.server import SandboxServer
from integrations.base.sandbox.store import read_seed_file

from .app import DEMO_APPLICATION, HaloSandbox, SandboxSettings
from .auth import ApiApplication
from .resources import RESOURCES
from .store import HaloStore

SAVED = "halo-instance"  # the blob holding the instance in the data directory


@dataclass
class HaloConfig(ServerConfig):
    port: int = 8444
    rate_limit: int | None = 300  # requests per rolling five minutes
    tenant: str = "demo"
    applications: tuple[ApiApplication, ...] = (DEMO_APPLICATION,)
    token_lifetime: int = 3600
    demo: bool = True  # put the demo instance into an empty store


class HaloGateway(Platform):
    """Serves the plain WSGI sandbox behind the core, and saves the instance after every change."""

    title = "HaloITSM sandbox"

    def __init__(self, sandbox: HaloSandbox, save: Callable[[], None]) -> None:
        self.sandbox = sandbox
        self.save = save

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        environ[USER] = self.sandbox.settings.tenant
        status: list[str] = []

        def recording(code: str, headers: list, exc_info: Any = None):
            status.append(code)
            return start_response(code, headers, exc_info)

        body = list(self.sandbox(environ, recording))
        if environ.get("REQUEST_METHOD") in ("POST", "DELETE") and status and status[0] < "400":
            self.save()
        return body

    def api_of(self, path: str) -> str:
        lowered = path.lower()
        if lowered.startswith("/auth/"):
            return "auth"
        parts = lowered.split("/")
        return parts[2] if len(parts) > 2 and parts[1] == "api" else "other"

    def committing(self, method: str, path: str, api: str) -> bool:
        return method in ("POST", "DELETE") and api not in ("auth", "authinfo")

    def error_response(self, status: int, message: str, detail: str | None):
        return HaloSandbox.json(status, f"{message}: {detail}" if detail else message)

    def status_tables(self) -> list[StatusTable]:
        counts = sorted((RESOURCES[name].label, n) for name, n in self.sandbox.store.counts().items() if n)
        return [StatusTable("Resources", ("Resource", "Records"), counts)]


class HaloServer(SandboxServer):
    """`app.sandbox` is the Halo WSGI app (its store, limiter, auth and webhooks are what tests reach)."""

    name = "haloitsm-sandbox"
    config: HaloConfig
    app: HaloGateway

    def build_app(self) -> HaloGateway:
        saved = self.store.blob(SAVED)
        halo_store = HaloStore.load(json.loads(saved)) if saved else HaloStore()
        for path in self.config.seed_files:
            for resource, rows in read_seed_file(path).items():
                if resource.lower() not in halo_store.records:
                    raise ValueError(f"{path}: unknown resource “{resource}”")
                for row in rows:
                    if not isinstance(row, dict) or "id" not in row:
                        raise ValueError(f"{path}: every {resource} record needs an id")
                    halo_store.put(resource.lower(), row)
        settings = SandboxSettings(
            tenant=self.config.tenant,
            applications=self.config.applications,
            token_lifetime=self.config.token_lifetime,
            rate_limit=self.config.rate_limit,
            time_scale=self.config.time_scale,
            seed=self.config.demo,
        )
        sandbox = HaloSandbox(settings, halo_store)
        gateway = HaloGateway(sandbox, self.save)
        self.halo = sandbox
        self.save()
        return gateway

    def save(self) -> None:
        self.store.put_blob(SAVED, json.dumps(self.halo.store.dump()).encode())

    def stop(self) -> None:
        halo = getattr(self, "halo", None)
        if halo is not None:
            halo.webhooks.close()
        super().stop()
