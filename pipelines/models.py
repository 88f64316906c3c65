"""Pipeline tokens, the change requests pipelines made through the product, their timeline and the audit
of every ServiceNow call made for them."""

import uuid

from django.conf import settings
from django.db import models


class Scope(models.TextChoices):
    CHANGES = "changes", "Changes it created"
    CHANGES_READ_ALL = "changes_read_all", "Changes it created; reads every change of the namespace"
    ALERTS = "alerts", "Monitoring alerts (POST /api/alerts)"


class PipelineToken(models.Model):
    """A pipeline's credential: only the SHA-256 of its secret is stored; the secret is shown once."""

    namespace = models.ForeignKey("catalog.Namespace", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16)  # shown in lists to tell tokens apart
    key_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.CHANGES)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["namespace__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["namespace", "name"], name="pipelinetoken_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ChangeRequest(models.Model):
    """A change request made through the product, with the last state a poll saw."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    namespace = models.ForeignKey("catalog.Namespace", on_delete=models.CASCADE, related_name="+")
    connection = models.ForeignKey(
        "integrations.Connection", on_delete=models.CASCADE, related_name="change_requests"
    )
    token = models.ForeignKey(
        PipelineToken, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    deployment = models.ForeignKey(
        "catalog.DeploymentProfile", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    application = models.CharField(max_length=30, blank=True)  # the app id, kept if the record goes
    environment = models.CharField(max_length=20, blank=True)
    sys_id = models.CharField(max_length=64)
    number = models.CharField(max_length=40)
    type = models.CharField(max_length=20)
    state = models.CharField(max_length=10, blank=True)
    state_label = models.CharField(max_length=40, blank=True)
    approval = models.CharField(max_length=20, blank=True)
    cmdb_ci = models.CharField(max_length=64, blank=True)
    url = models.URLField(max_length=500, blank=True)
    verdict = models.CharField(max_length=10, default="wait")
    last_polled_at = models.DateTimeField(null=True, blank=True)
    poll_failures = models.PositiveIntegerField(default=0)
    poll_error = models.TextField(blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["connection", "number"], name="changerequest_unique_number")
        ]
        indexes = [models.Index(fields=["namespace", "number"]), models.Index(fields=["deployment"])]

    def __str__(self) -> str:
        return self.number


class EventKind(models.TextChoices):
    CREATED = "created", "Created"
    APPROVAL_REQUESTED = "approval_requested", "Approval requested"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    STATE = "state", "State changed"
    IMPLEMENT = "implement", "Implement"
    WORK_NOTE = "work_note", "Work note"
    ATTACHMENT = "attachment", "Attachment"
    CLOSED = "closed", "Closed"
    CANCELED = "canceled", "Canceled"
    POLL_ERROR = "poll_error", "Poll error"


class ChangeEvent(models.Model):
    """One line of a change's timeline (and of the record of API calls made for it)."""

    change = models.ForeignKey(ChangeRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    message = models.TextField(blank=True)
    token_name = models.CharField(max_length=100, blank=True)
    # an attachment's details, for the change page
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.change} {self.kind}"


class ChangeCall(models.Model):
    """One ServiceNow call attempt made for a change, bodies redacted, as publish runs audit theirs."""

    change = models.ForeignKey(
        ChangeRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="calls"
    )
    namespace = models.ForeignKey("catalog.Namespace", on_delete=models.CASCADE, related_name="+")
    token_name = models.CharField(max_length=100, blank=True)
    at = models.DateTimeField(auto_now_add=True)
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

    def __str__(self) -> str:
        return f"{self.method} {self.path} → {self.status}"


class PipelineRequest(models.Model):
    """One call a pipeline made to the product's API (the token by name, never its secret)."""

    namespace = models.ForeignKey("catalog.Namespace", on_delete=models.CASCADE, related_name="+")
    token = models.ForeignKey(PipelineToken, null=True, on_delete=models.SET_NULL, related_name="requests")
    token_name = models.CharField(max_length=100)
    at = models.DateTimeField(auto_now_add=True)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=300)
    status = models.PositiveSmallIntegerField()
    change_number = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.token_name}: {self.method} {self.path} → {self.status}"
