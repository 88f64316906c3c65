"""The GLPI ↔ ServiceNow ticket sync against both sandboxes in this process. Prints, without asserting:

- calls per side for an idle sync (target: 1 read per side);
- the initial sync of 1,000 GLPI tickets, each with a followup, into ServiceNow: calls and wall time
  (the tickets are put straight into the GLPI sandbox's store, as a seed does, so only the sync is timed);
- the time from a change on one side to its arrival on the other through the webhook (target < 5 s):
  the delivery is posted to the product's endpoint with Django's test client and the job it queued is run
  by an RQ `SimpleWorker` in burst mode, in this process;
- a loop check: 100 sync rounds after a change leave both sides and the link table unchanged.

Calls are counted by each sandbox's `/sandbox/stats` and printed per side as data calls: GLPI's session
calls (initSession, changeActiveEntities, killSession) are shown apart, and a ServiceNow Batch API call
(the incident list with the attachments added since the watermark) counts as the one HTTP request it is,
its sub-requests shown apart. A list longer than one page costs one call per page. The idle sync is
measured right after the first sync, right after the initial sync of the seeded tickets (inside the 60 s
overlap: every ticket is listed again and skipped on its version stamps) and after the loop check.
Needs Redis (REDIS_URL, default redis://127.0.0.1:6379/0; its default queue is
emptied).

    .venv/bin/python bench/tickets.py [--tickets N] [--rounds N]
"""

import argparse
import json
import logging
import time

import requests
from common import Sandbox, load_demo, setup_django
from glpi import GlpiBench

TICKETS = 1000
ROUNDS = 100


def glpi_stats(glpi: GlpiBench) -> dict:
    return requests.get(f"{glpi.url}/sandbox/stats", verify=str(glpi.server.ca_path), timeout=30).json()


def glpi_reset(glpi: GlpiBench) -> None:
    requests.post(f"{glpi.url}/sandbox/stats/reset", verify=str(glpi.server.ca_path), timeout=30)


def counted(label: str, glpi: GlpiBench, snow: Sandbox, step) -> tuple:
    glpi_reset(glpi)
    snow.reset_stats()
    started = time.perf_counter()
    result = step()
    elapsed = time.perf_counter() - started
    g, s = glpi_stats(glpi), snow.stats()
    g_session = sum(n for k, n in g["by_api_method"].items() if k.startswith("session "))
    s_inner = sum(n for k, n in s["by_api_method"].items() if k.startswith("batch ") and k != "batch POST")
    s_auth = sum(n for k, n in s["by_api_method"].items() if k.startswith("oauth "))
    print(
        f"{label}: GLPI {g['total'] - g_session} data calls ({g['committing_calls']} writes) + {g_session} "
        f"session calls; ServiceNow {s['total'] - s_inner - s_auth} HTTP requests "
        f"({s['committing_calls']} writes; {s_inner} sub-requests inside Batch API calls, {s_auth} OAuth); "
        f"{elapsed:.2f} s wall"
    )
    print(f"  GLPI by method: {g['by_api_method']}")
    print(f"  ServiceNow by method: {s['by_api_method']}")
    return result, elapsed


def seed_tickets(glpi: GlpiBench, count: int) -> None:
    from integrations.glpi.sandbox.itemtypes import ITEMTYPES

    store = glpi.server.glpi.store
    with store.transaction():
        for n in range(count):
            ticket = store.insert(
                ITEMTYPES["Ticket"],
                {"name": f"bench ticket {n}", "content": f"<p>body {n}</p>", "entities_id": 1},
            )
            store.insert(
                ITEMTYPES["ITILFollowup"],
                {
                    "itemtype": "Ticket",
                    "items_id": ticket["id"],
                    "users_id": 2,
                    "content": f"<p>note {n}</p>",
                },
            )


def snapshot(glpi: GlpiBench, snow: Sandbox, pair) -> tuple[str, dict]:
    from tickets.models import TicketLink

    with snow.faults_off():
        incidents = snow.get("/api/now/table/incident", params={"sysparm_limit": 100000}).json()["result"]
        journal = snow.get("/api/now/table/sys_journal_field", params={"sysparm_limit": 100000}).json()
    links = list(TicketLink.objects.filter(pair=pair).order_by("pk").values())
    state = {
        "GLPI tickets": glpi.rows("Ticket"),
        "GLPI followups": glpi.rows("ITILFollowup"),
        "incidents": incidents,
        "journal entries": journal["result"],
        "links": links,
    }
    return json.dumps(state, sort_keys=True, default=str), {k: len(v) for k, v in state.items()}


def webhook_latency(glpi: GlpiBench, snow: Sandbox, pair) -> float:
    import django_rq
    from django.test import Client
    from django.urls import reverse
    from rq import SimpleWorker

    from tickets import hooks, jobs
    from tickets.models import TicketLink

    queue = django_rq.get_queue(jobs.QUEUE)
    queue.empty()
    secret = hooks.generate_secret(pair)
    link = TicketLink.objects.filter(pair=pair).order_by("pk").first()
    title = f"changed at {time.time()}"
    started = time.perf_counter()
    session = glpi.server.glpi.store
    from integrations.glpi.sandbox.itemtypes import ITEMTYPES

    row = session.item("Ticket", link.glpi_id)
    session.update(ITEMTYPES["Ticket"], row, {"name": title})
    response = Client().post(
        reverse("tickets:hook_receive", args=[pair.pk, "glpi"]),
        data=json.dumps({"event": "update", "itemtype": "Ticket", "item": {"id": link.glpi_id}}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 202, response.content
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    with snow.faults_off():
        incident = snow.get(f"/api/now/table/incident/{link.servicenow_sys_id}").json()["result"]
    elapsed = time.perf_counter() - started
    arrived = "yes" if incident["short_description"] == title else "NO"
    print(f"webhook: a GLPI edit reached ServiceNow in {elapsed:.2f} s (target < 5 s), arrived: {arrived}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--tickets", type=int, default=TICKETS, help=f"GLPI tickets seeded (default {TICKETS})"
    )
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"loop-check rounds (default {ROUNDS})")
    args = parser.parse_args()
    setup_django()
    from django.conf import settings

    from tickets.engine import sync_pair
    from tickets.mapping import default_mapping_text
    from tickets.models import TicketLink, TicketPair

    for name in ("integrations", "rq.worker"):
        logging.getLogger(name).setLevel(logging.WARNING)
    settings.CONNECTIONS_ALLOW_LOOPBACK = True
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    requests.packages.urllib3.disable_warnings()
    namespace = load_demo()
    glpi, snow = GlpiBench(), Sandbox()
    pair = TicketPair.objects.create(
        namespace=namespace,
        name="helpdesk",
        glpi=glpi.connect(namespace),
        servicenow=snow.connect(namespace),
        mapping=default_mapping_text(),
    )
    counted("first sync (the seeded ticket)", glpi, snow, lambda: sync_pair(pair))
    counted("idle sync (target: 1 read per side)", glpi, snow, lambda: sync_pair(pair))

    seed_tickets(glpi, args.tickets)
    label = f"initial sync of {args.tickets} GLPI tickets with a followup each (target: 1 write each)"
    report, _ = counted(label, glpi, snow, lambda: sync_pair(pair))
    print(f"  {report.lines()}; links: {TicketLink.objects.filter(pair=pair).count()}")
    counted("idle sync right after (inside the 60 s overlap)", glpi, snow, lambda: sync_pair(pair))

    webhook_latency(glpi, snow, pair)

    sync_pair(pair)  # the change is settled; now nothing should move
    before, counts = snapshot(glpi, snow, pair)
    started = time.perf_counter()
    for _ in range(args.rounds):
        sync_pair(pair)
    after, _ = snapshot(glpi, snow, pair)
    unchanged = "yes" if before == after else "NO"
    print(
        f"loop check: {args.rounds} rounds after a change in {time.perf_counter() - started:.1f} s, "
        f"both sides and links unchanged: {unchanged} ({counts})"
    )
    counted("idle sync after the loop (outside the overlap)", glpi, snow, lambda: sync_pair(pair))
    glpi.stop()
    snow.stop()


if __name__ == "__main__":
    main()
