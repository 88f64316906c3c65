"""Publishing the demo portfolio to the HaloITSM sandbox at Halo's default rate limit (300 requests per
rolling five minutes; the product's governor spaces calls to a fifth of that per minute, so it never
meets a 429). Prints calls, writes and wall time for:

- the initial publish of the demo portfolio (300 applications × 2 deployments × 6 services × 3
  products): target at most 40 calls (one call per record would be about 9,600);
- an immediate re-publish with nothing changed: target 0 writes;
- one application edited: target at most 3 calls (the token, a read of it, its write).

Each publish follows a preview and "adopt" decisions, as an admin's does; the preview's calls are shown
apart. Calls are the product's HTTP requests, the token request included.

    .venv/bin/python bench/haloitsm.py [SCALE]   (SCALE > 1 runs the sandbox's window and the
                                                  governor SCALE times faster; default 1: real time)
"""

import sys
import time
from collections import Counter

import requests
from common import load_demo, setup_django

RATE = 300  # requests per rolling five minutes: hosted Halo's limit and the sandbox's default
ASSET_TYPES = ("Business application", "Application instance")


class HaloBench:
    """The Halo sandbox in this process, with the product's two asset types added."""

    def __init__(self, scale: float) -> None:
        from integrations.haloitsm.sandbox.app import DEMO_APPLICATION
        from integrations.haloitsm.sandbox.server import HaloConfig, HaloServer

        self.server = HaloServer(HaloConfig(port=0, rate_limit=RATE, time_scale=scale)).start()
        self.url, self.verify = self.server.url, str(self.server.ca_path)
        self.http = requests.Session()
        self.http.trust_env = False  # REQUESTS_CA_BUNDLE would override `verify`
        form = {
            "grant_type": "client_credentials",
            "client_id": DEMO_APPLICATION.client_id,
            "client_secret": DEMO_APPLICATION.client_secret,
            "scope": "all",
        }
        token = self.http.post(
            f"{self.url}/auth/token?tenant=demo", data=form, verify=self.verify, timeout=30
        )
        self.http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        body = [
            {"name": name, "assetgroup_id": 2, "keyfield_id": 1, "keyfield_name": "Name"}
            for name in ASSET_TYPES
        ]
        created = self.http.post(
            f"{self.url}/api/AssetType", json=body, verify=self.verify, timeout=30
        ).json()
        self.asset_types = {
            "business_application": created[0]["id"],
            "application_instance": created[1]["id"],
            "software": 4,  # the demo instance's own "Software" type
        }

    def stats(self) -> dict:
        return self.http.get(f"{self.url}/sandbox/stats", verify=self.verify, timeout=30).json()

    def reset_stats(self) -> None:
        self.http.post(f"{self.url}/sandbox/stats/reset", verify=self.verify, timeout=30)

    def rows(self, resource: str) -> list[dict]:
        return self.server.halo.store.all(resource.lower())

    def connect(self, namespace, scale: float):
        from integrations.models import Connection

        return Connection.objects.create(
            namespace=namespace,
            name="halo",
            platform="haloitsm",
            instance_url=self.url,
            auth_method="oauth_client_credentials",
            client_id="portfolio-bridge",
            client_secret="sandbox-secret",  # noqa: S106
            ca_bundle=self.server.ca_path.read_text(),
            options={
                "auth_url": f"{self.url}/auth",  # as a saved connection holds them: no discovery call
                "tenant": "demo",
                "calls_per_five_minutes": int(RATE * scale),
                "asset_types": self.asset_types,
            },
        )

    def stop(self) -> None:
        self.server.stop()


def publish(connection, sandbox: HaloBench):
    from sync import decisions, runs
    from sync.preview import run_preview
    from sync.publish import execute_publish

    started = time.perf_counter()
    preview = run_preview(connection)
    decisions.decide_all(preview, "adopt")
    print(
        f"  (its preview: {preview.stats.get('calls', 0)} API calls, "
        f"{time.perf_counter() - started:.1f} s, {dict(preview.counts)})"
    )
    sandbox.reset_stats()
    started = time.perf_counter()
    run = execute_publish(runs.start_publish(connection))
    return run, time.perf_counter() - started, sandbox.stats()


def report(label: str, run, elapsed: float, stats: dict, scale: float) -> None:
    calls = run.stats.get("calls", 0)
    print(f"{label}: {calls} API calls, {stats['committing_calls']} writes, {elapsed:.1f} s wall", end="")
    print(f" (≈{elapsed * scale:.0f} s at real speed)" if scale != 1 else "")
    print(f"  status {run.status}{' — ' + run.message if run.message else ''}; {dict(run.counts)}")
    print(f"  by API and method: {stats['by_api_method']}; 429 waits {run.stats.get('rate_limit_waits', 0)}")


def main() -> None:
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    setup_django()
    from catalog.models import BusinessApplication

    namespace = load_demo()
    sandbox = HaloBench(scale)
    connection = sandbox.connect(namespace, scale)

    run, elapsed, stats = publish(connection, sandbox)
    report("initial publish of the demo portfolio", run, elapsed, stats, scale)
    tags = Counter(a["inventory_number"] for a in sandbox.rows("Asset"))
    print(f"  assets in Halo: {len(tags)}, each once: {'yes' if max(tags.values()) == 1 else 'NO'}")

    run, elapsed, stats = publish(connection, sandbox)
    report("re-publish with nothing changed", run, elapsed, stats, scale)

    app = BusinessApplication.objects.filter(namespace=namespace).order_by("name").first()
    app.short_description = f"{app.short_description} (edited)"
    app.save()
    run, elapsed, stats = publish(connection, sandbox)
    report(f"one application edited ({app.name})", run, elapsed, stats, scale)
    sandbox.stop()


if __name__ == "__main__":
    main()
