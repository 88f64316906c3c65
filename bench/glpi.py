"""Publishing the demo inventory and portfolio to the GLPI sandbox. Prints calls, writes and wall time
for:

- the initial publish of the demo inventory and portfolio (300 applications, 300 infrastructure items
  with their operating systems and service contracts, products, suppliers and contracts): target at
  most 60 calls (one call per record would be thousands);
- an immediate re-publish with nothing changed: target 0 writes;
- one computer edited: target at most 3 calls (a read of it, its update, the version GLPI left: its PUT
  answers no date_mod).

Each publish follows a preview and "adopt" decisions, as an admin's does; the preview's calls are shown
apart. Calls are the product's HTTP requests for items, compared with the targets; the session's own
(initSession, changeActiveEntities, killSession: three for any run that calls GLPI at all, none for one
that has nothing to do) are shown apart: the issue asks for the session to be killed at the end of
each run, so no run can make fewer.

    .venv/bin/python bench/glpi.py
"""

import time
from collections import Counter

import requests
from common import load_demo, setup_django

SESSION = ("/initSession", "/changeActiveEntities", "/killSession")


class GlpiBench:
    """The GLPI sandbox in this process, its API requests counted."""

    def __init__(self) -> None:
        from integrations.glpi.sandbox.server import GlpiConfig, GlpiServer

        self.server = GlpiServer(GlpiConfig(port=0)).start()
        self.url, self.ca = self.server.url, self.server.ca_path.read_text()
        self.calls: list[tuple[str, str]] = []
        gateway = self.server.app
        inner = gateway.sandbox
        bench = self

        def counted(environ, start_response, fault=None):
            path = environ.get("PATH_INFO", "").split("/apirest.php", 1)[-1]
            bench.calls.append((environ["REQUEST_METHOD"], path))
            return inner(environ, start_response, fault)

        class Counted:
            def __getattr__(self, name):
                return getattr(inner, name)

            def __call__(self, *args):
                return counted(*args)

        gateway.sandbox = Counted()

    def rows(self, itemtype: str) -> list[dict]:
        return self.server.glpi.store.rows(itemtype)

    def connect(self, namespace):
        from integrations.glpi.sandbox.seed import DEMO_APP_TOKEN, DEMO_USER_TOKEN
        from integrations.models import Connection

        return Connection.objects.create(
            namespace=namespace,
            name="glpi",
            platform="glpi",
            instance_url=self.url + "/apirest.php",
            auth_method="user_token",
            client_secret=DEMO_APP_TOKEN,
            refresh_token=DEMO_USER_TOKEN,
            ca_bundle=self.ca,
            options={"entity_id": 1},
        )

    def stop(self) -> None:
        self.server.stop()


def publish(connection, sandbox: GlpiBench):
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
    sandbox.calls.clear()
    started = time.perf_counter()
    run = execute_publish(runs.start_publish(connection))
    return run, time.perf_counter() - started, list(sandbox.calls)


def report(label: str, run, elapsed: float, calls: list[tuple[str, str]], target: str) -> None:
    session = [c for c in calls if c[1] in SESSION]
    data = [c for c in calls if c[1] not in SESSION]
    writes = [c for c in data if c[0] in ("POST", "PUT", "PATCH", "DELETE")]
    measured, limit = (len(writes), 0) if target == "writes" else (len(data), int(target))
    verdict = "met" if measured <= limit else "MISSED"
    print(
        f"{label}: {len(data)} item calls, {len(writes)} writes (target: at most {limit} "
        f"{'writes' if target == 'writes' else 'item calls'}, {verdict}), plus {len(session)} for the "
        f"session; {elapsed:.1f} s wall"
    )
    print(f"  status {run.status}{' — ' + run.message if run.message else ''}; {dict(run.counts)}")
    print(f"  by method and path: {dict(Counter(f'{m} {p}' for m, p in data))}")


def main() -> None:
    setup_django()
    from django.conf import settings

    from catalog.models import InfrastructureItem

    settings.CONNECTIONS_ALLOW_LOOPBACK = True
    requests.packages.urllib3.disable_warnings()
    namespace = load_demo()
    sandbox = GlpiBench()
    connection = sandbox.connect(namespace)

    run, elapsed, calls = publish(connection, sandbox)
    report("initial publish of the demo inventory and portfolio", run, elapsed, calls, "60")
    serials = Counter(c["serial"] for c in sandbox.rows("Computer") if c["serial"])
    once = "yes" if max(serials.values()) == 1 else "NO"
    print(f"  computers in GLPI: {len(serials)}, each serial once: {once}")

    run, elapsed, calls = publish(connection, sandbox)
    report("re-publish with nothing changed", run, elapsed, calls, "writes")

    item = InfrastructureItem.objects.filter(namespace=namespace).order_by("name").first()
    item.serial_number = f"{item.serial_number}-E"
    item.save()
    run, elapsed, calls = publish(connection, sandbox)
    report(f"one computer edited ({item.name})", run, elapsed, calls, "3")
    sandbox.stop()


if __name__ == "__main__":
    main()
