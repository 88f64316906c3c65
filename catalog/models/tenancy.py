from django.conf import settings
from django.db import models

from catalog.choices import Role

from .base import TimestampedModel, validate_single_line


class Namespace(TimestampedModel):
    """An organisation or tenant: the boundary of who sees which portfolio records."""

    name = models.CharField(max_length=200, unique=True, validators=[validate_single_line])
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(TimestampedModel):
    """A user's role in one namespace: viewers read, editors change the portfolio, admins also manage
    connections and members."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    namespace = models.ForeignKey(Namespace, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.VIEWER)

    class Meta:
        ordering = ["namespace__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "namespace"], name="membership_unique_user_ns")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.namespace} ({self.get_role_display()})"
