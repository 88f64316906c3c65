"""System checks of the sync app."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def matching_embeddings(app_configs, **kwargs) -> list[Warning]:
    """MATCHING_EMBEDDINGS asks for a model the product does not ship: say so, and that matching falls
    back to the scorer's own evidence (sync.scorer), which is what runs either way."""
    if not getattr(settings, "MATCHING_EMBEDDINGS", False):
        return []
    return [
        Warning(
            "MATCHING_EMBEDDINGS is on but no embedding model is installed.",
            hint="Matching uses its lexical, alias, acronym and version evidence (the fallback).",
            id="sync.W001",
        )
    ]
