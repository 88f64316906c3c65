from django.apps import AppConfig


class PipelinesConfig(AppConfig):
    """Change requests for CI/CD pipelines: tokens, the HTTP API, the shared poll and the change pages."""

    name = "pipelines"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pipelines.api import schema  # noqa: F401  (registers the token's OpenAPI description)
