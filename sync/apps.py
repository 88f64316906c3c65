from django.apps import AppConfig


class SyncConfig(AppConfig):
    """Matching, preview, publish plans and runs: the engine between the catalog and the platforms."""

    name = "sync"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from sync import checks, signals  # noqa: F401  (checks registers itself)

        signals.connect()
