from django import forms

from catalog.models import (
    DESCRIPTION_FIELDS,
    BusinessApplication,
    Contact,
    DeploymentProfile,
    InfrastructureItem,
    ITService,
    Namespace,
    ProductContract,
    SoftwareProduct,
    Supplier,
)


class NamespacedModelForm(forms.ModelForm):
    """A ModelForm bound to one namespace: every related-record choice is limited to that namespace, and
    the record is saved into it (the user never picks the namespace)."""

    # Fields the view fills in, which still take part in uniqueness checks.
    implicit_fields: tuple[str, ...] = ("namespace",)

    def __init__(self, *args, namespace: Namespace, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.namespace = namespace
        self.instance.namespace = namespace
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset.model, "namespace"):
                field.queryset = queryset.filter(namespace=namespace)

    def _get_validation_exclusions(self) -> set[str]:
        return super()._get_validation_exclusions() - set(self.implicit_fields)


class SupplierForm(NamespacedModelForm):
    class Meta:
        model = Supplier
        fields = ["name", "website", "notes"]


class ContactForm(NamespacedModelForm):
    class Meta:
        model = Contact
        fields = ["name", "email", "title", "phone"]


class ITServiceForm(NamespacedModelForm):
    class Meta:
        model = ITService
        fields = ["name", "scope", "description", "owner"]


class SoftwareProductForm(NamespacedModelForm):
    class Meta:
        model = SoftwareProduct
        fields = ["name", "manufacturer", "version"]


class BusinessApplicationForm(NamespacedModelForm):
    class Meta:
        model = BusinessApplication
        fields = [
            "app_id",
            "name",
            "short_description",
            "description",
            "operational_status",
            "lifecycle_stage",
            "lifecycle_status",
            "business_criticality",
            "owner",
            "manager",
            "vendor",
        ]


class DeploymentProfileForm(NamespacedModelForm):
    implicit_fields = ("namespace", "application")

    class Meta:
        model = DeploymentProfile
        fields = [
            "name",
            "environment",
            "hosting_type",
            "cloud_provider",
            "region",
            "operational_status",
            "version",
            "publish_as",
            "it_services",
            "software_products",
        ]
        widgets = {
            "it_services": forms.CheckboxSelectMultiple,
            "software_products": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args, application: BusinessApplication, **kwargs) -> None:
        super().__init__(*args, namespace=application.namespace, **kwargs)
        self.instance.application = application


class ProductContractForm(NamespacedModelForm):
    class Meta:
        model = ProductContract
        fields = [
            "name",
            "number",
            "supplier",
            "kind",
            "start_date",
            "end_date",
            "annual_cost",
            "currency",
            "software_products",
            "applications",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "software_products": forms.SelectMultiple(attrs={"size": 8}),
            "applications": forms.SelectMultiple(attrs={"size": 8}),
        }


class DeploymentChoiceField(forms.ModelMultipleChoiceField):
    """Deployment names repeat across applications ("… — Prod"), so each choice names its application."""

    def label_from_instance(self, obj: DeploymentProfile) -> str:
        return f"{obj.application.name} · {obj.name}"


class InfrastructureItemForm(NamespacedModelForm):
    class Meta:
        model = InfrastructureItem
        fields = [*DESCRIPTION_FIELDS, "deployments"]
        field_classes = {"deployments": DeploymentChoiceField}
        widgets = {
            "service_end_date": forms.DateInput(attrs={"type": "date"}),
            "deployments": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        deployments = self.fields["deployments"]
        deployments.queryset = deployments.queryset.select_related("application")


class PortfolioImportForm(forms.Form):
    file = forms.FileField(help_text="An Excel workbook (.xlsx) or a JSON file in the portfolio format.")
