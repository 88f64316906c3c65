"""What the benchmarks share: a throw-away database with the demo portfolio, and sandboxes with the
product's data source registered and a connection to them."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load_demo(slug: str = "demo"):
    from django.core.management import call_command

    from catalog.models import Namespace

    call_command("load_demo_portfolio", "--namespace", slug, stdout=open(os.devnull, "w"))  # noqa: SIM115
    return Namespace.objects.get(slug=slug)


class Sandbox:
    """A sandbox in this process, with the PortfolioBridge data source registered."""

    def __init__(self, **config) -> None:
        import requests

        from integrations.servicenow.sandbox.config import SandboxConfig
        from integrations.servicenow.sandbox.server import SandboxServer

        self.server = SandboxServer(SandboxConfig(port=0, **config)).start()
        self.url, self.verify = self.server.url, str(self.server.ca_path)
        self.http = requests.Session()
        self.http.auth = ("admin", "admin")
        with self.faults_off():
            self.post(
                "/api/now/table/sys_choice",
                json={
                    "name": "cmdb_ci",
                    "element": "discovery_source",
                    "value": "PortfolioBridge",
                    "label": "PortfolioBridge",
                },
            )

    def faults_off(self):
        sandbox = self

        class Off:
            def __enter__(self):
                sandbox.server.app.faults.enabled = False

            def __exit__(self, *exc):
                sandbox.server.app.faults.enabled = True

        return Off()

    def get(self, path: str, **kwargs):
        return self.http.get(self.url + path, verify=self.verify, timeout=30, **kwargs)

    def post(self, path: str, **kwargs):
        return self.http.post(self.url + path, verify=self.verify, timeout=30, **kwargs)

    def stats(self) -> dict:
        return self.get("/sandbox/stats").json()

    def reset_stats(self) -> None:
        self.post("/sandbox/stats/reset")

    def connect(self, namespace, name: str = "sandbox", **options):
        from integrations.models import Connection

        return Connection.objects.create(
            namespace=namespace,
            name=name,
            instance_url=self.url,
            auth_method="oauth_client_credentials",
            client_id="portfolio-bridge",
            client_secret="sandbox-secret",  # noqa: S106
            ca_bundle=self.server.ca_path.read_text(),
            options=options,
        )

    def stop(self) -> None:
        self.server.stop()
