from django.contrib import admin

from sync.models import MatchChoice, SyncMapEntry, TargetRecord


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
    list_display = ("name", "version", "target_type", "target_id", "connection", "pulled_at")
    list_filter = ("kind", "connection")
    search_fields = ("name", "target_id")
    list_select_related = ("connection",)


@admin.register(MatchChoice)
class MatchChoiceAdmin(admin.ModelAdmin):
    list_display = ("connection", "kind", "record_id", "decision", "target_name", "decided_by", "decided_at")
    list_filter = ("kind", "decision", "connection")
    search_fields = ("record_id", "target_name", "target_id")
    list_select_related = ("connection", "decided_by")
