"""Ticket sync pairs: one GLPI connection joined with one ServiceNow connection of the same namespace,
the mapping between their tickets, and what the sync engine records (links with the last-synced values
of each side, conflicts for a person, a log)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from integrations.models import Connection, Platform
from tickets.mapping import ConflictPolicy, MappingError, TicketMapping, parse


class RunStatus(models.TextChoices):
    NEVER = "never", "Never run"
    OK = "ok", "Succeeded"
    PARTIAL = "partial", "Some tickets failed"
    FAILED = "failed", "Failed"


class TicketPair(models.Model):
    """What to sync between which two instances. The conflict policy is the mapping's (copied on clean so
    lists and the engine need not parse YAML); watermarks are each side's last change time read, kept
    per side because the two clocks are different machines'."""

    namespace = models.ForeignKey("catalog.Namespace", on_delete=models.CASCADE, related_name="ticket_pairs")
    name = models.SlugField(max_length=60, help_text="Short name used on the command line, e.g. helpdesk.")
    glpi = models.ForeignKey(
        Connection, on_delete=models.CASCADE, related_name="glpi_ticket_pairs", verbose_name="GLPI connection"
    )
    servicenow = models.ForeignKey(
        Connection,
        on_delete=models.CASCADE,
        related_name="servicenow_ticket_pairs",
        verbose_name="ServiceNow connection",
    )
    mapping = models.TextField(help_text="YAML: fields, value maps, defaults, scope and conflict policy.")
    conflict_policy = models.CharField(
        max_length=20,
        choices=[(p.value, p.value.replace("_", " ")) for p in ConflictPolicy],
        default=ConflictPolicy.NEWER_WINS,
        editable=False,
    )
    enabled = models.BooleanField(default=True)
    sync_interval = models.PositiveSmallIntegerField(
        "sync every (minutes)",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(1440)],
        help_text="How often the schedule syncs the pair (webhooks sync a ticket at once in between).",
    )
    hook_secret_digest = models.CharField(max_length=64, blank=True, editable=False)
    glpi_watermark = models.DateTimeField(null=True, blank=True, editable=False)
    servicenow_watermark = models.DateTimeField(null=True, blank=True, editable=False)
    last_run_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_run_status = models.CharField(
        max_length=10, choices=RunStatus.choices, default=RunStatus.NEVER, editable=False
    )
    last_run_counts = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["namespace__name", "name"]
        constraints = [models.UniqueConstraint(fields=["namespace", "name"], name="ticketpair_unique_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, str] = {}
        for field, platform in (("glpi", Platform.GLPI), ("servicenow", Platform.SERVICENOW)):
            connection = getattr(self, field, None) if getattr(self, f"{field}_id", None) else None
            if connection is None:
                continue
            if connection.platform != platform:
                errors[field] = f"Choose a {platform.label} connection; “{connection.name}” is not one."
            elif self.namespace_id and connection.namespace_id != self.namespace_id:
                errors[field] = f"“{connection.name}” belongs to another namespace."
        try:
            self.conflict_policy = parse(self.mapping).conflict_policy
        except MappingError as exc:
            errors["mapping"] = str(exc)
        if errors:
            raise ValidationError(errors)

    def parsed_mapping(self) -> TicketMapping:
        return parse(self.mapping)


class TicketLink(models.Model):
    """One GLPI ticket ↔ one ServiceNow incident, with the values each side had at the last sync: a side's
    change is a difference from these, and a value equal to what was written there is no change (no
    ping-pong)."""

    pair = models.ForeignKey(TicketPair, on_delete=models.CASCADE, related_name="links")
    glpi_id = models.PositiveIntegerField("GLPI ticket id")
    servicenow_sys_id = models.CharField("ServiceNow sys_id", max_length=32)
    servicenow_number = models.CharField("ServiceNow number", max_length=40, blank=True)
    glpi_values = models.JSONField(default=dict, blank=True)
    servicenow_values = models.JSONField(default=dict, blank=True)
    # Comment entries already mirrored (or written by the sync), by side: GLPI followup ids and ServiceNow
    # journal sys_ids, so each is copied exactly once.
    mirrored = models.JSONField(default=dict, blank=True)
    last_synced_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-last_synced_at", "glpi_id"]
        constraints = [
            models.UniqueConstraint(fields=["pair", "glpi_id"], name="ticketlink_unique_glpi"),
            models.UniqueConstraint(fields=["pair", "servicenow_sys_id"], name="ticketlink_unique_sn"),
        ]
        indexes = [models.Index(fields=["pair", "servicenow_number"])]

    def __str__(self) -> str:
        return f"GLPI #{self.glpi_id} ↔ {self.servicenow_number or self.servicenow_sys_id}"


class ConflictState(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"


class Resolution(models.TextChoices):
    NONE = "", "—"
    GLPI = "glpi", "GLPI's value kept"
    SERVICENOW = "servicenow", "ServiceNow's value kept"
    POLICY = "policy", "Decided by the pair's policy"


class TicketConflict(models.Model):
    """Both sides changed one field of a linked ticket since the last sync; at most one open per field."""

    pair = models.ForeignKey(TicketPair, on_delete=models.CASCADE, related_name="conflicts")
    link = models.ForeignKey(TicketLink, on_delete=models.CASCADE, related_name="conflicts")
    field = models.CharField(max_length=80, help_text="The GLPI field name of the mapping's entry.")
    glpi_value = models.JSONField(null=True, blank=True)
    servicenow_value = models.JSONField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=ConflictState.choices, default=ConflictState.OPEN)
    resolution = models.CharField(max_length=12, choices=Resolution.choices, default="", blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["link", "field"],
                condition=models.Q(state="open"),
                name="ticketconflict_one_open_per_field",
            )
        ]
        indexes = [models.Index(fields=["pair", "state"])]

    def __str__(self) -> str:
        return f"{self.link}: {self.field}"


class LogLevel(models.TextChoices):
    INFO = "info", "Info"
    WARNING = "warning", "Warning"
    ERROR = "error", "Error"


class TicketSyncLog(models.Model):
    pair = models.ForeignKey(TicketPair, on_delete=models.CASCADE, related_name="log")
    link = models.ForeignKey(TicketLink, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    level = models.CharField(max_length=10, choices=LogLevel.choices, default=LogLevel.INFO)
    message = models.TextField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.level}: {self.message[:60]}"


class AlertState(models.TextChoices):
    PROBLEM = "problem", "Problem"
    OK = "ok", "OK"


class Alert(models.Model):
    """A monitoring alert by its key: the ticket its first problem opened (on one side of the pair), so a
    repeat adds a followup to it and `ok` solves it. A problem after `ok` opens a new ticket."""

    pair = models.ForeignKey(TicketPair, on_delete=models.CASCADE, related_name="alerts")
    key = models.CharField(max_length=200)
    state = models.CharField(max_length=10, choices=AlertState.choices)
    severity = models.CharField(max_length=40)
    item = models.CharField(max_length=200)
    message = models.TextField(blank=True)
    side = models.CharField(max_length=10)  # glpi or servicenow
    ticket_id = models.CharField(max_length=64)  # the GLPI ticket id or the incident's sys_id
    problem_count = models.PositiveIntegerField(default=0)
    ok_count = models.PositiveIntegerField(default=0)
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_seen_at"]
        constraints = [models.UniqueConstraint(fields=["pair", "key"], name="alert_unique_key")]

    def __str__(self) -> str:
        return f"{self.key} ({self.state})"


class TicketHookDelivery(models.Model):
    """A webhook delivery already received (its delivery id or body digest), so a replay queues nothing."""

    pair = models.ForeignKey(TicketPair, on_delete=models.CASCADE, related_name="hook_deliveries")
    side = models.CharField(max_length=12)
    key = models.CharField(max_length=128)
    ticket = models.CharField(max_length=40)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pair", "side", "key"], name="tickethook_unique_key")]

    def __str__(self) -> str:
        return f"{self.side} {self.ticket} ({self.key})"
