from django import forms

from integrations.base.platform import platform_named, platforms
from integrations.base.trust import MAX_CA_BUNDLE_BYTES, InvalidCaBundle, certificates, clean_pem
from integrations.models import AuthMethod, Connection, Platform

SECRETS = ("client_id", "client_secret", "username", "password", "refresh_token")
# The credentials each authentication method signs in with.
CREDENTIALS = {
    AuthMethod.OAUTH_PASSWORD: ("client_id", "client_secret", "username", "password"),
    AuthMethod.OAUTH_CLIENT_CREDENTIALS: ("client_id", "client_secret"),
    AuthMethod.BASIC: ("username", "password"),
    AuthMethod.USER_TOKEN: ("refresh_token",),
}


# Methods only a platform that names them in `auth_methods` offers (GLPI's user token).
OFFERED_BY_NAME = (AuthMethod.USER_TOKEN,)


class ConnectionForm(forms.ModelForm):
    """Secrets are write-only: never rendered back, and left empty they keep the stored value. The
    chosen platform adds its own option fields (stored in `options`, checked by the platform). The CA
    bundle is pasted or uploaded PEM text, never a path on the server."""

    ca_bundle_file = forms.FileField(
        required=False,
        label="Or upload a CA bundle file",
        help_text="A PEM file (.pem, .crt); it replaces the text above.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pem,.crt,.cer,.txt"}),
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
            "ca_bundle_file",
            "sync_direction",
            "schedule",
            "is_active",
        ]
        widgets = {
            **{name: forms.PasswordInput(render_value=False) for name in SECRETS},
            "ca_bundle": forms.Textarea(attrs={"rows": 4, "placeholder": "-----BEGIN CERTIFICATE-----"}),
        }
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
            self.data.get(self.add_prefix("platform")) if self.is_bound else self.initial.get("platform")
        ) or self.instance.platform
        self.platform = registered.get(chosen) or registered[Platform.SERVICENOW]
        self.fit_to_platform()
        self.option_names = list(self.platform.option_fields())
        current = self.platform.options(self.instance.options if editing else {})
        for name, field in self.platform.option_fields().items():
            field.initial = getattr(current, name)
            self.fields[name] = field

    def fit_to_platform(self) -> None:
        """Only the credentials the platform's authentication methods use, in the platform's words: a
        HaloITSM connection shows no user name or password and no choice of method; GLPI's methods are
        a user token or a login, plus the App-Token either way."""
        methods = self.platform.auth_methods
        if not methods:  # every method but the ones a platform must offer by name
            choices = [(m.value, m.label) for m in AuthMethod if m not in OFFERED_BY_NAME]
            self.fields["auth_method"].choices = choices
        if methods:
            self.fields["auth_method"].choices = [(m.value, m.label) for m in AuthMethod if m in methods]
            used = {name for method in methods for name in CREDENTIALS[AuthMethod(method)]}
            used |= set(self.platform.always_secrets)
            for name in SECRETS:
                if name not in used:
                    del self.fields[name]
            if len(methods) == 1:
                del self.fields["auth_method"]
                self.instance.auth_method = methods[0]
        for name, (label, help_text) in self.platform.connection_labels.items():
            if name in self.fields:
                self.fields[name].label, self.fields[name].help_text = label, help_text

    def clean_instance_url(self) -> str:
        return self.platform.instance_url(self.cleaned_data.get("instance_url") or "")

    def clean_ca_bundle_file(self) -> str:
        upload = self.cleaned_data.get("ca_bundle_file")
        if not upload:
            return ""
        if upload.size > MAX_CA_BUNDLE_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_CA_BUNDLE_BYTES // 1000} kB.")
        try:
            text = clean_pem(upload.read().decode("ascii"))
            certificates(text)
        except UnicodeDecodeError:
            raise forms.ValidationError("This is not a PEM file (PEM is plain text).") from None
        except InvalidCaBundle as exc:
            raise forms.ValidationError(str(exc)) from None
        return text

    def clean(self):
        cleaned = super().clean()
        cleaned["ca_bundle"] = cleaned.get("ca_bundle_file") or clean_pem(cleaned.get("ca_bundle") or "")
        if not self.instance._state.adding:
            stored = Connection.objects.get(pk=self.instance.pk)
            for name in SECRETS:
                if name in self.fields and not cleaned.get(name):
                    cleaned[name] = getattr(stored, name)
        try:
            platform = platform_named(cleaned.get("platform") or self.platform.name)
            # options the form does not show (e.g. a mapping a wizard step saved) are kept
            kept = self.instance.options if self.instance.platform == platform.name else {}
            given = {k: cleaned.get(k) for k in self.option_names if cleaned.get(k) is not None}
            self.options = platform.options({**(kept or {}), **given})
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
