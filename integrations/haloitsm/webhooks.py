"""HaloITSM webhooks towards Portfolio Bridge (halo_glpi.md §3.2): registering the product's endpoint as
a Halo Webhook (HTTP POST, JSON, Basic authentication), asking Halo for a test delivery, and reading a
delivery's body.

Halo signs nothing: Basic credentials over HTTPS are its only authenticity, and a body is never trusted
beyond the id of the asset it names (the asset is read again through the API). The key names of the
body (`id`, `event`, `webhook_id`, `object_id`, `timestamp`) are inferred from Halo's guide [INF]."""

import re
from typing import Any
from urllib.parse import quote

from integrations.base.errors import NotFound
from integrations.base.platform import WebhookEvent

from .client import HaloClient

POST, JSON, BASIC = 0, "application/json", 1  # Webhook.method, content_type, authentication_type
OUTBOUND = 0  # Webhook.type: a standard (outgoing) webhook, not a runbook
TEST_EVENTS = ("webhook test", "test")
MAX_ID = 200
ASSET_ID = re.compile(r"[0-9]{1,18}")


def without_nul(value: object) -> str:
    """The text stripped of NUL bytes (no database keeps them) and surrounding blanks."""
    return str(value).replace("\x00", "").strip()


def webhook_event(body: Any) -> WebhookEvent:
    """The event of one delivery; ValueError says what is missing."""
    if not isinstance(body, dict):
        raise ValueError("The body must be a JSON object.")
    event_id = body.get("id")
    if not isinstance(event_id, str | int) or isinstance(event_id, bool) or not without_nul(event_id):
        raise ValueError("The body has no event id (“id”).")
    event_id = without_nul(event_id)
    if len(event_id) > MAX_ID:
        raise ValueError(f"The event id is longer than {MAX_ID} characters.")
    name = body.get("event")
    if not isinstance(name, str) or not without_nul(name):
        raise ValueError("The body does not name its event (“event”).")
    name = without_nul(name)
    if name.strip().lower() in TEST_EVENTS:
        return WebhookEvent(event_id=event_id, name=name.strip()[:100], test=True)
    object_id = body.get("object_id")
    if (
        isinstance(object_id, bool)
        or not isinstance(object_id, int | str)
        or not ASSET_ID.fullmatch(str(object_id))
    ):
        raise ValueError("The body has no asset id (“object_id” must be a whole number).")
    if not name.lower().startswith("asset"):
        raise ValueError(f"Only asset events are subscribed to, not “{name[:100]}”.")
    return WebhookEvent(event_id=event_id, name=name.strip()[:100], target_ids=(str(int(object_id)),))


def register_webhook(
    client: HaloClient, url: str, username: str, password: str, name: str, target_id: str = ""
) -> str:
    """Save the webhook (updating `target_id` when Halo still has it, else creating it); its id."""
    record = {
        "name": name[:100],
        "url": url,
        "type": OUTBOUND,
        "method": POST,
        "content_type": JSON,
        "authentication_type": BASIC,
        "basic_username": username,
        "basic_password": password,
        "active": True,
    }
    if target_id:
        try:
            client.json("GET", f"/api/Webhook/{quote(target_id, safe='')}")
        except NotFound:  # deleted in Halo: register it again
            target_id = ""
    (saved,) = client.save("Webhook", [{**record, "id": target_id} if target_id else record])
    return str(saved.get("id") or "")


def send_test_event(client: HaloClient, target_id: str) -> None:
    """Halo's webhook screen has a test action; through the API it is the webhook saved with `_test`
    true [INF: the Webhook schema's `_test` flag]."""
    client.save("Webhook", [{"id": target_id, "_test": True}])
