"""The HaloITSM options of a connection as form fields (the connection form adds them)."""

from django import forms

from .options import DEFAULT_CALLS_PER_FIVE_MINUTES


def option_fields() -> dict[str, forms.Field]:
    return {
        "auth_url": forms.URLField(
            required=False,
            label="Authorisation server",
            assume_scheme="https",
            help_text="Empty: discovered from the instance's /api/authinfo.",
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
