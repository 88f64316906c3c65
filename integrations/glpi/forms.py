"""The GLPI options of a connection as form fields, and the connection form in GLPI's own words."""

from django import forms

# Which encrypted Connection field holds what for GLPI (no new columns): the App-Token in
# `client_secret`, the user token in `refresh_token`, a login and password in `username`/`password`.
CONNECTION_LABELS = {
    "instance_url": (
        "API URL",
        "GLPI's REST API address, as Setup > General > API shows it, e.g. "
        "https://glpi.example.org/apirest.php (the GLPI address alone is completed).",
    ),
    "auth_method": ("Sign in with", "The API user's token (recommended), or its login and password."),
    "client_secret": (
        "App-Token",
        "Of the API client (Setup > General > API); empty when the client has none. Stored encrypted.",
    ),
    "refresh_token": (
        "User token",
        "The API user's “API token” (its preferences > Remote access keys). Stored encrypted.",
    ),
    "username": ("Login", "The API user's login, when it signs in with a password."),
    "password": ("Password", "Stored encrypted, never shown again."),
}


def option_fields() -> dict[str, forms.Field]:
    return {
        "entity_id": forms.IntegerField(
            min_value=0,
            initial=0,
            label="Entity",
            help_text="The id of the GLPI entity the product publishes into (seed 001: a sub-entity under "
            "the root entity). “Test connection” lists the entities the account can see.",
        ),
        "entity_recursive": forms.BooleanField(
            required=False, label="Include sub-entities", help_text="Also read the entities below it."
        ),
        "page_size": forms.IntegerField(
            min_value=1, max_value=1000, initial=100, help_text="Items per read."
        ),
        "time_zone": forms.CharField(
            required=False,
            initial="UTC",
            max_length=60,
            label="Server time zone",
            help_text="The zone GLPI writes its dates in (its server's or Setup > General > Default values"
            "), e.g. Europe/Paris; the ticket sync reads date_mod in it. Default UTC.",
        ),
    }
