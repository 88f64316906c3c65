"""The HaloITSM options of a connection as form fields (the connection form adds them)."""

from django import forms

from .options import DEFAULT_CALLS_PER_FIVE_MINUTES

# The connection form in Halo's own words (its API page: Configuration > Integrations > Halo API).
CONNECTION_LABELS = {
    "instance_url": (
        "Resource server",
        "The instance's API address, e.g. https://acme.haloitsm.com (the /api after it may be left on).",
    ),
    "client_id": ("Client ID", "Of the API application; its authentication method is Client ID and Secret."),
    "client_secret": ("Client secret", "Of the same API application; stored encrypted, never shown again."),
}


def option_fields() -> dict[str, forms.Field]:
    return {
        "auth_url": forms.URLField(
            required=False,
            label="Authorisation server",
            assume_scheme="https",
            help_text="e.g. https://acme.haloitsm.com/auth; empty: discovered from the instance's "
            "/api/authinfo.",
        ),
        "tenant": forms.CharField(
            required=False,
            max_length=100,
            help_text="Hosted Halo's tenant; empty: discovered from /api/authinfo "
            "(on-premise Halo has none).",
        ),
        "page_size": forms.IntegerField(
            min_value=1, max_value=1000, initial=100, help_text="Records per read."
        ),
        "calls_per_five_minutes": forms.IntegerField(
            min_value=1,
            max_value=100_000,
            initial=DEFAULT_CALLS_PER_FIVE_MINUTES,
            help_text="Halo answers 429 beyond its limit (hosted: 300 per rolling five minutes).",
        ),
    }
