"""Portfolio edits → `on change` publishes. The handlers only note which namespace changed."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from catalog.models import BusinessApplication, DeploymentProfile, ITService, SoftwareProduct
from sync.schedule import note_change

PUBLISHED_MODELS = (ITService, SoftwareProduct, BusinessApplication, DeploymentProfile)


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    note_change(instance.namespace_id)


def _links_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and hasattr(instance, "namespace_id"):
        note_change(instance.namespace_id)


def connect() -> None:
    for model in PUBLISHED_MODELS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"sync-change-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"sync-delete-{model.__name__}")
    for through in (DeploymentProfile.it_services.through, DeploymentProfile.software_products.through):
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"sync-links-{through.__name__}")
