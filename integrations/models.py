"""Connections to target instances (ServiceNow now; HaloITSM and GLPI later, without a model change)."""

import ipaddress
import uuid
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.db import models

from integrations.crypto import EncryptedTextField


class Platform(models.TextChoices):
    SERVICENOW = "servicenow", "ServiceNow"
    HALOITSM = "haloitsm", "HaloITSM"
    GLPI = "glpi", "GLPI"


class AuthMethod(models.TextChoices):
    OAUTH_PASSWORD = "oauth_password", "OAuth (password grant)"
    OAUTH_CLIENT_CREDENTIALS = "oauth_client_credentials", "OAuth (client credentials)"
    BASIC = "basic", "Basic (user name and password)"


class SyncDirection(models.TextChoices):
    PUBLISH = "publish", "Publish"
    SUBSCRIBE = "subscribe", "Subscribe"
    BOTH = "both", "Both"


class Schedule(models.TextChoices):
    MANUAL = "manual", "Manual"
    DAILY = "daily", "Daily"
    ON_CHANGE = "on_change", "On change"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_instance_url(value: str) -> None:
    """Credentials only travel over HTTPS; plain HTTP is accepted for the local sandbox only."""
    parsed = urlparse(value)
    if parsed.scheme not in ("https", "http") or not parsed.hostname:
        raise ValidationError("Enter the instance's address, e.g. https://acme.service-now.com")
    if parsed.scheme == "http" and not is_loopback(parsed.hostname):
        raise ValidationError("Use https:// (plain http is only allowed for a sandbox on this machine).")
    if parsed.path not in ("", "/") or parsed.query or parsed.fragment:
        raise ValidationError("Give only the instance's address, without a path.")


class Connection(models.Model):
    """A namespace's link to one target instance: where it is, how to authenticate (secrets encrypted at
    rest) and how to synchronise. Platform-specific settings live in `options`, checked by the platform."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    namespace = models.ForeignKey("catalog.Namespace", on_delete=models.CASCADE, related_name="connections")
    name = models.SlugField(
        max_length=60, help_text="Short name used on the command line, e.g. servicenow-prod."
    )
    platform = models.CharField(max_length=20, choices=Platform.choices, default=Platform.SERVICENOW)
    instance_url = models.CharField(max_length=300, validators=[validate_instance_url])
    auth_method = models.CharField(
        max_length=30, choices=AuthMethod.choices, default=AuthMethod.OAUTH_CLIENT_CREDENTIALS
    )
    client_id = EncryptedTextField(blank=True)
    client_secret = EncryptedTextField(blank=True)
    username = EncryptedTextField(blank=True)
    password = EncryptedTextField(blank=True)
    refresh_token = EncryptedTextField(blank=True)
    ca_bundle = models.CharField(
        "CA bundle",
        max_length=500,
        blank=True,
        help_text="Path of a CA file to trust (e.g. the sandbox's ca.pem).",
    )
    sync_direction = models.CharField(
        max_length=10, choices=SyncDirection.choices, default=SyncDirection.PUBLISH
    )
    schedule = models.CharField(max_length=10, choices=Schedule.choices, default=Schedule.MANUAL)
    is_active = models.BooleanField("active", default=True)
    last_sync_at = models.DateTimeField(null=True, blank=True)
    last_tested_at = models.DateTimeField(
        null=True, blank=True, help_text="When “Test connection” last passed every check."
    )
    options = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["namespace__name", "name"]
        constraints = [models.UniqueConstraint(fields=["namespace", "name"], name="connection_unique_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_platform_display()})"

    @property
    def base_url(self) -> str:
        return self.instance_url.rstrip("/")

    def clean(self) -> None:
        super().clean()
        required = {
            AuthMethod.OAUTH_PASSWORD: ("client_id", "client_secret", "username", "password"),
            AuthMethod.OAUTH_CLIENT_CREDENTIALS: ("client_id", "client_secret"),
            AuthMethod.BASIC: ("username", "password"),
        }[AuthMethod(self.auth_method)]
        missing = {
            name: "Required for this authentication method." for name in required if not getattr(self, name)
        }
        if missing:
            raise ValidationError(missing)
