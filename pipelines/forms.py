from django import forms

from pipelines.models import PipelineToken


class TokenForm(forms.ModelForm):
    class Meta:
        model = PipelineToken
        fields = ["name", "scope"]
        help_texts = {"name": "Which pipeline uses it, e.g. “payments-deploy”."}
