"""Webhooks in for a ticket pair: GLPI's webhook (JSON with the item) and a ServiceNow outbound REST
message (JSON with the incident's sys_id) post to the pair's endpoint with `Authorization: Bearer
<secret>`. The secret is shown once and stored as a SHA-256 digest (`sync.webhooks.digest`); a delivery is
size- and depth-checked before it is parsed, remembered by its delivery id (or body digest) so a replay
queues nothing, and queues a sync of just the ticket it names."""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from redis.exceptions import RedisError

from sync.webhooks import Answer, digest, read_json
from tickets.jobs import enqueue_ticket
from tickets.models import TicketHookDelivery, TicketPair

SIDES = ("glpi", "servicenow")
SYS_ID = re.compile(r"^[0-9a-f]{32}$")
DELIVERY_HEADERS = ("X-Delivery-Id", "X-GLPI-Delivery", "X-ServiceNow-Delivery")


@dataclass(frozen=True)
class Delivery:
    authorization: str
    length: int | None
    delivery_id: str


def generate_secret(pair: TicketPair) -> str:
    """A new secret for the pair's endpoints (replacing the earlier one at once), shown once."""
    secret = secrets.token_urlsafe(32)
    TicketPair.objects.filter(pk=pair.pk).update(hook_secret_digest=digest(secret))
    pair.hook_secret_digest = digest(secret)
    return secret


def authenticated(pair: TicketPair, authorization: str) -> bool:
    scheme, _, secret = authorization.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip() or not pair.hook_secret_digest:
        return False
    return hmac.compare_digest(digest(secret.strip()), pair.hook_secret_digest)


def ticket_of(side: str, body: Any) -> str:
    """The ticket the body names; ValueError with the reason when it names none."""
    if not isinstance(body, dict):
        raise ValueError("The body is not a JSON object.")
    if side == "glpi":
        item = body.get("item") if isinstance(body.get("item"), dict) else body
        value = item.get("id")
        if isinstance(value, bool) or not str(value or "").isdigit() or int(value) < 1:
            raise ValueError("The body names no GLPI ticket: expected item.id (a positive integer).")
        if str(item.get("itemtype") or body.get("itemtype") or "Ticket") != "Ticket":
            raise ValueError("The item is not a GLPI Ticket.")
        return str(int(value))
    record = body.get("incident") if isinstance(body.get("incident"), dict) else body
    value = str(record.get("sys_id") or "")
    if not SYS_ID.match(value):
        raise ValueError("The body names no incident: expected sys_id (32 hexadecimal characters).")
    return value


def receive(pair_id: int, side: str, delivery: Delivery, stream) -> Answer:
    """One delivery, from the request's parts: refused with 4xx and a reason, or queued (202)."""
    pair = TicketPair.objects.filter(pk=pair_id).first()
    if pair is None or side not in SIDES:
        return Answer(404, "No ticket webhook endpoint here.")
    if not authenticated(pair, delivery.authorization):
        return Answer(401, "The bearer secret is missing or wrong.")
    if not pair.enabled:
        return Answer(409, "The pair is disabled: nothing is synced.")
    body = read_json(delivery.length, stream)
    if isinstance(body, Answer):
        return body
    try:
        ticket = ticket_of(side, body.value)
    except ValueError as exc:
        return Answer(400, str(exc))
    key = delivery.delivery_id[:128] or "sha256:" + hashlib.sha256(body.data).hexdigest()
    return record(pair, side, key, ticket)


def record(pair: TicketPair, side: str, key: str, ticket: str) -> Answer:
    try:
        with transaction.atomic():
            row = TicketHookDelivery.objects.create(pair=pair, side=side, key=key, ticket=ticket)
    except IntegrityError:
        return Answer(200, "Already received: nothing to do.")
    try:
        enqueue_ticket(pair, side, ticket)
    except RedisError:  # forget the delivery so the sender's retry is accepted
        TicketHookDelivery.objects.filter(pk=row.pk).delete()
        return Answer(503, "The job queue is unavailable: deliver again later.")
    return Answer(202, "Received: the ticket is queued for sync.")
