from django.contrib import admin

from tickets.models import TicketConflict, TicketLink, TicketPair, TicketSyncLog


@admin.register(TicketPair)
class TicketPairAdmin(admin.ModelAdmin):
    list_display = ("name", "namespace", "glpi", "servicenow", "conflict_policy", "enabled", "last_run_at")
    list_filter = ("namespace", "enabled")


admin.site.register(TicketLink)
admin.site.register(TicketConflict)
admin.site.register(TicketSyncLog)
