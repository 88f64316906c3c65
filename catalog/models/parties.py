from django.db import models

from .base import NamespacedModel, validate_single_line


class Supplier(NamespacedModel):
    """A vendor that builds, sells or hosts software the organisation uses."""

    name = models.CharField(max_length=200, validators=[validate_single_line])
    website = models.URLField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["namespace", "name"], name="supplier_unique_name")]

    def __str__(self) -> str:
        return self.name


class Contact(NamespacedModel):
    """A person who owns or manages applications and services; identified by e-mail address."""

    name = models.CharField(max_length=200, validators=[validate_single_line])
    email = models.EmailField()
    title = models.CharField(max_length=200, blank=True, validators=[validate_single_line])
    phone = models.CharField(max_length=50, blank=True, validators=[validate_single_line])

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["namespace", "email"], name="contact_unique_email")]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
