from django import forms

from integrations.models import Connection
from integrations.servicenow.options import ServiceNowOptions

SECRETS = ("client_id", "client_secret", "username", "password", "refresh_token")
OPTION_FIELDS = (
    "data_source",
    "csdm_version",
    "app_service_relationship",
    "service_offering_relationship",
    "ire_batch_size",
    "max_calls_per_minute",
    "page_size",
    "reconciliation_priority",
    "data_refresh_days",
)


class ConnectionForm(forms.ModelForm):
    """Secrets are write-only: never rendered back, and left empty they keep the stored value.
    ServiceNow's own settings are separate fields stored in `options`."""

    data_source = forms.CharField(
        initial="PortfolioBridge", help_text="The discovery_source value the product writes as."
    )
    csdm_version = forms.TypedChoiceField(choices=[(5, "CSDM 5"), (4, "CSDM 4")], coerce=int, initial=5)
    app_service_relationship = forms.CharField(
        required=False,
        help_text="Business application → service instance; empty: Uses::Used by (CSDM 5) "
        "or Consumes::Consumed by (CSDM 4).",
    )
    service_offering_relationship = forms.CharField(
        required=False, help_text="Service instance → technical service offering; empty: Depends on::Used by."
    )
    ire_batch_size = forms.IntegerField(min_value=1, max_value=500, initial=100, label="IRE batch size")
    max_calls_per_minute = forms.IntegerField(
        min_value=0, initial=0, help_text="Client-side limit; 0 for none."
    )
    page_size = forms.IntegerField(min_value=1, max_value=2000, initial=1000, help_text="Records per read.")
    reconciliation_priority = forms.IntegerField(
        min_value=1,
        max_value=1000,
        initial=200,
        help_text="Of the configuration package's reconciliation rules; lower numbers win.",
    )
    data_refresh_days = forms.IntegerField(
        min_value=0,
        max_value=365,
        initial=2,
        label="Data refresh (days)",
        help_text="After this long without a publish, other data sources may overwrite the product's values.",
    )

    class Meta:
        model = Connection
        fields = [
            "name",
            "platform",
            "instance_url",
            "auth_method",
            *SECRETS,
            "ca_bundle",
            "sync_direction",
            "schedule",
            "is_active",
        ]
        widgets = {name: forms.PasswordInput(render_value=False) for name in SECRETS}
        labels = {"client_id": "Client ID", "instance_url": "Instance URL"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        editing = not self.instance._state.adding
        for name in SECRETS:
            self.fields[name].required = False
            if editing and getattr(self.instance, name):
                self.fields[name].widget.attrs["placeholder"] = "unchanged"
        options = ServiceNowOptions.from_dict(self.instance.options if editing else {})
        for name in OPTION_FIELDS:
            self.fields[name].initial = getattr(options, name)

    def clean(self):
        cleaned = super().clean()
        if not self.instance._state.adding:
            stored = Connection.objects.get(pk=self.instance.pk)
            for name in SECRETS:
                if not cleaned.get(name):
                    cleaned[name] = getattr(stored, name)
        try:
            self.options = ServiceNowOptions.from_dict(
                {k: cleaned.get(k) for k in OPTION_FIELDS if cleaned.get(k) is not None}
            )
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None
        return cleaned

    def _post_clean(self) -> None:
        for name in SECRETS:
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        if hasattr(self, "options"):
            self.instance.options = {**self.instance.options, **self.options.as_dict()}
        super()._post_clean()

    def _get_validation_exclusions(self) -> set[str]:
        return super()._get_validation_exclusions() - {"namespace"}
