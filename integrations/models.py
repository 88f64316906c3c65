"""Connections to target instances (ServiceNow now; HaloITSM and GLPI later, without a model change)."""

import ipaddress
import socket
import uuid
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from integrations.base.trust import InvalidCaBundle, certificates, summary
from integrations.crypto import EncryptedTextField

API_ENTRY = "/apirest.php"  # GLPI's REST API script


class Platform(models.TextChoices):
    SERVICENOW = "servicenow", "ServiceNow"
    HALOITSM = "haloitsm", "HaloITSM"
    GLPI = "glpi", "GLPI"


class AuthMethod(models.TextChoices):
    OAUTH_PASSWORD = "oauth_password", "OAuth (password grant)"
    OAUTH_CLIENT_CREDENTIALS = "oauth_client_credentials", "OAuth (client credentials)"
    BASIC = "basic", "Basic (user name and password)"
    USER_TOKEN = "user_token", "User token (GLPI)"


class SyncDirection(models.TextChoices):
    PUBLISH = "publish", "Publish"
    SUBSCRIBE = "subscribe", "Subscribe"
    BOTH = "both", "Both"


class Schedule(models.TextChoices):
    MANUAL = "manual", "Manual"
    DAILY = "daily", "Daily"
    ON_CHANGE = "on_change", "On change"


def is_local(host: str) -> bool:
    """This machine or its link (loopback, 0.0.0.0, link-local such as a cloud metadata service)."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        try:  # the shorthand IPv4 forms the resolver also accepts: 127.1, 2130706433, 0x7f.1
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified or address.is_link_local


def validate_instance_url(value: str) -> None:
    """The server sends credentials to this address: HTTPS to a remote host unless the settings
    CONNECTIONS_ALLOW_HTTP or CONNECTIONS_ALLOW_LOOPBACK (the demo sandbox) say otherwise."""
    try:
        parsed = urlparse(value)
        port_ok = parsed.port is None or parsed.port > 0
    except ValueError:
        port_ok = False
    if not port_ok or parsed.scheme not in ("https", "http") or not parsed.hostname:
        raise ValidationError("Enter the instance's address, e.g. https://acme.service-now.com")
    if parsed.username or parsed.password:
        raise ValidationError("Give the credentials in their own fields, not in the address.")
    if parsed.scheme == "http" and not settings.CONNECTIONS_ALLOW_HTTP:
        raise ValidationError("Use https:// (plain http is not allowed: CONNECTIONS_ALLOW_HTTP is off).")
    if is_local(parsed.hostname) and not settings.CONNECTIONS_ALLOW_LOOPBACK:
        raise ValidationError(
            "This address is this server itself or its local link, which connections may not reach "
            "(CONNECTIONS_ALLOW_LOOPBACK is off; it is meant for the local sandbox)."
        )
    if (parsed.path not in ("", "/") and not is_api_entry(parsed.path)) or parsed.query or parsed.fragment:
        raise ValidationError("Give only the instance's address, without a path.")


def is_api_entry(path: str) -> bool:
    """GLPI's API lives at a script under the instance (`/apirest.php`, or `/glpi/apirest.php` when GLPI
    is installed under a path): the only path an instance URL may have, and only for GLPI."""
    return path.endswith(API_ENTRY) and "//" not in path


def validate_ca_bundle(value: str) -> None:
    try:
        certificates(value)
    except InvalidCaBundle as exc:
        raise ValidationError(str(exc)) from None


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
    ca_bundle = models.TextField(
        "CA bundle",
        blank=True,
        validators=[validate_ca_bundle],
        help_text="PEM certificates of the CA that signed the instance's certificate (e.g. the sandbox's "
        "ca.pem), trusted instead of the system's CAs. Empty: the system's CAs.",
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

    @property
    def ca_summary(self) -> list[str]:
        return summary(self.ca_bundle)

    def clean(self) -> None:
        super().clean()
        required = {
            AuthMethod.OAUTH_PASSWORD: ("client_id", "client_secret", "username", "password"),
            AuthMethod.OAUTH_CLIENT_CREDENTIALS: ("client_id", "client_secret"),
            AuthMethod.BASIC: ("username", "password"),
            AuthMethod.USER_TOKEN: ("refresh_token",),
        }[AuthMethod(self.auth_method)]
        missing = {
            name: "Required for this authentication method." for name in required if not getattr(self, name)
        }
        if missing:
            raise ValidationError(missing)
        path = urlparse(self.instance_url).path
        if (self.platform == Platform.GLPI) != is_api_entry(path):
            raise ValidationError(
                {
                    "instance_url": "A GLPI connection's address is its API URL, ending in /apirest.php."
                    if self.platform == Platform.GLPI
                    else "Give only the instance's address, without a path."
                }
            )
        if self.auth_method == AuthMethod.USER_TOKEN and self.platform != Platform.GLPI:
            raise ValidationError({"auth_method": "Only GLPI connections sign in with a user token."})
