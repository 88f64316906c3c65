from django.contrib import admin

from integrations.forms import ConnectionForm
from integrations.models import Connection


class ConnectionAdminForm(ConnectionForm):
    class Meta(ConnectionForm.Meta):
        fields = ["namespace", *ConnectionForm.Meta.fields]


@admin.register(Connection)
class ConnectionAdmin(admin.ModelAdmin):
    form = ConnectionAdminForm
    list_display = (
        "name",
        "namespace",
        "platform",
        "instance_url",
        "auth_method",
        "is_active",
        "last_sync_at",
    )
    list_filter = ("platform", "auth_method", "is_active", "namespace")
    search_fields = ("name", "instance_url")
    list_select_related = ("namespace",)
    readonly_fields = ("created_at", "updated_at", "last_sync_at")
