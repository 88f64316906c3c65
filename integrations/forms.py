from django import forms

from integrations.base.platform import platform_named, platforms
from integrations.models import Connection, Platform

SECRETS = ("client_id", "client_secret", "username", "password", "refresh_token")


class ConnectionForm(forms.ModelForm):
    """Secrets are write-only: never rendered back, and left empty they keep the stored value. The
    chosen platform adds its own option fields (stored in `options`, checked by the platform)."""

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
        registered = platforms()
        self.fields["platform"].choices = [(p.value, p.label) for p in Platform if p.value in registered]
        for name in SECRETS:
            self.fields[name].required = False
            if editing and getattr(self.instance, name):
                self.fields[name].widget.attrs["placeholder"] = "unchanged"
        chosen = (
            self.data.get(self.add_prefix("platform")) if self.is_bound else None
        ) or self.instance.platform
        self.platform = registered.get(chosen) or registered[Platform.SERVICENOW]
        self.option_names = list(self.platform.option_fields())
        current = self.platform.options(self.instance.options if editing else {})
        for name, field in self.platform.option_fields().items():
            field.initial = getattr(current, name)
            self.fields[name] = field

    def clean(self):
        cleaned = super().clean()
        if not self.instance._state.adding:
            stored = Connection.objects.get(pk=self.instance.pk)
            for name in SECRETS:
                if not cleaned.get(name):
                    cleaned[name] = getattr(stored, name)
        try:
            platform = platform_named(cleaned.get("platform") or self.platform.name)
            self.options = platform.options(
                {k: cleaned.get(k) for k in self.option_names if cleaned.get(k) is not None}
            )
        except (LookupError, ValueError) as exc:
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
