"""Outgoing webhooks: when an asset is created, updated or deleted, every active Webhook record gets an
HTTP POST with a JSON payload (and Basic credentials when configured), sent from a background thread
so the API request that caused it never waits."""

import datetime as dt
import logging
import queue
import threading
import uuid
from collections import deque
from dataclasses import dataclass
from typing import Any

import requests

from .store import HaloStore

logger = logging.getLogger(__name__)
EVENTS = {"created": "Asset Created", "updated": "Asset Updated", "deleted": "Asset Deleted"}
TEST_EVENT = "Webhook Test"  # what a webhook saved with `_test` true sends (its name is [INF])
BASIC = 1


@dataclass(frozen=True)
class Delivery:
    webhook_id: str
    event: str
    object_id: int
    status: int | None  # None: not delivered (error says why)
    error: str = ""


class WebhookDispatcher:
    def __init__(self, store: HaloStore, timeout: float = 5.0, log_size: int = 200) -> None:
        self.store = store
        self.timeout = timeout
        self.jobs: queue.Queue[tuple[dict, dict] | None] = queue.Queue(maxsize=10_000)
        self.deliveries: deque[Delivery] = deque(maxlen=log_size)
        self.idle = threading.Condition()
        self.pending = 0
        self.worker: threading.Thread | None = None
        self.session = requests.Session()
        self.session.trust_env = False

    def asset_changed(self, resource: str, event: str, record: dict[str, Any]) -> None:
        """Queue one POST per active webhook (or, for a webhook saved with `_test`, a test delivery to
        it alone); returns at once."""
        if resource == "Webhook" and event == "tested":
            self.queue(record, TEST_EVENT, 0, {})
            return
        if resource != "Asset" or event not in EVENTS:
            return
        for hook in self.store.all("webhook"):
            if hook.get("active") is False or hook.get("disabled"):
                continue
            self.queue(hook, EVENTS[event], record["id"], {"asset": record})

    def queue(self, hook: dict, event: str, object_id: int, extra: dict[str, Any]) -> None:
        payload = {
            "id": str(uuid.uuid4()),
            "webhook_id": hook["id"],
            "event": event,
            "object_id": object_id,
            "timestamp": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            **extra,
        }
        with self.idle:
            self.pending += 1
        try:
            self.jobs.put_nowait((hook, payload))
        except queue.Full:
            self.finished(Delivery(hook["id"], event, object_id, None, "queue full"))
            return
        self.start()

    def start(self) -> None:
        if self.worker is None or not self.worker.is_alive():
            self.worker = threading.Thread(target=self.run, name="halo-sandbox-webhooks", daemon=True)
            self.worker.start()

    def run(self) -> None:
        while (job := self.jobs.get()) is not None:
            self.finished(self.send(*job))

    def close(self) -> None:
        """Stop the sender thread once the queued deliveries are done (the core calls it on exit)."""
        if self.worker is not None and self.worker.is_alive():
            self.jobs.put(None)
            self.worker.join(self.timeout + 1)

    def send(self, hook: dict, payload: dict) -> Delivery:
        auth = None
        if hook.get("authentication_type") == BASIC or hook.get("basic_username"):
            auth = (hook.get("basic_username") or "", hook.get("basic_password") or "")
        try:
            response = self.session.post(hook["url"], json=payload, auth=auth, timeout=self.timeout)
        except requests.RequestException as exc:
            logger.warning("Webhook %s: %s failed: %s", hook["id"], payload["event"], type(exc).__name__)
            return Delivery(hook["id"], payload["event"], payload["object_id"], None, type(exc).__name__)
        if response.status_code >= 300:
            logger.warning("Webhook %s: %s answered %s", hook["id"], payload["event"], response.status_code)
        return Delivery(hook["id"], payload["event"], payload["object_id"], response.status_code)

    def finished(self, delivery: Delivery) -> None:
        self.deliveries.appendleft(delivery)
        with self.idle:
            self.pending -= 1
            self.idle.notify_all()

    def wait(self, timeout: float = 10.0) -> bool:
        """Tests: block until every queued delivery has been attempted; False on timeout."""
        with self.idle:
            return self.idle.wait_for(lambda: self.pending == 0, timeout)
