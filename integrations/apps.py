from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    """Connections to target platforms and one package per platform (client, mapping, sandbox)."""

    name = "integrations"
    default_auto_field = "django.db.models.BigAutoField"
