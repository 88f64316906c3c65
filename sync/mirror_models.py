"""Subscribe from a target that pulls records back (`Platform.pulls_records`): the local mirror of what
the target holds, kept current incrementally, and each connection's subscribe state (the watermark, the
authority per field, whether target-owned changes are taken automatically). Imported by `sync.models`."""

from django.db import models


class PulledRecord(models.Model):
    """One target record as last pulled: a business record (`kind` application, deployment, it_service)
    or an infrastructure CI (`kind` infrastructure_item). `deleted` marks one the target deleted or a
    full pull no longer found; such rows are flagged, never applied automatically."""

    connection = models.ForeignKey(
        "integrations.Connection", on_delete=models.CASCADE, related_name="pulled_records"
    )
    kind = models.CharField(max_length=20)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    name = models.CharField(max_length=200)
    values = models.JSONField(default=dict, blank=True)
    parents = models.JSONField(default=list, blank=True)  # target ids it hangs under / is linked to
    updated_on = models.CharField(max_length=19, blank=True)  # the target's own time, UTC
    retired = models.BooleanField(default=False)
    deleted = models.BooleanField(default=False)
    pulled_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "target_type", "target_id"], name="pulledrecord_unique_target"
            )
        ]
        indexes = [models.Index(fields=["connection", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.target_type}/{self.target_id} {self.name}"


class SubscribeState(models.Model):
    """A connection's subscribe memory and settings. `authority` maps "kind" or "kind.field" to
    "portfolio" or "target" (the finer key wins; `sync.authority` holds the defaults)."""

    connection = models.OneToOneField(
        "integrations.Connection", on_delete=models.CASCADE, related_name="subscribe_state"
    )
    watermark = models.CharField(max_length=19, blank=True)  # the highest `updated_on` pulled
    full_pulled_at = models.DateTimeField(null=True, blank=True)
    authority = models.JSONField(default=dict, blank=True)
    apply_owned = models.BooleanField(
        "apply target-owned changes automatically",
        default=False,
        help_text="A scheduled pull takes the changes of fields the target owns without asking.",
    )

    def __str__(self) -> str:
        return f"Subscribe state of {self.connection}"
