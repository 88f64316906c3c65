"""A namespace's own matching aliases: "what the portfolio calls X, the target calls Y". Typed by an admin
or learned from a confirmed match the scorer had not pre-selected; an admin can undo (delete) one.
Imported by `sync.models`."""

from django.conf import settings
from django.db import models


class MatchAlias(models.Model):
    class Kind(models.TextChoices):  # the wizard's matching steps (sync.models.RecordKind values)
        IT_SERVICE = "it_service", "IT services"
        SOFTWARE_PRODUCT = "software_product", "Software products"

    namespace = models.ForeignKey("catalog.Namespace", on_delete=models.CASCADE, related_name="match_aliases")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    phrase = models.CharField(max_length=200)  # the portfolio's name, without tier or version
    means = models.CharField(max_length=200)  # the target's name for it
    learned = models.BooleanField(default=False)  # from a confirmed match, not typed
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "phrase"]
        constraints = [
            models.UniqueConstraint(fields=["namespace", "kind", "phrase"], name="matchalias_unique_phrase")
        ]

    def __str__(self) -> str:
        return f"{self.phrase} = {self.means}"
