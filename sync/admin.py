from django.contrib import admin

from sync.models import MatchChoice, Pull, SyncMapEntry, TargetRecord, WebhookDelivery, WebhookEndpoint


@admin.register(SyncMapEntry)
class SyncMapEntryAdmin(admin.ModelAdmin):
    list_display = (
        "connection",
        "kind",
        "record_id",
        "target_type",
        "target_id",
        "direction",
        "last_synced_at",
    )
    list_filter = ("kind", "direction", "connection")
    search_fields = ("record_id", "target_id")
    list_select_related = ("connection",)


@admin.register(TargetRecord)
class TargetRecordAdmin(admin.ModelAdmin):
    """A pull's copy of the target's records, to look at: the next pull replaces them all, and the matching
    wizard reads them once per pull (sync.wizard.pull_of), so they are never edited here."""

    list_display = ("name", "version", "target_type", "target_id", "connection", "pulled_at")
    list_filter = ("kind", "connection")
    search_fields = ("name", "target_id")
    list_select_related = ("connection",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(MatchChoice)
class MatchChoiceAdmin(admin.ModelAdmin):
    list_display = ("connection", "kind", "record_id", "decision", "target_name", "decided_by", "decided_at")
    list_filter = ("kind", "decision", "connection")
    search_fields = ("record_id", "target_name", "target_id")
    list_select_related = ("connection", "decided_by")


@admin.register(Pull)
class PullAdmin(admin.ModelAdmin):
    list_display = ("connection", "created_at", "trigger", "status", "counts", "applied_by")
    list_filter = ("status", "trigger", "connection")
    list_select_related = ("connection", "applied_by")


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ("connection", "received_at", "event", "event_id", "target_ids", "test")
    list_filter = ("test", "connection")
    search_fields = ("event_id",)
    list_select_related = ("connection",)


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    """Read-only: credentials are generated on the connection page, and the digest is never shown."""

    list_display = ("connection", "username", "rotated_at", "target_webhook_id", "last_event_at")
    exclude = ("password_digest",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
