"""Read-mostly admin views of the pipelines' records: tokens are made and revoked on their own page (the
secret is shown once there), changes come from ServiceNow."""

from django.contrib import admin

from pipelines.models import ChangeRequest, PipelineToken


@admin.register(PipelineToken)
class PipelineTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "namespace", "prefix", "scope", "created_at", "last_used_at", "revoked_at")
    list_filter = ("scope", "namespace")
    search_fields = ("name", "prefix")
    readonly_fields = (
        "namespace",
        "name",
        "prefix",
        "key_hash",
        "scope",
        "created_by",
        "created_at",
        "last_used_at",
    )

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ChangeRequest)
class ChangeRequestAdmin(admin.ModelAdmin):
    list_display = ("number", "application", "environment", "type", "state_label", "approval", "connection")
    list_filter = ("type", "state_label", "connection")
    search_fields = ("number", "application", "sys_id")
    list_select_related = ("connection",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
