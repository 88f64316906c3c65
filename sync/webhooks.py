"""Webhooks in: a connection's endpoint for the target's deliveries. Basic credentials are generated here
and shown once (the password is stored as a SHA-256 digest); a delivery is authenticated, size- and
depth-checked (`read_json`, also for ticket pairs' hooks), parsed by the connection's platform, recorded
once per event id, and queues a pull of just the assets it names. The product can also register its
endpoint in the target and ask the target for a test delivery, where the platform allows it."""

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from integrations.base.errors import TargetError
from integrations.base.platform import platform_of
from integrations.models import Connection
from sync.models import Pull, PullStatus, WebhookDelivery, WebhookEndpoint
from sync.subscribe import SubscribeRefused, enqueue

MAX_BODY = 256 * 1024  # a full asset with its linked objects is a few kilobytes
MAX_DEPTH = 20


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str


@dataclass(frozen=True)
class Answer:
    status: int
    message: str


@dataclass(frozen=True)
class Body:
    data: bytes
    value: Any


def read_json(length: int | None, stream) -> Body | Answer:
    """A delivery's JSON body, read within bounds, or the 4xx answer: 413 when it is larger than MAX_BODY
    (told by Content-Length before anything is read, or found reading one byte more), 400 when it is not
    JSON or nests deeper than MAX_DEPTH."""
    if length is not None and length > MAX_BODY:
        return Answer(413, f"The body is larger than {MAX_BODY} bytes.")
    data = stream.read(MAX_BODY + 1)
    if len(data) > MAX_BODY:
        return Answer(413, f"The body is larger than {MAX_BODY} bytes.")
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return Answer(400, "The body is not JSON.")
    if too_deep(value):
        return Answer(400, f"The JSON nests deeper than {MAX_DEPTH} levels.")
    return Body(data, value)


def too_deep(value: Any) -> bool:
    """Whether a parsed body nests deeper than MAX_DEPTH (checked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return False


def digest(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


def generate(connection: Connection) -> Credentials:
    """New credentials for the connection's endpoint (replacing any earlier ones at once)."""
    credentials = Credentials(f"pb-{secrets.token_hex(4)}", secrets.token_urlsafe(32))
    WebhookEndpoint.objects.update_or_create(
        connection=connection,
        defaults={
            "username": credentials.username,
            "password_digest": digest(credentials.password),
            "rotated_at": timezone.now(),
        },
    )
    return credentials


def register(connection: Connection, url: str, credentials: Credentials) -> str:
    """Register (or update) the endpoint as the target's webhook with these credentials; its id there.
    Raises TargetError (Unsupported where the platform cannot) with the reason."""
    platform = platform_of(connection)
    endpoint = WebhookEndpoint.objects.get(connection=connection)
    with platform.client(connection) as client:
        target_id = platform.register_webhook(
            client,
            url,
            credentials.username,
            credentials.password,
            f"Portfolio Bridge ({connection.name})",
            endpoint.target_webhook_id,
        )
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(target_webhook_id=target_id, registered_url=url)
    return target_id


def generate_and_register(connection: Connection, url: str) -> tuple[Credentials, str]:
    """What the page's "generate" button and the demo launcher do: new credentials, registered in the
    target when the platform allows; the second value is why registration did not happen ("" if it did)."""
    credentials = generate(connection)
    if not platform_of(connection).sends_webhooks:
        return credentials, "register the URL and credentials in the target yourself"
    try:
        register(connection, url, credentials)
    except TargetError as exc:
        return credentials, str(exc)
    return credentials, ""


def register_at(connection: Connection, base_url: str) -> tuple[Credentials, str]:
    """`generate_and_register` with the endpoint under `base_url` (the product's address as the target
    reaches it, e.g. http://127.0.0.1:8000): what the launcher calls for the demo connection."""
    path = reverse("sync:webhook_receive", args=[connection.pk])
    return generate_and_register(connection, base_url.rstrip("/") + path)


def send_test(connection: Connection) -> None:
    """Ask the target for a test delivery through the registered webhook."""
    endpoint = WebhookEndpoint.objects.filter(connection=connection).first()
    if endpoint is None or not endpoint.target_webhook_id:
        raise SubscribeRefused("Generate the credentials and register the webhook first.")
    platform = platform_of(connection)
    try:
        with platform.client(connection) as client:
            platform.send_test_event(client, endpoint.target_webhook_id)
    except TargetError as exc:
        raise SubscribeRefused(f"The test event was not sent: {exc}") from None


def authenticated(endpoint: WebhookEndpoint, header: str) -> bool:
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return False
    try:
        username, sep, password = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return False
    same_user = hmac.compare_digest(username.encode(), endpoint.username.encode())
    same_password = hmac.compare_digest(digest(password), endpoint.password_digest)
    return bool(sep) and same_user and same_password


def receive(connection_id, header: str, length: int | None, stream) -> Answer:
    """One delivery, from the request's parts: refused with 4xx and a reason, or recorded (202)."""
    connection = Connection.objects.filter(pk=connection_id).select_related("webhook_endpoint").first()
    endpoint = getattr(connection, "webhook_endpoint", None) if connection else None
    if endpoint is None:
        return Answer(404, "No webhook endpoint here.")
    if not authenticated(endpoint, header):
        return Answer(401, "Basic credentials are missing or wrong.")
    body = read_json(length, stream)
    if isinstance(body, Answer):
        return body
    try:
        event = platform_of(connection).webhook_event(body.value)
    except ValueError as exc:
        return Answer(400, str(exc))
    return record(connection, endpoint, event)


def record(connection: Connection, endpoint: WebhookEndpoint, event) -> Answer:
    now = timezone.now()
    try:
        with transaction.atomic():
            delivery = WebhookDelivery.objects.create(
                connection=connection,
                event_id=event.event_id,
                event=event.name,
                target_ids=list(event.target_ids),
                test=event.test,
            )
            if event.test:
                WebhookEndpoint.objects.filter(pk=endpoint.pk).update(last_test_at=now)
                return Answer(202, "Test event received.")
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(last_event_at=now)
            if not connection.is_active or not platform_of(connection).discovers:
                return Answer(202, "Received; the connection does not subscribe, so nothing is pulled.")
            pull = Pull.objects.create(connection=connection, trigger="webhook", scope=list(event.target_ids))
            delivery.pull = pull
            delivery.save(update_fields=["pull"])
    except IntegrityError:
        return Answer(200, "Already received: nothing to do.")
    try:
        enqueue(pull)
    except SubscribeRefused:
        # let the target deliver it again later
        WebhookDelivery.objects.filter(pk=delivery.pk).delete()
        Pull.objects.filter(pk=pull.pk, status=PullStatus.FAILED).delete()
        return Answer(503, "The job queue is unavailable: deliver again later.")
    return Answer(202, "Received: the asset is pulled into the subscribe diff.")
