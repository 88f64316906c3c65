from .base import NamespacedModel, TimestampedModel
from .contracts import ProductContract
from .infrastructure import DESCRIPTION_FIELDS, InfrastructureItem
from .parties import Contact, Supplier
from .portfolio import BusinessApplication, DeploymentProfile
from .technology import ITService, SoftwareProduct
from .tenancy import Membership, Namespace

__all__ = [
    "DESCRIPTION_FIELDS",
    "BusinessApplication",
    "Contact",
    "DeploymentProfile",
    "ITService",
    "InfrastructureItem",
    "Membership",
    "Namespace",
    "NamespacedModel",
    "ProductContract",
    "SoftwareProduct",
    "Supplier",
    "TimestampedModel",
]
