from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from catalog.choices import (
    LIFECYCLE_PAIRS,
    BusinessCriticality,
    Environment,
    HostingType,
    LifecycleStage,
    LifecycleStatus,
    OperationalStatus,
    PublishAs,
    is_valid_lifecycle_pair,
)

from .base import NamespacedModel, validate_single_line

app_id_validator = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9]*-[0-9]+$", "Use a prefix, a dash and a number, e.g. APP-0042."
)


class BusinessApplication(NamespacedModel):
    """A business application of the portfolio (CSDM: business application), with its CSDM lifecycle."""

    app_id = models.CharField("application id", max_length=30, validators=[app_id_validator])
    name = models.CharField(max_length=200, validators=[validate_single_line])
    short_description = models.CharField(max_length=250, blank=True, validators=[validate_single_line])
    description = models.TextField(blank=True)
    operational_status = models.CharField(
        max_length=20, choices=OperationalStatus.choices, default=OperationalStatus.OPERATIONAL
    )
    lifecycle_stage = models.CharField(
        max_length=20, choices=LifecycleStage.choices, default=LifecycleStage.OPERATIONAL
    )
    lifecycle_status = models.CharField(
        max_length=30, choices=LifecycleStatus.choices, default=LifecycleStatus.IN_USE
    )
    business_criticality = models.CharField(
        max_length=2, choices=BusinessCriticality.choices, default=BusinessCriticality.LESS_CRITICAL
    )
    owner = models.ForeignKey(
        "catalog.Contact", null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_applications"
    )
    manager = models.ForeignKey(
        "catalog.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_applications",
    )
    vendor = models.ForeignKey(
        "catalog.Supplier", null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["namespace", "app_id"], name="businessapp_unique_app_id"),
            models.UniqueConstraint(fields=["namespace", "name"], name="businessapp_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        stage, status = self.lifecycle_stage, self.lifecycle_status
        if stage in LIFECYCLE_PAIRS and status and not is_valid_lifecycle_pair(stage, status):
            allowed = ", ".join(LIFECYCLE_PAIRS[stage])
            message = f"“{status}” is not a status of stage “{stage}”; choose one of: {allowed}."
            raise ValidationError({"lifecycle_status": message}, code="lifecycle_pair")

    @property
    def infrastructure_items(self) -> models.QuerySet:
        """The infrastructure any of its deployments runs on."""
        from .infrastructure import InfrastructureItem

        return InfrastructureItem.objects.filter(deployments__application=self).distinct()


class DeploymentProfile(NamespacedModel):
    """One deployment context of an application (environment + hosting); published as a service instance,
    a technical service or a service offering depending on its sync scope."""

    application = models.ForeignKey(BusinessApplication, on_delete=models.CASCADE, related_name="deployments")
    name = models.CharField(max_length=200, validators=[validate_single_line])
    environment = models.CharField(max_length=20, choices=Environment.choices, default=Environment.PRODUCTION)
    hosting_type = models.CharField(max_length=20, choices=HostingType.choices, default=HostingType.CLOUD)
    cloud_provider = models.CharField(max_length=100, blank=True, validators=[validate_single_line])
    region = models.CharField(max_length=100, blank=True, validators=[validate_single_line])
    operational_status = models.CharField(
        max_length=20, choices=OperationalStatus.choices, default=OperationalStatus.OPERATIONAL
    )
    version = models.CharField(max_length=100, blank=True, validators=[validate_single_line])
    publish_as = models.CharField(
        max_length=30,
        choices=PublishAs.choices,
        default=PublishAs.APPLICATION_SERVICE,
        help_text="What this deployment becomes in the targets; “Not published” keeps it out.",
    )
    it_services = models.ManyToManyField("catalog.ITService", blank=True, related_name="deployments")
    software_products = models.ManyToManyField(
        "catalog.SoftwareProduct", blank=True, related_name="deployments"
    )

    class Meta:
        ordering = ["application__name", "name"]
        constraints = [models.UniqueConstraint(fields=["application", "name"], name="deployment_unique_name")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.application_id and self.namespace_id and self.application.namespace_id != self.namespace_id:
            raise ValidationError("A deployment belongs to its application's namespace.")
