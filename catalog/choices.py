"""Choice lists of the portfolio, defined once.

Values are the portfolio's own vocabulary; translating them into a target's codes (ServiceNow's
`operational_status = "1"`, …) is the job of each platform's mapping, not of the catalog.
"""

from django.db import models


class Role(models.TextChoices):
    VIEWER = "viewer", "Viewer"
    EDITOR = "editor", "Editor"
    ADMIN = "admin", "Admin"


class OperationalStatus(models.TextChoices):
    OPERATIONAL = "operational", "Operational"
    NON_OPERATIONAL = "non_operational", "Non-operational"
    PIPELINE = "pipeline", "Pipeline"
    DR_STANDBY = "dr_standby", "DR standby"
    RETIRED = "retired", "Retired"


class LifecycleStage(models.TextChoices):
    IDEATION = "Ideation", "Ideation"
    DESIGN = "Design", "Design"
    OPERATIONAL = "Operational", "Operational"
    END_OF_LIFE = "End of Life", "End of Life"


class LifecycleStatus(models.TextChoices):
    UNDER_EVALUATION = "Under Evaluation", "Under Evaluation"
    PILOT = "Pilot", "Pilot"
    DESIGN = "Design", "Design"
    CHARTERED = "Chartered", "Chartered"
    BUILD = "Build", "Build"
    IN_USE = "In Use", "In Use"
    END_OF_SUPPORT = "End of Support", "End of Support"
    PENDING_RETIREMENT = "Pending Retirement", "Pending Retirement"
    RETIRED = "Retired", "Retired"
    OBSOLETE = "Obsolete", "Obsolete"


# CSDM's valid (life_cycle_stage, life_cycle_stage_status) pairs for business applications.
LIFECYCLE_PAIRS: dict[str, tuple[str, ...]] = {
    LifecycleStage.IDEATION: (LifecycleStatus.UNDER_EVALUATION, LifecycleStatus.PILOT),
    LifecycleStage.DESIGN: (LifecycleStatus.DESIGN, LifecycleStatus.CHARTERED, LifecycleStatus.BUILD),
    LifecycleStage.OPERATIONAL: (
        LifecycleStatus.IN_USE,
        LifecycleStatus.END_OF_SUPPORT,
        LifecycleStatus.PENDING_RETIREMENT,
    ),
    LifecycleStage.END_OF_LIFE: (LifecycleStatus.RETIRED, LifecycleStatus.OBSOLETE),
}


def is_valid_lifecycle_pair(stage: str, status: str) -> bool:
    return status in LIFECYCLE_PAIRS.get(stage, ())


class BusinessCriticality(models.TextChoices):
    MOST_CRITICAL = "1", "1 - most critical"
    SOMEWHAT_CRITICAL = "2", "2 - somewhat critical"
    LESS_CRITICAL = "3", "3 - less critical"
    NOT_CRITICAL = "4", "4 - not critical"


class Environment(models.TextChoices):
    PRODUCTION = "Production", "Production"
    STAGING = "Staging", "Staging"
    TEST = "Test", "Test"
    DEVELOPMENT = "Development", "Development"
    DR = "DR", "DR"


class HostingType(models.TextChoices):
    CLOUD = "Cloud", "Cloud"
    ON_PREMISE = "On-Premise", "On-Premise"
    HYBRID = "Hybrid", "Hybrid"
    SAAS = "SaaS", "SaaS"


class PublishAs(models.TextChoices):
    """What a deployment becomes in a target (each platform maps these to its own record types)."""

    NONE = "none", "Not published"
    APPLICATION_SERVICE = "application_service", "Application service"
    TECHNICAL_SERVICE = "technical_service", "Technical service"
    TECHNICAL_SERVICE_OFFERING = "technical_service_offering", "Technical service offering"


class ServiceScope(models.TextChoices):
    SHARED = "shared", "Shared"
    LOCAL = "local", "Local"


class ContractKind(models.TextChoices):
    VENDOR = "vendor", "Vendor"
    INTERNAL_CHARGEBACK = "internal_chargeback", "Internal chargeback"


class InfrastructureType(models.TextChoices):
    SERVER = "server", "Server"
    VIRTUAL_MACHINE = "virtual_machine", "Virtual machine"
    COMPUTER = "computer", "Computer"
    NETWORK_DEVICE = "network_device", "Network device"
    STORAGE = "storage", "Storage"
    CLOUD_INSTANCE = "cloud_instance", "Cloud instance"
    CONTAINER_HOST = "container_host", "Container host"
    OTHER = "other", "Other"
