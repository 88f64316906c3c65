from django.db import models
from django.db.models import Q

from catalog.choices import InfrastructureType

from .base import NamespacedModel, validate_single_line

MANUAL_SOURCE = "manual"
IMPORT_SOURCE = "import"


# What describes an item (its name first): the form edits these, a pull compares them.
DESCRIPTION_FIELDS = (
    "name",
    "item_type",
    "manufacturer",
    "model",
    "serial_number",
    "operating_system",
    "os_version",
    "os_license",
    "location",
    "service_end_date",
)


class InfrastructureItem(NamespacedModel):
    """A server, machine or device that deployments run on, entered by hand, imported from a file or
    pulled from a platform's asset inventory.

    The name is its natural key within a namespace (what imports upsert by). `source` and `source_id` say
    where it came from ("HaloITSM: <connection>" and that system's asset id), so a later pull from the
    same source updates it instead of adding a twin; that pair is unique once the id is known.
    """

    name = models.CharField(max_length=200, validators=[validate_single_line])
    item_type = models.CharField(
        "type", max_length=20, choices=InfrastructureType.choices, default=InfrastructureType.SERVER
    )
    manufacturer = models.CharField(max_length=200, blank=True, validators=[validate_single_line])
    model = models.CharField(max_length=200, blank=True, validators=[validate_single_line])
    serial_number = models.CharField(max_length=100, blank=True, validators=[validate_single_line])
    operating_system = models.CharField(max_length=200, blank=True, validators=[validate_single_line])
    os_version = models.CharField("OS version", max_length=100, blank=True, validators=[validate_single_line])
    os_license = models.CharField(
        "OS licence / product id", max_length=200, blank=True, validators=[validate_single_line]
    )
    location = models.CharField(max_length=200, blank=True, validators=[validate_single_line])
    service_end_date = models.DateField(null=True, blank=True)
    deployments = models.ManyToManyField(
        "catalog.DeploymentProfile",
        blank=True,
        related_name="infrastructure_items",
        verbose_name="runs deployments",
    )
    source = models.CharField(
        max_length=200,
        default=MANUAL_SOURCE,
        validators=[validate_single_line],
        help_text="Where the record came from: manual, import, or a platform and connection.",
    )
    source_id = models.CharField(
        "id in the source",
        max_length=100,
        blank=True,
        validators=[validate_single_line],
        help_text="The record's id in its source system, if it has one.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "infrastructure item"
        constraints = [
            models.UniqueConstraint(fields=["namespace", "name"], name="infrastructure_unique_name"),
            models.UniqueConstraint(
                fields=["namespace", "source", "source_id"],
                condition=~Q(source_id=""),
                name="infrastructure_unique_source_id",
                violation_error_message="Another infrastructure item already has this id in this source.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def operating_system_display(self) -> str:
        return " ".join(part for part in (self.operating_system, self.os_version) if part)
