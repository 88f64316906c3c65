"""The pair form: the mapping is edited in a textarea or replaced by an uploaded .yaml file, and checked
on save (the model's clean), so a mistake comes back as a form error naming its line and key."""

from typing import Any

from django import forms

from integrations.models import Connection, Platform
from tickets.models import TicketPair
from tickets.yaml_lines import MAX_BYTES

UPLOAD_SUFFIXES = (".yaml", ".yml")


class TicketPairForm(forms.ModelForm):
    mapping_file = forms.FileField(
        label="Or upload a mapping",
        required=False,
        help_text=f"A .yaml file of at most {MAX_BYTES // 1024} KB; it replaces the text above.",
    )

    class Meta:
        model = TicketPair
        fields = ["name", "glpi", "servicenow", "enabled", "sync_interval", "mapping"]
        widgets = {"mapping": forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "code"})}

    def __init__(self, *args: Any, namespace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.namespace = namespace
        connections = Connection.objects.filter(namespace=namespace)
        self.fields["glpi"].queryset = connections.filter(platform=Platform.GLPI)
        self.fields["servicenow"].queryset = connections.filter(platform=Platform.SERVICENOW)
        self.fields["mapping"].required = False
        self.fields["sync_interval"].required = False  # left empty: every minute

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        others = TicketPair.objects.filter(namespace=self.instance.namespace, name=name)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Another pair of this namespace has this name.")
        return name

    def clean_sync_interval(self) -> int:
        value = self.cleaned_data.get("sync_interval")
        return 1 if value is None else value

    def clean_mapping_file(self) -> str:
        upload = self.files.get(self.add_prefix("mapping_file"))
        if not upload:
            return ""
        if not upload.name.lower().endswith(UPLOAD_SUFFIXES):
            raise forms.ValidationError("Upload a .yaml or .yml file.")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_BYTES // 1024} KB.")
        try:
            return upload.read(MAX_BYTES + 1).decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError("The file is not UTF-8 text.") from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        uploaded = cleaned.get("mapping_file")
        if uploaded:  # shown in the textarea too, so that the line numbers of an error can be followed
            cleaned["mapping"] = uploaded
            self.data = self.data.copy()
            self.data[self.add_prefix("mapping")] = uploaded
        elif not (cleaned.get("mapping") or "").strip() and "mapping_file" not in self.errors:
            self.add_error("mapping", "Give the mapping (or upload one).")
        return cleaned

    def _post_clean(self) -> None:
        super()._post_clean()
        if "mapping" in self.errors and self.cleaned_data.get("mapping_file"):
            self.add_error("mapping_file", "The uploaded mapping has the problem shown above.")
