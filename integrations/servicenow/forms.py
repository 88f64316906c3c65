"""The ServiceNow options of a connection as form fields (the connection form adds them)."""

from django import forms


def option_fields() -> dict[str, forms.Field]:
    return {
        "data_source": forms.CharField(
            initial="PortfolioBridge", help_text="The discovery_source value the product writes as."
        ),
        "csdm_version": forms.TypedChoiceField(
            choices=[(5, "CSDM 5"), (4, "CSDM 4")], coerce=int, initial=5, label="CSDM version"
        ),
        "app_service_relationship": forms.CharField(
            required=False,
            help_text="Business application → service instance; empty: Uses::Used by (CSDM 5) "
            "or Consumes::Consumed by (CSDM 4).",
        ),
        "service_offering_relationship": forms.CharField(
            required=False,
            help_text="Service instance → technical service offering; empty: Depends on::Used by.",
        ),
        "ire_batch_size": forms.IntegerField(min_value=1, max_value=500, initial=100, label="IRE batch size"),
        "max_calls_per_minute": forms.IntegerField(
            min_value=0, initial=0, help_text="Client-side limit; 0 for none."
        ),
        "page_size": forms.IntegerField(
            min_value=1, max_value=2000, initial=1000, help_text="Records per read."
        ),
        "reconciliation_priority": forms.IntegerField(
            min_value=1,
            max_value=1000,
            initial=200,
            help_text="Of the configuration package's reconciliation rules; lower numbers win.",
        ),
        "data_refresh_days": forms.IntegerField(
            min_value=0,
            max_value=365,
            initial=2,
            label="Data refresh (days)",
            help_text="After this long without a publish, other data sources may overwrite the product's "
            "values.",
        ),
        "create_vendors": forms.BooleanField(
            required=False,
            label="Create missing vendors",
            help_text="A vendor ServiceNow does not know (core_company, by name) is created; "
            "otherwise it is left out and the preview says so.",
        ),
    }
