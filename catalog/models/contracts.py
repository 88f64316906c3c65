from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

from catalog.choices import ContractKind

from .base import NamespacedModel, validate_single_line


class ProductContract(NamespacedModel):
    """A vendor contract (or an internal chargeback agreement) covering software products and applications.

    Internal chargeback contracts are internal accounting and must never be published to a target.
    """

    name = models.CharField(max_length=200, validators=[validate_single_line])
    number = models.CharField(max_length=100, blank=True, validators=[validate_single_line])
    supplier = models.ForeignKey(
        "catalog.Supplier", null=True, blank=True, on_delete=models.SET_NULL, related_name="contracts"
    )
    kind = models.CharField(max_length=20, choices=ContractKind.choices, default=ContractKind.VENDOR)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    annual_cost = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal(0))]
    )
    currency = models.CharField(
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Use an ISO 4217 code, e.g. EUR.")],
    )
    software_products = models.ManyToManyField(
        "catalog.SoftwareProduct", blank=True, related_name="contracts"
    )
    applications = models.ManyToManyField("catalog.BusinessApplication", blank=True, related_name="contracts")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["namespace", "name"], name="contract_unique_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_publishable(self) -> bool:
        return self.kind != ContractKind.INTERNAL_CHARGEBACK

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date cannot be before the start date."
        if self.annual_cost is not None and not self.currency:
            errors["currency"] = "Give the currency of the annual cost."
        if errors:
            raise ValidationError(errors)
