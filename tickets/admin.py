from django.contrib import admin

from tickets.models import Alert, TicketConflict, TicketLink, TicketPair, TicketSyncLog


@admin.register(TicketPair)
class TicketPairAdmin(admin.ModelAdmin):
    list_display = ("name", "namespace", "glpi", "servicenow", "conflict_policy", "enabled", "last_run_at")
    list_filter = ("namespace", "enabled")


admin.site.register(TicketLink)
admin.site.register(TicketConflict)
admin.site.register(TicketSyncLog)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = (
        "key",
        "pair",
        "state",
        "severity",
        "item",
        "side",
        "ticket_id",
        "problem_count",
        "last_seen_at",
    )
    list_filter = ("state", "side", "pair")
    search_fields = ("key", "item")
