import uuid

from django.core.exceptions import ValidationError
from django.db import models


def validate_single_line(value: str) -> None:
    """Names travel into Excel list cells and XML payloads, where line breaks and control characters break
    round trips, so they are refused at the source."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValidationError("Must be a single line without control characters.", code="single_line")


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class NamespacedModel(TimestampedModel):
    """A portfolio record: owned by exactly one namespace, identified by a UUID.

    The UUID is the record's correlation id in every target, so it never changes once created.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    namespace = models.ForeignKey("catalog.Namespace", on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True
