from django.db import models

from catalog.choices import ServiceScope

from .base import NamespacedModel, validate_single_line


class ITService(NamespacedModel):
    """An IT service deployments depend on: shared (offered to many applications, published as a technical
    service offering) or local (private to a few, published as a technical service)."""

    name = models.CharField(max_length=200, validators=[validate_single_line])
    description = models.TextField(blank=True)
    scope = models.CharField(max_length=10, choices=ServiceScope.choices, default=ServiceScope.SHARED)
    owner = models.ForeignKey(
        "catalog.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_services"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "IT service"
        constraints = [models.UniqueConstraint(fields=["namespace", "name"], name="itservice_unique_name")]

    def __str__(self) -> str:
        return self.name


class SoftwareProduct(NamespacedModel):
    """A versioned software product deployments run on; becomes a software model in a target, matched only
    to the same version."""

    name = models.CharField(max_length=200, validators=[validate_single_line])
    manufacturer = models.CharField(max_length=200, blank=True, validators=[validate_single_line])
    version = models.CharField(max_length=100, blank=True, validators=[validate_single_line])

    class Meta:
        ordering = ["name", "version"]
        constraints = [
            models.UniqueConstraint(fields=["namespace", "name", "version"], name="softwareproduct_unique_nv")
        ]

    def __str__(self) -> str:
        if not self.version or self.version in self.name:
            return self.name
        return f"{self.name} {self.version}"
