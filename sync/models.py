"""The sync map (what is what in each target), the target records pulled for matching, and the
matching choices admins confirm in the wizard."""

import uuid

from django.conf import settings
from django.db import models


class RecordKind(models.TextChoices):
    IT_SERVICE = "it_service", "IT service"
    SOFTWARE_PRODUCT = "software_product", "Software product"
    APPLICATION = "application", "Business application"
    DEPLOYMENT = "deployment", "Deployment profile"
    CONTRACT = "contract", "Vendor contract"
    # kinds a platform may publish besides the ones above; the last three are records a mapping derives
    # from a portfolio record (an item's operating system and service contract, a product's software)
    INFRASTRUCTURE_ITEM = "infrastructure_item", "Infrastructure item"
    SUPPLIER = "supplier", "Supplier"
    OPERATING_SYSTEM = "operating_system", "Operating system of an infrastructure item"
    SERVICE_CONTRACT = "service_contract", "Service contract of an infrastructure item"
    SOFTWARE = "software", "Software (the products of one name)"


class Direction(models.TextChoices):
    MATCHED = "matched", "Matched to an existing record"
    PUBLISHED = "published", "Published by Portfolio Bridge"
    ADOPTED = "adopted", "Adopted: an existing record kept up to date (never deleted)"
    TAKEN = "taken", "Taken from the target (subscribe): never written to it"


class SyncMapEntry(models.Model):
    """The memory of the last agreement with a target: which record a portfolio record is there, the
    values last written (or taken) and the target's version then, so every comparison is three-way."""

    connection = models.ForeignKey(
        "integrations.Connection", on_delete=models.CASCADE, related_name="sync_map"
    )
    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    record_id = models.UUIDField()
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    last_synced_at = models.DateTimeField(null=True, blank=True)
    last_hash = models.CharField(max_length=64, blank=True)
    last_values = models.JSONField(default=dict, blank=True)  # field → value last agreed with the target
    last_references = models.JSONField(default=dict, blank=True)  # field → "kind:key" its value was found by
    kept = models.JSONField(default=dict, blank=True)  # field → the target's value a publish chose to keep
    # the version the target should show if only Portfolio Bridge wrote the record (rollback checks it)
    target_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sync map entry"
        verbose_name_plural = "sync map"
        constraints = [
            models.UniqueConstraint(fields=["connection", "kind", "record_id"], name="syncmap_unique_record"),
            # A blank target id marks a create whose answer is not known yet (written before the call).
            models.UniqueConstraint(
                fields=["connection", "target_type", "target_id"],
                condition=~models.Q(target_id=""),
                name="syncmap_unique_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id} → {self.target_type}/{self.target_id}"


class TargetRecord(models.Model):
    """A record pulled from the target for matching (technical service offerings, software models)."""

    connection = models.ForeignKey(
        "integrations.Connection", on_delete=models.CASCADE, related_name="target_records"
    )
    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    name = models.CharField(max_length=300)
    version = models.CharField(max_length=100, blank=True)
    manufacturer = models.CharField(max_length=200, blank=True)
    details = models.JSONField(default=list, blank=True)  # [label, value] pairs shown to tell records apart
    retired = models.BooleanField(default=False)  # the target's status says it is no longer used
    first_seen_at = models.DateTimeField()
    pulled_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["connection", "kind", "target_id"], name="targetrecord_unique")
        ]
        indexes = [models.Index(fields=["connection", "kind", "name"])]

    def __str__(self) -> str:
        return self.name


class MatchChoice(models.Model):
    """An admin's confirmed decision for one portfolio record: match an existing target record, create a
    new one, or leave the record out."""

    class Decision(models.TextChoices):
        MATCH = "match", "Match existing"
        CREATE = "create", "Create new"
        SKIP = "skip", "Skip"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    connection = models.ForeignKey(
        "integrations.Connection", on_delete=models.CASCADE, related_name="match_choices"
    )
    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    record_id = models.UUIDField()
    decision = models.CharField(max_length=10, choices=Decision.choices)
    target_id = models.CharField(max_length=64, blank=True)
    target_name = models.CharField(max_length=300, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["connection", "kind", "record_id"], name="matchchoice_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id}: {self.decision} {self.target_name}".strip()


class WizardVisit(models.Model):
    """When an admin last confirmed a matching step, to flag what is new on either side since."""

    connection = models.ForeignKey("integrations.Connection", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    visited_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["connection", "kind"], name="wizardvisit_unique")]

    def __str__(self) -> str:
        return f"{self.kind} visited {self.visited_at:%Y-%m-%d %H:%M}"


class RunKind(models.TextChoices):
    PREVIEW = "preview", "Preview"
    PUBLISH = "publish", "Publish"
    ROLLBACK = "rollback", "Rollback"
    SETUP = "setup", "Setup"  # a platform's setup step (e.g. creating the types records are published as)


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    PARTIAL = "partial", "Partly succeeded"
    FAILED = "failed", "Failed"
    CANCELED = "canceled", "Cancelled"  # the stored value keeps its old spelling
    INTERRUPTED = "interrupted", "Interrupted (worker stopped)"
    ROLLED_BACK = "rolled_back", "Rolled back"


ACTIVE = (RunStatus.QUEUED.value, RunStatus.RUNNING.value)
WRITING = (RunKind.PUBLISH.value, RunKind.ROLLBACK.value)
RESUMABLE = (RunStatus.INTERRUPTED, RunStatus.CANCELED, RunStatus.FAILED)


class Run(models.Model):
    """One preview, publish or rollback of a connection, with its counts and per-step progress."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    connection = models.ForeignKey("integrations.Connection", on_delete=models.CASCADE, related_name="runs")
    kind = models.CharField(max_length=10, choices=RunKind.choices)
    status = models.CharField(max_length=12, choices=RunStatus.choices, default=RunStatus.QUEUED)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True)  # outcome → number of records
    progress = models.JSONField(default=dict, blank=True)  # step → {"done": n, "total": n}
    stats = models.JSONField(default=dict, blank=True)  # calls, retries, rate-limit waits, errors
    message = models.TextField(blank=True)
    trigger = models.CharField(max_length=10, default="manual")  # manual, command, daily, on_change
    rollback_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="rollbacks"
    )
    worker = models.CharField(max_length=200, blank=True)  # host:pid of the process executing it
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    cancel_requested = models.BooleanField(default=False)
    plan_hash = models.CharField(max_length=64, blank=True)  # of the plan it previewed or published
    without_preview = models.BooleanField(default=False)  # a publish explicitly started without one

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # The publish lock: one queued or running publish or rollback per connection.
            models.UniqueConstraint(
                fields=["connection"],
                condition=models.Q(status__in=ACTIVE, kind__in=WRITING),
                name="run_one_writer_per_connection",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.connection} ({self.get_status_display()})"


class Outcome(models.TextChoices):
    CREATE = "create", "Create"
    UPDATE = "update", "Update"
    CHANGED_IN_TARGET = "changed_in_target", "Changed in target"
    UNCHANGED = "unchanged", "Unchanged"
    ADOPT = "adopt", "Adopt"
    CONFLICT = "conflict", "Conflict"
    POSSIBLE_DUPLICATE = "possible_duplicate", "Possible duplicate"
    ERROR = "error", "Error"
    NOT_PUBLISHED = "not_published", "Not published"
    SKIPPED = "skipped", "Skipped"
    DELETED = "deleted", "Deleted"
    RESTORED = "restored", "Restored"


class RunItem(models.Model):
    """What a run found (preview) or did (publish) for one record or relationship."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="items")
    step = models.CharField(max_length=30)
    kind = models.CharField(max_length=20)
    record_id = models.CharField(max_length=80)
    name = models.CharField(max_length=400)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_version = models.CharField(max_length=40, blank=True)  # after a publish's write
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    # field → {"state", "portfolio", "last", "target"} (see sync.diff)
    diff = models.JSONField(default=dict, blank=True)
    previous = models.JSONField(default=dict, blank=True)  # values a publish overwrote (rollback)
    message = models.TextField(blank=True)
    decision = models.CharField(max_length=12, blank=True)  # see sync.decisions.Decision
    field_decisions = models.JSONField(default=dict, blank=True)  # field → keep, overwrite or take
    # the target's own identification rules name the record: it can be adopted, never created anew
    identified = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["run", "outcome"]), models.Index(fields=["run", "step"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.get_outcome_display()}"


class AuditState(models.TextChoices):
    SENT = "sent", "Sent — no answer recorded"
    ANSWERED = "answered", "Answered"


class AuditEntry(models.Model):
    """One API call (one attempt) a run made, with secrets already redacted. Written before the request
    goes out (state "sent") and completed with its answer, so a killed worker leaves its last call on
    record."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="audit")
    at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=AuditState.choices, default=AuditState.ANSWERED)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=300)
    status = models.PositiveSmallIntegerField()
    duration_ms = models.PositiveIntegerField()
    attempt = models.PositiveSmallIntegerField(default=1)
    request_body = models.TextField(blank=True)
    response_body = models.TextField(blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["run", "status"])]

    def __str__(self) -> str:
        return f"{self.method} {self.path} → {self.status}"


from sync.alias_models import MatchAlias  # noqa: E402, F401  (the namespace's matching aliases)
from sync.mirror_models import PulledRecord, SubscribeState  # noqa: E402, F401
from sync.subscription_models import (  # noqa: E402, F401  (subscribe's models live in their own module)
    ChangeKind,
    Pull,
    PullChange,
    PullStatus,
    WebhookDelivery,
    WebhookEndpoint,
)
